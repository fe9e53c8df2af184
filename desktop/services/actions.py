"""Rights carried out in the connected systems (issue 19), first step: the actions a source's
configuration names for a request ([[sources.actions]], checked by sql_guard.check_action),
previewed in a transaction that is rolled back and run in one that is committed, per system,
with the visitor's identifiers that are certainly theirs (strong). Every preview and run is
audited with counts and a digest of the statement, never values.

A marketing stop and a withdrawn consent run as soon as the case's data is gathered (Art. 21.3
and 7.3 are unconditional: no approval); the other requests' actions can be previewed, and run
once the approval flow for them is built (the Visit refuses until then)."""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, replace

from desktop.config import IMMEDIATE_REQUESTS, SqlAction, SqlSource
from desktop.core.extract import GatherResult, Strength
from desktop.register import audit
from desktop.services.desk import Desk
from desktop.sources.base import SourceFailure, identifier_kind, normalise_identifier, parameter_value
from desktop.sources.sql import SqlWriter
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
    rows: int | None = None
    missing: tuple[str, ...] = ()
    problem: str = ""  # why it could not run (the system's own words, no values)

    @property
    def done(self) -> bool:
        return self.rows is not None and not self.missing and not self.problem

    @property
    def failed(self) -> bool:
        """It should have run and did not (a system down, a statement refused): the case owes it.
        No known identifier for the system is not a failure: there is nothing of the visitor's
        to change there (the extract says the system could not be searched by it either)."""
        return bool(self.problem)


def statement_digest(sql: str) -> str:
    """Names an action in the audit (which statement ran) without its text."""
    return hashlib.sha256(sql.encode()).hexdigest()[:16]


def configured(desk: Desk, requests: tuple[str, ...] | list[str]) -> list[tuple[SqlSource, SqlAction]]:
    """The actions configured for these request types, system by system."""
    return [
        (source, action)
        for source in desk.config.sources
        if isinstance(source, SqlSource)
        for action in source.actions
        if action.request in requests
    ]


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


def _values(certain: dict[str, set[str]], parameter: str) -> list[str]:
    return sorted(parameter_value(parameter, v) for v in certain.get(identifier_kind(parameter), ()))


def _step(
    desk: Desk, source: SqlSource, action: SqlAction, certain: dict[str, set[str]], *, commit: bool
) -> ActionStep:
    from sqlalchemy.engine import make_url

    dialect = dialect_of(make_url(source.url).get_backend_name()) or "sqlite"
    operation = check_action(action.sql, dialect, action.tables)  # checked at load; again before a write
    base = ActionStep(source.id, source.name, action.request, action.title, operation)
    values = {p: _values(certain, p) for p in action.parameters}
    missing = tuple(sorted({identifier_kind(p) for p, v in values.items() if not v}))
    if missing:
        return replace(base, missing=missing)
    combinations = [dict(zip(values, combo, strict=True)) for combo in itertools.product(*values.values())]
    if len(combinations) > MAX_COMBINATIONS:
        return replace(base, problem=f"{len(combinations)} identifier combinations: too many")
    writer = SqlWriter(source, timeout=source.timeout_seconds or desk.policy.source_timeout_seconds)
    try:
        rows = writer.run(action.sql, combinations, commit=commit)
    except SourceFailure as exc:
        return replace(base, problem=str(exc))
    return replace(base, rows=rows)


def preview(desk: Desk, result: GatherResult, requests: tuple[str, ...] | list[str]) -> list[ActionStep]:
    """What each configured action would change, counted in a transaction that is rolled back."""
    certain = certain_identifiers(desk, result)
    return [_step(desk, source, action, certain, commit=False) for source, action in configured(desk, requests)]


def run(
    desk: Desk, case_number: str, result: GatherResult, requests: tuple[str, ...] | list[str], *, staff_id: int
) -> list[ActionStep]:
    """Each configured action, one committed transaction per system; each audited (counts and
    a digest of the statement, never the identifiers)."""
    steps = []
    certain = certain_identifiers(desk, result)
    for source, action in configured(desk, requests):
        step = _step(desk, source, action, certain, commit=True)
        details: dict[str, object] = {
            "source": source.id,
            "request": action.request,
            "operation": step.operation,
            "statement": statement_digest(action.sql),
            "title": action.title,  # what was done, as the visitor reads it (configuration text)
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
        with desk.register.sessions.begin() as session:
            audit.append(session, event, staff_id=staff_id, case_number=case_number, details=details)
        steps.append(step)
    return steps


__all__ = ["IMMEDIATE_REQUESTS", "ActionStep", "configured", "preview", "run"]
