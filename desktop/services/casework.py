"""The case list and the case file as the desk sees them, and the decisions taken on a case.

Lists are fetched a page at a time (the window asks for more as the user scrolls), so a register
with 100,000 cases costs no more to open than one with ten. Lists show the personnummer masked.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, func, or_, select, tuple_, union

from desktop.config import DEED_REQUESTS
from desktop.core.clock import local_date
from desktop.core.documents import DocumentType
from desktop.core.identity import InvalidPersonnummer, masked_personnummer, parse_personnummer
from desktop.core.requests import CaseStatus, RequestType
from desktop.core.text import fold
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import AuditEvent, Case, Representative, RequestItem, Staff, utcnow
from desktop.register.repository import change_status, extend_deadline
from desktop.services.cases import checked_text
from desktop.services.delivery import first_delivered_on
from desktop.services.desk import Desk, find_staff
from desktop.services.gathering import load_case

OPEN_STATUSES = [s.value for s in CaseStatus if s.is_open]


class CaseFilter(enum.StrEnum):
    OPEN = "open"
    OVERDUE = "overdue"
    DUE_THIS_WEEK = "due_this_week"
    MINE = "mine"
    CLOSED = "closed"
    ALL = "all"


@dataclass(frozen=True)
class CaseRow:
    number: str
    subject_name: str
    masked_personnummer: str
    status: CaseStatus
    received_on: date
    deadline: date
    days_left: int
    awaiting_supplement: bool = False  # delivered, with systems the extract said would follow
    id: int = 0  # the register's key, where the next page starts (fetch_cases' `after`)

    @property
    def owes_answer(self) -> bool:
        """Whether the deadline still binds: open, and not delivered in full."""
        return CaseStatus(self.status).is_open and (self.status != CaseStatus.DELIVERED or self.awaiting_supplement)

    @property
    def urgency(self) -> str | None:
        """`late`, `soon` (due this calendar week, as the filter "Förfaller denna vecka" counts),
        `in_time`, or None when the deadline no longer binds."""
        if not self.owes_answer:
            return None
        if self.days_left < 0:
            return "late"
        today = date.fromordinal(self.deadline.toordinal() - self.days_left)
        return "soon" if self.deadline <= week_end(today) else "in_time"


def week_end(today: date) -> date:
    """The Sunday that ends today's calendar week."""
    return date.fromordinal(today.toordinal() + 6 - today.weekday())


def _effective_deadline() -> ColumnElement[date]:
    return func.coalesce(Case.extended_deadline, Case.deadline)


def _query(what: CaseFilter, search: str, staff_id: int | None, today: date) -> Select:  # type: ignore[type-arg]
    deadline = _effective_deadline()
    query = select(
        Case.number,
        Case.subject_name,
        Case.subject_personnummer,
        Case.status,
        Case.received_on,
        deadline.label("due"),
        Case.outstanding,
    )
    if what in (CaseFilter.OPEN, CaseFilter.OVERDUE, CaseFilter.DUE_THIS_WEEK, CaseFilter.MINE):
        query = query.where(Case.status.in_(OPEN_STATUSES))
    # The deadline binds a case until the visitor has everything: a delivered case only while
    # the extract left something outstanding.
    owes = or_(Case.status != CaseStatus.DELIVERED.value, Case.outstanding.is_not(None))
    if what is CaseFilter.OVERDUE:
        query = query.where(deadline < today, owes)
    elif what is CaseFilter.DUE_THIS_WEEK:
        query = query.where(deadline >= today, deadline <= week_end(today), owes)
    elif what is CaseFilter.MINE:
        query = query.where(Case.created_by_id == (staff_id or -1))
    elif what is CaseFilter.CLOSED:
        query = query.where(Case.status.not_in(OPEN_STATUSES))
    text = search.strip()
    if text:
        query = query.where(_matches(text, today))
    return query


CASE_NUMBER = re.compile(r"\d{4}-\d{5}")


