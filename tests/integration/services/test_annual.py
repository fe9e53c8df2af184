"""The yearly report's figures on a register built for the test are exact, and its PDF reads
back in both languages."""

from __future__ import annotations

import io
import shutil
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from desktop.core.clock import LOCAL_ZONE
from desktop.core.requests import RequestType
from desktop.register.models import utcnow
from desktop.report.annual_pdf import build_annual
from desktop.services.annual import annual_report
from desktop.services.cases import PersonInput, open_case
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.staff import create_account, sign_in
from desktop.services.visit import Visit

PASSWORDS = {"admin": "annual-admin-secret", "disk1": "annual-desk-secret", "granskare": "annual-approver-secret"}
PEOPLE = ["19811218-9876", "19640823-3234", "19420120-5830", "19700101-1233", "19860309-2399"]


@pytest.fixture
def config(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    world = create_demo(tmp_path_factory.mktemp("annual"), people=20, seed=9).config_path
    shutil.copytree(world.parent, tmp_path / "org")
    return tmp_path / "org" / world.name


def test_the_yearly_figures_are_exact(config: Path, register_url: str) -> None:
    """On SQLite the answers are counted in Python, on PostgreSQL by the database (with its own
    time-zone rules): the same figures either way."""
    now = utcnow()
    ago = {name: now - timedelta(days=days) for name, days in (("A", 40), ("B", 3), ("C", 5), ("D", 2), ("E", 1))}

    def person(n: int) -> PersonInput:
        return PersonInput(PEOPLE[n], f"Person {'ABCDE'[n]}", "passport", "SE", "AB123456",
                           date.today() + timedelta(days=400))  # fmt: skip

    with open_desk(config, register_url=register_url) as desk:
        create_account(desk, "admin", "IT", ["admin"], PASSWORDS["admin"], by=None)
        admin = sign_in(desk, "admin", PASSWORDS["admin"])
        create_account(desk, "disk1", "Disk 1", ["reception"], PASSWORDS["disk1"], by=admin)
        create_account(desk, "granskare", "Granskare", ["reception", "approver"], PASSWORDS["granskare"], by=admin)

        def visit(n: int, requests: list[tuple[RequestType, str | None]]) -> Visit:
            number = open_case(desk, person(n), requests, staff_username="disk1",
                               received_at=ago["ABCDE"[n]]).number  # fmt: skip
            return Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))

        def deliver(v: Visit, tmp: Path) -> None:
            v.gather()
            v.record_manual("rekrytering", found=False, note="")  # HR answered: the extract is the whole answer
            v.leave_out_weak()
            v.approve("granskare", PASSWORDS["granskare"])
            v.render("sv")
            v.deliver_files(tmp)

        folder = config.parent
        deliver(visit(0, [(RequestType.ACCESS, None)]), folder / "a.pdf")  # 40 days: late
        deliver(visit(1, [(RequestType.ACCESS, None)]), folder / "b.pdf")  # 3 days: in time
        visit(2, [(RequestType.ACCESS, None), (RequestType.ERASURE, "Allt")]).reject("Uppenbart ogrundad")
        visit(3, [(RequestType.OBJECTION_DIRECT_MARKETING, None)]).withdraw("visitor-withdrew")
        extended = visit(4, [(RequestType.ACCESS, None), (RequestType.RECTIFICATION, "Fel adress")])
        extended.extend("Många system")

        local = {k: v.astimezone(LOCAL_ZONE).date() for k, v in ago.items()}
        years = sorted({d.year for d in local.values()})
        reports = [annual_report(desk, year, by=admin) for year in years]

    def total(name: str) -> int:
        return sum(getattr(r, name) for r in reports)

    assert total("cases") == 5
    assert total("answered") == 3  # A and B delivered, C refused; D withdrawn, E open
    assert total("answered_in_time") == 2  # B and C
    assert (total("extended"), total("refused"), total("withdrawn"), total("open_cases")) == (1, 1, 1, 1)
    assert total("outstanding_parts") == 1  # E's rectification (C's erasure ended with the refusal)
    by_type: dict[str, int] = {}
    for report in reports:
        for kind, counts in report.requests_by_month.items():
            by_type[kind] = by_type.get(kind, 0) + sum(counts)
    assert by_type == {"access": 4, "erasure": 1, "objection-marketing": 1, "rectification": 1}
    month_of_a = local["A"].month - 1
    (report_a,) = [r for r in reports if r.year == local["A"].year]
    assert report_a.requests_by_month["access"][month_of_a] >= 1
    if len(reports) == 1:
        (report,) = reports
        today = now.astimezone(LOCAL_ZONE).date()
        assert report.median_days == (today - local["C"]).days  # 40, 3, 5 → the middle one, C's
        assert report.in_time_percent == round(100 * 2 / 3, 1)
    for language, expected in (("sv", ["Årsrapport", "Besvarade inom tidsfristen", "Registerutdrag (artikel 15)"]),
                               ("en", ["Annual report", "Answered within the time limit"])):  # fmt: skip
        pdf, pages = build_annual(reports[-1], "Strandstads Energi", language)
        text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
        assert pages >= 1 and all(part in text for part in expected), (language, text[:400])
        assert "Person" not in text and "1981" not in text  # no personal data


def test_the_command_line_prints_the_figures_and_writes_the_pdf(
    config: Path, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    from desktop.cli import main

    with open_desk(config) as desk:
        number = open_case(desk, PersonInput(PEOPLE[0], "Person A", "passport", "SE", "AB123456",
                                             date.today() + timedelta(days=400)),
                           [(RequestType.ACCESS, None)], staff_username="disk1").number  # fmt: skip
        year = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1")).file.received_at.astimezone(LOCAL_ZONE).year
    monkeypatch.setattr("sys.stdin", io.StringIO("demo-admin\n"))
    assert main(["--config", str(config), "report", "--admin", "admin", "--year", str(year),
                 "--pdf", str(tmp_path / "r.pdf")]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert f"year {year}: 1 cases, 0 answered" in out and "1 awaiting an answer" in out
    pdf = pypdf.PdfReader(tmp_path / "r.pdf")
    assert "Årsrapport" in " ".join(page.extract_text() for page in pdf.pages)
    assert "Strandstads Energi" in pdf.pages[0].extract_text()  # the configuration's organisation
