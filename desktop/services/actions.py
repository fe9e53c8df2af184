"""Rights carried out in the connected systems (issue 19): the actions a source's configuration
names for a request ([[sources.actions]], checked by sql_guard.check_action), previewed in a
transaction that is rolled back and run in one that is committed, per system, with the visitor's
identifiers that are certainly theirs (strong); and the holds ([[sources.holds]]) that say what a
request leaves, counted for the visitor on the read account, with their ground and how long.

A marketing stop and a withdrawn consent run as soon as the case's data is gathered (Art. 21.3
and 7.3 are unconditional: no approval). An erasure, a restriction or a rectification runs
exactly the preview an approver approved: a system whose count differs when it runs is rolled
back and left owed. What was done is kept with the case as deeds (counts, titles, grounds; never
values), which the outcome letter reads; every preview, approval and run is audited with counts
and a digest of the statement."""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.config import (
    ART19_REQUESTS,
    IMMEDIATE_REQUESTS,
    HoldUntil,
    ManualAction,
    RestAction,
    RestSource,
    SqlAction,
    SqlHold,
    SqlSource,
)
from desktop.core.extract import GatherResult, Strength
from desktop.register import audit
from desktop.register.models import CaseDeed, utcnow
from desktop.services.desk import Desk
from desktop.services.gathering import load_case
from desktop.sources.base import SourceFailure, identifier_kind, normalise_identifier, parameter_value
from desktop.sources.rest import RestConnector
from desktop.sources.sql import SqlConnector
from desktop.sql_guard import check_action, dialect_of

MAX_COMBINATIONS = 50  # identifier values per action: more means something matched too widely


@dataclass(frozen=True)
class ActionStep:
    """One system's part of a request: what it does and, after a preview or a run, how many
    rows; `missing` the identifier kinds the visitor has no certain value for (not run)."""

    source_id: str
    source_name: str
    request: str
    title: str
    operation: str  # update, delete, insert
    statement: str = ""  # the statement's digest: which action this is, in the audit and the approval
    field: str = ""  # a rectification: the field staff give the corrected value for
    counted: bool = True  # False for a web service's call: it says it did it, not how many rows
    rows: int | None = None
    missing: tuple[str, ...] = ()
    problem: str = ""  # why it could not run (the system's own words, no values)
    effect: str = ""  # erase, pseudonymise, restrict, rectify, change, add: what the letter says was done

    @property
    def done(self) -> bool:
        return self.rows is not None and not self.missing and not self.problem

    @property
    def failed(self) -> bool:
        """It should have run and did not (a system down, a statement refused): the case owes it.
        No known identifier for the system is not a failure: there is nothing of the visitor's
        to change there (the extract says the system could not be searched by it either)."""
        return bool(self.problem)

    @property
    def key(self) -> str:
        return f"{self.source_id}:{self.statement}"


@dataclass(frozen=True)
class HoldStep:
    """What a request leaves in one system and why, counted for the visitor."""

    source_id: str
    source_name: str
    request: str
    title: str
    ground: str
    until: str = ""  # an ISO date, the configuration's text, or "" where it does not say
    kept: int | None = None
    missing: tuple[str, ...] = ()
    problem: str = ""


@dataclass(frozen=True)
class Plan:
    """A preview: each action's count (rolled back) and each hold's, for the approver."""

    steps: tuple[ActionStep, ...]
    holds: tuple[HoldStep, ...] = ()

    def counts(self) -> dict[str, int | None]:
        """What an approval fixes: each action's rows, by system and statement."""
        return {step.key: step.rows for step in self.steps}


def statement_digest(sql: str) -> str:
    """Names an action in the audit (which statement ran) without its text."""
    return hashlib.sha256(sql.encode()).hexdigest()[:16]


