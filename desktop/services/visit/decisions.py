"""What the visitor is still owed, the desk's next steps, and the decisions that end or extend a
case: the last part of the Visit, and the Visit itself."""

from __future__ import annotations

from datetime import date

from desktop.core.deadlines import extended_deadline
from desktop.core.requests import CaseStatus, RequestType
from desktop.core.staff import Role, StaffMember
from desktop.services import casework
from desktop.services.letters import preview_letter
from desktop.services.staff import require_role
from desktop.services.visit.delivering import DeliveryPart
from desktop.services.visit.vocabulary import (
    SIGNER_MISSING,
    Action,
    ActionRefused,
    DecisionKind,
    Owed,
    OwedCode,
    Signer,
    Step,
    StepCode,
    need_reason,
)

# The step each thing still owed asks of the desk (a supplement: only while no data is on hand).
STEP_FOR_OWED = {
    OwedCode.ACTION_OWED: StepCode.ACT,
    OwedCode.RIGHTS_OWED: StepCode.APPROVE_ACTIONS,
    OwedCode.RECIPIENT_OWED: StepCode.INFORM,
    OwedCode.ERASURE_INCOMPLETE: StepCode.FINISH_ERASURE,
    OwedCode.MANUAL_ACTION_OWED: StepCode.DO_MANUAL_ACTION,
    OwedCode.OUTCOME_MISSING: StepCode.RECORD_OUTCOME,
    OwedCode.SUPPLEMENT_OWED: StepCode.SUPPLEMENT,
}


class Visit(DeliveryPart):
    """The rules of one case for one signed-in staff member."""

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
        need_reason(reason, "extend.reason", "say why the answer needs more time (the visitor is told, Art. 12.3)")
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
        kept = {OwedCode.MANUAL_UNANSWERED, OwedCode.ACTION_OWED, OwedCode.RIGHTS_OWED, OwedCode.MANUAL_ACTION_OWED,
                OwedCode.RECIPIENT_OWED, OwedCode.ERASURE_INCOMPLETE}  # fmt: skip
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
            steps += [Step(StepCode.ANSWER_MANUAL, source_id) for source_id in self.unanswered_manual()]
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
            step = STEP_FOR_OWED.get(owed.code)
            if step is not None and not (owed.code is OwedCode.SUPPLEMENT_OWED and self.result is not None):
                steps.append(Step(step, owed.subject))
        if not steps and Action.CLOSE in allowed:
            steps.append(Step(StepCode.CLOSE))
        return steps

    def undelivered_work(self) -> list[str]:
        """What leaving the case now would lose: the review's decisions are kept with the case,
        but an approval of an extract not yet handed over is not (gathered again, the extract is
        approved again). `approved` when that is so."""
        return ["approved"] if self.approval is not None and self.status is CaseStatus.READY else []

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
        need_reason(reason, "reject.reason", "say why the request is refused (the visitor is told, Art. 12.4)")
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