def _matches(text: str, today: date) -> ColumnElement[bool]:
    """What a search at the desk finds: a personnummer in any form (12 or 10 digits, with or
    without separator, or just the date of birth), a case number or a part of it, a name without
    its diacritics (Oberg finds Öberg). A whole personnummer or a whole case number is looked up
    by itself (an index finds it among a million cases); only a part is searched for inside
    numbers and names."""
    digits = re.sub(r"[-+ ]", "", text)
    canonical = None
    if digits.isdigit() and len(digits) == 12:
        canonical = f"{digits[:8]}-{digits[8:]}"
    elif digits.isdigit() and len(digits) == 10:
        with contextlib.suppress(InvalidPersonnummer):
            canonical = parse_personnummer(text, today=today).canonical
    if canonical is not None:  # the visitor's, or that of whoever acted for them (a guardian's)
        # One set of ids from both indexes: an OR of the two kept PostgreSQL from either (234 ms
        # among a million cases, against 1 ms for the lookup alone).
        return Case.id.in_(
            union(
                select(Case.id).where(Case.subject_personnummer == canonical),
                select(Representative.case_id).where(Representative.personnummer == canonical),
            )
        )
    if CASE_NUMBER.fullmatch(text):
        return Case.number == text
    found = [
        Case.number.contains(text, autoescape=True),
        Case.subject_name_folded.contains(fold(text), autoescape=True),
    ]
    if digits.isdigit() and len(digits) == 8:
        found.append(Case.subject_personnummer.startswith(digits))
    elif digits.isdigit() and len(digits) == 6:
        found.append(Case.subject_personnummer.like(f"__{digits}-%"))
    return or_(*found)


def open_cases_of(desk: Desk, personnummer: str) -> list[str]:
    """The open cases of the same person (a visitor who comes back while a case is open)."""
    try:
        canonical = parse_personnummer(personnummer, today=local_date()).canonical
    except InvalidPersonnummer:
        return []
    with desk.register.sessions() as session:
        return list(
            session.execute(
                select(Case.number).where(Case.subject_personnummer == canonical, Case.status.in_(OPEN_STATUSES))
            ).scalars()
        )


def count_cases(desk: Desk, what: CaseFilter, search: str = "", staff_id: int | None = None) -> int:
    query = _query(what, search, staff_id, local_date())
    with desk.register.sessions() as session:
        return session.execute(select(func.count()).select_from(query.subquery())).scalar_one()


def fetch_cases(
    desk: Desk,
    what: CaseFilter,
    search: str = "",
    staff_id: int | None = None,
    *,
    after: CaseRow | None = None,
    limit: int,
) -> list[CaseRow]:
    """A page of the list, from the row after `after` (the last row of the page before; None:
    the first page). Keyset paging: the index on (received_on, id) goes straight to the page,
    where an OFFSET would walk every row before it (page 2,000 of a million cases)."""
    today = local_date()
    query = _query(what, search, staff_id, today)
    if what in (CaseFilter.CLOSED, CaseFilter.ALL):
        query = query.order_by(Case.received_on.desc(), Case.id.desc())
        if after is not None:
            query = query.where(tuple_(Case.received_on, Case.id) < tuple_(after.received_on, after.id))
    else:
        query = query.order_by(_effective_deadline(), Case.id)
        if after is not None:
            query = query.where(tuple_(_effective_deadline(), Case.id) > tuple_(after.deadline, after.id))
    with desk.register.sessions() as session:
        rows = session.execute(query.add_columns(Case.id).limit(limit)).all()
    return [
        CaseRow(
            number,
            name,
            masked_personnummer(pin),
            CaseStatus(status),
            received,
            due,
            (due - today).days,
            awaiting_supplement=status == CaseStatus.DELIVERED and bool(outstanding),
            id=case_id,
        )
        for number, name, pin, status, received, due, outstanding, case_id in rows
    ]


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    action: str
    staff: str
    details: dict[str, object]


@dataclass(frozen=True)
class RequestLine:
    """One thing the visitor asked for, what they said about it, and what was done."""

    type: RequestType
    details: str | None
    outcome: str | None
    effective_on: date | None = None  # in force from this day (a consent withdrawal, a marketing stop)


