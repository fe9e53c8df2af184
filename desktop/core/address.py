"""The postal address an answer by post goes to: the visitor's address in the population register
(folkbokföringsadress), which ties the answer to the personnummer when no ID was shown (DOMAIN:
no usable ID at the desk).

An address is kept as its lines, without the name (the letter puts the addressee's name above
them): a street line, perhaps a c/o or a second line, and the postcode and town last, as
Postnord wants them (five digits, "123 45 STAD"). The population register holds Swedish
addresses only, so a last line without a postcode is refused rather than guessed at.
"""

from __future__ import annotations

import re

from desktop.core.text import TextRefused, check_text

LINE_MAX = 60  # what a window envelope's address field holds on one line at 10 pt
LINES_MAX = 4  # besides the name: c/o, street, a second street line, postcode and town
_POSTCODE_LINE = re.compile(r"^(?:SE-?\s*)?(\d{3})\s?(\d{2})\s+(\S.*)$", re.IGNORECASE)


class AddressRefused(ValueError):
    """`code`: address_empty, address_lines, address_long, address_postcode, address_characters."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def check_address(text: str) -> tuple[str, ...]:
    """The address lines as they will be printed: trimmed, empty lines dropped, the postcode
    written "123 45". Raises AddressRefused; the message never repeats the address."""
    try:
        kept = check_text(text, limit=LINES_MAX * (LINE_MAX + 1) + 20)
    except TextRefused as exc:
        code = "address_long" if exc.code == "text_long" else "address_characters"
        raise AddressRefused(code, str(exc).replace("the text", "the address")) from None
    lines = [" ".join(line.split()) for line in kept.replace(",", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise AddressRefused("address_empty", "write the address: street, then postcode and town")
    if len(lines) < 2 or len(lines) > LINES_MAX:
        raise AddressRefused(
            "address_lines", f"an address is 2 to {LINES_MAX} lines: street (and c/o), then postcode and town"
        )
    if any(len(line) > LINE_MAX for line in lines):
        raise AddressRefused("address_long", f"an address line is at most {LINE_MAX} characters")
    last = _POSTCODE_LINE.match(lines[-1])
    if last is None:
        raise AddressRefused(
            "address_postcode", "the last line must be the postcode and town, e.g. '123 45 Stad' (a Swedish address)"
        )
    lines[-1] = f"{last.group(1)} {last.group(2)} {last.group(3)}"
    return tuple(lines)


def address_from_fields(values: list[object]) -> str:
    """An address proposal from a record's fields as a system holds them (street, postcode, town
    in separate columns, or a line that already holds several): the postcode joins the town on
    one line. The result is only proposed: staff confirm it, and `check_address` judges it."""
    parts = [" ".join(str(v).split()) for v in values if v is not None and str(v).strip()]
    lines: list[str] = []
    for part in parts:
        if lines and re.fullmatch(r"\d{3}\s?\d{2}", lines[-1]):  # a postcode column before the town
            lines[-1] = f"{lines[-1]} {part}"
        else:
            lines.append(part)
    return "\n".join(lines)
