"""Opening a case: the identity check at the desk, exactly as the window performs it.

Input problems raise `InputProblem`, which names the field and a code the window translates
into a Swedish message; the English text is what the command line prints. Neither ever repeats
the personnummer or the document number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from desktop.config import Config
from desktop.core.address import AddressRefused, check_address
from desktop.core.clock import local_date
from desktop.core.documents import DocumentRefused, DocumentType, IdentityDocument
from desktop.core.identity import InvalidPersonnummer, age_note, parse_personnummer
from desktop.core.mrz import InvalidMrz, parse_mrz
from desktop.core.requests import CaseStatus, RequestType
from desktop.core.staff import Role
from desktop.core.text import TEXT_MAX, TextRefused, check_name, check_text
from desktop.core.verification import (
    Mandate,
    PersonCheck,
    VerificationRefused,
    check_mandate,
    check_person,
)
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import Case, utcnow
from desktop.register.repository import create_case, lock_case_numbers
from desktop.services.desk import Desk, find_staff
from desktop.services.staff import require_role


class InputProblem(UserError):
    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(f"{field}: {message}", code)
        self.field = field


def checked_text(text: str, field: str, *, limit: int = TEXT_MAX) -> str:
    """A free text typed at the desk, as it will be kept, or InputProblem naming the field."""
    try:
        return check_text(text, limit=limit)
    except TextRefused as exc:
        raise InputProblem(field, exc.code, str(exc)) from None


@dataclass(frozen=True)
class PersonInput:
    """What staff typed about one person at the desk."""

    personnummer: str
    name: str
    document_type: str
    document_country: str
    document_number: str  # the whole number or its last four characters; only four are kept
    document_expiry: date | None  # None: not typed yet (the form never guesses it)
    document_description: str = ""
    mrz: str | None = None


@dataclass(frozen=True)
class InputNote:
    """What the form accepts but staff should look at again before registering; never blocks.
    `code` is `over_100` or `over_120` (core.identity.age_note); `age` is the holder's age today."""

    field: str
    code: str
    age: int

    def __str__(self) -> str:
        who = "the representative" if self.field.startswith("representative.") else "the visitor"
        if self.code == "over_120":
            return f"by this personnummer {who} is {self.age} years old: check the '+' or '-' and the century"
        return f"by this personnummer {who} is {self.age} years old ('+' form): check that this is right"


def personnummer_note(text: str, *, when: datetime | None = None, field: str = "personnummer") -> InputNote | None:
    """The age note for a personnummer as typed, or None (also when it is not valid: the
    problem is said instead)."""
    today = local_date(when)
    try:
        pin = parse_personnummer(text, today=today)
    except InvalidPersonnummer:
        return None
    code = age_note(pin, today)
    return InputNote(field, code, pin.age_on(today)) if code else None


def visit_notes(
    subject: PersonInput,
    *,
    representative: tuple[PersonInput, Mandate] | None = None,
    when: datetime | None = None,
) -> list[InputNote]:
    """What the form shows beside its problems and the command line prints before registering."""
    people = [("", subject)] + ([("representative.", representative[0])] if representative else [])
    notes = [personnummer_note(p.personnummer, when=when, field=f"{prefix}personnummer") for prefix, p in people]
    return [note for note in notes if note is not None]


@dataclass(frozen=True)
class OpenedCase:
    number: str
    received_on: date
    deadline: date


def check_person_input(person: PersonInput, *, staff_name: str, when: datetime, prefix: str = "") -> PersonCheck:
    """Validate one person's identity as the desk does, or raise the first InputProblem."""
    problems, check = person_problems(person, staff_name=staff_name, when=when, prefix=prefix)
    if problems:
        raise problems[0]
    assert check is not None
    return check


