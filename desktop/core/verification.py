"""The in-person identity check: the rules that decide whether the desk may go on.

A check combines the personnummer, the name as stated, the document shown and, when a reader or
staff typed it, the document's machine-readable zone. A representative (guardian, holder of a
power of attorney) is checked the same way and the mandate shown is recorded.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from desktop.core.documents import DocumentRefused, IdentityDocument
from desktop.core.identity import PersonalIdentityNumber
from desktop.core.mrz import MrzData, compare_with_visitor
from desktop.core.text import TextRefused, check_name


class VerificationRefused(ValueError):
    """The check fails. `code` names why; `fields` lists the MRZ fields that disagree."""

    def __init__(self, code: str, message: str, fields: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.fields = fields


class MandateType(enum.StrEnum):
    GUARDIAN = "guardian"  # vårdnadshavare
    POWER_OF_ATTORNEY = "power-of-attorney"  # fullmakt
    TRUSTEE = "trustee"  # god man / förvaltare


@dataclass(frozen=True, slots=True)
class Mandate:
    type: MandateType
    dated: date | None  # the date on the power of attorney; None for a guardian
    signed_by: str  # who signed it, or the basis for guardianship (e.g. "personbevis")
    scope: str = ""  # what a power of attorney covers, as written on it (required for one)


@dataclass(frozen=True, slots=True)
class PersonCheck:
    """One person checked at the desk: who they say they are and what they showed."""

    personnummer: PersonalIdentityNumber
    name: str
    document: IdentityDocument
    mrz_checked: bool
    checked_by: str  # the staff member's user name
    checked_at: datetime

    def __repr__(self) -> str:
        return f"PersonCheck({self.document.type}, checked_at={self.checked_at:%Y-%m-%d %H:%M})"


def check_person(
    *,
    personnummer: PersonalIdentityNumber,
    name: str,
    document: IdentityDocument,
    checked_by: str,
    checked_at: datetime,
    mrz: MrzData | None = None,
) -> PersonCheck:
    """Apply the desk's rules, raising VerificationRefused or DocumentRefused on failure."""
    if not name.strip():
        raise VerificationRefused("name", "give the name as it stands on the document")
    try:
        name = check_name(name)
    except TextRefused as exc:
        raise VerificationRefused(exc.code, str(exc)) from None
    if not checked_by.strip():
        raise VerificationRefused("staff", "the staff member who checked the ID must be named")
    document.check_valid_on(checked_at.date())
    if mrz is not None:
        if mrz.issuing_country != document.issuing_country:
            raise DocumentRefused("country", "the zone names another issuing country")
        ten = personnummer.digits[2:]
        disagreements = compare_with_visitor(
            mrz,
            name=name,
            birth_date=personnummer.birth_date,
            expiry=document.expiry,
            number_last4=document.number_last4,
            personnummer_ten=ten,
        )
        if disagreements:
            raise VerificationRefused(
                "mrz_mismatch",
                "the machine-readable zone disagrees with: " + ", ".join(disagreements),
                tuple(disagreements),
            )
    return PersonCheck(
        personnummer=personnummer,
        name=" ".join(name.split()),
        document=document,
        mrz_checked=mrz is not None,
        checked_by=checked_by.strip(),
        checked_at=checked_at,
    )


def check_mandate(mandate: Mandate, *, today: date) -> None:
    """A power of attorney must be dated, not in the future, say who signed it and what it covers."""
    if not mandate.signed_by.strip():
        raise VerificationRefused("mandate", "say who signed the mandate")
    if mandate.type is MandateType.POWER_OF_ATTORNEY:
        if mandate.dated is None:
            raise VerificationRefused("mandate", "a power of attorney must be dated")
        if mandate.dated > today:
            raise VerificationRefused("mandate", "the power of attorney is dated in the future")
        if not mandate.scope.strip():
            raise VerificationRefused("mandate_scope", "say what the power of attorney covers, as written on it")
