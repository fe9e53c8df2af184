"""Review: the found data as source → category → records, weak matches to confirm, records to
exclude and fields to mask before anything is printed (Art. 15.4)."""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.extract import GatherResult, Record, Strength
from desktop.errors import UserError
from desktop.services.review import ReviewReason
from desktop.services.visit import Visit
from desktop.ui.common import count_text, error_box, service_message, tr

Index = QModelIndex | QPersistentModelIndex


def reason_labels() -> dict[ReviewReason, str]:
    return {
        ReviewReason.OTHER_PERSON: tr("Rör en annan person (art. 15.4)"),
        ReviewReason.WRONG_MATCH: tr("Fel person – felaktig träff"),
        ReviewReason.DUPLICATE: tr("Dubblett"),
    }


def _summary(record: Record) -> str:
    values = [str(v) for v in record.fields.values() if v not in (None, "")][:4]
    return " · ".join(values)


class ReviewTree:
    """The tree's nodes as plain lists of integers and texts: built on a worker, no Qt."""

    def __init__(self, result: GatherResult | None = None) -> None:
        self.records: list[Record] = []
        self.parent: list[int] = []  # node → parent node (-1 for top level)
        self.children: list[list[int]] = []
        self.label: list[str] = []
        self.detail: list[str] = []
        self.record: list[int] = []  # node → index in self.records, or -1
        self.top: list[int] = []
        self.row: list[int] = []  # node → its row under its parent
        if result is not None:
            for source in result.sources.values():
                if not source.records:
                    continue
                source_node = self._add(-1, source.name, str(source.record_count), -1)
                for title, records in source.categories().items():
                    category_node = self._add(source_node, title, str(len(records)), -1)
                    for n, record in enumerate(records):
                        if n % 256 == 255:
                            time.sleep(0)  # let the GUI thread have the GIL: this runs on a worker
                        strength = tr("stark") if record.strength is Strength.STRONG else tr("svag – bekräfta")
                        self._add(category_node, _summary(record), strength, len(self.records))
                        self.records.append(record)

    def _add(self, parent: int, label: str, detail: str, record: int) -> int:
        node = len(self.parent)
        siblings = self.top if parent < 0 else self.children[parent]
        self.row.append(len(siblings))
        siblings.append(node)
        self.parent.append(parent)
        self.children.append([])
        self.label.append(label)
        self.detail.append(detail)
        self.record.append(record)
        return node


