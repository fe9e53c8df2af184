"""The rights the visitor asked for, carried out: marketing stops and consent withdrawals at once,
erasures, restrictions and rectifications from an approved preview, and the recipients told."""

from __future__ import annotations

from desktop.config import SqlAction
from desktop.core.requests import RequestType
from desktop.register import audit
from desktop.services import actions, casework
from desktop.services.cases import checked_text
from desktop.services.gathering import CaseGather
from desktop.services.review import Review
from desktop.services.visit.state import VisitState
from desktop.services.visit.vocabulary import (
    SIGNER_MISSING,
    Action,
    ActionRefused,
    ActionsApproval,
    Signer,
    checked_values,
    need_reason,
)


class RightsPart(VisitState):
    """Carrying out what the visitor asked for besides access, in the systems the configuration
    names, and what is still owed of it."""

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
        need_reason(note, "manual_action.note", "say what was done and by whom (e.g. 'HR raderade ansökan')")
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

    def actions_preview(self, new_values: dict[str, str] | None = None) -> actions.Plan:
        """What each configured action for this case's requests would change now (rolled back),
        and what the holds keep and why. `new_values`: a rectification's corrected values, by
        the action's key (ActionStep.key); a field given none is not corrected."""
        self._require(Action.RECORD_OUTCOME)
        values = checked_values(new_values)
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

    def rights_to_carry_out(self, new_values: dict[str, str] | None = None) -> bool:
        """Whether approving the preview would carry anything out: an erasure, restriction or
        rectification still owed in some system, or corrected values typed for a rectification."""
        return any(value.strip() for value in (new_values or {}).values()) or bool(
            self._owed_for(self._gated_requests())
        )

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
        values = checked_values(new_values)
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
        need_reason(how, "recipient.how", "say how the recipient was told (e-mail, their portal, a letter …)")
        if (source_id, recipient) not in self.recipients_owed():
            raise ActionRefused("recipient.not_owed", f"'{recipient}' is not owed a notice for {source_id}")
        casework.record_recipient(self.desk, self.number, source_id, recipient, how, staff_id=self.staff.id)
        self._changed()
