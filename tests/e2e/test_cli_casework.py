"""The command line can do the whole case (issue 21): extend, reject, withdraw, close, answer a
manual check, retry the systems that failed, and register a representative, each a thin call of
the Visit method the window uses, so the rules are the ones the window meets
(tests/gui/test_casework_rules.py runs the same rules through the window)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.register.models import Case, IdentityVerification
from desktop.services.casework import case_file
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from tests.integration.services.helpers import cli, copy_org

DISK1 = "demo-disk1\n"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo(tmp_path_factory.mktemp("casework"), people=30, seed=8).config_path


@pytest.fixture
def config(world: Path, tmp_path: Path) -> Path:
    return copy_org(world, tmp_path)


def _people(config: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        return db.execute("SELECT personnr, fornamn || ' ' || efternamn FROM kund ORDER BY kundnr").fetchall()


def _open(config: Path, n: int = 0, *extra: str, request: str = "access") -> str:
    personnummer, name = _people(config)[n]
    visitor = config.parent / f"visitor{n}.json"
    visitor.write_text(json.dumps({"personnummer": personnummer, "name": name,
                                   "document": f"passport:SE:1234:{date.today() + timedelta(days=400)}"}),
                       encoding="utf-8")  # fmt: skip
    code, out, err = cli("case", "open", "--config", str(config), "--visitor", str(visitor), "--request", request,
                         *extra, "--staff", "disk1", stdin=DISK1)  # fmt: skip
    assert code == 0, err
    return out.strip()


def _case(config: Path, *args: str) -> tuple[int, str, str]:
    command, number, *rest = args
    return cli("case", command, number, "--config", str(config), *rest, "--staff", "disk1", stdin=DISK1)


def _status(config: Path, number: str) -> str:
    with open_desk(config) as desk:
        return case_file(desk, number).status


def test_extend_needs_a_reason_and_happens_once(config: Path, tmp_path: Path) -> None:
    number = _open(config)
    code, _out, err = _case(config, "extend", number, "--reason", "  ")
    assert code == 2 and "say why the answer needs more time" in err
    code, out, err = _case(config, "extend", number, "--reason", "Många system att gå igenom")
    assert code == 0 and "answer due by" in out, err
    code, _out, err = _case(config, "extend", number, "--reason", "Igen")
    assert code == 2 and "extend is not possible now" in err
    code, _out, err = _case(config, "letter", number, "--kind", "extension", "--method", "handed",
                            "--out", str(tmp_path / "forlangning.pdf"))  # fmt: skip
    assert code == 0, err


def test_a_refusal_needs_a_reason_and_then_owes_nothing_to_close(config: Path, tmp_path: Path) -> None:
    number = _open(config, 1, "--request", "erasure", "--details", "erasure=Allt om mig")
    code, _out, err = _case(config, "reject", number, "--reason", "")
    assert code == 2 and "say why the request is refused" in err
    assert _status(config, number) == "identity_verified"  # refused input lost nothing
    # The policy leaves the refusal to the desk: an approver named anyway is not asked for a password
    # (stdin holds the desk's alone).
    code, out, err = _case(config, "reject", number, "--reason", "Uppenbart ogrundad (art. 12.5)",
                           "--approved-by", "granskare")  # fmt: skip
    assert code == 0 and "refused" in out, err
    code, _out, err = _case(config, "letter", number, "--kind", "refusal", "--method", "posted",
                            "--out", str(tmp_path / "avslag.pdf"))  # fmt: skip
    assert code == 0, err
    code, _out, err = _case(config, "close", number)  # the decision is the answer: no reason asked
    assert code == 0, err
    assert _status(config, number) == "closed"


def test_a_refusal_the_policy_gives_the_approver_is_signed_by_them_and_owed_to_the_visitor_until_given(
    config: Path, tmp_path: Path
) -> None:
    code, _out, err = cli("--config", str(config), "policy", "set", "refusal_by_approver", "true", "--admin", "admin",
                          stdin="demo-admin\n")  # fmt: skip
    assert code == 0, err
    number = _open(config, 3)
    code, _out, err = _case(config, "reject", number, "--reason", "Uppenbart ogrundad (art. 12.5)")
    assert code == 2 and "decided by someone with the approver role" in err
    code, _out, err = cli("case", "reject", number, "--config", str(config), "--reason", "Uppenbart ogrundad",
                          "--staff", "disk1", "--approved-by", "disk1", stdin=DISK1 + DISK1)  # fmt: skip
    assert code == 2 and "does not have the approver role" in err
    assert _status(config, number) == "identity_verified"
    code, out, err = cli("case", "reject", number, "--config", str(config), "--reason", "Uppenbart ogrundad",
                         "--staff", "disk1", "--approved-by", "granskare",
                         stdin=DISK1 + "demo-granskare\n")  # fmt: skip
    assert code == 0 and "refused" in out, err
    code, _out, err = _case(config, "close", number)  # the visitor has not been given the decision
    assert code == 2 and "letter_owed (refusal)" in err
    letter = tmp_path / "avslag.pdf"
    code, _out, err = _case(config, "letter", number, "--kind", "refusal", "--method", "handed", "--out", str(letter))
    assert code == 0, err
    assert "Beslutet fattades av Personuppgiftssamordnaren" in _pdf_text(letter)  # the approver's name, not the desk's
    code, _out, err = _case(config, "close", number)
    assert code == 0, err


def test_a_delivered_case_with_a_manual_check_open_needs_a_reason_to_close(config: Path, tmp_path: Path) -> None:
    number = _open(config, 2)
    code, _out, err = cli("case", "extract", number, "--config", str(config), "--out", str(tmp_path / "u.pdf"),
                          "--leave-out-weak", "--staff", "disk1", "--approved-by", "granskare",
                          stdin=DISK1 + "demo-granskare\n")  # fmt: skip
    assert code == 0, err
    code, _out, err = _case(config, "close", number)
    assert code == 2 and "still owed" in err and "rekrytering" in err
    code, _out, err = _case(config, "manual", number, "--source", "nosuch", "--found", "no")
    assert code == 2, err
    code, _out, err = _case(config, "manual", number, "--source", "rekrytering", "--found", "no",
                           "--note", "Inga ansökningar")  # fmt: skip
    assert code == 0, err
    with open_desk(config) as desk:
        assert "rekrytering" in case_file(desk, number).manual_answered


def test_withdraw_takes_a_reason_from_the_list(config: Path) -> None:
    number = _open(config, 3)
    code, _out, err = _case(config, "withdraw", number, "--reason", "tired")
    assert code == 2 and "visitor-withdrew" in err
    code, _out, err = _case(config, "withdraw", number, "--reason", "visitor-withdrew")
    assert code == 0, err
    assert _status(config, number) == "withdrawn"


def test_retry_asks_again_only_what_failed(config: Path) -> None:
    number = _open(config, 4)
    chat = config.parent / "imbox-chatt.csv"
    chat.rename(chat.with_suffix(".away"))  # the chat export is missing: that source fails
    code, out, err = _case(config, "retry", number)
    assert code == 1 and "asking again: chatt" in err
    assert "chatt" in out or "Chatt" in out
    chat.with_suffix(".away").rename(chat)
    code, out, err = _case(config, "retry", number)
    assert code == 0 and "asking again" not in err, err


def test_a_guardian_registers_a_child_from_the_command_line(config: Path) -> None:
    personnummer, name = _people(config)[5]
    guardian_pin, guardian_name = _people(config)[6]
    guardian = config.parent / "guardian.json"
    expiry = (date.today() + timedelta(days=400)).isoformat()
    guardian.write_text(json.dumps({"personnummer": guardian_pin, "name": guardian_name,
                                    "document": f"passport:SE:9876:{expiry}",
                                    "mandate": {"type": "guardian", "signed_by": "personbevis"}}),
                        encoding="utf-8")  # fmt: skip
    number = _open(config, 5, "--representative", str(guardian))
    with open_desk(config) as desk, desk.register.sessions() as session:
        case = session.execute(select(Case).where(Case.number == number)).scalar_one()
        roles = sorted(v.role for v in session.execute(
            select(IdentityVerification).where(IdentityVerification.case_id == case.id)).scalars())  # fmt: skip
    assert roles == ["representative", "subject"]
    assert name
    broken = config.parent / "broken.json"
    broken.write_text(json.dumps({"personnummer": guardian_pin, "name": guardian_name,
                                  "document": f"passport:SE:9876:{expiry}", "mandate": {"type": "uncle"}}),
                      encoding="utf-8")  # fmt: skip
    code, _out, err = cli("case", "open", "--config", str(config), "--personnummer", personnummer, "--name", name,
                          "--document", f"passport:SE:1234:{expiry}", "--request", "access", "--alongside",
                          "separate-errand", "--representative", str(broken), "--staff", "disk1", stdin=DISK1)  # fmt: skip
    assert code == 2 and "guardian, power-of-attorney or trustee" in err


def test_the_command_line_reads_the_case_once_per_change_and_never_its_timeline(config: Path, tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from desktop.services import casework
    from desktop.services.visit import state as visit_module

    number = _open(config, 7)
    reads: list[str] = []
    monkeypatch.setattr(visit_module, "case_file", lambda *a: reads.append("case") or casework.case_file(*a))
    monkeypatch.setattr(
        visit_module, "timeline_since", lambda *a: reads.append("timeline") or casework.timeline_since(*a)
    )
    code, _out, err = cli("case", "extract", number, "--config", str(config), "--out", str(tmp_path / "u.pdf"),
                          "--leave-out-weak", "--staff", "disk1", "--approved-by", "granskare",
                          stdin=DISK1 + "demo-granskare\n")  # fmt: skip
    assert code == 0, err
    assert reads == ["case"] * 5  # opened, gathering, gathered, approved, delivered


def test_review_decisions_from_a_file_are_kept_with_the_case(config: Path, tmp_path: Path) -> None:
    number = _open(config, 0)
    gathered = tmp_path / "data.json"
    code, _out, err = _case(config, "gather", number, "--json", str(gathered))
    assert code == 0, err
    records = [
        (source["id"], record)
        for source in json.loads(gathered.read_text(encoding="utf-8"))["sources"]
        for category in source["categories"]
        for record in category["records"]
    ]
    strong = [r for _s, r in records if r["match"] == "strong" and r["fields"]]
    assert len(strong) >= 2 and all(len(r["record"]) == 64 for _s, r in records)
    field = next(iter(strong[1]["fields"]))
    decisions = tmp_path / "beslut.json"
    unknown = [{"record": "0" * 64, "decision": "exclude"}]
    decisions.write_text(json.dumps(unknown), encoding="utf-8")
    code, _out, err = _case(config, "review", number, "--decisions", str(decisions))
    assert code == 2 and "not in the data gathered now" in err
    decisions.write_text(json.dumps({"decisions": [
        {"record": strong[0]["record"], "decision": "exclude", "reason": "other_person"},
        {"record": strong[1]["record"], "decision": "mask", "field": field},
    ]}), encoding="utf-8")  # fmt: skip
    code, out, err = _case(config, "review", number, "--decisions", str(decisions))
    assert code == 0 and "1 exclude, 1 mask" in err and "1 fields masked" in out, err
    code, _out, err = _case(config, "gather", number, "--json", str(gathered), "--overwrite")
    assert code == 0, err
    again = {
        r["record"]: r
        for source in json.loads(gathered.read_text(encoding="utf-8"))["sources"]
        for category in source["categories"]
        for r in category["records"]
    }
    assert again[strong[0]["record"]].get("excluded") is True
    assert again[strong[1]["record"]].get("masked") == [field]


def test_data_withheld_under_the_data_protection_act_is_told_to_the_visitor_with_its_ground(
    config: Path, tmp_path: Path
) -> None:
    """Excluding the visitor's own data on a ground in dataskyddslagen 5 kap. is a partial refusal:
    the extract says how much was withheld in which system, on which ground, and how to complain
    (Art. 12.4). A public authority cannot use the private bodies' exception for drafts."""
    number = _open(config, 3)
    gathered = tmp_path / "data.json"
    code, _out, err = _case(config, "gather", number, "--json", str(gathered))
    assert code == 0, err
    sources = json.loads(gathered.read_text(encoding="utf-8"))["sources"]
    (customer,) = [s for s in sources if s["id"] == "kundregister"]
    strong = [r for c in customer["categories"] for r in c["records"] if r["match"] == "strong"]
    decisions = tmp_path / "beslut.json"
    decisions.write_text(json.dumps([{"record": strong[0]["record"], "decision": "exclude",
                                      "reason": "confidentiality"}]), encoding="utf-8")  # fmt: skip
    code, _out, err = _case(config, "review", number, "--decisions", str(decisions))
    assert code == 0, err
    out_pdf = tmp_path / "u.pdf"
    code, _out, err = cli("case", "extract", number, "--config", str(config), "--out", str(out_pdf), "--leave-out-weak",
                          "--approved-by", "granskare", "--zip", str(tmp_path / "u.zip"), "--staff", "disk1",
                          stdin=DISK1 + "demo-granskare\n")  # fmt: skip
    assert code == 0, err
    text = _pdf_text(out_pdf)
    told = "1 uppgift om dig lämnas inte ut, eftersom den omfattas av tystnadsplikt (dataskyddslagen 5 kap. 1 §)."
    assert text.count(told) == 2  # in the summary and at the system
    assert "Det är ett beslut att delvis avslå din begäran: du kan klaga hos Integritetsskyddsmyndigheten" in text
    import zipfile

    package = json.loads(zipfile.ZipFile(tmp_path / "u.zip").read("extract.json"))
    (row,) = [s for s in package["sources"] if s["id"] == "kundregister"]
    assert row["withheld"] == {"confidentiality": 1}
    # A public authority: the drafts exception is refused, the confidentiality one is not.
    authority = config.read_text(encoding="utf-8").replace(
        "public_body = true", "public_body = true\npublic_authority = true"
    )
    config.write_text(authority, encoding="utf-8")
    other = _open(config, 4)
    code, _out, err = _case(config, "gather", other, "--json", str(gathered), "--overwrite")
    assert code == 0, err
    records = [r for s in json.loads(gathered.read_text(encoding="utf-8"))["sources"] if s["id"] == "kundregister"
               for c in s["categories"] for r in c["records"] if r["match"] == "strong"]  # fmt: skip
    decisions.write_text(json.dumps([{"record": records[0]["record"], "decision": "exclude", "reason": "draft"}]),
                         encoding="utf-8")  # fmt: skip
    code, _out, err = _case(config, "review", other, "--decisions", str(decisions))
    assert code == 2 and "cannot withhold drafts and notes under dataskyddslagen 5 kap. 2 §" in err, err
    decisions.write_text(json.dumps([{"record": records[0]["record"], "decision": "exclude",
                                      "reason": "confidentiality"}]), encoding="utf-8")  # fmt: skip
    assert _case(config, "review", other, "--decisions", str(decisions))[0] == 0


