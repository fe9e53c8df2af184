"""The extract tells the visitor the truth, read back from the rendered PDF (sv and en) and the
ZIP's extract.json, on the demo organisation: a system that was never searched, possible matches
nobody confirmed, nothing found, a failed and a manual system, identifiers the visitor gave, a
represented visitor, the Art. 15 facts in English with nothing Swedish left over."""

from __future__ import annotations

import io
import json
import re
import shutil
import sqlite3
import tomllib
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from desktop.config import load_config
from desktop.core.clock import LOCAL_ZONE
from desktop.core.requests import RequestType
from desktop.core.verification import Mandate, MandateType
from desktop.services.cases import InputProblem, PersonInput, open_case
from desktop.services.demo import create_demo, demo_configuration
from desktop.services.desk import open_desk
from desktop.services.staff import sign_in
from desktop.services.visit import Visit

PASSWORDS = {"disk1": "demo-disk1", "granskare": "demo-granskare"}
# A samordningsnummer (day + 60) of nobody in the demo's systems.
NOBODY = "19420180-5837"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo(tmp_path_factory.mktemp("truth"), people=300, seed=5).config_path


@pytest.fixture
def config(world: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "org"
    shutil.copytree(world.parent, folder)
    return folder / world.name


@pytest.fixture
def desk(config: Path) -> Iterator[object]:
    with open_desk(config) as desk:
        yield desk


def person(personnummer: str, name: str) -> PersonInput:
    return PersonInput(personnummer, name, "passport", "SE", "AB123456", date.today() + timedelta(days=400))


def demo_person(config: Path, n: int) -> PersonInput:
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        rows = db.execute("SELECT personnr, fornamn || ' ' || efternamn FROM kund ORDER BY kundnr").fetchall()
    return person(*rows[n])


def extract(desk, visit: Visit, language: str = "sv") -> tuple[str, dict]:  # type: ignore[no-untyped-def, type-arg]
    """The released extract: its text (whitespace made single) and its extract.json."""
    if visit.approval is None:
        visit.approve("granskare", PASSWORDS["granskare"])
    rendered = visit.render(language, with_package=True)
    pages = pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split()).replace("\u00a0", " ")
    assert rendered.package is not None
    package = json.loads(zipfile.ZipFile(io.BytesIO(rendered.package)).read("extract.json"))
    return text, package


def visit_for(desk, subject: PersonInput, **opened) -> Visit:  # type: ignore[no-untyped-def]
    number = open_case(desk, subject, [(RequestType.ACCESS, None)], staff_username="disk1", **opened).number
    return Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))


def summary_row(package: dict, source_id: str) -> dict:  # type: ignore[type-arg]
    (row,) = [s for s in package["sources"] if s["id"] == source_id]
    return row


def test_a_visitor_in_no_system_is_told_what_was_searched_and_what_could_not_be(desk) -> None:  # type: ignore[no-untyped-def]
    visit = visit_for(desk, person(NOBODY, "Nils Nilsson"))
    visit.gather()
    text, package = extract(desk, visit)
    assert "Samordningsnummer 19420180-5837" in text and "Personnummer 1942" not in text
    # Searched by the personnummer, nothing found: the one place "no data" is true.
    assert summary_row(package, "kundregister")["status"] == "nothing"
    assert summary_row(package, "kundregister")["result"] == "Inga uppgifter om dig"
    # Searched in part: the suppression list by the personnummer; the newsletters and consents
    # never, with no e-mail or customer number to search them by. The chat not at all.
    marketing = summary_row(package, "marknad")
    assert marketing["status"] == "nothing"
    assert marketing["not_searched_by"] == ["e-postadress", "kundnummer"]
    assert (
        "Marknadsregistret (Optimizely) Inga uppgifter när vi sökte på personnummer. Vi kunde inte söka på "
        "e-postadress eller kundnummer: någon sådan uppgift om dig har vi inte." in text
    ), text
    assert "Chatt (Imbox) Inte sökt: här kan vi bara söka på e-postadress" in text
    assert "Chatt (Imbox) Inga uppgifter om dig" not in text
    # The manual check is pending, with the date the answer comes by.
    assert f"Jobbansökningar (HR) Kontrolleras manuellt – svar senast {visit.file.deadline.isoformat()}" in text
    assert summary_row(package, "rekrytering")["status"] == "manual"

    english, package_en = extract(desk, visit, "en")
    assert "Coordination number 19420180-5837" in english
    assert (
        "Marketing register (Optimizely) No data when we searched by personal identity number. We could not search "
        "by e-mail address or customer number: we hold none for you." in english
    ), english
    assert summary_row(package_en, "kundregister")["result"] == "No data about you"