@dataclass(frozen=True)
class Deed:
    """What was done in a system for a request (register.models.CaseDeed), as the rules need it."""

    request: str
    source_id: str
    kind: str  # action, hold, recipient
    title: str
    operation: str
    count: int | None
    ground: str | None
    until: str | None
    how: str | None
    done_at: datetime
    digest: str = ""  # names the action: its statement's digest, or a manual action's key


@dataclass(frozen=True)
class RepresentativeLine:
    """Who acts for the visitor, on what mandate (MandateType value) and, for a power of
    attorney, what it covers."""

    name: str
    personnummer: str
    mandate: str
    scope: str = ""


@dataclass(frozen=True)
class CaseFile:
    number: str
    status: CaseStatus
    subject_name: str
    personnummer: str
    received_at: datetime
    received_on: date  # the local day of receipt, from which the deadlines run
    deadline: date
    extended_deadline: date | None
    extension_reason: str | None
    rejection_reason: str | None
    requests: tuple[RequestType, ...]
    document: DocumentType | None  # None once purged under the register's retention
    request_lines: tuple[RequestLine, ...] = ()
    manual_answered: frozenset[str] = frozenset()  # manual sources with a recorded answer
    closing_note: str | None = None
    first_delivered_on: date | None = None  # the day the first extract was handed over
    outstanding: tuple[str, ...] = ()  # sources the latest extract said would follow
    deeds: tuple[Deed, ...] = ()  # what was done in the systems (actions, holds, recipients told)
    postal_address: tuple[str, ...] = ()  # an answer by post: the address lines it goes to
    representative: RepresentativeLine | None = None
    letters_sent: frozenset[str] = frozenset()  # decision letters given (read for a refused or extended case)

    @property
    def due(self) -> date:
        return self.extended_deadline or self.deadline

    @property
    def awaiting_supplement(self) -> bool:
        """Delivered, with systems the extract said would follow (the deadline still binds)."""
        return self.status is CaseStatus.DELIVERED and bool(self.outstanding)


def timeline_since(desk: Desk, number: str, after_seq: int, names: dict[int, str]) -> tuple[list[TimelineEntry], int]:
    """The case's audit events after `after_seq` (0: all of them), with the staff's names (`names`
    caches them between calls, and only unknown ids are read); returns them and the last seq.
    The Visit reads the whole timeline once and then only what was added."""
    with desk.register.sessions() as session:
        events = list(
            session.execute(
                select(AuditEvent)
                .where(AuditEvent.case_number == number, AuditEvent.seq > after_seq)
                .order_by(AuditEvent.seq)
            ).scalars()
        )
        unknown = {e.staff_id for e in events if e.staff_id and e.staff_id not in names}
        if unknown:
            names.update(session.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(unknown))).all())
        entries = [
            TimelineEntry(e.at, e.action, names.get(e.staff_id, "") if e.staff_id else "", json.loads(e.details))
            for e in events
        ]
    return entries, (events[-1].seq if events else after_seq)


