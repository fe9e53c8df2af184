from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.core.extract import SourceStatus, Strength
from desktop.sources.engine import SourceSet, gather

from .helpers import ANNA, BERTIL, crm_database, crm_source, make_config, newsletter_source


@pytest.fixture
def crm(tmp_path: Path) -> str:
    path = tmp_path / "crm.sqlite"
    crm_database(path, [
        ("K1", ANNA, "Anna Andersson", "x' OR '1'='1@example.com"),
        ("K2", BERTIL, "Bertil Berg", "bertil@example.com"),
    ])  # fmt: skip
    return f"sqlite:///{path}"


def test_identifiers_found_on_the_way_are_followed(tmp_path: Path, crm: str) -> None:
    config = make_config(tmp_path, [crm_source(crm), newsletter_source(crm)])
    progress: list[tuple[str, str]] = []
    sources = SourceSet(config)
    result = gather(
        sources,
        {"personnummer": ANNA},
        progress=lambda r: progress.append((r.source_id, r.status.value)),
    )
    sources.close()
    crm_result, news = result.sources["crm"], result.sources["news"]
    assert crm_result.status is SourceStatus.OK
    assert [r.category for r in crm_result.records] == ["Kunduppgifter"] + ["Fakturor"] * 3
    assert all(r.strength is Strength.STRONG and r.included for r in crm_result.records)
    # The newsletter was searched by the e-mail the customer register yielded: a weak match.
    assert news.status is SourceStatus.OK
    assert [r.strength for r in news.records] == [Strength.WEAK]
    assert not news.records[0].included  # waits for a person's confirmation
    assert ("crm", "running") in progress and ("news", "ok") in progress


def test_labels_rename_columns_for_the_visitor_and_yields_still_use_the_columns(tmp_path: Path, crm: str) -> None:
    labelled = crm_source(crm)
    labelled["queries"][0]["labels"] = {"kundnr": "Kundnummer", "epost": "E-post"}
    labelled["queries"][1]["labels"] = {"fakturanr": "Fakturanummer"}
    config = make_config(tmp_path, [labelled, newsletter_source(crm)])
    sources = SourceSet(config)
    result = gather(sources, {"personnummer": ANNA})
    sources.close()
    records = result.sources["crm"].records
    assert list(records[0].fields) == ["Kundnummer", "namn", "E-post"]  # unlabelled columns keep their name
    assert [list(r.fields) for r in records[1:]] == [["Fakturanummer", "belopp"]] * 3  # found by the yielded kundnr
    assert result.sources["news"].status is SourceStatus.OK  # and the newsletter by the yielded e-mail


def test_an_injection_shaped_email_finds_only_its_own_rows(tmp_path: Path, crm: str) -> None:
    config = make_config(tmp_path, [crm_source(crm), newsletter_source(crm)])
    result = gather(SourceSet(config), {"personnummer": ANNA})
    rows = [r.fields for r in result.sources["news"].records]
    assert rows == [{"epost": "x' OR '1'='1@example.com", "lista": "Energitips"}]
    assert all("bertil" not in str(r.fields) for s in result.sources.values() for r in s.records)


def test_nobody_found_and_not_searched(tmp_path: Path, crm: str) -> None:
    config = make_config(tmp_path, [crm_source(crm), newsletter_source(crm)])
    result = gather(SourceSet(config), {"personnummer": "19701063-2391"})
    crm, news = result.sources["crm"], result.sources["news"]
    assert crm.status is SourceStatus.NOTHING
    # Searched by the personnummer; the invoices by customer number are the CRM's own follow-up.
    assert crm.searched_by == ("personnummer",) and crm.not_searched_by == ()
    assert news.status is SourceStatus.NOT_SEARCHED
    assert news.searched_by == () and news.not_searched_by == ("email",)
    assert "no identifier" in news.message


def test_a_source_searched_one_way_but_not_another_says_so(tmp_path: Path, crm: str) -> None:
    both = newsletter_source(crm)
    both["queries"].append(
        {"title": "Per kundnummer", "sql": "SELECT lista FROM nyhetsbrev WHERE epost = :customer_number"}
    )
    config = make_config(tmp_path, [both])
    result = gather(SourceSet(config), {"personnummer": ANNA, "customer_number": "K1"})
    news = result.sources["news"]
    assert news.status is SourceStatus.NOTHING
    assert news.searched_by == ("customer_number",) and news.not_searched_by == ("email",)


