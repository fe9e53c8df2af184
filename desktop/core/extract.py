"""What a gather found, as the review and the extract see it: sources, categories, records.

These objects live in memory for as long as the case needs them and are never written to the
register. Their reprs carry counts only, so that a log line or a traceback shows no data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Any


class _Redacted:
    """Stands in a row for a value masked in review (Art. 15.4); never the value itself."""

    _instance: _Redacted | None = None

    def __new__(cls) -> _Redacted:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "REDACTED"


REDACTED = _Redacted()


class Strength(enum.StrEnum):
    STRONG = "strong"  # reached through the personnummer or a key derived from it
    WEAK = "weak"  # reached only through e-mail, phone or name: a person must confirm


class SourceStatus(enum.StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    OK = "ok"
    NOTHING = "nothing"
    FAILED = "failed"
    TIMED_OUT = "timed_out"
    CANCELLED = "cancelled"
    MANUAL = "manual"  # a checklist item for staff

    @property
    def finished(self) -> bool:
        return self not in (SourceStatus.WAITING, SourceStatus.RUNNING)

    @property
    def reached(self) -> bool:
        """Whether the source answered (with or without data)."""
        return self in (SourceStatus.OK, SourceStatus.NOTHING)


@dataclass(slots=True, eq=False)
class Record:
    """One row or object found about the visitor."""

    source_id: str
    category: str
    fields: dict[str, Any]
    strength: Strength
    matched_by: str  # the identifier kind that reached it
    confirmed: bool = True  # weak matches start unconfirmed
    excluded: bool = False
    redacted: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.strength is Strength.WEAK:
            self.confirmed = False

    @property
    def included(self) -> bool:
        return self.confirmed and not self.excluded

    def visible_fields(self) -> dict[str, Any]:
        """The fields as the extract shows them: redacted values replaced by REDACTED."""
        return {k: (REDACTED if k in self.redacted else v) for k, v in self.fields.items()}

    def __repr__(self) -> str:
        return f"Record({self.source_id}/{self.category}, {len(self.fields)} fields, {self.strength})"


@dataclass(slots=True)
class SourceResult:
    source_id: str
    name: str
    kind: str
    status: SourceStatus = SourceStatus.WAITING
    records: list[Record] = field(default_factory=list)
    message: str = ""  # why it failed; never personal data
    duration_ms: int = 0
    truncated: bool = False
    instructions: str = ""  # for manual sources

    @property
    def record_count(self) -> int:
        return len(self.records)

    def categories(self) -> dict[str, list[Record]]:
        grouped: dict[str, list[Record]] = {}
        for record in self.records:
            grouped.setdefault(record.category, []).append(record)
        return grouped

    def __repr__(self) -> str:
        return f"SourceResult({self.source_id}, {self.status}, {self.record_count} records)"


@dataclass(slots=True)
class GatherResult:
    sources: dict[str, SourceResult]
    identifiers: dict[str, dict[str, Strength]]  # kind → value → strength; memory only
    cancelled: bool = False

    @property
    def record_count(self) -> int:
        return sum(s.record_count for s in self.sources.values())

    def failed(self) -> list[SourceResult]:
        return [
            s
            for s in self.sources.values()
            if s.status in (SourceStatus.FAILED, SourceStatus.TIMED_OUT, SourceStatus.CANCELLED)
        ]

    def __repr__(self) -> str:
        return f"GatherResult({len(self.sources)} sources, {self.record_count} records)"


# The document handed to the visitor --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Transfer:
    country: str
    recipient: str
    safeguard: str


@dataclass(frozen=True, slots=True)
class Art15:
    """Art. 15.1 (a)–(h) and 15.2 for one system or one category of its data."""

    purpose: str | None = None
    legal_basis: str | None = None
    categories: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    retention: str | None = None
    origin: str | None = None
    transfers: tuple[Transfer, ...] = ()
    automated_decisions: str | None = None

    def overridden_by(self, other: Art15) -> Art15:
        """`other`'s values where it has them, ours elsewhere (a query refines its source)."""
        return Art15(
            purpose=other.purpose or self.purpose,
            legal_basis=other.legal_basis or self.legal_basis,
            categories=other.categories or self.categories,
            recipients=other.recipients or self.recipients,
            retention=other.retention or self.retention,
            origin=other.origin or self.origin,
            transfers=other.transfers or self.transfers,
            automated_decisions=other.automated_decisions or self.automated_decisions,
        )


@dataclass(frozen=True, slots=True)
class Conversation:
    """Which columns of a category say when, who and what: the extract prints messages."""

    when: tuple[str, ...]
    speaker: str
    text: str

    @property
    def columns(self) -> tuple[str, ...]:
        return (*self.when, self.speaker, self.text)


@dataclass(slots=True)
class CategorySection:
    title: str
    art15: Art15  # where it differs from the source's
    rows: list[dict[str, Any]]  # included records, redactions applied
    conversation: Conversation | None = None  # read as messages rather than a table

    def __repr__(self) -> str:
        return f"CategorySection({self.title!r}, {len(self.rows)} rows)"


@dataclass(slots=True)
class SourceSection:
    source_id: str
    name: str
    status: SourceStatus
    art15: Art15
    categories: list[CategorySection]
    message: str = ""  # why it could not be reached
    manual_found: bool | None = None  # manual sources: None while unanswered
    manual_note: str = ""

    @property
    def row_count(self) -> int:
        return sum(len(c.rows) for c in self.categories)


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    org_number: str
    visiting_address: str
    privacy_contact: str
    dpo: str | None = None


@dataclass(frozen=True, slots=True)
class RequestNote:
    """A request besides access: what the person asked and the action taken, if any yet (Art. 12.3
    asks that the person is told of the action taken on requests under Articles 15 to 22)."""

    type: str  # RequestType value
    details: str | None
    outcome: str | None


@dataclass(slots=True)
class ExtractDocument:
    """Everything the printed extract and the machine-readable copy say."""

    organisation: Organisation
    case_number: str
    subject_name: str
    subject_personnummer: str
    received_on: date
    produced_on: date
    deadline: date
    extended_deadline: date | None
    extension_reason: str | None
    requests: tuple[str, ...]  # RequestType values
    sources: list[SourceSection]
    language: str = "sv"
    other_requests: tuple[RequestNote, ...] = ()  # the requests besides access, and what was done
    draft: bool = False  # not released: every page says so, and it is never handed over

    @property
    def promised_date(self) -> date:
        """When what is missing will follow: the deadline in force."""
        return self.extended_deadline or self.deadline

    def __repr__(self) -> str:
        return f"ExtractDocument({self.case_number}, {len(self.sources)} sources)"
