"""A register of a million past cases (issue 23; run on demand, not in the test suite).

    .venv/bin/python tests/benchmarks/bench_register.py [--cases 1000000] [--samples 9]
        [--server postgresql+psycopg://postgres@127.0.0.1:5432/test]

A municipal energy company keeps every case for years; the purge keeps numbers and dates and
removes the names and personnummer. The generator writes N cases into a PostgreSQL database of
its own (`insyn_bench_register`, dropped and made again, migrated by Insyn itself) the way the
register would hold them: eleven years of cases, those older than the policy's two years purged,
the rest closed, a few hundred open (some overdue), each with its request and the extract it was
given (a tenth with a supplement). It is written
server-side with generate_series (the register's audit chain does not cover these rows: the
audit's verification is not timed here).

Then, each the median of `--samples` runs, the desk's own calls are timed against the same query
sent straight to the database (the floor, in the same run): the case list's first page (open,
overdue, all), its count, a lookup by personnummer in its 12- and 10-digit forms, by a name
typed without diacritics, by a case number, the desk's start (open_desk: must not grow with the
register) and the yearly report. The goal: < 100 ms each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, text

from desktop.core.requests import CaseStatus
from desktop.services.annual import annual_report
from desktop.services.casework import CaseFilter, CaseRow, count_cases, fetch_cases
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.staff import create_account, sign_in
from tests.benchmarks.worlds import SERVER, bench_database, keyring_in_memory

PASSWORD = "bench-register-password"
PAGE = 50  # the case list's page


# Eleven years, 2016–2026, about 91,000 cases a year (numbers go to 99,999 a year). Names and
# personnummer are synthetic but of the real forms, the check digit computed (Luhn over the ten-
# digit form's first nine) so that the 10-digit lookup, which parses what is typed, finds them.
GENERATE = """
INSERT INTO cases (number, year, seq, status, received_at, received_on, deadline, subject_name,
                   subject_name_folded, subject_personnummer, language, created_by_id, updated_at,
                   closed_at, purged_at)
SELECT
    y || '-' || lpad(s::text, 5, '0'), y, s,
    CASE WHEN open THEN (ARRAY['received', 'review', 'ready', 'delivered'])[1 + (i % 4)] ELSE 'closed' END,
    received, received::date, received::date + 30,
    CASE WHEN purged THEN '' ELSE (ARRAY['Åsa', 'Örjan', 'Märta', 'Per', 'Lena', 'Jörgen'])[1 + i % 6]
         || ' ' || (ARRAY['Öberg', 'Ståhl', 'Lindqvist', 'Ek', 'Nyström', 'Åberg'])[1 + (i / 6) % 6] || i END,
    CASE WHEN purged THEN NULL ELSE (ARRAY['asa', 'orjan', 'marta', 'per', 'lena', 'jorgen'])[1 + i % 6]
         || ' ' || (ARRAY['oberg', 'stahl', 'lindqvist', 'ek', 'nystrom', 'aberg'])[1 + (i / 6) % 6] || i END,
    CASE WHEN purged THEN '' ELSE born || '-' || serial || (
        SELECT (10 - sum((substr(nine, k, 1)::int * (2 - (k + 1) % 2)) / 10
                         + (substr(nine, k, 1)::int * (2 - (k + 1) % 2)) % 10) % 10) % 10
        FROM generate_series(1, 9) AS k, (SELECT substr(born, 3) || serial AS nine) AS digits
    ) END,
    'sv', :staff, received, CASE WHEN open THEN NULL ELSE received + interval '20 days' END,
    CASE WHEN purged THEN received + interval '2 years' ELSE NULL END
