"""The figures the person responsible for data protection shows IMY or the board: requests by
type and month, how many were answered within the deadline, extended, refused, withdrawn, what
is still outstanding, and the median time to answer. From the register's facts only (purged
cases count too: their dates, types and outcomes stay); no personal data.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, Subquery, and_, case, cast, extract, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.clock import LOCAL_ZONE, local_date
from desktop.core.requests import CaseStatus, RequestType
from desktop.core.staff import Role, StaffMember
from desktop.register.models import Case, Delivery, RequestItem
from desktop.services.desk import Desk
from desktop.services.staff import require_role


@dataclass(frozen=True)
class AnnualReport:
    year: int
    produced_on: date
    cases: int
    requests_by_month: dict[str, list[int]] = field(default_factory=dict)  # request type → 12 counts
    answered: int = 0  # cases with an answer (an extract delivered, a refusal, or closed)
    answered_in_time: int = 0
    extended: int = 0
    refused: int = 0
    withdrawn: int = 0
    open_cases: int = 0  # still awaiting an answer
    outstanding_parts: int = 0  # requests besides access without an outcome, in cases answered or not
    awaiting_supplement: int = 0  # extracts handed over with a system still owed (a supplement to come)
    supplements: int = 0  # supplementary extracts handed over
    median_days: float | None = None

    @property
    def in_time_percent(self) -> float | None:
        return round(100 * self.answered_in_time / self.answered, 1) if self.answered else None


def _answered_on(status: str, closed_at: datetime | None, complete_at: datetime | None) -> date | None:
    """The day the visitor had the whole answer: the extract (or supplement) after which nothing
    was owed (`complete_at`, the first such), else the day the case ended with a decision (closed
    or refused). A withdrawn case needs no answer. A case answered only in part is not answered
    (DOMAIN: partial answers)."""
    if complete_at is not None:
        return local_date(complete_at)
    if status in (CaseStatus.CLOSED.value, CaseStatus.REJECTED.value) and closed_at is not None:
        return local_date(closed_at)
    return None


def annual_report(desk: Desk, year: int | None = None, *, by: StaffMember) -> AnnualReport:
    """The year's figures (no personal data), for an administrator, counted by the database: the
    requests, the outstanding parts, the supplements, and, where it knows Stockholm's calendar,
    the answers too (else from one narrow row per case, never a loaded case)."""
    require_role(by, Role.ADMIN)
    today = local_date()
    year = year or today.year
    of_year = Case.received_on.between(date(year, 1, 1), date(year, 12, 31))  # the (received_on, id) index
    with desk.register.sessions() as session:
        # Case ids grow with time: the year's requests and deliveries are found by their case_id
        # index between its first and last case, not by reading every year's (the joins still
        # check the year). As values, not subqueries, so that the planner sees how few they are.
        # `id + 0`: read from the year's slice of the (received_on, id) index; over the primary
        # key PostgreSQL would walk every earlier year's ids to find the first.
        first, last = session.execute(select(func.min(Case.id + 0), func.max(Case.id + 0)).where(of_year)).one()
        by_month = {t.value: [0] * 12 for t in RequestType}
        month = extract("month", Case.received_on)
        # A refusal or a withdrawal is the end of it; anything else besides access still owes an
        # outcome. Counted in the same pass over the year's requests (each pass joins them all).
        owes_outcome = and_(
            RequestItem.type != RequestType.ACCESS.value,
            or_(RequestItem.outcome.is_(None), RequestItem.outcome == ""),
            RequestItem.effective_on.is_(None),
            Case.status.not_in([CaseStatus.REJECTED.value, CaseStatus.WITHDRAWN.value]),
        )
        counted = (
            select(RequestItem.type, month, func.count(), func.sum(case((owes_outcome, 1), else_=0)))
            .join(Case)
            .where(of_year, RequestItem.case_id.between(first, last))
            .group_by(RequestItem.type, month)
        )
        outstanding = 0
        for kind, number, count, owing in session.execute(counted):
            by_month.setdefault(kind, [0] * 12)[int(number) - 1] += count
            outstanding += int(owing or 0)
        # A print and a ZIP of one supplement are one answer: counted by the document's SHA-256.
        supplement_docs = (
            select(Delivery.case_id, Delivery.sha256)
            .join(Case)
            .where(of_year, Delivery.case_id.between(first, last), Delivery.supplement)
            .distinct()
            .subquery()
        )
        supplements = session.execute(select(func.count()).select_from(supplement_docs)).scalar_one()
        count_answers = _answers_in_sql if _has_time_zones(session) else _answers_in_python
        answers = count_answers(session, of_year, _complete(first, last))
        return AnnualReport(
            year=year,
            produced_on=today,
            requests_by_month={k: v for k, v in by_month.items() if any(v)},
            outstanding_parts=outstanding,
            supplements=supplements,
            **vars(answers),
        )


@dataclass
class _Answers:
    """The year's cases and their answers: the figures counted from one row per case."""

    cases: int = 0
    answered: int = 0
    answered_in_time: int = 0
    extended: int = 0
    refused: int = 0
    withdrawn: int = 0
    open_cases: int = 0
    awaiting_supplement: int = 0
    median_days: float | None = None


