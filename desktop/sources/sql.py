"""SQL sources: any SQLAlchemy URL, parameterised SELECTs only, in read-only sessions.

The configuration has already refused anything but a single SELECT; here every connection is
also made read-only by the database itself where it can be (PostgreSQL, MariaDB/MySQL, SQLite),
and given a statement timeout, so that a query can neither change data nor run forever.
Identifiers travel as bound parameters, never inside the SQL text.
"""

from __future__ import annotations

import functools
import itertools
import logging
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, TextClause, create_engine, event, text
from sqlalchemy.engine import Compiled, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool, QueuePool

from desktop.config import SqlSource
from desktop.sources.base import (
    PLAIN_TYPES,
    Notify,
    SourceFailure,
    Step,
    StepOutput,
    parameter_value,
    plain_value,
)
from desktop.sources.secrets import get_secret

log = logging.getLogger(__name__)


class SqlConnector:
    def __init__(self, source: SqlSource, *, timeout: float, max_rows: int) -> None:
        self.source = source
        self.source_id = source.id
        self.timeout = timeout
        self.max_rows = max_rows
        self._engine: Engine | None = None
        self._active: set[Any] = set()
        self._lock = threading.Lock()
        self._statements = [text(q.sql) for q in source.queries]
        self._compiled_cache: dict[int, Compiled] = {}
        self._steps = [
            Step(index=i, title=q.title, parameters=q.parameters, yields=dict(q.yields), labels=dict(q.labels))
            for i, q in enumerate(source.queries)
        ]

    def steps(self) -> list[Step]:
        return self._steps

    def _make_engine(self) -> Engine:
        url = make_url(self.source.url)
        backend = url.get_backend_name()
        if url.username and backend != "sqlite":
            # No stored secret is fine where the database trusts the machine (peer, Kerberos).
            secret = get_secret(self.source_id)
            if secret:
                url = url.set(password=secret)
        connect_args: dict[str, Any] = {}
        seconds = max(1, int(self.timeout))
        if backend == "sqlite":
            if not url.database or not Path(url.database).is_file():
                raise SourceFailure("the database file does not exist")
            connect_args = {"timeout": self.timeout, "check_same_thread": False}
        elif backend == "postgresql":
            connect_args = {"connect_timeout": seconds}
        elif backend in ("mysql", "mariadb"):
            connect_args = {"connect_timeout": seconds, "read_timeout": seconds}
        try:
            engine = create_engine(
                url,
                connect_args=connect_args,
                poolclass=QueuePool,
                pool_size=2,
                pool_pre_ping=backend != "sqlite",  # a file cannot drop the connection
            )
        except (ImportError, SQLAlchemyError) as exc:
            raise SourceFailure(f"no database driver for this source ({type(exc).__name__})") from None
        _make_read_only(engine, backend, int(self.timeout * 1000))
        return engine

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._make_engine()
        return self._engine

    def _compiled(self, index: int) -> Compiled:
        """The statement in the driver's own parameter style, compiled once per query."""
        with self._lock:
            compiled = self._compiled_cache.get(index)
            if compiled is None:
                compiled = self._statements[index].compile(dialect=self.engine.dialect)
                self._compiled_cache[index] = compiled
            return compiled

    def run(
        self, step: Step, params: dict[str, str], cancel: threading.Event, notify: Notify | None = None
    ) -> StepOutput:
        """Run one query on a pooled connection straight through the driver.

        SQLAlchemy compiles the statement (parameter style, escaping) once; executing on the
        DB-API cursor keeps the per-query cost close to the driver's own.
        """
        compiled = self._compiled(step.index)
        bound: Any = compiled.construct_params({p: parameter_value(p, params[p]) for p in step.parameters})
        sql_compiled: Any = compiled  # SQLCompiler: positiontup and positional are not on Compiled's type
        positions = sql_compiled.positiontup or ()
        arguments: Any = tuple(bound[name] for name in positions) if sql_compiled.positional else bound
        try:
            connection = self.engine.raw_connection()
        except DBAPIError as exc:
            raise SourceFailure(_describe(exc)) from None
        except SQLAlchemyError as exc:
            raise SourceFailure(f"cannot reach the database ({type(exc).__name__})") from None
        raw = connection.dbapi_connection
        with self._lock:
            self._active.add(raw)
        try:
            cursor = connection.cursor()
            cursor.execute(compiled.string, arguments)
            columns = [d[0] for d in cursor.description or ()]
            rows = cursor.fetchmany(self.max_rows + 1)
            cursor.close()
            connection.rollback()
        except self.engine.dialect.loaded_dbapi.Error as exc:
            _discard_quietly(connection)
            if cancel.is_set():
                raise SourceFailure("cancelled") from None
            raise SourceFailure(_describe_driver_error(exc)) from None
        finally:
            with self._lock:
                self._active.discard(raw)
            connection.close()
        truncated = len(rows) > self.max_rows
        table: list[tuple[Any, ...]] = list(rows[: self.max_rows])  # some drivers give a tuple of rows
        if table and type(table[0]) is not tuple:
            table = [tuple(row) for row in table]  # a driver's own row type
        if not PLAIN_TYPES.issuperset(map(type, itertools.chain.from_iterable(table))):
            table = [tuple(map(plain_value, row)) for row in table]  # rare: bytes, UUIDs, intervals
        return StepOutput(truncated=truncated, columns=tuple(columns), table=table)

    def first_row(self, sql: str, params: dict[str, str]) -> dict[str, Any]:
        """One read statement's first row (a hold's count), on the read-only account; {} if none."""
        return self.first_rows([(sql, params)])[0]

    def first_rows(self, queries: list[tuple[str, dict[str, str]]]) -> list[dict[str, Any]]:
        """Each read statement's first row ({} if none), on one connection of the read-only
        account (a system's holds, counted together)."""
        found: list[dict[str, Any]] = []
        try:
            with self.engine.connect() as connection:
                for sql, params in queries:
                    row = connection.execute(_statement(sql), params).mappings().first()
                    found.append({str(k): plain_value(v) for k, v in row.items()} if row is not None else {})
                connection.rollback()
        except DBAPIError as exc:
            raise SourceFailure(_describe(exc)) from None
        except SQLAlchemyError as exc:
            raise SourceFailure(f"cannot reach the database ({type(exc).__name__})") from None
        return found

    def interrupt(self) -> None:
        """Stop running statements where the driver can (SQLite, PostgreSQL)."""
        with self._lock:
            active = list(self._active)
        for raw in active:
            for method in ("interrupt", "cancel_safe", "cancel"):
                stop = getattr(raw, method, None)
                if stop is not None:
                    try:
                        stop()
                    except Exception:  # noqa: BLE001 - best effort on a connection being torn down
                        log.debug("interrupt of a %s connection failed", self.source_id)
                    break

    def check(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except DBAPIError as exc:
            raise SourceFailure(_describe(exc)) from None

    def write_access(self) -> str:
        """What the source's account could change, for `config check` to warn about ('' when it
        can only read): every source should have a SELECT-only account."""
        backend = self.engine.dialect.name
        try:
            with self.engine.connect() as conn:
                if backend == "postgresql":
                    if conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
                        return "the account is a superuser"
                    writable = []
                    for table in self._tables():
                        can = conn.execute(
                            text("SELECT has_table_privilege(current_user, to_regclass(:t), 'INSERT,UPDATE,DELETE')"),
                            {"t": table},
                        ).scalar()
                        if can:
                            writable.append(table)
                    return f"the account can change {', '.join(writable)}" if writable else ""
                if backend in ("mysql", "mariadb"):
                    grants = [str(row[0]).upper() for row in conn.execute(text("SHOW GRANTS"))]
                    rights = {
                        right.strip()
                        for grant in grants
                        for right in grant.removeprefix("GRANT ").split(" ON ")[0].split(",")
                    }
                    extra = sorted(rights - {"SELECT", "USAGE", "SHOW VIEW"})
                    return f"the account holds {', '.join(extra)}" if extra else ""
        except DBAPIError:
            return ""  # check() reports an unreachable database
        return ""

    def _tables(self) -> list[str]:
        from desktop.sql_guard import check_query, dialect_of

        dialect = dialect_of(self.engine.dialect.name) or "postgres"
        return sorted({table for query in self.source.queries for table in check_query(query.sql, dialect)})

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


WRITE_SECRET_SUFFIX = ":write"  # the keyring entry of the account actions run as


class SqlWriter:
    """A source's actions, on their own account (keyring `SOURCE:write`): the read account's
    password is never used to write. Each call is one transaction; `commit=False` rolls it back
    after counting the rows (the preview)."""

    def __init__(self, source: SqlSource, *, timeout: float) -> None:
        self.source = source
        self.timeout = timeout
        self._cached: tuple[str | None, Engine] | None = None  # (the write secret it was made with, engine)
        self._lock = threading.Lock()

    def _engine(self) -> Engine:
        """The write account's engine, kept while its secret stays the same (a new secret in the
        keyring takes effect at the next call). No pool: no connection stays open between
        requests."""
        url = make_url(self.source.url)
        backend = url.get_backend_name()
        secret = None if backend == "sqlite" else get_secret(self.source.id + WRITE_SECRET_SUFFIX)
        with self._lock:
            if self._cached is not None and self._cached[0] == secret:
                if backend == "sqlite" and not Path(url.database or "").is_file():
                    raise SourceFailure("the database file does not exist")
                return self._cached[1]
            engine = self._make_engine(url, backend, secret)
            if self._cached is not None:
                self._cached[1].dispose()
            self._cached = (secret, engine)
            return engine

    def _make_engine(self, url: Any, backend: str, secret: str | None) -> Engine:
        if backend == "sqlite":
            if not url.database or not Path(url.database).is_file():
                raise SourceFailure("the database file does not exist")
            return create_engine(url, connect_args={"timeout": self.timeout}, poolclass=NullPool)
        user = self.source.write_user or url.username
        url = url.set(username=user, password=secret or None)
        seconds = max(1, int(self.timeout))
        args: dict[str, Any] = {"connect_timeout": seconds}
        if backend in ("mysql", "mariadb"):
            args["read_timeout"] = seconds
        try:
            return create_engine(url, connect_args=args, poolclass=NullPool)
        except (ImportError, SQLAlchemyError) as exc:
            raise SourceFailure(f"no database driver for this source ({type(exc).__name__})") from None

    def close(self) -> None:
        with self._lock:
            cached, self._cached = self._cached, None
        if cached is not None:
            cached[1].dispose()

    def run(self, sql: str, rows_of: list[dict[str, str]], *, commit: bool, expect: int | None = None) -> int:
        """The statement once per set of identifiers, in one transaction; the rows it touched.
        With `expect` (the approved preview's count), a different count rolls the transaction
        back and raises Changed: what runs is exactly what was approved."""
        return self.run_all([(sql, rows_of, expect)], commit=commit)[0]

    def run_all(self, statements: list[tuple[str, list[dict[str, str]], int | None]], *, commit: bool) -> list[int]:
        """Several statements (each once per set of identifiers) in one transaction: a system's
        actions for a request stand or fall together. Each one's rows; where one fails or
        touches other than its `expect`, all are rolled back and the failure (Changed, or
        SourceFailure) names which one in `index`."""
        engine = self._engine()
        counts: list[int] = []
        try:
            with engine.connect() as connection:
                transaction = connection.begin()
                try:
                    for sql, rows_of, expect in statements:
                        statement = _statement(sql)
                        touched = 0
                        for params in rows_of:
                            touched += max(0, connection.execute(statement, params).rowcount or 0)
                        if expect is not None and touched != expect:
                            raise Changed(expect, touched, index=len(counts))
                        counts.append(touched)
                except BaseException:
                    transaction.rollback()
                    raise
                if commit:
                    transaction.commit()
                else:
                    transaction.rollback()
        except DBAPIError as exc:
            failure = SourceFailure(_describe(exc))
            failure.index = len(counts) if len(counts) < len(statements) else None
            raise failure from None
        return counts


@functools.lru_cache(maxsize=512)
def _statement(sql: str) -> TextClause:
    """An action's or a hold's statement, parsed for its :parameters once (a TextClause is
    immutable, so the same one serves every preview and run)."""
    return text(sql)


class Changed(SourceFailure):
    """The system changed between the approved preview and the run: nothing was changed."""

    def __init__(self, approved: int, now: int, *, index: int | None = None) -> None:
        super().__init__(f"changed since the preview ({approved} rows then, {now} now): preview and approve again")
        self.approved, self.now, self.index = approved, now, index


def _make_read_only(engine: Engine, backend: str, timeout_ms: int) -> None:
    statements: list[str] = []
    if backend == "sqlite":
        statements = ["PRAGMA query_only = ON"]
    elif backend == "postgresql":
        statements = [
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
            f"SET statement_timeout = {timeout_ms}",
        ]
    elif backend in ("mysql", "mariadb"):
        statements = ["SET SESSION TRANSACTION READ ONLY"]

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        for statement in statements:
            cursor.execute(statement)
        if backend in ("mysql", "mariadb"):
            try:  # MariaDB counts seconds, MySQL milliseconds
                cursor.execute(f"SET SESSION max_statement_time = {timeout_ms / 1000:.3f}")
            except Exception:  # noqa: BLE001
                cursor.execute(f"SET SESSION max_execution_time = {timeout_ms}")
        cursor.close()
        if backend == "postgresql":
            dbapi_connection.commit()

    if backend == "postgresql":

        @event.listens_for(engine, "checkin")
        def _on_checkin(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            # Session-level advisory locks survive the pool's rollback: none may stay held by a
            # pooled connection (the query check refuses lock functions; this is the second wall).
            if dbapi_connection is None:
                return
            try:
                cursor = dbapi_connection.cursor()
                cursor.execute("SELECT pg_advisory_unlock_all()")
                cursor.close()
                dbapi_connection.rollback()
            except Exception:  # noqa: BLE001 - a broken connection is discarded by the pool anyway
                log.debug("releasing advisory locks on a %s connection failed", backend)


def _discard_quietly(connection: Any) -> None:
    try:
        connection.invalidate()
    except Exception:  # noqa: BLE001 - the connection may already be gone
        log.debug("invalidating a broken source connection failed")


def _describe(exc: DBAPIError) -> str:
    """A reason for staff and IT without the statement or its parameters."""
    if exc.orig is not None:
        return _describe_driver_error(exc.orig, invalidated=exc.connection_invalidated)
    return f"the database refused the query ({type(exc).__name__})"


def _describe_driver_error(original: BaseException, *, invalidated: bool = False) -> str:
    name = type(original).__name__
    said = (str(original).splitlines() or [""])[0].lower()
    if any(w in said for w in ("timeout", "canceling statement", "max_statement_time")):
        return "the query took too long and was stopped"
    if "interrupted" in said:
        return "the query was interrupted"
    if any(
        w in said
        for w in (
            "no such table",
            "no such column",
            "does not exist",
            "unknown column",
            "doesn't exist",
            "undefined",
        )
    ):
        return "the query does not fit the database (check table and column names)"
    if any(w in said for w in ("password authentication", "access denied", "authentication failed")):
        return "the database refused the login: store the password with `insyn secrets set`"
    if "read-only" in said or "read only" in said or "readonly" in said:
        return "the database refused a change: source queries may only read"
    if invalidated or name in ("OperationalError", "InterfaceError"):
        return f"cannot reach the database ({name})"
    return f"the database refused the query ({name})"