FROM (
    SELECT i, y, s, received, open, received < now() - interval '2 years' AND NOT open AS purged,
           to_char(date '1940-01-01' + (i % 25000), 'YYYYMMDD') AS born, lpad((i % 1000)::text, 3, '0') AS serial
    FROM (
        SELECT i, 2016 + (i - 1) / :per_year AS y, 1 + (i - 1) % :per_year AS s,
               make_timestamptz(2016 + (i - 1) / :per_year, 1, 1, 9, 0, 0, 'Europe/Stockholm')
                   + ((((i - 1) % :per_year)::float / :per_year) * interval '330 days') AS received,
               i > :total - :open_cases AS open
        FROM generate_series(1, :total) AS i
    ) numbered
) cases_to_be
"""

REQUESTS = "INSERT INTO request_items (case_id, type) SELECT id, 'access' FROM cases"

# Every case closed or handed over had its extract printed: one delivery each, the day before it
# closed (a tenth had a system still owed at first, answered by a supplement a day later).
DELIVERIES = """
INSERT INTO deliveries (case_id, delivered_at, staff_id, method, language, sha256, page_count, byte_size,
                        outstanding, supplement)
SELECT id, coalesce(closed_at, received_at + interval '19 days') - interval '2 days', :staff, 'printed', 'sv',
       md5(id::text) || md5(number), 5, 50000, CASE WHEN id % 10 = 0 THEN '["rekrytering"]' END, false
FROM cases WHERE status IN ('closed', 'delivered');
INSERT INTO deliveries (case_id, delivered_at, staff_id, method, language, sha256, page_count, byte_size,
                        outstanding, supplement)
