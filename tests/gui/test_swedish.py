"""The Swedish window shows no English: every page and dialog is walked and every text a
receptionist reads (labels, buttons, titles, tooltips, placeholders, headers, choices) is checked
for English words. Qt's own buttons come from Qt's Swedish catalogue (qtbase_sv)."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from tests.gui.conftest import PASSWORDS

ENGLISH = re.compile(
    r"\b(the|and|is|are|cannot|can't|not|please|error|failed|click|save|print|cancel|open|close|yes|"
    r"search|case|request|file|name|password|user|approve|extract|source|nothing|found|review)\b",
    re.IGNORECASE,
)


def shown_texts(root: QWidget) -> list[str]:
    """What a person reads on `root` and under it, data tables' cells aside."""
    texts = [root.windowTitle(), root.toolTip()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.append(re.sub(r"<[^>]+>", "", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:  # their headers
            model = widget.model()
            columns = model.columnCount(QModelIndex())
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    return [t for t in texts if t]


def english_in(root: QWidget) -> list[str]:
    return [t for t in shown_texts(root) if ENGLISH.search(t)]


def test_no_page_or_dialog_of_the_swedish_window_shows_english(qtbot, window, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from desktop.services.staff import sign_in
    from desktop.services.visit import DecisionKind
    from desktop.ui.auth import SignInDialog
    from desktop.ui.letter_dialog import LetterDialog
    from desktop.ui.policy_dialog import PolicyDialog
    from desktop.ui.report_dialog import ReportDialog
    from desktop.ui.staff_dialog import StaffDialog
    from tests.gui.test_visit import examples, fill_visitor

    seen: dict[str, list[str]] = {}
    seen["case list"] = english_in(window.cases)
    window.show_new_visit()
    window.visit.register()  # the form with its problems listed
    seen["new visit with problems"] = english_in(window.visit)
    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    number = window.visit.register().number
    qtbot.waitUntil(lambda: window.case.result is not None, timeout=30000)
    for tab in range(window.case.tabs.count()):
        window.case.tabs.setCurrentIndex(tab)
        seen[f"case tab {tab}"] = english_in(window.case)
    window.case.deliver.show_extract()
    qtbot.waitUntil(lambda: window.case.deliver.rendered is not None, timeout=30000)
    seen["draft preview"] = english_in(window.case.deliver)
    admin = sign_in(desk, "chef", "chef-secret")
    dialogs: dict[str, QDialog] = {
        "sign-in": SignInDialog(desk),
        "approval": SignInDialog(
            desk,
            window,
            title="Godkännande av granskare",
            action_label="Godkänn",
            summary=["Utdraget innehåller 1 av 2."],
        ),
        "letter": LetterDialog(window.case.visit.letters(), window.case.visit.letter_methods(), window),
        "report": ReportDialog(desk, admin, window),
        "policy": PolicyDialog(desk, admin, window),
        "staff": StaffDialog(desk, admin, window),
    }
    for kind in DecisionKind:  # the decision forms, the letter's preview with them
        dialogs[f"decision {kind}"] = window.case.decision_dialog(kind)
    dialogs["duplicate"] = window.visit.duplicate_box([number])
    extension = QInputDialog(window)
    extension.setLabelText("Skäl")
    dialogs["extension (Qt's own buttons)"] = extension
    for name, dialog in dialogs.items():
        dialog.show()
        seen[name] = english_in(dialog)
        dialog.close()
    window.lock()
    seen["lock"] = english_in(window.lock_screen)
    assert {name: found for name, found in seen.items() if found} == {}
    assert PASSWORDS  # the accounts of the fixture


def test_the_check_finds_english_where_there_is_some(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    QLabel("case 2026-00001 is closed: its data cannot be gathered", page)
    QLabel("Ärendet är avslutat.", page)
    assert english_in(page) == ["case 2026-00001 is closed: its data cannot be gathered"]
