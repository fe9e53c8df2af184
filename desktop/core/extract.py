"""What a gather found, as the review and the extract see it: sources, categories, records.

These objects live in memory for as long as the case needs them and are never written to the
register. Their reprs carry counts only, so that a log line or a traceback shows no data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Strength(enum.StrEnum):
    STRONG = "strong"  # reached through the personnummer or a key derived from it
    WEAK = "weak"  # reached only through e-mail, phone or name: a person must confirm


class SourceStatus(enum.StrEnum):
    WAITING = "waiting"
    RUNNING = "running"
    OK = "ok"
    NOTHING = "nothing"
    FAILED = "failed"
    TIMED_OUT = "timed_out"
    CANCELLED = "cancelled"
    MANUAL = "manual"  # a checklist item for staff

    @property
    def finished(self) -> bool:
        return self not in (SourceStatus.WAITING, SourceStatus.RUNNING)

    @property
    def reached(self) -> bool:
        """Whether the source answered (with or without data)."""
        return self in (SourceStatus.OK, SourceStatus.NOTHING)


@dataclass(slots=True, eq=False)
class Record:
    """One row or object found about the visitor."""

    source_id: str
    category: str
    fields: dict[str, Any]
    strength: Strength
    matched_by: str  # the identifier kind that reached it
    confirmed: bool = True  # weak matches start unconfirmed
    excluded: bool = False
    redacted: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.strength is Strength.WEAK:
            self.confirmed = False

    @property
    def included(self) -> bool:
        return self.confirmed and not self.excluded

    def visible_fields(self, redaction_mark: str = "[maskerat]") -> dict[str, Any]:
        return {k: (redaction_mark if k in self.redacted else v) for k, v in self.fields.items()}

    def __repr__(self) -> str:
        return (
            f"Record({self.source_id}/{self.category}, {len(self.fields)} fields, {self.strength})"
        )


@dataclass(slots=True)
class SourceResult:
    source_id: str
    name: str
    kind: str
    status: SourceStatus = SourceStatus.WAITING
    records: list[Record] = field(default_factory=list)
    message: str = ""  # why it failed; never personal data
    duration_ms: int = 0
    truncated: bool = False
    instructions: str = ""  # for manual sources

    @property
    def record_count(self) -> int:
        return len(self.records)

    def categories(self) -> dict[str, list[Record]]:
        grouped: dict[str, list[Record]] = {}
        for record in self.records:
            grouped.setdefault(record.category, []).append(record)
        return grouped

    def __repr__(self) -> str:
        return f"SourceResult({self.source_id}, {self.status}, {self.record_count} records)"


@dataclass(slots=True)
class GatherResult:
    sources: dict[str, SourceResult]
    identifiers: dict[str, dict[str, Strength]]  # kind → value → strength; memory only
    cancelled: bool = False

    @property
    def record_count(self) -> int:
        return sum(s.record_count for s in self.sources.values())

    def failed(self) -> list[SourceResult]:
        return [
            s
            for s in self.sources.values()
            if s.status in (SourceStatus.FAILED, SourceStatus.TIMED_OUT, SourceStatus.CANCELLED)
        ]

    def __repr__(self) -> str:
        return f"GatherResult({len(self.sources)} sources, {self.record_count} records)"
