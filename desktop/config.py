"""The organisation's TOML configuration: one schema that validates, explains and documents.

IT connects the organisation's own systems by writing this file. Every key has a type, a default
where one makes sense and a description; an invalid file is refused with the file, the key path
and what is wrong, and a file holding a password or token is refused with a pointer to the
keyring (`insyn secrets set SOURCE`). Relative paths are read from the file's own folder.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

import sqlparse
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from stdnum.se import orgnr

from desktop.errors import UserError

# Identifiers a source can be searched by, and whether a match through them is strong. A strong
# match needs no confirmation; a weak one (shared e-mail, phone, a common name) must be confirmed
# by a person in review. Organisations may declare more in [identifiers].
BUILTIN_IDENTIFIERS: dict[str, Literal["strong", "weak"]] = {
    "personnummer": "strong",
    "customer_number": "strong",
    "email": "weak",
    "phone": "weak",
    "name": "weak",
}
# Forms of the personnummer that a query or URL can ask for, as systems store it differently.
PERSONNUMMER_FORMS = {
    "personnummer": "YYYYMMDD-NNNC",
    "personnummer12": "YYYYMMDDNNNC",
    "personnummer10": "YYMMDDNNNC",
    "personnummer10_dash": "YYMMDD-NNNC",
}
_SECRET_KEYS = re.compile(r"(password|passwd|pwd|secret|token|api_?key|apikey|credential)", re.I)
_NOT_SECRETS = frozenset({"token_url"})  # keys whose name looks like a secret but which hold none
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


class ConfigError(UserError):
    """The configuration cannot be used; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class EnglishTexts(_Strict):
    """English beside the Swedish: the same keys, given where the Swedish is (`en.purpose = …`)."""

    name: str | None = None
    title: str | None = None
    purpose: str | None = None
    legal_basis: str | None = None
    categories: tuple[str, ...] | None = None
    recipients: tuple[str, ...] | None = None
    retention: str | None = None
    origin: str | None = None
    automated_decisions: str | None = None
    labels: dict[str, str] = Field(default_factory=dict)
    country: str | None = None
    recipient: str | None = None
    adequacy_decision: str | None = None
    safeguard: str | None = None
    visiting_address: str | None = None
    privacy_contact: str | None = None
    dpo: str | None = None
    label: str | None = None
    ground: str | None = None
    until: str | None = None
    what: str | None = None
    give: str | None = None


class Organisation(_Strict):
    name: str = Field(min_length=1, description="The organisation's name, printed on the extract")
    org_number: str = Field(description="Organisationsnummer, e.g. 556000-0000")
    visiting_address: str = Field(min_length=1, description="Where visitors come")
    privacy_contact: str = Field(
        min_length=1, description="Whom to ask about data protection: role and e-mail or phone"
    )
    dpo: str | None = Field(None, description="The data protection officer, if one is appointed")
    public_body: StrictBool = Field(
        False,
        description="A public body or a municipal company under the principle of public access "
        "(offentlighetsprincipen): the extract says that documents may be public unless secret under OSL",
    )
    public_authority: StrictBool = Field(
        False,
        description="A public authority (myndighet): a refusal can be appealed to the administrative court "
        "(förvaltningsrätt, dataskyddslagen 7 kap. 2 §); otherwise the letter points to the general courts. "
        "A municipal company is not an authority in this sense.",
    )
    en: EnglishTexts | None = Field(None, description="English: name, visiting_address, privacy_contact, dpo")

    @field_validator("org_number")
    @classmethod
    def _valid_org_number(cls, value: str) -> str:
        if not orgnr.is_valid(value):
            raise ValueError("not a valid Swedish organisationsnummer")
        return orgnr.format(value)