def test_sources_are_read_only(tmp_path: Path, crm: str) -> None:
    config = make_config(tmp_path, [crm_source(crm)])
    sources = SourceSet(config)
    engine = sources.connector("crm").engine  # type: ignore[attr-defined]
    with engine.connect() as conn, pytest.raises(Exception, match="readonly|read-only|query_only"):
        conn.execute(text("DELETE FROM kund"))
    sources.close()


def test_a_broken_source_never_stops_the_others(tmp_path: Path, crm: str) -> None:
    broken_query = crm_source(crm, id="broken", name="Trasig")
    broken_query["queries"] = [{"title": "X", "sql": "SELECT * FROM no_such_table WHERE a = :personnummer"}]
    missing_file = crm_source(f"sqlite:///{tmp_path / 'nope.sqlite'}", id="missing", name="Saknas")
    config = make_config(tmp_path, [broken_query, missing_file, crm_source(crm)])
    result = gather(SourceSet(config), {"personnummer": ANNA})
    assert result.sources["broken"].status is SourceStatus.FAILED
    assert "does not fit the database" in result.sources["broken"].message
    assert result.sources["missing"].status is SourceStatus.FAILED
    assert result.sources["missing"].message == "the database file does not exist"
    assert not (tmp_path / "nope.sqlite").exists()  # never created by trying
    assert result.sources["crm"].status is SourceStatus.OK


def test_retry_asks_only_the_named_source_with_known_identifiers(tmp_path: Path, crm: str) -> None:
    news = newsletter_source(crm)
    news["url"] = f"sqlite:///{tmp_path / 'later.sqlite'}"
    config = make_config(tmp_path, [crm_source(crm), news])
    sources = SourceSet(config)
    first = gather(sources, {"personnummer": ANNA})
    assert first.sources["news"].status is SourceStatus.FAILED
    crm_database(tmp_path / "later.sqlite", [("K1", ANNA, "Anna Andersson", "x' OR '1'='1@example.com")])
    sources.close()
    sources = SourceSet(config)
    again = gather(sources, {"personnummer": ANNA}, only=["news"], known=first.identifiers)
    assert list(again.sources) == ["news"]
    assert again.sources["news"].status is SourceStatus.OK


def test_manual_source_is_a_checklist_item(tmp_path: Path, crm: str) -> None:
    manual = {"id": "hr", "name": "HR", "kind": "manual", "instructions": "Fråga HR."}
    result = gather(SourceSet(make_config(tmp_path, [crm_source(crm), manual])), {"personnummer": ANNA})
    assert result.sources["hr"].status is SourceStatus.MANUAL
    assert result.sources["hr"].instructions == "Fråga HR."


def test_a_slow_source_times_out_and_cancel_stops_everything(tmp_path: Path, crm: str) -> None:
    import sqlite3

    slow_path = tmp_path / "slow.sqlite"
    with sqlite3.connect(slow_path) as db:
        db.execute("CREATE TABLE t (personnr TEXT)")
    db.close()
    # A recursive query that counts to a large number: slow on purpose, interruptible.
    slow_sql = (
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 200000000) "
        "SELECT count(*) AS n FROM c WHERE :personnummer IS NOT NULL"
    )
    slow = {"id": "slow", "name": "Långsam", "kind": "sql", "url": f"sqlite:///{slow_path}",
            "timeout_seconds": 0.5, "queries": [{"title": "T", "sql": slow_sql}]}  # fmt: skip
    config = make_config(tmp_path, [slow, crm_source(crm)])
    started = time.monotonic()
    result = gather(SourceSet(config), {"personnummer": ANNA})
    assert time.monotonic() - started < 5
    assert result.sources["slow"].status is SourceStatus.TIMED_OUT
    assert result.sources["crm"].status is SourceStatus.OK

    slow["timeout_seconds"] = 60
    config = make_config(tmp_path, [slow, crm_source(crm)])
    from desktop.sources.engine import GatherRun

    run = GatherRun(SourceSet(config), {"personnummer": ANNA})
    threading.Timer(0.3, run.cancel).start()
    started = time.monotonic()
    result = run.run()
    assert time.monotonic() - started < 5
    assert result.cancelled
    assert result.sources["slow"].status is SourceStatus.CANCELLED


