from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select, text

from desktop.core.requests import CaseStatus, IllegalTransition, RequestType
from desktop.core.verification import Mandate, MandateType
from desktop.register import audit
from desktop.register.db import current_revision, head_revision, open_register
from desktop.register.models import POSTGRESQL_ONLY_INDEXES, AuditEvent, Base, Staff
from desktop.register.repository import (
    add_staff,
    case_by_number,
    change_status,
    create_case,
    extend_deadline,
)
from tests.conftest import make_check

RECEIVED = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)


def test_open_register_creates_the_schema_at_head(register_url: str) -> None:
    register = open_register(register_url)
    try:
        assert current_revision(register.engine) == head_revision()
    finally:
        register.dispose()
    again = open_register(register_url)  # a second start changes nothing
    assert current_revision(again.engine) == head_revision()
    again.dispose()


def _not_postgresql_only(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """PostgreSQL's trigram indexes are made by migration 0014, not by the models."""
    return not (type_ == "index" and name in POSTGRESQL_ONLY_INDEXES)


def test_models_and_migrations_agree(register_url: str) -> None:
    register = open_register(register_url)
    try:
        with register.engine.connect() as conn:
            options = {"compare_type": True, "compare_server_default": True, "include_object": _not_postgresql_only}
            context = MigrationContext.configure(conn, opts=options)
            assert compare_metadata(context, Base.metadata) == []
            if conn.dialect.name == "postgresql":
                indexes = {i["name"] for i in sa_inspect(conn).get_indexes("cases")}
                assert indexes >= POSTGRESQL_ONLY_INDEXES
    finally:
        register.dispose()


def test_a_case_is_stored_with_its_deadline_and_audited(register_url: str) -> None:
    register = open_register(register_url)
    try:
        with register.sessions.begin() as session:
            staff = add_staff(session, "desk1", "Desk One", ["reception"])
            case = create_case(
                session,
                subject=make_check(when=RECEIVED),
                requests=[
                    (RequestType.ACCESS, None),
                    (RequestType.OBJECTION_DIRECT_MARKETING, None),
                ],
                staff=staff,
                received_at=RECEIVED,
            )
            assert case.number == "2026-00001"
        with register.sessions() as session:
            case = case_by_number(session, "2026-00001")
            assert case.deadline == date(2026, 4, 7)  # DOMAIN.md's Easter example
            assert case.status == CaseStatus.IDENTITY_VERIFIED
            assert [r.type for r in case.requests] == ["access", "objection-marketing"]
            assert case.verifications[0].document_last4 == "5678"
            assert case.received_at == RECEIVED
            events = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars().all()
            assert [e.action for e in events] == [
                "staff.created",
                "case.opened",
                "identity.verified",
            ]
            for event in events:
                assert "9876" not in event.details and "Andersson" not in event.details
            assert audit.verify_chain(session).intact
    finally:
        register.dispose()


def test_representative_and_status_changes(register_url: str) -> None:
    register = open_register(register_url)
    try:
        with register.sessions.begin() as session:
            staff = add_staff(session, "desk1", "Desk One", ["reception"])
            case = create_case(
                session,
                subject=make_check("701063-2391", "Kim Berg", when=RECEIVED),
                requests=[(RequestType.ACCESS, None)],
                staff=staff,
                received_at=RECEIVED,
                representative=(
                    make_check("640823-3234", "Lena Berg", when=RECEIVED),
                    Mandate(MandateType.POWER_OF_ATTORNEY, date(2026, 3, 1), "Kim Berg", "registerutdrag"),
                ),
            )
            change_status(session, case, CaseStatus.GATHERING, staff=staff)
            with pytest.raises(IllegalTransition):
                change_status(session, case, CaseStatus.DELIVERED, staff=staff)
            change_status(session, case, CaseStatus.REJECTED, staff=staff, reason="Återkallad fullmakt")
            extended = None
            with pytest.raises(ValueError):
                extended = extend_deadline(session, case, reason="Komplext", staff=staff)
            assert extended is None
        with register.sessions() as session:
            case = case_by_number(session, "2026-00001")
            assert case.status == "rejected"
            assert case.representatives[0].mandate_type == "power-of-attorney"
            assert case.representatives[0].verification.role == "representative"
            assert audit.verify_chain(session).events == 5
    finally:
        register.dispose()


def test_extension_within_the_first_month(sqlite_url: str) -> None:
    register = open_register(sqlite_url)
    with register.sessions.begin() as session:
        staff = add_staff(session, "desk1", "Desk One", ["reception"])
        case = create_case(
            session,
            subject=make_check(when=datetime(2028, 1, 31, 10, tzinfo=UTC)),
            requests=[(RequestType.ACCESS, None)],
            staff=staff,
            received_at=datetime(2028, 1, 31, 10, tzinfo=UTC),
        )
        assert case.deadline == date(2028, 2, 29)
        with pytest.raises(ValueError, match="first month has passed"):
            extend_deadline(session, case, reason="Många system", staff=staff, today=date(2028, 3, 1))
        new = extend_deadline(session, case, reason="Många system", staff=staff, today=date(2028, 2, 10))
        assert new == date(2028, 5, 2)
    register.dispose()


def test_case_numbers_restart_each_year(sqlite_url: str) -> None:
    register = open_register(sqlite_url)
    with register.sessions.begin() as session:
        staff = add_staff(session, "desk1", "Desk One", ["reception"])
        numbers = []
        # 23:30 UTC on 31 December is already the new year in Stockholm.
        moments = [
            datetime(2026, 12, 31, 12, tzinfo=UTC),
            datetime(2026, 12, 31, 23, 30, tzinfo=UTC),
            datetime(2027, 1, 2, 9, tzinfo=UTC),
        ]
        for when in moments:
            case = create_case(
                session,
                subject=make_check(when=when),
                requests=[(RequestType.ACCESS, None)],
                staff=staff,
                received_at=when,
            )
            numbers.append(case.number)
    assert numbers == ["2026-00001", "2027-00001", "2027-00002"]
    register.dispose()


def test_audit_refuses_personal_data(sqlite_url: str) -> None:
    register = open_register(sqlite_url)
    with register.sessions() as session:
        with pytest.raises(audit.PersonalDataInAudit):
            audit.append(session, "x", details={"note": "pnr 19811218-9876"})
        with pytest.raises(audit.PersonalDataInAudit):
            audit.append(session, "x", details={"who": ["anna@example.se"]})
    register.dispose()


def test_an_event_is_written_by_its_commit_with_the_rows_as_the_transaction_leaves_them(register_url: str) -> None:
    """The chain's head is locked at the commit, not at the first append; a transaction that
    rolls back (or is never committed) leaves no event, and no event is queued in a savepoint."""
    register = open_register(register_url)
    try:
        with register.sessions.begin() as session:
            staff_id = add_staff(session, "desk1", "Desk One", ["reception"]).id
            assert session.execute(select(AuditEvent)).first() is None  # queued, not written yet
        with register.sessions() as session:
            staff = session.get(Staff, staff_id)
            staff.display_name = "Changed Later"
            audit.append(session, "test.rolled_back", rows=(staff,))
            session.rollback()
            audit.append(session, "test.never_committed")
        with register.sessions.begin() as session:
            staff = session.get(Staff, staff_id)
            audit.append(session, "test.changed", staff_id=staff_id, rows=(staff,))
            staff.display_name = "Desk One Renamed"  # after the append: the event vouches for this
            with session.begin_nested(), pytest.raises(RuntimeError, match="outside savepoints"):
                audit.append(session, "test.in_savepoint")
        with register.sessions() as session:
            actions = session.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars().all()
            assert actions == ["staff.created", "test.changed"]
            assert audit.verify_chain(session).intact
    finally:
        register.dispose()


def test_upgrade_from_the_first_migration_keeps_the_data(sqlite_url: str) -> None:
    from desktop.register.db import create_register_engine, upgrade

    engine = create_register_engine(sqlite_url)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO staff (id, username, display_name, roles, active, created_at) "
            "VALUES (1, 'desk1', 'Desk One', 'reception', 1, '2026-01-02 08:00:00')"
        ))  # fmt: skip
        conn.execute(text(
            "INSERT INTO cases (id, number, year, seq, status, received_at, received_on, deadline, "
            "subject_name, subject_personnummer, language, created_by_id, updated_at) VALUES "
            "(1, '2026-00007', 2026, 7, 'review', '2026-01-02 08:00:00', '2026-01-02', "
            "'2026-02-02', 'Anna Andersson', '19811218-9876', 'sv', 1, '2026-01-02 08:00:00')"
        ))  # fmt: skip
        conn.execute(text("INSERT INTO case_counters (year, last_seq) VALUES (2026, 7)"))
    engine.dispose()

    register = open_register(sqlite_url)
    assert current_revision(register.engine) == head_revision()
    with register.sessions.begin() as session:
        case = case_by_number(session, "2026-00007")
        assert case.subject_name == "Anna Andersson"
        assert case.gather_runs == []
        staff = add_staff(session, "desk2", "Desk Two", ["reception"])
        new = create_case(session, subject=make_check(), requests=[(RequestType.ACCESS, None)],
                          staff=staff, received_at=RECEIVED)  # fmt: skip
        assert new.number == "2026-00008"  # the counter carried over from the old schema
    register.dispose()
