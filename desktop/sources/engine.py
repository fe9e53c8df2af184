"""The gather engine: every source asked in parallel, following identifiers found on the way.

It starts from the verified identifiers (the personnummer), runs each source's steps whose
identifiers are known, merges the identifiers they yield (a customer number, an e-mail) and runs
the steps that those make possible, until nothing new can be asked. Sources run on worker
threads, at most `parallelism` at once; each has a time budget; the whole run can be cancelled.
Every source ends in a final status; none is dropped. A record's strength is strong only when
every identifier that reached it was strong.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.config import Config, FileSource, ManualSource, RestSource, SqlSource
from desktop.core.extract import GatherResult, Record, SourceResult, SourceStatus, Strength
from desktop.sources.base import (
    Connector,
    SourceFailure,
    Step,
    StepOutput,
    identifier_kind,
    match_key,
    normalise_identifier,
)

if TYPE_CHECKING:
    from desktop.sources.sql import SqlWriter

log = logging.getLogger(__name__)

ProgressCallback = Callable[[SourceResult], None]
_POLL_SECONDS = 0.05
_STOPPED = frozenset({SourceStatus.FAILED, SourceStatus.TIMED_OUT, SourceStatus.CANCELLED, SourceStatus.MANUAL})


def make_connector(source: SqlSource | FileSource | RestSource, config: Config) -> Connector:
    timeout = source.timeout_seconds or config.policy.source_timeout_seconds
    max_rows = config.policy.max_rows_per_query
    if isinstance(source, SqlSource):
        from desktop.sources.sql import SqlConnector

        return SqlConnector(source, timeout=timeout, max_rows=max_rows)
    if isinstance(source, FileSource):
        from desktop.sources.files import FileConnector

        return FileConnector(source, max_rows=max_rows)
    from desktop.sources.rest import RestConnector

    return RestConnector(source, timeout=timeout, max_rows=max_rows)


@dataclass
class _Work:
    step: Step
    values: tuple[str, ...]  # one per identifier kind of the step
    params: dict[str, str]
    strength: Strength
    matched_by: str


@dataclass
class _Job:
    source_id: str
    token: int
    started: float
    deadline: float


class SourceSet:
    """The configured sources' connectors, kept open between cases (pools, file indexes)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._connectors: dict[str, Connector] = {}
        self._writers: dict[str, SqlWriter] = {}
        self._closed = False
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None

    @property
    def executor(self) -> ThreadPoolExecutor:
        """Worker threads reused across gathers; spare ones cover sources that hang."""
        with self._lock:
            if self._executor is None:
                workers = max(8, 2 * self.config.policy.gather_parallelism)
                self._executor = ThreadPoolExecutor(workers, thread_name_prefix="gather")
            return self._executor

    def connector(self, source_id: str) -> Connector:
        with self._lock:
            if self._closed:  # a worker still running when the desk closed opens nothing new
                raise SourceFailure("cancelled")
            if source_id not in self._connectors:
                source = self.config.source(source_id)
                assert not isinstance(source, ManualSource)
                self._connectors[source_id] = make_connector(source, self.config)
            return self._connectors[source_id]

    def writer(self, source_id: str) -> SqlWriter:
        """The source's write account (its actions), kept like the read connectors."""
        from desktop.sources.sql import SqlWriter

        with self._lock:
            writer = self._writers.get(source_id)
            if writer is None:
                source = self.config.source(source_id)
                assert isinstance(source, SqlSource)
                timeout = source.timeout_seconds or self.config.policy.source_timeout_seconds
                writer = self._writers[source_id] = SqlWriter(source, timeout=timeout)
            return writer

    def warm_up(self) -> None:
        """Open pools and build file indexes now (at start), not while a visitor waits.
        A source that cannot be reached is left for the gather to report."""
        from desktop.sources.base import SourceFailure

        for source in self.config.sources:
            if isinstance(source, ManualSource):
                continue
            try:
                self.connector(source.id).check()
            except SourceFailure:
                log.info("source %s not ready at start", source.id)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            connectors, self._connectors = list(self._connectors.values()), {}
            writers, self._writers = list(self._writers.values()), {}
            executor, self._executor = self._executor, None
        for connector in connectors:
            connector.interrupt()
            connector.close()
        for writer in writers:
            writer.close()
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