def person_problems(
    person: PersonInput, *, staff_name: str, when: datetime, prefix: str = ""
) -> tuple[list[InputProblem], PersonCheck | None]:
    """Every problem with one person's identity check at once (the form shows them all), and
    the check itself when there is none."""
    problems: list[InputProblem] = []
    pin = document = mrz = None
    try:
        pin = parse_personnummer(person.personnummer, today=local_date(when))
    except InvalidPersonnummer as exc:
        problems.append(InputProblem(f"{prefix}personnummer", exc.code, str(exc)))
    if not (person.name or "").strip():
        problems.append(InputProblem(f"{prefix}name", "name", "give the name as it stands on the document"))
    else:
        try:
            check_name(person.name)
        except TextRefused as exc:
            problems.append(InputProblem(f"{prefix}name", exc.code, str(exc)))
    try:  # the number, country and description are checked even before the expiry is typed
        document = IdentityDocument.create(
            person.document_type,
            person.document_country,
            person.document_expiry or date.max,
            person.document_number,
            person.document_description,
        )
        if person.document_expiry is not None:
            document.check_valid_on(local_date(when))
    except DocumentRefused as exc:
        problems.append(InputProblem(f"{prefix}document", exc.code, str(exc)))
    shown = person.document_type not in (DocumentType.POSTAL_ANSWER.value, DocumentType.REPRESENTED.value)
    if not shown and prefix:
        problems.append(InputProblem(f"{prefix}document", "postal_representative",
                                     "a representative must show an ID document"))  # fmt: skip
    if person.document_expiry is None and shown:
        problems.append(
            InputProblem(f"{prefix}document", "expiry_missing", "write the document's expiry date as printed on it")
        )
    if person.mrz and person.mrz.strip() and shown:
        try:
            mrz = parse_mrz(person.mrz)
        except (InvalidMrz, DocumentRefused) as exc:
            problems.append(InputProblem(f"{prefix}mrz", exc.code, str(exc)))
    if problems or pin is None or document is None:
        return problems, None
    try:
        return [], check_person(
            personnummer=pin,
            name=person.name,
            document=document,
            checked_by=staff_name,
            checked_at=when,
            mrz=mrz,
        )
    except DocumentRefused as exc:
        return [InputProblem(f"{prefix}document", exc.code, str(exc))], None
    except VerificationRefused as exc:
        field = "mrz" if exc.code == "mrz_mismatch" else "name" if exc.code.startswith("name") else exc.code
        return [InputProblem(f"{prefix}{field}", exc.code, str(exc))], None


def visit_problems(
    desk: Desk,
    subject: PersonInput,
    requests: list[tuple[RequestType, str | None]],
    *,
    representative: tuple[PersonInput, Mandate] | None = None,
    identifiers: Sequence[tuple[str, str]] = (),
    staff_name: str = "desk",
    when: datetime | None = None,
    postal_address: str | None = None,
) -> list[InputProblem]:
    """Every problem a new visit's form has, at once, in the order of the form (requests, the
    visitor, the address an answer by post goes to, the representative and the mandate, the
    visitor's own identifiers)."""
    when = when or utcnow()
    problems: list[InputProblem] = []
    if not requests:
        problems.append(InputProblem("request", "empty", "choose at least one request"))
    for request, details in requests:
        if request.needs_details and not (details or "").strip():
            problems.append(
                InputProblem(f"request.{request.value}", "details", f"say what the visitor asks for ({request.value})")
            )
        elif details and details.strip():
            try:
                checked_text(details, f"request.{request.value}")
            except InputProblem as problem:
                problems.append(problem)
    problems += person_problems(subject, staff_name=staff_name, when=when)[0]
    if subject.document_type == DocumentType.REPRESENTED.value and representative is None:
        problems.append(InputProblem("document", "represented_alone",
                                     "the visitor shows no ID of their own only where a representative acts for them "
                                     "and shows theirs"))  # fmt: skip
    if subject.document_type == DocumentType.POSTAL_ANSWER.value and representative is not None:
        problems.append(InputProblem("document", "postal_with_representative",
                                     "a representative with a valid ID acts for the visitor: the answer is given to "
                                     "them, not posted (choose 'represented' as the visitor's document)"))  # fmt: skip
    if subject.document_type == DocumentType.POSTAL_ANSWER.value and postal_address:
        try:
            check_address(postal_address)
        except AddressRefused as exc:
            problems.append(InputProblem("postal_address", exc.code, str(exc)))
    elif postal_address and postal_address.strip():
        problems.append(InputProblem("postal_address", "address_not_postal",
                                     "an address is kept only for an answer by post (no ID shown)"))  # fmt: skip
    if representative is not None:
        person, mandate = representative
        problems += person_problems(person, staff_name=staff_name, when=when, prefix="representative.")[0]
        try:
            check_mandate(mandate, today=local_date(when))
            checked_text(mandate.scope, "representative.mandate", limit=1000)
        except VerificationRefused as exc:
            problems.append(InputProblem("representative.mandate", exc.code, str(exc)))
        except InputProblem as problem:
            problems.append(problem)
    for kind, value in identifiers:
        try:
            checked_identifiers(desk.config, [(kind, value)])
        except InputProblem as problem:
            problems.append(problem)
    try:
        checked_identifiers(desk.config, identifiers)
    except InputProblem as problem:
        if problem.code == "count":
            problems.append(problem)
    return problems


# Why a second case is opened for a visitor who has one open (instead of adding to it).
ALONGSIDE_REASONS = ("separate-errand", "open-case-answered")

MAX_IDENTIFIERS = 20


# What the form itself holds of the visitor: never given again as an identifier to search by.
FORM_IDENTIFIERS = ("personnummer", "name")


def visitor_identifier_words(desk: Desk, language: str = "sv") -> dict[str, str]:
    """The identifiers a visitor may give at the desk to be searched by, besides the personnummer
    and the name the form has (e-mail, phone, customer number …, as the configuration names
    them), each with the word the extract uses for it."""
    from desktop.services.compose import identifier_words

    words = identifier_words(desk.config, language)
    return {kind: words.get(kind, kind) for kind in desk.config.identifier_strength if kind not in FORM_IDENTIFIERS}


