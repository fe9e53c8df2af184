"""Rights carried out (issue 19, first step): a source's [[sources.actions]] checked by the
action guard when the configuration loads, previewed in a transaction that is rolled back,
run in one that is committed, idempotent, on the write account only — on real SQLite,
PostgreSQL and MariaDB databases; the marketing stop carried out at registration through the
command line (the window's side: tests/gui/test_actions.py)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from desktop.config import ConfigError
from desktop.core.requests import RequestType
from desktop.register.db import open_register
from desktop.services import actions
from desktop.services.desk import Desk
from desktop.sources.engine import SourceSet, gather
from desktop.sources.secrets import set_secret
from tests.integration.services.helpers import cli
from tests.integration.sources.helpers import make_config

PIN = "19811218-9876"
OTHER = "19640823-3234"
SCHEMA = [
    "CREATE TABLE kund (kundnr VARCHAR(20), personnr VARCHAR(20), epost VARCHAR(100))",
    "CREATE TABLE nyhetsbrev (epost VARCHAR(100), lista VARCHAR(50), status VARCHAR(20))",
    f"INSERT INTO kund VALUES ('K1', '{PIN}', 'anna@example.se'), ('K2', '{OTHER}', 'bo@example.se')",
    "INSERT INTO nyhetsbrev VALUES ('anna@example.se', 'Energitips', 'Aktiv'), "
    "('anna@example.se', 'Drift', 'Aktiv'), ('bo@example.se', 'Energitips', 'Aktiv')",
]
STOP = {
    "request": "objection-marketing",
    "title": "Avregistrerad från nyhetsbreven",
    "sql": "UPDATE nyhetsbrev SET status = 'Avanmäld' WHERE epost = :email AND status <> 'Avanmäld' "
    "AND lista <> 'Drift'",
    "tables": ["nyhetsbrev"],
}


def source(url: str, *, actions_: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "id": "crm", "name": "Kundregistret", "kind": "sql", "url": url,
        "queries": [{"title": "Kund", "sql": "SELECT kundnr, epost FROM kund WHERE personnr = :personnummer",
                     "yields": {"customer_number": "kundnr", "email": "epost"}}],
        "actions": actions_ if actions_ is not None else [STOP], **extra,
    }  # fmt: skip


def build(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        for statement in SCHEMA:
            connection.execute(text(statement))
    engine.dispose()


def statuses(url: str) -> list[tuple[str, str, str]]:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT epost, lista, status FROM nyhetsbrev ORDER BY epost, lista")).all()
    engine.dispose()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def new_case(desk: Desk, *requests: RequestType) -> str:
    """A case for Anna in the test's register, opened by a receptionist the test adds."""
    from desktop.register.models import Staff
    from desktop.services.cases import PersonInput, open_case

    with desk.register.sessions.begin() as session:
        if session.query(Staff).filter_by(username="disk").first() is None:
            session.add(Staff(username="disk", display_name="Disk", roles="reception", active=True))
    subject = PersonInput(PIN, "Anna Andersson", "passport", "SE", "AB123456", date.today() + timedelta(days=400))
    return open_case(desk, subject, [(r, "Radera" if r.needs_details else None) for r in requests],
                     staff_username="disk").number  # fmt: skip


def run_case(tmp_path: Path, url: str, memory_keyring: object, **extra: Any) -> None:
    config = make_config(tmp_path, [source(url, **extra)])
    register = open_register(f"sqlite:///{tmp_path / 'register.sqlite'}")
    desk = Desk(config, register, SourceSet(config))
    try:
        number = new_case(desk, RequestType.OBJECTION_DIRECT_MARKETING)
        result = gather(desk.sources, {"personnummer": PIN})
        assert {"anna@example.se"} <= actions.certain_identifiers(desk, result)["email"]
        before = statuses(url)
        (preview,) = actions.preview(desk, result, ["objection-marketing"]).steps
        assert (preview.rows, preview.operation) == (1, "update") and statuses(url) == before  # rolled back
        (done,) = actions.run(desk, number, result, ["objection-marketing"], staff_id=1)
        assert done.rows == preview.rows  # the preview's count is what was done
        assert statuses(url) == [("anna@example.se", "Drift", "Aktiv"), ("anna@example.se", "Energitips", "Avanmäld"),
                                 ("bo@example.se", "Energitips", "Aktiv")]  # fmt: skip
        (again,) = actions.run(desk, number, result, ["objection-marketing"], staff_id=1)
        assert again.rows == 0 and again.done  # a second run changes nothing and says so
    finally:
        desk.close()


def test_the_marketing_stop_on_sqlite(tmp_path: Path, memory_keyring: object) -> None:
    url = f"sqlite:///{tmp_path / 'crm.sqlite'}"
    build(url)
    run_case(tmp_path, url, memory_keyring)


