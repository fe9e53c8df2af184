"""From gathered data to the visitor's hands: the extract, the receipt, the delivery record.

The extract is composed from the configuration's Art. 15 information, the case, what staff
recorded for manual sources, and the reviewed records: excluded and unconfirmed records are left
out, redacted fields masked. The register keeps only the delivery's facts (when, how, by whom,
pages, size, SHA-256), never the PDF or the data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from desktop.core.clock import local_date
from desktop.core.extract import GatherResult, SourceStatus
from desktop.core.requests import CaseStatus
from desktop.core.staff import Role
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import Case, Delivery, Staff, utcnow
from desktop.register.repository import change_status
from desktop.report.receipt_pdf import ReceiptDocument, build_receipt
from desktop.services.compose import compose_extract, organisation_of, representation_of
from desktop.services.desk import Desk
from desktop.services.gathering import load_case


@dataclass(frozen=True)
class RenderedExtract:
    pdf: bytes
    pages: int
    package: bytes | None
    outstanding: tuple[str, ...] = ()  # the sources this extract says will follow
    supplement_of: date | None = None  # the first extract's delivery, where this completes it

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def render_extract(
    desk: Desk,
    case_number: str,
    result: GatherResult,
    *,
    language: str = "sv",
    with_package: bool = False,
    draft: bool = False,
) -> RenderedExtract:
    """The extract of `result`; once a first extract was delivered, a supplementary extract of
    the sources in `result` (those that were outstanding), naming the first."""
    with desk.register.sessions() as session:
        case = load_case(session, case_number)
        supplement_of = first_delivered_on(case)
        document = compose_extract(desk.config, case, result, language=language, supplement_of=supplement_of)
        answered = {m.source_id for m in case.manual_outcomes}
    document.draft = draft
    pdf, pages, package = desk.renderer.render(document, with_package)
    return RenderedExtract(pdf, pages, package, outstanding_of(result, answered), supplement_of)


def first_delivered_on(case: Case) -> date | None:
    """The day the case's first extract was handed over (None: not yet)."""
    if not case.deliveries:
        return None
    first = min(case.deliveries, key=lambda d: d.id)
    return local_date(first.delivered_at)


def outstanding_of(result: GatherResult, manual_answered: set[str]) -> tuple[str, ...]:
    """The sources an extract of `result` promises to answer later: those that could not be
    searched (failed, timed out, cancelled) and manual checks without an answer."""
    return tuple(
        s.source_id
        for s in result.sources.values()
        if s.status in (SourceStatus.FAILED, SourceStatus.TIMED_OUT, SourceStatus.CANCELLED)
        or (s.status is SourceStatus.MANUAL and s.source_id not in manual_answered)
    )


def render_receipt(desk: Desk, case_number: str, *, language: str = "sv") -> tuple[bytes, int]:
    with desk.register.sessions() as session:
        case = load_case(session, case_number)
        if case.purged_at is not None or not case.verifications:
            raise UserError(f"case {case_number} no longer holds the visitor's data (purged): no receipt can be made",
                            "receipt.purged")  # fmt: skip
        # The document checked: the representative's where one came, else the visitor's own.
        roles = {v.role: v for v in case.verifications}
        verification = roles.get("representative") or case.verifications[0]
        staff = session.get(Staff, verification.checked_by_id)
        receipt = ReceiptDocument(
            organisation=organisation_of(desk.config, language),
            representation=representation_of(case),
            effective=tuple((r.type, r.effective_on) for r in case.requests if r.effective_on),
            case_number=case.number,
            subject_name=case.subject_name,
            received_at=case.received_at,
            deadline=case.deadline,
            requests=tuple(r.type for r in case.requests),
            document_type=verification.document_type,
            checked_by=staff.display_name if staff else "",
            extended_deadline=case.extended_deadline,
            extension_reason=case.extension_reason,
            language=language,
            details=tuple((r.type, r.details) for r in case.requests if r.details),
        )
    return build_receipt(receipt)


def record_delivery(
    desk: Desk,
    case_number: str,
    rendered: RenderedExtract,
    *,
    method: str,
    language: str,
    staff_id: int,
    approved_by_id: int | None,
) -> None:
    """Log a delivery that has happened (the file exists, the print job was sent) and move the
    case to delivered. The case must have been released (ready); where the policy requires it,
    by an approver who is another person than the one delivering."""
    with desk.register.sessions.begin() as session:
        case = load_case(session, case_number)
        status = CaseStatus(case.status)
        if status not in (CaseStatus.READY, CaseStatus.DELIVERED):
            raise UserError(f"case {case_number} is {status.value}: only an approved extract can be delivered",
                            "deliver.not_approved")  # fmt: skip
        if desk.policy.approval_required:
            approver = session.get(Staff, approved_by_id) if approved_by_id is not None else None
            if approver is None:
                raise UserError("this organisation requires a second person to approve every extract",
                                "approval.needed")  # fmt: skip
            if not approver.member().has(Role.APPROVER) or approver.id == staff_id:
                raise UserError("the approver must be another person, with the approver role", "approval.same_person")
        delivery = Delivery(
            delivered_at=utcnow(),
            staff_id=staff_id,
            method=method,
            language=language,
            sha256=rendered.sha256,
            page_count=rendered.pages,
            byte_size=len(rendered.pdf),
            approved_by_id=approved_by_id,
            outstanding=json.dumps(list(rendered.outstanding)) if rendered.outstanding else None,
            supplement=rendered.supplement_of is not None,
        )
        case.deliveries.append(delivery)
        # What the visitor is owed now is what this extract said would follow.
        case.outstanding = delivery.outstanding
        session.flush()
        audit.append(
            session,
            "extract.delivered",
            staff_id=staff_id,
            case_number=case_number,
            details={
                "method": method,
                "language": language,
                "pages": rendered.pages,
                "sha256": rendered.sha256,
                "machine_readable": rendered.package is not None and method != "printed",
                "supplement": rendered.supplement_of is not None,
                "outstanding": list(rendered.outstanding),
            },
            rows=(delivery, case),
        )
        if status is not CaseStatus.DELIVERED:  # a further copy (the ZIP after the print) is logged too
            change_status(session, case, CaseStatus.DELIVERED, staff=session.get(Staff, staff_id))