def test_a_row_found_again_is_one_record_and_values_count_with_their_types(tmp_path: Path) -> None:
    """The same row from two queries of one category, or twice from one query, is one record;
    1, 1.0 and '1' are three (equal in Python, not in a register); a binary value is told,
    not shown."""
    import sqlite3

    path = tmp_path / "meter.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE matning (personnr TEXT, epost TEXT, varde, anm)")
        for value in (1, 1, 1.0, "1", b"\x00\x01"):
            db.execute("INSERT INTO matning VALUES (?, 'anna@example.com', ?, 'a')", (ANNA, value))
    db.close()
    source = {"id": "meter", "name": "Mätvärden", "kind": "sql", "url": f"sqlite:///{path}", "queries": [
        {"title": "Mätvärden", "sql": "SELECT varde, anm FROM matning WHERE personnr = :personnummer",
         "labels": {"varde": "Värde"}},
        {"title": "Mätvärden", "sql": "SELECT varde, anm FROM matning WHERE epost = :email",
         "labels": {"varde": "Värde"}},
    ]}  # fmt: skip
    sources = SourceSet(make_config(tmp_path, [source]))
    result = gather(sources, {"personnummer": ANNA, "email": "anna@example.com"})
    sources.close()
    values = [r.fields["Värde"] for r in result.sources["meter"].records]
    assert values == [1, 1.0, "1", "(binärt innehåll, 2 byte)"]
    assert [type(v) for v in values] == [int, float, str, str]
    assert all(r.strength is Strength.STRONG for r in result.sources["meter"].records)


@pytest.mark.postgres
def test_postgresql_source(tmp_path: Path, postgres_url: str) -> None:
    _server_source(tmp_path, postgres_url)


@pytest.mark.mariadb
def test_mariadb_source(tmp_path: Path, mariadb_url: str) -> None:
    _server_source(tmp_path, mariadb_url)


def _server_source(tmp_path: Path, url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("CREATE TABLE kund (kundnr VARCHAR(10), personnr VARCHAR(13), namn VARCHAR(50), epost VARCHAR(50))")
        )
        conn.execute(text("CREATE TABLE faktura (kundnr VARCHAR(10), fakturanr INTEGER, belopp VARCHAR(10))"))
        conn.execute(
            text("INSERT INTO kund VALUES ('K1', :p, 'Anna Andersson', 'anna@example.com')"),
            {"p": ANNA},
        )
        conn.execute(
            text("INSERT INTO kund VALUES ('K2', :p, 'Bertil Berg', 'b@example.com')"),
            {"p": BERTIL},
        )
        conn.execute(text("INSERT INTO faktura VALUES ('K1', 1, '10.00'), ('K2', 2, '20.00')"))
        conn.execute(text("CREATE TABLE big (n INTEGER)"))
        conn.execute(text("INSERT INTO big VALUES (:n)"), [{"n": n} for n in range(3000)])
    engine.dispose()
    # Slow by size, not by sleep(): sleep functions are refused by the query check.
    slow_sql = "SELECT COUNT(*) AS s FROM big a, big b, big c WHERE :personnummer IS NOT NULL"
    slow = {"id": "slow", "name": "Långsam", "kind": "sql", "url": url, "timeout_seconds": 1,
            "queries": [{"title": "T", "sql": slow_sql}]}  # fmt: skip
    config = make_config(tmp_path, [crm_source(url), slow])
    sources = SourceSet(config)
    started = time.monotonic()
    result = gather(sources, {"personnummer": ANNA})
    elapsed = time.monotonic() - started
    crm = result.sources["crm"]
    assert crm.status is SourceStatus.OK
    assert [r.fields.get("fakturanr") for r in crm.records if r.category == "Fakturor"] == [1]
    assert result.sources["slow"].status in (SourceStatus.TIMED_OUT, SourceStatus.FAILED)
    assert elapsed < 4.5
    engine = sources.connector("crm").engine  # type: ignore[attr-defined]
    with engine.connect() as conn, pytest.raises(Exception, match="(?i)read.only"):
        conn.execute(text("DELETE FROM kund"))
    sources.close()