def test_a_broken_decisions_file_is_refused_before_the_gather(config: Path, tmp_path: Path) -> None:
    number = _open(config, 1)
    decisions = tmp_path / "beslut.json"
    for content, message in (("{not json", "cannot read it as JSON"),
                             ('[{"record": "abc", "decision": "burn"}]', '"decision" is one of'),
                             ('[{"record": "abc", "decision": "mask"}]', 'a mask names the "field"')):  # fmt: skip
        decisions.write_text(content, encoding="utf-8")
        code, _out, err = _case(config, "review", number, "--decisions", str(decisions))
        assert code == 2 and message in err, err
    assert _status(config, number) == "identity_verified"  # nothing was gathered


def _pdf_text(path: Path) -> str:
    import pypdf

    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages).split())


def test_a_postal_answer_goes_to_an_address_confirmed_from_a_system_and_is_recorded_as_posted(
    config: Path, tmp_path: Path
) -> None:
    from desktop.register.models import Delivery

    personnummer, name = _people(config)[9]
    code, out, err = cli("case", "open", "--config", str(config), "--personnummer", personnummer, "--name", name,
                         "--document", "postal-answer", "--request", "access", "--staff", "disk1", stdin=DISK1)  # fmt: skip
    assert code == 0, err
    number = out.strip()
    extract = ("--out", str(tmp_path / "u.pdf"), "--leave-out-weak", "--approved-by", "granskare")
    code, _out, err = cli("case", "extract", number, "--config", str(config), *extract, "--staff", "disk1",
                          stdin=DISK1 + "demo-granskare\n")  # fmt: skip
    assert code == 2 and "has no address yet" in err and not (tmp_path / "u.pdf").exists()
    # The address the customer register holds (kept up to date from SPAR), listed, then confirmed.
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        street, postcode, town = db.execute("SELECT adress, postnr, ort FROM kund WHERE personnr = ?",
                                            (personnummer,)).fetchone()  # fmt: skip
    code, out, err = _case(config, "address", number)
    assert code == 0, err
    assert out.strip() == f"kundregister (Kundregistret (CGI)): {street}, {postcode} {town}"
    code, _out, err = _case(config, "address", number, "--use", "marknad")
    assert code == 2 and "holds no address" in err
    code, out, err = _case(config, "address", number, "--use", "kundregister")
    assert code == 0 and f"goes by post to {street}, {postcode} {town}" in out, err
    code, _out, err = cli("case", "extract", number, "--config", str(config), *extract, "--staff", "disk1",
                          stdin=DISK1 + "demo-granskare\n")  # fmt: skip
    assert code == 0, err
    with open_desk(config) as desk, desk.register.sessions() as session:
        assert [d.method for d in session.execute(select(Delivery)).scalars()] == ["posted"]
    # The first page carries the address block a window envelope shows, above the title.
    text = _pdf_text(tmp_path / "u.pdf")
    assert text.index(f"{name} {street} {postcode} {town}") < text.index("Registerutdrag")


