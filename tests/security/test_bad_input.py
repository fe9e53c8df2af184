"""Bad input at the desk gets a clear refusal and never a database error, and no text, however
long, can make a case impossible to print. Fuzzed with hypothesis where a parser meets input."""

from __future__ import annotations

import contextlib
import dataclasses
import unicodedata
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.documents import DocumentRefused
from desktop.core.extract import Art15, CategorySection, Conversation, RequestNote, SourceSection, SourceStatus
from desktop.core.identity import InvalidPersonnummer, parse_personnummer
from desktop.core.mrz import InvalidMrz, parse_mrz
from desktop.core.requests import RequestType
from desktop.core.text import NAME_MAX, TextRefused, check_name, check_text
from desktop.register.db import open_register
from desktop.report.extract_pdf import build_extract
from desktop.report.receipt_pdf import ReceiptDocument, build_receipt
from desktop.services.cases import InputProblem, PersonInput, open_case
from desktop.services.desk import Desk
from desktop.services.staff import create_account
from tests.integration.report.test_extract_pdf import ORGANISATION, document

ZERO_WIDTH = "\u200b\u200b"
RTL_OVERRIDE = "Anna \u202eAndersson"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("A" * (NAME_MAX + 1), "name_long"),
        (ZERO_WIDTH, "name_characters"),  # nothing visible at all
        (RTL_OVERRIDE, "name_characters"),  # prints backwards
        ("Anna\x00Andersson", "name_characters"),  # NUL: PostgreSQL refuses it in text
        ("Anna\x07", "name_characters"),
        ("12345 ---", "name_letters"),
    ],
)
def test_names_that_cannot_be_printed_truthfully_are_refused(name: str, code: str) -> None:
    with pytest.raises(TextRefused) as refused:
        check_name(name)
    assert refused.value.code == code


def test_real_names_pass_as_written() -> None:
    for name in ("Åsa Öberg", "Nguyễn Thị Minh", "Łukasz Żółć", "O'Brien-Smith", "مهر\u200cناز", "李小龍"):
        assert check_name(name) == unicodedata.normalize("NFC", name)
    assert check_name("  Anna   Andersson ") == "Anna Andersson"


@pytest.fixture
def desk(register_url: str):  # type: ignore[no-untyped-def]
    register = open_register(register_url)
    desk = Desk(config=None, register=register, sources=None)  # type: ignore[arg-type]
    create_account(desk, "it", "IT", ["admin", "reception"], "it-admin-secret", by=None)
    yield desk
    register.dispose()


def person(name: str) -> PersonInput:
    return PersonInput("811218-9876", name, "passport", "SE", "AB123456", date(2031, 1, 1))


class _Policy:
    eves_as_holidays = False


@pytest.mark.parametrize("name", ["N" * 300, "Anna\x00Andersson", ZERO_WIDTH, RTL_OVERRIDE])
def test_the_same_limits_hold_on_every_register(desk, name: str) -> None:  # type: ignore[no-untyped-def]
    desk.config = type("C", (), {"policy": _Policy()})()
    with pytest.raises(InputProblem) as problem:
        open_case(desk, person(name), [(RequestType.ACCESS, None)], staff_username="it")
    assert problem.value.field == "name"
    with pytest.raises(InputProblem) as problem:
        open_case(desk, person("Anna Andersson"), [(RequestType.ERASURE, "x" * 4001)], staff_username="it")
    assert problem.value.code == "text_long"
    opened = open_case(desk, person("Anna " + "Andersson" * 21), [(RequestType.ERASURE, "y" * 4000)],
                       staff_username="it")  # fmt: skip
    assert opened.number


def test_no_text_however_long_makes_a_case_impossible_to_print() -> None:
    huge = ("ord " * 3000 + "y" * 5000 + " ") * 3  # 51,000 characters, some words wider than the page
    section = SourceSection(
        "chat", "Chatt", SourceStatus.OK, Art15(purpose=huge[:5000]),
        [CategorySection("Meddelanden", Art15(), [{"text": huge, "kort": "a"}]),
         CategorySection("Samtal", Art15(), [{"tid": "2025", "avs": "x", "msg": huge}], Conversation(("tid",), "avs", "msg"))],
    )  # fmt: skip
    doc = dataclasses.replace(
        document(rows=3),
        sources=[section],
        subject_name="N" * 6000,
        other_requests=(RequestNote("erasure", huge[:8000], huge[:8000]),),
    )
    _pdf, pages = build_extract(doc)
    assert pages > 10
    receipt = ReceiptDocument(
        organisation=ORGANISATION, case_number="2026-00001", subject_name="N" * 6000,
        received_at=datetime(2026, 11, 23, 9, tzinfo=UTC), deadline=date(2026, 12, 23), requests=("erasure",),
        document_type="passport", checked_by="Disk", details=(("erasure", huge[:8000]),),
        extension_reason=huge[:6000], extended_deadline=date(2027, 2, 23),
    )  # fmt: skip
    _pdf, pages = build_receipt(receipt)
    assert pages >= 2


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40) | st.from_regex(r"[0-9]{6,8}[-+ ]?[0-9]{4}", fullmatch=True))
def test_the_personnummer_parser_refuses_clearly_or_accepts_a_valid_number(text: str) -> None:
    try:
        pin = parse_personnummer(text, today=date(2026, 11, 23))
    except InvalidPersonnummer as exc:
        tail = text.strip()[-4:]
        # The message never repeats the digits typed (a personnummer's last four are personal data).
        assert exc.code and (tail not in str(exc) or not any(c.isdigit() for c in tail) or len(tail) < 4)
        return
    assert len(pin.canonical) == 13 and pin.canonical[8] == "-"
    assert parse_personnummer(pin.canonical, today=date(2026, 11, 23)) == pin  # canonical form round-trips


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<\n ", max_size=100))
def test_the_mrz_parser_refuses_clearly(text: str) -> None:
    try:
        parse_mrz(text)
    except (InvalidMrz, DocumentRefused) as exc:
        assert exc.code


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=250))
def test_the_name_rules_never_let_a_hidden_character_through(text: str) -> None:
    try:
        name = check_name(text)
    except TextRefused as exc:
        assert exc.code in ("name_long", "name_characters", "name_letters")
        return
    assert 0 < len(name) <= NAME_MAX
    assert not any(unicodedata.category(c) in ("Cc", "Cf") and c not in "\u200c\u200d" for c in name)
    assert any(unicodedata.category(c).startswith("L") for c in name)
    with contextlib.suppress(TextRefused):
        assert check_text(text) is not None
