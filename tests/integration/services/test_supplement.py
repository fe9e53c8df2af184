"""What the first extract left outstanding reaches the visitor: a manual check answered after
the delivery and a system that was down become a supplementary extract ("Kompletterande
registerutdrag") with only those systems, naming the first delivery; until then the case cannot
be closed without a reason, it shows as waiting for a supplement, and it counts as overdue when
late. Through the services and the command line, read back from the PDFs."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core.requests import RequestType
from desktop.services.annual import annual_report
from desktop.services.cases import PersonInput, open_case
from desktop.services.casework import CaseFilter, fetch_cases
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.staff import sign_in
from desktop.services.visit import Action, ActionRefused, Visit
from tests.integration.services.helpers import cli, copy_org, deliver_extract, pdf_text

PASSWORDS = {"disk1": "demo-disk1", "granskare": "demo-granskare"}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo(tmp_path_factory.mktemp("supplement"), people=120, seed=8).config_path


@pytest.fixture
def config(world: Path, tmp_path: Path) -> Path:
    return copy_org(world, tmp_path)


@pytest.fixture
def desk(config: Path) -> Iterator[object]:
    with open_desk(config) as desk:
        yield desk


def chatting_visitor(config: Path) -> PersonInput:
    """A customer with chat messages: the chat export is searched by the e-mail address the
    customer register gives, so a supplement for it needs that register asked again."""
    with (config.parent / "imbox-chatt.csv").open(encoding="cp1252", newline="") as f:  # as Imbox exports it
        emails = {(row["Kontakt e-post"] or "").lower() for row in csv.DictReader(f, delimiter=";")}
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        rows = db.execute("SELECT personnr, fornamn || ' ' || efternamn, epost FROM kund ORDER BY kundnr").fetchall()
    personnummer, name = next((p, n) for p, n, e in rows if e and e.lower() in emails)
    return PersonInput(personnummer, name, "passport", "SE", "AB123456", date.today() + timedelta(days=400))


def first_extract(desk, config: Path, tmp_path: Path, subject: PersonInput | None = None, **opened_with) -> Visit:  # type: ignore[no-untyped-def]
    return deliver_extract(desk, subject or chatting_visitor(config), tmp_path / "utdrag.pdf", **opened_with)


def test_a_manual_answer_after_the_delivery_becomes_a_supplement_with_only_that_system(
    desk,
    config: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    visit = first_extract(desk, config, tmp_path)
    first = pdf_text((tmp_path / "utdrag.pdf").read_bytes())
    deadline = visit.file.deadline.isoformat()
    assert f"Jobbansökningar (HR) Kontrolleras manuellt – svar senast {deadline}" in first  # the promise
    assert visit.file.outstanding == ("rekrytering",)
    assert [(o.code, o.subject) for o in visit.owed()] == [("supplement_owed", "rekrytering")]
    assert Action.GATHER in visit.allowed_actions()
    row = next(r for r in fetch_cases(desk, CaseFilter.OPEN, limit=50) if r.number == visit.number)
    assert row.awaiting_supplement and row.owes_answer
    with pytest.raises(ActionRefused) as refused:
        visit.close()  # the promise is not kept yet
    assert refused.value.code == "close.owed"
    year = annual_report(desk, by=sign_in(desk, "admin", "demo-admin"))
    assert (year.awaiting_supplement, year.supplements, year.answered) == (1, 0, 0)  # answered only in part

    visit.record_manual("rekrytering", found=True, note="En ansökan till tjänsten som montör, mars 2026")
    result = visit.gather()
    assert list(result.sources) == ["rekrytering"]  # only what was outstanding comes into the review
    assert visit.status.value == "review"
    visit.approve("granskare", PASSWORDS["granskare"])
    rendered = visit.render("sv", with_package=True)
    supplement = pdf_text(rendered.pdf)
    delivered_on = visit.file.first_delivered_on
    assert delivered_on is not None
    assert supplement.startswith("Kompletterande registerutdrag")
    assert f"Kompletterar utdraget från {delivered_on.isoformat()}" in supplement
    assert f"kompletterar registerutdraget som du fick {delivered_on.isoformat()}" in supplement
    assert "En ansökan till tjänsten som montör, mars 2026" in supplement
    assert "Kundregistret" not in supplement and "Chatt" not in supplement  # nothing else again
    assert "Integritetsskyddsmyndigheten (IMY)" in supplement  # the rights, as in the first
    assert rendered.package is not None
    package = json.loads(zipfile.ZipFile(io.BytesIO(rendered.package)).read("extract.json"))
    assert package["case"]["supplement_of"] == delivered_on.isoformat()
    assert [s["id"] for s in package["sources"]] == ["rekrytering"]
    visit.deliver_files(tmp_path / "komplettering.pdf", tmp_path / "komplettering.zip")

    assert visit.file.outstanding == () and visit.owed() == []
    assert Action.GATHER not in visit.allowed_actions()
    deliveries = [e.details for e in visit.timeline() if e.action == "extract.delivered"]
    assert [d["supplement"] for d in deliveries] == [False, True]
    assert deliveries[0]["outstanding"] == ["rekrytering"] and deliveries[1]["outstanding"] == []
    year = annual_report(desk, by=sign_in(desk, "admin", "demo-admin"))
    assert (year.awaiting_supplement, year.supplements, year.answered) == (0, 1, 1)
    visit.close()  # nothing owed: no reason needed
    code, stdout, _ = cli("--config", str(config), "audit", "verify")
    assert code == 0, stdout


def test_a_system_that_was_down_is_gathered_again_and_supplemented_from_the_command_line(
    config: Path, tmp_path: Path
) -> None:
    chat = config.parent / "imbox-chatt.csv"
    kept = tmp_path / "chatt-kopia.csv"
    subject = chatting_visitor(config)
    shutil.move(chat, kept)  # the chat export is missing when the visitor comes
    with open_desk(config) as desk:
        visit = first_extract(desk, config, tmp_path, subject)
        number = visit.number
        assert set(visit.file.outstanding) == {"chatt", "rekrytering"}
    staff = "demo-disk1\n"
    # Still down, HR still silent: a supplement now would say nothing new, and is refused.
    nothing = tmp_path / "ingenting.pdf"
    code, _out, stderr = cli("--config", str(config), "case", "extract", number, "--out", str(nothing),
                             "--staff", "disk1", "--approved-by", "granskare", "--include-weak",
                             stdin=staff + "demo-granskare\n")  # fmt: skip
    assert code == 2 and "a supplement would tell the visitor nothing new" in stderr, stderr
    assert not nothing.exists()
    with open_desk(config) as desk:
        assert annual_report(desk, by=sign_in(desk, "admin", "demo-admin")).supplements == 0
    shutil.move(kept, chat)  # IT put it back

    code, stdout, _ = cli("--config", str(config), "case", "gather", number, "--staff", "disk1", stdin=staff)
    assert code == 0
    lines = stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == ["chatt", "rekrytering"]  # only what is outstanding
    assert lines[0].startswith("chatt: ok")  # found through the e-mail the customer register gave

    out = tmp_path / "komplettering.pdf"
    code, stdout, stderr = cli("--config", str(config), "case", "extract", number, "--out", str(out),
                               "--staff", "disk1", "--approved-by", "granskare", "--include-weak",
                               stdin=staff + "demo-granskare\n")  # fmt: skip
    assert code == 0, stderr
    supplement = pdf_text(out.read_bytes())
    with open_desk(config) as desk:
        visit = Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
        delivered_on = visit.file.first_delivered_on
        assert delivered_on is not None
        assert visit.file.outstanding == ("rekrytering",)  # HR has still not answered: still owed
    assert supplement.startswith("Kompletterande registerutdrag")
    assert f"Kompletterar utdraget från {delivered_on.isoformat()}" in supplement
    assert "Chattkonversationer" in supplement and "Kundregistret" not in supplement


def test_a_late_supplement_counts_as_overdue_and_a_complete_delivery_does_not(
    desk,
    config: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    waiting = first_extract(desk, config, tmp_path)  # HR's answer still owed
    complete = first_extract(desk, config, tmp_path, alongside="separate-errand")  # the same visitor again
    complete.record_manual("rekrytering", found=False, note="")
    complete.gather()
    complete.approve("granskare", PASSWORDS["granskare"])
    complete.render("sv")
    complete.deliver_files(tmp_path / "komplett.pdf")
    assert complete.file.outstanding == ()
    late = date.today() - timedelta(days=3)
    with desk.register.sessions.begin() as session:
        from desktop.register.models import Case

        for case in session.query(Case).all():
            case.deadline = late
    overdue = {r.number: r for r in fetch_cases(desk, CaseFilter.OVERDUE, limit=50)}
    assert waiting.number in overdue and overdue[waiting.number].awaiting_supplement
    assert complete.number not in overdue  # delivered in full: nothing is late


def test_every_promise_of_an_answer_has_a_late_form_in_both_languages() -> None:
    from desktop.report.texts import PROMISE_KEYS, late_promises, texts

    for language in ("sv", "en"):
        t = texts(language)
        late = late_promises(t)
        for key in PROMISE_KEYS:
            assert t["promise"] in t[key] and late[key] != t[key], (language, key)


def test_a_supplement_made_after_the_deadline_promises_no_day_already_past(
    desk,
    config: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    visit = first_extract(desk, config, tmp_path)
    missed = date.today() - timedelta(days=2)
    with desk.register.sessions.begin() as session:
        from desktop.register.models import Case

        session.query(Case).filter(Case.number == visit.number).one().deadline = missed
    visit.refresh()
    visit.gather()  # HR has still not answered: the supplement says so, without a past date as a promise
    with pytest.raises(ActionRefused, match="nothing new"):  # … and tells nothing new: seen, never released
        visit.approve("granskare", PASSWORDS["granskare"])
    assert Action.APPROVE not in visit.allowed_actions()
    supplement = pdf_text(visit.render("sv").pdf)
    assert f"Kontrolleras manuellt – svar så snart vi kan – vi skulle ha svarat senast {missed.isoformat()}" in (
        supplement
    )
    assert f"svar senast {missed.isoformat()}" not in supplement
    english = pdf_text(visit.render("en").pdf)
    assert f"answer as soon as we can – we should have answered by {missed.isoformat()}" in english


def test_the_checklist_follows_the_case_from_gather_to_close(desk, config: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = open_case(desk, chatting_visitor(config), [(RequestType.ACCESS, None), (RequestType.RECTIFICATION,
                       "Fel adress")], staff_username="disk1")  # fmt: skip
    visit = Visit(desk, opened.number, sign_in(desk, "disk1", PASSWORDS["disk1"]))

    def steps() -> list[tuple[str, str]]:
        return [(s.code, s.subject) for s in visit.next_steps()]

    assert steps() == [("gather", ""), ("record_outcome", "rectification")]
    visit.gather()
    undecided = str(visit.undecided_weak())
    assert steps() == [("answer_manual", "rekrytering"), ("decide_weak", undecided), ("approve", "second_person"),
                       ("record_outcome", "rectification")]  # fmt: skip
    visit.leave_out_weak()
    visit.approve("granskare", PASSWORDS["granskare"])
    assert steps()[:2] == [("answer_manual", "rekrytering"), ("deliver", "")]
    visit.render("sv")
    visit.deliver_files(tmp_path / "utdrag.pdf")
    assert steps() == [("record_outcome", "rectification"), ("supplement", "rekrytering")]
    visit.record_outcome("rectification", "Adressen är rättad")
    visit.record_manual("rekrytering", found=False, note="")
    visit.gather()
    visit.approve("granskare", PASSWORDS["granskare"])
    visit.render("sv")
    visit.deliver_files(tmp_path / "komplettering.pdf")
    assert steps() == [("close", "")]
    visit.close()
    assert steps() == []
