"""What every connector offers the gather engine, and the identifier forms they share."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.config import PERSONNUMMER_FORMS


class SourceFailure(Exception):
    """A source could not answer. The message is shown to staff: it names no personal data."""

    index: int | None = None  # of several statements in one transaction, the one that failed (if known)


@dataclass(frozen=True)
class Step:
    """One query, endpoint or key column of a source: what it needs and what it yields."""

    index: int
    title: str
    parameters: tuple[str, ...]  # identifier kinds or personnummer forms it is searched by
    yields: dict[str, str] = field(default_factory=dict)  # identifier kind → field name
    labels: dict[str, str] = field(default_factory=dict)  # field name → the visitor's name for it

    @functools.cached_property
    def identifier_kinds(self) -> tuple[str, ...]:  # asked at every planning round of a gather
        return tuple(dict.fromkeys(identifier_kind(p) for p in self.parameters))


@dataclass
class StepOutput:
    """What one step found: objects (`rows`, a web service's or a file's), or a table
    (`columns` and `table`, a query's rows as the driver gives them, in column order; no dict
    per row, so that the engine makes each row's one dict, with the field names it shows)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False  # more rows than the policy's max_rows_per_query
    page_limit: int = 0  # the service had more pages than the endpoint's max_pages (this many were read)
    columns: tuple[str, ...] = ()
    table: list[tuple[Any, ...]] = field(default_factory=list)


# What a connector tells while it runs: `True` while it waits for a service that asked it to
# (HTTP 429/503 with Retry-After), `False` when it goes on.
Notify = Callable[[bool], None]


class Connector(Protocol):
    source_id: str

    def steps(self) -> list[Step]: ...

    def run(
        self, step: Step, params: dict[str, str], cancel: threading.Event, notify: Notify | None = None
    ) -> StepOutput: ...

    def interrupt(self) -> None: ...

    def check(self) -> None: ...

    def close(self) -> None: ...


def identifier_kind(parameter: str) -> str:
    return "personnummer" if parameter in PERSONNUMMER_FORMS else parameter


def personnummer_form(canonical: str, form: str) -> str:
    """`canonical` is YYYYMMDD-NNNC; the forms are those of PERSONNUMMER_FORMS."""
    digits = canonical.replace("-", "")
    return {
        "personnummer": canonical,
        "personnummer12": digits,
        "personnummer10": digits[2:],
        "personnummer10_dash": f"{digits[2:8]}-{digits[8:]}",
    }[form]


def parameter_value(parameter: str, value: str) -> str:
    return personnummer_form(value, parameter) if parameter in PERSONNUMMER_FORMS else value


def normalise_identifier(kind: str, value: Any) -> str | None:
    """The form in which identifier values are compared; None when nothing usable is left."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if kind == "email":
        return text if "@" in text else None
    if kind == "phone":
        digits = re.sub(r"\D", "", text)
        if text.startswith("+46") or digits.startswith("0046"):
            digits = "0" + digits.removeprefix("00").removeprefix("46")
        return digits or None
    if kind == "personnummer":
        return _personnummer_cell(value, text)
    if kind == "name":
        return " ".join(text.lower().split())
    return text


_WHOLE_PERSONNUMMER = re.compile(r"(\d{6}|\d{8})[-+ ]?\d{4}")


def _personnummer_cell(value: Any, text: str) -> str | None:
    """A cell that holds a personnummer and nothing else, in any form an export gives it: 12 or
    10 digits, with or without separator, or a number (XLSX stores 198001011231 as 198001011231.0).
    A personnummer inside a longer text ("Ref 1980-01-01-1231 note") is not a match."""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    compact = text.replace(" ", "") if len(text) <= 15 else text
    if not _WHOLE_PERSONNUMMER.fullmatch(compact) and not _WHOLE_PERSONNUMMER.fullmatch(text):
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) == 12:
        return f"{digits[:8]}-{digits[8:]}"
    from desktop.core.identity import InvalidPersonnummer, parse_personnummer

    try:  # ten digits: the century follows from the separator and today, as Skatteverket says
        return parse_personnummer(text).canonical
    except InvalidPersonnummer:
        return None


def match_key(kind: str, value: Any) -> str | None:
    """The form in which a file's key column is compared: e-mail and names ignore case."""
    normal = normalise_identifier(kind, value)
    if normal is not None and kind in ("email", "name"):
        return normal.casefold()
    return normal


_PLAIN = (str, int, float, bool, decimal.Decimal, dt.date, dt.time)
# The exact types plain_value passes through unchanged: a row of only these needs no converting.
PLAIN_TYPES = frozenset({type(None), dt.datetime, *_PLAIN})


def plain_value(value: Any) -> Any:
    """Values as the review and the extract handle them: text, numbers, dates, None."""
    if value is None or isinstance(value, _PLAIN):
        return value  # a Decimal keeps every digit: the extract prints it exactly
    if isinstance(value, bytes | bytearray | memoryview):
        return f"(binärt innehåll, {len(bytes(value))} byte)"
    return str(value)
