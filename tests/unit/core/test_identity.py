from datetime import date

import pytest

from desktop.core.identity import InvalidPersonnummer, is_valid_personnummer, parse_personnummer

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    "text",
    ["811218-9876", "8112189876", "811218 9876", "19811218-9876", "198112189876", " 811218-9876 "],
)
def test_accepted_forms_give_the_canonical_twelve_digits(text: str) -> None:
    pin = parse_personnummer(text, today=TODAY)
    assert pin.canonical == "19811218-9876"
    assert pin.birth_date == date(1981, 12, 18)
    assert not pin.is_coordination_number


def test_second_domain_example() -> None:
    assert parse_personnummer("640823-3234", today=TODAY).canonical == "19640823-3234"


def test_coordination_number_from_skatteverket() -> None:
    pin = parse_personnummer("701063-2391", today=TODAY)
    assert pin.is_coordination_number
    assert pin.birth_date == date(1970, 10, 3)
    assert pin.canonical == "19701063-2391"


def test_plus_separator_means_a_century_earlier() -> None:
    pin = parse_personnummer("811218+9876", today=TODAY)
    assert pin.birth_date == date(1881, 12, 18)
    assert pin.canonical == "18811218-9876"


def test_ten_digits_take_the_most_recent_year_not_in_the_future() -> None:
    # 2026-11-24 is tomorrow: a ten-digit number with that date belongs to 1926.
    from stdnum import luhn

    nine = "261124001"
    ten = nine + luhn.calc_check_digit(nine)
    assert parse_personnummer(ten, today=TODAY).birth_date == date(1926, 11, 24)
    nine = "261123001"
    ten = nine + luhn.calc_check_digit(nine)
    assert parse_personnummer(ten, today=TODAY).birth_date == date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("811218-9875", "checksum"),
        ("150916-0006", "birth_number"),
        ("811318-9876", "date"),
        ("811218-987", "length"),
        ("19811218-98761", "length"),
        ("abc", "format"),
        ("", "empty"),
        ("19811218+9876", "separator"),
        ("20991218-9876", "future"),
    ],
)
def test_invalid_numbers_say_what_is_wrong(text: str, code: str) -> None:
    with pytest.raises(InvalidPersonnummer) as raised:
        parse_personnummer(text, today=TODAY)
    assert raised.value.code == code
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) >= 6:
        assert digits[:6] not in str(raised.value), "the message must not echo the number"


def test_a_date_that_does_not_exist_is_refused() -> None:
    # 2001 was not a leap year: 010229 with a valid check digit is still wrong.
    from stdnum import luhn

    nine = "010229123"
    with pytest.raises(InvalidPersonnummer) as raised:
        parse_personnummer(nine + luhn.calc_check_digit(nine), today=TODAY)
    assert raised.value.code == "date"


def test_repr_is_masked_so_logs_never_get_the_number() -> None:
    pin = parse_personnummer("811218-9876", today=TODAY)
    assert "9876" not in repr(pin)
    assert pin.masked == "19811218-****"


def test_is_valid() -> None:
    assert is_valid_personnummer("811218-9876", today=TODAY)
    assert not is_valid_personnummer("811218-9875", today=TODAY)
