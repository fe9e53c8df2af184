"""Erasure benchmark (issue 19; run on demand, not in the test suite).

    .venv/bin/python tests/benchmarks/bench_actions.py [--people N] [--samples 20] [--world DIR]

On the demo world of N people (built once, shared with bench_gather.py in
tests/benchmarks/.world-N/), for customers with newsletters and consents, an erasure case is
registered and gathered (not timed), then timed:

- the preview: every configured erasure action counted in a transaction that is rolled back,
  and every hold's count (Visit.actions_preview);
- the execution: the approved actions run, each system in its own transaction, with the deeds
  recorded with the case and audited, and each changed system searched again to check that what
  is left is under a hold (Visit.act, after Visit.approve_actions, whose password check is not
  timed).

The floors, in the same run: the same statements with the same parameters sent straight through
the sqlite3 driver — the preview's rolled back, the holds' SELECTs, and the execution's
committed followed by the changed database's queries, and the chat service's DELETE (and the
search of the contact after it, where it erased something) sent straight through httpx to the same
demo service with its 60 ms per answer (on other customers of the same kind, since an erasure can
be run only once). It
prints medians and the ratios; the goal is <= 2x each floor.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desktop.config import SqlSource, load_config
from desktop.core.requests import RequestType
from desktop.services import actions
from desktop.services.cases import PersonInput, open_case
from desktop.services.demo import demo_configuration
from desktop.services.desk import open_desk
from desktop.services.staff import sign_in
from desktop.services.visit import Visit
from tests.benchmarks.worlds import demo_world, world_arguments


def compiled(sql: str) -> tuple[str, list[str]]:
    """The statement in sqlite3's named style and its parameter names."""
    clause = text(sql)
    names = list(clause.compile().params)
    return sql, names


def floor_statements(config_path: Path) -> list[tuple[str, str, str, list[str]]]:
    """(database, kind, sql, parameters) of every erasure action and hold in the configuration."""
    config = load_config(config_path)
    found = []
    for source in config.sources:
        if not isinstance(source, SqlSource):
            continue
        database = make_url(source.url).database or ""
        for action in source.actions:
            if action.request == "erasure":
                found.append((database, "action", *compiled(action.sql)))
        for hold in source.holds:
            if "erasure" in hold.requests:
                found.append((database, "hold", *compiled(hold.sql)))
        found += [(database, "query", *compiled(query.sql)) for query in source.queries]
    return found


def floor_run(statements: list[tuple[str, str, str, list[str]]], values: dict[str, str], *, commit: bool) -> int:
    """The same statements straight through sqlite3: the actions in one transaction per
    database (rolled back for a preview), the holds' SELECTs after; once committed, a database
    the actions changed is searched again with its queries."""
    touched = 0
    for database in dict.fromkeys(s[0] for s in statements):
        connection = sqlite3.connect(database, isolation_level=None)
        connection.execute("BEGIN")
        here = 0
        for db, kind, sql, names in statements:
            if db != database or kind != "action":
                continue
            here += connection.execute(sql, {n: values[n] for n in names}).rowcount
        connection.execute("COMMIT" if commit else "ROLLBACK")
        for db, kind, sql, names in statements:
            if db == database and kind == "hold":
                connection.execute(sql, {n: values[n] for n in names}).fetchone()
        if commit and here:
            for db, kind, sql, names in statements:
                if db == database and kind == "query" and all(n in values for n in names):
                    connection.execute(sql, {n: values[n] for n in names}).fetchall()
        connection.close()
        touched += here
    return touched