class RegisterSettings(_Strict):
    url: str | None = Field(
        None,
        description="Database URL of the case register; omitted: a SQLite file in the user "
        "data folder. PostgreSQL when several desks share it. Its password, if any, is the "
        "keyring secret 'register' (`insyn secrets set register`).",
    )

    @field_validator("url")
    @classmethod
    def _no_password(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            parsed = make_url(value)
        except ArgumentError:
            raise ValueError("not a database URL (dialect+driver://user@host/database)") from None
        if parsed.password:
            raise ValueError("holds a password: store it with `insyn secrets set register` instead")
        return value


class Policy(_Strict):
    approval_required: StrictBool = Field(False, description="A second person releases every extract")
    actions_approval_required: StrictBool = Field(
        True,
        description="A second person approves the preview before an erasure, restriction or rectification is "
        "carried out in the systems (a marketing stop and a withdrawn consent run at once)",
    )
    refusal_by_approver: StrictBool = Field(
        False,
        description="A refusal (Art. 12.4) is decided by someone with the approver role: at another person's "
        "desk they sign the decision with their own password",
    )
    idle_lock_minutes: int = Field(5, ge=1, le=60, description="Lock the window when idle")
    keep_closed_cases_years: int = Field(3, ge=1, le=20, description="Purge closed cases after")
    eves_as_holidays: StrictBool = Field(
        False,
        description="Treat midsommarafton, julafton and nyårsafton as holidays for deadlines "
        "(moves deadlines later; off by default)",
    )
    max_failed_sign_ins: int = Field(
        10, ge=3, le=100, description="Wrong passwords in a row before an account is locked"
    )
    sign_in_lock_minutes: int = Field(
        15, ge=1, le=1440, description="How long a locked account stays locked (an administrator can unlock it)"
    )
    gather_parallelism: int = Field(4, ge=1, le=32, description="Sources asked at the same time")
    source_timeout_seconds: float = Field(
        30, gt=0, le=600, description="Default time a source may take before it is timed out"
    )
    max_rows_per_query: int = Field(
        500_000, ge=1, description="A query returning more rows than this is cut and marked"
    )


class Transfer(_Strict):
    """A transfer outside the EU/EEA (Art. 15.2): to whom, where, and on what ground (Art. 45 or 46)."""

    country: str = Field(description="The third country, e.g. USA")
    recipient: str = Field(description="Who receives the data there")
    adequacy_decision: str | None = Field(
        None,
        description="Art. 45: the Commission's adequacy decision the transfer relies on, e.g. "
        "'EU–US Data Privacy Framework (beslut 2023/1795)'. Give this or safeguard.",
    )
    safeguard: str | None = Field(
        None,
        description="Art. 46: the safeguard, e.g. 'EU-kommissionens standardavtalsklausuler'. "
        "Give this or adequacy_decision.",
    )
    en: EnglishTexts | None = Field(None, description="English texts: country, recipient, adequacy_decision, safeguard")

    @model_validator(mode="after")
    def _one_ground(self) -> Transfer:
        if (self.adequacy_decision is None) == (self.safeguard is None):
            raise ValueError(
                "say either adequacy_decision (Art. 45) or safeguard (Art. 46) as the ground of the transfer"
            )
        return self


FROM_VISITOR = "visitor"  # origin = "visitor": the data came from the visitor


class Art15Info(_Strict):
    """What Art. 15.1 (a)–(h) and 15.2 require the extract to say about a source or category.

    Every fact is required for every part of a source (given on the source or on its query,
    endpoint or file); nothing is assumed. "None" is said explicitly: `recipients = []`,
    `transfers = []`, `automated_decisions = false`, and `origin = "visitor"` for data the
    visitor gave.
    """

    purpose: str | None = Field(None, description="(a) Why the data is processed")
    legal_basis: str | None = Field(None, description="The legal basis, e.g. Avtal (art. 6.1 b)")
    categories: tuple[str, ...] | None = Field(None, description="(b) Categories of personal data")
    recipients: tuple[str, ...] | None = Field(
        None, description="(c) Recipients or their categories; [] means the data is given to no one"
    )
    retention: str | None = Field(None, description="(d) How long, or the criteria")
    origin: str | None = Field(None, description='(g) Where the data came from; "visitor" means from the visitor')
    transfers: tuple[Transfer, ...] | None = Field(None, description="15.2 Transfers outside the EU/EEA; [] means none")
    automated_decisions: Literal[False] | str | None = Field(
        None, description="(h) Automated decisions incl. profiling, with their logic; false means none"
    )
    en: EnglishTexts | None = Field(None, description="The same texts in English (labels, name, title too)")


ART15_FACTS = (
    "purpose",
    "legal_basis",
    "categories",
    "recipients",
    "retention",
    "origin",
    "transfers",
    "automated_decisions",
)


class ConditionalFacts(Art15Info):
    """Facts that hold only for some of a category's records: profiling for those who gave that
    consent. They apply when a record the visitor receives matches `when`: every column named
    holds one of the values listed ("" stands for an empty cell)."""

    when: dict[str, tuple[str, ...]] = Field(
        min_length=1,
        description="{column = [values]}: result columns (their names in the system, not the labels) "
        'and the values for which the facts apply; "" matches an empty cell, "*" any cell that is not empty. '
        "The texts may name a column of `when` as {column}: the matching record's value is put there (e.g. "
        "'Du återkallade samtycket {aterkallat}')",
    )

    @model_validator(mode="after")
    def _placeholders_name_when_columns(self) -> ConditionalFacts:
        said = [v for v in vars(self).values() if isinstance(v, str)]
        said += [v for v in vars(self.en).values() if isinstance(v, str)] if self.en is not None else []
        unknown = sorted({name for text in said for name in re.findall(r"\{(\w+)\}", text)} - set(self.when))
        if unknown:
            raise ValueError(
                f"the text names {', '.join('{' + u + '}' for u in unknown)}: only the columns of `when` "
                f"({', '.join(self.when)}) can be put into it"
            )
        return self


class Conversation(_Strict):
    """Records that are messages (a chat, a case log) read as a conversation in the extract."""

    when: tuple[str, ...] = Field(min_length=1, description="Column(s) saying when, e.g. ['Datum', 'Tid']")
    speaker: str = Field(min_length=1, description="Column saying who wrote")
    text: str = Field(min_length=1, description="Column with the message")


class _Labelled(_Strict):
    """How results read for the visitor: `kund_sedan` as "Kund sedan", a chat as a conversation."""

    labels: dict[str, str] = Field(
        default_factory=dict,
        description="Plain-language names for result columns, as the visitor reads them: {column = label}",
    )
    conversation: Conversation | None = Field(
        None,
        description="Show the records as a conversation (when, who, message) instead of a table; "
        "columns as named after labels. Columns it does not name are shown too.",
    )

    facts_when: tuple[ConditionalFacts, ...] = Field(
        (), description="Art. 15 facts that apply only to records with a given column value"
    )
    address: tuple[str, ...] = Field(
        (),
        description="Columns holding the visitor's population-register address, in order (street, postcode, "
        "town): proposed for an answer by post, for staff to confirm",
    )

    @field_validator("labels")
    @classmethod
    def _distinct_labels(cls, labels: dict[str, str]) -> dict[str, str]:
        cleaned = {column: label.strip() for column, label in labels.items()}
        if any(not label for label in cleaned.values()):
            raise ValueError("a label may not be empty")
        doubled = sorted({label for label in cleaned.values() if list(cleaned.values()).count(label) > 1})
        if doubled:
            raise ValueError(f"two columns would get the same label: {', '.join(doubled)}")
        return cleaned


class _SourceBase(Art15Info):
    id: str = Field(pattern=_IDENT, max_length=40, description="Stable id, also the keyring key")
    name: str = Field(min_length=1, description="The system's name as the visitor will read it")
    timeout_seconds: float | None = Field(None, gt=0, le=600, description="Overrides the policy")


class SqlQuery(Art15Info, _Labelled):
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


class SqlAction(_Strict):
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


class ManualAction(_Strict):
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


class HoldUntil(_Strict):
    """How long a hold keeps the rows: `years` after the date in `column`, which the hold's SELECT
    returns (e.g. MAX(fakturadatum) AS fakturadatum)."""

    column: str = Field(min_length=1, description="A date column the hold's SELECT returns")
    years: int = Field(ge=1, le=100, description="Kept this many years after that date")
    after_year_end: StrictBool = Field(
        False, description="Counted from the end of that date's calendar year (bokföringslagen 7 kap. 2 §)"
    )


class SqlHold(_Strict):
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


class FileSource(_SourceBase, _Labelled):
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


class Paging(_Strict):
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


class RestEndpoint(Art15Info, _Labelled):
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


class RestAction(_Strict):
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


def _is_loopback(host: str) -> bool:
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
        if parts.scheme == "http" and _is_loopback(parts.hostname or ""):
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


class IdentifierKind(_Strict):
    """An identifier kind of the organisation's own: how strong a match through it is, and how
    the visitor calls it ("anläggnings-id")."""

    strength: Literal["strong", "weak"]
    label: str | None = Field(None, description="The visitor's word for it, e.g. 'anläggnings-id'")
    en: EnglishTexts | None = Field(None, description="en.label: the English word")


def _identifier_kind(value: Any) -> Any:
    return {"strength": value} if isinstance(value, str) else value


class Unlinkable(_Strict):
    """Data the organisation holds that it cannot link to a named person, e.g. a web site's
    cookies and visitor statistics (Art. 11.2): the extract names it, so that the visitor does not
    take the systems searched for everything, and says what they could give to be found in it."""

    name: str = Field(min_length=1, description="What it is, e.g. 'Besöksstatistik för webbplatsen (Google Analytics)'")
    what: str = Field(min_length=1, description="What it holds, in the visitor's words")
    give: str = Field(
        min_length=1, description="What the visitor could give us that would let us find theirs, e.g. a cookie id"
    )
    en: EnglishTexts | None = Field(None, description="en.name, en.what, en.give: the same in English")


class Config(_Strict):
    organisation: Organisation
    register_settings: RegisterSettings = Field(RegisterSettings(), alias="register")
    policy: Policy = Policy()
    identifiers: dict[str, Annotated[IdentifierKind, BeforeValidator(_identifier_kind)]] = Field(
        default_factory=dict,
        description="More identifier kinds: {name = 'strong' | 'weak'}, or "
        "{name = {strength = 'strong', label = 'anläggnings-id', en.label = 'facility ID'}}",
    )
    sources: tuple[Source, ...] = Field(default=(), description="The systems searched")
    unlinkable: tuple[Unlinkable, ...] = Field(
        (), description="Data that cannot be linked to the visitor (Art. 11.2), named in every extract"
    )

    @property
    def identifier_strength(self) -> dict[str, str]:
        return {**BUILTIN_IDENTIFIERS, **{k: v.strength for k, v in self.identifiers.items()}}

    @field_validator("identifiers")
    @classmethod
    def _builtin_strength_kept(cls, value: dict[str, IdentifierKind]) -> dict[str, IdentifierKind]:
        for name, kind in value.items():
            builtin = BUILTIN_IDENTIFIERS.get(name)
            if builtin is not None and kind.strength != builtin:
                raise ValueError(f"{name} is a built-in identifier and always {builtin}; declare a kind of your own")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Config:
        seen: set[str] = set()
        for index, source in enumerate(self.sources):
            if source.id in seen:
                raise ValueError(f"sources[{index}].id: '{source.id}' is used twice")
            seen.add(source.id)
        known = set(self.identifier_strength) | set(PERSONNUMMER_FORMS)
        for index, source in enumerate(self.sources):
            for where, wanted in _identifier_uses(source):
                unknown = sorted(set(wanted) - known)
                if unknown:
                    raise ValueError(
                        f"sources[{index}] ({source.id}) {where}: unknown identifier "
                        f"{', '.join(unknown)}; declare it under [identifiers]"
                    )
        problems = [p for index, source in enumerate(self.sources) for p in _art15_problems(index, source)]
        if problems:
            raise ValueError(
                "Art. 15 facts missing or contradictory (recipients = [] and transfers = [] mean none, "
                'automated_decisions = false means none, origin = "visitor" means from the visitor): '
                + "; ".join(problems)
            )
        return self

    def source(self, source_id: str) -> SqlSource | FileSource | RestSource | ManualSource:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise ConfigError(f"no source with id '{source_id}' in the configuration")


def source_parts(source: SqlSource | FileSource | RestSource | ManualSource) -> list[tuple[str, Any]]:
    """The parts of a source that become categories of the extract, with their key paths:
    queries, endpoints, or the source itself (a file, a manual check)."""
    if isinstance(source, SqlSource):
        return [(f"queries[{i}] ({q.title})", q) for i, q in enumerate(source.queries)]
    if isinstance(source, RestSource):
        return [(f"endpoints[{i}] ({e.title})", e) for i, e in enumerate(source.endpoints)]
    return [("", source)]


def address_columns(source: SqlSource | FileSource | RestSource | ManualSource) -> dict[str, tuple[str, ...]]:
    """Category title → the fields (as a record names them, after labels) that hold the
    population-register address, for the parts that name their `address` columns."""
    found: dict[str, tuple[str, ...]] = {}
    for _path, part in source_parts(source):
        columns = getattr(part, "address", ())
        if columns:
            found[part.title] = tuple(part.labels.get(c, c) for c in columns)
    return found


def merged_fact(source: Art15Info, part: Art15Info, fact: str) -> Any:
    """A fact as it holds for a part: the part's own where it says one, else the source's."""
    own = getattr(part, fact)
    return own if own is not None or part is source else getattr(source, fact)


def _art15_problems(index: int, source: Any) -> list[str]:
    problems = []
    for where, part in source_parts(source):
        path = f"sources[{index}] ({source.id})" + (f".{where}" if where else "")
        missing = [fact for fact in ART15_FACTS if merged_fact(source, part, fact) is None]
        if missing:
            problems.append(f"{path}: no {', '.join(missing)}")
        described = [part.automated_decisions] + [c.automated_decisions for c in getattr(part, "facts_when", ())]
        if source.automated_decisions is False and part is not source and any(isinstance(d, str) for d in described):
            problems.append(
                f"{path}.automated_decisions: describes automated decisions while the source says "
                "there are none (automated_decisions = false); say it for each part instead"
            )
    return problems


def english_missing(config: Config) -> list[str]:
    """Key paths of visitor-facing texts given in Swedish without English (`config check`)."""
    missing: list[str] = []

    def check(node: Any, path: str, keys: tuple[str, ...]) -> None:
        english = getattr(node, "en", None)
        for key in keys:
            swedish = getattr(node, key, None)
            if key == "origin" and swedish == FROM_VISITOR:
                continue
            if key == "automated_decisions" and swedish is False:
                continue
            if key == "labels":
                lacking = [c for c in (swedish or {}) if c not in (english.labels if english else {})]
                missing.extend(f"{path}.en.labels.{c}" for c in lacking)
                continue
            if swedish not in (None, (), "") and (english is None or getattr(english, key) is None):
                missing.append(f"{path}.en.{key}")

    facts = ("purpose", "legal_basis", "categories", "recipients", "retention", "origin", "automated_decisions")
    check(config.organisation, "organisation", ("name", "visiting_address", "privacy_contact", "dpo"))
    for index, unlinkable in enumerate(config.unlinkable):
        check(unlinkable, f"unlinkable[{index}]", ("name", "what", "give"))
    for kind, declared in config.identifiers.items():
        check(declared, f"identifiers.{kind}", ("label",))
    for index, source in enumerate(config.sources):
        path = f"sources[{index}] ({source.id})"
        check(source, path, ("name", *facts))
        for n, transfer in enumerate(source.transfers or ()):
            check(transfer, f"{path}.transfers[{n}]", ("country", "recipient", "adequacy_decision", "safeguard"))
        for where, part in source_parts(source):
            here = f"{path}.{where}" if where else path
            keys: tuple[str, ...] = ("title", "labels") if part is source else ("title", "labels", *facts)
            if isinstance(part, ManualSource):
                keys = ()
            check(part, here, keys)
            for n, transfer in enumerate((part.transfers or ()) if part is not source else ()):
                check(transfer, f"{here}.transfers[{n}]", ("country", "recipient", "adequacy_decision", "safeguard"))
            for n, conditional in enumerate(getattr(part, "facts_when", ())):
                check(conditional, f"{here}.facts_when[{n}]", facts)
    return missing


def _identifier_uses(source: Any) -> list[tuple[str, list[str]]]:
    uses: list[tuple[str, list[str]]] = []
    if isinstance(source, SqlSource):
        for i, query in enumerate(source.queries):
            uses.append((f"queries[{i}] parameters", list(query.parameters)))
            uses.append((f"queries[{i}].yields", list(query.yields)))
        for i, action in enumerate(source.actions):
            if isinstance(action, SqlAction):
                uses.append((f"actions[{i}] parameters", list(action.identifiers)))
        for i, hold in enumerate(source.holds):
            uses.append((f"holds[{i}] parameters", list(hold.parameters)))
    elif isinstance(source, FileSource):
        uses.append(("key_columns", list(source.key_columns)))
        uses.append(("yields", list(source.yields)))
    elif isinstance(source, RestSource):
        for i, endpoint in enumerate(source.endpoints):
            uses.append((f"endpoints[{i}] placeholders", list(endpoint.parameters)))
            uses.append((f"endpoints[{i}].yields", list(endpoint.yields)))
        for i, call in enumerate(source.actions):
            if isinstance(call, RestAction):
                uses.append((f"actions[{i}] placeholders", list(call.parameters)))
    return uses


def _find_secrets(value: object, path: str = "") -> str | None:
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if _SECRET_KEYS.search(str(key)) and str(key) not in _NOT_SECRETS and isinstance(item, str) and item:
                return here
            found = _find_secrets(item, here)
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _find_secrets(item, f"{path}[{index}]")
            if found:
                return found
    return None


def _key_path(location: tuple[int | str, ...], raw: dict[str, Any]) -> str:
    """`sources[2].queries[0].sql`, naming the source by its id where it has one."""
    parts: list[str] = []
    node: Any = raw
    for position, item in enumerate(location):
        if position == 2 and location[0] == "sources" and item in ("sql", "file", "rest", "manual"):
            continue  # pydantic's name for the union member, not a key of the file
        if isinstance(item, int):
            label = f"[{item}]"
            if isinstance(node, list) and item < len(node):
                node = node[item]
                if isinstance(node, dict) and isinstance(node.get("id"), str) and len(parts) == 1:
                    label = f"[{item}] ({node['id']})"
            parts.append(label)
        else:
            node = node.get(item) if isinstance(node, dict) else None
            parts.append(f".{item}" if parts else str(item))
    return "".join(parts) or "(top level)"


def _resolve_paths(config: Config, folder: Path) -> Config:
    """Make file paths and SQLite URLs relative to the configuration file absolute."""

    def absolute(path: str) -> str:
        candidate = Path(path).expanduser()
        return str(candidate if candidate.is_absolute() else (folder / candidate).resolve())

    def sqlite_absolute(url: str) -> str:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            return parsed.set(database=absolute(parsed.database)).render_as_string(False)
        return url

    sources = []
    for source in config.sources:
        if isinstance(source, FileSource):
            source = source.model_copy(update={"path": absolute(source.path)})
        elif isinstance(source, SqlSource):
            source = source.model_copy(update={"url": sqlite_absolute(source.url)})
        sources.append(source)
    register = config.register_settings
    if register.url:
        register = register.model_copy(update={"url": sqlite_absolute(register.url)})
    return config.model_copy(update={"sources": tuple(sources), "register_settings": register})


def parse_config(raw: dict[str, Any], *, origin: str = "<configuration>", folder: Path | None = None) -> Config:
    secret_at = _find_secrets(raw)
    if secret_at:
        raise ConfigError(
            f"{origin}: {secret_at}: passwords and tokens do not belong in the configuration; "
            "store them in the keyring with `insyn secrets set SOURCE`"
        )
    for source in raw.get("sources", []) if isinstance(raw.get("sources"), list) else []:
        url = source.get("url") if isinstance(source, dict) else None
        if isinstance(url, str) and source.get("kind") == "sql":
            try:
                if make_url(url).password:
                    raise ConfigError(
                        f"{origin}: sources ({source.get('id')}).url holds a password; store it "
                        "in the keyring with `insyn secrets set SOURCE`"
                    )
            except ArgumentError:
                pass  # reported by the schema below
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        errors: list[Any] = list(exc.errors())

        # A container is reported too short when its only item failed: that is one problem.
        def covered(error: dict[str, Any]) -> bool:
            loc = tuple(error["loc"])
            return any(o is not error and tuple(o["loc"])[: len(loc)] == loc for o in errors)

        errors = [e for e in errors if not covered(e)]
        error = errors[0]
        where = _key_path(tuple(error["loc"]), raw)
        message = error["msg"].removeprefix("Value error, ")
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        at = f"{where}: " if error["loc"] else ""
        raise ConfigError(f"{origin}: {at}{message}{more}") from None
    return _resolve_paths(config, folder or Path.cwd())


def site_config_path() -> Path:
    """Where IT puts the machine-wide configuration: /etc/xdg/Insyn/insyn.toml on Linux,
    C:\\ProgramData\\Insyn\\insyn.toml on Windows (platformdirs' site config folder)."""
    import platformdirs

    return Path(platformdirs.site_config_dir("Insyn", appauthor=False)) / "insyn.toml"


def find_config(explicit: str | None) -> str | None:
    """--config, else INSYN_CONFIG, else the machine-wide file if IT has placed one."""
    import os

    if explicit:
        return explicit
    if os.environ.get("INSYN_CONFIG"):
        return os.environ["INSYN_CONFIG"]
    site = site_config_path()
    return str(site) if site.is_file() else None


def config_warnings(config: Config, path: str | Path | None) -> list[str]:
    """What is allowed but risky: said by `config check` and logged at every start."""
    import stat
    from urllib.parse import urlsplit

    warnings = []
    if path is not None and os.name == "posix":
        try:
            mode = Path(path).stat().st_mode
        except OSError:
            mode = 0
        if mode & stat.S_IWOTH:
            warnings.append(f"{Path(path).name} can be changed by every user of this machine: chmod o-w it")
    for source in config.sources:
        if not isinstance(source, RestSource) or source.auth == "none":
            continue
        for endpoint in source.endpoints:
            parts = urlsplit(endpoint.url)
            host = (parts.hostname or "").lower()
            if parts.scheme.lower() == "http" and not _is_loopback(host):
                warnings.append(f"{source.id}: its secret ({source.auth}) is sent over plain http to {host}; use https")
                break
    return warnings


MAX_CONFIG_BYTES = 1_000_000  # the demo's is 30 KB; a 9.8 MB file took 107 s to be refused


def load_config(path: str | Path) -> Config:
    """Read and validate a configuration file, or raise ConfigError naming what is wrong."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            raise ConfigError(f"{path}: not a regular file")
        if path.exists() and path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES // 1_000_000} MB; not a configuration")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        raw = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a configuration") from None
    return parse_config(raw, origin=str(path), folder=path.resolve().parent)


# Worked examples for the reference: each is a whole [[sources]] entry that loads (a test parses
# every one), written as the services they are modelled on really answer.
REST_EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "OAuth2 client credentials and a cursor in the body (a chat service, Slack-style paging)",
        """[[sources]]
id = "chatt"
name = "Chatt"
kind = "rest"
auth = "oauth2-client-credentials"
token_url = "https://login.chat.example/oauth2/token"
client_id = "insyn-kundtjanst"
scope = "conversations.read"
# the client secret: insyn secrets set chatt

[[sources.endpoints]]
title = "Chattkonversationer"
url = "https://api.chat.example/v2/contacts/{email}/messages"
params = { limit = "100" }
records = "messages"
paging = { kind = "cursor", cursor = "response_metadata.next_cursor", param = "cursor" }
""",
    ),
    (
        "A POST search with a JSON body, the cursor sent back in the body (a CRM, HubSpot-style)",
        """[[sources]]
id = "crm"
name = "CRM"
kind = "rest"
auth = "bearer"

[[sources.endpoints]]
title = "Kontakter"
url = "https://api.crm.example/crm/v3/objects/contacts/search"
method = "POST"
body = { filterGroups = [{ filters = [{ propertyName = "email", operator = "EQ", value = "{email}" }] }], limit = 100 }
records = "results"
paging = { kind = "cursor", cursor = "paging.next.after", param = "after" }
""",
    ),
    (
        "The Link header (GitHub, Zendesk)",
        """[[sources]]
id = "support"
name = "Kundtjänstärenden"
kind = "rest"
auth = "basic"
username = "insyn@example.se/token"

[[sources.endpoints]]
title = "Ärenden"
url = "https://support.example/api/v2/users/{email}/tickets"
paging = { kind = "link-header" }
""",
    ),
    (
        "Offset and limit until a short page; a body given as JSON text (a search engine)",
        """[[sources]]
id = "sok"
name = "Sökindex"
kind = "rest"
auth = "header"
auth_header = "X-Api-Key"

[[sources.endpoints]]
title = "Dokument"
url = "https://search.example/kunder/_search"
method = "POST"
body = '{"query": {"term": {"personnummer": "{personnummer12}"}}}'
records = "hits.hits"
paging = { kind = "offset", param = "from", page_size = 100, size_param = "size" }
""",
    ),
    (
        "Page numbers with a has-more flag; a next URL in the body (the short form `next`)",
        """[[sources]]
id = "matning"
name = "Mätvärdestjänst"
kind = "rest"
auth = "bearer"

[[sources.endpoints]]
title = "Avläsningar"
url = "https://meter.example/api/customers/{customer_number}/readings"
records = "data"
paging = { kind = "page", param = "page", page_size = 500, size_param = "per_page", has_more = "meta.has_more" }
max_pages = 200

[[sources.endpoints]]
title = "Avtal"
url = "https://meter.example/api/customers/{customer_number}/contracts"
records = "items"
next = "links.next"
""",
    ),
)


def reference_markdown() -> str:
    """The reference of every key, generated from the schema (`insyn config reference`)."""
    from pydantic.fields import FieldInfo

    sections: list[tuple[str, type[BaseModel]]] = [
        ("[organisation]", Organisation),
        ("[register]", RegisterSettings),
        ("[policy]", Policy),
        ('[[sources]] kind = "sql"', SqlSource),
        ("[[sources.queries]]", SqlQuery),
        ("[[sources.actions]] (SQL sources)", SqlAction),
        ("[[sources.actions]] done by a person (any source)", ManualAction),
        ("[[sources.actions]] (REST sources)", RestAction),
        ("[[sources.holds]] (SQL sources)", SqlHold),
        ('[[sources]] kind = "file"', FileSource),
        ('[[sources]] kind = "rest"', RestSource),
        ("[[sources.endpoints]]", RestEndpoint),
        ("[sources.endpoints.paging]", Paging),
        ('[[sources]] kind = "manual"', ManualSource),
        ("[[sources.transfers]] (also in queries and endpoints)", Transfer),
    ]

    def default_of(field: FieldInfo) -> str:
        if field.is_required():
            return "required"
        value = field.get_default(call_default_factory=True)
        if value in (None, (), {}):
            return "—"
        return f"`{value!r}`" if not isinstance(value, BaseModel) else "—"

    lines = [
        "# Insyn configuration reference",
        "",
        "Generated from the schema (`insyn config reference`). Passwords and tokens never go in",
        "the file: store them with `insyn secrets set SOURCE`. Identifiers a source can be",
        "searched by: "
        + ", ".join(f"`{k}` ({v})" for k, v in BUILTIN_IDENTIFIERS.items())
        + "; the personnummer also as "
        + ", ".join(f"`{k}` ({v})" for k, v in PERSONNUMMER_FORMS.items())
        + '. More kinds go under `[identifiers]` as `name = "strong"` or `"weak"`.',
    ]
    for title, model in sections:
        lines += ["", f"## {title}", "", "| key | default | meaning |", "|---|---|---|"]
        for name, field in model.model_fields.items():
            if name == "kind":
                continue
            key = field.alias or name
            lines.append(f"| `{key}` | {default_of(field)} | {field.description or ''} |")
    lines += [
        "",
        "## Web services: examples",
        "",
        "Every paging kind stops at `max_pages`; a service with more pages is reported on the gather",
        'row and in the extract ("fler än N sidor – kontakta oss"), never cut silently. A 429 or 503',
        "with Retry-After is waited out while the source's `timeout_seconds` allows. `insyn config",
        "check` asks each endpoint's first page (and, with OAuth2, a token) for someone nobody is.",
        "The Art. 15 facts (purpose, recipients …) are left out of the examples.",
    ]
    for title, example in REST_EXAMPLES:
        lines += ["", f"### {title}", "", "```toml", example.rstrip(), "```"]
    return "\n".join(lines) + "\n"
