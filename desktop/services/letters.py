"""Letters to the visitor: a refusal (Art. 12.4), an extension (Art. 12.3), the outcome of the
requests besides access. Composed from the case; each one given or sent is recorded like a
delivery (time, staff, method, language, pages, SHA-256; never the text) and audited, so it shows
on the case's timeline.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.core.clock import local_date
from desktop.core.requests import CaseStatus, RequestType
from desktop.errors import Refused
from desktop.register import audit
from desktop.register.models import AuditEvent, Case, Letter, Staff, utcnow
from desktop.report.letter_pdf import KINDS, LetterDocument, build_letter
from desktop.services.compose import addressee_of, organisation_of, representation_of, request_notes
from desktop.services.desk import Desk
from desktop.services.gathering import load_case

LETTER_KINDS: tuple[str, ...] = KINDS
METHODS = ("handed", "posted", "emailed")  # how the visitor was told: at the desk, by post, by e-mail


# The audit event of the decision each letter tells of: its action and, for a status change, the status.
_DECISIONS: dict[str, tuple[str, str | None]] = {
    "refusal": ("case.status", CaseStatus.REJECTED.value),
    "extension": ("case.extended", None),
    "outcome": ("request.outcome", None),
}


class LetterRefused(Refused):
    """`code` names why, for the window's Swedish text: letter.kind, letter.not_rejected,
    letter.not_extended, letter.no_requests, letter.method, letter.purged."""


@dataclass(frozen=True)
class RenderedLetter:
    kind: str
    language: str
    pdf: bytes
    pages: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def _decided_by(session, case: Case, action: str, to: str | None, fallback: int) -> str:  # type: ignore[no-untyped-def]
    """The display name of whoever took the decision the letter tells of (from the audit chain)."""
    events = session.execute(
        select(AuditEvent).where(AuditEvent.case_number == case.number, AuditEvent.action == action)
        .order_by(AuditEvent.seq.desc())
    ).scalars()  # fmt: skip
    staff_id = fallback
    for event in events:
        if to is None or json.loads(event.details).get("to") == to:
            staff_id = event.staff_id or fallback
            break
    staff = session.get(Staff, staff_id)
    return staff.display_name if staff else ""


def letter_refused(
    kind: str, number: str, *, status: str, extended: bool, requests: Iterable[str], purged: bool = False
) -> LetterRefused | None:
    """Why case `number` cannot have a letter of `kind`, or None: the one rule both the letter
    itself and the Visit's `letters()` (what the window offers) follow."""
    if kind not in KINDS:
        return LetterRefused("letter.kind", f"no letter of kind '{kind}' (refusal, extension, outcome)")
    if purged:
        return LetterRefused("letter.purged", f"case {number} no longer holds the visitor's data (purged)")
    if kind == "refusal" and status != CaseStatus.REJECTED.value:
        return LetterRefused("letter.not_rejected", f"case {number} was not refused: there is no decision to tell")
    if kind == "extension" and not extended:
        return LetterRefused("letter.not_extended", f"case {number} has not been extended")
    if kind == "outcome" and all(r == RequestType.ACCESS for r in requests):
        return LetterRefused("letter.no_requests", f"case {number} has no request besides access")
    return None


@dataclass(frozen=True)
class Draft:
    """A decision not taken yet, for the letter's preview: its reason, the new deadline of an
    extension, and who decides ("" where an approver will sign)."""

    reason: str
    deadline: date | None
    decided_by: str


def compose_letter(
    desk: Desk, case_number: str, kind: str, *, language: str, staff_id: int, draft: Draft | None = None
) -> LetterDocument:
    with desk.register.sessions() as session:
        case = load_case(session, case_number)
        refused = letter_refused(
            kind,
            case_number,
            status=CaseStatus.REJECTED.value if draft and kind == "refusal" else case.status,
            requests=[r.type for r in case.requests],
            extended=case.extended_deadline is not None or (draft is not None and kind == "extension"),
            purged=case.purged_at is not None,
        )
        if refused is not None:
            raise refused
        if draft is None:
            action, to = _DECISIONS[kind]
            decided_by = _decided_by(session, case, action, to, staff_id)
            reason = {"refusal": case.rejection_reason, "extension": case.extension_reason}.get(kind) or ""
        else:
            decided_by, reason = draft.decided_by, draft.reason
        return LetterDocument(
            kind=kind,
            organisation=organisation_of(desk.config, language),
            case_number=case.number,
            subject_name=case.subject_name,
            received_on=case.received_on,
            written_on=local_date(),
            decided_by=decided_by,
            requests=tuple(r.type for r in case.requests),
            language=language,
            reason=reason,
            deadline=(draft.deadline if draft else None) or case.extended_deadline or case.deadline,
            notes=request_notes(desk.config, case, language),
            addressee=addressee_of(case),
            representation=representation_of(case),
        )


def preview_letter(
    desk: Desk, case_number: str, kind: str, *, language: str, reason: str, deadline: date | None, decided_by: str
) -> bytes:
    """The letter of a decision about to be taken, as it will read (no record is made)."""
    document = compose_letter(desk, case_number, kind, language=language, staff_id=0,
                              draft=Draft(reason.strip(), deadline, decided_by))  # fmt: skip
    pdf, _pages = build_letter(document)
    return pdf


def render_letter(desk: Desk, case_number: str, kind: str, *, language: str, staff_id: int) -> RenderedLetter:
    document = compose_letter(desk, case_number, kind, language=language, staff_id=staff_id)
    pdf, pages = build_letter(document)
    return RenderedLetter(kind, language, pdf, pages)


def check_method(method: str) -> None:
    if method not in METHODS:
        raise LetterRefused("letter.method", f"say how the visitor was told: {', '.join(METHODS)}")


def record_letter(desk: Desk, case_number: str, rendered: RenderedLetter, *, method: str, staff_id: int) -> None:
    """Log a letter given or sent. For an extension, whether the visitor was told within the
    first month (Art. 12.3 asks that they are) goes with it."""
    check_method(method)
    with desk.register.sessions.begin() as session:
        case = load_case(session, case_number)
        now = utcnow()
        letter = Letter(
            kind=rendered.kind,
            produced_at=now,
            staff_id=staff_id,
            method=method,
            language=rendered.language,
            sha256=rendered.sha256,
            page_count=rendered.pages,
            byte_size=len(rendered.pdf),
        )
        case.letters.append(letter)
        session.flush()
        details: dict[str, object] = {
            "kind": rendered.kind,
            "method": method,
            "language": rendered.language,
            "pages": rendered.pages,
            "sha256": rendered.sha256,
        }
        if rendered.kind == "extension":
            details["within_first_month"] = local_date(now) <= case.deadline
        audit.append(session, "letter.produced", staff_id=staff_id, case_number=case_number, details=details,
                     rows=(letter,))  # fmt: skip
