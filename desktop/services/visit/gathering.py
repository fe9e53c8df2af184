"""Gathering the visitor's data from the systems, and retrying those that failed."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.extract import GatherResult, SourceResult, SourceStatus
from desktop.services import actions
from desktop.services.casework import CaseFile
from desktop.services.gathering import CaseGather, record_manual_outcome
from desktop.services.review import Review
from desktop.services.visit.rights import RightsPart
from desktop.services.visit.vocabulary import RETRYABLE, Action
from desktop.sources.engine import ProgressCallback


class GatherPart(RightsPart):
    """Asking the systems (all, or again those that failed) and taking what they answer."""

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

    def gather(self, *, only: Iterable[str] | None = None, progress: ProgressCallback | None = None) -> GatherResult:
        """Gather and wait (the command line)."""
        result = self.start_gather(only=only, progress=progress).run()
        self.gathered(result)
        return result

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

    def retryable_sources(self) -> list[str]:
        if self.result is None:
            return []
        return [s.source_id for s in self.result.sources.values() if s.status in RETRYABLE]

    def unanswered_manual(self) -> list[str]:
        """The manual checks in the data gathered now that nobody has answered yet (source ids)."""
        if self.result is None:
            return []
        answered = self.file.manual_answered
        return [s.source_id for s in self.result.sources.values()
                if s.status is SourceStatus.MANUAL and s.source_id not in answered]  # fmt: skip

    def record_manual(self, source_id: str, *, found: bool, note: str) -> None:
        self._require(Action.RECORD_MANUAL)
        record_manual_outcome(self.desk, self.number, source_id, found=found, note=note,
                              staff_username=self.staff.username)  # fmt: skip
        self._changed()