def action_key(action: SqlAction | RestAction | ManualAction) -> str:
    """Names an action in the audit, the approval and the deeds, without its text."""
    if isinstance(action, SqlAction):
        return statement_digest(action.sql)
    if isinstance(action, RestAction):
        return statement_digest(json.dumps([action.method, action.url, action.body], sort_keys=True))
    return manual_key(action)


def configured(
    desk: Desk, requests: tuple[str, ...] | list[str]
) -> list[tuple[SqlSource | RestSource, SqlAction | RestAction]]:
    """The actions Insyn carries out itself for these request types (a statement in a database,
    a call to a web service), system by system."""
    found: list[tuple[SqlSource | RestSource, SqlAction | RestAction]] = []
    for source in desk.config.sources:
        if isinstance(source, SqlSource | RestSource):
            found += [
                (source, action)
                for action in source.actions
                if isinstance(action, SqlAction | RestAction) and action.request in requests
            ]
    return found


@dataclass(frozen=True)
class ManualStep:
    """What a request needs done by a person in one system, and whether it has been confirmed."""

    source_id: str
    source_name: str
    request: str
    title: str
    instructions: str
    key: str  # names the action in the deeds and the audit (a digest of its instructions)
    done: bool = False


def manual_key(action: ManualAction) -> str:
    return statement_digest("manual:" + action.manual)


def manual_configured(desk: Desk, requests: tuple[str, ...] | list[str]) -> list[tuple[Any, ManualAction]]:
    """The actions a person does for these request types, system by system."""
    return [
        (source, action)
        for source in desk.config.sources
        for action in getattr(source, "actions", ())
        if isinstance(action, ManualAction) and action.request in requests
    ]


def record_manual_deed(
    desk: Desk, case_number: str, source_id: str, action: ManualAction, note: str, *, staff_id: int
) -> None:
    """A person did what a manual action asks: kept with the case (their note says how) and
    audited (the system and the action's key, never the note)."""
    with desk.register.sessions.begin() as session:
        case = load_case(session, case_number)
        case.deeds.append(CaseDeed(request=action.request, source_id=source_id, kind="action", title=action.title[:200],
                                   operation="manual", how=note.strip()[:200], digest=manual_key(action),
                                   done_by_id=staff_id, done_at=utcnow()))  # fmt: skip
        audit.append(session, "action.confirmed", staff_id=staff_id, case_number=case_number,
                     details={"source": source_id, "request": action.request, "statement": manual_key(action),
                              "title": action.title},
                     rows=(case,))  # fmt: skip


def certain_identifiers(desk: Desk, result: GatherResult) -> dict[str, set[str]]:
    """The visitor's identifiers that an action may use: those certainly theirs (the
    personnummer, a strong kind found through it, what they gave at the desk) and a weak kind
    (an e-mail address) where it stands in a record found through a strong one (their own row in
    the customer register), never one found only by itself. An excluded record yields nothing."""
    certain: dict[str, set[str]] = {}
    for kind, values in result.identifiers.items():
        certain.setdefault(kind, set()).update(v for v, strength in values.items() if strength is Strength.STRONG)
    for source_id, source in result.sources.items():
        if not source.records:
            continue
        try:
            steps = desk.sources.connector(source_id).steps()
        except Exception:  # noqa: BLE001 - a source that cannot be described yields nothing more
            continue
        for step in steps:
            if not step.yields:
                continue
            for record in source.records:
                if record.category != step.title or record.strength is not Strength.STRONG or record.excluded:
                    continue
                for kind, column in step.yields.items():
                    value = normalise_identifier(kind, record.fields.get(step.labels.get(column, column)))
                    if value is not None:
                        certain.setdefault(kind, set()).add(value)
    return certain


def _parameter_values(
    certain: dict[str, set[str]], parameters: tuple[str, ...]
) -> tuple[dict[str, list[str]], tuple[str, ...]]:
    """Each parameter's values from the visitor's certain identifiers, and the identifier kinds
    none is known for (then the action or hold has nothing of the visitor's to work on)."""
    values = {p: _values(certain, p) for p in parameters}
    return values, tuple(sorted({identifier_kind(p) for p, v in values.items() if not v}))


