"""What a source's SQL may do: read, and only read, as far as a parser can tell.

The database session is read-only with a statement timeout (sources/sql.py); this is the second
wall, checked when the configuration is loaded, with a real parser for the source's dialect
(sqlglot). A query is one SELECT (a UNION, INTERSECT, EXCEPT or WITH of SELECTs is fine) and the
parsed tree is walked node by node against an allow-list of the *kinds* of node a read needs:
clauses (FROM, JOIN … ON/USING, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT/OFFSET, WITH),
subqueries, boolean and comparison operators, IN, BETWEEN, LIKE/ILIKE, IS NULL, CASE, CAST,
arithmetic, window functions, and calls of the functions named in `ALLOWED_FUNCTIONS`. Every
other kind is refused, so that a parser version which names a construct differently fails
closed, with a message naming it, instead of letting something new through. In particular:

- comments of any kind: MariaDB runs `/*! … */` as code, and hints hide in `/*+ … */`;
- INTO (into a variable or a file), a locking clause (FOR UPDATE, FOR SHARE, LOCK IN …),
  session variables and assignments (`@x`, `@@global`, `:=`), VALUES, LATERAL and table samples;
- any function outside the allow-list of string, date, number, aggregate, window and JSON-access
  functions: `dblink_exec`, `pg_terminate_backend`, advisory locks, `SLEEP`, `LOAD_FILE` and
  every user-defined function are refused.
"""

from __future__ import annotations

from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

DIALECTS = {"sqlite": "sqlite", "postgresql": "postgres", "mysql": "mysql", "mariadb": "mysql",
            "mssql": "tsql", "oracle": "oracle"}  # fmt: skip


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The kinds of node a read is built of (sqlglot's class names). A name this sqlglot does not
# have is skipped, so a renamed class is refused, never let through.
READ_NODES = _names(
    # statements and clauses
    "Select Union Intersect Except With CTE Subquery From Join Where Group Having Order Ordered Limit Offset "
    "Fetch Distinct Alias TableAlias Table Column Identifier Star Dot Paren Tuple "
    # values
    "Literal Placeholder Null Boolean Var DataType DataTypeParam Interval IntervalSpan "
    # operators
    "And Or Not Xor EQ NEQ GT GTE LT LTE NullSafeEQ NullSafeNEQ Is In Between Like ILike LikeAny ILikeAny "
    "Escape SimilarTo RegexpLike RegexpILike Add Sub Mul Div IntDiv Mod Neg DPipe Exists Any All "
    "BitwiseAnd BitwiseOr BitwiseXor BitwiseNot Collate AtTimeZone "
    # conditional and conversion
    "Case If Cast TryCast Coalesce Nullif "
    # window functions and aggregate filters
    "Window WindowSpec Filter WithinGroup "
    # JSON and array access
    "Bracket JSONPath JSONPathKey JSONPathRoot JSONPathSubscript JSONPathWildcard Slice"
)

ALLOWED_FUNCTIONS = _names(
    # strings
    "UPPER LOWER TRIM LTRIM RTRIM SUBSTRING SUBSTR CONCAT CONCAT_WS LENGTH CHAR_LENGTH CHARACTER_LENGTH "
    "REPLACE LEFT RIGHT LPAD RPAD PAD INITCAP STRPOS STR_POSITION POSITION INSTR LOCATE REVERSE SPLIT_PART "
    "FORMAT PRINTF "
    # null handling and conversion
    "COALESCE IFNULL NVL NULLIF IF IIF CAST TRY_CAST CONVERT TO_NUMBER GREATEST LEAST "
    # dates and times
    "DATE TIME DATETIME STRFTIME TO_CHAR TO_DATE TO_TIMESTAMP DATE_FORMAT TIME_TO_STR STR_TO_TIME STR_TO_DATE "
    "TS_OR_DS_TO_TIMESTAMP TS_OR_DS_TO_DATE TS_OR_DS_ADD DATE_TRUNC TIMESTAMP_TRUNC DATETIME_TRUNC EXTRACT "
    "CURRENT_DATE CURRENT_TIMESTAMP CURRENT_TIME NOW CURDATE LOCALTIMESTAMP DATE_ADD DATE_SUB DATEDIFF DATE_DIFF "
    "TIMESTAMPDIFF TIMESTAMP_DIFF TIMESTAMP_ADD TIMESTAMP_SUB DATETIME_ADD DATETIME_SUB AGE DATE_PART JULIANDAY "
    "MAKE_DATE DATE_FROM_PARTS LAST_DAY "
    "YEAR MONTH DAY DAYOFWEEK DAYOFMONTH DAYOFYEAR WEEK WEEKOFYEAR QUARTER HOUR MINUTE SECOND "
    "UNIX_TO_TIME TIME_TO_UNIX "
    # numbers
    "ABS ROUND FLOOR CEIL CEILING MOD SIGN TRUNC TRUNCATE "
    # aggregates
    "COUNT SUM AVG MIN MAX GROUP_CONCAT STRING_AGG ARRAY_AGG LISTAGG BOOL_AND BOOL_OR "
    # window functions
    "ROW_NUMBER RANK DENSE_RANK PERCENT_RANK CUME_DIST NTILE LAG LEAD FIRST_VALUE LAST_VALUE NTH_VALUE "
    # JSON access
    "JSON_EXTRACT JSON_EXTRACT_SCALAR JSONB_EXTRACT JSONB_EXTRACT_SCALAR JSON_VALUE JSON_UNQUOTE "
    "JSON_EXTRACT_PATH JSON_EXTRACT_PATH_TEXT JSONB_EXTRACT_PATH JSONB_EXTRACT_PATH_TEXT JSON_OBJECT "
    "JSON_ARRAY_LENGTH"
)

# What the refusal says for the kinds people actually try; any other kind is named as it is.
_SAID = {
    "Into": "may not use INTO: a source query only reads",
    "Lock": "may not lock rows (FOR UPDATE, FOR SHARE): a source query only reads",
    "Command": "holds a command the parser does not know",
    "Parameter": "may not use session variables (@name); bind the visitor's identifiers as :name",
    "SessionParameter": "may not use session variables (@@name)",
    "PropertyEQ": "may not assign (:=): a source query only reads",
    "EQ_ASSIGN": "may not assign (:=): a source query only reads",
}


class QueryRefused(ValueError):
    pass


def _kinds(names: frozenset[str]) -> tuple[type[exp.Expression], ...]:
    found = (getattr(exp, name, None) for name in names)
    return tuple(kind for kind in found if isinstance(kind, type) and issubclass(kind, exp.Expression))


_READ_KINDS = frozenset(_kinds(READ_NODES))
_STATEMENTS: tuple[type[exp.Expression], ...] = (exp.Select, *_kinds(_names("Union Intersect Except")))
_SQLGLOT_VERSION = str(getattr(sqlglot, "__version__", "?"))


def dialect_of(backend: str) -> str | None:
    return DIALECTS.get(backend)


def function_name(node: exp.Func) -> str:
    return node.name.upper() if isinstance(node, exp.Anonymous) else node.sql_name().upper()


def check_node(node: exp.Expression) -> None:
    """Raise QueryRefused unless this one node (not its children) belongs in a read."""
    kind = type(node)
    if kind in _READ_KINDS:
        return
    if isinstance(node, exp.Func):
        name = function_name(node)
        if name in ALLOWED_FUNCTIONS:
            return
        raise QueryRefused(f"may not call {name.lower()}(): only string, date, number, aggregate, window and "
                           "JSON functions are allowed")  # fmt: skip
    said = _SAID.get(kind.__name__)
    if said:
        raise QueryRefused(said)
    raise QueryRefused(
        f"uses {kind.key.upper().replace('_', ' ')} ({kind.__name__}), which is not part of a plain read "
        f"as Insyn knows it (sqlglot {_SQLGLOT_VERSION}); write the query without it"
    )


def _one_statement(sql: str, dialect: str) -> exp.Expression:
    """The one statement `sql` holds, parsed for `dialect`; comments refused before parsing."""
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
    return statements[0]  # type: ignore[return-value]  # parse() is typed with the base of Expression


def check_query(sql: str, dialect: str) -> list[str]:
    """Raise QueryRefused with what the query may not do; returns the tables it reads."""
    root = _one_statement(sql, dialect)
    if not isinstance(root, _STATEMENTS):
        raise QueryRefused("must be a SELECT statement")
    for node in root.walk():
        check_node(node)  # type: ignore[arg-type]  # walk() is typed with sqlglot's base of Expression
    return sorted({table.name for table in root.find_all(exp.Table) if table.name})


# What an action may be built of besides what a read is: the statement itself, SET's
# assignments, the INSERT's column list and rows.
_ACTION_ROOTS: tuple[type[exp.Expression], ...] = (exp.Update, exp.Delete, exp.Insert)
_ACTION_PARTS = frozenset(_kinds(_names("Schema Values")))


def _conjuncts(node: Any) -> list[exp.Expression]:
    """The parts of a condition joined by AND at its top (parentheses looked through)."""
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.And):
        return _conjuncts(node.left) + _conjuncts(node.right)
    return [node]


