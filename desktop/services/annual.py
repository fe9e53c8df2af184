"""The figures the person responsible for data protection shows IMY or the board: requests by
type and month, how many were answered within the deadline, extended, refused, withdrawn, what
is still outstanding, and the median time to answer. From the register's facts only (purged
cases count too: their dates, types and outcomes stay); no personal data.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import selectinload

from desktop.core.clock import local_date
from desktop.core.requests import CaseStatus, RequestType
from desktop.core.staff import Role, StaffMember
from desktop.register.models import Case
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


def _answered_on(case: Case) -> date | None:
    """The day the visitor had the whole answer: the extract (or supplement) after which nothing
    was owed, else the day the case ended with a decision (closed or refused). A withdrawn case
    needs no answer. A case answered only in part is not answered (DOMAIN: partial answers)."""
    complete = [d.delivered_at for d in case.deliveries if d.outstanding is None]
    if complete:
        return local_date(min(complete))
    if case.status in (CaseStatus.CLOSED.value, CaseStatus.REJECTED.value) and case.closed_at is not None:
        return local_date(case.closed_at)
    return None


def annual_report(desk: Desk, year: int | None = None, *, by: StaffMember) -> AnnualReport:
    """The year's figures (no personal data), for an administrator."""
    require_role(by, Role.ADMIN)
    today = local_date()
    year = year or today.year
    with desk.register.sessions() as session:
        cases = list(
            session.execute(
                select(Case)
                .where(extract("year", Case.received_on) == year)
                .options(selectinload(Case.requests), selectinload(Case.deliveries))
            ).scalars()
        )
        by_month = {t.value: [0] * 12 for t in RequestType}
        days: list[int] = []
        answered = in_time = outstanding = waiting = 0
        for case in cases:
            for request in case.requests:
                by_month.setdefault(request.type, [0] * 12)[case.received_on.month - 1] += 1
                if request.type != RequestType.ACCESS and not request.outcome and not request.effective_on:
                    # A refusal or a withdrawal is the end of it; anything else still owes an outcome.
                    outstanding += case.status not in (CaseStatus.REJECTED.value, CaseStatus.WITHDRAWN.value)
            answered_on = _answered_on(case)
            waiting += answered_on is None and CaseStatus(case.status).is_open
            if answered_on is not None:
                answered += 1
                in_time += answered_on <= (case.extended_deadline or case.deadline)
                days.append((answered_on - case.received_on).days)
        return AnnualReport(
            year=year,
            produced_on=today,
            cases=len(cases),
            requests_by_month={k: v for k, v in by_month.items() if any(v)},
            answered=answered,
            answered_in_time=in_time,
            extended=sum(1 for c in cases if c.extended_deadline is not None),
            refused=sum(1 for c in cases if c.status == CaseStatus.REJECTED.value),
            withdrawn=sum(1 for c in cases if c.status == CaseStatus.WITHDRAWN.value),
            open_cases=waiting,
            outstanding_parts=outstanding,
            awaiting_supplement=sum(
                1 for c in cases if c.status == CaseStatus.DELIVERED.value and c.outstanding is not None
            ),
            # A print and a ZIP of one supplement are one answer: counted by the document's SHA-256.
            supplements=sum(len({d.sha256 for d in c.deliveries if d.supplement}) for c in cases),
            median_days=statistics.median(days) if days else None,
        )


def annual_pdf(desk: Desk, report: AnnualReport, language: str = "sv") -> tuple[bytes, int]:
    """The report as a printable PDF with the organisation's name: (the PDF, its pages)."""
    from desktop.report.annual_pdf import build_annual

    return build_annual(report, desk.config.organisation.name if desk.config is not None else "", language)