def test_a_postal_answers_letters_go_by_post_only_to_the_address_typed_at_registration(
    config: Path, tmp_path: Path
) -> None:
    personnummer, name = _people(config)[10]
    opening = ("case", "open", "--config", str(config), "--personnummer", personnummer, "--name", name,
               "--document", "postal-answer", "--request", "access", "--staff", "disk1")  # fmt: skip
    code, _out, err = cli(*opening, "--address", "Storgatan 3, Strandstad", stdin=DISK1)
    assert code == 2 and "the last line must be the postcode and town" in err  # nothing registered
    code, out, err = cli(*opening, "--address", "c/o Berg\nStorgatan 3\n30245  Strandstad", stdin=DISK1)
    assert code == 0, err
    number = out.strip()
    code, _out, err = _case(config, "extend", number, "--reason", "Många system")
    assert code == 0, err
    letter = tmp_path / "brev.pdf"
    code, _out, err = _case(config, "letter", number, "--kind", "extension", "--method", "handed", "--out", str(letter))
    assert code == 2 and "goes by post" in err and not letter.exists()
    code, _out, err = _case(config, "letter", number, "--kind", "extension", "--method", "posted", "--out", str(letter))
    assert code == 0, err
    assert f"{name} c/o Berg Storgatan 3 302 45 Strandstad" in _pdf_text(letter)  # the postcode as Postnord writes it
    code, out, err = _case(config, "address", number, "--set", "Hamngatan 9\n302 50 Strandstad")
    assert code == 0 and "goes by post to Hamngatan 9, 302 50 Strandstad" in out, err
    with open_desk(config) as desk:
        assert case_file(desk, number).postal_address == ("Hamngatan 9", "302 50 Strandstad")