def test_possible_matches_left_out_are_counted_and_explained(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    visit = visit_for(desk, demo_person(config, 0))  # Åsa Öberg: her chat is found only by her e-mail
    result = visit.gather()
    undecided = visit.undecided_weak()
    chat_weak = sum(1 for r in result.sources["chatt"].records if r.undecided)
    assert undecided >= chat_weak > 0
    left_out = visit.leave_out_weak()
    assert left_out == undecided
    text, package = extract(desk, visit)
    chat = summary_row(package, "chatt")
    assert chat["unconfirmed_left_out"] == chat_weak and chat["categories"][0]["rows"] == []
    assert f"Chatt (Imbox) {chat_weak} möjliga uppgifter är inte med, eftersom vi inte har kunnat bekräfta" in text
    assert "Chatt (Imbox) Inga uppgifter om dig" not in text
    assert "Kontakta oss om du vill att vi utreder dem" in text
    assert visit.counts()["weak_left_out"] == undecided


def test_an_identifier_the_visitor_gives_is_searched_and_needs_no_confirmation(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        (email,) = db.execute("SELECT epost FROM kund ORDER BY kundnr LIMIT 1").fetchone()
    with pytest.raises(InputProblem) as problem:
        visit_for(desk, demo_person(config, 0), identifiers=[("shoe_size", "42")])
    assert problem.value.field == "identifier.shoe_size"
    for kind in ("personnummer", "name"):  # the form holds them: the window offers no field for them either
        with pytest.raises(InputProblem) as problem:
            visit_for(desk, demo_person(config, 0), identifiers=[(kind, "Anna Andersson")])
        assert problem.value.code == "kind"
    with pytest.raises(InputProblem) as problem:
        visit_for(desk, demo_person(config, 0), identifiers=[("email", "not an address")])
    assert problem.value.code == "invalid"
    visit = visit_for(desk, demo_person(config, 0), identifiers=[("email", f"  {email.upper()} "), ("phone", "")])
    result = visit.gather()
    chat = result.sources["chatt"]
    assert chat.records and all(r.confirmed for r in chat.records)  # given at the desk: the visitor's own
    assert visit.undecided_weak() == 0
    text, package = extract(desk, visit)
    assert summary_row(package, "chatt")["unconfirmed_left_out"] == 0
    assert f"Chatt (Imbox) {len(chat.records)} uppgifter." in text
    # Stored with the case, never in the audit details.
    from desktop.register.models import AuditEvent, CaseIdentifier

    with desk.register.sessions() as session:
        stored = session.query(CaseIdentifier).all()
        assert [(i.kind, i.value) for i in stored] == [("email", email.upper())]
        details = " ".join(json.dumps(e.details) for e in session.query(AuditEvent).all())
    assert email.lower() not in details.lower()


def test_a_failed_system_says_when_its_answer_follows(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    (config.parent / "bokningar.xlsx").unlink()
    visit = visit_for(desk, demo_person(config, 2))
    visit.gather()
    visit.leave_out_weak()
    text, package = extract(desk, visit)
    assert summary_row(package, "bokningar")["status"] == "failed"
    deadline = visit.file.deadline.isoformat()
    assert f"Bokningar av platsbesök Kunde inte sökas – svar senast {deadline}" in text
    assert f"Vi skickar de uppgifterna till dig senast {deadline}" in text


def test_the_english_extract_has_no_swedish_fact_texts_on_the_demo(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    visit = visit_for(desk, demo_person(config, 0))
    visit.gather()
    visit.confirm_all_weak()
    english, package = extract(desk, visit, "en")
    assert "(in Swedish)" not in english
    swedish = tomllib.loads(demo_configuration())
    facts = ("purpose", "legal_basis", "retention", "origin")
    texts = [s[k] for s in swedish["sources"] for k in facts if isinstance(s.get(k), str) and s[k] != "visitor"]
    texts += [q[k] for s in swedish["sources"] for q in s.get("queries", []) for k in facts if k in q]
    texts += [c for s in swedish["sources"] for c in s.get("categories", [])]
    assert texts and [t for t in texts if t in english] == []
    for word in ("Kundnummer", "Förnamn", "Fakturanummer", "Förbrukning (kWh)", "Chattkonversationer", "Avsändare"):
        assert word not in english, word
    assert "Customer number" in english and "Consumption (kWh)" in english
    assert "European Commission has decided that the level of protection there is adequate (Article 45)" in english
    assert "principle of public access to official documents" in english  # a municipal company
    crm = summary_row(package, "kundregister")
    assert crm["art15"]["purpose"].startswith("To administer your contracts")
    meter = next(c for c in crm["categories"] if c["title"] == "Hourly meter readings")
    assert meter["art15"]["origin"].startswith("From your electricity meter")  # the category's own, in the JSON too
    assert meter["rows"] and isinstance(meter["rows"][0]["Consumption (kWh)"], float)


def test_profiling_is_described_only_to_those_who_consented_to_it(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    profiled = "din förbrukning automatiskt för att välja vilka erbjudanden du får"
    with sqlite3.connect(config.parent / "marknad.sqlite") as db:
        consenting = {k for (k,) in db.execute(
            "SELECT kundnr FROM samtycke WHERE samtycke LIKE 'Personliga%' AND aterkallat IS NULL")}  # fmt: skip
        consents = {k for (k,) in db.execute("SELECT kundnr FROM samtycke")}
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        customers = db.execute(
            "SELECT personnr, fornamn || ' ' || efternamn, kundnr FROM kund ORDER BY kundnr"
        ).fetchall()
    yes = next(c for c in customers if c[2] in consenting)
    no = next(c for c in customers if c[2] in consents - consenting)
    for who, expected in ((yes, True), (no, False)):
        visit = visit_for(desk, person(who[0], who[1]))
        visit.gather()
        visit.leave_out_weak()
        text, package = extract(desk, visit)
        assert (profiled in text) is expected, who[2]
        consents_json = next(c for c in summary_row(package, "marknad")["categories"] if c["title"] == "Samtycken")
        assert isinstance(consents_json["art15"]["automated_decisions"], str) is expected
        if not expected:
            assert "Vi använder inte uppgifterna för automatiserade beslut eller profilering." in text


def test_a_represented_visitor_is_named_with_the_representative_on_receipt_and_extract(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    child = demo_person(config, 1)
    guardian = person("19640823-3234", "Bertil Berg")
    dated = date.today() - timedelta(days=3)
    mandate = Mandate(MandateType.POWER_OF_ATTORNEY, dated, signed_by=child.name, scope="registerutdrag hos oss")
    visit = visit_for(desk, child, representative=(guardian, mandate))
    receipt = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(visit.receipt("sv"))).pages).split()
    )
    assert f"Företräds av Bertil Berg, ombud med fullmakt daterad {dated.isoformat()}" in receipt
    assert "Ombudets identitet kontrollerades mot svenskt pass" in receipt
    visit.gather()
    visit.leave_out_weak()
    text, package = extract(desk, visit)
    assert f"Utdrag för {child.name}" in text
    assert f"Företräds av Bertil Berg, ombud med fullmakt daterad {dated.isoformat()}" in text
    assert "Fullmakten omfattar registerutdrag hos oss" in text  # the mandate's scope, as recorded
    assert "Begäran lämnades in av ditt ombud. Vi kontrollerade ombudets identitet mot svenskt pass" in text
    assert package["subject"]["representative"] == {
        "name": "Bertil Berg", "mandate": "power-of-attorney", "dated": dated.isoformat(),
        "scope": "registerutdrag hos oss",
    }  # fmt: skip


def test_a_child_without_id_of_their_own_is_answered_through_the_guardian(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    """A guardian acts for the child: the child shows no ID, the guardian's is checked; the
    texts name a guardian, never an "ombud", and letters are addressed to the guardian."""
    child = demo_person(config, 1)
    no_id = PersonInput(child.personnummer, child.name, "represented", "", "", None)
    guardian = person("19640823-3234", "Bertil Berg")
    with pytest.raises(InputProblem) as alone:  # no ID of one's own needs someone who acts for one
        visit_for(desk, no_id)
    assert alone.value.code == "represented_alone" and alone.value.field == "document"
    visit = visit_for(desk, no_id, representative=(guardian, Mandate(MandateType.GUARDIAN, None, "personbevis")))
    receipt = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(visit.receipt("sv"))).pages).split()
    )
    assert "Företräds av Bertil Berg, vårdnadshavare" in receipt and not re.search(r"\bombud", receipt, re.I)
    assert "Vårdnadshavarens identitet kontrollerades mot svenskt pass" in receipt
    assert visit.file.representative is not None and visit.file.representative.mandate == "guardian"
    from desktop.services.casework import CaseFilter, count_cases, fetch_cases

    for typed in ("196408233234", "640823-3234", "19640823-3234"):  # the guardian's number finds the child's case
        assert [r.number for r in fetch_cases(desk, CaseFilter.ALL, typed, limit=10)] == [visit.number]
    assert count_cases(desk, CaseFilter.ALL, "640823") == 0  # a birth date alone searches the visitors only
    visit.gather()
    visit.leave_out_weak()
    text, _package = extract(desk, visit)
    assert "Begäran lämnades in av din vårdnadshavare. Vi kontrollerade vårdnadshavarens identitet" in text
    assert not re.search(r"\bombud", text, re.I)  # (the "dataskyddsombud" is another matter)
    refused = visit_for(desk, no_id, representative=(guardian, Mandate(MandateType.GUARDIAN, None, "personbevis")),
                        alongside="separate-errand")  # fmt: skip
    refused.reject("Uppgifterna omfattas av sekretess gentemot vårdnadshavaren")
    letter = refused.letter("refusal")
    letter_text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(letter.pdf)).pages).split())
    assert "Till Bertil Berg" in letter_text  # addressed to the guardian, about the child
    assert f"Namn {child.name}" in letter_text and "Företräds av Bertil Berg, vårdnadshavare" in letter_text


