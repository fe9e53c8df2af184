"""Gathering while the visitor waits: one row per source with its live status.

The gather runs on a worker; progress arrives as signals. A failed source can be retried alone,
the whole gather can be cancelled, and manual sources are checklist items to answer.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.extract import GatherResult, SourceResult, SourceStatus
from desktop.core.requests import CaseStatus
from desktop.errors import UserError
from desktop.services.visit import RETRYABLE, Action, CaseFile, CaseGather, Visit
from desktop.ui.common import describe, error_box, read_only_table, service_message, tr
from desktop.ui.workers import progress_relay, run_task


class _PendingGather:
    """A gather being started and run on a worker: staff may cancel it in either phase."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._gather: CaseGather | None = None

    def attach(self, gather: CaseGather) -> None:
        with self._lock:
            self._gather = gather
            if self._cancelled:
                gather.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._gather is not None:
                self._gather.cancel()


STATUS_COLOURS = {
    SourceStatus.OK: QColor("#1E7B34"),
    SourceStatus.NOTHING: QColor("#4A5968"),
    SourceStatus.FAILED: QColor("#B3261E"),
    SourceStatus.TIMED_OUT: QColor("#B3261E"),
    SourceStatus.CANCELLED: QColor("#735A00"),
    SourceStatus.RUNNING: QColor("#1F4E79"),
    SourceStatus.WAITING: QColor("#4A5968"),
    SourceStatus.MANUAL: QColor("#735A00"),
    SourceStatus.NOT_SEARCHED: QColor("#735A00"),
}


def source_status_text(status: SourceStatus, count: int, message: str) -> str:
    if status is SourceStatus.OK:
        return tr("Klart – %1").replace("%1", tr("%Ln uppgifter", None, count))
    return {
        SourceStatus.WAITING: tr("Väntar"),
        SourceStatus.RUNNING: tr("Söker …"),
        SourceStatus.NOTHING: tr("Inget hittat"),
        SourceStatus.FAILED: tr("Misslyckades"),
        SourceStatus.TIMED_OUT: tr("Svarade inte i tid"),
        SourceStatus.CANCELLED: tr("Avbrutet"),
        SourceStatus.MANUAL: tr("Manuell kontroll"),
        SourceStatus.NOT_SEARCHED: tr("Inte sökt"),
    }[status]


def not_searched_text(words: list[str]) -> str:
    """Why a system was (partly) not searched, as staff can tell the visitor."""
    return tr("Saknar %1 att söka på").replace("%1", tr(" eller ").join(words))


