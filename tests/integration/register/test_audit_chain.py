"""The audit chain catches edits, deletions and truncation made behind the program's back."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

from sqlalchemy import text

from desktop.core.requests import CaseStatus, RequestType
from desktop.register import audit
from desktop.register.db import open_register
from desktop.register.repository import add_staff, change_status, create_case
from tests.conftest import make_check


def _register_with_events(url: str):  # type: ignore[no-untyped-def]
    register = open_register(url)
    with register.sessions.begin() as session:
        staff = add_staff(session, "desk1", "Desk One", ["reception"])
        for _ in range(3):
            case = create_case(
                session,
                subject=make_check(),
                requests=[(RequestType.ACCESS, None)],
                staff=staff,
                received_at=datetime(2026, 11, 23, 9, tzinfo=UTC),
            )
            change_status(session, case, CaseStatus.GATHERING, staff=staff)
    return register  # 1 + 3 × 3 = 10 events


def _cli_verify(url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--register", url, "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_intact_chain(register_url: str) -> None:
    register = _register_with_events(register_url)
    with register.sessions() as session:
        report = audit.verify_chain(session)
    register.dispose()
    assert report.intact and report.events == 10
    result = _cli_verify(register_url)
    assert result.returncode == 0, result.stderr
    assert "intact: 10 events" in result.stdout


def test_an_edited_row_is_caught_and_named(register_url: str) -> None:
    register = _register_with_events(register_url)
    with register.engine.begin() as conn:
        conn.execute(text('UPDATE audit_events SET details = \'{"from": "x"}\' WHERE seq = 6'))
    with register.sessions() as session:
        report = audit.verify_chain(session)
    register.dispose()
    assert report.broken_seq == 6
    assert "changed" in report.reason
    result = _cli_verify(register_url)
    assert result.returncode == 1
    assert "BROKEN at event 6" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_rehashed_edit_still_breaks_the_next_link(sqlite_url: str) -> None:
    """Someone who recomputes the edited row's hash breaks the link to the row after it."""
    register = _register_with_events(sqlite_url)
    with register.sessions.begin() as session:
        row = session.execute(text("SELECT * FROM audit_events WHERE seq = 4")).mappings().one()
        from desktop.register.models import AuditEvent

        event = session.get(AuditEvent, row["id"])
        assert event is not None
        event.details = '{"forged": true}'
        event.hash = audit.event_hash(event)
    with register.sessions() as session:
        report = audit.verify_chain(session)
    register.dispose()
    assert report.broken_seq == 5


def test_deleted_rows_are_caught(sqlite_url: str) -> None:
    register = _register_with_events(sqlite_url)
    with register.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events WHERE seq = 3"))
    with register.sessions() as session:
        report = audit.verify_chain(session)
    assert report.broken_seq == 3 and "missing" in report.reason
    with register.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events WHERE seq >= 3"))
    with register.sessions() as session:
        report = audit.verify_chain(session)
    register.dispose()
    assert not report.intact and "newest events were removed" in report.reason
