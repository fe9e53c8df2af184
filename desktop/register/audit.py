"""The append-only audit log: every event chained by SHA-256 to the one before it.

An event's hash covers its sequence number, time, staff, case number, action, details and the
previous event's hash, so editing, deleting or reordering any row breaks the chain from there
on. Appends lock the single head row, which serialises desks sharing one PostgreSQL register.
Details must not contain personal data; `append` refuses values that look like a personnummer
or an e-mail address, as a safety net for programming mistakes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.register.models import AuditEvent, AuditHead, utcnow

GENESIS_HASH = "0" * 64

# A personnummer standing alone (not a run of digits inside a hash), or an e-mail address.
_LOOKS_PERSONAL = re.compile(r"(?<![0-9A-Za-z])\d{6}(?:\d{2})?[-+ ]?\d{4}(?![0-9A-Za-z])|[^@\s]+@[^@\s]+\.\w+")


class PersonalDataInAudit(ValueError):
    """A programming error: audit details must never carry personal data."""


def _check_details(value: object, path: str = "details") -> None:
    if isinstance(value, str):
        if _LOOKS_PERSONAL.search(value):
            raise PersonalDataInAudit(f"{path} looks like personal data")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_details(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_details(item, f"{path}[{index}]")
    elif value is not None and not isinstance(value, bool | int | float):
        raise TypeError(f"{path}: audit details hold only JSON values")


def event_hash(event: AuditEvent) -> str:
    """SHA-256 over the event's content and the previous event's hash (not its own hash)."""
    payload = json.dumps(
        [event.seq, event.at.strftime("%Y-%m-%dT%H:%M:%SZ"), event.staff_id, event.case_number, event.action,
         event.details, event.prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )  # fmt: skip
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    session: Session,
    action: str,
    *,
    staff_id: int | None = None,
    case_number: str | None = None,
    details: Mapping[str, object] | None = None,
) -> AuditEvent:
    """Add one event to the chain inside the caller's transaction."""
    _check_details(dict(details or {}))
    encoded = json.dumps(dict(details or {}), ensure_ascii=False, sort_keys=True)
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    at = utcnow().replace(microsecond=0)  # whole seconds survive every database's DATETIME
    event = AuditEvent(
        seq=head.seq + 1,
        at=at,
        staff_id=staff_id,
        case_number=case_number,
        action=action,
        details=encoded,
        prev_hash=head.hash,
    )
    event.hash = event_hash(event)
    session.add(event)
    head.seq, head.hash = event.seq, event.hash
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_seq: int | None = None
    broken_id: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_seq is None and not self.reason


def verify_chain(session: Session) -> ChainReport:
    """Walk the chain in order and name the first event that does not hold."""
    expected_seq, prev_hash, count = 1, GENESIS_HASH, 0
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=2000))
    for event in rows.scalars():
        count += 1
        if event.seq != expected_seq:
            return ChainReport(count, expected_seq, event.id, f"event {expected_seq} is missing")
        if event.prev_hash != prev_hash:
            return ChainReport(count, event.seq, event.id, "it does not follow the event before it")
        if event_hash(event) != event.hash:
            return ChainReport(count, event.seq, event.id, "its content was changed after it was written")
        expected_seq, prev_hash = expected_seq + 1, event.hash
    head = session.get(AuditHead, 1)
    if head is None or head.seq != expected_seq - 1 or head.hash != prev_hash:
        return ChainReport(count, None, None, "the newest events were removed (the head does not match)")
    return ChainReport(count)
