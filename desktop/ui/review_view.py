"""Review: the found data as source → category → records, weak matches to confirm, records to
exclude and fields to mask before anything is printed (Art. 15.4)."""

from __future__ import annotations

import time
from collections.abc import Callable

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
    QMessageBox,
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
from desktop.services.visit import Decided, Decision, RecordState, ReviewReason, Visit, shown_value
from desktop.ui.common import error_box, grouped, service_message, tr, window_language

Index = QModelIndex | QPersistentModelIndex


def reason_labels() -> dict[ReviewReason, str]:
    return {
        ReviewReason.OTHER_PERSON: tr("Rör en annan person (art. 15.4)"),
        ReviewReason.WRONG_MATCH: tr("Fel person – felaktig träff"),
        ReviewReason.DUPLICATE: tr("Dubblett"),
        ReviewReason.CONFIDENTIALITY: tr("Tystnadsplikt (dataskyddslagen 5 kap. 1 §) – besökaren får veta det"),
        ReviewReason.DRAFT: tr("Utkast eller minnesanteckning (dataskyddslagen 5 kap. 2 §) – besökaren får veta det"),
    }


def state_text(state: RecordState, reason: ReviewReason | None) -> str:
    """A record's standing in the review, in the reviewer's words."""
    if state is RecordState.EXCLUDED:
        return tr("utesluten – %1").replace("%1", reason_labels()[reason].lower()) if reason else tr("utesluten")
    return {
        RecordState.STRONG: tr("stark"),
        RecordState.UNDECIDED: tr("svag – bekräfta"),
        RecordState.CONFIRMED: tr("bekräftad"),
        RecordState.LEFT_OUT: tr("lämnas utanför obekräftad"),
    }[state]


def decision_lines(decisions: list[Decision], counts: dict[str, int]) -> list[str]:
    """What the approver approves: how much goes out, and every exclusion, mask and confirmation
    with where and why (no data)."""
    found = tr("%Ln hittade uppgifter", None, counts.get("records", 0))
    lines = [tr("Utdraget innehåller %1 av %2.").replace("%1", grouped(counts.get("included", 0))).replace("%2", found)]
    for d in decisions:
        where = f"{d.source} – {d.category}"
        records = tr("%Ln uppgifter", None, d.count)
        why = f" ({reason_labels()[d.reason].lower()})" if d.reason else ""
        if d.state is Decided.MASKED:
            line = tr("Maskerat: fältet %1 i %2 i %3").replace("%1", str(d.field)).replace("%2", records)
        else:
            line = {
                Decided.EXCLUDED: tr("Uteslutet: %2 i %3"),
                Decided.CONFIRMED: tr("Bekräftade möjliga träffar: %2 i %3"),
                Decided.LEFT_OUT: tr("Lämnas utanför obekräftade: %2 i %3"),
                Decided.UNDECIDED: tr("Inte avgjorda: %2 i %3"),
            }[d.state].replace("%2", records)
        lines.append("• " + line.replace("%3", where) + why)
    if len(lines) == 1:
        lines.append(tr("Inget är uteslutet, maskerat eller bekräftat för hand."))
    return lines


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
            strong, weak = tr("stark"), tr("svag – bekräfta")
            for source in result.sources.values():
                if not source.records:
                    continue
                source_node = self._add(-1, source.name, str(source.record_count), -1)
                for title, records in source.categories().items():
                    category_node = self._add(source_node, title, str(len(records)), -1)
                    for n, record in enumerate(records):
                        if n % 256 == 255:
                            time.sleep(0)  # let the GUI thread have the GIL: this runs on a worker
                        strength = strong if record.strength is Strength.STRONG else weak
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


# Colours with at least 4.5:1 contrast on white (WCAG AA).
STATE_COLOURS = {
    RecordState.UNDECIDED: "#735A00",
    RecordState.CONFIRMED: "#1E7B34",
    RecordState.LEFT_OUT: "#5F6368",
    RecordState.EXCLUDED: "#6B6B6B",
}