@pytest.mark.postgres
def test_the_marketing_stop_on_postgresql(tmp_path: Path, postgres_url: str, memory_keyring: object) -> None:
    build(postgres_url)
    run_case(tmp_path, postgres_url, memory_keyring)


@pytest.mark.mariadb
def test_the_marketing_stop_on_mariadb_uses_the_write_account(tmp_path: Path, mariadb_url: str,
                                                              memory_keyring: object) -> None:  # fmt: skip
    build(mariadb_url)
    run_case(tmp_path, mariadb_url, memory_keyring, write_user="root")
    config = make_config(tmp_path, [source(mariadb_url, write_user="root")])
    desk = Desk(config, open_register(f"sqlite:///{tmp_path / 'register.sqlite'}"), SourceSet(config))
    try:
        result = gather(desk.sources, {"personnummer": PIN})
        # The read account's password (wrong here) is never what a write logs in with …
        set_secret("crm", "the-read-password-is-never-used-to-write")
        (step,) = actions.preview(desk, result, ["objection-marketing"]).steps
        assert step.done and step.rows == 0  # (done already by run_case)
        # … the write account's is (root has none here: a wrong one is refused).
        set_secret("crm:write", "a-wrong-write-password")
        (step,) = actions.preview(desk, result, ["objection-marketing"]).steps
        assert not step.done and "refused the login" in step.problem
    finally:
        desk.close()


@pytest.mark.parametrize(
    ("sql", "tables", "said"),
    [
        ("DELETE FROM nyhetsbrev", ["nyhetsbrev"], "WHERE that requires"),
        ("UPDATE nyhetsbrev SET status = 'x' WHERE epost = :email OR 1 = 1", ["nyhetsbrev"], "WHERE that requires"),
        ("UPDATE nyhetsbrev SET status = 'x' WHERE lista = 'Drift'", ["nyhetsbrev"], "WHERE that requires"),
        ("DROP TABLE nyhetsbrev", ["nyhetsbrev"], "one UPDATE, DELETE or INSERT"),
        ("DELETE FROM nyhetsbrev WHERE epost = :email; DELETE FROM kund WHERE epost = :email",
         ["nyhetsbrev", "kund"], "exactly one"),
        ("DELETE FROM kund WHERE epost = :email", ["nyhetsbrev"], "does not name (kund)"),
        ("UPDATE nyhetsbrev SET status = (SELECT personnr FROM kund) WHERE epost = :email", ["nyhetsbrev"],
         "does not name (kund)"),
        ("SELECT * FROM nyhetsbrev WHERE epost = :email", ["nyhetsbrev"], "one UPDATE, DELETE or INSERT"),
        ("UPDATE nyhetsbrev SET status = load_file('/etc/passwd') WHERE epost = :email", ["nyhetsbrev"],
         "may not call load_file"),
        ("INSERT INTO nyhetsbrev VALUES ('x', 'y', 'z')", ["nyhetsbrev"], "insert the visitor's"),
        ("UPDATE nyhetsbrev SET status = 'x' WHERE epost = :email /* hint */", ["nyhetsbrev"], "comments"),
    ],
)  # fmt: skip
def test_the_action_guard_refuses_when_the_configuration_loads(tmp_path: Path, sql: str, tables: list[str],
                                                                said: str) -> None:  # fmt: skip
    url = f"sqlite:///{tmp_path / 'crm.sqlite'}"
    with pytest.raises(ConfigError, match="actions\\[0\\]") as refused:
        make_config(tmp_path, [source(url, actions_=[{**STOP, "sql": sql, "tables": tables}])])
    assert said in str(refused.value)


