"""Review of gathered data: confirming weak matches, excluding records, redacting fields.

Every decision is audited with where it was taken (source, category, record position, field
name) and a reason code, never with the data itself, and kept with the case (ReviewDecision,
keyed by the record's fingerprint): gathered again — after F5, on another desk, by the
approver — the case's data comes back with its decisions; one whose record changed in the
system no longer applies and is counted as such.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select

from desktop.core.extract import GatherResult, Record, Strength
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import Case, ReviewDecision, utcnow
from desktop.services.desk import Desk


class ReviewReason(enum.StrEnum):
    OTHER_PERSON = "other_person"  # concerns someone else (Art. 15.4)
    WRONG_MATCH = "wrong_match"  # found through a shared e-mail, phone or name
    DUPLICATE = "duplicate"
    # The visitor's own data that Swedish law lets us withhold (dataskyddslagen 5 kap.); the
    # extract says how many were withheld and on which ground (Art. 12.4 applies to that part).
    CONFIDENTIALITY = "confidentiality"  # under a duty of confidentiality (5 kap. 1 §)
    DRAFT = "draft"  # running text not finalised, or an aide-mémoire (5 kap. 2 §): private bodies only

    @property
    def withholds(self) -> bool:
        """Whether the visitor is told that data was withheld on this ground."""
        return self in (ReviewReason.CONFIDENTIALITY, ReviewReason.DRAFT)


class RecordState(enum.StrEnum):
    """Where a record stands after the review, as the reviewer and the approver see it."""

    STRONG = "strong"  # found by the personnummer or an identifier the visitor gave: in the extract
    UNDECIDED = "undecided"  # a possible match nobody has decided on
    CONFIRMED = "confirmed"  # a possible match confirmed as the visitor's
    LEFT_OUT = "left_out"  # a possible match left out unconfirmed (the extract says how many)
    EXCLUDED = "excluded"  # taken out, with a reason


class Decided(enum.StrEnum):
    """What a line of the review's decisions counts: records in a state other than strong, or a
    field masked in records that go out."""

    UNDECIDED = RecordState.UNDECIDED.value
    CONFIRMED = RecordState.CONFIRMED.value
    LEFT_OUT = RecordState.LEFT_OUT.value
    EXCLUDED = RecordState.EXCLUDED.value
    MASKED = "masked"


@dataclass(frozen=True)
class Decision:
    """One line of what the review decided, for the approver: how many records of one category
    were excluded, masked, confirmed or left out, and why (no data, only where and how many)."""

    state: Decided
    source: str  # the source's name
    category: str
    count: int
    reason: ReviewReason | None = None
    field: str | None = None  # the masked field's name


# What is kept of a decision: (kind, field, reason); kinds are the ReviewDecision.kind values.
Kept = tuple[str, str, ReviewReason | None]


@dataclass(frozen=True)
class Unmatched:
    """Decisions kept with the case whose record is not in the data gathered now (it changed or
    went in the system): shown to the reviewer, never applied to something else."""

    source_id: str
    category: str
    kind: str
    count: int


class Review:
    def __init__(self, desk: Desk, case_number: str, result: GatherResult, *, staff_id: int) -> None:
        self.desk = desk
        self.case_number = case_number
        self.result = result
        self.staff_id = staff_id
        self._why_excluded: dict[int, ReviewReason] = {}  # id(record) → reason
        self._why_masked: dict[tuple[int, str], ReviewReason] = {}  # (id(record), field) → reason
        self._fingerprints: dict[int, str] = {}  # id(record) → fingerprint, computed when needed
        with desk.register.sessions.begin() as session:
            case = session.execute(select(Case).where(Case.number == case_number)).scalar_one()
            self._case_id, self._salt = case.id, case.digest_salt or case.number
            kept = list(session.execute(select(ReviewDecision).where(ReviewDecision.case_id == case.id)).scalars())
            self.unmatched, applied = self._apply(kept)
            details: dict[str, object] = {"records": result.record_count}
            if kept:
                details |= {"decisions_applied": applied, "decisions_unmatched": sum(u.count for u in self.unmatched)}
            audit.append(session, "data.viewed", staff_id=staff_id, case_number=case_number, details=details)

    # Decisions kept with the case ----------------------------------------------------------

    def key(self, record: Record) -> str:
        """The record's fingerprint: the key its decisions are kept under."""
        return self._fingerprint(record)

    def _fingerprint(self, record: Record) -> str:
        key = id(record)
        if key not in self._fingerprints:
            self._fingerprints[key] = record.fingerprint(self._salt)
        return self._fingerprints[key]

    def _apply(self, kept: list[ReviewDecision]) -> tuple[list[Unmatched], int]:
        """Put the kept decisions back on the records they were taken on (only the categories
        they name are fingerprinted); returns what no longer matches and how many applied."""
        wanted = {(d.source_id, d.category) for d in kept}
        found: dict[str, list[Record]] = {}
        for source in self.result.sources.values():
            for record in source.records:
                if (record.source_id, record.category) in wanted:
                    found.setdefault(self._fingerprint(record), []).append(record)
        missing: Counter[tuple[str, str, str]] = Counter()
        applied = 0
        for decision in kept:
            records = found.get(decision.fingerprint, [])
            if not records:
                missing[(decision.source_id, decision.category, decision.kind)] += 1
            reason = ReviewReason(decision.reason) if decision.reason else ReviewReason.OTHER_PERSON
            for record in records:
                applied += 1
                if decision.kind == "confirmed" and record.strength is Strength.WEAK:
                    record.confirmed, record.set_aside = True, False
                elif decision.kind == "set_aside" and record.strength is Strength.WEAK and not record.confirmed:
                    record.set_aside = True
                elif decision.kind == "excluded":
                    record.excluded = True
                    record.withheld = reason.value if reason.withholds else ""
                    self._why_excluded[id(record)] = reason
                elif decision.kind == "masked" and decision.field in record.fields:
                    record.redacted |= {decision.field}
                    self._why_masked[(id(record), decision.field)] = reason
        return [Unmatched(s, c, k, n) for (s, c, k), n in sorted(missing.items())], applied

    def _decided(
        self,
        action: str,
        details: dict[str, object],
        *,
        keep: Sequence[tuple[Record, Kept]] = (),
        forget: Sequence[tuple[Record, str, str]] = (),
    ) -> None:
        """Audit a decision and keep it with the case (or forget one taken back), together."""
        gone: dict[tuple[str, str], list[str]] = {}  # (kind, field) → fingerprints: one DELETE each
        for record, kind, field in [*forget, *((r, k, f) for r, (k, f, _why) in keep)]:
            gone.setdefault((kind, field), []).append(self._fingerprint(record))
        with self.desk.register.sessions.begin() as session:
            for (kind, field), prints in gone.items():
                for start in range(0, len(prints), 500):
                    session.execute(
                        delete(ReviewDecision).where(
                            ReviewDecision.case_id == self._case_id,
                            ReviewDecision.kind == kind,
                            ReviewDecision.field == field,
                            ReviewDecision.fingerprint.in_(prints[start : start + 500]),
                        )
                    )
            session.add_all(
                ReviewDecision(case_id=self._case_id, source_id=record.source_id, category=record.category,
                               fingerprint=self._fingerprint(record), kind=kind, field=field,
                               reason=why.value if why else None, decided_by_id=self.staff_id, decided_at=utcnow())
                for record, (kind, field, why) in keep
            )  # fmt: skip
            audit.append(session, action, staff_id=self.staff_id, case_number=self.case_number, details=details)

    def _where(self, record: Record) -> dict[str, object]:
        records = self.result.sources[record.source_id].records
        return {
            "source": record.source_id,
            "category": record.category,
            "record": records.index(record),
        }

    # The decisions -------------------------------------------------------------------------

    def confirm_all_weak(self) -> int:
        """Confirm every weak match not yet decided, in one audited decision; returns how many."""
        undecided = self.undecided()
        for record in undecided:
            record.confirmed, record.set_aside = True, False
        self._decided("review.confirmed_all_weak", {"records": len(undecided)},
                      keep=[(r, ("confirmed", "", None)) for r in undecided])  # fmt: skip
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
        self._decided("review.weak_left_out", {"records": len(undecided)},
                      keep=[(r, ("set_aside", "", None)) for r in undecided])  # fmt: skip
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
        action = "review.confirmed" if confirmed else "review.unconfirmed"
        kept: list[tuple[Record, Kept]] = [(record, ("confirmed", "", None))] if confirmed else []
        self._decided(action, self._where(record), keep=kept,
                      forget=[(record, "confirmed", ""), (record, "set_aside", "")])  # fmt: skip

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
        counted: Counter[tuple[Decided, str, str, ReviewReason | None, str | None]] = Counter()
        for source in self.result.sources.values():
            for record in source.records:
                state, reason = self.state(record)
                if state is not RecordState.STRONG:
                    counted[(Decided(state.value), source.source_id, record.category, reason, None)] += 1
                if record.included:
                    for name in sorted(record.redacted):
                        why = self._why_masked.get((id(record), name))
                        counted[(Decided.MASKED, source.source_id, record.category, why, name)] += 1
        order = list(Decided)
        return [
            Decision(state, names[source], category, count, reason, field)
            for (state, source, category, reason, field), count in sorted(
                counted.items(), key=lambda item: (order.index(item[0][0]), item[0][1], item[0][2], item[0][4] or "")
            )
        ]

    def exclude(self, record: Record, reason: ReviewReason, excluded: bool = True) -> None:
        record.excluded = excluded
        record.withheld = reason.value if excluded and reason.withholds else ""
        if excluded:
            self._why_excluded[id(record)] = reason
        else:
            self._why_excluded.pop(id(record), None)
        action = "review.excluded" if excluded else "review.included"
        self._decided(action, {**self._where(record), "reason": reason.value},
                      keep=[(record, ("excluded", "", reason))] if excluded else [],
                      forget=[] if excluded else [(record, "excluded", "")])  # fmt: skip

    def redact(self, record: Record, field: str, reason: ReviewReason, redacted: bool = True) -> None:
        if field not in record.fields:
            raise KeyError(field)
        if redacted:
            record.redacted |= {field}
            self._why_masked[(id(record), field)] = reason
        else:
            record.redacted -= {field}
            self._why_masked.pop((id(record), field), None)
        action = "review.redacted" if redacted else "review.unredacted"
        self._decided(action, {**self._where(record), "field": field, "reason": reason.value},
                      keep=[(record, ("masked", field, reason))] if redacted else [],
                      forget=[] if redacted else [(record, "masked", field)])  # fmt: skip


