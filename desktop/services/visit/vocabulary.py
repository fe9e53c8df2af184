"""The words the Visit and its front ends share: actions, outputs, signers, decisions, steps and
what is owed, each an enum or a frozen record."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from desktop.core.extract import SourceStatus
from desktop.core.staff import StaffMember
from desktop.errors import Refused
from desktop.services import actions
from desktop.services.cases import checked_text

RETRYABLE = (SourceStatus.FAILED, SourceStatus.TIMED_OUT, SourceStatus.CANCELLED)


class Action(enum.StrEnum):
    GATHER = "gather"  # ask every source (again)
    RETRY = "retry"  # ask again only the sources that failed, timed out or were cancelled
    RECORD_MANUAL = "record_manual"  # a person's answer for a manual source
    REVIEW = "review"  # confirm, exclude, mask
    APPROVE = "approve"  # release the reviewed extract (a second person, where the policy says so)
    PREVIEW = "preview"  # render the extract to look at it
    DELIVER = "deliver"  # print, save, package: only what was released
    RECEIPT = "receipt"
    EXTEND = "extend"
    RECORD_OUTCOME = "record_outcome"
    ADD_REQUEST = "add_request"  # the same visitor asks for more while the case is open
    REJECT = "reject"
    WITHDRAW = "withdraw"
    CLOSE = "close"


class Output(enum.StrEnum):
    """How the released extract may leave the desk (Visit.outputs())."""

    PRINT = "print"
    PDF = "pdf"
    ZIP = "zip"  # the machine-readable copy (Art. 20): never for an answer that goes by post


class ActionRefused(Refused):
    """What the rules do not allow now; `code` lets the window say it in Swedish."""


class Signer(enum.StrEnum):
    """What an approver (a second person, with their own password) may have to sign."""

    EXTRACT = "extract"  # the release of an extract (policy approval_required)
    ACTIONS = "actions"  # the preview of an erasure, restriction or rectification (actions_approval_required)
    REFUSAL = "refusal"  # a refusal, where refusal_by_approver and the desk's person is no approver


# The refusal when a signature is needed and no approver is named (code, text).
SIGNER_MISSING = {
    Signer.EXTRACT: ("approval.needed", "this organisation requires a second person to approve the extract"),
    Signer.ACTIONS: ("act.approval_needed", "a second person must approve the preview first"),
    Signer.REFUSAL: ("reject.approver", "this organisation's refusals are decided by someone with the approver role"),
}


class DecisionKind(enum.StrEnum):
    """The decisions that end or extend a case (Visit.decide)."""

    REFUSAL = "refusal"
    EXTENSION = "extension"
    WITHDRAWAL = "withdrawal"
    CLOSING = "closing"

    @property
    def letter(self) -> str | None:
        """The letter that tells the visitor of this decision (None: the decision has none)."""
        return self.value if self in (DecisionKind.REFUSAL, DecisionKind.EXTENSION) else None

    @property
    def ends(self) -> bool:
        """Whether the case ends with it (its gathered data is let go)."""
        return self is not DecisionKind.EXTENSION


@dataclass(frozen=True)
class Approval:
    approver: StaffMember  # the signed-in person themselves where no second person is required
    at: datetime
    counts: dict[str, int]


class StepCode(enum.StrEnum):
    """What the desk should do next (the banner's vocabulary)."""

    ACT = "act"
    APPROVE_ACTIONS = "approve_actions"
    DO_MANUAL_ACTION = "do_manual_action"
    INFORM = "inform"
    FINISH_ERASURE = "finish_erasure"
    GATHER = "gather"
    GATHERING = "gathering"
    GATHER_AGAIN = "gather_again"
    ANSWER_MANUAL = "answer_manual"
    RETRY = "retry"
    DECIDE_WEAK = "decide_weak"
    ADDRESS = "address"  # an answer by post: the population-register address to type or confirm
    APPROVE = "approve"
    DELIVER = "deliver"
    RECORD_OUTCOME = "record_outcome"
    SUPPLEMENT = "supplement"
    LETTER = "letter"  # a decision the visitor has not been given yet: subject "refusal" or "extension"
    CLOSE = "close"


class OwedCode(enum.StrEnum):
    """What the visitor is still owed (closing with any of it needs a reason)."""

    ACTION_OWED = "action_owed"  # a marketing stop or consent withdrawal not carried out
    RIGHTS_OWED = "rights_owed"  # an erasure, restriction or rectification not carried out
    MANUAL_ACTION_OWED = "manual_action_owed"  # a part done by a person, not confirmed
    RECIPIENT_OWED = "recipient_owed"  # a recipient not told (Art. 19)
    ERASURE_INCOMPLETE = "erasure_incomplete"  # records left after an erasure that no hold covers
    OUTCOME_MISSING = "outcome_missing"
    MANUAL_UNANSWERED = "manual_unanswered"
    NOT_DELIVERED = "not_delivered"
    SUPPLEMENT_OWED = "supplement_owed"
    SYSTEM_FAILED = "system_failed"
    LETTER_OWED = "letter_owed"  # a refusal or an extension the visitor has not been told of (Art. 12.3, 12.4)


@dataclass(frozen=True)
class Step:
    """What the desk should do next on this case, for the banner above it (in the order they
    come): `code` says what, `subject` what it is about (a source id, a request type, a count)."""

    code: StepCode
    subject: str = ""


@dataclass(frozen=True)
class AddressProposal:
    """An address a system holds for the visitor, offered for staff to confirm."""

    source_id: str
    source_name: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class ActionsApproval:
    """The preview of an erasure, restriction or rectification an approver approved."""

    approver: StaffMember
    plan: actions.Plan
    new_values: dict[str, str] | None = None  # a rectification's corrected values, by action key


@dataclass(frozen=True)
class Owed:
    """Something the visitor is still owed; closing with it needs a reason."""

    code: OwedCode
    subject: str  # the request type, the source id, or for recipient_owed "source id: recipient"


def checked_values(new_values: dict[str, str] | None) -> dict[str, str] | None:
    """A rectification's corrected values as staff typed them: trimmed, checked like any text
    kept with a case (no control characters, a sensible length); empty ones left out."""
    if not new_values:
        return None
    return {key: checked_text(value, "new_value").strip() for key, value in new_values.items() if value.strip()}


def need_reason(reason: str, code: str, message: str) -> None:
    """A decision that must be explained is refused, before anything is let go, without one."""
    if not (reason or "").strip():
        raise ActionRefused(code, message)