def _combinations(values: dict[str, list[str]]) -> list[dict[str, str]]:
    """Every set of parameter values to run a statement or call with (one per combination)."""
    return [dict(zip(values, combo, strict=True)) for combo in itertools.product(*values.values())]


def _values(certain: dict[str, set[str]], parameter: str) -> list[str]:
    return sorted(parameter_value(parameter, v) for v in certain.get(identifier_kind(parameter), ()))


@functools.lru_cache(maxsize=64)
def _dialect(url: str) -> str:
    from sqlalchemy.engine import make_url

    return dialect_of(make_url(url).get_backend_name()) or "sqlite"


@functools.lru_cache(maxsize=256)
def _checked(sql: str, dialect: str, tables: tuple[str, ...]) -> str:
    """The action guard's verdict, which depends on the statement, the dialect and the tables
    alone: parsed once per process, not at every preview and run."""
    return check_action(sql, dialect, tables)


@dataclass(frozen=True)
class _Pending:
    """An SQL action ready to run: its step so far, and the statement's identifier sets."""

    step: ActionStep
    sql: str
    combinations: list[dict[str, str]]
    expect: int | None = None


ROLLED_BACK = "not carried out: another action in this system failed, and the system's transaction was rolled back"


def _prepare(
    source: SqlSource, action: SqlAction, certain: dict[str, set[str]], new_values: dict[str, str] | None
) -> ActionStep | _Pending:
    """An SQL action checked and bound to the visitor's identifiers, or the step that says why
    it does not run (nothing of the visitor's known to run it on; too many combinations)."""
    operation = _checked(action.sql, _dialect(source.url), tuple(action.tables))  # again before a write
    base = ActionStep(source.id, source.name, action.request, action.title, operation, statement_digest(action.sql),
                      field=action.field or "", effect=action.effect_told)  # fmt: skip
    values, missing = _parameter_values(certain, action.identifiers)
    if action.field:  # a rectification: runs only with the corrected value staff give
        given = (new_values or {}).get(base.key, "").strip()
        if not given:
            missing += ("new_value",)
        else:
            values["new_value"] = [given]
    if missing:
        return replace(base, missing=missing)
    combinations = _combinations(values)
    if len(combinations) > MAX_COMBINATIONS:
        return replace(base, problem=f"{len(combinations)} identifier combinations: too many")
    return _Pending(base, action.sql, combinations)


def _steps(
    desk: Desk,
    planned: Sequence[tuple[SqlSource | RestSource, SqlAction | RestAction, int | None]],
    certain: dict[str, set[str]],
    *,
    commit: bool,
    new_values: dict[str, str] | None = None,
) -> list[ActionStep]:
    """Each planned action (source, action, the approved count or None) counted or carried out:
    a system's SQL actions in one transaction (committed, or rolled back for a preview), which
    stand or fall together; a web service's calls one by one."""
    done: list[ActionStep | None] = []
    by_system: dict[str, list[tuple[int, _Pending]]] = {}
    for source, action, expect in planned:
        if isinstance(action, RestAction):
            assert isinstance(source, RestSource)
            done.append(_call(desk, source, action, certain, commit=commit))
            continue
        assert isinstance(source, SqlSource)
        prepared = _prepare(source, action, certain, new_values)
        if isinstance(prepared, ActionStep):
            done.append(prepared)
            continue
        by_system.setdefault(source.id, []).append((len(done), replace(prepared, expect=expect)))
        done.append(None)
    for source_id, pending in by_system.items():
        try:
            counts = desk.sources.writer(source_id).run_all(
                [(p.sql, p.combinations, p.expect) for _i, p in pending], commit=commit
            )
        except SourceFailure as exc:
            for n, (i, p) in enumerate(pending):
                done[i] = replace(p.step, problem=str(exc) if exc.index in (None, n) else ROLLED_BACK)
            continue
        for (i, p), rows in zip(pending, counts, strict=True):
            done[i] = replace(p.step, rows=rows)
    return [step for step in done if step is not None]


