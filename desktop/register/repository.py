"""Reading and writing the register: staff, case numbers, cases and their state changes.

Every function works inside the caller's session and transaction and writes its audit event in
the same transaction, so a change and its record land together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.clock import local_date
from desktop.core.deadlines import extended_deadline, response_deadline
from desktop.core.requests import CaseStatus, RequestType, check_transition
from desktop.core.staff import Role
from desktop.core.text import fold
from desktop.core.verification import Mandate, PersonCheck
from desktop.register import audit
from desktop.register.digests import new_salt
from desktop.register.models import (
    Case,
    CaseCounter,
    CaseIdentifier,
    GatherRun,
    IdentityVerification,
    Representative,
    RequestItem,
    Staff,
    utcnow,
)

ROLES = tuple(r.value for r in Role)


class NotFound(LookupError):
    pass


def add_staff(
    session: Session,
    username: str,
    display_name: str,
    roles: Iterable[str],
    *,
    password_hash: str | None = None,
    by_staff_id: int | None = None,
) -> Staff:
    role_list = sorted(set(roles))
    unknown = set(role_list) - set(ROLES)
    if unknown or not role_list:
        raise ValueError(f"roles must be among {', '.join(ROLES)}")
    staff = Staff(
        username=username.strip(),
        display_name=display_name.strip(),
        roles=",".join(role_list),
        password_hash=password_hash,
        active=True,
    )
    session.add(staff)
    session.flush()
    audit.append(
        session,
        "staff.created",
        staff_id=by_staff_id,
        details={"staff": staff.id, "roles": role_list},
        rows=(staff,),
    )
    return staff


def staff_by_username(session: Session, username: str) -> Staff:
    staff = session.execute(select(Staff).where(Staff.username == username)).scalar_one_or_none()
    if staff is None or not staff.active:
        raise NotFound("no active staff member with that user name")
    return staff


def lock_case_numbers(session: Session, year: int) -> int:
    """Lock `year`'s case counter for the rest of the transaction (creating it if need be) and
    return the last number given. Desks opening cases take turns from here to their commit."""
    locked = select(CaseCounter.last_seq).where(CaseCounter.year == year).with_for_update()
    last = session.execute(locked).scalar_one_or_none()
    if last is not None:
        return last
    try:  # the year's first case (an insert tried every time would wait on the desk holding the row)
        with session.begin_nested():
            session.execute(insert(CaseCounter).values(year=year, last_seq=0))
    except IntegrityError:
        pass  # another desk created this year's counter first
    return session.execute(locked).scalar_one()


def next_case_number(session: Session, year: int) -> tuple[str, int]:
    """Take the next number of `year` (YYYY-NNNNN), holding the counter's row lock."""
    seq = lock_case_numbers(session, year) + 1
    session.execute(update(CaseCounter).where(CaseCounter.year == year).values(last_seq=seq))
    return f"{year}-{seq:05d}", seq


def counter_row(session: Session, year: int) -> CaseCounter:
    """The counter as the database holds it now (it is updated by statement, not by the ORM)."""
    found = select(CaseCounter).where(CaseCounter.year == year).execution_options(populate_existing=True)
    return session.execute(found).scalar_one()


def _verification_row(check: PersonCheck, role: str, checked_by_id: int) -> IdentityVerification:
    return IdentityVerification(
        role=role,
        document_type=str(check.document.type),
        document_country=check.document.issuing_country,
        document_expiry=check.document.expiry,
        document_last4=check.document.number_last4,
        document_description=check.document.description or None,
        mrz_checked=check.mrz_checked,
        checked_by_id=checked_by_id,
        checked_at=check.checked_at,
    )


