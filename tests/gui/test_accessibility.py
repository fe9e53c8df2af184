"""What the desk needs to be usable by everyone at it: text colours readable (WCAG AA contrast),
every control named for a screen reader, and the text size adjustable with Ctrl+plus."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from desktop.ui import common
from desktop.ui.case_list import DEADLINE_COLOURS
from desktop.ui.gather_view import STATUS_COLOURS
from desktop.ui.review_view import STATE_COLOURS


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_text_colour_meets_wcag_aa_on_the_windows_backgrounds(qapp) -> None:  # type: ignore[no-untyped-def]
    palette = qapp.palette()
    backgrounds = [QColor("white"), palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base)]
    style_text = re.findall(r"#(\w+) \{ color: (#[0-9A-Fa-f]{6})", common.style())
    colours = {
        **{f"status {k}": v.name() for k, v in STATUS_COLOURS.items()},
        **{f"review {k}": v for k, v in STATE_COLOURS.items()},
        **{f"deadline {k}": v for k, v in DEADLINE_COLOURS.items()},
        **{f"label {name}": colour for name, colour in style_text},
    }
    assert len(style_text) >= 3
    for name, colour in colours.items():
        for background in backgrounds:
            ratio = contrast(QColor(colour), background)
            assert ratio >= 4.5, f"{name} {colour} on {background.name()}: {ratio:.2f}"
    assert contrast(QColor("white"), QColor("#1F4E79")) >= 4.5  # the primary button's text


def test_ctrl_plus_enlarges_the_text_and_ctrl_0_resets_it(qtbot, qapp, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    field = window.cases.search
    before = field.font().pointSizeF()
    qtbot.keyClick(window.cases.table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.cases.table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    field.ensurePolished()
    assert window.text_points == common.BASE_POINTS + 2 and field.font().pointSizeF() == before + 2
    assert "font-size: 12.5pt" in qapp.styleSheet()  # dialogs follow
    qtbot.keyClick(window.cases.table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    field.ensurePolished()
    assert window.text_points == common.BASE_POINTS and field.font().pointSizeF() == before


def unnamed(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Every control a person can reach under `root` that a screen reader could not name."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.metaObject().className() in ("QScrollBar", "QSplitterHandle", "QTabBar", "QToolButton") and not (
            widget.metaObject().className() == "QToolButton" and widget.text() == ""
        ):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            missing.append(f"{widget.metaObject().className()} {widget.objectName() or ''}".strip())
    return missing


def undescribed(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Buttons and text fields under `root` without a description of what they do."""
    from PySide6.QtWidgets import QLineEdit, QPushButton

    return [
        f"{type(w).__name__} {w.objectName() or w.text()}"
        for w in root.findChildren(QWidget)
        if isinstance(w, QPushButton | QLineEdit) and w.isVisibleTo(root) and not w.accessibleDescription()
    ]


def test_every_control_of_every_page_has_a_name_for_a_screen_reader(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.test_visit import examples, fill_visitor

    pages = {"case list": window.cases}
    window.show_new_visit()
    pages["new visit"] = window.visit
    missing = unnamed(window.visit)
    assert missing == [], missing
    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    window.visit.register()
    qtbot.waitUntil(lambda: window.case.result is not None, timeout=30000)
    for tab in range(window.case.tabs.count()):
        window.case.tabs.setCurrentIndex(tab)
        missing = unnamed(window.case)
        assert missing == [], (window.case.tabs.tabText(tab), missing)
        missing = undescribed(window.case)
        assert missing == [], ("description", window.case.tabs.tabText(tab), missing)
    window.show_cases()
    assert unnamed(window.cases) == []


def test_the_whole_visit_can_be_done_with_the_keyboard_alone(qtbot, qapp, window, desk, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from tests.gui.conftest import PASSWORDS
    from tests.gui.test_visit import examples

    def focused():  # type: ignore[no-untyped-def]
        return QApplication.focusWidget()

    def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(focused(), key, modifier)

    def type_text(text: str) -> None:
        qtbot.keyClicks(focused(), text)

    def tab_to(target, limit: int = 60) -> None:  # type: ignore[no-untyped-def]
        seen = []
        for _ in range(limit):
            if focused() is target:
                return
            seen.append(f"{type(focused()).__name__}:{focused().objectName()}")
            press(Qt.Key.Key_Tab)
        raise AssertionError(f"{target.objectName() or target} cannot be reached with Tab: {seen[:20]}")

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    person = window.visit.person
    assert focused() is person.personnummer  # the form starts where the desk starts
    type_text(examples(desk)[2])
    press(Qt.Key.Key_Tab)
    assert focused() is person.name  # focus follows the form
    type_text("Bo Ek")
    tab_to(person.document_number)
    type_text("AB1234567")
    press(Qt.Key.Key_Tab)
    assert focused() is person.expiry.edit
    type_text("2031-05-31")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    case = window.case
    qtbot.waitUntil(lambda: case.result is not None, timeout=30000)
    # HR's manual check, answered from the keyboard.
    item = case.gather.findChild(QWidget, "manual_save_rekrytering").parent()
    qtbot.waitUntil(item.isVisible, timeout=3000)  # Qt shows a new child of a shown page on the next turn
    tab_to(item.found)  # a radio group is one Tab stop; the arrow keys choose within it
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Space)
    assert item.nothing.isChecked()
    tab_to(item.save)
    press(Qt.Key.Key_Space)
    assert "sparat" in item.saved.text()
    # Review and approval: the approver types their name and password into the dialog.
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Tab: the next step's tab
    assert case.tabs.currentWidget() is case.review
    tab_to(case.review.approve_button, limit=120)

    def approver_types() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        qtbot.keyClicks(QApplication.focusWidget(), "granskare")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), PASSWORDS["granskare"])
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(300, approver_types)
    press(Qt.Key.Key_Space)
    assert case.visit.approval is not None and case.visit.approval.approver.username == "granskare"
    qtbot.waitUntil(lambda: case.deliver.rendered is not None and case.visit.deliverable, timeout=30000)
    window.activateWindow()  # a window manager gives the window back its focus when the dialog closes
    qtbot.waitUntil(lambda: focused() is not None, timeout=3000)
    assert focused() is case.deliver.print_button  # approved: Space prints
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    monkeypatch.setattr(case.deliver, "ask_printer", lambda *_: printer)
    tab_to(case.deliver.print_button, limit=120)
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: printed.exists() and case.visit.status.value == "delivered", timeout=30000)
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.cases
