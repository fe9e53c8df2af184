"""Digests of the register's rows as Insyn last wrote them, carried by the audit chain.

Every change of a case, a staff account, a delivery, a letter, a policy value, a case counter or
a gather's per-system result appends an audit event
that names the row and the SHA-256 of its new state. `audit.verify_chain` then compares the
rows as they are now with the last digest of each, so an edit made behind the program's back
(a case's personnummer or status, a staff member's roles, a deleted delivery) is named. A case's
digest mixes in the case's own random salt: once its personal data is purged with the salt, the
digest kept in the chain cannot be used to guess the personnummer.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Generator
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.config import DEED_REQUESTS
from desktop.register.models import Base, Case, CaseCounter, Delivery, GatherSourceResult, Letter, PolicySetting, Staff

# The kinds vouched for since the row digests came (migration 0004), and all kinds now (0010).
LEGACY_KINDS = frozenset({"case", "staff", "delivery", "letter", "policy"})
ALL_KINDS = LEGACY_KINDS | {"counter", "gather_result"}


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")  # whole seconds: every database keeps them
    if isinstance(value, date):
        return value.isoformat()
    return value


def _state(row: Base) -> tuple[str, str, dict[str, Any]]:
    """(kind, key, state) of a row whose digest the chain keeps."""
    if isinstance(row, Case):
        state: dict[str, Any] = {
            c: _plain(getattr(row, c))
            for c in ("number", "status", "received_at", "received_on", "deadline", "extended_deadline",
                      "extension_reason", "rejection_reason", "closing_note", "subject_name", "subject_personnummer",
                      "language", "created_by_id", "closed_at", "digest_salt")
        }  # fmt: skip
        # The day a request took effect only where there is one: a case from before keeps its digest.
        state["requests"] = [
            [r.type, r.details, r.outcome, *([_plain(r.effective_on)] if r.effective_on else [])] for r in row.requests
        ]
        state["verifications"] = [
            [v.role, v.document_type, v.document_country, _plain(v.document_expiry), v.document_last4,
             v.document_description, v.mrz_checked, v.checked_by_id, _plain(v.checked_at)]
            for v in row.verifications
        ]  # fmt: skip
        state["representatives"] = sorted(
            [[r.name, r.personnummer, r.mandate_type, _plain(r.mandate_dated), r.mandate_signed_by,
              *([r.mandate_scope] if r.mandate_scope else [])]  # only where recorded: older cases keep theirs
             for r in row.representatives]
        )  # fmt: skip
        state["manual"] = [[m.source_id, m.found, m.note, m.recorded_by_id, _plain(m.recorded_at)]
                           for m in row.manual_outcomes]  # fmt: skip
        if row.purged_at is not None:  # only once purged: a case from before keeps its digest
            state["purged_at"] = _plain(row.purged_at)
        if row.identifiers:  # only where given: a case from before keeps its digest
            state["identifiers"] = [[i.kind, i.value] for i in row.identifiers]
        if row.postal_address is not None:  # only an answer by post has one
            state["postal_address"] = row.postal_address
        if row.outstanding is not None:  # only while something is owed after a delivery
            state["outstanding"] = row.outstanding
        # Only a case with a request carried out in the systems can have deeds (and only it reads them).
        if any(r.type in DEED_REQUESTS for r in row.requests) and row.deeds:
            state["deeds"] = [
                [d.request, d.source_id, d.kind, d.title, d.operation, d.count, d.ground, d.until, d.how, d.digest,
                 d.done_by_id, _plain(d.done_at)]
                for d in row.deeds
            ]  # fmt: skip
        return "case", str(row.id), state
    if isinstance(row, Staff):
        staff_columns = ("username", "display_name", "roles", "password_hash", "active", "failed_sign_ins",
                         "locked_until")  # fmt: skip
        return "staff", str(row.id), {c: _plain(getattr(row, c)) for c in staff_columns}
    if isinstance(row, Delivery):
        columns = ("case_id", "delivered_at", "staff_id", "method", "language", "sha256", "page_count", "byte_size",
                   "approved_by_id")  # fmt: skip
        delivery = {c: _plain(getattr(row, c)) for c in columns}
        if row.outstanding is not None or row.supplement:  # a delivery from before keeps its digest
            delivery |= {"outstanding": row.outstanding, "supplement": bool(row.supplement)}
        return "delivery", str(row.id), delivery
    if isinstance(row, Letter):
        columns = ("case_id", "kind", "produced_at", "staff_id", "method", "language", "sha256", "page_count",
                   "byte_size")  # fmt: skip
        return "letter", str(row.id), {c: _plain(getattr(row, c)) for c in columns}
    if isinstance(row, PolicySetting):
        return "policy", row.key, {"value": row.value}
    if isinstance(row, CaseCounter):
        return "counter", str(row.year), {"last_seq": row.last_seq}
    if isinstance(row, GatherSourceResult):
        result_columns = ("run_id", "source_id", "outcome", "record_count", "message", "duration_ms")
        return "gather_result", str(row.id), {c: getattr(row, c) for c in result_columns}
    raise TypeError(f"no digest for {type(row).__name__}")


def new_salt() -> str:
    return secrets.token_hex(16)


def row_digest(row: Base) -> tuple[str, str, str]:
    """(kind, key, SHA-256 of the row's state)."""
    kind, key, state = _state(row)
    payload = json.dumps([kind, key, state], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return kind, key, hashlib.sha256(payload.encode("utf-8")).hexdigest()


def describe(session: Session, kind: str, key: str) -> str:
    """How verify names a row, without personal data."""
    if kind == "case":
        number = session.execute(select(Case.number).where(Case.id == int(key))).scalar_one_or_none()
        return f"case {number}" if number else f"case (row id {key})"
    if kind == "delivery":
        return f"delivery (row id {key})"
    if kind == "letter":
        return f"letter (row id {key})"
    if kind == "staff":
        return f"staff account (row id {key})"
    if kind == "counter":
        return f"the case counter of {key}"
    if kind == "gather_result":
        return f"a gather's result for one system (row id {key})"
    return f"policy setting '{key}'"


def current_rows(session: Session, kinds: frozenset[str] = ALL_KINDS) -> Generator[Base, None, None]:
    """Every row of these kinds whose digest the chain keeps, as it is in the register now."""
    for kind, model in (("staff", Staff), ("policy", PolicySetting), ("delivery", Delivery), ("letter", Letter),
                        ("counter", CaseCounter)):  # fmt: skip
        if kind in kinds:
            yield from session.execute(select(model)).scalars()
    if "gather_result" in kinds:
        results = session.execute(select(GatherSourceResult).execution_options(yield_per=2000))
        try:
            yield from results.scalars()
        finally:
            results.close()
    if "case" not in kinds:
        return
    cases = select(Case).options(
        selectinload(Case.requests),
        selectinload(Case.verifications),
        selectinload(Case.representatives),
        selectinload(Case.manual_outcomes),
        selectinload(Case.identifiers),
        selectinload(Case.deeds),
    )
    result = session.execute(cases.execution_options(yield_per=500))
    try:
        yield from result.scalars()
    finally:
        result.close()  # a server-side cursor on PostgreSQL, also when the caller stops early