def _call(
    desk: Desk, source: RestSource, action: RestAction, certain: dict[str, set[str]], *, commit: bool
) -> ActionStep:
    """A web service's action: nothing is sent for a preview (a service cannot roll back), the
    call once per identifier value when carried out; rows = the calls that did something."""
    base = ActionStep(source.id, source.name, action.request, action.title, action.method.lower(), action_key(action),
                      counted=False, effect=action.effect_told)  # fmt: skip
    values, missing = _parameter_values(certain, action.parameters)
    if missing:
        return replace(base, missing=missing)
    combinations = _combinations(values)
    if len(combinations) > MAX_COMBINATIONS:
        return replace(base, problem=f"{len(combinations)} identifier combinations: too many")
    if not commit:
        return base  # rows None: "will be called"
    connector = desk.sources.connector(source.id)
    assert isinstance(connector, RestConnector)
    try:
        done = sum(connector.call(action, combination) for combination in combinations)
    except SourceFailure as exc:
        return replace(base, problem=str(exc))
    return replace(base, rows=done)


def _holds(
    desk: Desk, source: SqlSource, holds: list[tuple[SqlHold, str]], certain: dict[str, set[str]]
) -> list[HoldStep]:
    """A system's holds counted for the visitor on its read account, on one connection: each
    hold's first column summed over the visitor's identifiers, and how long (the latest date in
    `until.column` plus the years)."""
    planned: list[tuple[HoldStep, SqlHold, range]] = []
    queries: list[tuple[str, dict[str, str]]] = []
    for hold, request in holds:
        base = HoldStep(source.id, source.name, request, hold.title, hold.ground,
                        hold.until if isinstance(hold.until, str) else "")  # fmt: skip
        values, missing = _parameter_values(certain, hold.parameters)
        if missing:
            planned.append((replace(base, missing=missing), hold, range(0)))
            continue
        combinations = _combinations(values)
        planned.append((base, hold, range(len(queries), len(queries) + len(combinations))))
        queries += [(hold.sql, combination) for combination in combinations]
    rows: list[dict[str, Any]] = []
    problem = ""
    if queries:
        connector = desk.sources.connector(source.id)
        assert isinstance(connector, SqlConnector)
        try:
            rows = connector.first_rows(queries)
        except SourceFailure as exc:
            problem = str(exc)
    if problem:  # one database: what stopped one count stopped them all
        return [base if base.missing else replace(base, problem=problem) for base, _hold, _span in planned]
    return [
        base if base.missing else _counted(base, hold, rows[span.start : span.stop]) for base, hold, span in planned
    ]


def _counted(base: HoldStep, hold: SqlHold, rows: list[dict[str, Any]]) -> HoldStep:
    kept, latest = 0, None
    try:
        for row in rows:
            first = next(iter(row.values()), 0) if row else 0
            kept += int(first or 0)
            if isinstance(hold.until, HoldUntil):
                found = _as_date(row.get(hold.until.column))
                latest = found if latest is None or (found is not None and found > latest) else latest
    except (ValueError, TypeError):
        return replace(base, problem="the hold's query did not give a count")
    if isinstance(hold.until, HoldUntil) and latest is not None and kept:
        start = date(latest.year, 12, 31) if hold.until.after_year_end else latest
        return replace(base, kept=kept, until=_years_after(start, hold.until.years).isoformat())
    return replace(base, kept=kept)


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def holds_for(desk: Desk, result: GatherResult, requests: tuple[str, ...] | list[str]) -> list[HoldStep]:
    certain = certain_identifiers(desk, result)
    steps: list[HoldStep] = []
    for source in desk.config.sources:
        if isinstance(source, SqlSource):
            holds = [(hold, str(request)) for hold in source.holds for request in hold.requests if request in requests]
            steps += _holds(desk, source, holds, certain) if holds else []
    return steps