# Parameters that carry a value staff give (a rectification's corrected value), not an
# identifier of the visitor's: they never bind an UPDATE or DELETE to the visitor's rows.
VALUE_PARAMETERS = frozenset({"new_value"})


def _binds(part: exp.Expression) -> bool:
    """column = :identifier, or column IN (… :identifier …): the row must be the visitor's."""
    return isinstance(part, exp.EQ | exp.In) and any(
        p.name not in VALUE_PARAMETERS for p in part.find_all(exp.Placeholder)
    )


def check_action(sql: str, dialect: str, tables: tuple[str, ...] | list[str]) -> str:
    """The second mode, for a source's actions (issue 19): exactly one UPDATE, DELETE or INSERT
    on one of `tables`, reading no other table, every UPDATE and DELETE bound by a WHERE with an
    :identifier parameter, and otherwise only what a read may hold. Returns the operation
    (update, delete, insert); raises QueryRefused with what is wrong."""
    root = _one_statement(sql, dialect)
    if not isinstance(root, _ACTION_ROOTS):
        raise QueryRefused("must be one UPDATE, DELETE or INSERT")
    allowed = {name.lower() for name in tables}
    named = {table.name.lower() for table in root.find_all(exp.Table) if table.name}
    others = sorted(named - allowed)
    if others:
        raise QueryRefused(f"uses tables the action does not name ({', '.join(others)}): list them in `tables`")
    if isinstance(root, exp.Update | exp.Delete):
        where = root.args.get("where")
        if where is None or not any(_binds(part) for part in _conjuncts(where.this)):
            raise QueryRefused(
                "must have a WHERE that requires the visitor's :identifier (column = :identifier or "
                "IN (…:identifier…), joined by AND), or it can change other people's rows"
            )
    elif not any(True for _ in root.find_all(exp.Placeholder)):
        raise QueryRefused("must insert the visitor's :identifier")
    for node in root.walk():
        if node is root or type(node) in _ACTION_PARTS:
            continue
        if isinstance(node, _ACTION_ROOTS):
            raise QueryRefused("must be exactly one UPDATE, DELETE or INSERT")
        check_node(node)  # type: ignore[arg-type]
    return type(root).__name__.lower()
