from datetime import UTC, date, datetime

import pytest

from desktop.core.documents import DocumentRefused, DocumentType, IdentityDocument, last_four
from desktop.core.identity import parse_personnummer
from desktop.core.mrz import InvalidMrz, check_digit, compare_with_visitor, parse_mrz
from desktop.core.verification import (
    Mandate,
    MandateType,
    VerificationRefused,
    check_mandate,
    check_person,
)

from .mrz_samples import td1, td3

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_icao_specimen_check_digits() -> None:
    # ICAO Doc 9303 part 4 specimen: L898902C3 → 6, 740812 → 2, 120415 → 9.
    assert check_digit("L898902C3") == 6
    assert check_digit("740812") == 2
    assert check_digit("120415") == 9
    line = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
    assert check_digit(line[0:10] + line[13:20] + line[21:43]) == 0


def test_document_keeps_only_the_last_four_characters() -> None:
    doc = IdentityDocument.create("passport", "SWE", date(2030, 1, 1), "aa 123-4567")
    assert doc.number_last4 == "4567"
    assert doc.issuing_country == "SE"
    assert doc.type is DocumentType.PASSPORT
    assert last_four("x12y") == "X12Y"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("passport", "NO", date(2030, 1, 1), "1234"), "country"),
        (("foreign-passport", "XX", date(2030, 1, 1), "1234"), "country"),
        (("other", "SE", date(2030, 1, 1), "1234"), "description"),
        (("national-id", "SE", date(2030, 1, 1), "12"), "number"),
        (("library-card", "SE", date(2030, 1, 1), "1234"), "type"),
    ],
)
def test_documents_refused(args: tuple, code: str) -> None:
    with pytest.raises(DocumentRefused) as raised:
        IdentityDocument.create(*args)
    assert raised.value.code == code


def test_expired_document_is_refused_but_valid_through_its_expiry_day() -> None:
    doc = IdentityDocument.create("driving-licence", "SE", date(2026, 11, 23), "123456789")
    doc.check_valid_on(date(2026, 11, 23))
    with pytest.raises(DocumentRefused) as raised:
        doc.check_valid_on(date(2026, 11, 24))
    assert raised.value.code == "expired"


def test_td3_parses_and_agrees_with_the_visitor() -> None:
    mrz = parse_mrz(td3())
    assert mrz.format == "TD3"
    assert mrz.issuing_country == "SE"
    assert (mrz.surname, mrz.given_names) == ("ANDERSSON", "ANNA MARIA")
    assert mrz.number_last4 == "4567"
    assert mrz.expiry == date(2030, 1, 1)
    pin = parse_personnummer("811218-9876")
    assert (
        compare_with_visitor(
            mrz,
            name="Anna Andersson",
            birth_date=pin.birth_date,
            expiry=date(2030, 1, 1),
            number_last4="4567",
            personnummer_ten="8112189876",
        )
        == []
    )


def test_td1_with_a_long_document_number() -> None:
    mrz = parse_mrz(td1(number="D23145890734"))
    assert mrz.format == "TD1"
    assert mrz.number_last4 == "0734"


def test_td1_short_number() -> None:
    mrz = parse_mrz(td1().lower())  # a reader may send lower case
    assert mrz.number_last4 == "4567"
    assert mrz.birth_yymmdd == "811218"


@pytest.mark.parametrize("broken_at", [0, 13, 21, 43])
def test_a_wrong_check_digit_is_caught(broken_at: int) -> None:
    one, two = td3().split("\n")
    # Change one character of a checked field.
    replacement = "9" if two[broken_at] != "9" else "8"
    two = two[:broken_at] + replacement + two[broken_at + 1 :]
    with pytest.raises(InvalidMrz) as raised:
        parse_mrz(f"{one}\n{two}")
    assert raised.value.code == "check_digit"


def test_wrong_shape() -> None:
    with pytest.raises(InvalidMrz) as raised:
        parse_mrz("P<SWE")
    assert raised.value.code == "shape"


def test_name_transliteration_both_ways() -> None:
    mrz = parse_mrz(td3(names="OESTLUND<<AASA", optional=""))
    assert compare_with_visitor(mrz, name="Åsa Östlund", birth_date=date(1981, 12, 18)) == []
    mrz = parse_mrz(td3(names="OSTLUND<<ASA", optional=""))
    assert compare_with_visitor(mrz, name="Åsa Östlund", birth_date=date(1981, 12, 18)) == []


def test_disagreements_are_named() -> None:
    mrz = parse_mrz(td3())
    found = compare_with_visitor(
        mrz,
        name="Bertil Andersson",
        birth_date=date(1981, 12, 19),
        expiry=date(2031, 1, 1),
        number_last4="9999",
        personnummer_ten="6408233234",
    )
    assert found == ["name", "birth_date", "expiry", "number", "personnummer"]


def test_check_person_refuses_expired_document_and_mismatching_zone() -> None:
    pin = parse_personnummer("811218-9876")
    expired = IdentityDocument.create("passport", "SE", date(2026, 1, 1), "AB1234567")
    with pytest.raises(DocumentRefused):
        check_person(personnummer=pin, name="Anna Andersson", document=expired,
                     checked_by="desk1", checked_at=NOW)  # fmt: skip
    valid = IdentityDocument.create("passport", "SE", date(2030, 1, 1), "AB1234567")
    with pytest.raises(VerificationRefused) as raised:
        check_person(personnummer=pin, name="Anna Berg", document=valid, checked_by="desk1",
                     checked_at=NOW, mrz=parse_mrz(td3()))  # fmt: skip
    assert raised.value.fields == ("name",)
    check = check_person(personnummer=pin, name="  Anna   Andersson ", document=valid,
                         checked_by="desk1", checked_at=NOW, mrz=parse_mrz(td3()))  # fmt: skip
    assert check.mrz_checked and check.name == "Anna Andersson"
    assert "9876" not in repr(check)


def test_mandates() -> None:
    today = date(2026, 11, 23)
    check_mandate(Mandate(MandateType.GUARDIAN, None, "personbevis"), today=today)
    check_mandate(Mandate(MandateType.POWER_OF_ATTORNEY, date(2026, 11, 1), "Anna A", "registerutdrag"), today=today)
    with pytest.raises(VerificationRefused) as refused:  # what it covers is recorded: it must be said
        check_mandate(Mandate(MandateType.POWER_OF_ATTORNEY, date(2026, 11, 1), "Anna A", "  "), today=today)
    assert refused.value.code == "mandate_scope"
    with pytest.raises(VerificationRefused):
        check_mandate(Mandate(MandateType.POWER_OF_ATTORNEY, None, "Anna A"), today=today)
    with pytest.raises(VerificationRefused):
        check_mandate(Mandate(MandateType.POWER_OF_ATTORNEY, date(2027, 1, 1), "A"), today=today)
