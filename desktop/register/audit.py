"""The append-only audit log: every event chained to the one before it, and vouching for the rows.

An event's hash covers its sequence number, time, staff, case number, action, details and the
previous event's hash, so editing, deleting or reordering any row breaks the chain from there
on. An event is written when its transaction commits, under the single head row's lock, which
serialises desks sharing one PostgreSQL register for that moment only.

Two things make the chain vouch for the register, not only for itself:

- Events that change a case, a staff account, a delivery or a policy value carry the digest of
  the row's new state (`digests.py`); `verify_chain` compares the rows as they are now with the
  last digest of each, so a change made behind the program's back is named.
- With the organisation's audit key (the keyring secret `audit-key`, the same on every desk),
  each hash is an HMAC-SHA-256: someone with write access to the database but not the key
  cannot re-compute a chain that a desk holding the key accepts. A chain made before the key was
  set is sealed once with `insyn audit seal`; from then on every event is keyed.

Details must not contain personal data; `append` refuses values that look like a personnummer
or an e-mail address, as a safety net for programming mistakes.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import event as sa_event
from sqlalchemy import or_, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, SessionTransaction

from desktop.errors import UserError
from desktop.register import digests
from desktop.register.models import AuditEvent, AuditHead, Base, Case, utcnow

GENESIS_HASH = "0" * 64
KEY_INFO = "audit_key"  # where a session's info carries the audit key (bytes), if this desk has it

# A personnummer standing alone (not a run of digits inside a hash), or an e-mail address.
_LOOKS_PERSONAL = re.compile(r"(?<![0-9A-Za-z])\d{6}(?:\d{2})?[-+ ]?\d{4}(?![0-9A-Za-z])|[^@\s]+@[^@\s]+\.\w+")


class PersonalDataInAudit(ValueError):
    """A programming error: audit details must never carry personal data."""


class AuditKeyMissing(UserError):
    pass


_KEY_MISSING = (
    "the register's audit chain is keyed, and this desk has no audit key: ask IT to run "
    "`insyn secrets set audit-key` here with the organisation's key"
)


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


def event_hash(event: AuditEvent, key: bytes | None = None) -> str:
    """SHA-256 (HMAC-SHA-256 with the audit key) over the event's content and the previous
    event's hash (not its own hash)."""
    payload = json.dumps(
        [event.seq, event.at.strftime("%Y-%m-%dT%H:%M:%SZ"), event.staff_id, event.case_number, event.action,
         event.details, event.prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")  # fmt: skip
    if key:
        return hmac.new(key, payload, hashlib.sha256).hexdigest()
    return hashlib.sha256(payload).hexdigest()


def session_key(session: Session) -> bytes | None:
    key = session.info.get(KEY_INFO)
    return key if isinstance(key, bytes) and key else None


HEAD_LOCK_TIMEOUT_MS = 10_000  # how long a desk waits for another desk's append


class RegisterBusy(UserError):
    pass


def _locked_head(session: Session) -> AuditHead:
    """The chain's head row, locked: appends from every desk take turns here. A desk that holds
    it too long (stalled) makes the others give up with a clear message, not hang."""
    try:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text(f"SET LOCAL lock_timeout = {int(HEAD_LOCK_TIMEOUT_MS)}"))
        return session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    except OperationalError as exc:
        said = str(exc.orig).lower() if exc.orig is not None else ""
        if "lock" in said or "timeout" in said:
            raise RegisterBusy(
                "another desk is holding the case register; nothing was saved: try again in a moment"
            ) from None
        raise


PENDING_INFO = "audit_pending"  # where a session's info queues the events its transaction will write


@dataclass
class _Pending:
    action: str
    staff_id: int | None
    case_number: str | None
    body: dict[str, object]
    rows: list[Base]


def append(
    session: Session,
    action: str,
    *,
    staff_id: int | None = None,
    case_number: str | None = None,
    details: Mapping[str, object] | None = None,
    rows: Iterable[Base] = (),
) -> None:
    """Add one event to the chain with the caller's transaction. `rows` are the register rows
    this event changed: their digests, as the transaction leaves them, go into the event (under
    "rows").

    The event is written when the transaction commits (`_write_pending`): the head's lock, which
    every desk's every append takes in turn, is then held only for chaining the events and the
    commit itself, not for whatever else the transaction does after its first event. A
    transaction that rolls back leaves no event; so does one never committed."""
    body = dict(details or {})
    _check_details(body)
    if session.in_nested_transaction():
        # A savepoint rolled back would leave its event queued: a record without the deed.
        raise RuntimeError("audit events are appended outside savepoints")
    session.info.setdefault(PENDING_INFO, []).append(_Pending(action, staff_id, case_number, body, list(rows)))


def _write_pending(session: Session) -> None:
    """Before a commit: chain the transaction's queued events onto the head and insert them. The
    rows are flushed and their digests taken before the head is locked, so that the lock is held
    for the hashes, the inserts and the commit alone."""
    pending: list[_Pending] = session.info.pop(PENDING_INFO, [])
    if not pending:
        return
    session.flush()
    bodies = []
    for item in pending:
        body = dict(item.body)
        if item.rows:
            body["rows"] = [list(digests.row_digest(row)) for row in item.rows]
        bodies.append(body)
    head = _locked_head(session)
    key = session_key(session)
    if head.keyed and key is None:
        raise AuditKeyMissing(_KEY_MISSING)
    if key is not None and not head.keyed and head.seq == 0:
        head.keyed = True  # a new register with a key: keyed from its first event
    at = utcnow().replace(microsecond=0)  # whole seconds survive every database's DATETIME
    for item, body in zip(pending, bodies, strict=True):
        if head.seq == 0:  # a new register: its first event says what the chain vouches for
            body["covers"] = sorted(digests.ALL_KINDS)
        written = AuditEvent(
            seq=head.seq + 1,
            at=at,
            staff_id=item.staff_id,
            case_number=item.case_number,
            action=item.action,
            details=json.dumps(body, ensure_ascii=False, sort_keys=True),
            prev_hash=head.hash,
        )
        written.hash = event_hash(written, key if head.keyed else None)
        session.add(written)
        head.seq, head.hash = written.seq, written.hash
    session.flush()


def _forget_pending(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the outermost transaction ended: committed, or not
        session.info.pop(PENDING_INFO, None)


sa_event.listen(Session, "before_commit", _write_pending)
sa_event.listen(Session, "after_transaction_end", _forget_pending)


BASELINE_ACTIONS = ("register.baseline", "audit.accepted")


class HeadTampered(UserError):
    """The head says less is vouched for than the chain records: changed outside Insyn."""

    code = "audit.head_tampered"


_HEAD_TAMPERED = (
    "the audit head was changed outside Insyn: it says the register's rows were never recorded, but the audit "
    "chain recorded them. Nothing was re-recorded. An administrator runs `insyn audit verify` and, once the "
    "cause is known, `insyn audit accept --admin ADMIN --reason TEXT`"
)


def _kinds_of(action: str, details: dict[str, object]) -> frozenset[str]:
    """The kinds of row an event starts vouching for."""
    covers = details.get("covers")
    if isinstance(covers, list):
        return frozenset(str(k) for k in covers)
    if action in BASELINE_ACTIONS:
        kinds = details.get("kinds")
        return frozenset(str(k) for k in kinds) if isinstance(kinds, list) else digests.LEGACY_KINDS
    return digests.LEGACY_KINDS if details.get("rows") else frozenset()  # row digests came with a baseline


def covered_kinds(session: Session) -> frozenset[str]:
    """What the chain itself says it vouches for (the head's `covers` is only a shortcut)."""
    covered: set[str] = set()
    starts = or_(AuditEvent.action.in_(BASELINE_ACTIONS), AuditEvent.seq == 1)
    events = session.execute(select(AuditEvent.action, AuditEvent.details).where(starts))
    for action, details in events:
        covered |= _kinds_of(action, json.loads(details))
    if not covered.issuperset(digests.LEGACY_KINDS):
        recorded = session.execute(select(AuditEvent.id).where(AuditEvent.details.contains('"rows"')).limit(1)).first()
        if recorded is not None:
            covered |= digests.LEGACY_KINDS
    return frozenset(covered)


def _head_disagrees(head: AuditHead, covered: frozenset[str]) -> bool:
    if head.seq == 0:
        return False  # an empty chain: its first event will say what it vouches for
    if covered and not head.baselined:
        return True  # the flag was cleared
    return head.covers is not None and frozenset(filter(None, head.covers.split(","))) != covered


def lock_register(session: Session) -> None:
    """Take the chain's head lock now, for the rest of the transaction (every commit with events
    takes it anyway, at its end): no other desk's event is written meanwhile."""
    _locked_head(session)


def ensure_baseline(session: Session) -> None:
    """At every start: record the digests of every row of a kind the chain does not vouch for
    yet (a new register, or a kind added by an upgrade), once. A kind the chain already covers
    is never recorded again, so an edit made outside Insyn cannot become the new baseline; a
    head that claims less than the chain records is refused until an administrator acts."""
    everything = ",".join(sorted(digests.ALL_KINDS))
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    if head.baselined and head.covers == everything:
        return  # every start after the first: one row read, no lock taken
    head = _locked_head(session)
    covered = covered_kinds(session)
    if _head_disagrees(head, covered):
        raise HeadTampered(_HEAD_TAMPERED)
    missing = digests.ALL_KINDS - covered
    rows = list(digests.current_rows(session, frozenset(missing))) if missing else []
    if rows or (missing and head.seq > 0):  # an empty new register: its first event will say it
        for row in rows:
            if isinstance(row, Case) and row.digest_salt is None:
                row.digest_salt = digests.new_salt()
        append(session, "register.baseline", details={"kinds": sorted(missing), "rows_recorded": len(rows)},
               rows=rows)  # fmt: skip
    head.baselined, head.covers = True, everything


def accept_rows(session: Session, reason: str, *, staff_id: int | None = None) -> int:
    """An administrator's decision, after `verify` named rows changed outside Insyn (or a head
    changed): the chain records the rows as they are now, with the reason and what verify said.
    Returns the number of rows recorded."""
    head = _locked_head(session)
    report = verify_chain(session)
    if report.broken_seq is not None:
        raise UserError(f"the chain itself is broken at event {report.broken_seq}; it cannot be accepted")
    rows = list(digests.current_rows(session))
    append(session, "audit.accepted", staff_id=staff_id, details={"reason": reason, "found": report.reason or "nothing",
                                               "kinds": sorted(digests.ALL_KINDS), "rows_recorded": len(rows)},
           rows=rows)  # fmt: skip
    head.baselined, head.covers = True, ",".join(sorted(digests.ALL_KINDS))
    return len(rows)


@dataclass(frozen=True)
class ChainReport:
    events: int
    broken_seq: int | None = None
    broken_id: int | None = None
    reason: str = ""
    keyed: bool = False

    @property
    def intact(self) -> bool:
        return self.broken_seq is None and not self.reason


def verify_chain(session: Session) -> ChainReport:
    """Walk the chain in order and name the first event that does not hold; then check that the
    register's rows are as the chain last recorded them."""
    head = session.get(AuditHead, 1)
    key = session_key(session)
    keyed = bool(head is not None and head.keyed)
    if keyed and key is None:
        return ChainReport(0, None, None, _KEY_MISSING, keyed=True)
    if key is not None and not keyed and head is not None and head.seq > 0:
        return ChainReport(
            0, None, None,
            "this desk holds the audit key but the chain is not keyed: it was re-computed without the key, "
            "or it was never sealed (an administrator runs `insyn audit seal` once, after checking it)",
        )  # fmt: skip
    check_key = key if keyed else None
    recorded: dict[tuple[str, str], str] = {}
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=2000))
    with contextlib.closing(rows):  # a server-side cursor on PostgreSQL: closed also on an early answer
        walked = _walk(rows.scalars(), check_key, keyed, recorded)
    if isinstance(walked, ChainReport):
        return walked
    count, expected_seq, prev_hash = walked
    if head is None or head.seq != expected_seq - 1 or head.hash != prev_hash:
        return ChainReport(count, None, None, "the newest events were removed (the head does not match)", keyed)
    covered = covered_kinds(session)
    if _head_disagrees(head, covered):
        return ChainReport(count, None, None, _HEAD_TAMPERED, keyed)
    problem = _check_rows(session, recorded, covered) if covered else ""
    if problem:
        return ChainReport(count, None, None, problem, keyed)
    return ChainReport(count, keyed=keyed)


