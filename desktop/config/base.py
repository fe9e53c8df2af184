"""The configuration's common parts: the organisation, the register, the policy, the Art. 15
facts every source declares, labels, and the identifiers a source can be searched by."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    field_validator,
    model_validator,
)
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


class ConfigError(UserError):
    """The configuration cannot be used; the message names the file and the key."""


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class EnglishTexts(StrictModel):
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


class Organisation(StrictModel):
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


class RegisterSettings(StrictModel):
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


class Policy(StrictModel):
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


class Transfer(StrictModel):
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


class Art15Info(StrictModel):
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


class Conversation(StrictModel):
    """Records that are messages (a chat, a case log) read as a conversation in the extract."""

    when: tuple[str, ...] = Field(min_length=1, description="Column(s) saying when, e.g. ['Datum', 'Tid']")
    speaker: str = Field(min_length=1, description="Column saying who wrote")
    text: str = Field(min_length=1, description="Column with the message")


class Labelled(StrictModel):
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
