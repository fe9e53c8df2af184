"""Opening the register: the engine for its URL, and the migrations applied at every start.

SQLite (one desk) lives in the platform's user data folder; PostgreSQL serves several desks.
An older register is upgraded in place by Alembic, never recreated.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


class RegisterError(RuntimeError):
    """The register cannot be opened or upgraded; the message is fit for IT to read."""


def default_register_url() -> str:
    folder = Path(platformdirs.user_data_dir("Insyn", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return f"sqlite:///{folder / 'register.sqlite'}"


def create_register_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise RegisterError("the register URL is not a valid database URL") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _private_file(Path(parsed.database))
        engine = create_engine(parsed, connect_args={"timeout": 30})
        _make_sqlite_serialise_writers(engine)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise RegisterError(f"no driver for the register's database: {exc}") from None


def _private_file(path: Path) -> None:
    """The register holds personnummer: its file is its owner's alone (SQLite gives the -wal and
    -shm files the same mode). On Windows the user's profile folder does this."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "posix":
        return
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)
    except OSError:
        pass  # SQLite reports what is wrong when it opens the file


def _make_sqlite_serialise_writers(engine: Engine) -> None:
    """WAL, foreign keys, and BEGIN IMMEDIATE so that two desks never deadlock on upgrade.

    pysqlite's own transaction handling is switched off (SQLAlchemy's documented recipe) so
    that SQLAlchemy's BEGIN is the one that runs.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA secure_delete=ON")  # what is removed is overwritten, not left in free pages
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revision(revision: str) -> bool:
    """Whether this version's migrations know the revision (a newer program's register does not)."""
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


MIGRATION_LOCK = 0x1A5E_0001  # the advisory lock desks take while one of them upgrades PostgreSQL


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the register's schema to `revision`, in one transaction where the database can.

    Desks starting at the same moment take turns: PostgreSQL under a transaction-level advisory
    lock (the next desk then finds the schema current and does nothing), SQLite under its write
    lock (BEGIN IMMEDIATE)."""
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


@dataclass
class Register:
    engine: Engine
    sessions: sessionmaker[Session]

    def dispose(self) -> None:
        self.engine.dispose()

    def compact(self) -> None:
        """After personal data was removed: leave no old copy of it in the database's files.
        SQLite is rebuilt (VACUUM) and its write-ahead log emptied; PostgreSQL's and MariaDB's
        own maintenance reclaims old row versions (the IT guide says how)."""
        if self.engine.dialect.name != "sqlite":
            return
        # On the driver's own connection (in autocommit: see _on_connect): SQLAlchemy would begin
        # a transaction, and VACUUM cannot run inside one.
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()


def open_register(
    url: str | None = None, *, migrate: bool = True, audit_key: bytes | None = None, baseline: bool = True
) -> Register:
    """Open (and by default upgrade) the register at `url`, or the default SQLite file.

    `audit_key` is the organisation's audit key, where this desk has it: the chain's hashes are
    then keyed (see audit.py). `baseline=False` skips the start's audit baseline (and its refusal
    of a changed head): only for the administrator's audit commands, which must open it to look."""
    engine = create_register_engine(url or default_register_url())
    if migrate:
        try:
            before = current_revision(engine)
            if before is not None and not known_revision(before):
                engine.dispose()
                raise RegisterError(
                    f"the register was made by a newer version of Insyn (its schema is {before}; this version "
                    f"knows up to {head_revision()}): install that version or a later one on this desk"
                )
            if before != head_revision():
                log.info("upgrading register schema from %s to %s", before, head_revision())
                upgrade(engine)
        except OperationalError as exc:
            engine.dispose()
            raise RegisterError(f"cannot reach the register's database ({type(exc.orig).__name__})") from None
        except SQLAlchemyError as exc:
            engine.dispose()
            raise RegisterError(f"cannot upgrade the register: {type(exc).__name__}") from None
    from desktop.register.audit import KEY_INFO, HeadTampered, ensure_baseline
    from desktop.register.repository import mark_interrupted_gathers

    sessions = sessionmaker(engine, expire_on_commit=False, info={KEY_INFO: audit_key or b""})
    if migrate:
        try:
            with sessions.begin() as session:
                if baseline:
                    ensure_baseline(session)
                mark_interrupted_gathers(session)
        except HeadTampered as exc:
            engine.dispose()
            raise RegisterError(str(exc)) from None
        except OperationalError as exc:
            engine.dispose()
            raise RegisterError(f"cannot reach the register's database ({type(exc.orig).__name__})") from None
    return Register(engine, sessions)
