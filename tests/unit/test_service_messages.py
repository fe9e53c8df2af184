"""Every code a service can raise has its Swedish text in the window: codes, not English
sentences, cross the service boundary (found by reading the services' source)."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.ui.common import service_message

SERVICES = Path(__file__).resolve().parents[2] / "desktop" / "services"
GENERIC = "Det gick inte att genomföra. Försök igen, eller be IT titta i loggen."


def raised_codes() -> set[str]:
    codes: set[str] = set()
    for path in SERVICES.rglob("*.py"):  # the Visit's parts (services/visit/) included
        if "demo" in path.relative_to(SERVICES).parts:  # the demo is built from the command line only
            continue
        text = path.read_text(encoding="utf-8")
        # A code is the last argument of a raise: `raise UserError("…", "case.not_found")`.
        for statement in re.findall(r"raise \w+\((.*?)\)(?: from None)?(?:\s*#[^\n]*)?\n", text, flags=re.S):
            codes |= set(re.findall(r'"([a-z_]+\.[a-z_.]+)"\s*,?\s*(?:#[^\n]*)?\s*$', statement))
        codes |= set(re.findall(r'(?:ActionRefused|LetterRefused)\(\s*"([a-z_.]+)"', text))
        codes |= set(re.findall(r'^\s+code = "([a-z_.]+)"', text, flags=re.M))
    return codes


class Raised(Exception):
    def __init__(self, code: str) -> None:
        super().__init__("an English sentence")
        self.code = code


def test_every_code_a_service_raises_has_a_swedish_text() -> None:
    codes = raised_codes()
    assert {"case.not_found", "gather.not_now", "request.twice", "output.failed", "weak.undecided"} <= codes
    for code in sorted(codes):
        if code.startswith("not_allowed"):
            continue
        message = service_message(Raised(code))
        assert message != GENERIC and "English" not in message, code


def test_an_error_without_a_code_is_never_shown_in_english() -> None:
    assert service_message(Exception("case 2026-00001 is closed: its data cannot be gathered")) == GENERIC


def test_every_role_refusal_has_a_swedish_text() -> None:
    from desktop.core.staff import Role

    for role in Role:  # services.staff.require_role raises `role.<role>`
        assert service_message(Raised(f"role.{role.value}")) != GENERIC, role
