"""The register's own retention: a case that ended long ago keeps its facts, not the person.

Closed, rejected and withdrawn cases whose end lies more than `keep_closed_cases_years` back have
their personal data removed: the name, the personnummer, what the visitor wrote, staff's free
texts about the case (reasons, notes), the identity checks, the representative, the identifiers
the visitor gave, and the case's digest salt (so that the digests the audit chain keeps cannot be
used to guess the personnummer). What stays: the case number, the dates, the status, the request
types and their outcomes, the deliveries' facts (time, method, SHA-256) and the audit chain, which
records the purge with counts only and the purged rows' new digests, so `audit verify` passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.clock import LOCAL_ZONE, local_date
from desktop.core.requests import CaseStatus
from desktop.core.staff import Role, StaffMember
from desktop.register import audit
from desktop.register.models import Case, utcnow
from desktop.services.desk import Desk
from desktop.services.staff import NotAllowed, require_role

ENDED = (CaseStatus.CLOSED.value, CaseStatus.REJECTED.value, CaseStatus.WITHDRAWN.value)
BATCH = 200  # cases per transaction: a large first purge does not hold the register for long


@dataclass(frozen=True)
class PurgeReport:
    cutoff: date  # cases that ended before this day were (or would be) purged
    cases: int
    dry_run: bool


def cutoff_date(today: date, years: int) -> date:
    """`years` before today; 29 February becomes 28 February in a year without it."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def _due(cutoff: date):  # type: ignore[no-untyped-def]
    ended_before = datetime.combine(cutoff, time.min, tzinfo=LOCAL_ZONE)
    ended = func.coalesce(Case.closed_at, Case.updated_at)
    return (
        select(Case.id).where(Case.status.in_(ENDED), Case.purged_at.is_(None), ended < ended_before).order_by(Case.id)
    )


def purge_ended_cases(
    desk: Desk, *, by: StaffMember | None, dry_run: bool = False, today: date | None = None
) -> PurgeReport:
    """Remove the personal data of the cases due (see the module's text); returns how many.
    An administrator purges (`by`); anyone may count with `dry_run`."""
    if not dry_run:
        if by is None:
            raise NotAllowed("name the administrator who purges, or only count with a dry run", "role.admin")
        require_role(by, Role.ADMIN)
    return _purge(desk, dry_run=dry_run, staff_id=by.id if by else None, today=today)


def purge_at_start(desk: Desk) -> PurgeReport:
    """The purge the policy orders at every start, by the program itself (audited without a
    staff member; keep_closed_cases_years is the administrator's decision)."""
    return _purge(desk, dry_run=False, staff_id=None)


def _purge(desk: Desk, *, dry_run: bool, staff_id: int | None, today: date | None = None) -> PurgeReport:
    today = today or local_date(utcnow())
    cutoff = cutoff_date(today, desk.policy.keep_closed_cases_years)
    with desk.register.sessions() as session:
        due = list(session.execute(_due(cutoff)).scalars())
    if dry_run or not due:
        return PurgeReport(cutoff, len(due), dry_run)
    for start in range(0, len(due), BATCH):
        batch = due[start : start + BATCH]
        with desk.register.sessions.begin() as session:
            cases = list(session.execute(select(Case).where(Case.id.in_(batch))).scalars())
            for case in cases:
                _strip(session, case)
            audit.append(
                session,
                "register.purged",
                staff_id=staff_id,
                details={"cases": len(cases), "cutoff": cutoff.isoformat()},
                rows=cases,
            )
    desk.register.compact()
    return PurgeReport(cutoff, len(due), False)


def _strip(session: Session, case: Case) -> None:
    case.subject_name = ""
    case.subject_name_folded = None
    case.subject_personnummer = ""
    case.extension_reason = None
    case.rejection_reason = None
    case.closing_note = None
    case.postal_address = None
    case.digest_salt = None
    case.purged_at = utcnow()
    for request in case.requests:
        request.details = None
    for outcome in case.manual_outcomes:
        outcome.note = None
    for deed in case.deeds:
        deed.how = None  # staff's words about how a recipient was told may name a person
    case.representatives.clear()
    case.identifiers.clear()
    case.review_decisions.clear()
    session.flush()  # the representatives go before the identity checks they point at
    case.verifications.clear()
    session.flush()
