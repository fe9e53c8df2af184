"""Review of gathered data: confirming weak matches, excluding records, redacting fields.

Every decision is audited with where it was taken (source, category, record position, field
name) and a reason code, never with the data itself.
"""

from __future__ import annotations

import enum

from desktop.core.extract import GatherResult, Record
from desktop.register import audit
from desktop.services.desk import Desk, find_staff


class ReviewReason(enum.StrEnum):
    OTHER_PERSON = "other_person"  # concerns someone else (Art. 15.4)
    WRONG_MATCH = "wrong_match"  # found through a shared e-mail, phone or name
    DUPLICATE = "duplicate"


class Review:
    def __init__(self, desk: Desk, case_number: str, result: GatherResult, *, staff_username: str) -> None:
        self.desk = desk
        self.case_number = case_number
        self.result = result
        self.staff_username = staff_username
        self._audit("data.viewed", {"records": result.record_count})

    def _audit(self, action: str, details: dict[str, object]) -> None:
        with self.desk.register.sessions.begin() as session:
            staff = find_staff(session, self.staff_username)
            audit.append(
                session, action, staff_id=staff.id if staff else None, case_number=self.case_number, details=details
            )

    def _where(self, record: Record) -> dict[str, object]:
        records = self.result.sources[record.source_id].records
        return {
            "source": record.source_id,
            "category": record.category,
            "record": records.index(record),
        }

    def confirm(self, record: Record, confirmed: bool = True) -> None:
        record.confirmed = confirmed
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
