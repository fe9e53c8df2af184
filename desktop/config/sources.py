"""The schema of the organisation's systems: SQL databases, files, web services and manual
checks, with the queries, endpoints, actions and holds each declares."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import sqlparse
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.config.base import Art15Info, EnglishTexts, Labelled, StrictModel

_IDENT = r"^[a-z][a-z0-9_]*$"
_FORBIDDEN_SQL = {
    "INSERT",
    "UPDATE",
    "DELETE",
    "MERGE",
    "DROP",
    "ALTER",
    "CREATE",
    "TRUNCATE",
    "GRANT",
    "REVOKE",
    "INTO",
    "ATTACH",
    "DETACH",
    "PRAGMA",
    "COPY",
    "CALL",
    "EXEC",
    "EXECUTE",
    "LOCK",
    "REPLACE",
    "UPSERT",
    "VACUUM",
    "SET",
}


class _SourceBase(Art15Info):
    id: str = Field(pattern=_IDENT, max_length=40, description="Stable id, also the keyring key")
    name: str = Field(min_length=1, description="The system's name as the visitor will read it")
    timeout_seconds: float | None = Field(None, gt=0, le=600, description="Overrides the policy")


class SqlQuery(Art15Info, Labelled):
    title: str = Field(min_length=1, description="The category title in the extract")
    sql: str = Field(description="One SELECT with :identifier parameters")
    yields: dict[str, str] = Field(
        default_factory=dict, description="Identifiers found in result columns: {kind = column}"
    )

    @field_validator("sql")
    @classmethod
    def _single_select(cls, value: str) -> str:
        statements = [s for s in sqlparse.parse(value) if s.value.strip().strip(";").strip()]
        if len(statements) != 1:
            raise ValueError("must be exactly one SQL statement")
        statement = statements[0]
        if statement.get_type() != "SELECT":  # type: ignore[no-untyped-call]
            raise ValueError("must be a SELECT statement")
        words = {t.normalized.upper() for t in statement.flatten() if t.is_keyword}  # type: ignore[no-untyped-call]
        forbidden = sorted(words & _FORBIDDEN_SQL)
        if forbidden:
            raise ValueError(f"a read-only query may not use {', '.join(forbidden)}")
        value = value.strip().rstrip(";").strip()
        if not text(value).compile().params:
            raise ValueError("must be searched by at least one :identifier parameter")
        return value

    @property
    def parameters(self) -> tuple[str, ...]:
        return sql_parameters(self.sql)


@functools.lru_cache(maxsize=1024)
def sql_parameters(sql: str) -> tuple[str, ...]:
    """A statement's :parameters, in order (parsed once per statement: actions and holds ask at
    every preview and run)."""
    return tuple(text(sql).compile().params)


ActionRequest = Literal[
    "erasure", "restriction", "rectification", "objection-marketing", "withdraw-consent", "objection"
]
# Carried out when the request is registered, with no approval (Art. 21.3 and 7.3 are unconditional).
IMMEDIATE_REQUESTS: tuple[str, ...] = ("objection-marketing", "withdraw-consent")

# What an action does to the visitor's data, as the outcome letter says it ("2 uppgifter
# raderade", "1 uppgift pseudonymiserad"): a pseudonymisation is never reported as an erasure.
ActionEffect = Literal["erase", "pseudonymise", "restrict", "rectify", "change", "add"]


def default_effect(request: str, operation: str) -> ActionEffect | None:
    """The effect an action has unless its configuration says: a DELETE erases, an INSERT adds,
    an UPDATE restricts, rectifies or changes by its request. None where it cannot be told: an
    UPDATE (or a web service's call other than DELETE) for an erasure may erase some fields or
    pseudonymise the row, and the configuration must say which."""
    operation = operation.lower()
    if operation == "delete":
        return "erase"
    if operation == "insert":
        return "add"
    if request == "erasure":
        return None
    if request == "restriction":
        return "restrict"
    return "rectify" if request == "rectification" else "change"


class SqlAction(StrictModel):
    """What a request does in this system: one UPDATE, DELETE or INSERT (sql_guard.check_action)."""

    request: ActionRequest = Field(description="The request it carries out")
    title: str = Field(min_length=1, description="What is done, as the visitor will read it")
    sql: str = Field(description="One UPDATE, DELETE or INSERT with :identifier parameters")
    tables: tuple[str, ...] = Field(min_length=1, description="The only tables it may change or read")
    field: str | None = Field(
        None,
        description="rectification: the field staff correct, as they read it (e.g. 'Telefonnummer'); the "
        "statement takes the corrected value as :new_value",
    )
    effect: ActionEffect | None = Field(
        None,
        description="What it does to the visitor's data, as the outcome letter says it: erase, pseudonymise, "
        "restrict, rectify, change, add. Default: DELETE erase, INSERT add, UPDATE by the request (an UPDATE "
        "for an erasure must say erase or pseudonymise)",
    )
    en: EnglishTexts | None = Field(None, description="en.title: the same in English")

    @property
    def parameters(self) -> tuple[str, ...]:
        return sql_parameters(self.sql)

    @property
    def operation(self) -> str:
        """UPDATE, DELETE or INSERT as written (the guard checks it is one statement of these)."""
        return self.sql.lstrip().split(None, 1)[0].lower() if self.sql.strip() else ""

    @property
    def effect_told(self) -> ActionEffect:
        """The effect the letter reports: the configured one, else the default."""
        return self.effect or default_effect(self.request, self.operation) or "change"

    @property
    def identifiers(self) -> tuple[str, ...]:
        """The parameters that are the visitor's identifiers (not a value staff give)."""
        return tuple(p for p in self.parameters if p != "new_value")

    @model_validator(mode="after")
    def _new_value_for_a_rectification(self) -> SqlAction:
        takes_value = "new_value" in self.parameters
        if takes_value and self.request != "rectification":
            raise ValueError(":new_value is the corrected value of a rectification; other requests have none")
        if takes_value and not self.field:
            raise ValueError("say which field staff correct (field = 'Telefonnummer')")
        if self.field and not takes_value:
            raise ValueError("a field to correct needs :new_value in the statement")
        if self.effect is None and default_effect(self.request, self.operation) is None:
            raise ValueError(
                "an UPDATE for an erasure must say what it does to the row: effect = 'erase' (the fields are "
                "emptied) or effect = 'pseudonymise' (what names the visitor is replaced)"
            )
        return self


class ManualAction(StrictModel):
    """What a request needs done by a person where Insyn cannot change the system itself (an
    export, a rented service, HR's system): owed until staff confirm it is done, with a note."""

    request: ActionRequest = Field(description="The request it carries out")
    title: str = Field(min_length=1, description="What is done, as the visitor will read it")
    manual: str = Field(
        min_length=1, description="What a person must do, e.g. 'HR tar bort ansökan i rekryteringssystemet'"
    )
    en: EnglishTexts | None = Field(None, description="en.title: the same in English")


# The requests after which the recipients are told (Art. 19), and whose actions wait for an
# approved preview (unlike a marketing stop or a consent withdrawal, which run at once).
ART19_REQUESTS: tuple[str, ...] = ("erasure", "restriction", "rectification")
# The requests that may leave deeds with a case (actions carried out, holds, recipients told).
DEED_REQUESTS = frozenset(ART19_REQUESTS + IMMEDIATE_REQUESTS)


class HoldUntil(StrictModel):
    """How long a hold keeps the rows: `years` after the date in `column`, which the hold's SELECT
    returns (e.g. MAX(fakturadatum) AS fakturadatum)."""

    column: str = Field(min_length=1, description="A date column the hold's SELECT returns")
    years: int = Field(ge=1, le=100, description="Kept this many years after that date")
    after_year_end: StrictBool = Field(
        False, description="Counted from the end of that date's calendar year (bokföringslagen 7 kap. 2 §)"
    )


class SqlHold(StrictModel):
    """What a request leaves in this system, and why: the rows a law or a contract keeps. The
    action must leave them alone; the hold counts them for the visitor."""

    title: str = Field(min_length=1, description="What is kept, as the visitor will read it, e.g. 'Fakturor'")
    ground: str = Field(
        min_length=1,
        description="Why, as the visitor will read it, e.g. 'Bokföringslagen (7 kap. 2 §) – räkenskapsinformation "
        "sparas i sju år'",
    )
    requests: tuple[ActionRequest, ...] = Field(min_length=1, description="The requests it holds against")
    until: str | HoldUntil | None = Field(
        None,
        description="How long: a text ('så länge avtalet gäller') or {column = 'fakturadatum', years = 7}",
    )
    sql: str = Field(
        description="One SELECT with :identifier parameters whose first column counts the rows kept for the visitor"
    )
    covers: tuple[str, ...] = Field(
        (),
        description="The queries (by title) whose records it keeps, e.g. ['Fakturor']: after an erasure the "
        "system is searched again, and a record found there that no hold keeping something for the visitor "
        "covers makes the erasure 'inte helt genomfört' (owed). Default: the query titled like the hold",
    )
    en: EnglishTexts | None = Field(None, description="en.title, en.ground, en.until: the same in English")

    @property
    def covered(self) -> tuple[str, ...]:
        return self.covers or (self.title,)

    @property
    def parameters(self) -> tuple[str, ...]:
        return sql_parameters(self.sql)

    @field_validator("sql")
    @classmethod
    def _searched_by_identifier(cls, value: str) -> str:
        if not text(value).compile().params:
            raise ValueError("must count the visitor's rows by at least one :identifier parameter")
        return value


class SqlSource(_SourceBase):
    kind: Literal["sql"]
    url: str = Field(description="SQLAlchemy URL without password; the password is in the keyring")
    queries: tuple[SqlQuery, ...] = Field(min_length=1)
    actions: tuple[SqlAction | ManualAction, ...] = Field(
        (),
        description="What each request does here: `sql` run with the write account (keyring SOURCE:write), or "
        "`manual` done by a person",
    )
    write_user: str | None = Field(
        None, description="The account actions run as (default: the URL's); its password is SOURCE:write"
    )
    holds: tuple[SqlHold, ...] = Field((), description="What a request leaves here, and why (read account)")

    @property
    def sql_actions(self) -> tuple[SqlAction, ...]:
        return tuple(a for a in self.actions if isinstance(a, SqlAction))

    @field_validator("url")
    @classmethod
    def _valid_url(cls, value: str) -> str:
        try:
            parsed = make_url(value)
        except ArgumentError:
            raise ValueError("not a database URL (dialect+driver://user@host/database)") from None
        if parsed.password:
            raise ValueError("holds a password: store it with `insyn secrets set SOURCE` instead")
        return value

    @model_validator(mode="after")
    def _queries_only_read(self) -> SqlSource:
        """Each query parsed for the database's own dialect (see sql_guard.py)."""
        from desktop.sql_guard import QueryRefused, check_action, check_query, dialect_of

        dialect = dialect_of(make_url(self.url).get_backend_name())
        if dialect is None:
            if self.sql_actions:  # a write is checked by the parser or not run at all
                raise ValueError("actions need a database whose SQL Insyn can check (SQLite, PostgreSQL, MariaDB)")
            return self  # an unknown dialect: the read-only session and the keyword check remain
        for n, query in enumerate(self.queries):
            try:
                check_query(query.sql, dialect)
            except QueryRefused as exc:
                raise ValueError(f"queries[{n}] ({query.title}): the query {exc}") from None
        for n, action in enumerate(self.actions):
            if not isinstance(action, SqlAction):
                continue
            try:
                check_action(action.sql, dialect, action.tables)
            except QueryRefused as exc:
                raise ValueError(f"actions[{n}] ({action.title}): the action {exc}") from None
        for n, hold in enumerate(self.holds):
            try:
                check_query(hold.sql, dialect)
            except QueryRefused as exc:
                raise ValueError(f"holds[{n}] ({hold.title}): the query {exc}") from None
        return self

    @model_validator(mode="after")
    def _holds_cover_queries(self) -> SqlSource:
        titles = {q.title for q in self.queries}
        for n, hold in enumerate(self.holds):
            unknown = [c for c in hold.covers if c not in titles]
            if unknown:
                raise ValueError(
                    f"holds[{n}] ({hold.title}): covers {', '.join(map(repr, unknown))}, which is not the title of "
                    f"one of this source's queries ({', '.join(sorted(titles))})"
                )
        return self


class FileSource(_SourceBase, Labelled):
    kind: Literal["file"]
    path: str = Field(description="CSV or XLSX export; relative to the configuration file")
    title: str = Field(min_length=1, description="The category title in the extract")
    format: Literal["csv", "xlsx"] | None = Field(None, description="Default: from the suffix")
    encoding: str | None = Field(
        None, description="CSV text encoding; default: UTF-8 (with or without BOM), else cp1252"
    )
    # Not stripped like other texts: a tab-separated export says delimiter = "\t".
    delimiter: Annotated[str, StringConstraints(strip_whitespace=False, min_length=1, max_length=1)] | None = Field(
        None, description="Default: sniffed"
    )
    sheet: str | None = Field(None, description="XLSX sheet; default the first")
    max_file_mb: float = Field(2000, gt=0, le=100_000, description="A larger export fails the source")
    max_unpacked_mb: float = Field(
        300, gt=0, le=100_000, description="XLSX: a sheet that unpacks to more fails the source (a zip bomb)"
    )
    max_file_rows: int = Field(
        1_000_000, gt=0, le=100_000_000, description="XLSX: a sheet with more rows fails the source before it is loaded"
    )
    max_line_kb: int = Field(
        1024, gt=0, le=1_000_000, description="CSV: a longer line (without a line break) fails the source"
    )
    key_columns: dict[str, str] = Field(min_length=1, description="Columns searched: {identifier kind = column name}")
    columns: tuple[str, ...] = Field((), description="Columns shown; default all")
    yields: dict[str, str] = Field(default_factory=dict)
    actions: tuple[ManualAction, ...] = Field(
        (), description="What each request needs done by a person here (`manual`): Insyn cannot change it"
    )

    @model_validator(mode="after")
    def _known_format(self) -> FileSource:
        if self.format is None and Path(self.path).suffix.lower() not in (".csv", ".xlsx", ".txt"):
            raise ValueError("say format = 'csv' or 'xlsx' for a file with another suffix")
        return self

    @property
    def file_format(self) -> str:
        return self.format or ("xlsx" if Path(self.path).suffix.lower() == ".xlsx" else "csv")


PagingKind = Literal["next-url", "link-header", "cursor", "offset", "page"]
_DOTTED = r"^[A-Za-z0-9_$@-]+(\.[A-Za-z0-9_$@-]+)*$"


class Paging(StrictModel):
    """How an endpoint's answer continues on the next page. Every kind stops at the endpoint's
    `max_pages` and then says so (on the gather row and in the extract), never silently."""

    kind: PagingKind = Field(
        description="next-url: a next page's URL in the body (`cursor` is its path); link-header: the "
        'Link: <…>; rel="next" header; cursor: a value in the body (`cursor`) sent back as `param`; '
        "offset: `param` = 0, page_size, 2·page_size … until a short page; page: `param` = start, "
        "start+1 … until a short (or empty) page"
    )
    cursor: str | None = Field(
        None, pattern=_DOTTED, description="next-url, cursor: dotted path of the next URL or cursor in the body"
    )
    param: str | None = Field(
        None,
        pattern=r"^\S+$",
        description="cursor, offset, page: the query parameter (GET) or body field (POST, may be dotted) "
        "that carries it",
    )
    page_size: int | None = Field(None, ge=1, le=100_000, description="offset, page: records asked per page")
    size_param: str | None = Field(
        None, pattern=r"^\S+$", description="offset, page: the parameter or body field that carries page_size"
    )
    start: int = Field(1, ge=0, description="page: the first page's number")
    has_more: str | None = Field(
        None, pattern=_DOTTED, description="Dotted path of a boolean in the body: false (or absent) ends the paging"
    )

    @model_validator(mode="after")
    def _complete(self) -> Paging:
        needs = {
            "next-url": ("cursor",),
            "link-header": (),
            "cursor": ("cursor", "param"),
            "offset": ("param", "page_size"),
            "page": ("param",),
        }[self.kind]
        missing = [key for key in needs if getattr(self, key) is None]
        if missing:
            raise ValueError(f"paging kind '{self.kind}' needs {' and '.join(missing)}")
        if self.size_param is not None and self.page_size is None:
            raise ValueError("size_param needs page_size")
        return self


def _web_url(value: str) -> str:
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in ("http", "https"):
        raise ValueError("must be an http:// or https:// URL (file:// and other schemes are never fetched)")
    return value


WebUrl = Annotated[str, AfterValidator(_web_url)]


def _parse_body(value: Any) -> Any:
    """A body given as JSON text is parsed at load; a TOML table is taken as it is."""
    if isinstance(value, str):
        import json

        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            raise ValueError(f"body is not valid JSON ({exc.msg} at character {exc.pos})") from None
    return value


def _template_strings(node: Any) -> list[str]:
    """Every text in a body template, keys included: where {identifier} placeholders may be."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for key, item in node.items() for text in [str(key), *_template_strings(item)]]
    if isinstance(node, list):
        return [text for item in node for text in _template_strings(item)]
    return []


class RestEndpoint(Art15Info, Labelled):
    title: str = Field(min_length=1, description="The category title in the extract")
    url: WebUrl = Field(description="URL template: {identifier} placeholders are filled in escaped")
    method: Literal["GET", "POST"] = Field("GET", description="POST for searches that take a JSON body")
    params: dict[str, str] = Field(default_factory=dict, description="Query parameters (templates)")
    body: Annotated[dict[str, Any] | list[Any] | None, BeforeValidator(_parse_body)] = Field(
        None,
        description="POST: the JSON body, as a TOML table or JSON text; each {identifier} inside a text "
        "is filled in as a JSON string (escaped, never spliced into the JSON)",
    )
    records: str = Field("", description="Dotted path to the list of records; '' is the whole body")
    next: str | None = Field(
        None, description="Short for paging = {kind = 'next-url', cursor = …}: dotted path of the next page's URL"
    )
    paging: Paging | None = Field(None, description="How the answer continues on more pages (see [paging])")
    max_pages: int = Field(50, ge=1, le=10_000, description="Pages read at most; more are reported, not read")
    not_found_status: tuple[int, ...] = Field((404,), description="Statuses meaning 'no data'")
    yields: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _searched_by_something(self) -> RestEndpoint:
        if not self.parameters:
            raise ValueError("the URL, params or body must use at least one {identifier}")
        if self.body is not None and self.method != "POST":
            raise ValueError('a body is sent only with method = "POST"')
        if self.next is not None and self.paging is not None:
            raise ValueError("say either next (the short form) or paging, not both")
        return self

    @property
    def paging_rule(self) -> Paging | None:
        if self.next is not None:
            return Paging(kind="next-url", cursor=self.next)
        return self.paging

    @property
    def parameters(self) -> tuple[str, ...]:
        templates = [self.url, *self.params.values(), *_template_strings(self.body)]
        return tuple(dict.fromkeys(m for t in templates for m in re.findall(r"\{(\w+)\}", t)))


class RestAction(StrictModel):
    """What a request does in a web service: one call (DELETE, POST, PATCH or PUT) to a URL
    template, with an optional JSON body template, under the source's auth and its origin,
    redirect and size rules. A 2xx answer is done; the not-found statuses mean nothing to do."""

    request: ActionRequest = Field(description="The request it carries out")
    title: str = Field(min_length=1, description="What is done, as the visitor will read it")
    method: Literal["DELETE", "POST", "PATCH", "PUT"] = Field(description="The call")
    url: WebUrl = Field(description="URL template: {identifier} placeholders are filled in escaped")
    body: Annotated[dict[str, Any] | list[Any] | None, BeforeValidator(_parse_body)] = Field(
        None, description="A JSON body template (TOML table or JSON text), identifiers filled in as JSON strings"
    )
    not_found_status: tuple[int, ...] = Field((404,), description="Statuses meaning 'nothing of the visitor's here'")
    effect: ActionEffect | None = Field(
        None,
        description="What it does to the visitor's data, as the outcome letter says it (as for SQL actions); "
        "default: DELETE erase, otherwise by the request (a POST, PATCH or PUT for an erasure must say)",
    )
    en: EnglishTexts | None = Field(None, description="en.title: the same in English")

    @property
    def effect_told(self) -> ActionEffect:
        return self.effect or default_effect(self.request, self.method) or "change"

    @model_validator(mode="after")
    def _effect_said(self) -> RestAction:
        if self.effect is None and default_effect(self.request, self.method) is None:
            raise ValueError("a call other than DELETE for an erasure must say effect = 'erase' or 'pseudonymise'")
        return self

    @property
    def parameters(self) -> tuple[str, ...]:
        templates = [self.url, *_template_strings(self.body)]
        return tuple(dict.fromkeys(m for t in templates for m in re.findall(r"\{(\w+)\}", t)))

    @model_validator(mode="after")
    def _bound_to_the_visitor(self) -> RestAction:
        if not re.findall(r"\{(\w+)\}", self.url) and not self.body:
            raise ValueError("the URL or body must use the visitor's {identifier}")
        return self


def is_loopback(host: str) -> bool:
    import ipaddress

    host = host.lower().strip("[]")
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class RestSource(_SourceBase):
    kind: Literal["rest"]
    auth: Literal["none", "bearer", "header", "basic", "oauth2-client-credentials"] = Field(
        "none",
        description="How the keyring's secret is sent; oauth2-client-credentials: the secret is the client "
        "secret, exchanged at token_url for a bearer token",
    )
    auth_header: str = Field("Authorization", description="Header for auth = 'header'")
    username: str | None = Field(None, description="User for auth = 'basic'")
    token_url: str | None = Field(
        None, description="oauth2-client-credentials: the token endpoint (https, or http on this machine only)"
    )
    client_id: str | None = Field(None, min_length=1, description="oauth2-client-credentials: the client id")
    scope: str | None = Field(
        None, description="oauth2-client-credentials: the scope asked for, if the service wants one"
    )
    client_auth: Literal["body", "basic"] = Field(
        "body", description="oauth2-client-credentials: client id and secret in the form body or as HTTP Basic"
    )
    verify_tls: StrictBool = Field(True, description="Check the server's certificate")
    redirects: Literal["same-origin", "never"] = Field(
        "same-origin", description="Follow redirects within the endpoint's origin only, or not at all"
    )
    max_response_mb: float = Field(50, gt=0, le=2000, description="Larger answers fail the source")
    endpoints: tuple[RestEndpoint, ...] = Field(min_length=1)
    actions: tuple[RestAction | ManualAction, ...] = Field(
        (), description="What each request does here: a call (`method`, `url`, `body`) or a person's task (`manual`)"
    )

    @model_validator(mode="after")
    def _oauth2_complete(self) -> RestSource:
        oauth = self.auth == "oauth2-client-credentials"
        given = [key for key in ("token_url", "client_id", "scope") if getattr(self, key) is not None]
        if not oauth:
            if given:
                raise ValueError(f"{', '.join(given)} belong to auth = 'oauth2-client-credentials'")
            return self
        if self.token_url is None or self.client_id is None:
            raise ValueError("auth = 'oauth2-client-credentials' needs token_url and client_id")
        from urllib.parse import urlsplit

        parts = urlsplit(self.token_url)
        if parts.scheme == "http" and is_loopback(parts.hostname or ""):
            return self
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError("token_url must be an https:// URL (http only to this machine)")
        return self


class ManualSource(_SourceBase):
    kind: Literal["manual"]
    instructions: str = Field(min_length=1, description="What staff must do to find the data")
    actions: tuple[ManualAction, ...] = Field(
        (), description="What each request needs done by a person here (`manual`): Insyn cannot change it"
    )


Source = Annotated[SqlSource | FileSource | RestSource | ManualSource, Field(discriminator="kind")]


class IdentifierKind(StrictModel):
    """An identifier kind of the organisation's own: how strong a match through it is, and how
    the visitor calls it ("anläggnings-id")."""

    strength: Literal["strong", "weak"]
    label: str | None = Field(None, description="The visitor's word for it, e.g. 'anläggnings-id'")
    en: EnglishTexts | None = Field(None, description="en.label: the English word")


def identifier_kind(value: Any) -> Any:
    return {"strength": value} if isinstance(value, str) else value


class Unlinkable(StrictModel):
    """Data the organisation holds that it cannot link to a named person, e.g. a web site's
    cookies and visitor statistics (Art. 11.2): the extract names it, so that the visitor does not
    take the systems searched for everything, and says what they could give to be found in it."""

    name: str = Field(min_length=1, description="What it is, e.g. 'Besöksstatistik för webbplatsen (Google Analytics)'")
    what: str = Field(min_length=1, description="What it holds, in the visitor's words")
    give: str = Field(
        min_length=1, description="What the visitor could give us that would let us find theirs, e.g. a cookie id"
    )
    en: EnglishTexts | None = Field(None, description="en.name, en.what, en.give: the same in English")
