"""Machine-readable zones of passports (TD3) and ID cards (TD1), ICAO Doc 9303.

A keyboard-wedge MRZ reader types the lines into a text field; `parse_mrz` checks every check
digit and `compare_with_visitor` says whether the zone agrees with what staff typed. Nothing
here keeps the document number beyond its last four characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from desktop.core.documents import country_alpha2

_WEIGHTS = (7, 3, 1)
_VALID = re.compile(r"^[A-Z0-9<]+$")

# ICAO 9303 part 3, transliteration of national characters (the ones Nordic names need).
_TRANSLITERATION = {
    "Å": "AA",
    "Ä": "AE",
    "Ö": "OE",
    "Ü": "UE",
    "Ø": "OE",
    "Æ": "AE",
    "ß": "SS",
    "Þ": "TH",
    "Ð": "D",
    "Œ": "OE",
    "Ĳ": "IJ",
}


class InvalidMrz(ValueError):
    """The zone cannot be read. `code`: shape, characters, check_digit."""

    def __init__(self, code: str, message: str, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.field = field


def check_digit(field: str) -> int:
    """ICAO 9303 check digit: weights 7, 3, 1; digits as values, A–Z as 10–35, `<` as 0."""
    total = 0
    for index, char in enumerate(field):
        if char.isdigit():
            value = int(char)
        elif "A" <= char <= "Z":
            value = ord(char) - ord("A") + 10
        elif char == "<":
            value = 0
        else:
            raise InvalidMrz("characters", "the zone may only hold A–Z, 0–9 and <")
        total += value * _WEIGHTS[index % 3]
    return total % 10


@dataclass(frozen=True, slots=True)
class MrzData:
    format: str  # "TD1" or "TD3"
    document_code: str
    issuing_country: str  # alpha-2
    surname: str  # as in the zone: A–Z and spaces
    given_names: str
    number_last4: str
    birth_yymmdd: str  # may contain "<" where the date is unknown
    expiry: date
    optional_data: str

    def __repr__(self) -> str:
        return f"MrzData({self.format}, {self.document_code}, {self.issuing_country})"


def _verify(field: str, digit: str, name: str) -> None:
    if not digit.isdigit() or check_digit(field) != int(digit):
        raise InvalidMrz("check_digit", f"the check digit of the {name} is wrong", name)


def _names(zone: str) -> tuple[str, str]:
    surname, _, given = zone.strip("<").partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


def _expiry(yymmdd: str) -> date:
    try:
        return date(2000 + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:6]))
    except ValueError:
        raise InvalidMrz("shape", "the expiry date in the zone does not exist", "expiry") from None


def parse_mrz(text: str) -> MrzData:
    """Parse a TD3 (2 × 44) or TD1 (3 × 30) zone, verifying every check digit."""
    lines = [line.strip().upper() for line in (text or "").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if [len(line) for line in lines] == [44, 44]:
        return _parse_td3(lines)
    if [len(line) for line in lines] == [30, 30, 30]:
        return _parse_td1(lines)
    raise InvalidMrz("shape", "expected two lines of 44 characters or three lines of 30")


def _parse_td3(lines: list[str]) -> MrzData:
    one, two = lines
    for line in lines:
        if not _VALID.match(line):
            raise InvalidMrz("characters", "the zone may only hold A–Z, 0–9 and <")
    number = two[0:9]
    _verify(number, two[9], "document number")
    _verify(two[13:19], two[19], "date of birth")
    _verify(two[21:27], two[27], "expiry date")
    if two[42] != "<" or two[28:42].strip("<"):
        _verify(two[28:42], two[42], "optional data")
    _verify(two[0:10] + two[13:20] + two[21:43], two[43], "whole zone")
    surname, given = _names(one[5:44])
    return MrzData(
        format="TD3",
        document_code=one[0:2].rstrip("<"),
        issuing_country=country_alpha2(one[2:5]),
        surname=surname,
        given_names=given,
        number_last4=number.rstrip("<")[-4:],
        birth_yymmdd=two[13:19],
        expiry=_expiry(two[21:27]),
        optional_data=two[28:42].rstrip("<"),
    )


def _parse_td1(lines: list[str]) -> MrzData:
    one, two, three = lines
    for line in lines:
        if not _VALID.match(line):
            raise InvalidMrz("characters", "the zone may only hold A–Z, 0–9 and <")
    optional_one = one[15:30]
    if one[14] == "<" and optional_one.strip("<"):
        # A number longer than nine characters continues in the optional field, its check
        # digit being the last character before the filler.
        overflow = optional_one.split("<", 1)[0]
        number = one[5:14] + overflow[:-1]
        _verify(number, overflow[-1], "document number")
        optional_one = optional_one[len(overflow) :]
    else:
        number = one[5:14]
        _verify(number, one[14], "document number")
    _verify(two[0:6], two[6], "date of birth")
    _verify(two[8:14], two[14], "expiry date")
    _verify(one[5:30] + two[0:7] + two[8:15] + two[18:29], two[29], "whole zone")
    surname, given = _names(three)
    return MrzData(
        format="TD1",
        document_code=one[0:2].rstrip("<"),
        issuing_country=country_alpha2(one[2:5]),
        surname=surname,
        given_names=given,
        number_last4=number.rstrip("<")[-4:],
        birth_yymmdd=two[0:6],
        expiry=_expiry(two[8:14]),
        optional_data=(optional_one + two[18:29]).strip("<"),
    )


def mrz_name_tokens(name: str, *, icao: bool = True) -> list[str]:
    """A name as the zone would spell it: upper case A–Z, split into words.

    With `icao` the national characters follow ICAO's table (Å → AA); without, diacritics are
    simply dropped (Å → A), which some issuers do.
    """
    out = []
    for char in name.upper():
        if icao and char in _TRANSLITERATION:
            out.append(_TRANSLITERATION[char])
            continue
        base = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in base if not unicodedata.combining(c))
        out.append(base if base.isascii() and base.isalpha() else " ")
    return "".join(out).split()


def compare_with_visitor(
    mrz: MrzData,
    *,
    name: str,
    birth_date: date,
    expiry: date | None = None,
    number_last4: str | None = None,
    personnummer_ten: str | None = None,
) -> list[str]:
    """The fields where the zone disagrees with what staff typed (empty when all agree).

    Names agree when every word of the zone's surname and at least one given name appear in
    the typed name, and every typed word appears in the zone (a long last word may be cut
    short in the zone). Field names returned: name, birth_date, expiry, number, personnummer.
    """
    disagreements = []
    zone_surname = mrz.surname.split()
    zone_given = mrz.given_names.split()
    zone_words = zone_surname + zone_given
    typed_variants = [set(mrz_name_tokens(name)), set(mrz_name_tokens(name, icao=False))]

    def present(word: str, typed: set[str]) -> bool:
        return word in typed or (word == zone_words[-1] and any(t.startswith(word) for t in typed))

    def typed_in_zone(word: str) -> bool:
        return word in zone_words or any(word.startswith(z) for z in zone_words[-1:])

    names_agree = any(
        all(present(w, typed) for w in zone_surname)
        and (not zone_given or any(present(w, typed) for w in zone_given))
        and all(typed_in_zone(w) for w in typed)
        for typed in typed_variants
    )
    if not names_agree:
        disagreements.append("name")
    if mrz.birth_yymmdd != birth_date.strftime("%y%m%d"):
        disagreements.append("birth_date")
    if expiry is not None and mrz.expiry != expiry:
        disagreements.append("expiry")
    if number_last4 is not None and mrz.number_last4 != number_last4.upper():
        disagreements.append("number")
    optional_digits = re.sub(r"\D", "", mrz.optional_data)
    if personnummer_ten and len(optional_digits) == 10 and optional_digits != personnummer_ten:
        disagreements.append("personnummer")
    return disagreements
