"""The figures the person responsible for data protection shows IMY or the board: requests by
type and month, how many were answered within the deadline, extended, refused, withdrawn, what
is still outstanding, and the median time to answer. From the register's facts only (purged
cases count too: their dates, types and outcomes stay); no personal data.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, case, extract, func, or_, select

from desktop.core.clock import local_date
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
    """The year's figures (no personal data), for an administrator. Counted by the database where
    it can (the requests, the outstanding parts, the supplements); the answer days, which need
    Stockholm's calendar, from one narrow row per case, never a loaded case."""
    require_role(by, Role.ADMIN)
    today = local_date()
    year = year or today.year
    of_year = Case.received_on.between(date(year, 1, 1), date(year, 12, 31))  # the (received_on, id) index
    with desk.register.sessions() as session:
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
            .where(of_year)
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
            .where(of_year, Delivery.supplement)
            .distinct()
            .subquery()
        )
        supplements = session.execute(select(func.count()).select_from(supplement_docs)).scalar_one()
        complete = (
            select(Delivery.case_id, func.min(Delivery.delivered_at).label("at"))
            .where(Delivery.outstanding.is_(None))
            .group_by(Delivery.case_id)
            .subquery()
        )
        rows = session.execute(
            select(Case.status, Case.received_on, Case.deadline, Case.extended_deadline, Case.closed_at,
                   Case.outstanding.is_not(None), complete.c.at)
            .outerjoin(complete, complete.c.case_id == Case.id)
            .where(of_year)
        )  # fmt: skip
        cases = extended = refused = withdrawn = waiting = awaiting = answered = in_time = 0
        days: list[int] = []
        for status, received_on, deadline, extended_deadline, closed_at, owes, complete_at in rows:
            cases += 1
            extended += extended_deadline is not None
            refused += status == CaseStatus.REJECTED.value
            withdrawn += status == CaseStatus.WITHDRAWN.value
            awaiting += status == CaseStatus.DELIVERED.value and bool(owes)
            answered_on = _answered_on(status, closed_at, complete_at)
            if answered_on is None:
                waiting += CaseStatus(status).is_open
                continue
            answered += 1
            in_time += answered_on <= (extended_deadline or deadline)
            days.append((answered_on - received_on).days)
        return AnnualReport(
            year=year,
            produced_on=today,
            cases=cases,
            requests_by_month={k: v for k, v in by_month.items() if any(v)},
            answered=answered,
            answered_in_time=in_time,
            extended=extended,
            refused=refused,
            withdrawn=withdrawn,
            open_cases=waiting,
            outstanding_parts=outstanding,
            awaiting_supplement=awaiting,
            supplements=supplements,
            median_days=statistics.median(days) if days else None,
        )


def annual_pdf(desk: Desk, report: AnnualReport, language: str = "sv") -> tuple[bytes, int]:
    """The report as a printable PDF with the organisation's name: (the PDF, its pages)."""
    from desktop.report.annual_pdf import build_annual

    return build_annual(report, desk.config.organisation.name if desk.config is not None else "", language)