class ReviewModel(QAbstractItemModel):
    """Source → category → record, the records checkable. Nodes are plain integers, so Qt holds
    no Python objects and no per-item wrappers (thousands of meter readings stay cheap)."""

    COLUMNS = 2
    toggled = Signal(int, bool)  # record index, now included

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tree = ReviewTree()

    @property
    def records(self) -> list[Record]:
        return self.tree.records

    @staticmethod
    def prepare(result: GatherResult) -> ReviewTree:
        return ReviewTree(result)

    def adopt(self, tree: ReviewTree) -> None:
        self.beginResetModel()
        self.tree = tree
        self.endResetModel()

    def load(self, result: GatherResult) -> None:
        self.adopt(ReviewTree(result))

    def clear(self) -> None:
        self.adopt(ReviewTree())

    def node(self, index: Index) -> int:
        return int(index.internalId()) if index.isValid() else -1

    def record_at(self, index: Index) -> Record | None:
        node = self.node(index)
        return self.records[self.tree.record[node]] if node >= 0 and self.tree.record[node] >= 0 else None

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        siblings = self.tree.children[self.node(parent)] if parent.isValid() else self.tree.top
        if not (0 <= row < len(siblings) and 0 <= column < self.COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self.tree.parent[self.node(index)]
        if parent < 0:
            return QModelIndex()
        return self.createIndex(self.tree.row[parent], 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.tree.top)
        if parent.column() != 0:
            return 0
        return len(self.tree.children[self.node(parent)])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Uppgifter"), tr("Antal / träff"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.record_at(index) is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self.node(index)
        record = self.record_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tree.label[node] if index.column() == 0 else self.tree.detail[node]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0 and record is not None:
            return Qt.CheckState.Checked if record.included else Qt.CheckState.Unchecked
        weak = record is not None and record.strength is Strength.WEAK
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and weak:
            return QBrush(QColor("#8A6D00"))
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        record = self.record_at(index)
        if role != Qt.ItemDataRole.CheckStateRole or record is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(self.tree.record[self.node(index)], checked)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def record_indexes(self) -> list[QModelIndex]:
        """Every record row, in order (for keyboard navigation and tests)."""
        found = []
        for s in range(self.rowCount()):
            source = self.index(s, 0)
            for c in range(self.rowCount(source)):
                category = self.index(c, 0, source)
                found += [self.index(r, 0, category) for r in range(self.rowCount(category))]
        return found


class ReviewView(QWidget):
    approve_requested = Signal()
    decided = Signal()  # a decision changed what the extract holds (and may have undone a release)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit: Visit | None = None
        self._record: Record | None = None
        self._updating = False
        layout = QVBoxLayout(self)
        self.summary = QLabel(tr("Inget att granska ännu."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(tr("Skäl för att utesluta eller maskera:")))
        self.reason = QComboBox()
        self.reason.setObjectName("review_reason")
        for value, label in reason_labels().items():
            self.reason.addItem(label, value)
        reason_row.addWidget(self.reason)
        reason_row.addStretch(1)
        layout.addLayout(reason_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = ReviewModel(self)
        self.model.toggled.connect(self._toggled)
        self.tree = QTreeView()
        self.tree.setObjectName("review_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.selectionModel().currentChanged.connect(self._show_record)
        splitter.addWidget(self.tree)
        self.fields = QTableWidget(0, 3)
        self.fields.setObjectName("review_fields")
        self.fields.setHorizontalHeaderLabels([tr("Fält"), tr("Värde"), tr("Maskera")])
        self.fields.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.fields.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.fields.verticalHeader().hide()
        self.fields.itemChanged.connect(self._field_changed)
        splitter.addWidget(self.fields)
        splitter.setSizes([400, 200])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.approve_button = QPushButton(tr("Godkänn för utlämning …"))
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(self.approve_requested)
        buttons.addWidget(self.approve_button)
        layout.addLayout(buttons)

    def show_result(self, visit: Visit, prepared: ReviewTree | None = None) -> None:
        """The visit's gathered data, to decide on (the Visit keeps and audits the decisions)."""
        assert visit.result is not None
        result = visit.result
        self.visit = visit
        self.fields.setRowCount(0)
        self._record = None
        self.model.adopt(prepared or ReviewModel.prepare(result))
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))
        self.update_summary()

    def update_summary(self) -> None:
        """The counts as they stand after every decision."""
        if self.visit is None or self.visit.result is None:
            return
        undecided = self.visit.undecided_weak()
        found = count_text(self.visit.result.record_count, tr("%n uppgift"), tr("%n uppgifter"))
        text = tr("%1 hittades.").replace("%1", found)
        if undecided:
            text += " " + tr(
                "%1 möjliga träffar (hittade bara via e-post, telefon eller namn) är inte avgjorda: bocka i "
                "dem som gäller besökaren; de andra lämnas utanför när du godkänner."
            ).replace("%1", str(undecided))
        text += " " + tr("Avbocka det som inte gäller besökaren; maskera ett fält som rör någon annan.")
        self.summary.setText(text)

    def _toggled(self, position: int, checked: bool) -> None:
        if self.visit is None:
            return
        try:
            self.visit.set_included(self.model.records[position], checked, ReviewReason(self.reason.currentData()))
        except UserError as exc:
            error_box(self, service_message(exc))
        self.update_summary()
        self.decided.emit()

    def _show_record(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._updating = True
        self.fields.setRowCount(0)
        record = self.model.record_at(current)
        self._record = record
        if record is not None:
            for name, value in record.fields.items():
                row = self.fields.rowCount()
                self.fields.insertRow(row)
                self.fields.setItem(row, 0, QTableWidgetItem(name))
                self.fields.setItem(row, 1, QTableWidgetItem("" if value is None else str(value)))
                mask = QTableWidgetItem()
                mask.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                mask.setCheckState(Qt.CheckState.Checked if name in record.redacted else Qt.CheckState.Unchecked)
                self.fields.setItem(row, 2, mask)
            self.fields.resizeRowsToContents()  # long values (a chat message) wrap instead of being cut
        self._updating = False

    def _field_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() != 2 or self.visit is None or self._record is None:
            return
        name = self.fields.item(item.row(), 0).text()
        try:
            self.visit.redact(
                self._record,
                name,
                ReviewReason(self.reason.currentData()),
                redacted=item.checkState() == Qt.CheckState.Checked,
            )
        except UserError as exc:
            error_box(self, service_message(exc))
        self.decided.emit()

    def drop(self) -> None:
        """Forget the data: the model and the field panel hold the only references."""
        self._updating = True
        self.model.clear()
        self.fields.setRowCount(0)
        self._record = None
        self.visit = None
        self._updating = False
        self.summary.setText(tr("Inget att granska ännu."))
