"""Input fields the desk needs beyond Qt's own: a date typed as staff read it off a document."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from desktop.ui.common import tr


class _WheelOnlyWhenFocused(QObject):
    """Leaves the mouse wheel to the page under a drop-down that staff have not clicked into:
    scrolling the form must not change the ID document's type on its way past."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:  # the form under it scrolls instead
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True


_WHEEL_GUARD = _WheelOnlyWhenFocused()


def wheel_only_when_focused(widget: QWidget) -> None:
    """A drop-down or number field in a scrolling form takes the wheel only once it has focus
    (by a click or Tab), as in the forms staff know from the web."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_WHEEL_GUARD)


def address_edit(placeholder: str) -> QPlainTextEdit:
    """Where staff type the population-register address an answer by post goes to: a few
    lines, Tab moves on (the new-visit form and the case's overview both have one)."""
    edit = QPlainTextEdit()
    edit.setObjectName("postal_address")
    edit.setAccessibleName(tr("Adress i folkbokföringen"))
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(78)
    edit.setMaximumWidth(420)
    return edit


def parse_typed_date(text: str) -> date | None:
    """A date as staff type it from a document: 2031-05-31, 20310531, 2031 05 31, 2031/5/31,
    31.05.2031, 31/5 2031, or 310531 (YYMMDD, this century). None when it is no date."""
    text = text.strip()
    if not text:
        return None
    numbers = re.findall(r"\d+", text)
    try:
        if len(numbers) == 1 and len(numbers[0]) == 8:
            n = numbers[0]
            return date(int(n[:4]), int(n[4:6]), int(n[6:]))
        if len(numbers) == 1 and len(numbers[0]) == 6:
            n = numbers[0]
            return date(2000 + int(n[:2]), int(n[2:4]), int(n[4:]))
        if len(numbers) == 3 and re.fullmatch(r"[\d\s./-]+", text):
            first, middle, last = numbers
            if len(first) == 4:
                return date(int(first), int(middle), int(last))
            if len(last) == 4:
                return date(int(last), int(middle), int(first))
    except ValueError:
        return None
    return None


class DateField(QWidget):
    """A date field that starts empty (nothing is guessed for staff), takes a typed date in the
    forms people write, and offers a calendar."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("ÅÅÅÅ-MM-DD"))
        self.edit.setMaximumWidth(160)
        self.edit.setAccessibleName(tr("Datum"))
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.button = QToolButton()
        self.button.setText(tr("Kalender …"))
        self.button.setAccessibleName(tr("Välj datum i en kalender"))
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        def picked(day: QDate) -> None:
            self.setDate(day)
            menu.close()

        self.calendar.clicked.connect(picked)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        self.setFocusProxy(self.edit)

    def value(self) -> date | None:
        return parse_typed_date(self.edit.text())

    @property
    def unreadable(self) -> bool:
        """Something is typed that is not a date."""
        return bool(self.edit.text().strip()) and self.value() is None

    def setDate(self, day: date | QDate | None) -> None:
        value = day.toPython() if isinstance(day, QDate) else day
        self.edit.setText(value.isoformat() if isinstance(value, date) else "")

    def clear(self) -> None:
        self.edit.clear()