def create_case(
    session: Session,
    *,
    subject: PersonCheck,
    requests: Iterable[tuple[RequestType, str | None]],
    staff: Staff,
    received_at: datetime | None = None,
    representative: tuple[PersonCheck, Mandate] | None = None,
    language: str = "sv",
    eves_as_holidays: bool = False,
    identifiers: Iterable[tuple[str, str]] = (),
    postal_address: str | None = None,
) -> Case:
    """Register a verified visitor's request; the case starts as identity verified."""
    request_list = list(requests)
    if not request_list:
        raise ValueError("a case needs at least one request")
    received_at = received_at or utcnow()
    received_on: date = local_date(received_at)
    number, seq = next_case_number(session, received_on.year)
    case = Case(
        number=number,
        year=received_on.year,
        seq=seq,
        status=CaseStatus.IDENTITY_VERIFIED.value,
        received_at=received_at,
        received_on=received_on,
        deadline=response_deadline(received_on, eves_as_holidays=eves_as_holidays),
        subject_name=subject.name,
        subject_name_folded=fold(subject.name),
        subject_personnummer=subject.personnummer.canonical,
        language=language,
        created_by_id=staff.id,
        digest_salt=new_salt(),
        postal_address=postal_address,
    )
    # A withdrawn consent and a marketing stop are in force from the day received (Art. 7.3, 21.3).
    case.requests = [
        RequestItem(type=str(t), details=d, effective_on=received_on if RequestType(t).takes_effect_at_once else None)
        for t, d in request_list
    ]
    case.identifiers = [CaseIdentifier(kind=kind, value=value) for kind, value in identifiers]
    subject_row = _verification_row(subject, "subject", staff.id)
    case.verifications.append(subject_row)
    if representative is not None:
        check, mandate = representative
        rep_row = _verification_row(check, "representative", staff.id)
        case.verifications.append(rep_row)
        case.representatives.append(
            Representative(
                name=check.name,
                personnummer=check.personnummer.canonical,
                mandate_type=str(mandate.type),
                mandate_dated=mandate.dated,
                mandate_signed_by=mandate.signed_by,
                mandate_scope=mandate.scope.strip() or None,
                verification=rep_row,
            )
        )
    session.add(case)
    session.flush()
    audit.append(
        session,
        "case.opened",
        staff_id=staff.id,
        case_number=number,
        details={
            "requests": [str(t) for t, _ in request_list],
            "deadline": case.deadline.isoformat(),
            "representative": representative is not None,
            "identifiers_given": len(case.identifiers),  # how many, never which
            **({"postal_address": "typed"} if postal_address else {}),  # that it was given, never what
        },
        rows=(case, counter_row(session, received_on.year)),
    )
    audit.append(
        session,
        "identity.verified",
        staff_id=staff.id,
        case_number=number,
        details={
            "document_type": str(subject.document.type),
            "country": subject.document.issuing_country,
            "mrz_checked": subject.mrz_checked,
            "representative": representative is not None,
        },
    )
    return case


def case_by_number(session: Session, number: str) -> Case:
    case = session.execute(select(Case).where(Case.number == number)).scalar_one_or_none()
    if case is None:
        raise NotFound(f"no case {number}")
    return case


def change_status(
    session: Session,
    case: Case,
    target: CaseStatus,
    *,
    staff: Staff | None,
    reason: str = "",
    reason_code: str | None = None,
) -> None:
    """Move the case on; `staff` is None for an unattended command-line run. `reason_code` is a
    fixed code (never free text) recorded in the audit log, e.g. why a case was withdrawn."""
    current = CaseStatus(case.status)
    check_transition(current, target, reason=reason)
    case.status = target.value
    if target is CaseStatus.REJECTED:
        case.rejection_reason = reason.strip()
    if target in (CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN):
        case.closed_at = utcnow()  # when it ended: the register's retention counts from here
    session.flush()
    audit.append(
        session,
        "case.status",
        staff_id=staff.id if staff else None,
        case_number=case.number,
        details={"from": current.value, "to": target.value, **({"reason": reason_code} if reason_code else {})},
        rows=(case,),
    )


def extend_deadline(
    session: Session,
    case: Case,
    *,
    reason: str,
    staff: Staff,
    today: date | None = None,
    eves_as_holidays: bool = False,
) -> date:
    """Art. 12.3: two further months; the person must be told why within the first month."""
    today = today or local_date()
    if not reason.strip():
        raise ValueError("an extension needs a reason (Art. 12.3)")
    if not CaseStatus(case.status).is_open:
        raise ValueError("a finished case cannot be extended")
    if case.extended_deadline is not None:
        raise ValueError("the deadline has already been extended")
    if today > case.deadline:
        raise ValueError("the first month has passed: an extension can no longer be given")
    case.extended_deadline = extended_deadline(case.received_on, eves_as_holidays=eves_as_holidays)
    case.extension_reason = reason.strip()
    session.flush()
    audit.append(
        session,
        "case.extended",
        staff_id=staff.id,
        case_number=case.number,
        details={"deadline": case.extended_deadline.isoformat()},
        rows=(case,),
    )
    return case.extended_deadline


INTERRUPTED_AFTER = timedelta(hours=1)  # far longer than any gather's source timeouts


def mark_interrupted_gathers(session: Session, *, now: datetime | None = None) -> int:
    """Gather runs still 'running' long after they began were cut off (the register or the
    desk was lost mid-run): they are marked interrupted, so no case looks busy forever."""
    cutoff = (now or utcnow()) - INTERRUPTED_AFTER
    result = session.execute(
        update(GatherRun)
        .where(GatherRun.status == "running", GatherRun.started_at < cutoff)
        .values(status="interrupted")
    )
    return int(getattr(result, "rowcount", 0) or 0)