def test_data_that_cannot_be_linked_to_the_visitor_is_named_so_the_systems_are_not_taken_for_all(
    desk, config: Path
) -> None:  # type: ignore[no-untyped-def]
    """Art. 11.2: the web site's statistics are tied to a cookie, not a name; the extract says so,
    and what the visitor could give us to be found in them, in both languages."""
    visit = visit_for(desk, demo_person(config, 2))
    visit.gather()
    visit.leave_out_weak()
    text, package = extract(desk, visit)
    assert "Så här ser det ut i de 7 system där vi kan söka efter dig" in text
    assert "Uppgifter vi inte kan koppla till dig" in text and "artikel 11.2 i dataskyddsförordningen" in text
    assert "Besöksstatistik för webbplatsen (Google Analytics): Vilka sidor som besöks" in text
    assert "För att hitta dina behöver vi kakans id (_ga)" in text
    assert package["unlinkable"][0]["name"] == "Besöksstatistik för webbplatsen (Google Analytics)"
    english, _package = extract(desk, visit, "en")
    assert "Data we cannot link to you" in english and "Article 11(2) GDPR" in english
    assert "To find yours we need the cookie's id (_ga)" in english
    # A configuration that names such data without English is told so by `config check`.
    from desktop.config import english_missing, parse_config

    raw = tomllib.loads(config.read_text(encoding="utf-8"))
    raw["unlinkable"][0].pop("en")
    assert english_missing(parse_config(raw, folder=config.parent))[:3] == [
        "unlinkable[0].en.name", "unlinkable[0].en.what", "unlinkable[0].en.give"
    ]  # fmt: skip


