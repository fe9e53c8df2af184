"""Gathering a case's data: the engine run, recorded in the register and the audit log.

The register keeps how each source ended (status, count, reason, duration), never the data;
the gathered records come back to the caller and live in memory for as long as the case needs.
A retry asks only the named sources again, with the identifiers found before.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy.exc import DBAPIError

from desktop.core.extract import GatherResult, SourceResult, SourceStatus
from desktop.core.requests import CaseStatus
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import Case, GatherRun, GatherSourceResult, ManualOutcome, utcnow
from desktop.register.repository import NotFound, case_by_number, change_status
from desktop.services.cases import checked_text
from desktop.services.desk import Desk, find_staff
from desktop.sources.engine import GatherRun as EngineRun
from desktop.sources.engine import ProgressCallback

log = logging.getLogger(__name__)

_GATHERABLE = {
    CaseStatus.IDENTITY_VERIFIED,
    CaseStatus.DELIVERED,  # what the extract left outstanding, for a supplement (`keep`)
    CaseStatus.GATHERING,
    CaseStatus.REVIEW,
    CaseStatus.READY,
}


class RegisterLost(UserError):
    pass


def load_case(session, number: str) -> Case:  # type: ignore[no-untyped-def]
    try:
        return case_by_number(session, number)
    except NotFound:
        raise UserError(f"there is no case {number}", "case.not_found") from None


class CaseGather:
    """One gather of one case: `run()` blocks and may be cancelled from another thread."""

    def __init__(
        self,
        desk: Desk,
        case_number: str,
        *,
        staff_username: str | None,
        only: Iterable[str] | None = None,
        previous: GatherResult | None = None,
        progress: ProgressCallback | None = None,
        keep: Iterable[str] | None = None,
    ) -> None:
        """`keep`: the result holds only these sources (a supplement: the others are asked only
        for the identifiers they yield, and their records are let go at once)."""
        self.desk = desk
        self.case_number = case_number
        self.staff_username = staff_username
        self.keep = frozenset(keep) if keep is not None else None
        with desk.register.sessions.begin() as session:
            case = load_case(session, case_number)
            status = CaseStatus(case.status)
            if status not in _GATHERABLE or (status is CaseStatus.DELIVERED and not self.keep):
                raise UserError(f"case {case_number} is {status.value}: its data cannot be gathered", "gather.not_now")
            staff = find_staff(session, staff_username)
            self.staff_id = staff.id if staff else None
            self.personnummer = case.subject_personnummer
            given = [(i.kind, i.value) for i in case.identifiers]
            if status is not CaseStatus.GATHERING:
                change_status(session, case, CaseStatus.GATHERING, staff=staff)
            run = GatherRun(
                case_id=case.id,
                started_at=utcnow(),
                started_by_id=self.staff_id or case.created_by_id,
                status="running",
            )
            session.add(run)
            session.flush()
            self.run_id = run.id
            audit.append(
                session,
                "gather.started",
                staff_id=self.staff_id,
                case_number=case_number,
                details={
                    "sources": sorted(only) if only else "all",
                    "via_cli": staff is None,
                    **({"kept": sorted(self.keep)} if self.keep is not None else {}),
                },
            )
        self.engine_run = EngineRun(
            desk.sources,
            {"personnummer": self.personnummer},
            only=only,
            known=previous.identifiers if previous else None,
            progress=progress,
            given=given,
        )
        self.previous = previous

    def cancel(self) -> None:
        self.engine_run.cancel()

    def run(self) -> GatherResult:
        result = self.engine_run.run()
        if self.keep is not None:
            kept = {k: v for k, v in result.sources.items() if k in self.keep}
            result = GatherResult(kept, result.identifiers, result.cancelled)
        if self.previous is not None:  # a retry: keep what the other sources found before
            merged = dict(self.previous.sources)
            merged.update(result.sources)
            result = GatherResult(merged, result.identifiers, result.cancelled)
        try:
            self._record(result)
        except DBAPIError:
            # The register went away while the sources were asked: say so; the run stays
            # 'running' and is marked interrupted once the register answers again.
            log.warning("the register could not record gather run %s", self.run_id)
            raise RegisterLost(
                "the case register stopped answering during the gather; nothing of it was recorded: "
                "try again when the register answers",
                "register.lost",
            ) from None
        return result

    def _record(self, result: GatherResult) -> None:
        with self.desk.register.sessions.begin() as session:
            case = load_case(session, self.case_number)
            run = session.get(GatherRun, self.run_id)
            assert run is not None
            run.finished_at = utcnow()
            run.status = "cancelled" if result.cancelled else "finished"
            for source in self.engine_run.results.values():
                run.results.append(
                    GatherSourceResult(
                        source_id=source.source_id,
                        outcome=source.status.value,
                        record_count=source.record_count,
                        message=source.message or None,
                        duration_ms=source.duration_ms,
                    )
                )
            audit.append(
                session,
                "gather.finished",
                staff_id=self.staff_id,
                case_number=self.case_number,
                details={
                    "cancelled": result.cancelled,
                    "records": result.record_count,
                    "outcomes": {s.source_id: s.status.value for s in result.sources.values()},
                },
                rows=run.results,
            )
            if CaseStatus(case.status) is CaseStatus.GATHERING:
                staff = find_staff(session, self.staff_username)
                change_status(session, case, CaseStatus.REVIEW, staff=staff)


def record_manual_outcome(
    desk: Desk, case_number: str, source_id: str, *, found: bool, note: str, staff_username: str
) -> None:
    """What staff learnt from a manual source, kept with the case for the extract."""
    source = desk.config.source(source_id)
    if source.kind != "manual":
        raise UserError(f"source '{source_id}' is not a manual source", "manual.not_manual")
    if found and not note.strip():
        raise UserError("say what was found, as it should read in the extract", "manual.say_what")
    note = checked_text(note, "note")
    with desk.register.sessions.begin() as session:
        case = load_case(session, case_number)
        staff = find_staff(session, staff_username)
        assert staff is not None
        case.manual_outcomes.append(
            ManualOutcome(
                source_id=source_id,
                found=found,
                note=note.strip() or None,
                recorded_by_id=staff.id,
                recorded_at=utcnow(),
            )
        )
        session.flush()
        audit.append(
            session,
            "manual.recorded",
            staff_id=staff.id,
            case_number=case_number,
            details={"source": source_id, "found": found},
            rows=(case,),
        )


def describe(source: SourceResult) -> str:
    """One line per source for the command line."""
    if source.status is SourceStatus.OK:
        more = " (cut at the row limit)" if source.truncated else ""
        if source.page_limit:
            more += f" (more than {source.page_limit} pages; the rest not read)"
        return f"{source.source_id}: ok, {source.record_count} records{more}"
    if source.status is SourceStatus.NOTHING:
        return f"{source.source_id}: nothing found" + (f" ({source.message})" if source.message else "")
    if source.status is SourceStatus.MANUAL:
        return f"{source.source_id}: manual: {source.instructions}"
    label = {SourceStatus.TIMED_OUT: "timed out", SourceStatus.CANCELLED: "cancelled"}.get(source.status, "failed")
    return f"{source.source_id}: {label}: {source.message}"
