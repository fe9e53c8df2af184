"""Letters to the visitor, read back from the PDF in both languages: a refusal with its reasons
and remedies, an extension with the new date, the outcome of each request; each recorded and
audited like a delivery. Through the services and the command line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core.clock import LOCAL_ZONE
from desktop.core.requests import RequestType
from desktop.register import audit
from desktop.register.models import AuditEvent, Letter
from desktop.services.cases import PersonInput, open_case
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.letters import LetterRefused
from desktop.services.staff import sign_in
from desktop.services.visit import Visit
from tests.integration.services.helpers import cli, copy_org, pdf_text

VISITOR = PersonInput("19811218-9876", "Lena Brevsson", "passport", "SE", "AB123456",
                      date.today() + timedelta(days=400))  # fmt: skip


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo(tmp_path_factory.mktemp("letters"), people=30, seed=4).config_path


@pytest.fixture
def config(world: Path, tmp_path: Path) -> Path:
    return copy_org(world, tmp_path)


def test_a_refusal_letter_gives_reasons_remedies_and_who_decided(config: Path, tmp_path: Path) -> None:
    with open_desk(config) as desk:
        number = open_case(desk, VISITOR, [(RequestType.ACCESS, None)], staff_username="disk1").number
        visit = Visit(desk, number, sign_in(desk, "granskare", "demo-granskare"))
        with pytest.raises(LetterRefused) as refused:
            visit.letter("refusal")
        assert refused.value.code == "letter.not_rejected"
        visit.reject("Samma begäran besvarades för två veckor sedan (artikel 12.5, uppenbart ogrundad)")
    # From the command line, by the receptionist, to be posted.
    out = tmp_path / "avslag.pdf"
    code, stdout, _ = cli("--config", str(config), "case", "letter", number, "--kind", "refusal", "--out", str(out),
                          "--method", "posted", "--staff", "disk1", stdin="demo-disk1\n")  # fmt: skip
    assert code == 0 and "refusal letter" in stdout
    body = pdf_text(out.read_bytes())
    for expected in ("Beslut om din begäran", number, "Lena Brevsson", "Skäl",
                     "Samma begäran besvarades för två veckor sedan (artikel 12.5, uppenbart ogrundad)",
                     "Beslutet fattades av Personuppgiftssamordnaren",  # who refused, not who printed
                     "Integritetsskyddsmyndigheten (IMY), Box 8114, 104 20 Stockholm, imy@imy.se",
                     "allmän domstol (tingsrätt)"):  # fmt: skip
        assert expected in body, expected
    assert "förvaltningsrätten" not in body  # a company, not an authority
    with open_desk(config) as desk:
        visit = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        english = pdf_text(visit.letter("refusal", "en").pdf)
        assert "Decision on your request" in english and "general court (tingsrätt)" in english
        assert "Swedish Authority for Privacy Protection (IMY)" in english
        assert "Reasons (in Swedish, as our staff recorded them)" in english  # not passed off as English
        with desk.register.sessions() as session:
            (letter,) = session.query(Letter).all()
            assert (letter.kind, letter.method, letter.language) == ("refusal", "posted", "sv")
            (event,) = session.query(AuditEvent).filter_by(action="letter.produced").all()
            assert '"kind": "refusal"' in event.details and "Brevsson" not in event.details
            assert audit.verify_chain(session).intact
        timeline = [e.action for e in visit.timeline()]
        assert "letter.produced" in timeline


def test_an_authority_points_to_the_administrative_court(config: Path) -> None:
    source = config.read_text(encoding="utf-8")
    config.write_text(source.replace("public_body = true", "public_body = true\npublic_authority = true"), "utf-8")
    with open_desk(config) as desk:
        number = open_case(desk, VISITOR, [(RequestType.ACCESS, None)], staff_username="disk1").number
        visit = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        visit.reject("Ärendet gäller inte personuppgifter")
        body = pdf_text(visit.letter("refusal").pdf)
        assert "överklaga beslutet till förvaltningsrätten" in body and "inom tre veckor" in body
        assert "Chapter 7, Section 2" in pdf_text(visit.letter("refusal", "en").pdf)


def test_an_extension_letter_says_the_new_date_and_is_recorded_as_within_the_first_month(
    config: Path, tmp_path: Path
) -> None:
    with open_desk(config) as desk:
        number = open_case(desk, VISITOR, [(RequestType.ACCESS, None)], staff_username="disk1").number
        visit = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        with pytest.raises(LetterRefused):
            visit.letter("extension")
        new_date = visit.extend("Uppgifterna finns i tre arkiv som måste gås igenom för hand")
        for language, expected in (("sv", f"förlängt svarstiden till {new_date.isoformat()}"),
                                   ("en", f"extended the time to answer to {new_date.isoformat()}")):  # fmt: skip
            rendered = visit.letter("extension", language)
            body = pdf_text(rendered.pdf)
            assert expected in body and "tre arkiv som måste gås igenom för hand" in body
            assert "imy@imy.se" in body
        with pytest.raises(LetterRefused) as refused:
            visit.letter_sent(rendered, "pigeon", tmp_path / "x.pdf")
        assert refused.value.code == "letter.method" and not (tmp_path / "x.pdf").exists()
        visit.letter_sent(rendered, "handed", tmp_path / "forlangning.pdf")
        assert (tmp_path / "forlangning.pdf").read_bytes() == rendered.pdf
        with desk.register.sessions() as session:
            (event,) = session.query(AuditEvent).filter_by(action="letter.produced").all()
            assert '"within_first_month": true' in event.details and '"method": "handed"' in event.details


def test_an_outcome_letter_tells_what_was_done_per_request(config: Path) -> None:
    with open_desk(config) as desk:
        requests = [(RequestType.ERASURE, "Radera mina chattar"), (RequestType.OBJECTION_DIRECT_MARKETING, None),
                    (RequestType.RECTIFICATION, "Fel adress: ska vara Storgatan 5")]  # fmt: skip
        number = open_case(desk, VISITOR, requests, staff_username="disk1").number
        visit = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        visit.record_outcome("erasure", "Chattarna raderade; fakturor sparas 7 år enligt bokföringslagen")
        received = visit.file.received_at.astimezone(LOCAL_ZONE).date().isoformat()
        for language, expected in (
            ("sv", ["Vad vi har gjort med din begäran", "Radering (artikel 17)", "Du bad om Radera mina chattar",
                    "Vad vi har gjort Chattarna raderade; fakturor sparas 7 år enligt bokföringslagen",
                    f"inte vill ha direktmarknadsföring från och med {received}", "Vi svarar dig senast",
                    "Integritetsskyddsmyndigheten"]),
            ("en", ["What we have done about your request", "Erasure (Article 17)",
                    f"do not want direct marketing as of {received}", "We will answer you by"]),
        ):  # fmt: skip
            body = pdf_text(visit.letter("outcome", language).pdf)
            for part in expected:
                assert part in body, (language, part)