SELECT id, closed_at - interval '1 day', :staff, 'printed', 'sv', md5(number) || md5(id::text), 2, 20000, NULL, true
FROM cases WHERE status = 'closed' AND id % 10 = 0
"""


def median_ms(work: Callable[[], object], samples: int) -> float:
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--open", type=int, default=400, help="of them still open (the newest)")
    parser.add_argument("--samples", type=int, default=9)
    parser.add_argument("--without-report", action="store_true", help="leave out the yearly report (slow today)")
    parser.add_argument("--server", default=SERVER)
    args = parser.parse_args()
    keyring_in_memory()
    import tempfile

    with tempfile.TemporaryDirectory(prefix="insyn-bench-register-") as folder:
        config = create_demo(Path(folder) / "demo", people=50, seed=5).config_path
        url = bench_database(args.server, "insyn_bench_register")
        started = time.perf_counter()
        with open_desk(config, register_url=url) as desk:
            empty_start = time.perf_counter() - started
            staff_id = create_account(desk, "it", "IT", ["admin", "reception"], PASSWORD, by=None)
        engine = create_engine(url)
        started = time.perf_counter()
        per_year = -(-args.cases // 11)
        with engine.begin() as connection:
            connection.execute(text(GENERATE), {"total": args.cases, "per_year": per_year, "open_cases": args.open,
                                                "staff": staff_id})  # fmt: skip
            connection.execute(text(REQUESTS))
            for statement in DELIVERIES.split(";"):
                connection.execute(text(statement), {"staff": staff_id})
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
        print(f"{args.cases:,} cases written in {time.perf_counter() - started:.0f} s ({args.open} open)")
        with engine.connect() as connection:
            first_kept = "SELECT number, subject_personnummer, subject_name FROM cases WHERE purged_at IS NULL"
            sample = connection.execute(text(first_kept + " AND status = 'closed' ORDER BY id LIMIT 1")).one()
            # The last row of page 1,999: where the list's next page starts (keyset paging).
            received_on, case_id = connection.execute(
                text(f"SELECT received_on, id FROM cases ORDER BY received_on DESC, id DESC OFFSET {1999 * PAGE - 1} "
                     "LIMIT 1")
            ).one()  # fmt: skip
        page_1999 = CaseRow("", "", "", CaseStatus.CLOSED, received_on, received_on, 0, id=case_id)
        number, personnummer, name = sample
        folded = name.lower().replace("ö", "o").replace("å", "a").replace("ä", "a")
        ten_digits = personnummer[2:]

        started = time.perf_counter()
        desk = open_desk(config, register_url=url)
        full_start = time.perf_counter() - started
        staff = sign_in(desk, "it", PASSWORD)

        def direct(sql: str, **params: object) -> Callable[[], object]:
            def run() -> object:
                with engine.connect() as connection:
                    return connection.execute(text(sql), params).all()

            return run

        deadline = "coalesce(extended_deadline, deadline)"
        columns = f"number, subject_name, subject_personnummer, status, received_on, {deadline}, outstanding"
        today = "current_date"
        checks: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
            ("open cases, first page", lambda: fetch_cases(desk, CaseFilter.OPEN, limit=PAGE),
             direct(f"SELECT {columns} FROM cases WHERE status IN ('received','gathering','review','ready',"
                    f"'delivered') ORDER BY {deadline}, id LIMIT {PAGE}")),
            ("overdue, first page", lambda: fetch_cases(desk, CaseFilter.OVERDUE, limit=PAGE),
             direct(f"SELECT {columns} FROM cases WHERE status IN ('received','gathering','review','ready',"
                    f"'delivered') AND {deadline} < {today} ORDER BY {deadline}, id LIMIT {PAGE}")),
            ("all cases, first page", lambda: fetch_cases(desk, CaseFilter.ALL, limit=PAGE),
             direct(f"SELECT {columns} FROM cases ORDER BY received_on DESC, id DESC LIMIT {PAGE}")),
            ("all cases, page 2,000", lambda: fetch_cases(desk, CaseFilter.ALL, after=page_1999, limit=PAGE),
             direct(f"SELECT {columns} FROM cases WHERE (received_on, id) < (:r, :i) ORDER BY received_on DESC, "
                    f"id DESC LIMIT {PAGE}", r=page_1999.received_on, i=page_1999.id)),
            ("all cases, counted", lambda: count_cases(desk, CaseFilter.ALL),
             direct("SELECT count(*) FROM cases")),
            ("by personnummer, 12 digits", lambda: fetch_cases(desk, CaseFilter.ALL, personnummer,
                                                               limit=PAGE),
             direct(f"SELECT {columns} FROM cases WHERE subject_personnummer = :p ORDER BY received_on DESC "
                    f"LIMIT {PAGE}", p=personnummer)),
            ("by personnummer, 10 digits", lambda: fetch_cases(desk, CaseFilter.ALL, ten_digits,
                                                               limit=PAGE),
             direct(f"SELECT {columns} FROM cases WHERE subject_personnummer = :p ORDER BY received_on DESC "
                    f"LIMIT {PAGE}", p=personnummer)),
            ("by name without diacritics", lambda: fetch_cases(desk, CaseFilter.ALL, folded, limit=PAGE),
             direct(f"SELECT {columns} FROM cases WHERE subject_name_folded = :n LIMIT {PAGE}", n=folded)),
            ("by case number", lambda: fetch_cases(desk, CaseFilter.ALL, number, limit=PAGE),
             direct(f"SELECT {columns} FROM cases WHERE number = :n", n=number)),
            ("search counted (name)", lambda: count_cases(desk, CaseFilter.ALL, folded),
             direct("SELECT count(*) FROM cases WHERE subject_name_folded = :n", n=folded)),
            ("yearly report 2025", lambda: annual_report(desk, 2025, by=staff),
             direct("SELECT status, count(*) FROM cases WHERE year = 2025 GROUP BY status")),
        ]  # fmt: skip
        if args.without_report:
            checks = [check for check in checks if not check[0].startswith("yearly report")]
        print(f"\nthe desk's start: {full_start * 1000:.0f} ms with the register full, "
              f"{empty_start * 1000:.0f} ms empty ({full_start / empty_start:.2f}x)")  # fmt: skip
        print(f"\n  {'call':<30} {'desk ms':>9} {'floor ms':>9} {'ratio':>7}")
        slow = []
        for title, call, floor in checks:
            call()  # the first run warms the caches, as the desk's own first look does
            floor()
            ms, floor_ms = median_ms(call, args.samples), median_ms(floor, args.samples)
            print(f"  {title:<30} {ms:>9.1f} {floor_ms:>9.1f} {ms / max(floor_ms, 0.01):>6.1f}x")
            if ms >= 100:
                slow.append(title)
        desk.close()
        engine.dispose()
        print("\nnot under 100 ms: " + (", ".join(slow) if slow else "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