def _walk(events: Iterable[AuditEvent], check_key: bytes | None, keyed: bool,
          recorded: dict[tuple[str, str], str]) -> ChainReport | tuple[int, int, str]:  # fmt: skip
    """Each event in order: the first that does not hold is reported; else (events, the next
    sequence number, the last hash). Fills `recorded` with the last digest of every row."""
    expected_seq, prev_hash, count = 1, GENESIS_HASH, 0
    for event in events:
        count += 1
        if event.seq != expected_seq:
            return ChainReport(count, expected_seq, event.id, f"event {expected_seq} is missing", keyed)
        if event.prev_hash != prev_hash:
            return ChainReport(count, event.seq, event.id, "it does not follow the event before it", keyed)
        if not hmac.compare_digest(event_hash(event, check_key), event.hash):
            reason = "its content was changed after it was written" + (
                " (or the chain was re-computed without the audit key)" if keyed else ""
            )
            return ChainReport(count, event.seq, event.id, reason, keyed)
        if '"rows"' in event.details:
            for kind, row_key, digest in json.loads(event.details).get("rows", ()):
                recorded[(kind, row_key)] = digest
        expected_seq, prev_hash = expected_seq + 1, event.hash
    return count, expected_seq, prev_hash


def _check_rows(session: Session, recorded: dict[tuple[str, str], str], covered: frozenset[str]) -> str:
    recorded = {(kind, key): digest for (kind, key), digest in recorded.items() if kind in covered}
    with contextlib.closing(digests.current_rows(session, covered)) as rows:
        return _compare_rows(session, rows, recorded)


