"""The ID document a visitor shows at the desk, and the rules for accepting it.

Only what the case needs is kept: type, issuing country, expiry and the last four characters of
the number. No copy or photo, and never the whole number (EDPB Guidelines 01/2022).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

import pycountry

DESCRIPTION_MAX = 200  # "Annan handling": what it is, in a line (100,000 characters were stored)
EXPIRY_MAX_YEARS = 20


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class DocumentType(enum.StrEnum):
    """Documents accepted as proof of identity at a Swedish front desk."""

    PASSPORT = "passport"  # Swedish passport
    NATIONAL_ID = "national-id"  # nationellt identitetskort (Polisen)
    DRIVING_LICENCE = "driving-licence"  # Swedish driving licence
    SIS_ID = "sis-id"  # identity card under SS 614314 (e.g. a bank's)
    TAX_AGENCY_ID = "tax-agency-id"  # Skatteverket's identity card
    SERVICE_CARD = "service-card"  # tjänstekort of a state authority
    FOREIGN_PASSPORT = "foreign-passport"
    FOREIGN_ID = "foreign-id"  # EU/EEA national identity card
    OTHER = "other"  # needs a description; the approver may question it
    # No usable ID at the desk: the request is registered and the answer goes by post to the
    # person's address in the population register (folkbokföringsadress), which ties it to the
    # personnummer without a document (DOMAIN: no usable ID at the desk). Nothing is handed over.
    POSTAL_ANSWER = "postal-answer"
    # The visitor shows no ID of their own: a representative (a guardian, a god man or förvaltare,
    # an ombud with a power of attorney) acts for them and is checked instead, with the mandate
    # (DOMAIN: "a representative with mandate" instead of the visitor's own document).
    REPRESENTED = "represented"

    @property
    def is_swedish(self) -> bool:
        return self in _SWEDISH_ONLY or not self.is_document

    @property
    def is_document(self) -> bool:
        """Whether a document was shown (not so for an answer by post, nor for a visitor a
        representative acts for)."""
        return self not in (DocumentType.POSTAL_ANSWER, DocumentType.REPRESENTED)


_SWEDISH_ONLY = frozenset(
    {
        DocumentType.PASSPORT,
        DocumentType.NATIONAL_ID,
        DocumentType.DRIVING_LICENCE,
        DocumentType.SIS_ID,
        DocumentType.TAX_AGENCY_ID,
        DocumentType.SERVICE_CARD,
    }
)


class DocumentRefused(ValueError):
    """The document cannot be accepted. `code`: expired, country, number, description, type."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def country_alpha2(code: str) -> str:
    """ISO 3166 alpha-2 for an alpha-2 or alpha-3 code (MRZs use alpha-3; `D` is Germany)."""
    cleaned = (code or "").strip().upper().replace("<", "")
    if cleaned == "D":
        return "DE"
    country = None
    if len(cleaned) == 2:
        country = pycountry.countries.get(alpha_2=cleaned)
    elif len(cleaned) == 3:
        country = pycountry.countries.get(alpha_3=cleaned)
    if country is None:
        raise DocumentRefused("country", "issuing country is not an ISO 3166 country code")
    return country.alpha_2


def last_four(document_number: str) -> str:
    """The last four letters or digits of a document number, upper-case."""
    chars = re.sub(r"[^0-9A-Za-z]", "", document_number or "").upper()
    if len(chars) < 4:
        raise DocumentRefused("number", "document number needs at least four letters or digits")
    return chars[-4:]


def expiry_problem(expiry: date, day: date) -> str | None:
    """What is wrong with a document that expires on `expiry`, seen on `day`: "expired" (it is
    valid through its expiry date), "expiry_far" (more than EXPIRY_MAX_YEARS ahead: a typing
    mistake), or None. The form says it while staff type; `check_valid_on` refuses by it."""
    if expiry < day:
        return "expired"
    if expiry > _years_after(day, EXPIRY_MAX_YEARS):
        return "expiry_far"
    return None


@dataclass(frozen=True, slots=True)
class IdentityDocument:
    type: DocumentType
    issuing_country: str  # ISO 3166 alpha-2
    expiry: date | None  # None only where no document was shown (POSTAL_ANSWER, REPRESENTED)
    number_last4: str
    description: str = ""  # required for DocumentType.OTHER

    @classmethod
    def create(
        cls,
        type: DocumentType | str,
        issuing_country: str,
        expiry: date | None,
        number: str,
        description: str = "",
    ) -> IdentityDocument:
        """Normalise and check the fields; `number` may be the whole number or its end."""
        try:
            doc_type = DocumentType(type)
        except ValueError:
            raise DocumentRefused("type", "unknown document type") from None
        if not doc_type.is_document:  # nothing shown: nothing to check or keep
            return cls(doc_type, "SE", None, "", "")
        if expiry is None:
            raise DocumentRefused("expiry_missing", "write the document's expiry date as printed on it")
        country = country_alpha2(issuing_country)
        if doc_type.is_swedish and country != "SE":
            raise DocumentRefused("country", "a Swedish document must be issued in Sweden (SE)")
        if doc_type is DocumentType.OTHER and not description.strip():
            raise DocumentRefused("description", "describe the document when its type is 'other'")
        if len(description.strip()) > DESCRIPTION_MAX:
            raise DocumentRefused("description_long", f"the description is longer than {DESCRIPTION_MAX} characters")
        return cls(doc_type, country, expiry, last_four(number), description.strip())

    def check_valid_on(self, day: date) -> None:
        """Refuse an expired document; a document is valid through its expiry date. An expiry
        more than 20 years ahead is a typing mistake (9999-12-31, a birth year): no ID document
        is issued for that long."""
        problem = expiry_problem(self.expiry, day) if self.expiry is not None else None
        if problem == "expired":
            raise DocumentRefused("expired", "the document has expired")
        if problem == "expiry_far":
            raise DocumentRefused(
                "expiry_far", f"the expiry is more than {EXPIRY_MAX_YEARS} years ahead: check the year"
            )
