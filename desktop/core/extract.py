"""What a gather found, as the review and the extract see it: sources, categories, records.

These objects live in memory for as long as the case needs them and are never written to the
register. Their reprs carry counts only, so that a log line or a traceback shows no data.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
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
    NOT_SEARCHED = "not_searched"  # no identifier it can be searched by was known

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
    set_aside: bool = False  # a weak match staff chose to leave out unconfirmed (the extract says so)
    redacted: frozenset[str] = frozenset()  # replaced, never changed: most records share the empty one
    withheld: str = ""  # excluded on a ground in Swedish law the visitor is told of (dataskyddslagen 5 kap.)

    def __post_init__(self) -> None:
        if self.strength is Strength.WEAK:
            self.confirmed = False

    @property
    def included(self) -> bool:
        return self.confirmed and not self.excluded

    @property
    def undecided(self) -> bool:
        """A possible match nobody has confirmed, excluded or set aside yet."""
        return not self.confirmed and not self.excluded and not self.set_aside

    @property
    def unconfirmed(self) -> bool:
        """Left out of the extract only because it was not confirmed to be the visitor's."""
        return not self.confirmed and not self.excluded

    def visible_fields(self) -> dict[str, Any]:
        """The fields as the extract shows them: redacted values replaced by REDACTED."""
        return {k: (REDACTED if k in self.redacted else v) for k, v in self.fields.items()}

    def fingerprint(self, salt: str) -> str:
        """A name for this record that holds none of its values: a keyed hash (the case's salt)
        of its system, category and fields. The same row gathered again has the same one; a
        row whose values changed in the system has another (a decision about it no longer
        applies, and says so)."""
        body = json.dumps([self.source_id, self.category, sorted(self.fields.items())], default=str, ensure_ascii=False)
        return hmac.new(salt.encode(), body.encode(), hashlib.sha256).hexdigest()

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
    truncated: bool = False  # more rows than the policy's limit: the rest was not read
    page_limit: int = 0  # a web service had more pages than its max_pages; this many were read
    waiting_for_service: bool = False  # running, and waiting because the service asked (HTTP 429/503)
    instructions: str = ""  # for manual sources
    searched_by: tuple[str, ...] = ()  # identifier kinds it was searched by
    not_searched_by: tuple[str, ...] = ()  # kinds it can be searched by that were not known

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
    ground: str  # "adequacy" (Art. 45) or "safeguard" (Art. 46)
    mechanism: str  # the decision or the safeguard, in the reader's language


@dataclass(frozen=True, slots=True)
class Art15:
    """Art. 15.1 (a)–(h) and 15.2 for one system or one category of its data, in the reader's
    language. None means "not said here" (the source's value holds); "none" is said explicitly:
    an empty tuple for recipients and transfers, False for automated decisions."""

    purpose: str | None = None
    legal_basis: str | None = None
    categories: tuple[str, ...] | None = None
    recipients: tuple[str, ...] | None = None
    retention: str | None = None
    origin: str | None = None
    from_visitor: bool = False
    transfers: tuple[Transfer, ...] | None = None
    automated_decisions: str | bool | None = None  # False: none

    def overridden_by(self, other: Art15) -> Art15:
        """`other`'s values where it has them, ours elsewhere (a query refines its source)."""

        def pick(mine: object, theirs: object) -> Any:
            return theirs if theirs is not None else mine

        origin_given = other.origin is not None or other.from_visitor
        return Art15(
            purpose=pick(self.purpose, other.purpose),
            legal_basis=pick(self.legal_basis, other.legal_basis),
            categories=pick(self.categories, other.categories),
            recipients=pick(self.recipients, other.recipients),
            retention=pick(self.retention, other.retention),
            origin=other.origin if origin_given else self.origin,
            from_visitor=other.from_visitor if origin_given else self.from_visitor,
            transfers=pick(self.transfers, other.transfers),
            automated_decisions=pick(self.automated_decisions, other.automated_decisions),
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
    searched_by: tuple[str, ...] = ()  # the identifiers it was searched by, in the reader's words
    not_searched_by: tuple[str, ...] = ()  # those it could have been searched by, had we had them
    unconfirmed: int = 0  # possible matches left out because nobody confirmed they are the visitor's
    page_limit: int = 0  # a web service had more pages than were read (this many)
    row_limit: int = 0  # the system had more rows than the policy lets one search take (this many)
    withheld: tuple[tuple[str, int], ...] = ()  # (ground, count): the visitor's data withheld by law

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
    public_body: bool = False  # the principle of public access applies (a municipal company)
    public_authority: bool = False  # a refusal is appealed to the administrative court


@dataclass(frozen=True, slots=True)
class Representation:
    """The visitor came through someone else: a guardian, an agent with power of attorney, a
    trustee. `document` is the type of the representative's identity document."""

    name: str
    mandate: str  # MandateType value
    dated: date | None
    document: str | None = None
    scope: str = ""  # what a power of attorney covers, as written on it


@dataclass(frozen=True, slots=True)
class Unlinkable:
    """Data held that cannot be linked to the visitor (Art. 11.2), in the reader's language."""

    name: str
    what: str
    give: str


@dataclass(frozen=True, slots=True)
class Addressee:
    """Whom a letter or an extract sent by post is addressed to: the name above the address
    lines (a representative's, where one acts for the visitor; then `for_name` is the visitor's).
    `address` is empty where nothing is posted (handed over at the desk)."""

    name: str
    address: tuple[str, ...] = ()
    for_name: str = ""


@dataclass(frozen=True, slots=True)
class RequestNote:
    """A request besides access: what the person asked and the action taken, if any yet (Art. 12.3
    asks that the person is told of the action taken on requests under Articles 15 to 22)."""

    type: str  # RequestType value
    details: str | None
    outcome: str | None
    effective_on: date | None = None  # a consent withdrawal or marketing stop: in force from this day
    deeds: tuple[DeedNote, ...] = ()  # what was done in the systems, in the reader's language
    recipients_told: tuple[str, ...] = ()  # told of it (Art. 19)


@dataclass(frozen=True, slots=True)
class DeedNote:
    """One thing done for a request in one system, as the visitor reads it: an action carried
    out (`kept` False) or rows a hold keeps, with its ground and until when."""

    system: str
    title: str
    count: int
    kept: bool = False
    manual: bool = False  # no count to tell: done by a person, or a web service's call
    effect: str = ""  # an action's: erase, pseudonymise, restrict, rectify, change, add ("" in older deeds)
    remaining: bool = False  # rows an erasure left that no hold covers: not complete there (count)
    pending: bool = False  # an action that failed and has not been carried out since: not done yet
    ground: str = ""
    until: str = ""  # an ISO date or the configuration's words


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
    subject_is_coordination_number: bool = False  # samordningsnummer, labelled as such
    representation: Representation | None = None
    checked_document: str | None = None  # the type of the visitor's own identity document
    supplement_of: date | None = None  # a supplementary extract: the day the first was handed over
    addressee: Addressee | None = None  # an answer by post: the address block on the first page
    unlinkable: tuple[Unlinkable, ...] = ()  # data we hold but cannot link to the visitor (Art. 11.2)

    @property
    def promised_date(self) -> date:
        """When what is missing will follow: the deadline in force."""
        return self.extended_deadline or self.deadline

    def __repr__(self) -> str:
        return f"ExtractDocument({self.case_number}, {len(self.sources)} sources)"
