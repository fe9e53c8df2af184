"""Driving the decision form (refuse, extend, withdraw, close) as staff fill it in."""

from __future__ import annotations

import pytest

from desktop.ui import decision_dialog
from desktop.ui.decision_dialog import DecisionDialog


def fill_decisions(
    monkeypatch: pytest.MonkeyPatch,
    *,
    reason: str = "",
    code: str = "",
    approver: str = "",
    password: str = "",
    letter: str = "later",
) -> list[str]:
    """Every decision form opened from now on is filled in so and its button pressed once;
    returns what each form said (its problem line, "" when the decision was taken). `letter`:
    later, print or save. A form that refused is cancelled, as staff would close it."""
    said: list[str] = []

    def exec_(dialog: DecisionDialog) -> int:
        dialog.reason.setPlainText(reason)
        if code:
            dialog.code.setCurrentIndex(dialog.code.findData(code))
        dialog.approver.setText(approver)
        dialog.password.setText(password)
        {"later": dialog.later, "print": dialog.print_now, "save": dialog.save_now}[letter].setChecked(True)
        dialog.try_decide()
        said.append(dialog.problem.text())
        if dialog.result() != DecisionDialog.DialogCode.Accepted:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(decision_dialog.DecisionDialog, "exec", exec_)
    return said