def case_file(desk: Desk, number: str) -> CaseFile:
    """The case as the rules need it: the case row, its requests, identity checks, manual
    answers and deliveries (the timeline is read apart, by `timeline_since`)."""
    with desk.register.sessions() as session:
        case = load_case(session, number)
        subject = case.verifications[0] if case.verifications else None
        return CaseFile(
            number=case.number,
            status=CaseStatus(case.status),
            subject_name=case.subject_name,
            personnummer=case.subject_personnummer,
            received_at=case.received_at,
            received_on=case.received_on,
            deadline=case.deadline,
            extended_deadline=case.extended_deadline,
            extension_reason=case.extension_reason,
            rejection_reason=case.rejection_reason,
            requests=tuple(RequestType(r.type) for r in case.requests),
            document=DocumentType(subject.document_type) if subject else None,
            request_lines=tuple(
                RequestLine(RequestType(r.type), r.details, r.outcome, r.effective_on) for r in case.requests
            ),
            manual_answered=frozenset(m.source_id for m in case.manual_outcomes),
            closing_note=case.closing_note,
            first_delivered_on=first_delivered_on(case),
            outstanding=tuple(json.loads(case.outstanding)) if case.outstanding else (),
            # Only a case with a request carried out in the systems has deeds: the others skip the read.
            deeds=tuple(
                Deed(
                    d.request,
                    d.source_id,
                    d.kind,
                    d.title,
                    d.operation,
                    d.count,
                    d.ground,
                    d.until,
                    d.how,
                    d.done_at,
                    d.digest,
                )
                for d in (case.deeds if any(r.type in DEED_REQUESTS for r in case.requests) else ())
            ),
            postal_address=tuple(case.postal_address.split("\n")) if case.postal_address else (),
            # Read only where an identity check says a representative came (most cases: no read).
            representative=next(
                (
                    RepresentativeLine(r.name, r.personnummer, r.mandate_type, r.mandate_scope or "")
                    for r in (
                        case.representatives if any(v.role == "representative" for v in case.verifications) else ()
                    )
                ),
                None,
            ),
            # Only a refused or extended case owes a decision letter: the others skip the read.
            letters_sent=frozenset(
                letter.kind
                for letter in (
                    case.letters if case.status == CaseStatus.REJECTED or case.extended_deadline is not None else ()
                )
            ),
        )


def record_recipient(desk: Desk, number: str, source_id: str, recipient: str, how: str, *, staff_id: int) -> None:
    """A recipient told of an erasure, restriction or rectification (Art. 19), kept with the
    case; the audit names the system, never staff's words."""
    from desktop.register.models import CaseDeed

    how = checked_text(how, "how")
    with desk.register.sessions.begin() as session:
        case = load_case(session, number)
        case.deeds.append(CaseDeed(request="art19", source_id=source_id, kind="recipient", title=recipient[:200],
                                   operation="informed", how=how.strip()[:200], done_by_id=staff_id,
                                   done_at=utcnow()))  # fmt: skip
        audit.append(session, "recipient.informed", staff_id=staff_id, case_number=number,
                     details={"source": source_id}, rows=(case,))  # fmt: skip


def record_outcome(desk: Desk, number: str, request_type: str, outcome: str, *, staff_username: str) -> None:
    """What was done about one request (the address corrected, what was erased and what is kept
    and why). The text stays with the case; the audit log records only that it was written."""
    if not outcome.strip():
        raise UserError("say what was done", "outcome.empty")
    outcome = checked_text(outcome, "outcome")
    with desk.register.sessions.begin() as session:
        case = load_case(session, number)
        staff = find_staff(session, staff_username)
        item = next((r for r in case.requests if r.type == request_type), None)
        if item is None:
            raise UserError(f"case {number} has no request of type {request_type}", "outcome.no_request")
        item.outcome = outcome.strip()
        audit.append(
            session,
            "request.outcome",
            staff_id=staff.id if staff else None,
            case_number=number,
            details={"request": request_type},
            rows=(case,),
        )


def set_postal_address(desk: Desk, number: str, lines: tuple[str, ...], *, source: str, staff_username: str) -> None:
    """The address an answer by post goes to (checked by core.address), typed by staff or taken
    from a system (`source`: "typed" or the system's id) and confirmed. The audit log records
    that it was set and from where, never the address."""
    with desk.register.sessions.begin() as session:
        case = load_case(session, number)
        staff = find_staff(session, staff_username)
        changed = case.postal_address is not None
        case.postal_address = "\n".join(lines)
        audit.append(session, "case.address", staff_id=staff.id if staff else None, case_number=number,
                     details={"from": source, "changed": changed}, rows=(case,))  # fmt: skip


