"""The whole visit with the keyboard alone (issue 20): a receptionist with the visitor at the
counter never needs the mouse — register, answer the manual check, decide the possible matches,
the approver's signature, deliver, close. Every key goes to the widget that has the focus, as
it would at the desk; a step that only a click can reach fails here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.services.casework import case_file
from desktop.services.review import RecordState
from tests.gui.conftest import PASSWORDS
from tests.gui.test_visit import examples

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def focus() -> QWidget:
    """What the keys go to: the focused control of the open dialog, else of the window."""
    modal = QApplication.activeModalWidget()
    widget = modal.focusWidget() if modal is not None else QApplication.focusWidget()
    assert widget is not None, f"nothing has the keyboard focus ({modal and modal.windowTitle()})"
    return widget


def press(qtbot, *strokes: object) -> None:  # type: ignore[no-untyped-def]
    """Type text or press keys ((key, modifiers) or key) into whatever has the focus."""
    for stroke in strokes:
        if isinstance(stroke, str):
            qtbot.keyClicks(focus(), stroke)
        elif isinstance(stroke, tuple):
            qtbot.keyClick(focus(), stroke[0], stroke[1])
        else:
            qtbot.keyClick(focus(), stroke)


def tab_to(qtbot, found: Callable[[QWidget], bool], limit: int = 60) -> QWidget:  # type: ignore[no-untyped-def]
    """Tab until the focus is on the widget staff look for (as they would, by its label)."""
    for _ in range(limit):
        if found(focus()):
            return focus()
        press(qtbot, Key.Key_Tab)
    raise AssertionError(f"Tab never reached it (ended on {type(focus()).__name__} {focus().objectName()})")


def when_a_dialog_opens(qtbot, act: Callable[[], None]) -> None:  # type: ignore[no-untyped-def]
    """`act` runs once a modal dialog has opened and taken the focus."""

    def check() -> None:
        if QApplication.activeModalWidget() is None:
            QTimer.singleShot(50, check)
            return
        act()

    QTimer.singleShot(50, check)


def test_the_whole_visit_with_the_keyboard_alone(qtbot, window, desk, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    pin = examples(desk)[0]
    press(qtbot, (Key.Key_N, CTRL))
    assert focus() is window.visit.person.personnummer
    press(qtbot, pin, Key.Key_Tab, "Asa Oberg", Key.Key_Tab)
    assert focus() is window.visit.person.document_type  # the passport is the first choice
    press(qtbot, Key.Key_Tab, "AB1234567", Key.Key_Tab, "20310531")
    press(qtbot, (Key.Key_Return, CTRL))
    page = window.case
    assert window.stack.currentWidget() is page, window.visit.problem.text()
    number = page.number
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    # The manual check: HR has nothing on the visitor.
    item = page.gather.findChild(QWidget, "manual_save_rekrytering").parent()
    tab_to(qtbot, lambda w: w is item.found)  # the two answers are one stop: the arrows choose
    press(qtbot, Key.Key_Right, Key.Key_Space)
    assert item.nothing.isChecked()
    press(qtbot, Key.Key_Tab, Key.Key_Tab)
    assert focus() is item.save
    press(qtbot, Key.Key_Space)
    assert "rekrytering" in page.visit.file.manual_answered
    # The review: Ctrl+Tab to it, the first possible match confirmed with the arrows and Space.
    press(qtbot, (Key.Key_Tab, CTRL))
    assert page.tabs.currentWidget() is page.review
    tree = tab_to(qtbot, lambda w: w is page.review.tree)
    undecided = page.visit.undecided_weak()
    model = page.review.model

    def undecided_under(index: QModelIndex) -> bool:
        records = (model.record_at(model.index(row, 0, index)) for row in range(model.rowCount(index)))
        return any(r is not None and page.visit.state_of(r)[0] is RecordState.UNDECIDED for r in records)

    record = None
    for _ in range(100):  # down the list, opening (right arrow) the group its state column says is undecided
        current = tree.currentIndex()
        if current.isValid() and not tree.isExpanded(current) and undecided_under(current):
            press(qtbot, Key.Key_Right)
        press(qtbot, Key.Key_Down)
        record = page.review._record
        if record is not None and page.visit.state_of(record)[0] is RecordState.UNDECIDED:
            break
    assert record is not None and focus() is tree
    press(qtbot, Key.Key_Space)
    assert page.visit.state_of(record)[0] is RecordState.CONFIRMED
    assert page.visit.undecided_weak() == undecided - 1

    # The approver signs at the desk: user name, Tab, password, Enter (the rest are left out).
    def sign() -> None:
        press(qtbot, "granskare", Key.Key_Tab, PASSWORDS["granskare"], Key.Key_Return)

    when_a_dialog_opens(qtbot, sign)
    tab_to(qtbot, lambda w: w is page.review.approve_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: page.visit.deliverable, timeout=30000)
    window.activateWindow()  # as the window manager does when a dialog closes (offscreen does not)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert page.tabs.currentWidget() is page.deliver and page.deliver.isAncestorOf(focus())  # the desk moves on
    # Saved as PDF (the file dialog is the system's own: its answer is given here).
    saved = tmp_path / "utdrag.pdf"
    monkeypatch.setattr(page.deliver, "ask_save_path", lambda *_a: str(saved))
    tab_to(qtbot, lambda w: w is page.deliver.save_button)
    press(qtbot, Key.Key_Space)
    assert saved.exists() and page.visit.status.value == "delivered"
    # Closed: the form takes Ctrl+Enter (nothing is owed, so it asks no reason).
    when_a_dialog_opens(qtbot, lambda: press(qtbot, (Key.Key_Return, CTRL)))
    tab_to(qtbot, lambda w: w is page.close_button)
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.cases, timeout=10000)
    assert case_file(desk, number).status.value == "closed"
