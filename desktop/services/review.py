"""Review of gathered data: confirming weak matches, excluding records, redacting fields.

Every decision is audited with where it was taken (source, category, record position, field
name) and a reason code, never with the data itself.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass

from desktop.core.extract import GatherResult, Record, Strength
from desktop.register import audit
from desktop.services.desk import Desk


class ReviewReason(enum.StrEnum):
    OTHER_PERSON = "other_person"  # concerns someone else (Art. 15.4)
    WRONG_MATCH = "wrong_match"  # found through a shared e-mail, phone or name
    DUPLICATE = "duplicate"


class RecordState(enum.StrEnum):
    """Where a record stands after the review, as the reviewer and the approver see it."""

    STRONG = "strong"  # found by the personnummer or an identifier the visitor gave: in the extract
    UNDECIDED = "undecided"  # a possible match nobody has decided on
    CONFIRMED = "confirmed"  # a possible match confirmed as the visitor's
    LEFT_OUT = "left_out"  # a possible match left out unconfirmed (the extract says how many)
    EXCLUDED = "excluded"  # taken out, with a reason


@dataclass(frozen=True)
class Decision:
    """One line of what the review decided, for the approver: how many records of one category
    were excluded, masked, confirmed or left out, and why (no data, only where and how many)."""

    state: str  # a RecordState value, or "masked"
    source: str  # the source's name
    category: str
    count: int
    reason: ReviewReason | None = None
    field: str | None = None  # the masked field's name


class Review:
    def __init__(self, desk: Desk, case_number: str, result: GatherResult, *, staff_id: int) -> None:
        self.desk = desk
        self.case_number = case_number
        self.result = result
        self.staff_id = staff_id
        self._why_excluded: dict[int, ReviewReason] = {}  # id(record) → reason
        self._why_masked: dict[tuple[int, str], ReviewReason] = {}  # (id(record), field) → reason
        self._audit("data.viewed", {"records": result.record_count})

    def _audit(self, action: str, details: dict[str, object]) -> None:
        with self.desk.register.sessions.begin() as session:
            audit.append(session, action, staff_id=self.staff_id, case_number=self.case_number, details=details)

    def _where(self, record: Record) -> dict[str, object]:
        records = self.result.sources[record.source_id].records
        return {
            "source": record.source_id,
            "category": record.category,
            "record": records.index(record),
        }

    def confirm_all_weak(self) -> int:
        """Confirm every weak match not yet decided, in one audited decision; returns how many."""
        undecided = self.undecided()
        for record in undecided:
            record.confirmed, record.set_aside = True, False
        self._audit("review.confirmed_all_weak", {"records": len(undecided)})
        return len(undecided)

    def undecided(self) -> list[Record]:
        """Possible matches nobody has decided on yet."""
        return [r for source in self.result.sources.values() for r in source.records if r.undecided]

    def set_aside_weak(self) -> int:
        """Leave every undecided possible match out, unconfirmed, in one audited decision: the
        extract then says how many were left out and why. Returns how many."""
        undecided = self.undecided()
        for record in undecided:
            record.set_aside = True
        self._audit("review.weak_left_out", {"records": len(undecided)})
        return len(undecided)

    def counts(self) -> dict[str, int]:
        """What the review decided, in numbers (for the approver and the audit log)."""
        records = [r for source in self.result.sources.values() for r in source.records]
        weak = [r for r in records if r.strength is Strength.WEAK]
        return {
            "records": len(records),
            "included": sum(1 for r in records if r.included),
            "excluded": sum(1 for r in records if r.excluded),
            "redacted_fields": sum(len(r.redacted) for r in records),
            "weak_confirmed": sum(1 for r in weak if r.confirmed and not r.excluded),
            "weak_undecided": sum(1 for r in weak if r.undecided),
            "weak_left_out": sum(1 for r in weak if r.set_aside and not r.confirmed and not r.excluded),
        }

    def confirm(self, record: Record, confirmed: bool = True) -> None:
        record.confirmed = confirmed
        record.set_aside = False  # decided now, one way or the other
        self._audit("review.confirmed" if confirmed else "review.unconfirmed", self._where(record))

    def state(self, record: Record) -> tuple[RecordState, ReviewReason | None]:
        """Where the record stands, and why where a reason was given."""
        if record.excluded:
            return RecordState.EXCLUDED, self._why_excluded.get(id(record))
        if record.strength is Strength.STRONG:
            return RecordState.STRONG, None
        if record.confirmed:
            return RecordState.CONFIRMED, None
        return (RecordState.LEFT_OUT if record.set_aside else RecordState.UNDECIDED), None

    def decisions(self) -> list[Decision]:
        """Every decision taken, grouped by source, category and reason: what the approver signs."""
        names = {s.source_id: s.name for s in self.result.sources.values()}
        counted: Counter[tuple[str, str, str, ReviewReason | None, str | None]] = Counter()
        for source in self.result.sources.values():
            for record in source.records:
                state, reason = self.state(record)
                if state is not RecordState.STRONG:
                    counted[(state.value, source.source_id, record.category, reason, None)] += 1
                if record.included:
                    for name in sorted(record.redacted):
                        why = self._why_masked.get((id(record), name))
                        counted[("masked", source.source_id, record.category, why, name)] += 1
        order = [s.value for s in RecordState] + ["masked"]
        return [
            Decision(state, names[source], category, count, reason, field)
            for (state, source, category, reason, field), count in sorted(
                counted.items(), key=lambda item: (order.index(item[0][0]), item[0][1], item[0][2], item[0][4] or "")
            )
        ]

    def exclude(self, record: Record, reason: ReviewReason, excluded: bool = True) -> None:
        record.excluded = excluded
        if excluded:
            self._why_excluded[id(record)] = reason
        else:
            self._why_excluded.pop(id(record), None)
        action = "review.excluded" if excluded else "review.included"
        self._audit(action, {**self._where(record), "reason": reason.value})

    def redact(self, record: Record, field: str, reason: ReviewReason, redacted: bool = True) -> None:
        if field not in record.fields:
            raise KeyError(field)
        if redacted:
            record.redacted.add(field)
            self._why_masked[(id(record), field)] = reason
        else:
            record.redacted.discard(field)
            self._why_masked.pop((id(record), field), None)
        action = "review.redacted" if redacted else "review.unredacted"
        self._audit(action, {**self._where(record), "field": field, "reason": reason.value})