def checked_identifiers(config: Config, identifiers: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The visitor's identifiers in the form sources are searched by; a clear problem for a kind
    the configuration does not know or a value that cannot be one (no personal data in it)."""
    from desktop.sources.base import normalise_identifier

    if not identifiers:
        return []
    known = config.identifier_strength
    given: list[tuple[str, str]] = []
    for kind, value in identifiers:
        if not (value or "").strip():
            continue
        if kind not in known or kind in FORM_IDENTIFIERS:
            raise InputProblem(
                f"identifier.{kind}", "kind", f"'{kind}' is not an identifier the sources are searched by"
            )
        text = checked_text(value, f"identifier.{kind}")
        if len(text) > 200:
            raise InputProblem(f"identifier.{kind}", "length", f"a {kind} is at most 200 characters")
        normal = normalise_identifier(kind, text)
        if normal is None:
            raise InputProblem(f"identifier.{kind}", "invalid", f"this is not a usable {kind}")
        if (kind, normal) not in given:
            given.append((kind, normal))
    if len(given) > MAX_IDENTIFIERS:
        raise InputProblem("identifier", "count", f"at most {MAX_IDENTIFIERS} identifiers per case")
    return given


def open_case(
    desk: Desk,
    subject: PersonInput,
    requests: list[tuple[RequestType, str | None]],
    *,
    staff_username: str,
    representative: tuple[PersonInput, Mandate] | None = None,
    received_at: datetime | None = None,
    language: str = "sv",
    identifiers: Sequence[tuple[str, str]] = (),
    alongside: str | None = None,
    postal_address: str | None = None,
) -> OpenedCase:
    """Verify identity, register the case with its deadline, and audit both, in one transaction.
    `identifiers` are the visitor's own e-mail addresses, phone numbers, customer numbers …
    (kind, value), said or shown at the desk; they are searched like those found in sources.
    A visitor with an open case gets no second one unless `alongside` (one of ALONGSIDE_REASONS)
    says why: the window offers to add the requests to that case instead; the reason is audited.
    `postal_address`: for an answer by post, the population-register address as the visitor
    gave it (else it is taken from a system and confirmed before the answer is posted)."""
    if alongside is not None and alongside not in ALONGSIDE_REASONS:
        raise InputProblem("alongside", "reason", "say why a second case is opened: " + " or ".join(ALONGSIDE_REASONS))
    problems = visit_problems(desk, subject, requests, representative=representative, identifiers=identifiers,
                              staff_name=staff_username, when=received_at, postal_address=postal_address)  # fmt: skip
    if problems:  # the form shows them all; the command line says the first
        raise problems[0]
    requests = [(r, checked_text(d, f"request.{r.value}") if d and d.strip() else None) for r, d in requests]
    given = checked_identifiers(desk.config, identifiers)
    when = received_at or utcnow()
    with desk.register.sessions.begin() as session:
        staff = find_staff(session, staff_username)
        assert staff is not None
        require_role(staff.member(), Role.RECEPTION)
        subject_check = check_person_input(subject, staff_name=staff.username, when=when)
        representative_check = None
        if representative is not None:
            person, mandate = representative
            rep_check = check_person_input(person, staff_name=staff.username, when=when, prefix="representative.")
            try:
                check_mandate(mandate, today=local_date(when))
            except VerificationRefused as exc:
                raise InputProblem("representative.mandate", exc.code, str(exc)) from None
            representative_check = (rep_check, mandate)
        # Desks opening cases take turns from here to the commit (the year's case counter, which
        # the new case's number takes anyway; taken last, so that the turn is short): of two desks
        # registering the same visitor at the same moment, the second sees the first's case and
        # gets the "already open" answer.
        lock_case_numbers(session, local_date(when).year)
        already = list(
            session.execute(
                select(Case.number).where(
                    Case.subject_personnummer == subject_check.personnummer.canonical,
                    Case.status.in_([s.value for s in CaseStatus if s.is_open]),
                )
            ).scalars()
        )
        if already and alongside is None:
            raise InputProblem(
                "alongside",
                "open_case",
                f"the visitor has an open case ({', '.join(already)}): add the requests to it with "
                f"`insyn case add`, or say why a second case is opened (--alongside {'|'.join(ALONGSIDE_REASONS)})",
            )
        case: Case = create_case(
            session,
            subject=subject_check,
            requests=requests,
            staff=staff,
            received_at=when,
            representative=representative_check,
            language=language,
            eves_as_holidays=desk.config.policy.eves_as_holidays,
            identifiers=given,
            postal_address="\n".join(check_address(postal_address))
            if postal_address and postal_address.strip()
            else None,
        )
        if already:
            audit.append(session, "case.alongside", staff_id=staff.id, case_number=case.number,
                         details={"open_case": ", ".join(already), "reason": alongside})  # fmt: skip
        return OpenedCase(case.number, case.received_on, case.deadline)