class GatherRun:
    """One gather for one visitor. `run()` blocks; `cancel()` may be called from any thread."""

    def __init__(
        self,
        sources: SourceSet,
        identifiers: dict[str, str],
        *,
        only: Iterable[str] | None = None,
        known: dict[str, dict[str, Strength]] | None = None,
        progress: ProgressCallback | None = None,
        given: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.sources = sources
        self.config = sources.config
        self._cancel = threading.Event()
        self._progress = progress or (lambda _result: None)
        self._strength_of_kind = self.config.identifier_strength
        self.known: dict[str, dict[str, Strength]] = {k: dict(v) for k, v in (known or {}).items()}
        for kind, value in identifiers.items():
            normal = normalise_identifier(kind, value)
            if normal is not None:
                self.known.setdefault(kind, {})[normal] = Strength.STRONG
        # What the visitor gave at the desk: a match on exactly that value is theirs, even
        # through a kind that is weak when found in a source (a shared e-mail address).
        self.given: set[tuple[str, str]] = set()
        for kind, value in given:
            normal = normalise_identifier(kind, value)
            if normal is not None:
                self.given.add((kind, match_key(kind, normal) or normal))  # e-mail: any case
                self.known.setdefault(kind, {})[normal] = Strength.STRONG
        wanted = set(only) if only is not None else None
        self.results: dict[str, SourceResult] = {}
        for source in self.config.sources:
            if wanted is not None and source.id not in wanted:
                continue
            result = SourceResult(source.id, source.name, source.kind)
            if isinstance(source, ManualSource):
                result.status = SourceStatus.MANUAL
                result.instructions = source.instructions
            self.results[source.id] = result
        self._tried: dict[str, set[tuple[int, tuple[str, ...]]]] = {s: set() for s in self.results}
        # per source: (category, field names) → the records found with them, by their values
        self._seen: dict[str, dict[tuple[str, tuple[str, ...]], dict[Any, Record]]] = {s: {} for s in self.results}
        self._started_at: dict[str, float] = {}
        self._tokens = itertools.count(1)
        self._queue: queue.Queue[tuple[str, int, str | None]] = queue.Queue()
        self._lock = threading.RLock()  # guards known, results, tried: workers merge directly
        self._current: dict[str, int] = {}  # source → the token of its live job

    def cancel(self) -> None:
        self._cancel.set()

    # Planning ----------------------------------------------------------------------------

    def _pending_work(self, source_id: str) -> list[_Work]:
        source = self.config.source(source_id)
        if isinstance(source, ManualSource):
            return []
        work = []
        for step in self.sources.connector(source_id).steps():
            kinds = step.identifier_kinds
            choices = [sorted(self.known.get(kind, {}).items()) for kind in kinds]
            for combination in itertools.product(*choices):
                values = tuple(value for value, _ in combination)
                if (step.index, values) in self._tried[source_id]:
                    continue
                by_kind = dict(zip(kinds, values, strict=True))
                strong = all(
                    (kind, match_key(kind, value)) in self.given
                    or (strength is Strength.STRONG and self._strength_of_kind.get(kind) == "strong")
                    for kind, (value, strength) in zip(kinds, combination, strict=True)
                )
                params = {p: by_kind[identifier_kind(p)] for p in step.parameters}
                strength = Strength.STRONG if strong else Strength.WEAK
                work.append(_Work(step, values, params, strength, ",".join(kinds)))
        return work

    # Running -----------------------------------------------------------------------------

    def run(self) -> GatherResult:
        running: dict[str, _Job] = {}
        parallelism = self.config.policy.gather_parallelism
        try:
            while True:
                if self._cancel.is_set():
                    with self._lock:
                        self._current.clear()
                        self._stop_all(running, SourceStatus.CANCELLED, "cancelled by staff")
                    break
                self._start_what_can_run(running, parallelism)
                if not running:
                    break
                self._wait_for_one(running)
        finally:
            self._finish_statuses()
        return GatherResult(self.results, self.known, cancelled=self._cancel.is_set())

    def _start_what_can_run(self, running: dict[str, _Job], parallelism: int) -> None:
        with self._lock:
            for source_id, result in self.results.items():
                if len(running) >= parallelism:
                    return
                if source_id in running or result.status in _STOPPED:
                    continue
                try:
                    work = self._take_work(source_id)
                except SourceFailure as exc:
                    self._set(result, SourceStatus.FAILED, str(exc))
                    continue
                if not work:
                    continue
                now = time.monotonic()
                first_start = self._started_at.setdefault(source_id, now)
                source = self.config.source(source_id)
                budget = source.timeout_seconds or self.config.policy.source_timeout_seconds
                token = next(self._tokens)
                running[source_id] = _Job(source_id, token, now, first_start + budget)
                self._current[source_id] = token
                if result.status is not SourceStatus.RUNNING:
                    self._set(result, SourceStatus.RUNNING)
                self.sources.executor.submit(self._work_thread, source_id, token, work)

    def _take_work(self, source_id: str) -> list[_Work]:
        work = self._pending_work(source_id)
        for item in work:
            self._tried[source_id].add((item.step.index, item.values))
        return work

    def _work_thread(self, source_id: str, token: int, work: list[_Work]) -> None:
        """Run the steps, merge what they find, and go on with the steps that made possible.

        Continuing here rather than going back to the coordinator saves a hand-over per
        dependency level (personnummer → customer number → facility → meter readings).
        """
        try:
            connector = self.sources.connector(source_id)
        except SourceFailure as exc:  # the desk closed meanwhile
            self._queue.put((source_id, token, str(exc)))
            return
        while work:
            for item in work:
                if self._cancel.is_set():
                    self._queue.put((source_id, token, None))
                    return
                try:
                    output = connector.run(item.step, item.params, self._cancel, self._notifier(source_id, token))
                except SourceFailure as exc:
                    self._queue.put((source_id, token, str(exc)))
                    return
                except Exception as exc:  # noqa: BLE001 - a connector bug must not stop the others
                    # Only the type: an exception's text may quote the data it choked on.
                    log.error("source %s failed unexpectedly: %s", source_id, type(exc).__name__)
                    self._queue.put((source_id, token, f"unexpected error ({type(exc).__name__})"))
                    return
                with self._lock:
                    if self._current.get(source_id) != token:
                        return  # timed out or cancelled meanwhile: the answer is dropped
                    self._merge(self.results[source_id], item, output)
            with self._lock:
                if self._current.get(source_id) != token:
                    return
                work = self._take_work(source_id)
                if work:
                    self._progress(self.results[source_id])
        self._queue.put((source_id, token, None))

    def _notifier(self, source_id: str, token: int) -> Callable[[bool], None]:
        """What a connector calls when it starts and stops waiting for a busy service."""

        def notify(waiting: bool) -> None:
            with self._lock:
                if self._current.get(source_id) != token:
                    return
                result = self.results[source_id]
                result.waiting_for_service = waiting
                self._progress(result)

        return notify

    def _wait_for_one(self, running: dict[str, _Job]) -> None:
        nearest = min(job.deadline for job in running.values())
        timeout = max(0.0, min(_POLL_SECONDS, nearest - time.monotonic()))
        try:
            source_id, token, failure = self._queue.get(timeout=timeout)
        except queue.Empty:
            now = time.monotonic()
            with self._lock:
                for job in [j for j in running.values() if j.deadline <= now]:
                    del running[job.source_id]
                    self._current.pop(job.source_id, None)
                    self._abandon(job.source_id)
                    result = self.results[job.source_id]
                    result.duration_ms += int((now - job.started) * 1000)
                    self._set(result, SourceStatus.TIMED_OUT, "did not answer in time")
            return
        with self._lock:
            current = running.get(source_id)
            if current is None or current.token != token:
                return  # a late answer from a source already timed out or cancelled
            del running[source_id]
            self._current.pop(source_id, None)
            result = self.results[source_id]
            result.duration_ms += int((time.monotonic() - current.started) * 1000)
            if failure is not None:
                self._set(result, SourceStatus.FAILED, failure)
            else:
                self._progress(result)  # more may follow from other sources' identifiers

    def _merge(self, result: SourceResult, item: _Work, output: StepOutput) -> None:
        result.truncated = result.truncated or output.truncated
        result.page_limit = max(result.page_limit, output.page_limit)
        if output.table and not self._merge_new_table(result, item, output.columns, output.table):
            self._merge_rows(result, item, zip(itertools.repeat(output.columns), output.table))
        if output.rows:
            self._merge_rows(result, item, ((tuple(row), tuple(row.values())) for row in output.rows))

    def _merge_new_table(
        self, result: SourceResult, item: _Work, columns: tuple[str, ...], table: list[tuple[Any, ...]]
    ) -> bool:
        """A category's first rows with these columns, no two alike (nearly every query): made
        into records in bulk, in C loops rather than a Python step per row. False, with nothing
        done, when the category already has such rows or a row repeats (or only seems to: 1
        and 1.0): then `_merge_rows` decides row by row."""
        step = item.step
        same = self._seen[result.source_id].setdefault((step.title, columns), {})
        if same:
            return False
        try:
            if len(dict.fromkeys(table)) != len(table):
                return False
        except TypeError:  # a value that cannot be hashed
            return False
        renamed = tuple(step.labels.get(c, c) for c in columns) if step.labels else columns
        repeat = itertools.repeat
        for start in range(0, len(table), 1024):
            if start:
                time.sleep(0)  # yield the GIL about every millisecond: a window may be waiting to paint
            rows = table[start : start + 1024]
            fields = map(dict, map(zip, repeat(renamed), rows))
            made = list(map(Record, repeat(result.source_id), repeat(step.title), fields,
                            repeat(item.strength), repeat(item.matched_by)))  # fmt: skip
            same.update(zip(rows, made, strict=True))
            result.records.extend(made)
        for kind, position in _yielded(step, columns):
            for values in table:
                self._learn(kind, values[position], item.strength)
        return True

    def _merge_rows(
        self, result: SourceResult, item: _Work, rows: Iterable[tuple[tuple[str, ...], tuple[Any, ...]]]
    ) -> None:
        """Rows as (field names, values), one at a time: a row found again (by another query of
        the category, or another identifier) is the same record, strong if either way was."""
        step = item.step
        seen = self._seen[result.source_id]
        names: tuple[str, ...] = ()
        same: dict[Any, Record] = {}  # the rows found so far with these field names, by their values
        renamed: tuple[str, ...] = ()  # the field names as the extract shows them (the step's labels)
        yielded: list[tuple[str, int]] = []
        for n, (columns, values) in enumerate(rows):
            if n & 1023 == 1023:  # about every millisecond: a sleep costs 70-80 µs here
                time.sleep(0)  # yield the GIL: a window may be waiting to paint
            if columns is not names and columns != names:  # a table's rows share one names tuple
                names = columns
                same = seen.setdefault((step.title, columns), {})
                renamed = tuple(step.labels.get(c, c) for c in columns) if step.labels else columns
                yielded = _yielded(step, columns)
            # Values count with their types: 1, 1.0 and True are equal in Python, not in a
            # register, while 1.5 and 1.50 are one number either way. The types are compared
            # only when the values match, which is rare.
            try:
                existing = same.get(values)
            except TypeError:  # a value that cannot be hashed (a web service's list): by its text
                key: Any = (_TEXT, tuple(map(repr, values)))
                existing = same.get(key)
            else:
                key = values
                if existing is not None and not all(map(_same_type, existing.fields.values(), values)):
                    key = (_TYPED, tuple(map(type, values)), values)
                    existing = same.get(key)
            if existing is not None:
                if item.strength is Strength.STRONG and existing.strength is Strength.WEAK:
                    existing.strength, existing.confirmed = Strength.STRONG, True
                    existing.matched_by = item.matched_by
                    record = existing
                else:
                    continue
            else:
                fields = dict(zip(renamed, values, strict=False))
                record = Record(result.source_id, step.title, fields, item.strength, item.matched_by)
                same[key] = record
                result.records.append(record)
            for kind, position in yielded:
                self._learn(kind, values[position], record.strength)

    def _learn(self, kind: str, raw: Any, found_by: Strength) -> None:
        """An identifier a record yields (a customer number, an e-mail): strong only when the
        record is and the kind is a strong one."""
        value = normalise_identifier(kind, raw)
        if value is None:
            return
        strong = found_by is Strength.STRONG and self._strength_of_kind.get(kind) == "strong"
        strength = Strength.STRONG if strong else Strength.WEAK
        known = self.known.setdefault(kind, {})
        if known.get(value) is not Strength.STRONG:
            if value in known and strength is Strength.STRONG:
                self._upgrade_strength(kind, value)
            known[value] = strength

    def _upgrade_strength(self, kind: str, value: str) -> None:
        """A value first found weakly and now strongly: searches made with it may run again."""
        for tried in self._tried.values():
            for entry in [t for t in tried if value in t[1]]:
                tried.discard(entry)

    def _abandon(self, source_id: str) -> None:
        try:
            self.sources.connector(source_id).interrupt()
        except Exception:  # noqa: BLE001 - best effort
            log.debug("interrupting %s failed", source_id)

    def _stop_all(self, running: dict[str, _Job], status: SourceStatus, message: str) -> None:
        for source_id in list(running):
            self._abandon(source_id)
            self._set(self.results[source_id], status, message)
        running.clear()
        for result in self.results.values():
            if result.status is SourceStatus.WAITING:
                self._set(result, status, message)

    def _finish_statuses(self) -> None:
        for source_id, result in self.results.items():
            self._record_ways(source_id, result)
            if result.status in (SourceStatus.RUNNING, SourceStatus.WAITING):
                if result.records:
                    self._set(result, SourceStatus.OK)
                elif source_id in self._started_at:
                    self._set(result, SourceStatus.NOTHING)
                else:
                    self._set(result, SourceStatus.NOT_SEARCHED, "not searched: no identifier it can use")

    def _record_ways(self, source_id: str, result: SourceResult) -> None:
        """Which identifier kinds the source was searched by, and which it could have been
        searched by but none was known. Kinds the source itself yields (a customer number
        leading on to invoices) are its own follow-ups, not ways in from outside."""
        source = self.config.source(source_id)
        if isinstance(source, ManualSource):
            return
        try:
            steps = self.sources.connector(source_id).steps()
        except SourceFailure:
            return
        ran = {index for index, _values in self._tried.get(source_id, ())}
        own = {kind for step in steps for kind in step.yields}
        searched = [kind for step in steps if step.index in ran for kind in step.identifier_kinds]
        missing = [
            kind
            for step in steps
            if step.index not in ran
            for kind in step.identifier_kinds
            if kind not in own and not self.known.get(kind)
        ]
        result.searched_by = tuple(dict.fromkeys(searched))
        result.not_searched_by = tuple(k for k in dict.fromkeys(missing) if k not in result.searched_by)

    def _set(self, result: SourceResult, status: SourceStatus, message: str = "") -> None:
        result.status = status
        result.waiting_for_service = False
        result.message = message
        self._progress(result)


def gather(
    sources: SourceSet,
    identifiers: dict[str, str],
    *,
    only: Iterable[str] | None = None,
    known: dict[str, dict[str, Strength]] | None = None,
    progress: ProgressCallback | None = None,
    given: Iterable[tuple[str, str]] = (),
) -> GatherResult:
    return GatherRun(sources, identifiers, only=only, known=known, progress=progress, given=given).run()


_TYPED = object()  # marks a key that holds the values' types as well
_TEXT = object()  # marks a key made of the values' text


def _same_type(a: object, b: object) -> bool:
    return type(a) is type(b)


def _yielded(step: Step, columns: tuple[str, ...]) -> list[tuple[str, int]]:
    """The identifier kinds a step yields, with the positions of their fields among `columns`."""
    return [(kind, columns.index(column)) for kind, column in step.yields.items() if column in columns]
