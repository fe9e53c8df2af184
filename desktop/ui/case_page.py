"""One case: its file and timeline, and the steps gather → review → deliver as tabs.

The gathered data lives here, in memory, only while this case is open; delivering or leaving
the case drops it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.extract import GatherResult
from desktop.core.requests import CaseStatus
from desktop.errors import UserError
from desktop.register.models import Staff
from desktop.register.repository import LOCAL_ZONE
from desktop.services.casework import CaseFile, RequestLine, case_file, decide, extend, record_outcome
from desktop.services.delivery import render_receipt, write_private
from desktop.services.desk import Desk
from desktop.ui.auth import SignInDialog
from desktop.ui.common import document_labels, error_box, heading, request_labels, status_labels, tr
from desktop.ui.deliver_view import DeliverView
from desktop.ui.gather_view import GatherView
from desktop.ui.printing import print_pdf
from desktop.ui.review_view import ReviewView

TIMELINE_LABELS = {
    "case.opened": QT_TRANSLATE_NOOP("", "Ärendet registrerades"),
    "identity.verified": QT_TRANSLATE_NOOP("", "Identiteten kontrollerades"),
    "case.status": QT_TRANSLATE_NOOP("", "Status ändrades"),
    "gather.started": QT_TRANSLATE_NOOP("", "Insamling startade"),
    "gather.finished": QT_TRANSLATE_NOOP("", "Insamling klar"),
    "data.viewed": QT_TRANSLATE_NOOP("", "Uppgifterna visades för granskning"),
    "review.confirmed": QT_TRANSLATE_NOOP("", "Svag träff bekräftades"),
    "review.unconfirmed": QT_TRANSLATE_NOOP("", "Bekräftelse togs bort"),
    "review.excluded": QT_TRANSLATE_NOOP("", "Uppgift uteslöts"),
    "review.included": QT_TRANSLATE_NOOP("", "Uppgift togs med igen"),
    "review.redacted": QT_TRANSLATE_NOOP("", "Fält maskerades"),
    "review.unredacted": QT_TRANSLATE_NOOP("", "Maskering togs bort"),
    "manual.recorded": QT_TRANSLATE_NOOP("", "Manuell kontroll besvarades"),
    "extract.approved": QT_TRANSLATE_NOOP("", "Utdraget godkändes"),
    "extract.delivered": QT_TRANSLATE_NOOP("", "Utdraget lämnades ut"),
    "case.extended": QT_TRANSLATE_NOOP("", "Svarstiden förlängdes"),
    "request.outcome": QT_TRANSLATE_NOOP("", "Utfall registrerades"),
}


def withdrawal_labels() -> dict[str, str]:
    return {
        "visitor-withdrew": tr("Besökaren tar tillbaka sin begäran"),
        "registered-by-mistake": tr("Ärendet registrerades av misstag"),
    }


class CasePage(QWidget):
    closed = Signal()

    def __init__(self, desk: Desk, staff: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.staff = staff
        self.number = ""
        self.result: GatherResult | None = None
        self.approved_by: str | None = None
        self.request_lines: tuple[RequestLine, ...] = ()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = heading("")
        top.addWidget(self.title, 1)
        self.receipt_button = QPushButton(tr("Skriv ut kvitto (Ctrl+K)"))
        self.receipt_button.setObjectName("receipt")
        self.receipt_button.setShortcut(QKeySequence("Ctrl+K"))
        self.save_receipt_button = QPushButton(tr("Spara kvitto …"))
        self.extend_button = QPushButton(tr("Förläng svarstiden …"))
        self.reject_button = QPushButton(tr("Avslå …"))
        self.withdraw_button = QPushButton(tr("Återkalla …"))
        self.withdraw_button.setObjectName("withdraw")
        self.withdraw_button.setToolTip(
            tr("Besökaren tar tillbaka sin begäran, eller ärendet registrerades av misstag.")
        )
        self.close_button = QPushButton(tr("Avsluta ärendet"))
        self.close_button.setObjectName("close_case")
        for button in (
            self.receipt_button,
            self.extend_button,
            self.reject_button,
            self.withdraw_button,
            self.close_button,
        ):
            top.addWidget(button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        overview = QWidget()
        overview_layout = QHBoxLayout(overview)
        left = QVBoxLayout()
        facts = QWidget()
        self.facts = QFormLayout(facts)
        left.addWidget(facts)
        self.request_table = QTableWidget(0, 3)
        self.request_table.setObjectName("request_table")
        self.request_table.setHorizontalHeaderLabels([tr("Begäran"), tr("Besökarens uppgifter"), tr("Utfall")])
        self.request_table.verticalHeader().hide()
        self.request_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.request_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.request_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.request_table.setWordWrap(True)
        header = self.request_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.request_table, 1)
        self.outcome_button = QPushButton(tr("Registrera utfall för markerad begäran …"))
        self.outcome_button.setObjectName("record_outcome")
        self.outcome_button.clicked.connect(self.ask_outcome)
        left.addWidget(self.outcome_button)
        overview_layout.addLayout(left, 1)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        overview_layout.addWidget(self.timeline, 1)
        self.gather = GatherView(desk, staff.username)
        self.review = ReviewView(desk, staff.username)
        self.deliver = DeliverView(desk, staff.username)
        self.tabs.addTab(overview, tr("Översikt"))
        self.tabs.addTab(self.gather, tr("1. Insamling"))
        self.tabs.addTab(self.review, tr("2. Granskning"))
        self.tabs.addTab(self.deliver, tr("3. Utlämning"))
        layout.addWidget(self.tabs, 1)
        self.gather.finished.connect(self._gathered)
        self.review.approve_requested.connect(self.approve)
        self.deliver.delivered.connect(self._delivered)
        self.receipt_button.clicked.connect(self.print_receipt)
        self.save_receipt_button.clicked.connect(self.save_receipt)
        self.extend_button.clicked.connect(self.ask_extension)
        self.reject_button.clicked.connect(self.ask_rejection)
        self.withdraw_button.clicked.connect(self.ask_withdrawal)
        self.close_button.clicked.connect(self.close_case)

    # Loading -----------------------------------------------------------------------------

    def show_case(self, number: str, *, start_gather: bool = False) -> None:
        if number != self.number:
            self.drop_data()
        self.number = number
        self.gather.set_case(number)
        self.refresh()
        if start_gather:
            self.tabs.setCurrentWidget(self.gather)
            self.gather.start()
        else:
            self.tabs.setCurrentIndex(0)

    def refresh(self) -> None:
        self.show_file(case_file(self.desk, self.number))

    def show_file(self, file: CaseFile) -> None:
        statuses = status_labels()
        self.title.setText(tr("Ärende %1 – %2").replace("%1", file.number).replace("%2", file.subject_name))
        while self.facts.rowCount():
            self.facts.removeRow(0)
        requests = request_labels()
        self.facts.addRow(tr("Status"), QLabel(statuses.get(file.status, file.status)))
        self.facts.addRow(tr("Personnummer"), QLabel(file.personnummer))
        self.facts.addRow(tr("Inkom"), QLabel(file.received_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")))
        due = QLabel(file.due.isoformat() + (tr(" (förlängd)") if file.extended_deadline else ""))
        self.facts.addRow(tr("Svara senast"), due)
        if file.extension_reason:
            self.facts.addRow(tr("Skäl för förlängning"), QLabel(file.extension_reason))
        if file.rejection_reason:
            self.facts.addRow(tr("Skäl för avslag"), QLabel(file.rejection_reason))
        self.facts.addRow(tr("Id-handling"), QLabel(document_labels().get(file.document, file.document)))
        self.request_lines = file.request_lines
        self.request_table.setRowCount(len(file.request_lines))
        for row, line in enumerate(file.request_lines):
            for column, value in enumerate((requests.get(line.type, line.type), line.details, line.outcome)):
                self.request_table.setItem(row, column, QTableWidgetItem(value or ""))
        self.request_table.resizeRowsToContents()
        if file.request_lines:
            self.request_table.selectRow(0)
        self.timeline.clear()
        for entry in file.timeline:
            label = tr(TIMELINE_LABELS.get(entry.action, entry.action))
            if entry.action == "case.status":
                label += f": {statuses.get(str(entry.details.get('to')), entry.details.get('to'))}"
                reason = withdrawal_labels().get(str(entry.details.get("reason")))
                if reason:
                    label += f" ({reason.lower()})"
            if entry.action == "request.outcome":
                label += f": {requests.get(str(entry.details.get('request')), entry.details.get('request'))}"
            who = f" – {entry.staff}" if entry.staff else ""
            self.timeline.addItem(f"{entry.at.astimezone(LOCAL_ZONE):%Y-%m-%d %H:%M}  {label}{who}")
        open_case = CaseStatus(file.status).is_open and file.status != "delivered"
        self.extend_button.setEnabled(open_case and file.extended_deadline is None)
        self.reject_button.setEnabled(open_case)
        self.withdraw_button.setEnabled(open_case)
        self.close_button.setEnabled(file.status in ("delivered", "rejected", "withdrawn"))

    # The steps ---------------------------------------------------------------------------

    def _gathered(self, result: GatherResult) -> None:
        self.result = result
        self.approved_by = None
        self.review.show_result(self.number, result, self.gather.prepared)  # type: ignore[arg-type]
        self.gather.prepared = None
        self.deliver.set_case(self.number, result, None)
        self.tabs.setCurrentWidget(self.review)
        if self.gather.case_file is not None and self.gather.case_file.number == self.number:
            self.show_file(self.gather.case_file)
        else:
            self.refresh()

    def approve(self) -> None:
        """Where the organisation requires it, a second person with the approver role signs."""
        if self.result is None:
            return
        if not self.desk.config.policy.approval_required:
            self.approved_by = None
        else:
            approver = self.ask_approver()
            if approver is None:
                return
            if "approver" not in approver.role_set or approver.id == self.staff.id:
                error_box(self, tr("Utdraget måste godkännas av en annan person med rollen granskare."))
                return
            self.approved_by = approver.username
        self.deliver.set_case(self.number, self.result, self.approved_by)
        self.tabs.setCurrentWidget(self.deliver)
        self.deliver.render()

    def ask_approver(self) -> Staff | None:
        """The approver signs with their own password; tests replace this."""
        dialog = SignInDialog(self.desk, self, title=tr("Godkännande av granskare"), purpose="approval")
        return dialog.staff if dialog.exec() else None

    def _delivered(self, _method: str) -> None:
        # The visitor has the extract: the gathered data is not kept any longer.
        self.result = None
        self.review.drop()
        self.deliver.result = None
        self.refresh()

    def drop_data(self) -> None:
        if self.gather.running:
            self.gather.cancel()
        self.result = None
        self.approved_by = None
        self.review.drop()
        self.deliver.drop()

    # Decisions ---------------------------------------------------------------------------

    def print_receipt(self) -> None:
        """The visitor's receipt (case number, deadline, what was asked) on the desk's printer."""
        printer = self.deliver.ask_printer()
        if printer is None:
            return
        pdf, _pages = render_receipt(self.desk, self.number)
        if not print_pdf(pdf, printer):
            error_box(self, tr("Skrivaren kunde inte startas."))

    def save_receipt(self) -> None:
        path = self.deliver.ask_save_path(tr("Spara kvittot"), f"kvitto-{self.number}.pdf", "PDF (*.pdf)")
        if path:
            pdf, _pages = render_receipt(self.desk, self.number)
            write_private(path, pdf)

    def ask_extension(self) -> None:
        reason, ok = QInputDialog.getText(
            self, tr("Förläng svarstiden"), tr("Skäl (besökaren får veta det, art. 12.3):")
        )
        if ok and reason.strip():
            try:
                extend(self.desk, self.number, reason, staff_username=self.staff.username)
            except UserError as exc:
                error_box(self, str(exc))
            self.refresh()

    def ask_rejection(self) -> None:
        reason, ok = QInputDialog.getText(
            self, tr("Avslå begäran"), tr("Skäl (besökaren ska få veta det och om rätten att klaga till IMY):")
        )
        if ok and reason.strip():
            self.end_case(CaseStatus.REJECTED, reason=reason)

    def ask_withdrawal(self) -> None:
        """The visitor takes the request back, or it was registered by mistake: the case ends
        without an answer and the gathered data is let go."""
        reasons = {label: code for code, label in withdrawal_labels().items()}
        choice, ok = QInputDialog.getItem(
            self, tr("Återkalla ärendet"), tr("Varför avslutas ärendet utan svar?"), list(reasons), 0, False
        )
        if ok:
            self.end_case(CaseStatus.WITHDRAWN, reason_code=reasons[choice])

    def end_case(self, target: CaseStatus, *, reason: str = "", reason_code: str | None = None) -> bool:
        """Reject, withdraw or close: the gathered data is let go first, whatever the outcome."""
        self.drop_data()
        try:
            decide(
                self.desk,
                self.number,
                target,
                staff_username=self.staff.username,
                reason=reason,
                reason_code=reason_code,
            )
        except UserError as exc:
            error_box(self, str(exc))
            return False
        finally:
            self.refresh()
        return True

    def ask_outcome(self) -> None:
        """What was done about the selected request: corrected, erased (and what is kept, and
        why), restricted, marketing stopped, consent withdrawn."""
        row = self.request_table.currentRow()
        if row < 0 or row >= len(self.request_lines):
            return
        line = self.request_lines[row]
        label = request_labels().get(line.type, line.type)
        outcome, ok = QInputDialog.getText(
            self, tr("Utfall"), tr("Vad gjordes? (%1)").replace("%1", label), text=line.outcome or ""
        )
        if ok and outcome.strip():
            self.save_outcome(line.type, outcome)

    def save_outcome(self, request_type: str, outcome: str) -> None:
        try:
            record_outcome(self.desk, self.number, request_type, outcome, staff_username=self.staff.username)
        except UserError as exc:
            error_box(self, str(exc))
        self.refresh()

    def open_requests(self) -> list[str]:
        """Requests besides access with no outcome written: the visitor must be told what was
        done about them (Art. 12.3) before the case is closed."""
        labels = request_labels()
        return [labels.get(r.type, r.type) for r in self.request_lines if r.type != "access" and not r.outcome]

    def close_case(self) -> None:
        question = tr("Avsluta ärendet? Det kan inte öppnas igen.")
        missing = self.open_requests()
        if missing:
            question = (
                tr("Utfall saknas för: %1. Besökaren ska få veta vad som gjorts (art. 12.3).").replace(
                    "%1", ", ".join(missing)
                )
                + "\n\n"
                + question
            )
        answer = QMessageBox.question(self, tr("Avsluta ärendet"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self.close_now()

    def close_now(self) -> None:
        if self.end_case(CaseStatus.CLOSED):
            self.closed.emit()