def test_the_demo_configuration_loads_with_every_fact_and_both_languages(config: Path) -> None:
    from desktop.config import english_missing

    loaded = load_config(config)
    assert english_missing(loaded) == []
    assert loaded.organisation.public_body


def test_a_marketing_stop_is_in_force_the_day_it_is_received_and_printed_so(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    subject = demo_person(config, 1)
    number = open_case(desk, subject, [(RequestType.ACCESS, None), (RequestType.OBJECTION_DIRECT_MARKETING, None)],
                       staff_username="disk1").number  # fmt: skip
    visit = Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
    received_on = visit.file.received_at.astimezone(LOCAL_ZONE).date()
    today = received_on.isoformat()
    receipt = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(visit.receipt("sv"))).pages).split()
    )
    assert f"Vi har registrerat att du inte vill ha direktmarknadsföring från och med i dag, {today}." in receipt
    english = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(visit.receipt("en"))).pages).split()
    )
    assert f"you do not want direct marketing as of today, {today}." in english
    assert [o.code for o in visit.owed() if o.subject == "objection-marketing"] == []  # done, nothing owed
    visit.gather()
    # The stop ran after the gather, and the marketing register was asked again: as it is now.
    letters = [r.fields for r in visit.result.sources["marknad"].records if r.category == "Nyhetsbrev"]
    assert letters and {f["Status"] for f in letters if f["Lista"] != "Driftinformation via e-post"} == {"Avanmäld"}
    visit.leave_out_weak()
    text, package = extract(desk, visit)
    assert f"Vad vi har gjort Vi har registrerat att du inte vill ha direktmarknadsföring från och med {today}." in text
    (note,) = package["case"]["other_requests"]
    assert note["effective_on"] == today and note["outcome"] is None
    # Staff may say otherwise in their own words; the day it took effect stays on record.
    visit.record_outcome("objection-marketing", "Stoppat i Optimizely; ett redan planerat utskick gick ut i dag")
    assert visit.file.request_lines[1].effective_on == received_on