def preview(
    desk: Desk, result: GatherResult, requests: tuple[str, ...] | list[str], new_values: dict[str, str] | None = None
) -> Plan:
    """What each configured action would change, counted in a transaction that is rolled back,
    and what each hold keeps. `new_values`: a rectification's corrected values, by action key."""
    certain = certain_identifiers(desk, result)
    planned = [(source, action, None) for source, action in configured(desk, requests)]
    steps = tuple(_steps(desk, planned, certain, commit=False, new_values=new_values))
    return Plan(steps, tuple(holds_for(desk, result, requests)))


def run(
    desk: Desk,
    case_number: str,
    result: GatherResult,
    requests: tuple[str, ...] | list[str],
    *,
    staff_id: int,
    approved: dict[str, int | None] | None = None,
    new_values: dict[str, str] | None = None,
    skip: set[str] | frozenset[str] = frozenset(),
) -> list[ActionStep]:
    """Each configured action, one committed transaction per system (its actions stand or fall
    together); each audited (counts and
    a digest of the statement, never the identifiers). With `approved` (a Plan's counts), each
    runs only as approved: a different count rolls that system back and leaves it owed. What
    was done and what the holds keep are kept with the case as deeds, written to the register
    with the audit events in one transaction after the systems (a run cut off before it leaves
    the systems changed and the case owing them: run again, it finds nothing more to change and
    records that)."""
    refused: list[ActionStep] = []
    planned: list[tuple[SqlSource | RestSource, SqlAction | RestAction, int | None]] = []
    for source, action in configured(desk, requests):
        key = f"{source.id}:{action_key(action)}"
        if key in skip:  # carried out already (`skip`: what the caller knows is done)
            continue
        if approved is not None and key not in approved:
            refused.append(ActionStep(source.id, source.name, action.request, action.title, "", action_key(action),
                                      problem="not in the approved preview: preview and approve again"))  # fmt: skip
            continue
        planned.append((source, action, approved[key] if approved is not None else None))
    steps = refused + _steps(desk, planned, certain_identifiers(desk, result), commit=True, new_values=new_values)
    events: list[tuple[str, dict[str, object]]] = []
    for step in steps:
        details: dict[str, object] = {
            "source": step.source_id,
            "request": step.request,
            "operation": step.operation,
            "effect": step.effect,
            "statement": step.statement,
            "title": step.title,  # what was done, as the visitor reads it (configuration text)
        }
        if step.done:
            details["changed"] = step.rows  # "rows" is the audit chain's own key (row digests)
            event = "action.executed"
        elif step.missing:
            details["missing"] = list(step.missing)
            event = "action.not_applicable"
        else:
            details["problem"] = step.problem[:200]
            event = "action.failed"
        events.append((event, details))
    holds = holds_for(desk, result, requests) if any(s.done for s in steps) else []
    if events:
        with desk.register.sessions.begin() as session:
            for event, details in events:
                audit.append(session, event, staff_id=staff_id, case_number=case_number, details=details)
            record_deeds(session, case_number, steps, holds, staff_id=staff_id)
    return steps


