"""Gather benchmark on the 1,000,000-person demo world (run on demand, not in the test suite).

    .venv/bin/python tests/benchmarks/bench_gather.py [--people N] [--samples 50] [--world DIR]

Builds the world once (kept in tests/benchmarks/.world-N/, or DIR) and then, for random people,
measures in the same run:

- the full gather through the engine (every source: SQL, the chat CSV, the bookings XLSX);
- the SQL-only gather: the engine asked for the SQL sources alone;
- the floor: the same SQL statements, with the same parameters, run directly with the sqlite3
  driver one after another on open connections (rows as the driver's tuples, no records made).

and the same for the typical visitor of an energy company: a year of hourly meter readings.

It prints median and p95 of each and the ratios to the floor. The engine's file indexes and
connection pools are warmed by one gather first, as the desk program does at start.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy.engine import make_url

from desktop.config import SqlSource, load_config
from desktop.core.extract import GatherResult
from desktop.sources.base import identifier_kind, parameter_value
from desktop.sources.engine import SourceSet, gather
from tests.benchmarks.worlds import demo_world, world_arguments


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def floor_run(connections: dict[str, sqlite3.Connection], sql_sources: list[SqlSource],
              found: GatherResult, *, as_records: bool = False) -> int:  # fmt: skip
    """The same statements the engine ran, straight on the driver, one after another; with
    `as_records`, each row also made a dict of its columns (what any record of a row costs)."""
    rows = 0
    for source in sql_sources:
        connection = connections[source.id]
        for query in source.queries:
            kinds = [identifier_kind(p) for p in query.parameters]
            choices = [sorted(found.identifiers.get(kind, {})) for kind in dict.fromkeys(kinds)]
            for combination in itertools.product(*choices):
                by_kind = dict(zip(dict.fromkeys(kinds), combination, strict=True))
                params = {p: parameter_value(p, by_kind[identifier_kind(p)]) for p in query.parameters}
                cursor = connection.execute(query.sql, params)
                fetched = cursor.fetchall()
                if as_records:
                    columns = [d[0] for d in cursor.description]
                    fetched = [dict(zip(columns, row, strict=True)) for row in fetched]
                rows += len(fetched)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    world_arguments(parser, samples=50, seed=11)
    args = parser.parse_args()
    config_path = demo_world(args.people, args.world)
    config = load_config(config_path)
    sql_sources = [s for s in config.sources if isinstance(s, SqlSource)]
    connections = {s.id: sqlite3.connect(f"file:{make_url(s.url).database}?mode=ro", uri=True) for s in sql_sources}
    crm = connections["kundregister"]
    total = crm.execute("SELECT max(rowid) FROM kund").fetchone()[0]
    rng = random.Random(args.seed)
    people = []
    while len(people) < args.samples:
        row = crm.execute("SELECT personnr FROM kund WHERE rowid = ?", (rng.randrange(1, total + 1),)).fetchone()
        if row:
            people.append(row[0])

    sources = SourceSet(config)
    gather(sources, {"personnummer": people[0]})  # warm-up: pools, CSV index
    gc.collect()
    gc.freeze()  # as the desk program does once it has loaded (desktop/ui/app.py, settle_memory)
    full, sql_only, floor = [], [], []
    records = 0
    sql_ids = [s.id for s in sql_sources]
    for pin in people:
        started = time.perf_counter()
        result = gather(sources, {"personnummer": pin})
        full.append(time.perf_counter() - started)
        records += result.record_count
        started = time.perf_counter()
        sql_result = gather(sources, {"personnummer": pin}, only=sql_ids)
        sql_only.append(time.perf_counter() - started)
        started = time.perf_counter()
        floor_rows = floor_run(connections, sql_sources, sql_result)
        floor.append(time.perf_counter() - started)
        assert floor_rows == sum(s.record_count for s in sql_result.sources.values()), pin
    # The typical visitor of an energy company: a year of hourly meter readings (kund rowid 1).
    typical = crm.execute("SELECT personnr FROM kund WHERE rowid = 1").fetchone()[0]
    heavy_full, heavy_sql, heavy_floor, heavy_dicts = [], [], [], []
    for _ in range(max(5, args.samples // 5)):
        started = time.perf_counter()
        result = gather(sources, {"personnummer": typical})
        heavy_full.append(time.perf_counter() - started)
        started = time.perf_counter()
        sql_result = gather(sources, {"personnummer": typical}, only=sql_ids)
        heavy_sql.append(time.perf_counter() - started)
        started = time.perf_counter()
        floor_run(connections, sql_sources, sql_result)
        heavy_floor.append(time.perf_counter() - started)
        started = time.perf_counter()
        floor_run(connections, sql_sources, sql_result, as_records=True)
        heavy_dicts.append(time.perf_counter() - started)
    heavy_records = result.record_count
    sources.close()

    def line(label: str, values: list[float]) -> str:
        return f"{label:<22} median {statistics.median(values) * 1000:8.1f} ms   p95 {percentile(values, 0.95) * 1000:8.1f} ms"

    print(f"\n{args.samples} people from a {args.people:,}-person world, {records:,} records gathered")
    print(line("full gather", full))
    print(line("SQL-only gather", sql_only))
    print(line("floor (sqlite3 direct)", floor))
    print(f"ratio SQL-only gather / floor (median): {statistics.median(sql_only) / statistics.median(floor):.2f}")
    print(f"ratio full gather / floor (median):     {statistics.median(full) / statistics.median(floor):.2f}")
    print(f"\nthe typical visitor (hourly meter readings): {heavy_records:,} records")
    print(line("full gather", heavy_full))
    print(line("SQL-only gather", heavy_sql))
    print(line("floor (sqlite3 direct)", heavy_floor))
    print(line("floor, rows as dicts", heavy_dicts))
    print(
        f"ratio SQL-only gather / floor with dicts (median): {statistics.median(heavy_sql) / statistics.median(heavy_dicts):.2f}"
    )
    print(
        f"ratio SQL-only gather / floor (median): {statistics.median(heavy_sql) / statistics.median(heavy_floor):.2f}"
    )
    print(
        f"ratio full gather / floor (median):     {statistics.median(heavy_full) / statistics.median(heavy_floor):.2f}"
    )
    print("goal: median gather <= 1.5 x floor and under 300 ms")


if __name__ == "__main__":
    main()