@dataclass(frozen=True)
class DecisionRequest:
    """One line of a decisions file (`case review --decisions`): what to do with which record."""

    record: str  # the record's key, as `case gather --json` gives it
    decision: str  # confirm (a possible match is the visitor's), exclude, mask
    reason: ReviewReason
    field: str = ""


DECISIONS = ("confirm", "exclude", "mask")  # possible matches nobody confirmed: --leave-out-weak


def parse_decisions(data: object) -> list[DecisionRequest]:
    """A decisions file's JSON, checked whole before anything is applied: a list (or {"decisions":
    [...]}) of {"record": KEY, "decision": confirm|exclude|mask, "reason":
    other_person|wrong_match|duplicate, "field": NAME (for mask)}."""
    items = data.get("decisions") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise UserError('a decisions file is a JSON list, or {"decisions": [...]}', "decisions.shape")
    parsed = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("record"), str):
            raise UserError(f'decision {number}: needs "record" (a key from case gather --json)', "decisions.shape")
        decision = item.get("decision")
        if decision not in DECISIONS:
            raise UserError(f'decision {number}: "decision" is one of {", ".join(DECISIONS)}', "decisions.shape")
        try:
            reason = ReviewReason(item.get("reason") or ReviewReason.OTHER_PERSON.value)
        except ValueError:
            reasons = ", ".join(r.value for r in ReviewReason)
            raise UserError(f'decision {number}: "reason" is one of {reasons}', "decisions.shape") from None
        field = item.get("field") or ""
        if decision == "mask" and not (isinstance(field, str) and field):
            raise UserError(f'decision {number}: a mask names the "field"', "decisions.shape")
        parsed.append(DecisionRequest(item["record"], decision, reason, str(field)))
    return parsed


def shown_value(value: object, language: str = "sv") -> str:
    """A field's value as the extract will print it (a decimal comma in Swedish, every digit
    kept, ISO dates): what the review shows beside the mask box."""
    from desktop.report.texts import cell_text

    return cell_text(value, language)