def record_deeds(
    session: Session, case_number: str, steps: list[ActionStep], holds: list[HoldStep], *, staff_id: int
) -> None:
    """What was done, kept with the case for the outcome letter: each action carried out with
    its count, what the holds keep (counted after the run) with ground and end, and each action
    that failed (the letter says it is not done yet, until a later run does it)."""
    done = [s for s in steps if s.done]
    failed = [s for s in steps if s.failed]
    if not done and not failed:
        return
    now = utcnow()
    case = load_case(session, case_number)
    for step in failed:
        case.deeds.append(CaseDeed(request=step.request, source_id=step.source_id, kind="failed",
                                   title=step.title[:200], operation=(step.effect or step.operation)[:20],
                                   digest=step.statement, done_by_id=staff_id, done_at=now))  # fmt: skip
    for step in done:
        count = step.rows if step.counted or not step.rows else None  # a call done: no count to tell
        case.deeds.append(CaseDeed(request=step.request, source_id=step.source_id, kind="action",
                                   title=step.title[:200], operation=step.effect or step.operation, count=count,
                                   digest=step.statement, done_by_id=staff_id, done_at=now))  # fmt: skip
    for hold in holds:
        if hold.kept:
            case.deeds.append(CaseDeed(request=hold.request, source_id=hold.source_id, kind="hold",
                                       title=hold.title[:200], operation="kept", count=hold.kept,
                                       ground=hold.ground, until=hold.until[:200] or None, done_by_id=staff_id,
                                       done_at=now))  # fmt: skip
    counts = {"actions": len(done), "holds": sum(1 for h in holds if h.kept), "failed": len(failed)}
    audit.append(session, "deeds.recorded", staff_id=staff_id, case_number=case_number, details=counts,
                 rows=(case,))  # fmt: skip


def remaining(
    desk: Desk, result: GatherResult, source_id: str, kept: set[str] | frozenset[str]
) -> tuple[int, tuple[str, ...]] | None:
    """After an erasure, what the system (searched again) still holds of the visitor's that no
    hold covers: the records found in a query that no hold keeping something for them (`kept`:
    the holds' titles) covers. A possible match counts too (the action worked on the same
    identifiers), unless staff excluded it as someone else's. The count and those queries'
    titles; None when the system could not be searched (not known)."""
    found = result.sources.get(source_id)
    if found is None or not found.status.reached:
        return None
    source = desk.config.source(source_id)
    covered = {group for hold in getattr(source, "holds", ()) if hold.title in kept for group in hold.covered}
    left = [r for r in found.records if not r.excluded and r.category not in covered]
    return len(left), tuple(dict.fromkeys(r.category for r in left))


def record_checks(
    desk: Desk, case_number: str, found: list[tuple[str, int, tuple[str, ...]]], *, staff_id: int
) -> None:
    """What an erasure left in each system that no hold covers, as found when it was searched
    again (system, count, the queries' titles): kept with the case (no values) and audited. While
    a count is more than 0 the erasure is not complete there and the case owes it."""
    with desk.register.sessions.begin() as session:
        case = load_case(session, case_number)
        for source_id, left, groups in found:
            case.deeds.append(CaseDeed(request="erasure", source_id=source_id, kind="check",
                                       title=", ".join(groups)[:200], operation="remaining", count=left,
                                       done_by_id=staff_id, done_at=utcnow()))  # fmt: skip
        audit.append(session, "erasure.checked", staff_id=staff_id, case_number=case_number,
                     details={"remaining": {source_id: left for source_id, left, _groups in found}},
                     rows=(case,))  # fmt: skip


def recipients_of(desk: Desk, source_id: str) -> tuple[str, ...]:
    """Whom a system's data goes to (its processors and recipients, as configured): each is told
    of an erasure, restriction or rectification carried out there (Art. 19)."""
    from desktop.config import merged_fact, source_parts

    source = desk.config.source(source_id)
    names: list[str] = []
    for _, node in source_parts(source):
        named = list(merged_fact(source, node, "recipients") or ())
        named += [t.recipient for t in (merged_fact(source, node, "transfers") or ()) if t.recipient]
        names += [r for r in named if r not in names]
    return tuple(names)


__all__ = [
    "ART19_REQUESTS",
    "IMMEDIATE_REQUESTS",
    "ActionStep",
    "HoldStep",
    "ManualStep",
    "Plan",
    "configured",
    "preview",
    "recipients_of",
    "run",
]
