"""Roles are enforced below the window (issue 21): reception opens, gathers, reviews and hands
over; the approver approves; the administrator manages staff, the policy, the audit chain, the
purge and the yearly report. Each rule through the services and the command line; the window's
side is in tests/gui/test_roles.py."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core.requests import RequestType
from desktop.services.annual import annual_report
from desktop.services.auditing import accept_changes, seal_chain
from desktop.services.cases import PersonInput, open_case
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.policy import set_policy
from desktop.services.retention import purge_ended_cases
from desktop.services.staff import NotAllowed, create_account, sign_in
from desktop.services.visit import Action, Visit
from tests.integration.services.helpers import cli, copy_org

PASSWORDS = {"disk1": "demo-disk1", "granskare": "demo-granskare", "admin": "demo-admin"}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo(tmp_path_factory.mktemp("roles"), people=20, seed=4).config_path


@pytest.fixture
def config(world: Path, tmp_path: Path) -> Path:
    return copy_org(world, tmp_path)


def _visitor(config: Path) -> PersonInput:
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        personnummer, name = db.execute("SELECT personnr, fornamn || ' ' || efternamn FROM kund").fetchone()
    return PersonInput(personnummer, name, "passport", "SE", "AB1234", date.today() + timedelta(days=400))


def _visitor_file(config: Path) -> Path:
    person = _visitor(config)
    path = config.parent / "visitor.json"
    path.write_text(f'{{"personnummer": "{person.personnummer}", "name": "{person.name}", '
                    f'"document": "passport:SE:1234:2031-01-01"}}', encoding="utf-8")  # fmt: skip
    return path


def test_only_reception_opens_a_case(config: Path) -> None:
    with open_desk(config) as desk:
        for username in ("admin",):
            with pytest.raises(NotAllowed) as refused:
                open_case(desk, _visitor(config), [(RequestType.ACCESS, None)], staff_username=username)
            assert refused.value.code == "role.reception"
        approver_only = create_account(desk, "bara-granskare", "Granskare utan disk", ["approver"], "granska-123",
                                       by=sign_in(desk, "admin", "demo-admin"))  # fmt: skip
        assert approver_only
        with pytest.raises(NotAllowed):
            open_case(desk, _visitor(config), [(RequestType.ACCESS, None)], staff_username="bara-granskare")
    code, out, err = cli("case", "open", "--config", str(config), "--visitor", str(_visitor_file(config)),
                         "--request", "access", "--staff", "admin", stdin="demo-admin\n")  # fmt: skip
    assert code == 2 and out == "" and "'admin' does not have the reception role" in err
    with sqlite3.connect(config.parent / "register.sqlite") as db:
        assert db.execute("SELECT count(*) FROM cases").fetchone() == (0,)


def test_an_administrator_can_look_at_a_case_but_not_work_it(config: Path, tmp_path: Path) -> None:
    with open_desk(config) as desk:
        number = open_case(desk, _visitor(config), [(RequestType.ACCESS, None)], staff_username="disk1").number
        admin = Visit(desk, number, sign_in(desk, "admin", "demo-admin"))
        assert admin.file.number == number  # the case file can be read …
        assert admin.allowed_actions() == frozenset()  # … nothing can be done with it
        for attempt in (admin.gather, admin.receipt, lambda: admin.extend("Många system"),
                        lambda: admin.reject("Ogrundad"), lambda: admin.letter("extension")):  # fmt: skip
            with pytest.raises(NotAllowed):
                attempt()
        reception = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        assert Action.GATHER in reception.allowed_actions()
    for command in (["gather", number], ["extract", number, "--out", str(tmp_path / "u.pdf"), "--leave-out-weak"],
                    ["outcome", number, "--request", "access", "--text", "Klart"],
                    ["letter", number, "--kind", "extension", "--method", "handed", "--out", str(tmp_path / "b.pdf")]):  # fmt: skip
        code, _out, err = cli("case", *command, "--config", str(config), "--staff", "admin", stdin="demo-admin\n")
        assert code == 2 and "does not have the reception role" in err, (command, err)
    assert not (tmp_path / "u.pdf").exists() and not (tmp_path / "b.pdf").exists()


def test_only_an_administrator_runs_the_report_the_purge_the_seal_and_the_policy(config: Path) -> None:
    with open_desk(config) as desk:
        reception = sign_in(desk, "disk1", "demo-disk1")
        for attempt in (lambda: annual_report(desk, by=reception),
                        lambda: purge_ended_cases(desk, by=reception),
                        lambda: purge_ended_cases(desk, by=None),
                        lambda: seal_chain(desk, by=reception),
                        lambda: accept_changes(desk, "checked with the DBA, ticket 1", by=reception),
                        lambda: set_policy(desk.register, "max_failed_sign_ins", 5, by=reception)):  # fmt: skip
            with pytest.raises(NotAllowed) as refused:
                attempt()
            assert refused.value.code == "role.admin"
        assert purge_ended_cases(desk, by=None, dry_run=True).cases == 0  # counting is for anyone
        assert annual_report(desk, by=sign_in(desk, "admin", "demo-admin")).cases == 0
    for command in (["report"], ["register", "purge"], ["audit", "seal"], ["policy", "set", "max_failed_sign_ins", "5"],
                    ["audit", "accept", "--reason", "checked with the DBA, ticket 1"]):  # fmt: skip
        code, _out, err = cli("--config", str(config), *command, "--admin", "disk1", stdin="demo-disk1\n")
        assert code == 2 and "'disk1' does not have the admin role" in err, (command, err)
    code, out, err = cli("--config", str(config), "report", "--admin", "admin", stdin="demo-admin\n")
    assert code == 0 and out.startswith(f"year {date.today().year}: 0 cases"), err