def test_a_case_that_needs_no_extract_closes_once_it_owes_nothing(config: Path) -> None:
    number = _open(config, 11, request="objection-marketing")  # the stop is carried out at once
    code, _out, err = _case(config, "close", number)
    assert code == 0, err  # nothing owed: the stop is in force
    fix = _open(config, 12, "--details", "rectification=Adressen ska vara Storgatan 5", request="rectification")
    code, _out, err = _case(config, "close", fix)
    assert code == 2 and "outcome_missing (rectification)" in err  # what was done is not recorded yet
    code, _out, err = _case(config, "outcome", fix, "--request", "rectification", "--text", "Adressen rättad")
    assert code == 0, err
    code, _out, err = _case(config, "close", fix)
    assert code == 0, err
    assert _status(config, fix) == "closed"


def test_the_command_line_takes_the_identifiers_the_window_offers_and_no_others(config: Path) -> None:
    """The form holds the visitor's personnummer and name: neither is an identifier to give again
    (services.cases.FORM_IDENTIFIERS), in the window (no field) or here (refused, nothing opened)."""
    personnummer, name = _people(config)[7]
    expiry = (date.today() + timedelta(days=400)).isoformat()
    opening = ("case", "open", "--config", str(config), "--personnummer", personnummer, "--name", name,
               "--document", f"passport:SE:1234:{expiry}", "--request", "access", "--staff", "disk1")  # fmt: skip
    for given in ("name=Anna Andersson", f"personnummer={personnummer}"):
        code, out, err = cli(*opening, "--identifier", given, stdin=DISK1)
        assert code == 2 and "is not an identifier the sources are searched by" in err and not out
    code, out, err = cli(*opening, "--identifier", "email=anna@example.se", stdin=DISK1)
    assert code == 0, err
