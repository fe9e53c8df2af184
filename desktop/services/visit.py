"""One open case at the desk, and every rule about what may happen to it next.

A `Visit` holds the case's state (from the register), the gathered data while the case needs
it, the review's decisions and the approval. The window's pages and the command line each hold
one and ask it; neither decides anything itself. `allowed_actions()` is derived from the state
machine in core/requests.py and from what this visit holds; every method checks it again, so a
front end that forgets to grey out a button still cannot do what the rules forbid.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from desktop.config import SqlAction, address_columns
from desktop.core.address import AddressRefused, address_from_fields, check_address
from desktop.core.clock import local_date
from desktop.core.deadlines import extended_deadline
from desktop.core.documents import DocumentType
from desktop.core.extract import GatherResult, Record, SourceResult, SourceStatus, Strength
from desktop.core.requests import ALLOWED_TRANSITIONS, CaseStatus, RequestType
from desktop.core.staff import Role, StaffMember
from desktop.errors import Refused
from desktop.register import audit
from desktop.register.models import Staff, utcnow
from desktop.register.repository import change_status
from desktop.services import actions, casework
from desktop.services.actions import ActionStep, HoldStep, ManualStep, Plan
from desktop.services.cases import checked_text
from desktop.services.casework import CaseFile, RequestLine, TimelineEntry, case_file, timeline_since
from desktop.services.delivery import (
    RenderedExtract,
    outstanding_of,
    record_delivery,
    render_extract,
    render_receipt,
)
from desktop.services.desk import Desk
from desktop.services.files import check_targets, remove_quietly, write_private
from desktop.services.gathering import CaseGather, load_case, record_manual_outcome
from desktop.services.letters import (
    LETTER_KINDS,
    METHODS,
    RenderedLetter,
    check_method,
    letter_refused,
    preview_letter,
    record_letter,
    render_letter,
)
from desktop.services.review import (
    Decided,
    Decision,
    DecisionRequest,
    RecordState,
    Review,
    ReviewReason,
    Unmatched,
    shown_value,
)
from desktop.services.staff import require_role, sign_in
from desktop.sources.engine import ProgressCallback

# What the case views use of the services comes through this module (a contract in
# pyproject.toml forbids them the rest): the Visit is their one door.
__all__ = [
    "RETRYABLE",
    "Action",
    "ActionRefused",
    "ActionStep",
    "CaseFile",
    "CaseGather",
    "Decided",
    "Decision",
    "DecisionKind",
    "Desk",
    "HoldStep",
    "ManualStep",
    "Output",
    "Owed",
    "OwedCode",
    "Plan",
    "RecordState",
    "RenderedExtract",
    "RequestLine",
    "ReviewReason",
    "Signer",
    "Step",
    "StepCode",
    "TimelineEntry",
    "Visit",
    "shown_value",
]

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


def _checked_values(new_values: dict[str, str] | None) -> dict[str, str] | None:
    """A rectification's corrected values as staff typed them: trimmed, checked like any text
    kept with a case (no control characters, a sensible length); empty ones left out."""
    if not new_values:
        return None
    return {key: checked_text(value, "new_value").strip() for key, value in new_values.items() if value.strip()}


def _need_reason(reason: str, code: str, message: str) -> None:
    """A decision that must be explained is refused, before anything is let go, without one."""
    if not (reason or "").strip():
        raise ActionRefused(code, message)


class Visit:
    """The rules of one case for one signed-in staff member."""

    def __init__(self, desk: Desk, number: str, staff: StaffMember) -> None:
        self.desk = desk
        self.number = number
        self.staff = staff
        self.result: GatherResult | None = None
        self.review: Review | None = None
        self.approval: Approval | None = None
        self.rendered: RenderedExtract | None = None
        self._rendered_language = "sv"
        self._version = 0  # every change of the data or a decision; a rendering is of one version
        self._rendered_version = -1
        self.last_actions: list[actions.ActionStep] = []  # what the last act() did, system by system
        self.actions_approval: ActionsApproval | None = None  # the approved preview of the rights to carry out
        self.file: CaseFile = case_file(desk, number)
        self._timeline: list[TimelineEntry] = []
        self._timeline_seq = 0  # the last audit event read into the timeline
        self._staff_names: dict[int, str] = {}

    # State ---------------------------------------------------------------------------------

    def refresh(self) -> CaseFile:
        """Read the case again: after each change this Visit makes (once), and when the desk
        asks (another desk may have changed it)."""
        self.file = self.read_file()
        return self.file

    def read_file(self) -> CaseFile:
        """The case as the register holds it now, without taking it as this Visit's state (a
        worker reads it off the GUI thread and hands it to `gathered`)."""
        return case_file(self.desk, self.number)

    def timeline(self) -> tuple[TimelineEntry, ...]:
        """What happened to the case, oldest first: read whole once, then only what was added."""
        new, self._timeline_seq = timeline_since(self.desk, self.number, self._timeline_seq, self._staff_names)
        self._timeline += new
        return tuple(self._timeline)

    @property
    def status(self) -> CaseStatus:
        return CaseStatus(self.file.status)

    @property
    def approval_required(self) -> bool:
        return self.signer_needed(Signer.EXTRACT)

    def signer_needed(self, what: Signer) -> bool:
        """Whether an approver must sign `what` with their own password (the policy's rules)."""
        policy = self.desk.policy
        if what is Signer.EXTRACT:
            return policy.approval_required
        if what is Signer.ACTIONS:
            return policy.actions_approval_required
        return policy.refusal_by_approver and not self.staff.has(Role.APPROVER)

    def check_signer_named(self, what: Signer, username: str | None) -> bool:
        """Refuse at once (before passwords are asked or data gathered) when `what` needs an
        approver and none is named; True when their password is needed."""
        if not self.signer_needed(what):
            return False
        if not username:
            raise ActionRefused(*SIGNER_MISSING[what])
        return True

    def _today(self) -> date:
        return local_date()

    def allowed_actions(self) -> frozenset[Action]:
        if not self.staff.has(Role.RECEPTION):  # an administrator or an approver alone looks only
            return frozenset()
        status = self.status
        moves = ALLOWED_TRANSITIONS[status]
        allowed: set[Action] = set()
        if status.is_open:
            allowed |= {Action.RECEIPT, Action.RECORD_MANUAL, Action.ADD_REQUEST}
            if any(t != RequestType.ACCESS for t in self.file.requests):
                allowed.add(Action.RECORD_OUTCOME)
        if status is CaseStatus.DELIVERED:
            if self.file.outstanding:  # a supplement for what the extract said would follow
                allowed.add(Action.GATHER)
        elif CaseStatus.GATHERING in moves or status is CaseStatus.GATHERING:
            allowed.add(Action.GATHER)
            if self.result is not None and any(s.status in RETRYABLE for s in self.result.sources.values()):
                allowed.add(Action.RETRY)
        if self.result is not None and status in (CaseStatus.REVIEW, CaseStatus.READY):
            allowed |= {Action.REVIEW, Action.PREVIEW}
            if status is CaseStatus.REVIEW and not self.supplement_says_nothing_new:
                allowed.add(Action.APPROVE)
            if status is CaseStatus.READY and self.approval is not None:
                allowed.add(Action.DELIVER)
        if status is CaseStatus.DELIVERED and self.rendered is not None and self.approval is not None:
            allowed.add(Action.DELIVER)  # further copies of what was delivered (the ZIP after the print)
        if (
            status.is_open
            and status is not CaseStatus.DELIVERED
            and self.file.extended_deadline is None
            and self._today() <= self.file.deadline
        ):
            allowed.add(Action.EXTEND)
        if CaseStatus.REJECTED in moves:
            allowed.add(Action.REJECT)
        if CaseStatus.WITHDRAWN in moves:
            allowed.add(Action.WITHDRAW)
        if CaseStatus.CLOSED in moves and (
            status in (CaseStatus.DELIVERED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN)
            or not any(r.needs_extract for r in self.file.requests)  # a marketing stop, a rectification …
        ):
            allowed.add(Action.CLOSE)
        return frozenset(allowed)

    def require(self, action: Action) -> None:
        """Ask before starting: ActionRefused (or NotAllowed for the role) unless `action` may
        be taken now. Every action checks this itself again."""
        self._require(action)

    def _require(self, action: Action) -> None:
        require_role(self.staff, Role.RECEPTION)
        if action not in self.allowed_actions():
            raise ActionRefused(
                f"not_allowed.{action.value}",
                f"case {self.number} is {self.status.value}: {action.value} is not possible now",
            )

    # Gather --------------------------------------------------------------------------------

    def start_gather(
        self, *, only: Iterable[str] | None = None, progress: ProgressCallback | None = None
    ) -> CaseGather:
        """Prepare a gather (registers it); the caller runs it, on a worker if it likes, and hands
        the result to `gathered`. With `only`, the named sources are asked again and the rest of
        the earlier result is kept."""
        self._require(Action.RETRY if only is not None else Action.GATHER)
        previous = self.result if only is not None else None
        keep = self.gather_scope() if only is None else None
        if keep is not None and all(self.desk.config.source(s).kind == "manual" for s in keep):
            only = keep  # only manual checks remain: no system needs asking
        self.approval = None
        gather = CaseGather(self.desk, self.number, staff_username=self.staff.username, only=only, previous=previous,
                            progress=progress, keep=keep)  # fmt: skip
        self.refresh()  # the case is gathering now
        return gather

    def gather_scope(self) -> tuple[str, ...] | None:
        """The sources a gather brings into the review: every source (None) until a first extract
        is handed over; after that only those it left outstanding, for a supplementary extract
        (the other systems are still asked, for the identifiers they yield, and their records
        are let go at once)."""
        if self.file.first_delivered_on is None:
            return None
        return self.file.outstanding

    def source_names(self) -> dict[str, str]:
        """Each source's name as staff know it (the configuration's Swedish name), by id."""
        return {s.id: s.name for s in self.desk.config.sources}

    def sources_to_ask(self, only: Iterable[str] | None = None) -> list[SourceResult]:
        """The systems a gather (or a retry of `only`) will ask, each as it stands before it
        answers: waiting, or a manual check that staff answer by hand."""
        scope = set(only) if only is not None else self.gather_scope()
        return [
            SourceResult(s.id, s.name, s.kind, SourceStatus.MANUAL if s.kind == "manual" else SourceStatus.WAITING)
            for s in self.desk.config.sources
            if scope is None or s.id in scope
        ]

    def gathered(self, result: GatherResult, *, file: CaseFile | None = None) -> None:
        """The data gathered, as the review will see it; earlier decisions and approval go.
        `file` is the case file read after the gather was recorded, if the caller has it.
        A marketing stop or a withdrawn consent not yet carried out is carried out now."""
        self.result = result
        self.review = Review(self.desk, self.number, result, staff_id=self.staff.id)
        self.approval = None
        self.rendered = None
        self._version += 1
        if file is not None:
            self.file = file
        else:
            self.refresh()
        self.actions_approval = None  # a preview approved on other data is not this one's
        self.last_actions = []
        if self._immediate_owed():
            self.act()
        unchecked = [source_id for source_id, _left in self.erasure_incomplete()]
        if unchecked:  # searched again now: is what an erasure left there all under a hold?
            self._check_erasure(unchecked)

    def _search_again(self, sources: list[str]) -> None:
        """After an action changed these systems, they are asked again: the extract shows them as
        they are now (the newsletter "Avanmäld", the consent withdrawn today, the erased rows
        gone), not as they were a moment before."""
        again = CaseGather(self.desk, self.number, staff_username=self.staff.username, only=sources,
                           previous=self.result, keep=self.gather_scope())  # fmt: skip
        result = again.run()
        self.result = result
        self.review = Review(self.desk, self.number, result, staff_id=self.staff.id)
        self._version += 1
        self.refresh()

    # Rights carried out --------------------------------------------------------------------

    def erasure_incomplete(self) -> list[tuple[str, int | None]]:
        """(system, records left) where an erasure Insyn carried out left records of the
        visitor's that no hold covers, as found when the system was last searched again; None
        where it has not been searched since (it failed to answer). Owed until a search finds
        none: the rest erased by hand, or the configuration's action or holds put right."""
        erasure = RequestType.ERASURE.value
        erased = {d.source_id for d in self.file.deeds
                  if d.kind == "action" and d.request == erasure and d.operation != "manual"}  # fmt: skip
        if not erased:
            return []
        last = self._last_checks()
        return [(s, last.get(s)) for s in sorted(erased) if last.get(s) != 0]

    def _last_checks(self) -> dict[str, int | None]:
        """What the last search after an erasure found left under no hold, by system."""
        return {d.source_id: d.count for d in self.file.deeds if d.kind == "check"}

    def _check_erasure(self, sources: list[str]) -> None:
        """Each system an erasure was carried out in, as just searched: what is left must be under
        a hold that keeps something for the visitor. The finding is kept with the case when it
        is new (a system that could not be searched is left as it was)."""
        assert self.result is not None
        last = self._last_checks()
        new = []
        for source_id in sources:
            kept = {d.title for d in self.file.deeds
                    if d.kind == "hold" and d.source_id == source_id and d.request == "erasure"
                    and d.count}  # fmt: skip
            found = actions.remaining(self.desk, self.result, source_id, kept)
            if found is not None and last.get(source_id, -1) != found[0]:
                new.append((source_id, *found))
        if new:
            actions.record_checks(self.desk, self.number, new, staff_id=self.staff.id)
            self._changed()

    def _immediate_requests(self) -> list[str]:
        return [r.value for r in self.file.requests if r.value in actions.IMMEDIATE_REQUESTS]

    def _gated_requests(self) -> list[str]:
        """An erasure, a restriction, a rectification: carried out from an approved preview."""
        return [r.value for r in self.file.requests if r.value in actions.ART19_REQUESTS]

    def actions_done(self) -> set[tuple[str, str]]:
        """(system, statement digest) of every action carried out for this case."""
        return {(str(e.details.get("source")), str(e.details.get("statement")))
                for e in self.timeline() if e.action in ("action.executed", "action.not_applicable")}  # fmt: skip

    def _owed_for(self, requests: list[str]) -> list[tuple[str, str]]:
        """The configured actions not yet carried out. A rectification's field actions are
        offered, not owed: staff use the one for the field the visitor asks about, or say what
        was done in their own words (the outcome)."""
        planned = [(s, a) for s, a in actions.configured(self.desk, requests) if not getattr(a, "field", None)]
        if not planned:  # no such request, or nothing configured for it: nothing to read
            return []
        done = self.actions_done()
        return [(source.id, action.request) for source, action in planned
                if (source.id, actions.action_key(action)) not in done]  # fmt: skip

    def _immediate_owed(self) -> list[tuple[str, str]]:
        return self._owed_for(self._immediate_requests())

    def actions_owed(self) -> list[tuple[str, str]]:
        """(system, request) of the actions configured for this case's requests that have not
        been carried out: the marketing stops and consent withdrawals (at once, Art. 21.3, 7.3),
        the erasures, restrictions and rectifications (from an approved preview), and what a
        person must do where Insyn cannot change the system."""
        owed = self._owed_for(self._immediate_requests() + self._gated_requests())
        return owed + [(m.source_id, m.request) for m in self.manual_actions() if not m.done]

    def manual_actions(self) -> list[actions.ManualStep]:
        """What this case's requests need done by a person, system by system, and whether done."""
        requests = self._immediate_requests() + self._gated_requests()
        planned = actions.manual_configured(self.desk, requests)
        if not planned:
            return []
        done = {(d.source_id, d.digest) for d in self.file.deeds if d.kind == "action"}
        names = self.source_names()
        return [
            actions.ManualStep(source.id, names.get(source.id, source.id), action.request, action.title, action.manual,
                               actions.manual_key(action), (source.id, actions.manual_key(action)) in done)
            for source, action in planned
        ]  # fmt: skip

    def confirm_manual_action(self, source_id: str, key: str, note: str) -> None:
        """A person did what the action asks (HR removed the application, Imbox deleted the
        contact): `note` says how, in their words."""
        self._require(Action.RECORD_OUTCOME)
        _need_reason(note, "manual_action.note", "say what was done and by whom (e.g. 'HR raderade ansökan')")
        requests = self._immediate_requests() + self._gated_requests()
        found = [(s, a) for s, a in actions.manual_configured(self.desk, requests)
                 if s.id == source_id and actions.manual_key(a) == key]  # fmt: skip
        if not found or all(m.done for m in self.manual_actions() if m.source_id == source_id and m.key == key):
            raise ActionRefused("manual_action.not_owed", f"no such action is owed in {source_id}")
        checked_text(note, "note")
        actions.record_manual_deed(self.desk, self.number, source_id, found[0][1], note, staff_id=self.staff.id)
        self._changed()

    def rights_configured(self) -> bool:
        """Whether this case has an erasure, restriction or rectification that the configuration
        carries out in some system (the window shows its Åtgärder step then)."""
        by_hand = actions.manual_configured(self.desk, self._immediate_requests() + self._gated_requests())
        return bool(actions.configured(self.desk, self._gated_requests()) or by_hand)

    def _need_data(self) -> GatherResult:
        if self.result is None:
            raise ActionRefused("act.no_data", "gather first: the actions need the visitor's identifiers")
        return self.result

    def actions_preview(self, new_values: dict[str, str] | None = None) -> actions.Plan:
        """What each configured action for this case's requests would change now (rolled back),
        and what the holds keep and why. `new_values`: a rectification's corrected values, by
        the action's key (ActionStep.key); a field given none is not corrected."""
        self._require(Action.RECORD_OUTCOME)
        values = _checked_values(new_values)
        return actions.preview(self.desk, self._need_data(), [r.value for r in self.file.requests], values)

    def rectification_fields(self) -> list[actions.ActionStep]:
        """The fields this case's rectification may correct, system by system (no data needed)."""
        if RequestType.RECTIFICATION not in self.file.requests:
            return []
        return [
            actions.ActionStep(source.id, source.name, action.request, action.title, "update",
                               actions.action_key(action), field=action.field)
            for source, action in actions.configured(self.desk, [RequestType.RECTIFICATION.value])
            if isinstance(action, SqlAction) and action.field
        ]  # fmt: skip

    def approve_actions(
        self, username: str | None = None, password: str | None = None, new_values: dict[str, str] | None = None
    ) -> actions.Plan:
        """Approve the preview of the erasure, restriction or rectification: exactly these
        counts will run. Where the policy says so (by default), a second person with the approver
        role signs with their own password; the approval is audited with the counts."""
        self._require(Action.RECORD_OUTCOME)
        result = self._need_data()
        gated = self._gated_requests()
        if not actions.configured(self.desk, gated):
            raise ActionRefused("act.nothing", "no action is configured for this case's requests")
        approver = self.staff
        if self.signer_needed(Signer.ACTIONS):
            approver = self._second_person(username, password, SIGNER_MISSING[Signer.ACTIONS])
        values = _checked_values(new_values)
        plan = actions.preview(self.desk, result, gated, values)
        with self.desk.register.sessions.begin() as session:
            audit.append(session, "actions.approved", staff_id=approver.id, case_number=self.number,
                         details={"counts": plan.counts(),
                                  "kept": {f"{h.source_id}:{h.title}"[:120]: h.kept for h in plan.holds}})  # fmt: skip
        self.actions_approval = ActionsApproval(approver, plan, values)
        self._changed()
        return plan

    def act(self) -> list[actions.ActionStep]:
        """Carry out what is owed: the marketing stop and the consent withdrawal (no approval:
        Art. 21.3 and 7.3 are unconditional) and, once their preview is approved, the erasure,
        restriction and rectification, each exactly as approved (a system whose count changed is
        rolled back and stays owed). An approval is used once."""
        self._require(Action.RECORD_OUTCOME)
        result = self._need_data()
        steps: list[actions.ActionStep] = []
        if self._immediate_owed():
            steps += actions.run(self.desk, self.number, result, self._immediate_requests(), staff_id=self.staff.id)
        approval, self.actions_approval = self.actions_approval, None
        if approval is not None:
            done = {f"{source}:{key}" for source, key in self.actions_done()}
            steps += actions.run(self.desk, self.number, result, self._gated_requests(), staff_id=self.staff.id,
                                 approved=approval.plan.counts(), new_values=approval.new_values,
                                 skip=done)  # fmt: skip
        self.last_actions = steps
        changed = sorted({s.source_id for s in steps if s.done and s.rows})
        if changed:
            self._search_again(changed)  # reads the case again too
        else:
            self._changed()
        erased = sorted({s.source_id for s in steps if s.done and s.request == RequestType.ERASURE.value})
        if erased:
            self._check_erasure(erased)
        return steps

    def recipients_owed(self) -> list[tuple[str, str]]:
        """(system, recipient) still to be told of an erasure, restriction or rectification
        carried out in that system (Art. 19): its configured processors and recipients."""
        art19 = actions.ART19_REQUESTS
        deeds = self.file.deeds
        done = [d for d in deeds if d.kind == "action" and d.request in art19]
        changed = sorted({d.source_id for d in done if d.count is None or d.count > 0})  # a call or a person: done
        told = {(d.source_id, d.title) for d in self.file.deeds if d.kind == "recipient"}
        return [(s, r) for s in changed for r in actions.recipients_of(self.desk, s) if (s, r) not in told]

    def recipient_informed(self, source_id: str, recipient: str, how: str) -> None:
        """Staff told a recipient (Art. 19): when is now, `how` in their words (e-post, portal …)."""
        self._require(Action.RECORD_OUTCOME)
        _need_reason(how, "recipient.how", "say how the recipient was told (e-mail, their portal, a letter …)")
        if (source_id, recipient) not in self.recipients_owed():
            raise ActionRefused("recipient.not_owed", f"'{recipient}' is not owed a notice for {source_id}")
        casework.record_recipient(self.desk, self.number, source_id, recipient, how, staff_id=self.staff.id)
        self._changed()

    def carry_out_at_once(self) -> list[actions.ActionStep]:
        """Right after registration: where a marketing stop or a consent withdrawal is owed,
        gather (for the visitor's identifiers) and carry it out; the data is let go after.
        The window gathers at registration anyway; the command line asks this."""
        if not self._immediate_owed():
            return []
        self.gather()  # gathered() carries them out
        steps = self.last_actions
        self.drop()
        return steps

    def gather(self, *, only: Iterable[str] | None = None, progress: ProgressCallback | None = None) -> GatherResult:
        """Gather and wait (the command line)."""
        result = self.start_gather(only=only, progress=progress).run()
        self.gathered(result)
        return result

    def retryable_sources(self) -> list[str]:
        if self.result is None:
            return []
        return [s.source_id for s in self.result.sources.values() if s.status in RETRYABLE]

    def record_manual(self, source_id: str, *, found: bool, note: str) -> None:
        self._require(Action.RECORD_MANUAL)
        record_manual_outcome(self.desk, self.number, source_id, found=found, note=note,
                              staff_username=self.staff.username)  # fmt: skip
        self._changed()

    # Review --------------------------------------------------------------------------------

    def _decided(self) -> Review:
        self._require(Action.REVIEW)
        assert self.review is not None
        if self.status is CaseStatus.READY:
            # A decision after the release: the extract goes back to review and is released again.
            with self.desk.register.sessions.begin() as session:
                case = load_case(session, self.number)
                change_status(session, case, CaseStatus.REVIEW, staff=session.get(Staff, self.staff.id))
            self.approval = None
            self.refresh()
        return self.review

    def _changed(self) -> None:
        self._version += 1
        self.refresh()

    def confirm(self, record: Record, confirmed: bool = True) -> None:
        self._decided().confirm(record, confirmed)
        self._version += 1

    def review_reasons(self) -> tuple[ReviewReason, ...]:
        """The grounds staff may exclude or mask on here: the exception for drafts and notes
        (dataskyddslagen 5 kap. 2 §) is a private body's, not a public authority's (DOMAIN)."""
        authority = self.desk.config.organisation.public_authority
        return tuple(r for r in ReviewReason if not (authority and r is ReviewReason.DRAFT))

    def _check_reason(self, reason: ReviewReason) -> None:
        if reason not in self.review_reasons():
            raise ActionRefused(
                "review.draft_authority",
                "a public authority cannot withhold drafts and notes under dataskyddslagen 5 kap. 2 §",
            )

    def exclude(self, record: Record, reason: ReviewReason, excluded: bool = True) -> None:
        if excluded:
            self._check_reason(reason)
        self._decided().exclude(record, reason, excluded)
        self._version += 1

    def redact(self, record: Record, field: str, reason: ReviewReason, redacted: bool = True) -> None:
        if redacted:
            self._check_reason(reason)
        self._decided().redact(record, field, reason, redacted)
        self._version += 1

    def record_key(self, record: Record) -> str:
        """The key a decisions file names a record by (its fingerprint: no values in it)."""
        assert self.review is not None
        return self.review.key(record)

    def apply_decisions(self, requests: list[DecisionRequest]) -> Counter[str]:
        """A decisions file's lines (the command line's review), all checked before any is
        applied: every record must be in the data gathered now, every masked field in it."""
        assert self.result is not None
        self._require(Action.REVIEW)
        by_key = {self.record_key(r): r for s in self.result.sources.values() for r in s.records}
        missing = [q.record for q in requests if q.record not in by_key]
        if missing:
            raise ActionRefused(
                "decisions.unknown",
                f"{len(missing)} records in the decisions file are not in the data gathered now "
                "(gather with --json again and take the keys from there)",
            )
        for q in requests:
            if q.decision == "mask" and q.field not in by_key[q.record].fields:
                raise ActionRefused("decisions.field", f"record {q.record[:12]}… has no field '{q.field}'")
            if q.decision != "confirm":
                self._check_reason(q.reason)
        done: Counter[str] = Counter()
        for q in requests:
            record = by_key[q.record]
            if q.decision == "confirm":
                self.confirm(record)
            elif q.decision == "exclude":
                self.exclude(record, q.reason)
            else:
                self.redact(record, q.field, q.reason)
            done[q.decision] += 1
        return done

    def same_value_elsewhere(self, record: Record, field: str) -> list[tuple[Record, str]]:
        """Where else the gathered data shows this field's value (a phone number that belongs to
        someone else also sits in the bookings): (record, field) pairs not masked yet."""
        if self.result is None:
            return []
        value = " ".join(str(record.fields.get(field) or "").split()).casefold()
        if len(value) < 3:  # "1", "ja": not something one person owns
            return []
        return [
            (other, name)
            for source in self.result.sources.values()
            for other in source.records
            for name, cell in other.fields.items()
            if (other, name) != (record, field)
            and name not in other.redacted
            and " ".join(str(cell or "").split()).casefold() == value
        ]

    def redact_everywhere(self, record: Record, field: str, reason: ReviewReason) -> int:
        """Mask the field and the same value wherever else it appears; returns how many more."""
        self.redact(record, field, reason)
        elsewhere = self.same_value_elsewhere(record, field)
        for other, name in elsewhere:
            self.redact(other, name, reason)
        return len(elsewhere)

    def set_included(self, record: Record, included: bool, reason: ReviewReason) -> None:
        """What a tick in the review means: on a weak match not excluded, that the match is
        the visitor's (or not); otherwise whether the record goes into the extract (a weak one
        taken back in counts as confirmed)."""
        if record.strength is Strength.WEAK and not record.excluded:
            self.confirm(record, included)
        elif included:
            self.exclude(record, reason, excluded=False)
            if record.strength is Strength.WEAK:
                self.confirm(record, True)
        else:
            self.exclude(record, reason)

    def confirm_all_weak(self) -> int:
        """Confirm every undecided weak match in one audited decision (the command line's
        --include-weak: a person says all of them are the visitor's)."""
        count = self._decided().confirm_all_weak()
        self._version += 1
        return count

    def leave_out_weak(self) -> int:
        """Deliver without the possible matches nobody confirmed: said once, audited, and the
        extract states how many were left out and why (the command line's --leave-out-weak)."""
        count = self._decided().set_aside_weak()
        self._version += 1
        return count

    def identifier_words(self, language: str = "sv") -> dict[str, str]:
        """The words for the identifier kinds ("e-postadress"), as the extract uses them."""
        from desktop.services.compose import identifier_words

        return identifier_words(self.desk.config, language)

    def weak_words(self, language: str = "sv") -> str:
        """The identifier kinds whose match alone is only possible ("e-postadress, telefonnummer
        eller namn"), from the configuration's strengths, for the texts that explain it."""
        words = self.identifier_words(language)
        weak = [words.get(k, k) for k, strength in self.desk.config.identifier_strength.items() if strength == "weak"]
        joiner = " eller " if language == "sv" else " or "
        return joiner.join([", ".join(weak[:-1]), weak[-1]]) if len(weak) > 1 else "".join(weak)

    def unmatched_decisions(self) -> list[Unmatched]:
        """Decisions kept with the case whose record changed or went in the system since: not
        applied; the reviewer looks at those records again."""
        return list(self.review.unmatched) if self.review is not None else []

    def undecided_weak(self) -> int:
        """Possible matches still to be decided before the extract can be released."""
        return len(self.review.undecided()) if self.review is not None else 0

    def _require_weak_decided(self) -> None:
        undecided = self.undecided_weak()
        if undecided:
            raise ActionRefused(
                "weak.undecided",
                f"{undecided} possible matches are not decided: confirm them, exclude them, or leave "
                "them out unconfirmed (the extract then says so)",
            )

    def state_of(self, record: Record) -> tuple[RecordState, ReviewReason | None]:
        """Where a record stands in the review (and why, where a reason was given)."""
        assert self.review is not None
        return self.review.state(record)

    def decisions(self) -> list[Decision]:
        """What the review decided, for the approver to see before signing."""
        return self.review.decisions() if self.review is not None else []

    def counts(self) -> dict[str, int]:
        return self.review.counts() if self.review is not None else {}

    # Approval ------------------------------------------------------------------------------

    def _second_person(self, username: str | None, password: str | None, missing: tuple[str, str]) -> StaffMember:
        """The approver's own sign-in (audited and protected like any): they must hold the
        approver role and be another person than the one at the desk."""
        if not username or password is None:
            raise ActionRefused(*missing)
        approver = sign_in(self.desk, username, password, purpose="approval")
        if not approver.has(Role.APPROVER):
            raise ActionRefused("approval.not_approver", f"'{approver.username}' does not have the approver role")
        if approver.id == self.staff.id:
            raise ActionRefused("approval.same_person", "the approver must be another person than the one at the desk")
        return approver

    @property
    def supplement_says_nothing_new(self) -> bool:
        """A supplement gathered while every system the first extract left outstanding is still
        unanswered (the manual check not answered, the system still down) would tell the visitor
        nothing new: it is not released, delivered or counted as an answer."""
        if self.file.first_delivered_on is None or self.result is None or not self.file.outstanding:
            return False
        still = set(outstanding_of(self.result, set(self.file.manual_answered)))
        return still >= set(self.file.outstanding)

    def approve(self, username: str | None = None, password: str | None = None) -> Approval:
        """Release the reviewed extract. Where the policy requires a second person, the approver
        signs with their own password here (the sign-in is audited and protected like any); they
        must hold the approver role and be another person than the one delivering."""
        if self.supplement_says_nothing_new:
            raise ActionRefused(
                "supplement.nothing_new",
                "nothing the first extract left outstanding has an answer yet (a manual check unanswered, a "
                "system still failing): a supplement would tell the visitor nothing new",
            )
        self._require(Action.APPROVE)
        self._require_weak_decided()
        approver = self.staff
        if self.approval_required:
            approver = self._second_person(username, password, SIGNER_MISSING[Signer.EXTRACT])
        counts = self.counts()
        with self.desk.register.sessions.begin() as session:
            case = load_case(session, self.number)
            change_status(session, case, CaseStatus.READY, staff=session.get(Staff, approver.id))
            audit.append(
                session,
                "extract.approved" if self.approval_required else "extract.released",
                staff_id=approver.id,
                case_number=self.number,
                details=counts,
            )
        self.approval = Approval(approver, utcnow(), counts)
        self._version += 1  # a rendering made before the release was a draft: it is not delivered
        self.refresh()
        return self.approval

    # Render and deliver --------------------------------------------------------------------

    def render(self, language: str = "sv", *, with_package: bool = False) -> RenderedExtract:
        """The extract as it stands: a preview before the release, the deliverable after it."""
        self._require(Action.PREVIEW)
        assert self.result is not None
        version = self._version
        draft = self.approval is None  # not released: marked on every page, never handed over
        rendered = render_extract(self.desk, self.number, self.result, language=language, with_package=with_package,
                                  draft=draft)  # fmt: skip
        self.rendered, self._rendered_language, self._rendered_version = rendered, language, version
        return rendered

    @property
    def deliverable(self) -> bool:
        """Whether the extract on hand may leave the desk (released, and rendered after the
        last decision)."""
        return (
            Action.DELIVER in self.allowed_actions()
            and self.rendered is not None
            and (self._rendered_version == self._version or self.status is CaseStatus.DELIVERED)
        )

    def _require_deliverable(self) -> RenderedExtract:
        if Action.DELIVER not in self.allowed_actions():
            if self.status is CaseStatus.REVIEW and self.result is not None:
                raise ActionRefused("deliver.not_approved", "the extract has not been approved yet")
            self._require(Action.DELIVER)
        self._require_weak_decided()
        if self.address_needed:
            raise ActionRefused("deliver.address", "an answer by post needs the population-register address first")
        if self.rendered is None or not self.deliverable:
            raise ActionRefused("deliver.stale", "the extract was changed after it was rendered: render it again")
        return self.rendered

    def check_deliverable(self) -> RenderedExtract:
        """Ask before printing: the rules are the same as for recording the delivery."""
        return self._require_deliverable()

    def outputs(self) -> frozenset[Output]:
        """What the delivery page may offer now: nothing until the extract on hand is released
        and rendered after the last decision (for an answer by post, with its address); no ZIP
        for an answer that goes by post."""
        if not self.deliverable or self.address_needed:  # by post: not before the address is on it
            return frozenset()
        return frozenset({Output.PRINT, Output.PDF} | (set() if self.postal else {Output.ZIP}))

    @property
    def postal(self) -> bool:
        """No ID document was shown: the answer goes by post to the population-register address
        and nothing is handed over at the desk (a print is for the envelope)."""
        return self.file.document is DocumentType.POSTAL_ANSWER

    @property
    def address_needed(self) -> bool:
        """An answer by post with no address yet: nothing is posted until staff type the
        population-register address or confirm one a system holds (`address_proposals`)."""
        return self.postal and not self.file.postal_address and self.file.first_delivered_on is None

    def address_proposals(self) -> list[AddressProposal]:
        """Addresses the gathered data holds for the visitor, where the configuration names a
        query's address columns: only from records certainly the visitor's (a strong match staff
        did not leave out). Offered to staff to confirm, never used unconfirmed."""
        if not self.postal or self.result is None:
            return []
        proposals: dict[str, AddressProposal] = {}
        for source in self.desk.config.sources:
            result = self.result.sources.get(source.id)
            columns = address_columns(source)
            if result is None or not columns:
                continue
            for record in result.records:
                fields = columns.get(record.category)
                if not fields or record.strength is not Strength.STRONG or record.excluded:
                    continue
                text = address_from_fields([record.fields.get(f) for f in fields])
                try:
                    lines = check_address(text)
                except AddressRefused:
                    continue  # a system's half address is not proposed
                proposals.setdefault("\n".join(lines), AddressProposal(source.id, source.name, lines))
        return list(proposals.values())

    def set_postal_address(self, text: str, *, source_id: str | None = None) -> tuple[str, ...]:
        """Keep the address the answer by post goes to: typed by staff, or a proposal from
        system `source_id` that staff confirmed. Only for an answer by post, while the case is
        open. A rendered extract carries the address: it is rendered again."""
        require_role(self.staff, Role.RECEPTION)
        if not self.postal:
            raise ActionRefused("address.not_postal", "an address is kept only for an answer by post (no ID shown)")
        if not self.status.is_open:
            raise ActionRefused("address.closed", f"case {self.number} is {self.status.value}")
        try:
            lines = check_address(text)
        except AddressRefused as exc:
            raise ActionRefused(f"address.{exc.code.removeprefix('address_')}", str(exc)) from None
        if source_id is not None and source_id not in {p.source_id for p in self.address_proposals()}:
            raise ActionRefused("address.source", "that system holds no address for the visitor in the data gathered")
        casework.set_postal_address(self.desk, self.number, lines, source=source_id or "typed",
                                    staff_username=self.staff.username)  # fmt: skip
        self._changed()
        return lines

    def _record(self, method: str, rendered: RenderedExtract) -> None:
        assert self.approval is not None
        if self.postal and method in ("printed", "saved"):  # on paper, for the envelope
            method = "posted"
        record_delivery(
            self.desk,
            self.number,
            rendered,
            method=method,
            language=self._rendered_language,
            staff_id=self.staff.id,
            approved_by_id=self.approval.approver.id if self.approval_required else None,
        )
        self.result = None  # the visitor has it: the gathered data is let go
        self.review = None
        self.refresh()

    def deliver_files(
        self, pdf_path: str | Path | None = None, zip_path: str | Path | None = None, *, overwrite: bool = False
    ) -> list[Path]:
        """Write the extract (and/or its machine-readable copy) whole, and record the delivery
        only once every file exists; a file that cannot be written leaves nothing recorded and
        no other file of this delivery behind. An existing file is replaced only with
        `overwrite` (the person said so); the two outputs must be different files, and neither
        may be a file the desk depends on (services/files.py)."""
        if zip_path is not None and self.postal:
            raise ActionRefused(
                "deliver.postal", "this answer goes by post, on paper, to the population-register address"
            )
        rendered = self._require_deliverable()
        if zip_path is not None and rendered.package is None:
            raise ActionRefused("deliver.no_package", "the machine-readable copy was not rendered")
        check_targets(pdf_path, zip_path, overwrite=overwrite)
        written: list[Path] = []
        try:
            if pdf_path is not None:
                written.append(write_private(pdf_path, rendered.pdf, overwrite=overwrite))
            if zip_path is not None:
                assert rendered.package is not None
                written.append(write_private(zip_path, rendered.package, overwrite=overwrite))
            self._record("saved" if pdf_path is not None else "zip", rendered)
        except BaseException:
            for path in written:
                remove_quietly(path)
            raise
        return written

    def printed(self, pages: tuple[int, int] | None = None) -> bool:
        """Record a print job that has been handed to the printer in full. `pages` (first, last;
        1-based) is what was printed: the whole extract is a delivery (True); some of its pages
        are a copy for the desk — recorded as such, the case unchanged, the data kept (False)."""
        rendered = self._require_deliverable()
        if pages is not None and (pages[0] > 1 or pages[1] < rendered.pages):
            with self.desk.register.sessions.begin() as session:
                audit.append(session, "extract.copy_printed", staff_id=self.staff.id, case_number=self.number,
                             details={"first_page": pages[0], "last_page": pages[1], "pages": rendered.pages,
                                      "sha256": rendered.sha256})  # fmt: skip
            return False
        self._record("printed", rendered)
        return True

    def receipt(self, language: str = "sv") -> bytes:
        self._require(Action.RECEIPT)
        pdf, _pages = render_receipt(self.desk, self.number, language=language)
        return pdf

    def save_receipt(self, path: str | Path, language: str = "sv", *, overwrite: bool = False) -> Path:
        """The receipt written to `path` (atomically, readable by this user only)."""
        return write_private(path, self.receipt(language), overwrite=overwrite)

    # Letters -------------------------------------------------------------------------------

    def letters(self) -> list[str]:
        """The letters this case can have now (what the window offers; the rest are refused)."""
        if not self.staff.has(Role.RECEPTION):
            return []
        file = self.file
        return [kind for kind in LETTER_KINDS if letter_refused(kind, self.number, status=file.status,
                extended=file.extended_deadline is not None, requests=file.requests) is None]  # fmt: skip

    def letter_methods(self) -> tuple[str, ...]:
        """How a letter may reach the visitor: by post only where no ID was shown (the answer
        goes to the population-register address), else handed, posted or e-mailed."""
        return ("posted",) if self.postal else METHODS

    def letter(self, kind: str, language: str = "sv") -> RenderedLetter:
        """A refusal, extension or outcome letter, as the case stands (refused where it does not
        apply: a refusal only for a refused case, and so on)."""
        require_role(self.staff, Role.RECEPTION)
        return render_letter(self.desk, self.number, kind, language=language, staff_id=self.staff.id)

    def letter_sent(
        self, rendered: RenderedLetter, method: str, path: str | Path | None = None, *, overwrite: bool = False
    ) -> Path | None:
        """Record a letter given or sent (handed, posted, emailed); with `path`, written there
        first (atomically; nothing is recorded if the file cannot be written)."""
        require_role(self.staff, Role.RECEPTION)
        check_method(method)
        if method not in self.letter_methods():
            raise ActionRefused("letter.postal", "this answer goes by post to the population-register address")
        if self.postal and not self.file.postal_address:
            raise ActionRefused("letter.address", "a letter by post needs the population-register address first")
        target = write_private(path, rendered.pdf, overwrite=overwrite) if path is not None else None
        record_letter(self.desk, self.number, rendered, method=method, staff_id=self.staff.id)
        self.refresh()
        return target

    # The case ------------------------------------------------------------------------------

    def extension_deadline(self) -> date | None:
        """The day the answer would be due if the time were extended now (None: it cannot be)."""
        if Action.EXTEND not in self.allowed_actions():
            return None
        return extended_deadline(self.file.received_on, eves_as_holidays=self.desk.config.policy.eves_as_holidays)

    def letter_preview(self, kind: str, reason: str, language: str = "sv") -> bytes:
        """The refusal or extension letter as it will read once the decision is taken with
        `reason` (the decision dialog shows it before anything is decided). Not a letter: it
        cannot be recorded as given."""
        require_role(self.staff, Role.RECEPTION)
        action = {"refusal": Action.REJECT, "extension": Action.EXTEND}.get(kind)
        if action is None:
            raise ActionRefused("letter.kind", "a preview is of a refusal or an extension letter")
        self._require(action)
        deadline = self.extension_deadline() if kind == "extension" else None
        decided_by = "" if kind == "refusal" and self.signer_needed(Signer.REFUSAL) else self.staff.display_name
        return preview_letter(self.desk, self.number, kind, language=language, reason=reason,
                              deadline=deadline, decided_by=decided_by)  # fmt: skip

    def extend(self, reason: str) -> date:
        self._require(Action.EXTEND)
        _need_reason(reason, "extend.reason", "say why the answer needs more time (the visitor is told, Art. 12.3)")
        new_date = casework.extend(self.desk, self.number, reason, staff_username=self.staff.username)
        self.refresh()
        return new_date

    def add_requests(self, requests: list[tuple[RequestType, str | None]]) -> list[str]:
        """More that the same visitor asks for, into this open case (the window offers it when a
        visitor with an open case is registered again)."""
        self._require(Action.ADD_REQUEST)
        added = casework.add_requests(self.desk, self.number, requests, staff_username=self.staff.username)
        self._changed()
        return added

    def record_outcome(self, request_type: str, text: str) -> None:
        self._require(Action.RECORD_OUTCOME)
        casework.record_outcome(self.desk, self.number, request_type, text, staff_username=self.staff.username)
        self._changed()

    def owed(self) -> list[Owed]:
        """What the visitor is still owed: an outcome for each request besides access, a manual
        check's answer, the extract itself; once it is handed over, what it said would follow
        (a supplementary extract); a refusal or an extension until its letter is given. A refused
        case owes nothing more once the visitor has the decision, a withdrawn one nothing at all.
        Closing while something is owed needs a reason (`close`), in both front ends."""
        if self.status is CaseStatus.REJECTED:  # the decision is the answer, once the visitor has it
            return [] if "refusal" in self.file.letters_sent else [Owed(OwedCode.LETTER_OWED, "refusal")]
        if self.status in (CaseStatus.WITHDRAWN, CaseStatus.CLOSED):
            return []
        stops = dict.fromkeys(source_id for source_id, _request in self._immediate_owed())  # one per system
        owed = [Owed(OwedCode.ACTION_OWED, source_id) for source_id in stops]
        gated = dict.fromkeys(source_id for source_id, _request in self._owed_for(self._gated_requests()))
        owed += [Owed(OwedCode.RIGHTS_OWED, source_id) for source_id in gated]  # one per system
        by_hand = dict.fromkeys(m.source_id for m in self.manual_actions() if not m.done)
        owed += [Owed(OwedCode.MANUAL_ACTION_OWED, source_id) for source_id in by_hand]
        owed += [Owed(OwedCode.RECIPIENT_OWED, f"{source}: {who}") for source, who in self.recipients_owed()]
        owed += [Owed(OwedCode.ERASURE_INCOMPLETE, source_id) for source_id, _left in self.erasure_incomplete()]
        if self.file.extended_deadline is not None and "extension" not in self.file.letters_sent:
            owed.append(Owed(OwedCode.LETTER_OWED, "extension"))
        carried_out = {d.request for d in self.file.deeds if d.kind == "action"}  # the deeds are the outcome
        owed += [
            Owed(OwedCode.OUTCOME_MISSING, line.type)
            for line in self.file.request_lines
            if line.type != RequestType.ACCESS
            and not line.outcome
            and not line.effective_on
            and line.type not in carried_out
        ]
        if self.file.first_delivered_on is not None:
            owed += [Owed(OwedCode.SUPPLEMENT_OWED, source_id) for source_id in self.file.outstanding]
        elif RequestType.ACCESS in self.file.requests:
            answered = self.file.manual_answered
            owed += [Owed(OwedCode.MANUAL_UNANSWERED, s.id) for s in self.desk.config.sources
                     if s.kind == "manual" and s.id not in answered]  # fmt: skip
            if self.status is not CaseStatus.DELIVERED and self.status.is_open:
                owed.append(Owed(OwedCode.NOT_DELIVERED, RequestType.ACCESS.value))
        return owed

    def owed_after_this_extract(self) -> list[Owed]:
        """What the visitor will still be owed once this extract is handed over, for the approver
        to see before signing: manual checks not answered, systems that could not be searched
        (both follow in a supplement), a marketing stop not carried out, an erasure, restriction or
        rectification not yet carried out (or its part done by a person), a recipient not told."""
        kept = ("manual_unanswered", "action_owed", "rights_owed", "manual_action_owed", "recipient_owed",
                "erasure_incomplete")  # fmt: skip
        owed = [o for o in self.owed() if o.code in kept]
        return owed + [Owed(OwedCode.SYSTEM_FAILED, source_id) for source_id in self.retryable_sources()]

    def next_steps(self) -> list[Step]:
        """The case's checklist, from its state, what this visit holds and what is owed."""
        status = self.status
        allowed = self.allowed_actions()
        # A decision the visitor has not been given comes first: an extension must reach them
        # within the first month (Art. 12.3), a refusal without delay (Art. 12.4).
        owed_now = self.owed()
        steps = [Step(StepCode.LETTER, o.subject) for o in owed_now if o.code is OwedCode.LETTER_OWED]
        if not status.is_open:
            ended = [Step(StepCode.CLOSE, "decided")] if not steps and Action.CLOSE in allowed else []
            return steps + ended  # a refused or withdrawn case: nothing is delivered, it is closed
        wants_extract = any(RequestType(t).needs_extract for t in self.file.requests)
        if status is CaseStatus.GATHERING:
            steps.append(Step(StepCode.GATHERING))
        elif wants_extract and self.result is None and status is not CaseStatus.DELIVERED:
            again = status in (CaseStatus.REVIEW, CaseStatus.READY)
            steps.append(Step(StepCode.GATHER_AGAIN if again else StepCode.GATHER))
        if self.result is not None and wants_extract:  # a marketing stop alone needs no extract
            answered = self.file.manual_answered
            steps += [Step(StepCode.ANSWER_MANUAL, s.source_id) for s in self.result.sources.values()
                      if s.status is SourceStatus.MANUAL and s.source_id not in answered]  # fmt: skip
            if self.retryable_sources():
                steps.append(Step(StepCode.RETRY, str(len(self.retryable_sources()))))
            if self.undecided_weak():
                steps.append(Step(StepCode.DECIDE_WEAK, str(self.undecided_weak())))
            if self.address_needed:  # before the release: the approver sees the address the answer goes to
                steps.append(Step(StepCode.ADDRESS))
            if Action.APPROVE in allowed:
                steps.append(Step(StepCode.APPROVE, "second_person" if self.approval_required else ""))
            elif status is CaseStatus.READY:
                steps.append(Step(StepCode.DELIVER))
        for owed in owed_now:
            if owed.code == "action_owed":
                steps.append(Step(StepCode.ACT, owed.subject))
            elif owed.code == "rights_owed":
                steps.append(Step(StepCode.APPROVE_ACTIONS, owed.subject))
            elif owed.code == "recipient_owed":
                steps.append(Step(StepCode.INFORM, owed.subject))
            elif owed.code == "erasure_incomplete":
                steps.append(Step(StepCode.FINISH_ERASURE, owed.subject))
            elif owed.code == "manual_action_owed":
                steps.append(Step(StepCode.DO_MANUAL_ACTION, owed.subject))
            elif owed.code == "outcome_missing":
                steps.append(Step(StepCode.RECORD_OUTCOME, owed.subject))
            elif owed.code == "supplement_owed" and self.result is None:
                steps.append(Step(StepCode.SUPPLEMENT, owed.subject))
        if not steps and Action.CLOSE in allowed:
            steps.append(Step(StepCode.CLOSE))
        return steps

    def undelivered_work(self) -> list[str]:
        """What leaving the case now would lose: the review's decisions are kept with the case,
        but an approval of an extract not yet handed over is not (gathered again, the extract is
        approved again). `approved` when that is so."""
        return ["approved"] if self.approval is not None and self.status is CaseStatus.READY else []

    def drop(self) -> None:
        """Let the gathered data and the rendered extract go."""
        self.result = None
        self.review = None
        self.rendered = None
        self.approval = None

    def _end(self, target: CaseStatus, action: Action, *, reason: str = "", reason_code: str | None = None,
             note: str | None = None, by: StaffMember | None = None) -> None:  # fmt: skip
        self._require(action)
        self.drop()
        try:
            casework.decide(self.desk, self.number, target, staff_username=(by or self.staff).username,
                            reason=reason, reason_code=reason_code, note=note)  # fmt: skip
        finally:
            self.refresh()

    def reject(self, reason: str, approver: str | None = None, password: str | None = None) -> None:
        """Refuse the request (Art. 12.4). Where the policy asks that an approver decides and the
        person at the desk is not one, the approver signs the decision with their own password
        (the refusal and its letter carry their name)."""
        self._require(Action.REJECT)
        _need_reason(reason, "reject.reason", "say why the request is refused (the visitor is told, Art. 12.4)")
        decider = self.staff
        if self.signer_needed(Signer.REFUSAL):
            decider = self._second_person(approver, password, SIGNER_MISSING[Signer.REFUSAL])
        self._end(CaseStatus.REJECTED, Action.REJECT, reason=reason, by=decider)

    @staticmethod
    def withdrawal_reasons() -> tuple[str, ...]:
        """Why a case may be withdrawn (the codes a withdrawal takes)."""
        return casework.WITHDRAWAL_REASONS

    def withdraw(self, reason_code: str) -> None:
        self._require(Action.WITHDRAW)
        if reason_code not in casework.WITHDRAWAL_REASONS:
            reasons = " or ".join(casework.WITHDRAWAL_REASONS)
            raise ActionRefused("withdraw.reason", f"say why the case is withdrawn: {reasons}")
        self._end(CaseStatus.WITHDRAWN, Action.WITHDRAW, reason_code=reason_code)

    def close(self, *, reason_if_owed: str | None = None) -> None:
        """Close the case. While something is still owed, closing needs a reason, which is kept
        with the case and audited."""
        owed = self.owed()
        note = (reason_if_owed or "").strip()
        if owed and not note:
            raise ActionRefused(
                "close.owed",
                "the visitor is still owed: "
                + ", ".join(f"{o.code} ({o.subject})" for o in owed)
                + "; give a reason to close anyway",
            )
        self._end(CaseStatus.CLOSED, Action.CLOSE, note=note or None)

    def decide(
        self,
        kind: DecisionKind,
        *,
        reason: str = "",
        reason_code: str = "",
        approver: str | None = None,
        password: str | None = None,
    ) -> None:
        """Take one of the decisions that end or extend the case, as a decision form holds it:
        a refusal (its reasons, and the approver's signature where needed), an extension (its
        reasons), a withdrawal (its reason code) or the closing (a reason while anything is owed)."""
        if kind is DecisionKind.REFUSAL:
            self.reject(reason, approver, password)
        elif kind is DecisionKind.EXTENSION:
            self.extend(reason)
        elif kind is DecisionKind.WITHDRAWAL:
            self.withdraw(reason_code)
        else:
            self.close(reason_if_owed=reason or None)
