"""The review of the gathered data (confirm, exclude, mask) and the release of the extract."""

from __future__ import annotations

from collections import Counter

from desktop.core.extract import Record, Strength
from desktop.core.requests import CaseStatus
from desktop.register import audit
from desktop.register.models import Staff, utcnow
from desktop.register.repository import change_status
from desktop.services.gathering import load_case
from desktop.services.review import Decision, DecisionRequest, RecordState, Review, ReviewReason, Unmatched
from desktop.services.visit.gathering import GatherPart
from desktop.services.visit.vocabulary import SIGNER_MISSING, Action, ActionRefused, Approval, Signer


class ReviewPart(GatherPart):
    """The review's decisions, record by record, and the release that ends it."""

    def _decided(self) -> Review:
        self._require(Action.REVIEW)
        assert self.review is not None
        if self.status is CaseStatus.READY:
            # A decision after the release: the extract goes back to review and is released again.
            with self.desk.register.sessions.begin() as session:
                case = load_case(session, self.number)
                change_status(session, case, CaseStatus.REVIEW, staff=session.get(Staff, self.staff.id))
            self.approval = None
            self.refresh()
        return self.review

    def confirm(self, record: Record, confirmed: bool = True) -> None:
        self._decided().confirm(record, confirmed)
        self._version += 1

    def review_reasons(self) -> tuple[ReviewReason, ...]:
        """The grounds staff may exclude or mask on here: the exception for drafts and notes
        (dataskyddslagen 5 kap. 2 §) is a private body's, not a public authority's (DOMAIN)."""
        authority = self.desk.config.organisation.public_authority
        return tuple(r for r in ReviewReason if not (authority and r is ReviewReason.DRAFT))

    def _check_reason(self, reason: ReviewReason) -> None:
        if reason not in self.review_reasons():
            raise ActionRefused(
                "review.draft_authority",
                "a public authority cannot withhold drafts and notes under dataskyddslagen 5 kap. 2 §",
            )

    def exclude(self, record: Record, reason: ReviewReason, excluded: bool = True) -> None:
        if excluded:
            self._check_reason(reason)
        self._decided().exclude(record, reason, excluded)
        self._version += 1

    def redact(self, record: Record, field: str, reason: ReviewReason, redacted: bool = True) -> None:
        if redacted:
            self._check_reason(reason)
        self._decided().redact(record, field, reason, redacted)
        self._version += 1

    def record_key(self, record: Record) -> str:
        """The key a decisions file names a record by (its fingerprint: no values in it)."""
        assert self.review is not None
        return self.review.key(record)

    def apply_decisions(self, requests: list[DecisionRequest]) -> Counter[str]:
        """A decisions file's lines (the command line's review), all checked before any is
        applied: every record must be in the data gathered now, every masked field in it."""
        assert self.result is not None
        self._require(Action.REVIEW)
        by_key = {self.record_key(r): r for s in self.result.sources.values() for r in s.records}
        missing = [q.record for q in requests if q.record not in by_key]
        if missing:
            raise ActionRefused(
                "decisions.unknown",
                f"{len(missing)} records in the decisions file are not in the data gathered now "
                "(gather with --json again and take the keys from there)",
            )
        for q in requests:
            if q.decision == "mask" and q.field not in by_key[q.record].fields:
                raise ActionRefused("decisions.field", f"record {q.record[:12]}… has no field '{q.field}'")
            if q.decision != "confirm":
                self._check_reason(q.reason)
        done: Counter[str] = Counter()
        for q in requests:
            record = by_key[q.record]
            if q.decision == "confirm":
                self.confirm(record)
            elif q.decision == "exclude":
                self.exclude(record, q.reason)
            else:
                self.redact(record, q.field, q.reason)
            done[q.decision] += 1
        return done

    def same_value_elsewhere(self, record: Record, field: str) -> list[tuple[Record, str]]:
        """Where else the gathered data shows this field's value (a phone number that belongs to
        someone else also sits in the bookings): (record, field) pairs not masked yet."""
        if self.result is None:
            return []
        value = " ".join(str(record.fields.get(field) or "").split()).casefold()
        if len(value) < 3:  # "1", "ja": not something one person owns
            return []
        return [
            (other, name)
            for source in self.result.sources.values()
            for other in source.records
            for name, cell in other.fields.items()
            if (other, name) != (record, field)
            and name not in other.redacted
            and " ".join(str(cell or "").split()).casefold() == value
        ]

    def redact_everywhere(self, record: Record, field: str, reason: ReviewReason) -> int:
        """Mask the field and the same value wherever else it appears; returns how many more."""
        self.redact(record, field, reason)
        elsewhere = self.same_value_elsewhere(record, field)
        for other, name in elsewhere:
            self.redact(other, name, reason)
        return len(elsewhere)

    def set_included(self, record: Record, included: bool, reason: ReviewReason) -> None:
        """What a tick in the review means: on a weak match not excluded, that the match is
        the visitor's (or not); otherwise whether the record goes into the extract (a weak one
        taken back in counts as confirmed)."""
        if record.strength is Strength.WEAK and not record.excluded:
            self.confirm(record, included)
        elif included:
            self.exclude(record, reason, excluded=False)
            if record.strength is Strength.WEAK:
                self.confirm(record, True)
        else:
            self.exclude(record, reason)

    def confirm_all_weak(self) -> int:
        """Confirm every undecided weak match in one audited decision (the command line's
        --include-weak: a person says all of them are the visitor's)."""
        count = self._decided().confirm_all_weak()
        self._version += 1
        return count

    def leave_out_weak(self) -> int:
        """Deliver without the possible matches nobody confirmed: said once, audited, and the
        extract states how many were left out and why (the command line's --leave-out-weak)."""
        count = self._decided().set_aside_weak()
        self._version += 1
        return count

    def identifier_words(self, language: str = "sv") -> dict[str, str]:
        """The words for the identifier kinds ("e-postadress"), as the extract uses them."""
        from desktop.services.compose import identifier_words

        return identifier_words(self.desk.config, language)

    def weak_words(self, language: str = "sv") -> str:
        """The identifier kinds whose match alone is only possible ("e-postadress, telefonnummer
        eller namn"), from the configuration's strengths, for the texts that explain it."""
        words = self.identifier_words(language)
        weak = [words.get(k, k) for k, strength in self.desk.config.identifier_strength.items() if strength == "weak"]
        joiner = " eller " if language == "sv" else " or "
        return joiner.join([", ".join(weak[:-1]), weak[-1]]) if len(weak) > 1 else "".join(weak)

    def unmatched_decisions(self) -> list[Unmatched]:
        """Decisions kept with the case whose record changed or went in the system since: not
        applied; the reviewer looks at those records again."""
        return list(self.review.unmatched) if self.review is not None else []

    def undecided_weak(self) -> int:
        """Possible matches still to be decided before the extract can be released."""
        return len(self.review.undecided()) if self.review is not None else 0

    def _require_weak_decided(self) -> None:
        undecided = self.undecided_weak()
        if undecided:
            raise ActionRefused(
                "weak.undecided",
                f"{undecided} possible matches are not decided: confirm them, exclude them, or leave "
                "them out unconfirmed (the extract then says so)",
            )

    def state_of(self, record: Record) -> tuple[RecordState, ReviewReason | None]:
        """Where a record stands in the review (and why, where a reason was given)."""
        assert self.review is not None
        return self.review.state(record)

    def decisions(self) -> list[Decision]:
        """What the review decided, for the approver to see before signing."""
        return self.review.decisions() if self.review is not None else []

    def counts(self) -> dict[str, int]:
        return self.review.counts() if self.review is not None else {}

    def approve(self, username: str | None = None, password: str | None = None) -> Approval:
        """Release the reviewed extract. Where the policy requires a second person, the approver
        signs with their own password here (the sign-in is audited and protected like any); they
        must hold the approver role and be another person than the one delivering."""
        if self.supplement_says_nothing_new:
            raise ActionRefused(
                "supplement.nothing_new",
                "nothing the first extract left outstanding has an answer yet (a manual check unanswered, a "
                "system still failing): a supplement would tell the visitor nothing new",
            )
        self._require(Action.APPROVE)
        self._require_weak_decided()
        approver = self.staff
        if self.approval_required:
            approver = self._second_person(username, password, SIGNER_MISSING[Signer.EXTRACT])
        counts = self.counts()
        with self.desk.register.sessions.begin() as session:
            case = load_case(session, self.number)
            change_status(session, case, CaseStatus.READY, staff=session.get(Staff, approver.id))
            audit.append(
                session,
                "extract.approved" if self.approval_required else "extract.released",
                staff_id=approver.id,
                case_number=self.number,
                details=counts,
            )
        self.approval = Approval(approver, utcnow(), counts)
        self._version += 1  # a rendering made before the release was a draft: it is not delivered
        self.refresh()
        return self.approval
