"""What a visitor can ask for, and the states a case moves through."""

from __future__ import annotations

import enum


class RequestType(enum.StrEnum):
    """The GDPR rights a visitor can exercise at the desk; values are the CLI's names."""

    ACCESS = "access"  # Art. 15, registerutdrag
    RECTIFICATION = "rectification"  # Art. 16
    ERASURE = "erasure"  # Art. 17
    RESTRICTION = "restriction"  # Art. 18
    PORTABILITY = "portability"  # Art. 20
    OBJECTION = "objection"  # Art. 21.1
    OBJECTION_DIRECT_MARKETING = "objection-marketing"  # Art. 21.2–3: honoured without question
    WITHDRAW_CONSENT = "withdraw-consent"  # Art. 7.3

    @property
    def article(self) -> str:
        return _ARTICLES[self]

    @property
    def needs_details(self) -> bool:
        """Whether the desk must write down what the person asks (what is wrong and the right
        value, which data, which processing and why, which consent); a marketing stop needs
        nothing more (Art. 21.3)."""
        return self in (
            RequestType.RECTIFICATION,
            RequestType.ERASURE,
            RequestType.RESTRICTION,
            RequestType.OBJECTION,
            RequestType.WITHDRAW_CONSENT,
        )

    @property
    def takes_effect_at_once(self) -> bool:
        """A withdrawn consent (Art. 7.3) and a stop of direct marketing (Art. 21.3) stop the
        processing from the day they are received, without assessment."""
        return self in (RequestType.OBJECTION_DIRECT_MARKETING, RequestType.WITHDRAW_CONSENT)

    @property
    def needs_extract(self) -> bool:
        """Whether the answer is a compilation of the person's data."""
        return self in (RequestType.ACCESS, RequestType.PORTABILITY)


_ARTICLES = {
    RequestType.ACCESS: "15",
    RequestType.RECTIFICATION: "16",
    RequestType.ERASURE: "17",
    RequestType.RESTRICTION: "18",
    RequestType.PORTABILITY: "20",
    RequestType.OBJECTION: "21.1",
    RequestType.OBJECTION_DIRECT_MARKETING: "21.2",
    RequestType.WITHDRAW_CONSENT: "7.3",
}


class CaseStatus(enum.StrEnum):
    RECEIVED = "received"
    IDENTITY_VERIFIED = "identity_verified"
    GATHERING = "gathering"
    REVIEW = "review"
    READY = "ready"
    DELIVERED = "delivered"
    CLOSED = "closed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        return self not in (CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN)


_S = CaseStatus
_ENDINGS = {_S.REJECTED, _S.WITHDRAWN}
ALLOWED_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    _S.RECEIVED: frozenset({_S.IDENTITY_VERIFIED, *_ENDINGS}),
    # A request that needs no extract (e.g. an objection to marketing) goes straight to ready.
    # A case whose requests need no extract (a marketing stop) closes once it owes nothing: the
    # Visit allows that only then (services/visit/state.py); an extract is always delivered first.
    _S.IDENTITY_VERIFIED: frozenset({_S.GATHERING, _S.READY, _S.CLOSED, *_ENDINGS}),
    _S.GATHERING: frozenset({_S.REVIEW, *_ENDINGS}),
    # From review, staff may gather again (a source was down) before the extract is ready.
    _S.REVIEW: frozenset({_S.GATHERING, _S.READY, _S.CLOSED, *_ENDINGS}),
    # Ready may go back to review when the approver sends it back.
    _S.READY: frozenset({_S.DELIVERED, _S.REVIEW, _S.GATHERING, _S.WITHDRAWN}),
    # A delivered case gathers again only what its extract left outstanding (a system that
    # failed, a manual check not yet answered), for a supplementary extract.
    _S.DELIVERED: frozenset({_S.GATHERING, _S.CLOSED}),
    _S.REJECTED: frozenset({_S.CLOSED}),
    _S.WITHDRAWN: frozenset({_S.CLOSED}),
    _S.CLOSED: frozenset(),
}


class IllegalTransition(ValueError):
    def __init__(self, current: CaseStatus, target: CaseStatus, message: str = "") -> None:
        super().__init__(message or f"a case cannot go from {current} to {target}")
        self.current = current
        self.target = target


def check_transition(current: CaseStatus, target: CaseStatus, *, reason: str = "") -> None:
    """Raise IllegalTransition unless `current` may move to `target`.

    A rejection must carry its reason: Art. 12.4 requires telling the person why.
    """
    if target not in ALLOWED_TRANSITIONS[current]:
        raise IllegalTransition(current, target)
    if target is CaseStatus.REJECTED and not reason.strip():
        raise IllegalTransition(current, target, "a rejection needs a reason (Art. 12.4)")
