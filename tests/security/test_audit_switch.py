"""The audit has no off switch: what the chain vouches for is read from the chain, so clearing
the head's flag (or its list of kinds) neither switches the row checks off nor makes an edit
the new baseline at the next start; the case counters and each gather's per-system results are
vouched for too; an administrator's acceptance is the only way to record rows as they are."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core.requests import RequestType
from desktop.register.db import RegisterError, open_register
from desktop.services.cases import PersonInput, open_case
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.staff import sign_in
from desktop.services.visit import Visit
from tests.integration.services.helpers import cli


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = create_demo(tmp_path_factory.mktemp("audit"), people=40, seed=3).config_path
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        personnummer, name = db.execute("SELECT personnr, fornamn || ' ' || efternamn FROM kund").fetchone()
    with open_desk(config) as desk:
        person = PersonInput(personnummer, name, "passport", "SE", "AB123456", date.today() + timedelta(days=400))
        number = open_case(desk, person, [(RequestType.ACCESS, None)], staff_username="disk1").number
        Visit(desk, number, sign_in(desk, "disk1", "demo-disk1")).gather()
    return config


@pytest.fixture
def config(world: Path, tmp_path: Path) -> Path:
    shutil.copytree(world.parent, tmp_path / "org")
    return tmp_path / "org" / world.name


def _sql(config: Path, *statements: str) -> None:
    with sqlite3.connect(config.parent / "register.sqlite") as db:
        for statement in statements:
            db.execute(statement)


def _number(config: Path) -> str:
    with sqlite3.connect(config.parent / "register.sqlite") as db:
        return str(db.execute("SELECT number FROM cases").fetchone()[0])


def _verify(config: Path) -> tuple[int, str]:
    code, out, err = cli("--config", str(config), "audit", "verify")
    return code, out + err


def test_the_world_verifies(config: Path) -> None:
    code, said = _verify(config)
    assert code == 0, said


def test_clearing_the_flag_fails_verify_and_launders_nothing(config: Path) -> None:
    _sql(config, "UPDATE audit_head SET baselined = 0", "UPDATE cases SET status = 'closed'")
    code, said = _verify(config)
    assert code == 1 and "audit head was changed outside Insyn" in said
    # The next start refuses instead of recording the edited case as the new baseline …
    with pytest.raises(RegisterError, match="audit head was changed outside Insyn"):
        open_register(f"sqlite:///{config.parent / 'register.sqlite'}")
    code, _o, err = cli("case", "gather", _number(config), "--config", str(config), "--staff", "disk1",
                        stdin="demo-disk1\n")  # fmt: skip
    assert code == 2 and "audit head was changed outside Insyn" in err
    # … until an administrator, having looked, accepts the register as it is, with a reason.
    code, _o, err = cli("--config", str(config), "audit", "accept", "--admin", "disk1", "--reason",
                        "status set by the DBA by mistake", stdin="demo-disk1\n")  # fmt: skip
    assert code == 2 and "does not have the admin role" in err
    code, _out, err = cli("--config", str(config), "audit", "accept", "--admin", "admin", "--reason",
                         "status set by the DBA by mistake, ticket 4711", stdin="demo-admin\n")  # fmt: skip
    assert code == 0, err
    code, said = _verify(config)
    assert code == 0, said
    open_register(f"sqlite:///{config.parent / 'register.sqlite'}").dispose()
    with sqlite3.connect(config.parent / "register.sqlite") as db:
        (details,) = db.execute("SELECT details FROM audit_events WHERE action = 'audit.accepted'").fetchone()
    assert "ticket 4711" in details and "changed outside Insyn" in details


def test_an_edit_with_the_flag_cleared_is_still_named(config: Path) -> None:
    _sql(config, "UPDATE cases SET status = 'closed'", "UPDATE audit_head SET baselined = 0, covers = NULL")
    code, said = _verify(config)
    assert code == 1 and "changed outside Insyn" in said


def test_clearing_the_list_of_kinds_records_nothing_anew(config: Path) -> None:
    _sql(config, "UPDATE cases SET status = 'closed'", "UPDATE audit_head SET covers = NULL")
    open_register(f"sqlite:///{config.parent / 'register.sqlite'}").dispose()  # the start finds every kind covered
    code, said = _verify(config)
    assert code == 1 and f"case {_number(config)} was changed outside Insyn" in said


def test_a_gather_result_edited_in_the_database_is_named(config: Path) -> None:
    _sql(config, "UPDATE gather_source_results SET outcome = 'ok', message = NULL WHERE outcome <> 'ok'")
    _sql(config, "UPDATE gather_source_results SET record_count = record_count + 5")
    code, said = _verify(config)
    assert code == 1 and "a gather's result for one system" in said and "changed outside Insyn" in said


def test_a_reset_case_counter_is_named(config: Path) -> None:
    _sql(config, "UPDATE case_counters SET last_seq = 0")
    code, said = _verify(config)
    assert code == 1 and f"the case counter of {_number(config)[:4]} was changed outside Insyn" in said


def test_a_register_from_a_newer_version_says_so(config: Path) -> None:
    _sql(config, "UPDATE alembic_version SET version_num = '0042'")
    code, _o, err = cli("case", "gather", _number(config), "--config", str(config), "--staff", "disk1",
                        stdin="demo-disk1\n")  # fmt: skip
    assert code == 2, err
    assert "made by a newer version of Insyn" in err and "internal error" not in err