def _complete(first: Any, last: Any) -> Subquery:
    """Per case between `first` and `last`, when the first delivery after which nothing was owed
    was made."""
    return (
        select(Delivery.case_id, func.min(Delivery.delivered_at).label("at"))
        .where(Delivery.case_id.between(first, last), Delivery.outstanding.is_(None))
        .group_by(Delivery.case_id)
        .subquery()
    )


def _has_time_zones(session: Session) -> bool:
    """Whether the database knows Stockholm's calendar (PostgreSQL): then it counts the answers
    itself (a year of a million-case register: ~170 ms, against ~1 s row by row in Python)."""
    return session.get_bind().dialect.name == "postgresql"


def _answers_in_sql(session: Session, of_year: ColumnElement[bool], complete: Subquery) -> _Answers:
    """`_answers_in_python`, counted by PostgreSQL: the same rule for the answer day (see
    `_answered_on`), the local date taken with the database's own time-zone rules."""

    def local_day(utc: Any) -> Any:  # the columns hold UTC without a zone
        return cast(func.timezone(LOCAL_ZONE.key, func.timezone("UTC", utc)), Date)

    ended = and_(Case.status.in_([CaseStatus.CLOSED.value, CaseStatus.REJECTED.value]), Case.closed_at.is_not(None))
    rows = (
        select(
            Case.status,
            Case.received_on,
            func.coalesce(Case.extended_deadline, Case.deadline).label("due"),
            Case.extended_deadline.is_not(None).label("extended"),
            Case.outstanding.is_not(None).label("owes"),
            case((complete.c.at.is_not(None), local_day(complete.c.at)), (ended, local_day(Case.closed_at))).label(
                "answered_on"
            ),
        )
        .outerjoin(complete, complete.c.case_id == Case.id)
        .where(of_year)
        .subquery()
    )
    row = rows.c
    still_open = [s.value for s in CaseStatus if s.is_open]
    figures = session.execute(
        select(
            func.count(),
            func.count(row.answered_on),
            func.count().filter(row.answered_on <= row.due),
            func.count().filter(row.extended),
            func.count().filter(row.status == CaseStatus.REJECTED.value),
            func.count().filter(row.status == CaseStatus.WITHDRAWN.value),
            func.count().filter(and_(row.answered_on.is_(None), row.status.in_(still_open))),
            func.count().filter(and_(row.status == CaseStatus.DELIVERED.value, row.owes)),
            func.percentile_cont(0.5).within_group(row.answered_on - row.received_on),  # days: dates subtract to days
        )
    ).one()
    cases, answered, in_time, extended, refused, withdrawn, waiting, awaiting, median = figures
    return _Answers(cases, answered, in_time, extended, refused, withdrawn, waiting, awaiting,
                    None if median is None else float(median))  # fmt: skip


def _answers_in_python(session: Session, of_year: ColumnElement[bool], complete: Subquery) -> _Answers:
    """The answer days, which need Stockholm's calendar, from one narrow row per case, never
    a loaded case (SQLite has no time zones)."""
    rows = session.execute(
        select(Case.status, Case.received_on, Case.deadline, Case.extended_deadline, Case.closed_at,
               Case.outstanding.is_not(None), complete.c.at)
        .outerjoin(complete, complete.c.case_id == Case.id)
        .where(of_year)
    )  # fmt: skip
    answers = _Answers()
    rejected, withdrawn, delivered = CaseStatus.REJECTED.value, CaseStatus.WITHDRAWN.value, CaseStatus.DELIVERED.value
    still_open = {s.value for s in CaseStatus if s.is_open}
    days: list[int] = []
    for status, received_on, deadline, extended_deadline, closed_at, owes, complete_at in rows:
        answers.cases += 1
        answers.extended += extended_deadline is not None
        answers.refused += status == rejected
        answers.withdrawn += status == withdrawn
        answers.awaiting_supplement += status == delivered and bool(owes)
        answered_on = _answered_on(status, closed_at, complete_at)
        if answered_on is None:
            answers.open_cases += status in still_open
            continue
        answers.answered += 1
        answers.answered_in_time += answered_on <= (extended_deadline or deadline)
        days.append((answered_on - received_on).days)
    answers.median_days = float(statistics.median(days)) if days else None
    return answers


def annual_pdf(desk: Desk, report: AnnualReport, language: str = "sv") -> tuple[bytes, int]:
    """The report as a printable PDF with the organisation's name: (the PDF, its pages)."""
    from desktop.report.annual_pdf import build_annual

    return build_annual(report, desk.config.organisation.name if desk.config is not None else "", language)
