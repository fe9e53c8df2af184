"""Review of gathered data: confirming weak matches, excluding records, redacting fields.

Every decision is audited with where it was taken (source, category, record position, field
name) and a reason code, never with the data itself.
"""

from __future__ import annotations

import enum

from desktop.core.extract import GatherResult, Record, Strength
from desktop.register import audit
from desktop.services.desk import Desk


class ReviewReason(enum.StrEnum):
    OTHER_PERSON = "other_person"  # concerns someone else (Art. 15.4)
    WRONG_MATCH = "wrong_match"  # found through a shared e-mail, phone or name
    DUPLICATE = "duplicate"


class Review:
    def __init__(self, desk: Desk, case_number: str, result: GatherResult, *, staff_id: int) -> None:
        self.desk = desk
        self.case_number = case_number
        self.result = result
        self.staff_id = staff_id
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

    def exclude(self, record: Record, reason: ReviewReason, excluded: bool = True) -> None:
        record.excluded = excluded
        action = "review.excluded" if excluded else "review.included"
        self._audit(action, {**self._where(record), "reason": reason.value})

    def redact(self, record: Record, field: str, reason: ReviewReason, redacted: bool = True) -> None:
        if field not in record.fields:
            raise KeyError(field)
        if redacted:
            record.redacted.add(field)
        else:
            record.redacted.discard(field)
        action = "review.redacted" if redacted else "review.unredacted"
        self._audit(action, {**self._where(record), "field": field, "reason": reason.value})
