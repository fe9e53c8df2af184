import itertools

import pytest

from desktop.core.requests import (
    ALLOWED_TRANSITIONS,
    CaseStatus,
    IllegalTransition,
    RequestType,
    check_transition,
)


def test_the_happy_path_is_allowed() -> None:
    path = ["received", "identity_verified", "gathering", "review", "ready", "delivered", "closed"]
    for current, target in itertools.pairwise(path):
        check_transition(CaseStatus(current), CaseStatus(target))


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("received", "delivered"),
        ("closed", "received"),
        ("delivered", "review"),
        ("gathering", "ready"),
        ("withdrawn", "review"),
    ],
)
def test_illegal_transitions_raise(current: str, target: str) -> None:
    with pytest.raises(IllegalTransition):
        check_transition(CaseStatus(current), CaseStatus(target))


def test_rejection_needs_a_reason() -> None:
    with pytest.raises(IllegalTransition):
        check_transition(CaseStatus.RECEIVED, CaseStatus.REJECTED, reason="  ")
    check_transition(CaseStatus.RECEIVED, CaseStatus.REJECTED, reason="Manifestly unfounded")


def test_every_status_has_a_rule_and_closed_is_final() -> None:
    assert set(ALLOWED_TRANSITIONS) == set(CaseStatus)
    assert not ALLOWED_TRANSITIONS[CaseStatus.CLOSED]


def test_request_types_carry_their_article() -> None:
    assert RequestType("access").article == "15"
    assert RequestType("withdraw-consent").article == "7.3"
    assert RequestType.OBJECTION_DIRECT_MARKETING.article == "21.2"
    assert RequestType.ACCESS.needs_extract and not RequestType.ERASURE.needs_extract