def add_requests(
    desk: Desk, number: str, requests: list[tuple[RequestType, str | None]], *, staff_username: str
) -> list[str]:
    """The same visitor asks for more while a case is open: the requests join that case (one
    case per visitor and errand) instead of a second one. The case keeps its deadline, the
    earlier of the two (answering sooner is always allowed); a consent withdrawal or marketing
    stop is in force from today. Returns the types added; one the case already has is refused."""
    if not requests:
        raise UserError("choose at least one request", "request.empty")
    for request, details in requests:
        if request.needs_details and not (details or "").strip():
            raise UserError(f"say what the visitor asks for ({request.value})", "request.details")
    checked = [(r, checked_text(d, f"request.{r.value}") if d and d.strip() else None) for r, d in requests]
    today = local_date()
    with desk.register.sessions.begin() as session:
        case = load_case(session, number)
        if not CaseStatus(case.status).is_open:
            raise UserError(f"case {number} is {case.status}: requests cannot be added to it", "request.case_closed")
        have = {r.type for r in case.requests}
        twice = [r.value for r, _ in checked if r.value in have]
        if twice:
            raise UserError(f"case {number} already has: {', '.join(twice)}", "request.twice")
        for request, details in checked:
            effective_on = today if request.takes_effect_at_once else None
            case.requests.append(RequestItem(type=request.value, details=details, effective_on=effective_on))
        staff = find_staff(session, staff_username)
        session.flush()
        audit.append(
            session,
            "request.added",
            staff_id=staff.id if staff else None,
            case_number=number,
            details={"requests": [r.value for r, _ in checked]},
            rows=(case,),
        )
        return [r.value for r, _ in checked]


def extend(desk: Desk, number: str, reason: str, *, staff_username: str) -> date:
    reason = checked_text(reason, "reason")
    with desk.register.sessions.begin() as session:
        case = load_case(session, number)
        staff = find_staff(session, staff_username)
        assert staff is not None
        try:
            return extend_deadline(
                session, case, reason=reason, staff=staff, eves_as_holidays=desk.config.policy.eves_as_holidays
            )
        except ValueError as exc:
            raise UserError(str(exc), "extend.refused") from None


WITHDRAWAL_REASONS = ("visitor-withdrew", "registered-by-mistake")


def decide(
    desk: Desk,
    number: str,
    target: CaseStatus,
    *,
    staff_username: str,
    reason: str = "",
    reason_code: str | None = None,
    note: str | None = None,
) -> None:
    """Reject (with the reason the person must be told, Art. 12.4), withdraw (with one of
    WITHDRAWAL_REASONS) or close a case (`note`: why, although something was still owed)."""
    reason = checked_text(reason, "reason")
    note = checked_text(note, "note") if note else None
    if target is CaseStatus.WITHDRAWN and reason_code not in WITHDRAWAL_REASONS:
        raise UserError("say why the case is withdrawn: " + " or ".join(WITHDRAWAL_REASONS), "withdraw.reason")
    from desktop.core.requests import IllegalTransition

    with desk.register.sessions.begin() as session:
        case = load_case(session, number)
        staff = find_staff(session, staff_username)
        if note:
            case.closing_note = note
        try:
            change_status(session, case, target, staff=staff, reason=reason,
                          reason_code="closed-with-work-left" if note else reason_code)  # fmt: skip
        except IllegalTransition as exc:
            raise UserError(str(exc), "case.transition") from None


def warm_up(desk: Desk) -> bool:
    """Make the program ready for the first visitor, behind the sign-in window: the sources'
    pools and file indexes, the window's register queries compiled by SQLAlchemy (the first case
    file otherwise costs ~0.1 s), and the extract renderer's child process started.

    Last, everything loaded so far is moved out of the garbage collector's sight (`gc.freeze`):
    modules, SQLAlchemy's caches and Qt's wrappers live as long as the program, and a full
    collection that walks them all stops the window for ~0.1 s in the middle of a gather.

    Returns whether extracts render in a child process (False: in the program's own)."""
    desk.renderer.start(wait=False)
    desk.sources.warm_up()
    count_cases(desk, CaseFilter.OPEN)
    fetch_cases(desk, CaseFilter.OPEN, limit=1)
    with contextlib.suppress(UserError):
        case_file(desk, "0000-00000")
    separate = desk.renderer.start(wait=True)
    gc.collect()
    gc.freeze()
    return separate
