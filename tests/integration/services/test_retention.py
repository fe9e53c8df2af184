"""The register's own retention: an old ended case loses its personal data, keeps its facts,
and the audit chain still verifies. Checked by reading the register's files."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core.requests import RequestType
from desktop.core.verification import Mandate, MandateType
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import AuditEvent, Case, CaseIdentifier, IdentityVerification, Representative
from desktop.services import retention
from desktop.services.cases import PersonInput, open_case
from desktop.services.delivery import render_receipt
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.retention import cutoff_date, purge_ended_cases
from desktop.services.staff import sign_in
from desktop.services.visit import Visit
from tests.integration.services.helpers import cli

SUBJECT = PersonInput("19420120-5830", "Gullan Purgesson", "passport", "SE", "AB123456",
                      date.today() + timedelta(days=400))  # fmt: skip
AGENT = PersonInput("19640823-3234", "Bertil Ombudsson", "driving-licence", "SE", "XY987654",
                    date.today() + timedelta(days=400))  # fmt: skip
KEEP = PersonInput("19811218-9876", "Kerstin Kvarsson", "passport", "SE", "CD123456",
                   date.today() + timedelta(days=400))  # fmt: skip


@pytest.fixture
def config(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    world = create_demo(tmp_path_factory.mktemp("retention"), people=50, seed=3).config_path
    shutil.copytree(world.parent, tmp_path / "org")
    return tmp_path / "org" / world.name


def test_cutoff_counts_back_whole_years() -> None:
    assert cutoff_date(date(2026, 11, 24), 3) == date(2023, 11, 24)
    assert cutoff_date(date(2028, 2, 29), 1) == date(2027, 2, 28)


def test_an_old_ended_case_loses_its_personal_data_and_keeps_its_facts(config: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with open_desk(config) as desk:
        old = open_case(
            desk, SUBJECT, [(RequestType.ACCESS, None), (RequestType.ERASURE, "Radera Gullans gamla avtal")],
            staff_username="disk1",
            representative=(AGENT, Mandate(MandateType.POWER_OF_ATTORNEY, date.today(), "Gullan Purgesson", "Gullans avtalsfrågor")),
            identifiers=[("email", "gullan.purgesson@example.org")],
        ).number  # fmt: skip
        visit = Visit(desk, old, sign_in(desk, "disk1", "demo-disk1"))
        visit.record_outcome("erasure", "Avtalen raderade utom fakturor (bokföringslagen)")
        visit.withdraw("visitor-withdrew")
        kept = open_case(desk, KEEP, [(RequestType.ACCESS, None)], staff_username="disk1").number  # still open
        assert purge_ended_cases(desk, by=None, dry_run=True).cases == 0  # ended today: kept for three years

    # Three years and a day later.
    later = date.today() + timedelta(days=3 * 366 + 1)
    code, out, _ = cli("--config", str(config), "register", "purge", "--dry-run")
    assert code == 0 and out.startswith("0 cases")
    real_utcnow = retention.utcnow
    monkeypatch.setattr(retention, "utcnow", lambda: real_utcnow() + (later - date.today()))
    code, out, _ = cli("--config", str(config), "register", "purge", "--dry-run")
    assert code == 0 and out.startswith("1 cases") and "would be purged" in out
    assert cli("--config", str(config), "register", "purge", "--admin", "disk1", stdin="demo-disk1\n")[0] == 2
    code, out, _ = cli("--config", str(config), "register", "purge", "--admin", "admin", stdin="demo-admin\n")
    assert code == 0 and out.startswith("1 cases") and "purged" in out

    register_files = b"".join(p.read_bytes() for p in config.parent.glob("register.sqlite*"))
    for gone in ("Gullan", "Purgesson", "19420120-5830", "194201205830", "Ombudsson", "19640823-3234",
                 "gullan.purgesson", "Radera Gullans", "avtalsfrågor"):  # fmt: skip
        assert gone.encode() not in register_files, gone
    assert b"Kvarsson" in register_files  # an open case keeps its visitor
    with open_desk(config) as desk, desk.register.sessions() as session:
        case = session.query(Case).filter_by(number=old).one()
        assert case.status == "withdrawn" and case.received_on and case.deadline and case.purged_at
        assert [(r.type, r.details, r.outcome) for r in case.requests] == [
            ("access", None, None), ("erasure", None, "Avtalen raderade utom fakturor (bokföringslagen)")
        ]  # fmt: skip
        assert case.digest_salt is None
        for table in (IdentityVerification, Representative, CaseIdentifier):
            assert session.query(table).filter_by(case_id=case.id).count() == 0
        assert session.query(Case).filter_by(number=kept).one().subject_name == "Kerstin Kvarsson"
        report = audit.verify_chain(session)
        assert report.intact, report
        (event,) = session.query(AuditEvent).filter_by(action="register.purged").all()
        assert '"cases": 1' in event.details and "Gullan" not in event.details
    with open_desk(config) as desk, pytest.raises(UserError, match="purged"):
        render_receipt(desk, old)
    assert cli("--config", str(config), "audit", "verify")[0] == 0
    # Nothing more is due the next time.
    assert cli("--config", str(config), "register", "purge", "--dry-run")[1].startswith("0 cases")