class ReviewModel(QAbstractItemModel):
    """Source → category → record, the records checkable. Nodes are plain integers, so Qt holds
    no Python objects and no per-item wrappers (thousands of meter readings stay cheap)."""

    COLUMNS = 2
    toggled = Signal(int, bool)  # record index, now included

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tree = ReviewTree()
        self.state_of: Callable[[Record], tuple[RecordState, ReviewReason | None]] | None = None
        self._included: dict[int, tuple[int, int]] = {}  # node → (included, found); cleared on a decision

    @property
    def records(self) -> list[Record]:
        return self.tree.records

    @staticmethod
    def prepare(result: GatherResult) -> ReviewTree:
        return ReviewTree(result)

    def adopt(self, tree: ReviewTree) -> None:
        self.beginResetModel()
        self.tree = tree
        self._included.clear()
        self.endResetModel()

    def included_under(self, node: int) -> tuple[int, int]:
        """(included, found) under a source or category node."""
        if node not in self._included:  # counted once per decision, not at every repaint
            leaves = [n for child in self.tree.children[node] for n in (self.tree.children[child] or [child])]
            records = [self.records[self.tree.record[n]] for n in leaves if self.tree.record[n] >= 0]
            self._included[node] = (sum(1 for r in records if r.included), len(records))
        return self._included[node]

    def decided(self) -> None:
        """A decision was taken: every count and state on screen is read again."""
        self._included.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 1))

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
        state = self.state_of(record) if record is not None and self.state_of is not None else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return self.tree.label[node]
            if state is not None:
                return state_text(*state)
            if record is None and self.state_of is not None:
                included, found = self.included_under(node)
                return found and tr("%1 av %2 med").replace("%1", grouped(included)).replace("%2", grouped(found))
            return self.tree.detail[node]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0 and record is not None:
            # A possible match not yet decided is not ticked: staff tick what is the visitor's
            # (Space or a click confirms it), as the summary above the list says.
            undecided = state is not None and state[0] is RecordState.UNDECIDED
            return Qt.CheckState.Checked if record.included and not undecided else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and state is not None:
            colour = STATE_COLOURS.get(state[0])
            shown = index.column() == 1 or state[0] is RecordState.EXCLUDED  # an excluded row is grey throughout
            return QBrush(QColor(colour)) if colour and shown else None
        if role == Qt.ItemDataRole.ForegroundRole and record is not None and record.strength is Strength.WEAK:
            return QBrush(QColor("#735A00")) if index.column() == 1 else None
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
        self.reason.setAccessibleName(tr("Skäl för att utesluta eller maskera"))
        for value, label in reason_labels().items():
            self.reason.addItem(label, value)
        reason_row.addWidget(self.reason)
        reason_row.addStretch(1)
        layout.addLayout(reason_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = ReviewModel(self)
        self.model.toggled.connect(self._toggled)
        self.model.state_of = lambda record: (
            self.visit.state_of(record)
            if self.visit and self.visit.review
            else (RecordState.STRONG if record.strength is Strength.STRONG else RecordState.UNDECIDED, None)
        )
        self.tree = QTreeView()
        self.tree.setTabKeyNavigation(False)  # Tab leaves the table (arrows move within it)
        self.tree.setObjectName("review_tree")
        self.tree.setAccessibleName(tr("Uppgifter att granska"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        # The state column as wide as its longest text, the rest for the record (nothing elided).
        widest = (
            [state_text(RecordState.EXCLUDED, r) for r in ReviewReason]
            + [state_text(s, None) for s in RecordState]
            + [tr("%1 av %2 med").replace("%1", "88 888").replace("%2", "88 888")]
        )
        self.tree.setColumnWidth(1, max(self.tree.fontMetrics().horizontalAdvance(t) for t in widest) + 32)
        self.tree.selectionModel().currentChanged.connect(self._show_record)
        splitter.addWidget(self.tree)
        self.fields = QTableWidget(0, 3)
        self.fields.setTabKeyNavigation(False)  # Tab leaves the table (arrows move within it)
        self.fields.setObjectName("review_fields")
        self.fields.setAccessibleName(tr("Fälten i markerad uppgift"))
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
        self.approve_button.setToolTip(
            tr("Släpp utdraget för utlämning; där det krävs godkänner en granskare med sitt lösenord")
        )
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
        labels = reason_labels()
        self.reason.clear()  # the grounds this organisation may use (the Visit says)
        for value in visit.review_reasons():
            self.reason.addItem(labels[value], value)
        self.reason.setCurrentIndex(0)  # each visitor's review starts without the last one's reason
        self.update_summary()

    def update_summary(self) -> None:
        """The counts as they stand after every decision."""
        if self.visit is None or self.visit.result is None:
            return
        undecided = self.visit.undecided_weak()
        found = tr("%Ln uppgifter", None, self.visit.result.record_count)
        text = tr("%1 hittades.").replace("%1", found)
        if undecided:
            text += " " + tr(
                "%Ln möjliga träffar (hittade bara via %1) är inte avgjorda: bocka i "
                "dem som gäller besökaren; de andra lämnas utanför när du godkänner.",
                None,
                undecided,
            ).replace("%1", self.visit.weak_words(window_language()))
        stale = sum(u.count for u in self.visit.unmatched_decisions())
        if stale:  # kept with the case, but the records changed in their systems since
            text += " " + tr(
                "%Ln tidigare beslut gäller inte längre eftersom uppgifterna har ändrats i systemet – "
                "granska dem igen.",
                None,
                stale,
            )
        text += " " + tr("Avbocka det som inte gäller besökaren; maskera ett fält som rör någon annan.")
        self.summary.setText(text)

    def _toggled(self, position: int, checked: bool) -> None:
        if self.visit is None:
            return
        try:
            self.visit.set_included(self.model.records[position], checked, ReviewReason(self.reason.currentData()))
        except UserError as exc:
            error_box(self, service_message(exc))
        self.model.decided()
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
                shown = QTableWidgetItem(shown_value(value, window_language()))  # as the extract prints it
                if name in record.redacted:  # as the visitor will see it; the value itself on hover
                    shown.setToolTip(shown.text())
                    shown.setText(tr("[maskerat]"))
                self.fields.setItem(row, 1, shown)
                mask = QTableWidgetItem()
                mask.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                mask.setCheckState(Qt.CheckState.Checked if name in record.redacted else Qt.CheckState.Unchecked)
                self.fields.setItem(row, 2, mask)
            self.fields.resizeRowsToContents()  # long values (a chat message) wrap instead of being cut
        self._updating = False

    def _field_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() != 2 or self.visit is None or self._record is None:
            return
        name_item = self.fields.item(item.row(), 0)
        if name_item is None:
            return
        name = name_item.text()
        masking = item.checkState() == Qt.CheckState.Checked
        reason = ReviewReason(self.reason.currentData())
        try:
            elsewhere = self.visit.same_value_elsewhere(self._record, name) if masking else []
            if elsewhere and self.ask_mask_everywhere(elsewhere):
                self.visit.redact_everywhere(self._record, name, reason)
            else:
                self.visit.redact(self._record, name, reason, redacted=masking)
        except UserError as exc:
            error_box(self, service_message(exc))
        self._show_record(self.tree.currentIndex(), QModelIndex())  # the value as it will read
        self.model.decided()
        self.decided.emit()

    def ask_mask_everywhere(self, elsewhere: list[tuple[Record, str]]) -> bool:
        """The same value elsewhere in the data (tests replace this): mask it there too?"""
        where = ", ".join(sorted({other.category for other, _name in elsewhere}))
        answer = QMessageBox.question(
            self,
            tr("Maskera överallt"),
            tr("Samma värde finns på %Ln andra ställen (%1). Maskera det där också?", None, len(elsewhere)).replace(
                "%1", where
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def drop(self) -> None:
        """Forget the data: the model and the field panel hold the only references."""
        self._updating = True
        self.model.clear()
        self.fields.setRowCount(0)
        self._record = None
        self.visit = None
        self._updating = False
        self.summary.setText(tr("Inget att granska ännu."))
