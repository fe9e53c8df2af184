"""From gathered data to the visitor's hands: the extract, the receipt, the delivery record.

The extract is composed from the configuration's Art. 15 information, the case, what staff
recorded for manual sources, and the reviewed records: excluded and unconfirmed records are left
out, redacted fields masked. The register keeps only the delivery's facts (when, how, by whom,
pages, size, SHA-256), never the PDF or the data.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.config import Art15Info, Config, ManualSource
from desktop.config import Transfer as ConfigTransfer
from desktop.core.clock import LOCAL_ZONE
from desktop.core.extract import (
    Art15,
    CategorySection,
    Conversation,
    ExtractDocument,
    GatherResult,
    Organisation,
    RequestNote,
    SourceSection,
    SourceStatus,
    Transfer,
)
from desktop.core.requests import CaseStatus, RequestType
from desktop.core.staff import Role
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import Case, Delivery, Staff, utcnow
from desktop.register.repository import change_status
from desktop.report.receipt_pdf import ReceiptDocument, build_receipt
from desktop.services.desk import Desk
from desktop.services.gathering import load_case


def organisation_of(config: Config) -> Organisation:
    o = config.organisation
    return Organisation(o.name, o.org_number, o.visiting_address, o.privacy_contact, o.dpo)


def _art15(info: Art15Info) -> Art15:
    def transfer(t: ConfigTransfer) -> Transfer:
        return Transfer(t.country, t.recipient, t.safeguard)

    return Art15(
        purpose=info.purpose,
        legal_basis=info.legal_basis,
        categories=tuple(info.categories),
        recipients=tuple(info.recipients),
        retention=info.retention,
        origin=info.origin,
        transfers=tuple(transfer(t) for t in info.transfers),
        automated_decisions=info.automated_decisions,
    )


def _query_parts(config: Config, source_id: str) -> tuple[Any, ...]:
    """A source's queries or endpoints: the parts that carry their own category settings."""
    source = config.source(source_id)
    return tuple(getattr(source, "queries", None) or getattr(source, "endpoints", None) or ())


def _category_info(config: Config, source_id: str) -> dict[str, Art15]:
    return {part.title: _art15(part) for part in _query_parts(config, source_id)}


def _conversations(config: Config, source_id: str) -> dict[str, Conversation]:
    """Categories configured to read as conversations, by title."""
    parts = _query_parts(config, source_id) or (config.source(source_id),)  # a file source is one category
    return {
        part.title: Conversation(tuple(part.conversation.when), part.conversation.speaker, part.conversation.text)
        for part in parts
        if getattr(part, "conversation", None) is not None
    }


def compose_extract(
    config: Config,
    case: Case,
    result: GatherResult,
    *,
    language: str,
    produced_on: date | None = None,
) -> ExtractDocument:
    """The extract as the visitor will read it: what review included, masked where decided."""
    manual = {m.source_id: m for m in case.manual_outcomes}
    sections = []
    for source in config.sources:
        gathered = result.sources.get(source.id)
        status = gathered.status if gathered else SourceStatus.NOTHING
        per_category = _category_info(config, source.id)
        conversations = _conversations(config, source.id)
        categories = []
        if gathered is not None:
            for title, records in gathered.categories().items():
                rows = [r.visible_fields() for r in records if r.included]
                categories.append(
                    CategorySection(title, per_category.get(title, Art15()), rows, conversations.get(title))
                )
        section = SourceSection(
            source_id=source.id,
            name=source.name,
            status=status,
            art15=_art15(source),
            categories=categories,
            message=gathered.message if gathered else "",
        )
        if isinstance(source, ManualSource):
            section.status = SourceStatus.MANUAL
            outcome = manual.get(source.id)
            if outcome is not None:
                section.manual_found = outcome.found
                section.manual_note = outcome.note or ""
        sections.append(section)
    return ExtractDocument(
        organisation=organisation_of(config),
        case_number=case.number,
        subject_name=case.subject_name,
        subject_personnummer=case.subject_personnummer,
        received_on=case.received_on,
        produced_on=produced_on or utcnow().astimezone(LOCAL_ZONE).date(),
        deadline=case.deadline,
        extended_deadline=case.extended_deadline,
        extension_reason=case.extension_reason,
        requests=tuple(r.type for r in case.requests),
        sources=sections,
        language=language,
        other_requests=tuple(
            RequestNote(r.type, r.details, r.outcome) for r in case.requests if r.type != RequestType.ACCESS
        ),
    )


@dataclass(frozen=True)
class RenderedExtract:
    pdf: bytes
    pages: int
    package: bytes | None

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
    with desk.register.sessions() as session:
        case = load_case(session, case_number)
        document = compose_extract(desk.config, case, result, language=language)
    document.draft = draft
    pdf, pages, package = desk.renderer.render(document, with_package)
    return RenderedExtract(pdf, pages, package)


def render_receipt(desk: Desk, case_number: str, *, language: str = "sv") -> tuple[bytes, int]:
    with desk.register.sessions() as session:
        case = load_case(session, case_number)
        verification = case.verifications[0]
        staff = session.get(Staff, verification.checked_by_id)
        receipt = ReceiptDocument(
            organisation=organisation_of(desk.config),
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
            raise UserError(f"case {case_number} is {status.value}: only an approved extract can be delivered")
        if desk.policy.approval_required:
            approver = session.get(Staff, approved_by_id) if approved_by_id is not None else None
            if approver is None:
                raise UserError("this organisation requires a second person to approve every extract")
            if not approver.member().has(Role.APPROVER) or approver.id == staff_id:
                raise UserError("the approver must be another person, with the approver role")
        delivery = Delivery(
            delivered_at=utcnow(),
            staff_id=staff_id,
            method=method,
            language=language,
            sha256=rendered.sha256,
            page_count=rendered.pages,
            byte_size=len(rendered.pdf),
            approved_by_id=approved_by_id,
        )
        case.deliveries.append(delivery)
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
            },
            rows=(delivery,),
        )
        if status is not CaseStatus.DELIVERED:  # a further copy (the ZIP after the print) is logged too
            change_status(session, case, CaseStatus.DELIVERED, staff=session.get(Staff, staff_id))
