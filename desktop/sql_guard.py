"""What a source's SQL may do: read, and only read, as far as a parser can tell.

The database session is read-only with a statement timeout (sources/sql.py); this is the second
wall, checked when the configuration is loaded, with a real parser for the source's dialect
(sqlglot). A query is one SELECT (a UNION or WITH of SELECTs is fine) and may not hold:

- comments of any kind: MariaDB runs `/*! … */` as code, and hints hide in `/*+ … */`;
- INTO (into a variable or a file) or a locking clause (FOR UPDATE, FOR SHARE, LOCK IN …);
- any function outside an allow-list of string, date, number, aggregate and JSON-access
  functions: `dblink_exec`, `pg_terminate_backend`, advisory locks, `SLEEP`, `LOAD_FILE` and
  every user-defined function are refused.
"""

from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

DIALECTS = {"sqlite": "sqlite", "postgresql": "postgres", "mysql": "mysql", "mariadb": "mysql",
            "mssql": "tsql", "oracle": "oracle"}  # fmt: skip

def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


ALLOWED_FUNCTIONS = _names(
    # strings
    "UPPER LOWER TRIM LTRIM RTRIM SUBSTRING SUBSTR CONCAT CONCAT_WS LENGTH CHAR_LENGTH CHARACTER_LENGTH "
    "REPLACE LEFT RIGHT LPAD RPAD PAD INITCAP STRPOS POSITION INSTR LOCATE REVERSE SPLIT_PART "
    # null handling and conversion
    "COALESCE IFNULL NVL NULLIF IF IIF CAST TRY_CAST CONVERT "
    # dates and times
    "DATE TIME DATETIME STRFTIME TO_CHAR TO_DATE DATE_FORMAT TIME_TO_STR STR_TO_TIME STR_TO_DATE "
    "TS_OR_DS_TO_TIMESTAMP TS_OR_DS_TO_DATE TS_OR_DS_ADD DATE_TRUNC TIMESTAMP_TRUNC DATETIME_TRUNC EXTRACT "
    "CURRENT_DATE CURRENT_TIMESTAMP CURRENT_TIME NOW DATE_ADD DATE_SUB DATEDIFF DATE_DIFF AGE "
    "YEAR MONTH DAY DAYOFWEEK WEEK QUARTER HOUR MINUTE SECOND UNIX_TO_TIME TIME_TO_UNIX "
    # numbers
    "ABS ROUND FLOOR CEIL CEILING MOD SIGN TRUNC TRUNCATE "
    # aggregates
    "COUNT SUM AVG MIN MAX GROUP_CONCAT STRING_AGG ARRAY_AGG LISTAGG "
    # JSON access
    "JSON_EXTRACT JSON_EXTRACT_SCALAR JSONB_EXTRACT JSONB_EXTRACT_SCALAR JSON_VALUE JSON_UNQUOTE "
    "JSON_EXTRACT_PATH JSON_EXTRACT_PATH_TEXT JSONB_EXTRACT_PATH JSONB_EXTRACT_PATH_TEXT JSON_OBJECT "
    "JSON_ARRAY_LENGTH"
)


class QueryRefused(ValueError):
    pass


def dialect_of(backend: str) -> str | None:
    return DIALECTS.get(backend)


def check_query(sql: str, dialect: str) -> list[str]:
    """Raise QueryRefused with what the query may not do; returns the tables it reads."""
    try:
        tokens = sqlglot.tokenize(sql, read=dialect)
    except TokenError:
        raise QueryRefused("cannot be read as SQL") from None
    if any(token.comments for token in tokens):
        raise QueryRefused("may not hold comments (MariaDB runs /*! … */ as code): remove them")
    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect) if s is not None]
    except ParseError:
        raise QueryRefused(f"cannot be parsed as {dialect} SQL") from None
    if len(statements) != 1:
        raise QueryRefused("must be exactly one SQL statement")
    root = statements[0]
    if not isinstance(root, exp.Select | exp.Union):
        raise QueryRefused("must be a SELECT statement")
    for node in root.walk():
        if isinstance(node, exp.Into):
            raise QueryRefused("may not use INTO: a source query only reads")
        if isinstance(node, exp.Lock):
            raise QueryRefused("may not lock rows (FOR UPDATE, FOR SHARE): a source query only reads")
        if isinstance(node, exp.Command):
            raise QueryRefused("holds a command the parser does not know")
        if isinstance(node, exp.Func):
            name = node.name.upper() if isinstance(node, exp.Anonymous) else node.sql_name().upper()
            if name not in ALLOWED_FUNCTIONS:
                raise QueryRefused(f"may not call {name.lower()}(): only string, date, number, aggregate and "
                                   "JSON functions are allowed")  # fmt: skip
    return sorted({table.name for table in root.find_all(exp.Table) if table.name})