def test_the_command_line_stops_the_marketing_when_the_case_is_opened(tmp_path: Path) -> None:
    from desktop.services.demo import create_demo

    created = create_demo(tmp_path, people=20, seed=4)
    example = created.examples[1]  # "customer with newsletter and consents"
    visitor = tmp_path / "visitor.json"
    visitor.write_text(json.dumps({"personnummer": example.personnummer, "name": example.name,
                                   "document": "passport:SE:1234:2031-01-01"}), encoding="utf-8")  # fmt: skip
    marketing = tmp_path / "marknad.sqlite"
    with sqlite3.connect(marketing) as db:
        active = db.execute("SELECT count(*) FROM nyhetsbrev WHERE status = 'Aktiv' AND lista <> 'Driftinformation via e-post'").fetchone()[0]  # fmt: skip
        service = db.execute("SELECT count(*) FROM nyhetsbrev WHERE status = 'Aktiv' AND lista = 'Driftinformation via e-post'").fetchone()[0]  # fmt: skip
    code, out, err = cli("case", "open", "--config", str(created.config_path), "--visitor", str(visitor),
                         "--request", "objection-marketing", "--staff", "disk1", stdin="demo-disk1\n")  # fmt: skip
    assert code == 0, err
    assert "Du är avregistrerad från alla våra nyhetsbrev och utskick:" in err and "rows (update, changed)" in err
    with sqlite3.connect(marketing) as db:
        after = db.execute("SELECT count(*) FROM nyhetsbrev WHERE status = 'Aktiv' AND lista <> 'Driftinformation via e-post'").fetchone()[0]  # fmt: skip
        kept = db.execute("SELECT count(*) FROM nyhetsbrev WHERE status = 'Aktiv' AND lista = 'Driftinformation via e-post'").fetchone()[0]  # fmt: skip
    assert after < active  # the visitor's newsletters stopped …
    assert kept == service  # … and service messages (not marketing) go on
    number = out.strip()
    code, out, err = cli("case", "act", number, "--config", str(created.config_path), "--dry-run", "--staff", "disk1",
                         stdin="demo-disk1\n")  # fmt: skip
    assert code == 0 and out.count("0 rows") == 3, out  # done already: nothing more would change (nor added)


def test_a_stop_that_fails_is_owed_until_it_is_done(tmp_path: Path) -> None:
    from desktop.core.requests import RequestType
    from desktop.services.cases import PersonInput, open_case
    from desktop.services.demo import create_demo
    from desktop.services.desk import open_desk
    from desktop.services.staff import sign_in
    from desktop.services.visit import Visit

    created = create_demo(tmp_path, people=20, seed=4)
    example = created.examples[1]
    marketing = tmp_path / "marknad.sqlite"
    with sqlite3.connect(marketing) as db:
        db.execute("ALTER TABLE nyhetsbrev RENAME TO nyhetsbrev_flyttad")  # the system changed under us
    with open_desk(created.config_path) as desk:
        person = PersonInput(example.personnummer, example.name, "passport", "SE", "AB1234",
                             __import__("datetime").date(2031, 1, 1))  # fmt: skip
        number = open_case(
            desk, person, [(RequestType.OBJECTION_DIRECT_MARKETING, None)], staff_username="disk1"
        ).number
        visit = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        steps = visit.carry_out_at_once()
        failed = [s for s in steps if not s.done]
        # One transaction per system: the newsletters failed, so the consents and the suppression
        # row of the same system were rolled back with them, and each says why.
        assert len(failed) == 3 and all(s.problem for s in failed)
        assert sum(s.problem.startswith("not carried out: another action in this system failed") for s in failed) == 2
        assert [o.code for o in visit.owed()] == ["action_owed"]
        assert "act" in [s.code for s in visit.next_steps()]
        # The letter says what is not done yet, and by when it will be (item 7: what failed, when).
        words = " ".join(letter_words(visit, "sv").split())
        assert (
            "Marknadsregistret (Optimizely): Du är avregistrerad från alla våra nyhetsbrev och utskick – inte "
            "gjort ännu, eftersom systemet inte gick att ändra. Vi gör det och meddelar dig senast"
        ) in words
        assert "as the system could not be changed. We will do it and tell you by" in letter_words(visit, "en")
    with sqlite3.connect(marketing) as db:
        db.execute("ALTER TABLE nyhetsbrev_flyttad RENAME TO nyhetsbrev")
    code, _out, err = cli("case", "act", number, "--config", str(created.config_path), "--staff", "disk1",
                         stdin="demo-disk1\n")  # fmt: skip
    assert code == 0, err
    with open_desk(created.config_path) as desk:
        visit = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        assert visit.actions_owed() == []
        words = " ".join(letter_words(visit, "sv").split())
    assert "inte gjort ännu" not in words and "Du är avregistrerad från alla våra nyhetsbrev och utskick (" in words


def letter_words(visit: Any, language: str) -> str:
    import io

    import pypdf

    pages = pypdf.PdfReader(io.BytesIO(visit.letter("outcome", language).pdf)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split())


def test_the_write_account_secret_is_stored_under_source_write(tmp_path: Path, memory_keyring: object) -> None:
    from desktop.services.demo import create_demo
    from desktop.sources.secrets import get_secret

    config = str(create_demo(tmp_path, people=5, seed=4).config_path)
    code, _out, err = cli("secrets", "set", "marknad:write", "--config", config, stdin="s3cret-write\n")
    assert code == 0, err
    assert get_secret("marknad:write") == "s3cret-write" and get_secret("marknad") is None
    code, _out, err = cli("secrets", "set", "nosuch:write", "--config", config, stdin="x\n")
    assert code == 2 and "no source with id 'nosuch'" in err