def test_a_marketing_stop_puts_the_visitor_on_the_suppression_list_once(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    """Item 10 of issue 19: the stop adds a suppression row, which the visitor's own extract shows
    as certainly theirs (found by the personnummer); the visitor who comes back adds no second."""
    subject = demo_person(config, 1)

    def suppressed() -> list[tuple[str, str]]:
        with sqlite3.connect(config.parent / "marknad.sqlite") as db:
            return db.execute("SELECT sparrad, orsak FROM sparrlista WHERE personnr = ?",
                              (subject.personnummer,)).fetchall()  # fmt: skip

    for _visit in range(2):
        number = open_case(desk, subject, [(RequestType.ACCESS, None), (RequestType.OBJECTION_DIRECT_MARKETING, None)],
                           staff_username="disk1").number  # fmt: skip
        visit = Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
        visit.gather()
        assert visit.actions_owed() == []
        (row,) = suppressed()
        assert row == (date.today().isoformat(), "Invändning mot direktmarknadsföring")
        (listed,) = [r for r in visit.result.sources["marknad"].records if r.category == "Spärrlista"]
        assert listed.included  # found by the personnummer: no confirmation asked of the desk
        visit.leave_out_weak()
        text, _package = extract(desk, visit)
        assert "Spärrlista" in text and "Invändning mot direktmarknadsföring" in text
        assert visit.printed()  # handed over, then closed: the visitor comes back another day
        visit.close(reason_if_owed="HR svarar per brev")


def test_profiling_under_a_consent_withdrawn_today_is_said_to_have_ended_today(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    """Item 5 of issue 19: the extract made the day the consent is withdrawn does not describe the
    profiling as going on; it says it ended, and when."""
    with sqlite3.connect(config.parent / "marknad.sqlite") as db:
        consenting = {k for (k,) in db.execute(
            "SELECT kundnr FROM samtycke WHERE samtycke LIKE 'Personliga%' AND aterkallat IS NULL")}  # fmt: skip
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        customers = db.execute(
            "SELECT personnr, fornamn || ' ' || efternamn, kundnr FROM kund ORDER BY kundnr"
        ).fetchall()
    who = next(c for c in customers if c[2] in consenting)
    number = open_case(desk, person(who[0], who[1]), [(RequestType.ACCESS, None), (RequestType.WITHDRAW_CONSENT, "Personliga erbjudanden")],
                       staff_username="disk1").number  # fmt: skip
    visit = Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
    visit.gather()
    visit.leave_out_weak()
    text, package = extract(desk, visit)
    today = date.today().isoformat()
    assert "din förbrukning automatiskt för att välja vilka erbjudanden du får" not in text
    assert f"Du återkallade ditt samtycke till personliga erbjudanden {today}. Från och med den dagen" in text
    english, _ = extract(desk, visit, "en")
    assert f"You withdrew your consent to personal offers on {today}." in english
    consents = next(c for c in summary_row(package, "marknad")["categories"] if c["title"] == "Samtycken")
    assert "profileringen har upphört" in consents["art15"]["automated_decisions"]
    letters = [r.fields for r in visit.result.sources["marknad"].records if r.category == "Nyhetsbrev"]
    assert {f["Status"] for f in letters if f["Lista"] != "Driftinformation via e-post"} <= {"Avanmäld"}
