"""Shared fixtures: temporary registers on SQLite and, when a server is named, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.documents import IdentityDocument
from desktop.core.identity import parse_personnummer
from desktop.core.verification import PersonCheck, check_person


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never write logs or registers into the developer's own folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("INSYN_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("INSYN_REGISTER_URL", raising=False)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[object]:
    """Every test gets a fresh in-memory keyring instead of the machine's."""
    import keyring

    from tests.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'register.sqlite'}"


def _server_database(env_name: str, label: str) -> Iterator[str]:
    """A fresh, empty database on the server named by `env_name`, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = os.environ.get(env_name)
    if not base:
        pytest.skip(f"{label} tests skipped: {env_name} is not set")
    name = f"insyn_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            force = " WITH (FORCE)" if admin.dialect.name == "postgresql" else ""
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}{force}"))
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from _server_database("INSYN_TEST_POSTGRES_URL", "PostgreSQL")


@pytest.fixture
def mariadb_url() -> Iterator[str]:
    yield from _server_database("INSYN_TEST_MARIADB_URL", "MariaDB")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def register_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


def make_check(
    personnummer: str = "811218-9876",
    name: str = "Anna Andersson",
    *,
    when: datetime | None = None,
) -> PersonCheck:
    when = when or datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    document = IdentityDocument.create("national-id", "SE", date(2030, 1, 1), "AB12345678")
    return check_person(
        personnummer=parse_personnummer(personnummer, today=when.date()),
        name=name,
        document=document,
        checked_by="desk1",
        checked_at=when,
    )
