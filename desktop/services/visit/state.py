"""What a Visit holds of its case and what may happen to it next: the first part of the Visit."""

from __future__ import annotations

from datetime import date

from desktop.core.clock import local_date
from desktop.core.extract import GatherResult
from desktop.core.requests import ALLOWED_TRANSITIONS, CaseStatus, RequestType
from desktop.core.staff import Role, StaffMember
from desktop.services import actions
from desktop.services.casework import CaseFile, TimelineEntry, case_file, timeline_since
from desktop.services.delivery import RenderedExtract, outstanding_of
from desktop.services.desk import Desk
from desktop.services.review import Review
from desktop.services.staff import require_role, sign_in
from desktop.services.visit.vocabulary import (
    RETRYABLE,
    SIGNER_MISSING,
    Action,
    ActionRefused,
    ActionsApproval,
    Approval,
    Signer,
)


class VisitState:
    """The case as the register holds it, what this visit holds (data, review, approval, the
    rendering) and what may happen next: `allowed_actions()`, asked again by every action."""

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

    def _changed(self) -> None:
        self._version += 1
        self.refresh()

    def drop(self) -> None:
        """Let the gathered data and the rendered extract go."""
        self.result = None
        self.review = None
        self.rendered = None
        self.approval = None

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

    def _need_data(self) -> GatherResult:
        if self.result is None:
            raise ActionRefused("act.no_data", "gather first: the actions need the visitor's identifiers")
        return self.result
