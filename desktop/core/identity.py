"""Swedish personal identity numbers (personnummer and samordningsnummer), parsed and validated.

python-stdnum supplies the Luhn check; the rest is ours because no library gets all of
Skatteverket's rules right: stdnum rejects coordination numbers and accepts birth number 000,
and neither it nor the `personnummer` package refuses a ten-digit number whose date lies later
this year. Error messages say what is wrong and never contain the number itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum import luhn
from stdnum.exceptions import ValidationError

from desktop.core.clock import local_date

COORDINATION_DAY_OFFSET = 60
CENTENARIAN_AGE = 100  # from this birthday the ten-digit form is written with '+'
OLDEST_PLAUSIBLE_AGE = 120  # nobody living is older; such a number is almost surely mistyped

_SHAPE = re.compile(r"^(?P<date>\d{6}|\d{8})(?P<sep>[-+ ]?)(?P<tail>\d{4})$")


class InvalidPersonnummer(ValueError):
    """The text is not a valid personnummer or samordningsnummer.

    `code` names the problem for translation: empty, format, length, separator, date, future,
    birth_number, checksum.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class PersonalIdentityNumber:
    """A validated personnummer or samordningsnummer.

    The repr is masked so that the number cannot reach a log by accident.
    """

    digits: str  # the twelve digits YYYYMMDDNNNC, with 60 added to the day for coordination
    birth_date: date
    is_coordination_number: bool

    @property
    def canonical(self) -> str:
        """The unambiguous 12-digit form `YYYYMMDD-NNNC` that the program stores."""
        return f"{self.digits[:8]}-{self.digits[8:]}"

    @property
    def masked(self) -> str:
        """`YYYYMMDD-****`: enough to tell cases apart in a list, not enough to identify."""
        return masked_personnummer(self.digits)

    def age_on(self, day: date) -> int:
        """Whole years of age on `day` (a 29 February birthday counts on 1 March)."""
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def __repr__(self) -> str:
        return f"PersonalIdentityNumber({self.masked})"

    def __str__(self) -> str:
        return self.canonical


def masked_personnummer(stored: str) -> str:
    """The stored form (`YYYYMMDD-NNNC` or twelve digits) as `YYYYMMDD-****`."""
    return f"{stored[:8]}-****"


def parse_personnummer(text: str, *, today: date | None = None) -> PersonalIdentityNumber:
    """Parse 10 or 12 digits, with or without `-`, `+` or a space before the last four.

    A ten-digit number belongs to the most recent matching year that is not in the future;
    `+` (the form used from the year the person turns 100) moves it one century earlier.
    """
    today = today or local_date()
    cleaned = (text or "").strip()
    if not cleaned:
        raise InvalidPersonnummer("empty", "personal identity number is empty")
    match = _SHAPE.match(cleaned)
    if match is None:
        digit_count = sum(ch.isdigit() for ch in cleaned)
        if digit_count not in (10, 12) and all(ch.isdigit() or ch in "-+ " for ch in cleaned):
            raise InvalidPersonnummer(
                "length", f"personal identity number must have 10 or 12 digits, not {digit_count}"
            )
        raise InvalidPersonnummer("format", "personal identity number must look like YYMMDD-NNNC or YYYYMMDD-NNNC")
    head, separator, tail = match["date"], match["sep"], match["tail"]

    if len(head) == 8:
        if separator == "+":
            raise InvalidPersonnummer("separator", "'+' is only used with the ten-digit form (YYMMDD+NNNC)")
        year = int(head[:4])
        month, day_field = int(head[4:6]), int(head[6:8])
    else:
        month, day_field = int(head[2:4]), int(head[4:6])
        year = _century_year(int(head[:2]), month, day_field, today, separator == "+")

    is_coordination = day_field > COORDINATION_DAY_OFFSET
    day = day_field - COORDINATION_DAY_OFFSET if is_coordination else day_field
    try:
        birth_date = date(year, month, day)
    except ValueError:
        raise InvalidPersonnummer("date", "the date of birth does not exist") from None
    if birth_date > today:
        raise InvalidPersonnummer("future", "the date of birth lies in the future")
    if tail[:3] == "000":
        raise InvalidPersonnummer("birth_number", "birth number 000 is never issued")

    ten = head[-6:] + tail
    try:
        luhn.validate(ten)
    except ValidationError:
        raise InvalidPersonnummer("checksum", "the check digit is wrong") from None
    return PersonalIdentityNumber(
        digits=f"{year:04d}{ten[2:]}",
        birth_date=birth_date,
        is_coordination_number=is_coordination,
    )


def _century_year(yy: int, month: int, day_field: int, today: date, plus: bool) -> int:
    day = day_field - COORDINATION_DAY_OFFSET if day_field > COORDINATION_DAY_OFFSET else day_field
    year = today.year - today.year % 100 + yy
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    if plus:
        year -= 100
    return year


def age_note(pin: PersonalIdentityNumber, today: date) -> str | None:
    """Why a valid number still deserves a second look, or None (DOMAIN: accept it, but say the
    age, so that staff notice a '+' typed for '-' or a mistyped century):
    `over_120` when the holder would be older than anyone living, `over_100` from the
    hundredth birthday (the '+' form)."""
    age = pin.age_on(today)
    if age > OLDEST_PLAUSIBLE_AGE:
        return "over_120"
    if age >= CENTENARIAN_AGE:
        return "over_100"
    return None


def is_valid_personnummer(text: str, *, today: date | None = None) -> bool:
    try:
        parse_personnummer(text, today=today)
    except InvalidPersonnummer:
        return False
    return True
