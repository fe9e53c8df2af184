"""What the desk needs to be usable by everyone at it: text colours readable (WCAG AA contrast),
every control named for a screen reader, and the text size adjustable with Ctrl+plus."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QPalette

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
    window.show_cases()
    assert unnamed(window.cases) == []
