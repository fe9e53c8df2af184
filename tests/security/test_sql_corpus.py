"""Ordinary SQL is accepted: a corpus of queries as IT departments write them (joins on several
columns, CTEs, window functions, CASE, date arithmetic in each dialect, quoted identifiers,
schemas) passes the read guard *and* runs on the real database it was written for — SQLite,
PostgreSQL and MariaDB. What the guard refuses is in test_sql_sandbox.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.sql_guard import check_query

PARAMS = {"personnummer": "198112189876", "email": "anna@example.se", "customer_number": 1001}

SCHEMA = [
    "CREATE TABLE kund (kundnr INTEGER PRIMARY KEY, personnr VARCHAR(12) NOT NULL, fornamn VARCHAR(50), "
    "efternamn VARCHAR(50), epost VARCHAR(100), telefon VARCHAR(20), adress VARCHAR(100), status CHAR(1), "
    "skapad DATE, uppdaterad TIMESTAMP NULL, extra VARCHAR(400))",
    "CREATE TABLE anlaggning (anlaggnings_id INTEGER PRIMARY KEY, kundnr INTEGER NOT NULL, adress VARCHAR(100), "
    "fastighetsbeteckning VARCHAR(50))",
    "CREATE TABLE avtal (avtalsnr INTEGER PRIMARY KEY, kundnr INTEGER NOT NULL, anlaggnings_id INTEGER, "
    "typ VARCHAR(20), startdatum DATE, slutdatum DATE NULL)",
    "CREATE TABLE faktura (fakturanr INTEGER PRIMARY KEY, kundnr INTEGER NOT NULL, anlaggnings_id INTEGER, "
    "datum DATE, belopp NUMERIC(10,2), betald INTEGER)",
    "CREATE TABLE nyhetsbrev (epost VARCHAR(100) NOT NULL, lista VARCHAR(30), status VARCHAR(10))",
]
ROWS = [
    "INSERT INTO kund VALUES (1001, '198112189876', 'Anna', 'Andersson', 'anna@example.se', '0701234567', "
    "'Storgatan 1', 'A', '2015-03-01', '2024-05-01 10:00:00', '{\"kanal\": \"webb\", \"sms\": true}')",
    "INSERT INTO kund VALUES (1002, '196408233234', 'Bo', 'Berg', NULL, '', 'Lillgatan 2', 'P', '2019-01-10', NULL, NULL)",
    "INSERT INTO anlaggning VALUES (501, 1001, 'Storgatan 1', 'Halmstad Kaninen 3')",
    "INSERT INTO anlaggning VALUES (502, 1001, 'Sommarvägen 9', 'Laholm Tuvan 1:4')",
    "INSERT INTO avtal VALUES (1, 1001, 501, 'el', '2015-03-01', NULL)",
    "INSERT INTO avtal VALUES (2, 1001, 502, 'fjarrvarme', '2018-06-01', '2022-05-31')",
    "INSERT INTO faktura VALUES (9001, 1001, 501, '2024-01-31', 1250.50, 1)",
    "INSERT INTO faktura VALUES (9002, 1001, 501, '2024-02-29', 980.00, 0)",
    "INSERT INTO faktura VALUES (9003, 1001, 502, '2021-12-31', 410.25, 1)",
    "INSERT INTO nyhetsbrev VALUES ('anna@example.se', 'erbjudanden', 'aktiv')",
]

K = "WHERE k.personnr = :personnummer"
# Written in the common SQL all three databases run.
COMMON = [
    "SELECT kundnr, fornamn, efternamn FROM kund WHERE personnr = :personnummer AND status = 'A'",
    "SELECT kundnr FROM kund WHERE personnr = :personnummer AND (status = 'A' OR status = 'P') AND skapad IS NOT NULL",
    f"SELECT k.kundnr, a.avtalsnr FROM kund k JOIN avtal a ON a.kundnr = k.kundnr AND a.typ = 'el' {K}",
    "SELECT a.avtalsnr, n.adress FROM avtal a JOIN anlaggning n ON n.anlaggnings_id = a.anlaggnings_id "
    "AND n.kundnr = a.kundnr WHERE a.kundnr = :customer_number",
    f"SELECT k.kundnr, f.fakturanr FROM kund k LEFT JOIN faktura f ON f.kundnr = k.kundnr AND f.betald = 0 {K}",
    "SELECT f.fakturanr, n.fastighetsbeteckning, a.typ FROM faktura f INNER JOIN anlaggning n ON n.anlaggnings_id = "
    "f.anlaggnings_id INNER JOIN avtal a ON a.anlaggnings_id = n.anlaggnings_id AND a.kundnr = f.kundnr "
    "WHERE f.kundnr = :customer_number",
    "SELECT kundnr, CASE WHEN status = 'A' THEN 'Aktiv' WHEN status = 'P' THEN 'Pausad' ELSE 'Avslutad' END AS "
    "status_text FROM kund WHERE personnr = :personnummer",
    "SELECT kundnr, CASE status WHEN 'A' THEN 'Aktiv' ELSE 'Annat' END AS s FROM kund WHERE personnr = :personnummer",
    "SELECT COALESCE(epost, 'saknas') AS epost, NULLIF(telefon, '') AS telefon FROM kund WHERE personnr = :personnummer",
    "SELECT kundnr FROM kund WHERE personnr = :personnummer AND status IN ('A', 'P')",
    "SELECT fakturanr FROM faktura WHERE kundnr = :customer_number AND anlaggnings_id NOT IN "
    "(SELECT anlaggnings_id FROM anlaggning WHERE fastighetsbeteckning LIKE 'Laholm%')",
    f"SELECT k.kundnr FROM kund k {K} AND EXISTS (SELECT 1 FROM faktura f WHERE f.kundnr = k.kundnr AND f.betald = 0)",
    f"SELECT k.kundnr FROM kund k {K} AND NOT EXISTS (SELECT 1 FROM nyhetsbrev n WHERE n.epost = k.epost AND "
    "n.status = 'avslutad')",
    "SELECT fakturanr FROM faktura WHERE kundnr = :customer_number AND datum BETWEEN '2020-01-01' AND '2030-12-31'",
    "SELECT kundnr FROM kund WHERE personnr = :personnummer AND epost LIKE '%@%' AND telefon NOT LIKE '08%'",
    "SELECT avtalsnr FROM avtal WHERE kundnr = :customer_number AND (slutdatum IS NULL OR slutdatum >= startdatum)",
    "SELECT kundnr, COUNT(*) AS antal, SUM(belopp) AS summa FROM faktura WHERE kundnr = :customer_number "
    "GROUP BY kundnr HAVING COUNT(*) > 0 AND SUM(belopp) > 0",
    "SELECT fakturanr, datum, belopp FROM faktura WHERE kundnr = :customer_number ORDER BY datum DESC, fakturanr LIMIT 100",
    "SELECT fakturanr FROM faktura WHERE kundnr = :customer_number ORDER BY fakturanr LIMIT 10 OFFSET 1",
    "WITH k AS (SELECT kundnr FROM kund WHERE personnr = :personnummer) "
    "SELECT f.fakturanr, f.belopp FROM faktura f JOIN k ON k.kundnr = f.kundnr",
    "WITH k AS (SELECT kundnr, epost FROM kund WHERE personnr = :personnummer), "
    "a AS (SELECT avtal.* FROM avtal JOIN k ON k.kundnr = avtal.kundnr) SELECT a.avtalsnr, k.epost FROM a, k",
    "SELECT 'kund' AS kalla, kundnr AS nr FROM kund WHERE personnr = :personnummer "
    "UNION ALL SELECT 'faktura', fakturanr FROM faktura WHERE kundnr = :customer_number",
    "SELECT epost FROM kund WHERE personnr = :personnummer UNION SELECT epost FROM nyhetsbrev WHERE epost = :email",
    "SELECT fakturanr, ROW_NUMBER() OVER (PARTITION BY kundnr ORDER BY datum DESC) AS nr FROM faktura "
    "WHERE kundnr = :customer_number",
    "SELECT fakturanr, SUM(belopp) OVER (PARTITION BY anlaggnings_id) AS per_anlaggning, "
    "RANK() OVER (ORDER BY belopp DESC) AS plats FROM faktura WHERE kundnr = :customer_number",
    "SELECT fakturanr, LAG(belopp) OVER (ORDER BY datum) AS forra FROM faktura WHERE kundnr = :customer_number",
    "SELECT x.fakturanr FROM (SELECT fakturanr, belopp FROM faktura WHERE kundnr = :customer_number) x "
    "WHERE x.belopp > 100",
    f"SELECT k.kundnr, (SELECT COUNT(*) FROM faktura f WHERE f.kundnr = k.kundnr) AS antal_fakturor FROM kund k {K}",
    "SELECT CAST(belopp AS DECIMAL(12, 2)) AS belopp, CAST(fakturanr AS CHAR(10)) AS nr FROM faktura "
    "WHERE kundnr = :customer_number",
    "SELECT belopp * 1.25 AS med_moms, belopp - 10 AS minus, belopp / 2 AS halva, -belopp AS kredit, "
    "ROUND(belopp, 0) AS rundat, ABS(belopp) AS abs FROM faktura WHERE kundnr = :customer_number",
    "SELECT UPPER(fornamn) AS f, LOWER(epost) AS e, TRIM(adress) AS a, SUBSTR(personnr, 1, 8) AS fodd, "
    "LENGTH(efternamn) AS l, REPLACE(telefon, '-', '') AS t FROM kund WHERE personnr = :personnummer",
    "SELECT DISTINCT anlaggnings_id FROM faktura WHERE kundnr = :customer_number",
    "SELECT COUNT(DISTINCT anlaggnings_id) AS anlaggningar, MIN(datum) AS forsta, MAX(datum) AS senaste, "
    "AVG(belopp) AS snitt FROM faktura WHERE kundnr = :customer_number",
    "SELECT kundnr FROM kund WHERE personnr = :personnummer OR epost = :email",
    "SELECT f.fakturanr FROM faktura f WHERE f.kundnr IN (SELECT k.kundnr FROM kund k WHERE k.personnr = "
    ":personnummer AND k.status <> 'X')",
    "SELECT kundnr FROM kund WHERE personnr = :personnummer AND NOT (status = 'X' AND skapad IS NULL)",
    "SELECT fakturanr FROM faktura WHERE kundnr = :customer_number AND belopp >= 100 AND belopp < 10000 "
    "AND betald <> 2",
    "SELECT SUM(CASE WHEN betald = 1 THEN belopp ELSE 0 END) AS betalt, SUM(CASE WHEN betald = 0 THEN belopp "
    "ELSE 0 END) AS obetalt FROM faktura WHERE kundnr = :customer_number",
    "SELECT anlaggnings_id FROM avtal WHERE kundnr = :customer_number "
    "INTERSECT SELECT anlaggnings_id FROM faktura WHERE kundnr = :customer_number",
    "SELECT anlaggnings_id FROM anlaggning WHERE kundnr = :customer_number "
    "EXCEPT SELECT anlaggnings_id FROM avtal WHERE kundnr = :customer_number AND slutdatum IS NOT NULL",
    "SELECT k1.kundnr FROM kund k1 JOIN kund k2 ON k2.adress = k1.adress AND k2.kundnr <> k1.kundnr "
    "WHERE k1.personnr = :personnummer",
    "SELECT k.kundnr, f.fakturanr FROM kund k LEFT OUTER JOIN faktura f ON f.kundnr = k.kundnr "
    "WHERE k.personnr = :personnummer AND (f.betald IS NULL OR f.betald = 1) ORDER BY f.fakturanr",
]

SPECIFIC = {
    "postgresql": [
        f"SELECT k.kundnr FROM crm.kund k {K}",
        'SELECT "Kund nr", "Namn" FROM "Kund Register" WHERE "Personnummer" = :personnummer',
        "SELECT fakturanr FROM faktura WHERE kundnr = :customer_number AND datum >= current_date - interval '7 years'",
        "SELECT date_trunc('month', datum) AS manad, extract(year from datum) AS ar, to_char(datum, 'YYYY-MM-DD') "
        "AS dag FROM faktura WHERE kundnr = :customer_number",
        "SELECT age(skapad) AS kund_i, date_part('year', age(skapad)) AS ar FROM kund WHERE personnr = :personnummer",
        "SELECT datum::date AS dag, belopp::numeric(12, 2) AS belopp, fakturanr::text AS nr FROM faktura "
        "WHERE kundnr = :customer_number",
        "SELECT extra::jsonb ->> 'kanal' AS kanal, (extra::jsonb -> 'sms')::text AS sms FROM kund "
        "WHERE personnr = :personnummer AND extra IS NOT NULL",
        "SELECT kundnr FROM kund WHERE personnr = :personnummer AND fornamn ILIKE 'an%' AND epost NOT ILIKE '%spam%'",
        "SELECT kundnr, string_agg(CAST(fakturanr AS text), ', ' ORDER BY fakturanr) AS fakturor FROM faktura "
        "WHERE kundnr = :customer_number GROUP BY kundnr",
        "SELECT COUNT(*) FILTER (WHERE betald = 0) AS obetalda FROM faktura WHERE kundnr = :customer_number",
        "SELECT fakturanr, current_date - datum AS dagar FROM faktura WHERE kundnr = :customer_number",
        "SELECT uppdaterad AT TIME ZONE 'Europe/Stockholm' AS lokal FROM kund WHERE personnr = :personnummer",
        "SELECT a.avtalsnr FROM avtal a WHERE a.kundnr = :customer_number AND COALESCE(a.slutdatum, DATE '9999-12-31') "
        "> now()::date",
    ],
    "mysql": [
        f"SELECT k.kundnr FROM {{database}}.kund k {K}",
        "SELECT `Kund nr`, `Namn` FROM `Kund Register` WHERE `Personnummer` = :personnummer",
        "SELECT fakturanr FROM faktura WHERE kundnr = :customer_number AND datum >= DATE_SUB(CURDATE(), INTERVAL 7 YEAR)",
        "SELECT DATE_ADD(datum, INTERVAL 30 DAY) AS forfaller, DATEDIFF(CURDATE(), datum) AS dagar, YEAR(datum) AS ar "
        "FROM faktura WHERE kundnr = :customer_number",
        "SELECT TIMESTAMPDIFF(MONTH, skapad, CURDATE()) AS manader, DATE_FORMAT(skapad, '%Y-%m') AS sedan FROM kund "
        "WHERE personnr = :personnummer",
        "SELECT JSON_UNQUOTE(JSON_EXTRACT(extra, '$.kanal')) AS kanal FROM kund WHERE personnr = :personnummer",
        "SELECT IF(betald = 1, 'ja', 'nej') AS betald, IFNULL(anlaggnings_id, 0) AS anl FROM faktura "
        "WHERE kundnr = :customer_number",
        "SELECT CONCAT_WS(' ', fornamn, efternamn) AS namn, CONCAT(adress, ', ', status) AS rad FROM kund "
        "WHERE personnr = :personnummer",
        "SELECT kundnr, GROUP_CONCAT(DISTINCT fakturanr ORDER BY fakturanr SEPARATOR ', ') AS fakturor FROM faktura "
        "WHERE kundnr = :customer_number GROUP BY kundnr",
        "SELECT kundnr FROM kund WHERE personnr = :personnummer AND telefon <=> '' AND fornamn REGEXP '^A'",
        "SELECT fakturanr FROM faktura WHERE kundnr = :customer_number AND datum > NOW() - INTERVAL 10 YEAR",
        "SELECT CAST(belopp AS SIGNED) AS kronor, CONVERT(fakturanr, CHAR) AS nr FROM faktura "
        "WHERE kundnr = :customer_number",
    ],
    "sqlite": [
        f"SELECT k.kundnr FROM main.kund k {K}",
        'SELECT "Kund nr", "Namn" FROM "Kund Register" WHERE "Personnummer" = :personnummer',
        "SELECT fakturanr FROM faktura WHERE kundnr = :customer_number AND datum >= date('now', '-7 years')",
        "SELECT strftime('%Y', datum) AS ar, julianday('now') - julianday(datum) AS dagar, date(datum, '+30 days') "
        "AS forfaller FROM faktura WHERE kundnr = :customer_number",
        "SELECT fornamn || ' ' || efternamn AS namn, ifnull(epost, '') AS epost, iif(status = 'A', 'ja', 'nej') AS "
        "aktiv FROM kund WHERE personnr = :personnummer",
        "SELECT json_extract(extra, '$.kanal') AS kanal FROM kund WHERE personnr = :personnummer",
        "SELECT kundnr, group_concat(fakturanr, ', ') AS fakturor FROM faktura WHERE kundnr = :customer_number "
        "GROUP BY kundnr",
        "SELECT printf('%.2f', belopp) AS belopp, instr(epost, '@') AS at FROM faktura f JOIN kund k "
        "ON k.kundnr = f.kundnr WHERE f.kundnr = :customer_number",
        "SELECT CAST(strftime('%Y', 'now') AS INTEGER) - CAST(substr(personnr, 1, 4) AS INTEGER) AS alder FROM kund "
        "WHERE personnr = :personnummer",
        "SELECT fakturanr FROM faktura WHERE kundnr = :customer_number AND datum > datetime('now', '-10 years') "
        "AND betald IS NOT 2",
    ],
}

DIALECT = {"sqlite": "sqlite", "postgresql": "postgres", "mysql": "mysql"}


def _build(url: str) -> None:
    engine = create_engine(url)
    backend = engine.dialect.name
    quote = "`" if backend == "mysql" else '"'
    with engine.begin() as conn:
        for statement in SCHEMA + ROWS:
            conn.execute(text(statement.replace(":", r"\:")))
        conn.execute(text(f"CREATE TABLE {quote}Kund Register{quote} ({quote}Kund nr{quote} INTEGER, "
                          f"{quote}Namn{quote} VARCHAR(50), {quote}Personnummer{quote} VARCHAR(12))"))  # fmt: skip
        if backend == "postgresql":
            conn.execute(text("CREATE SCHEMA crm"))
            conn.execute(text("CREATE TABLE crm.kund AS SELECT * FROM kund"))
    engine.dispose()


def _run_corpus(url: str, backend: str) -> None:
    _build(url)
    queries = COMMON + [q.replace("{database}", make_url(url).database or "") for q in SPECIFIC[backend]]
    assert len(queries) >= 40
    engine = create_engine(url)
    failures = []
    with engine.connect() as conn:
        for sql in queries:
            try:
                tables = check_query(sql, DIALECT[backend])
            except Exception as exc:  # noqa: BLE001 - every refusal is collected and reported together
                failures.append(f"guard refused: {sql}\n    {exc}")
                continue
            assert tables, sql
            try:
                bound = {k: v for k, v in PARAMS.items() if f":{k}" in sql}
                conn.execute(text(sql), bound).fetchall()
            except Exception as exc:  # noqa: BLE001 - every refusal is collected and reported together
                conn.rollback()
                failures.append(f"{backend} refused: {sql}\n    {type(exc).__name__}: {str(exc).splitlines()[0]}")
    engine.dispose()
    assert not failures, "\n".join(failures)


def test_corpus_on_sqlite(tmp_path: Path) -> None:
    _run_corpus(f"sqlite:///{tmp_path / 'crm.sqlite'}", "sqlite")


@pytest.mark.postgres
def test_corpus_on_postgresql(postgres_url: str) -> None:
    _run_corpus(postgres_url, "postgresql")


@pytest.mark.mariadb
def test_corpus_on_mariadb(mariadb_url: str) -> None:
    _run_corpus(mariadb_url, "mysql")
