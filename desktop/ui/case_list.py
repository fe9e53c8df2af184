"""The case list: open, overdue, due this week, mine, closed; searchable; fetched lazily."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.casework import CaseFilter, CaseRow, count_cases, fetch_cases
from desktop.services.desk import Desk
from desktop.ui.common import heading, status_labels, tr

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


# The deadline column's colours (at least 4.5:1 on white and on the window's grey, WCAG AA).
DEADLINE_COLOURS = {"late": "#B3261E", "soon": "#735A00", "in_time": "#1E7B34"}


class CaseListModel(QAbstractTableModel):
    """Rows come from the register a page at a time, as the view scrolls."""

    COLUMNS = ("number", "name", "personnummer", "status", "received", "deadline")

    def __init__(self, desk: Desk, staff_id: int, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.desk = desk
        self.staff_id = staff_id
        self.filter = CaseFilter.OPEN
        self.search = ""
        self.rows: list[CaseRow] = []
        self.total = 0
        self.headers = [
            tr("Ärende"),
            tr("Namn"),
            tr("Personnummer"),
            tr("Status"),
            tr("Inkom"),
            tr("Svara senast"),
        ]
        self.statuses = status_labels()

    def reload(self) -> None:
        self.beginResetModel()
        self.total = count_cases(self.desk, self.filter, self.search, self.staff_id)
        self.rows = fetch_cases(self.desk, self.filter, self.search, self.staff_id, limit=PAGE)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = fetch_cases(
            self.desk, self.filter, self.search, self.staff_id, after=self.rows[-1] if self.rows else None, limit=PAGE
        )
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "deadline":
                if not row.owes_answer:
                    return row.deadline.isoformat()
                days = row.days_left
                if days < 0:
                    return tr("%1 (försenat %2 d)").replace("%1", row.deadline.isoformat()).replace("%2", str(-days))
                return tr("%1 (%2 d kvar)").replace("%1", row.deadline.isoformat()).replace("%2", str(days))
            return {
                "number": row.number,
                "name": row.subject_name or tr("(gallrat)"),  # purged under the register's retention
                "personnummer": row.masked_personnummer,
                "status": tr("Väntar på komplettering")
                if row.awaiting_supplement
                else self.statuses.get(row.status, row.status),
                "received": row.received_on.isoformat(),
            }[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == "deadline":
            urgency = row.urgency  # the services' rule, the same as the "this week" filter
            return QBrush(QColor(DEADLINE_COLOURS[urgency])) if urgency else None
        if role == Qt.ItemDataRole.UserRole:
            return row.number
        return None


class CaseListPage(QWidget):
    open_case = Signal(str)

    def __init__(self, desk: Desk, staff_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseListModel(desk, staff_id, self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Ärenden")))
        bar = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.setAccessibleName(tr("Vilka ärenden som visas"))
        self.filter.setObjectName("case_filter")
        for value, label in (
            (CaseFilter.OPEN, tr("Öppna")),
            (CaseFilter.OVERDUE, tr("Försenade")),
            (CaseFilter.DUE_THIS_WEEK, tr("Förfaller denna vecka")),
            (CaseFilter.MINE, tr("Mina")),
            (CaseFilter.CLOSED, tr("Avslutade")),
            (CaseFilter.ALL, tr("Alla")),
        ):
            self.filter.addItem(label, value)
        self.search = QLineEdit()
        self.search.setAccessibleName(tr("Sök på personnummer, ärendenummer eller namn"))
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText(tr("Sök på personnummer, ärendenummer eller namn (Ctrl+F)"))
        self.count = QLabel()
        self.count.setObjectName("hint")
        bar.addWidget(self.filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        layout.addLayout(bar)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move within it)
        self.table.setObjectName("case_table")
        self.table.setAccessibleName(tr("Ärenden"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.model.COLUMNS.index("name"), QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())

    def reload(self) -> None:
        self.model.filter = self.filter.currentData()
        self.model.search = self.search.text()
        self.model.reload()
        self.count.setText(tr("%Ln ärenden", None, self.model.total))
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its longest possible text in the font in use (the name takes
        what is left), so nothing is clipped at 1024 px or stretched at 1920."""
        metrics = self.table.fontMetrics()
        widest = {
            "number": ["2026-00000"],
            "personnummer": ["19000101-****"],
            "status": [*status_labels().values(), tr("Väntar på komplettering")],
            "received": ["2026-12-31"],
            "deadline": [
                tr("%1 (försenat %2 d)").replace("%1", "2026-12-31").replace("%2", "999"),
                tr("%1 (%2 d kvar)").replace("%1", "2026-12-31").replace("%2", "99"),
            ],
        }
        for column, key in enumerate(self.model.COLUMNS):
            if key in widest:
                texts = [*widest[key], str(self.model.headers[column])]
                self.table.setColumnWidth(column, max(metrics.horizontalAdvance(t) for t in texts) + 24)

    def _activated(self, index: QModelIndex) -> None:
        number = self.model.data(index, Qt.ItemDataRole.UserRole)
        if number:
            self.open_case.emit(number)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