class ManualItem(QWidget):
    """A manual source: the instructions, found / nothing found, and what was found."""

    def __init__(self, source: SourceResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_id = source.source_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        title = QLabel(f"<b>{source.name}</b> – {source.instructions}")
        title.setWordWrap(True)
        layout.addWidget(title)
        row = QHBoxLayout()
        self.found = QRadioButton(tr("Uppgifter finns"))
        self.nothing = QRadioButton(tr("Inget finns"))
        group = QButtonGroup(self)
        group.addButton(self.found)
        group.addButton(self.nothing)
        self.note = QLineEdit()
        self.note.setObjectName(f"manual_note_{source.source_id}")
        self.note.setAccessibleName(tr("Svar från %1").replace("%1", source.name))
        self.note.setPlaceholderText(tr("Vad som finns, som det ska stå i utdraget"))
        self.save = QPushButton(tr("Spara svar"))
        self.save.setToolTip(tr("Spara svaret i ärendet; det står i utdraget"))
        self.save.setObjectName(f"manual_save_{source.source_id}")
        row.addWidget(self.found)
        row.addWidget(self.nothing)
        row.addWidget(self.note, 1)
        row.addWidget(self.save)
        layout.addLayout(row)
        self.saved = QLabel()
        self.saved.setObjectName("ok")
        layout.addWidget(self.saved)

    def say(self, text: str, *, problem: bool = False) -> None:
        """Below the answer: what is wrong with it in red, or that it was saved in green."""
        self.saved.setObjectName("problem" if problem else "ok")
        self.saved.style().unpolish(self.saved)
        self.saved.style().polish(self.saved)
        self.saved.setText(text)


def data_state_text(visit: Visit) -> str:
    """What a tab can honestly say when it has no data to show: whether a gather is possible,
    and what happened to the data gathered before."""
    file = visit.file
    names = visit.source_names()
    if not visit.status.is_open:
        return tr("Ärendet är avslutat. Inga uppgifter finns kvar i programmet.")
    if file.first_delivered_on is not None and visit.result is None:
        delivered = file.first_delivered_on.isoformat()
        if file.outstanding:
            waiting = tr(
                "Utdraget lämnades ut %1. Kvar att svara om: %2. Tryck F5 för att söka där igen och "
                "ta fram ett kompletterande utdrag."
            )
            return waiting.replace("%1", delivered).replace("%2", ", ".join(names.get(s, s) for s in file.outstanding))
        return tr("Utdraget lämnades ut %1 och uppgifterna finns inte längre i programmet.").replace("%1", delivered)
    if visit.result is None and visit.status in (CaseStatus.REVIEW, CaseStatus.READY):
        return tr("De insamlade uppgifterna finns inte längre i programmet. Tryck F5 för att samla in igen.")
    if visit.result is None and Action.GATHER in visit.allowed_actions():
        return tr("Insamlingen har inte startat. Tryck F5.")
    return tr("Insamlingen har inte startat.")


class GatherView(QWidget):
    finished = Signal(object)  # GatherResult
    started = Signal()
    answered = Signal()  # a manual check's answer was saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit: Visit | None = None
        self.case_number = ""
        self.result: GatherResult | None = None
        self.prepared: object | None = None  # the review tree built with the result
        self.current: _PendingGather | None = None
        self.case_file: CaseFile | None = None  # read on the worker once the gather is recorded
        layout = QVBoxLayout(self)
        self.summary = QLabel(tr("Insamlingen har inte startat."))
        layout.addWidget(self.summary)
        self.table = read_only_table(
            "gather_table", [tr("System"), tr("Status"), tr("Orsak")], tr("Systemen och hur sökningen gick")
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 2)
        buttons = QHBoxLayout()
        self.start_button = QPushButton(tr("Starta insamling (F5)"))
        self.start_button.setToolTip(tr("Sök besökarens uppgifter i organisationens system"))
        self.start_button.setObjectName("gather_start")
        self.cancel_button = QPushButton(tr("Avbryt (Esc)"))
        self.cancel_button.setToolTip(tr("Avbryt sökningen"))
        self.cancel_button.setObjectName("gather_cancel")
        self.retry_button = QPushButton(tr("Försök igen med misslyckade"))
        self.retry_button.setToolTip(tr("Sök igen i de system som inte svarade"))
        self.retry_button.setObjectName("gather_retry")
        for button in (self.start_button, self.cancel_button, self.retry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.manual_box = QVBoxLayout()
        layout.addLayout(self.manual_box)
        layout.addStretch(1)
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button.clicked.connect(self.retry_failed)
        self.cancel_button.setEnabled(False)
        self.retry_button.setEnabled(False)
        self.rows: dict[str, int] = {}

    def set_visit(self, visit: Visit) -> None:
        self.visit = visit
        self.case_number = visit.number
        self.result = None
        self.table.setRowCount(0)
        self.rows.clear()
        self._clear_manual()
        self.summary.setText(self.state_text(visit))
        self.retry_button.setEnabled(False)
        self.update_actions()

    def update_actions(self) -> None:
        """F5 and the button only where the Visit allows a gather now."""
        allowed = self.visit is not None and Action.GATHER in self.visit.allowed_actions()
        self.start_button.setEnabled(allowed and not self.running)

    def state_text(self, visit: Visit) -> str:
        return data_state_text(visit)

    def _clear_manual(self) -> None:
        while self.manual_box.count():
            item = self.manual_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: the deletion waits for the event loop
                widget.deleteLater()

    @property
    def running(self) -> bool:
        return self.current is not None

    def start(self, only: list[str] | None = None) -> None:
        """Start a gather; everything that touches the register or the sources runs on a worker."""
        if self.running or self.visit is None:
            return
        visit = self.visit
        action = Action.RETRY if only is not None else Action.GATHER
        if action not in visit.allowed_actions():
            self.summary.setText(self.state_text(visit) if action is Action.GATHER else tr("Inget att försöka igen."))
            return
        self._relay, progress = progress_relay(self._on_progress)
        pending = self.current = _PendingGather()
        if only is None:  # a new gather: the rows of the one before go (a retry updates its rows)
            self.table.setRowCount(0)
            self.rows.clear()
        for waiting in visit.sources_to_ask(only):  # a row per system at once; the worker fills them in
            self._on_progress(waiting)
        self.summary.setText(tr("Söker i organisationens system …"))
        self.started.emit()
        self.start_button.setEnabled(False)
        self.retry_button.setEnabled(False)
        self.cancel_button.setEnabled(True)

        def work() -> tuple[GatherResult, object, CaseFile]:
            from desktop.ui.review_view import ReviewModel

            gather = visit.start_gather(only=only, progress=progress)
            pending.attach(gather)
            result = gather.run()
            # The review tree and the updated case file, built off the GUI thread as well.
            return result, ReviewModel.prepare(result), visit.read_file()

        run_task(work, self._done, self._failed)

    def cancel(self) -> None:
        if self.current is not None:
            self.current.cancel()
            self.summary.setText(tr("Avbryter …"))

    def retry_failed(self) -> None:
        if self.visit is None:
            return
        failed = self.visit.retryable_sources()
        if failed:
            self.start(only=failed)

    def _row(self, source_id: str) -> int:
        if source_id not in self.rows:
            self.rows[source_id] = self.table.rowCount()
            self.table.insertRow(self.table.rowCount())
        return self.rows[source_id]

    def _on_progress(self, source: SourceResult) -> None:
        row = self._row(source.source_id)
        text = source_status_text(source.status, source.record_count, source.message)
        if source.status is SourceStatus.RUNNING and source.waiting_for_service:
            text = tr("Väntar på tjänsten …")
        status = QTableWidgetItem(text)
        status.setForeground(STATUS_COLOURS[source.status])
        self.table.setItem(row, 0, QTableWidgetItem(source.name))
        self.table.setItem(row, 1, status)
        reason = source.message if source.status in RETRYABLE else ""
        if source.status is SourceStatus.MANUAL:
            answered = self.visit is not None and source.source_id in self.visit.file.manual_answered
            reason = tr("Besvarat – svaret står i utdraget") if answered else tr("Besvaras nedan")
        elif source.not_searched_by and self.visit is not None:
            words = self.visit.identifier_words()
            reason = not_searched_text([words.get(k, k) for k in source.not_searched_by])
        if source.waiting_for_service:
            reason = tr("Tjänsten bad oss vänta en stund; vi frågar igen")
        cut = []
        if source.page_limit:
            cut.append(tr("fler än %1 sidor – resten lästes inte").replace("%1", str(source.page_limit)))
        if source.truncated:
            cut.append(tr("fler rader än gränsen – resten lästes inte"))
        if cut:
            reason = "; ".join([reason, *cut] if reason else cut)
        possible = sum(1 for r in source.records if r.undecided) if source.status.finished else 0
        if possible:
            found = tr("%Ln möjliga träffar att avgöra i granskningen", None, possible)
            reason = f"{reason}; {found}" if reason else found
        self.table.setItem(row, 2, QTableWidgetItem(reason))

    def _done(self, done: tuple[GatherResult, object, CaseFile]) -> None:
        result, self.prepared, self.case_file = done
        self.current = None
        if self.visit is not None:
            self.visit.gathered(result, file=self.case_file)
        self.show_result(result)
        self.finished.emit(result)

    def show_result(self, result: GatherResult) -> None:
        """How each system ended, the summary and the manual checks to answer."""
        self.result = result
        for source in result.sources.values():
            self._on_progress(source)
        failed = [s for s in result.sources.values() if s.status in RETRYABLE]
        self.summary.setText(
            tr("Klart: %1 från %2 system.")
            .replace("%1", tr("%Ln uppgifter", None, result.record_count))
            .replace("%2", str(sum(1 for s in result.sources.values() if s.status.reached)))
            + (tr(" %1 system kunde inte sökas.").replace("%1", str(len(failed))) if failed else "")
            + (tr(" Besvara de manuella kontrollerna nedan.") if self.unanswered_manual() else "")
        )
        self.update_actions()
        self.cancel_button.setEnabled(False)
        self.retry_button.setEnabled(self.visit is not None and Action.RETRY in self.visit.allowed_actions())
        self._show_manual(result)

    def unanswered_manual(self) -> list[str]:
        """Manual checks in the gathered result that nobody has answered yet."""
        return self.visit.unanswered_manual() if self.visit is not None else []

    def _failed(self, exc: BaseException) -> None:
        cancelled = self.current is not None and self.current.cancelled
        self.current = None
        self.update_actions()
        self.cancel_button.setEnabled(False)
        if cancelled:  # staff stopped it (or left the case) before it had begun: nothing to report
            self.summary.setText(tr("Insamlingen avbröts."))
            return
        self.summary.setText(tr("Insamlingen kunde inte göras."))
        error_box(self, service_message(exc) if isinstance(exc, UserError) else tr("Insamlingen misslyckades."))

    def _show_manual(self, result: GatherResult) -> None:
        self._clear_manual()
        for source in result.sources.values():
            if source.status is SourceStatus.MANUAL:
                item = ManualItem(source)
                item.save.clicked.connect(lambda _checked=False, it=item: self._save_manual(it))
                describe(item)
                self.manual_box.addWidget(item)

    def _save_manual(self, item: ManualItem) -> None:
        if not (item.found.isChecked() or item.nothing.isChecked()):
            item.say(tr("Välj om uppgifter finns eller inte."), problem=True)
            return
        if self.visit is None:
            return
        try:
            self.visit.record_manual(item.source_id, found=item.found.isChecked(), note=item.note.text())
        except UserError:
            item.say(tr("Skriv vad som finns."), problem=True)
            return
        item.say(tr("Svaret är sparat i ärendet."))
        if self.result is not None and item.source_id in self.result.sources:
            self._on_progress(self.result.sources[item.source_id])  # the row says it is answered
        self.answered.emit()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.running:
            self.cancel()
            return
        super().keyPressEvent(event)