def floor_web(client: httpx.Client, base: str, email: str) -> int:
    """The chat service's part straight through httpx (one client kept, as the desk keeps its
    own): the erasure's DELETE and, where it erased something, the search of the contact's
    messages that follows (as Visit.act does)."""
    contact = f"{base}/api/v2/contacts/{quote(email, safe='')}"
    deleted = client.delete(contact)
    if deleted.status_code < 300:
        client.get(f"{contact}/messages", params={"limit": "5"})
    return deleted.status_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    world_arguments(parser, samples=20, seed=19)
    args = parser.parse_args()
    config_path = demo_world(args.people, args.world)
    world = config_path.parent
    settings = json.loads((world / "demo-web.json").read_text()) if (world / "demo-web.json").exists() else {}
    # This version's configuration (an older world's file may predate the erasure actions).
    config_path.write_text(demo_configuration(port=settings.get("port"), oauth=False), encoding="utf-8")

    crm = sqlite3.connect(f"file:{world / 'kundregister.sqlite'}?mode=ro", uri=True)
    marketing = sqlite3.connect(f"file:{world / 'marknad.sqlite'}?mode=ro", uri=True)
    total = crm.execute("SELECT max(rowid) FROM kund").fetchone()[0]
    rng = random.Random(args.seed)
    chosen: list[tuple[str, str, str, str]] = []  # personnummer, name, customer number, e-mail
    while len(chosen) < 2 * args.samples:
        row = crm.execute("SELECT personnr, fornamn || ' ' || efternamn, kundnr, epost FROM kund WHERE rowid = ?",
                          (rng.randrange(1, total + 1),)).fetchone()  # fmt: skip
        if row and row not in chosen and marketing.execute("SELECT 1 FROM nyhetsbrev WHERE epost = ? AND lista <> "
                                     "'Driftinformation via e-post'", (row[3],)).fetchone():  # fmt: skip
            chosen.append(row)
    crm.close()
    marketing.close()
    ours, floors_of = chosen[: args.samples], chosen[args.samples :]
    statements = floor_statements(config_path)

    preview, execute, floor_preview, floor_execute, systems = [], [], [], [], []
    changed = 0
    # The systems' part of an execution (the statements and the holds' counts), apart from the
    # register's (audit events, deeds, the case read again): the floor does only the former.
    in_systems = [0.0]
    original_steps, original_holds = actions._steps, actions.holds_for

    def timed(function):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                in_systems[0] += time.perf_counter() - started

        return wrapper

    actions._steps, actions.holds_for = timed(original_steps), timed(original_holds)  # type: ignore[method-assign]
    with open_desk(config_path) as desk:
        staff = sign_in(desk, "disk1", "demo-disk1")
        expiry = date.today() + timedelta(days=400)
        for personnummer, name, customer, email in ours:
            subject = PersonInput(personnummer, name, "passport", "SE", "AB123456", expiry)
            number = open_case(desk, subject, [(RequestType.ERASURE, "Radera allt")], staff_username="disk1").number
            visit = Visit(desk, number, staff)
            visit.gather()
            values = {"customer_number": customer, "email": email, "personnummer": personnummer}
            started = time.perf_counter()
            floor_run(statements, values, commit=False)
            floor_preview.append(time.perf_counter() - started)
            started = time.perf_counter()
            plan = visit.actions_preview()
            preview.append(time.perf_counter() - started)
            visit.approve_actions("granskare", "demo-granskare")  # a password check: not timed
            in_systems[0] = 0.0
            started = time.perf_counter()
            steps = visit.act()
            execute.append(time.perf_counter() - started)
            systems.append(in_systems[0])
            counted = [s.rows for s in plan.steps if s.request == "erasure" and s.counted]
            assert [s.rows for s in steps if s.counted] == counted, number  # a web service's call: not counted
            assert visit.erasure_incomplete() == [], number  # searched again: all that is left is held
            changed += sum(s.rows or 0 for s in steps)
            visit.drop()
    base = f"http://127.0.0.1:{settings.get('port')}"
    statuses: list[int] = []
    # The demo's chat service runs while a desk has the demo open.
    with open_desk(config_path), httpx.Client(timeout=10) as client:
        client.get(f"{base}/api/v2/contacts/nobody%40example.com/messages")  # connected, as the desk's is
        for personnummer, _name, customer, email in floors_of:
            started = time.perf_counter()
            values = {"customer_number": customer, "email": email, "personnummer": personnummer}
            floor_run(statements, values, commit=True)
            statuses.append(floor_web(client, base, email))
            floor_execute.append(time.perf_counter() - started)

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:7.1f} ms, max {max(values) * 1000:7.1f} ms"

    print(f"{args.samples} erasures in a {args.people:,}-person world; {changed} rows erased, holds counted; "
          f"the chat service answered the floor's DELETEs {sorted(statuses)}")  # fmt: skip
    print(f"  preview   {ms(preview)}; floor {ms(floor_preview)}; "
          f"ratio {statistics.median(preview) / statistics.median(floor_preview):.2f}x")  # fmt: skip
    print(f"  execution {ms(execute)}; floor {ms(floor_execute)}; "
          f"ratio {statistics.median(execute) / statistics.median(floor_execute):.2f}x")  # fmt: skip
    print(f"  of which in the systems {ms(systems)}; "
          f"ratio {statistics.median(systems) / statistics.median(floor_execute):.2f}x "
          "(the rest: the audit events, the deeds with the case's digest, the case read again)")  # fmt: skip
    print("  goal: <= 2x each floor")


if __name__ == "__main__":
    main()
