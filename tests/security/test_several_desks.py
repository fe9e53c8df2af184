"""Several desks on one PostgreSQL register: simultaneous first starts, a desk stalled while
holding the audit chain, and the register lost in the middle of a gather."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from desktop.core.requests import RequestType
from desktop.register import audit
from desktop.register.db import current_revision, head_revision, open_register
from desktop.register.models import GatherRun, utcnow
from desktop.register.repository import mark_interrupted_gathers
from desktop.services.cases import PersonInput, open_case
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.gathering import CaseGather, RegisterLost

pytestmark = pytest.mark.postgres


def test_eight_desks_starting_at_once_on_an_empty_register_all_start(postgres_url: str) -> None:
    barrier = threading.Barrier(8)
    outcomes: list[object] = []

    def start() -> None:
        barrier.wait()
        try:
            register = open_register(postgres_url)
            register.dispose()
            outcomes.append("ok")
        except Exception as exc:  # noqa: BLE001 - collected and shown by the assertion
            outcomes.append(exc)

    threads = [threading.Thread(target=start) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert outcomes == ["ok"] * 8
    engine = create_engine(postgres_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_stalled_desk_holding_the_audit_chain_makes_the_others_give_up_clearly(
    postgres_url: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(audit, "HEAD_LOCK_TIMEOUT_MS", 500)
    stalled = open_register(postgres_url)
    other = open_register(postgres_url)
    with stalled.sessions.begin() as holding:
        audit.lock_register(holding)  # a desk stalled in its commit: the head's lock held until this block ends
        with (
            pytest.raises(audit.RegisterBusy, match="another desk is holding the case register"),
            other.sessions.begin() as session,
        ):
            audit.append(session, "test.waiting")
    with other.sessions.begin() as session:  # once the stalled desk lets go, the next append works
        audit.append(session, "test.after")
    with other.sessions() as session:
        assert audit.verify_chain(session).intact
    stalled.dispose()
    other.dispose()


def test_a_desk_busy_after_its_first_event_does_not_hold_the_others_up(postgres_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The head is locked by the commit: a transaction that goes on working after it appended an
    event (a visit's step doing its reads and writes) lets another desk's events through."""
    monkeypatch.setattr(audit, "HEAD_LOCK_TIMEOUT_MS", 500)
    busy = open_register(postgres_url)
    other = open_register(postgres_url)
    with busy.sessions.begin() as working:
        audit.append(working, "test.first")
        with other.sessions.begin() as session:
            audit.append(session, "test.other")  # would give up after 0.5 s if the head were held
    with other.sessions() as session:
        actions = session.execute(select(audit.AuditEvent.action).order_by(audit.AuditEvent.seq)).scalars().all()
        assert actions[-2:] == ["test.other", "test.first"]
        assert audit.verify_chain(session).intact
    busy.dispose()
    other.dispose()


def test_a_register_lost_mid_gather_is_said_clearly_and_the_run_marked_interrupted(
    tmp_path: Path, postgres_url: str
) -> None:
    demo = create_demo(tmp_path / "demo", people=100, seed=4)
    example = demo.examples[2]
    desk = open_desk(demo.config_path, register_url=postgres_url)
    from desktop.services.staff import create_account

    create_account(desk, "it", "IT", ["admin", "reception"], "it-admin-secret", by=None)
    person = PersonInput(
        example.personnummer, example.name, "passport", "SE", "AB123456", date.today() + timedelta(days=99)
    )
    number = open_case(desk, person, [(RequestType.ACCESS, None)], staff_username="it").number
    gather = CaseGather(desk, number, staff_username="it")  # the run is registered …
    url = make_url(postgres_url)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    lost = f"{url.database}_lost"
    with admin.connect() as conn:  # … and the register goes away while the sources are asked
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"), {"d": url.database}
        )
        conn.execute(text(f"ALTER DATABASE {url.database} RENAME TO {lost}"))
    try:
        with pytest.raises(RegisterLost, match="stopped answering during the gather"):
            gather.run()
    finally:
        desk.register.dispose()
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"), {"d": lost})
            conn.execute(text(f"ALTER DATABASE {lost} RENAME TO {url.database}"))
        admin.dispose()
    desk.close()
    register = open_register(postgres_url)
    with register.sessions.begin() as session:
        assert session.execute(select(GatherRun.status)).scalar_one() == "running"
        assert mark_interrupted_gathers(session, now=utcnow() + timedelta(hours=2)) == 1  # found at a later start
        assert session.execute(select(GatherRun.status)).scalar_one() == "interrupted"
    register.dispose()


def test_two_desks_registering_the_same_visitor_at_once_give_one_open_case(
    tmp_path: Path, postgres_url: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Two real PostgreSQL connections, each desk its own engine; the insert is slowed so that,
    without a lock between the check and the insert, both desks would pass the check."""
    import time

    from desktop.services import cases
    from desktop.services.staff import create_account

    demo = create_demo(tmp_path / "demo", people=40, seed=6)
    example = demo.examples[0]
    desks = [open_desk(demo.config_path, register_url=postgres_url) for _ in range(2)]
    create_account(desks[0], "it", "IT", ["admin", "reception"], "it-admin-secret", by=None)
    real_create = cases.create_case

    def slow_create(session, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(1.0)
        return real_create(session, **kwargs)

    monkeypatch.setattr(cases, "create_case", slow_create)
    person = PersonInput(
        example.personnummer, example.name, "passport", "SE", "AB123456", date.today() + timedelta(days=99)
    )
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def register(desk) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        try:
            outcomes.append(open_case(desk, person, [(RequestType.ACCESS, None)], staff_username="it").number)
        except Exception as exc:  # noqa: BLE001 - collected and shown by the assertion
            outcomes.append(exc)

    threads = [threading.Thread(target=register, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for desk in desks:
        desk.close()
    numbers = [o for o in outcomes if isinstance(o, str)]
    refused = [o for o in outcomes if not isinstance(o, str)]
    assert len(numbers) == 1 and len(refused) == 1, outcomes
    assert getattr(refused[0], "code", "") == "open_case" and numbers[0] in str(refused[0])
