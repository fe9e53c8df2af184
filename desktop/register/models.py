"""The case register's tables: SQLAlchemy 2 typed models.

Personal data is kept to what the case needs (the register can be an official document under
offentlighetsprincipen): the visitor's name and personnummer, the document's type, country,
expiry and last four characters. Gathered data is never stored here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop.core.staff import StaffMember, parse_roles


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every database (SQLite has no zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

str20 = Annotated[str, 20]
str40 = Annotated[str, 40]
str200 = Annotated[str, 200]
case_fk = Annotated[int, mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)]


# Indexes migration 0014 makes on PostgreSQL alone (trigram search): not in the models, so that
# SQLite and MariaDB do not get them; the models-and-migrations comparison leaves them out.
POSTGRESQL_ONLY_INDEXES = frozenset({"ix_cases_name_trgm", "ix_cases_number_trgm"})


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012
        datetime: UTCDateTime(),
        date: Date(),
        str20: String(20),
        str40: String(40),
        str200: String(200),
        str: Text(),
        bool: Boolean(),
    }


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str40] = mapped_column(unique=True)
    display_name: Mapped[str200]
    roles: Mapped[str200]  # comma-separated: reception, approver, admin
    password_hash: Mapped[str | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Sign-in protection: failures since the last success, and until when the account is locked.
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default="0")
    last_failed_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r for r in self.roles.split(",") if r)

    def member(self) -> StaffMember:
        """The small value the window and the command line hold instead of this row."""
        return StaffMember(self.id, self.username, self.display_name, parse_roles(self.roles))


class CaseCounter(Base):
    """The last case number handed out per year; its row is locked while a number is taken."""

    __tablename__ = "case_counters"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("year", "seq", name="uq_cases_year_seq"),
        Index("ix_cases_received_on_id", "received_on", "id"),  # the case list's pages, the year's report
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str20] = mapped_column(unique=True)  # YYYY-NNNNN
    year: Mapped[int]
    seq: Mapped[int]
    status: Mapped[str20] = mapped_column(index=True)
    received_at: Mapped[datetime]
    received_on: Mapped[date]  # the local date of receipt, from which the deadline runs
    deadline: Mapped[date] = mapped_column(index=True)
    extended_deadline: Mapped[date | None]
    extension_reason: Mapped[str | None]
    rejection_reason: Mapped[str | None]
    closing_note: Mapped[str | None]  # why a case was closed although something was still owed
    subject_name: Mapped[str200] = mapped_column(index=True)
    subject_name_folded: Mapped[str200 | None] = mapped_column(index=True)  # for searching: Öberg = oberg
    subject_personnummer: Mapped[str20] = mapped_column(index=True)  # YYYYMMDD-NNNC
    language: Mapped[str20] = mapped_column(default="sv")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    closed_at: Mapped[datetime | None]  # when the case ended: closed, rejected or withdrawn
    purged_at: Mapped[datetime | None]  # its personal data removed (services/retention.py)
    # Source ids the visitor is still owed after the latest delivery, as JSON (NULL: nothing):
    # a system that failed, a manual check not answered; a supplementary extract answers them.
    outstanding: Mapped[str | None] = mapped_column(Text)
    # An answer by post: the address lines it goes to (the population-register address), one per
    # line, without the name. Personal data like the name: purged with it, never in an audit event.
    postal_address: Mapped[str | None] = mapped_column(Text)
    # Mixed into the row digest the audit chain keeps, so that a digest cannot be used to guess
    # the personnummer once the case's personal data is purged (the salt goes with it).
    digest_salt: Mapped[str | None] = mapped_column(String(40))

    requests: Mapped[list[RequestItem]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="RequestItem.id"
    )
    verifications: Mapped[list[IdentityVerification]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="IdentityVerification.id"
    )
    representatives: Mapped[list[Representative]] = relationship(back_populates="case", cascade="all, delete-orphan")
    gather_runs: Mapped[list[GatherRun]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="GatherRun.id"
    )
    deliveries: Mapped[list[Delivery]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Delivery.id"
    )
    manual_outcomes: Mapped[list[ManualOutcome]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="ManualOutcome.id"
    )
    identifiers: Mapped[list[CaseIdentifier]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseIdentifier.id"
    )
    letters: Mapped[list[Letter]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Letter.id"
    )
    review_decisions: Mapped[list[ReviewDecision]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="ReviewDecision.id"
    )
    deeds: Mapped[list[CaseDeed]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseDeed.id"
    )

    def __repr__(self) -> str:
        return f"Case({self.number}, {self.status})"


class RequestItem(Base):
    __tablename__ = "request_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    type: Mapped[str40]
    details: Mapped[str | None]  # e.g. what is wrong and the correct value (Art. 16)
    outcome: Mapped[str | None]
    effective_on: Mapped[date | None]  # a consent withdrawal or marketing stop: in force from this day

    case: Mapped[Case] = relationship(back_populates="requests")


class Letter(Base):
    """A letter the visitor was given or sent (refusal, extension, outcome): when, by whom, how,
    and the SHA-256 of the PDF. Like a delivery, never the text."""

    __tablename__ = "letters"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    kind: Mapped[str20]  # refusal, extension, outcome
    produced_at: Mapped[datetime]
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    method: Mapped[str20]  # handed (at the desk), posted, emailed
    language: Mapped[str20]
    sha256: Mapped[str] = mapped_column(String(64))
    page_count: Mapped[int]
    byte_size: Mapped[int]
    case: Mapped[Case] = relationship(back_populates="letters")


class CaseIdentifier(Base):
    """An identifier the visitor gave at the desk (their e-mail, phone, customer number): searched
    like those found in sources, and a match on exactly it needs no confirmation. Personal data,
    kept like the name: never in a log or an audit event's details."""

    __tablename__ = "case_identifiers"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    kind: Mapped[str40]
    value: Mapped[str200]
    case: Mapped[Case] = relationship(back_populates="identifiers")


