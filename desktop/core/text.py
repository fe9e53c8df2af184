"""What text typed at the desk may hold: names as on an ID document, and free texts (what the
visitor asks, what was done, reasons) that end up in the register, the receipt and the extract.

Control characters, zero-width characters and bidirectional overrides are refused: they can hide
or reorder what a printed name says (an RTL override prints a name backwards). ZWNJ and ZWJ stay
allowed, since Persian and Indic names need them. Lengths are bounded so that every text fits
the register on every database and prints."""

from __future__ import annotations

import unicodedata

NAME_MAX = 200
TEXT_MAX = 4000
_JOINERS = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner: parts of real names
_ALLOWED_IN_TEXT = {"\n", "\t"}


class TextRefused(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _hidden(char: str, allowed: set[str]) -> bool:
    if char in allowed:
        return False
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def check_name(name: str) -> str:
    """The name as it will be kept: NFC, single spaces. Raises TextRefused (codes name_long,
    name_characters, name_letters)."""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    if len(text) > NAME_MAX:
        raise TextRefused("name_long", f"the name is longer than {NAME_MAX} characters")
    if any(_hidden(c, _JOINERS) for c in text):
        raise TextRefused("name_characters", "the name holds control, invisible or direction characters")
    if not any(unicodedata.category(c).startswith("L") for c in text):
        raise TextRefused("name_letters", "the name must contain letters")
    return text


_SPECIAL_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "œ": "oe"})


def fold(text: str) -> str:
    """A name as a search compares it: case, diacritics and spacing ignored (Öberg = oberg)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def check_text(text: str, *, limit: int = TEXT_MAX) -> str:
    """A free text as it will be kept (NFC, trimmed). Raises TextRefused (text_long,
    text_characters)."""
    # Line breaks as Windows (CRLF) and old Macs (CR) write them are kept as one kind (LF).
    kept = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if len(kept) > limit:
        raise TextRefused("text_long", f"the text is longer than {limit} characters")
    if any(_hidden(c, _ALLOWED_IN_TEXT | _JOINERS) for c in kept):
        raise TextRefused("text_characters", "the text holds control, invisible or direction characters")
    return kept