def _compare_rows(session: Session, rows: Iterable[Base], recorded: dict[tuple[str, str], str]) -> str:
    seen: set[tuple[str, str]] = set()
    for row in rows:
        kind, key, digest = digests.row_digest(row)
        seen.add((kind, key))
        last = recorded.get((kind, key))
        if last is None:
            return (
                f"{digests.describe(session, kind, key)} was added outside Insyn (the audit chain has no record of it)"
            )
        if last != digest:
            return f"{digests.describe(session, kind, key)} was changed outside Insyn (it differs from the audit chain)"
    for kind, key in recorded.keys() - seen:
        return f"{digests.describe(session, kind, key)} was deleted outside Insyn (the audit chain records it)"
    return ""


def seal(session: Session) -> int:
    """Key an unkeyed chain: check it as it is, then re-compute every hash with the audit key.
    Returns the number of events sealed."""
    key = session_key(session)
    if key is None:
        raise UserError("no audit key on this desk: `insyn secrets set audit-key` first")
    head = _locked_head(session)
    if head.keyed:
        raise UserError("the audit chain is keyed already")
    session.info[KEY_INFO] = b""
    try:
        report = verify_chain(session)
    finally:
        session.info[KEY_INFO] = key
    if not report.intact:
        raise UserError(f"the chain is not intact, so it cannot be sealed: {report.reason or report.broken_seq}")
    prev_hash, count = GENESIS_HASH, 0
    for event in session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars():
        event.prev_hash = prev_hash
        event.hash = event_hash(event, key)
        prev_hash = event.hash
        count += 1
    head.hash, head.keyed = prev_hash, True
    session.flush()
    append(session, "audit.sealed", details={"events": count})
    return count