class IdentityVerification(Base):
    __tablename__ = "identity_verifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    role: Mapped[str20]  # subject or representative
    document_type: Mapped[str40]
    document_country: Mapped[str20]
    document_expiry: Mapped[date | None]  # None: no document shown (an answer by post)
    document_last4: Mapped[str20]
    document_description: Mapped[str | None]
    mrz_checked: Mapped[bool]
    checked_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    checked_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="verifications")


class Representative(Base):
    __tablename__ = "representatives"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    name: Mapped[str200]
    personnummer: Mapped[str20] = mapped_column(index=True)  # a case is found by its representative too
    mandate_type: Mapped[str40]
    mandate_dated: Mapped[date | None]
    mandate_signed_by: Mapped[str200]
    mandate_scope: Mapped[str | None] = mapped_column(Text)  # what a power of attorney covers, as written
    verification_id: Mapped[int] = mapped_column(ForeignKey("identity_verifications.id"))

    case: Mapped[Case] = relationship(back_populates="representatives")
    verification: Mapped[IdentityVerification] = relationship()


class GatherRun(Base):
    __tablename__ = "gather_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    started_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    status: Mapped[str20]  # running, finished, cancelled

    case: Mapped[Case] = relationship(back_populates="gather_runs")
    results: Mapped[list[GatherSourceResult]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="GatherSourceResult.id"
    )


class GatherSourceResult(Base):
    """How one source ended in one run: counts and reasons only, never the data."""

    __tablename__ = "gather_source_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("gather_runs.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[str40]
    outcome: Mapped[str20]  # ok, nothing, failed, timed_out, cancelled, manual
    record_count: Mapped[int] = mapped_column(default=0)
    message: Mapped[str | None]
    duration_ms: Mapped[int] = mapped_column(default=0)

    run: Mapped[GatherRun] = relationship(back_populates="results")


class ReviewDecision(Base):
    """A review decision kept with its case, so that it outlives the gathered data: re-applied
    when the case is gathered again (after F5, another desk, another staff member). The record is
    named by a fingerprint (a keyed hash with the case's salt), never by its values; the field by
    its name in the system."""

    __tablename__ = "review_decisions"
    __table_args__ = (UniqueConstraint("case_id", "fingerprint", "kind", "field", name="uq_review_decisions_decision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    source_id: Mapped[str40]
    category: Mapped[str200]
    fingerprint: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str20]  # confirmed, excluded, set_aside, masked
    field: Mapped[str200] = mapped_column(default="")  # the masked field's name; "" for the others
    reason: Mapped[str40 | None]
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="review_decisions")


class CaseDeed(Base):
    """What was done in a connected system for a request (issue 19), as the outcome letter tells
    it: rows removed or changed by an action, rows a hold kept and why, a recipient told (Art. 19).
    Counts, titles and grounds from the configuration; never the data itself."""

    __tablename__ = "case_deeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    request: Mapped[str40]
    source_id: Mapped[str40]
    kind: Mapped[str20]  # action, hold, recipient, check (left after an erasure), failed (an action not done)
    title: Mapped[str200]  # the action's or hold's title, or the recipient's name
    # An action's effect: erase, pseudonymise, restrict, rectify, change, add (delete, update,
    # insert in deeds written before effects were told); manual; kept (hold); informed (recipient).
    operation: Mapped[str20]
    count: Mapped[int | None]  # rows changed or kept
    ground: Mapped[str | None]  # a hold's ground, as the visitor reads it
    until: Mapped[str200 | None]  # a hold's end: an ISO date or the configuration's text
    how: Mapped[str200 | None]  # how a recipient was told (staff's words)
    digest: Mapped[str20] = mapped_column(default="")  # the action's statement digest
    done_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    done_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="deeds")


class ManualOutcome(Base):
    """What staff recorded for a manual source (e.g. HR's answer about job applications)."""

    __tablename__ = "manual_outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    source_id: Mapped[str40]
    found: Mapped[bool]
    note: Mapped[str | None]  # what was found, as it will read in the extract
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="manual_outcomes")


class Delivery(Base):
    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[case_fk]
    delivered_at: Mapped[datetime]
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    method: Mapped[str20]  # printed, saved, zip
    language: Mapped[str20]
    sha256: Mapped[str] = mapped_column(String(64))
    page_count: Mapped[int]
    byte_size: Mapped[int]
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    outstanding: Mapped[str | None] = mapped_column(Text)  # JSON source ids this extract left owed
    supplement: Mapped[bool] = mapped_column(default=False, server_default=false())

    case: Mapped[Case] = relationship(back_populates="deliveries")


class AuditEvent(Base):
    """One link of the append-only audit chain. `case_number` survives the case's purge."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    at: Mapped[datetime]
    staff_id: Mapped[int | None]
    case_number: Mapped[str20 | None] = mapped_column(index=True)
    action: Mapped[str40]
    details: Mapped[str]  # canonical JSON, no personal data
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's last link; locking this one row serialises appends across desks."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))
    keyed: Mapped[bool] = mapped_column(default=False, server_default=false())  # HMAC with the audit key
    baselined: Mapped[bool] = mapped_column(default=False, server_default=false())  # rows' digests recorded
    # The kinds of row the chain vouches for, comma-separated: a shortcut for the start only;
    # `verify` reads coverage from the chain itself (audit.covered_kinds).
    covers: Mapped[str | None] = mapped_column(String(200))


class PolicySetting(Base):
    """One policy value set by an administrator; the register's policy is the floor every desk
    keeps (a desk's own file may only make it stricter)."""

    __tablename__ = "policy_settings"

    key: Mapped[str40] = mapped_column(primary_key=True)
    value: Mapped[str]  # JSON
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    set_at: Mapped[datetime]
