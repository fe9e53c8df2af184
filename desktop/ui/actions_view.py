"""The Åtgärder step of a case with an erasure, a restriction or a rectification: what each system
will do (counted, nothing changed), what is kept and why, the approval by a second person, the
run with each system's result, and the recipients to tell (Art. 19). Every rule is the Visit's;
this page only asks and shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services.visit import Signer
from desktop.ui.auth import SignInDialog
from desktop.ui.common import error_box, read_only_table, service_message, tr
from desktop.ui.workers import run_task

if TYPE_CHECKING:
    from desktop.services.visit import ActionStep, HoldStep, ManualStep, Plan, Visit


def _table(name: str, headers: list[str], stretch: int | None = None) -> QTableWidget:
    table = read_only_table(name, headers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:  # the long text wraps in the room that is left; no sideways scrolling
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        header.setStretchLastSection(True)
    table.setMinimumHeight(130)  # the header and about three rows, on the smallest screen
    return table


def step_state(step: ActionStep, *, preview: bool) -> str:
    if step.missing:
        return tr("Inget att göra: besökaren har ingen känd %1 här").replace("%1", ", ".join(step.missing))
    if step.problem:
        return tr("Misslyckades – ärendet har det kvar: %1").replace("%1", step.problem)
    if preview:
        return tr("Ändras när det godkänts") if step.counted else tr("Tjänsten anropas när det godkänts")
    if step.rows == 0:
        return tr("Genomfört – inget att ändra här")  # nothing of the visitor's matched: no claim made
    return tr("Genomfört")


def hold_until(hold: HoldStep) -> str:
    if hold.missing:
        return tr("Inte räknat: besökaren har ingen känd %1 här").replace("%1", ", ".join(hold.missing))
    if hold.problem:
        return tr("Kunde inte räknas: %1").replace("%1", hold.problem)
    return hold.until


class ActionsView(QWidget):
    changed = Signal()  # something was carried out or recorded: the case page shows it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # four lists on a small screen: the page scrolls, each list shows its rows
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(tr("Åtgärder i systemen"))
        content = QWidget()
        scroll.setWidget(content)
        outer.addWidget(scroll)
        self.visit: Visit | None = None
        self.plan: Plan | None = None
        self.new_values: dict[str, str] | None = None  # a rectification's corrected values, by action key
        self.busy = False
        layout = QVBoxLayout(content)
        self.summary = QLabel(tr("Förhandsgranska vad begäran gör i systemen. Inget ändras förrän det godkänts."))
        self.summary.setObjectName("actions_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.steps = _table("action_steps", [tr("System"), tr("Vad som görs"), tr("Uppgifter"), tr("Läge")], stretch=1)
        self.steps.setAccessibleName(tr("Vad begäran gör i varje system"))
        layout.addWidget(self.steps, 1)
        layout.addWidget(QLabel(tr("Det här görs för hand, där Insyn inte kan ändra systemet:")))
        self.manual = _table("manual_actions", [tr("System"), tr("Vad som görs"), tr("Läge"), tr("Så här")], stretch=3)
        self.manual.setAccessibleName(tr("Åtgärder som görs för hand"))
        layout.addWidget(self.manual, 1)
        self.manual_button = QPushButton(tr("Markerad åtgärd är gjord …"))
        self.manual_button.setObjectName("manual_action_done")
        self.manual_button.setToolTip(tr("Registrera vem som gjorde den markerade åtgärden och hur"))
        layout.addWidget(self.manual_button)
        layout.addWidget(QLabel(tr("Det här sparas, och varför:")))
        self.holds = _table(
            "action_holds", [tr("System"), tr("Sparas"), tr("Uppgifter"), tr("Skäl"), tr("Till")], stretch=3
        )
        self.holds.setAccessibleName(tr("Uppgifter som sparas och skälet"))
        layout.addWidget(self.holds, 1)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(tr("Förhandsgranska (F6)"))
        self.preview_button.setObjectName("actions_preview")
        self.preview_button.setShortcut("F6")
        self.preview_button.setToolTip(tr("Räkna vad som ändras i varje system och vad som sparas; inget ändras"))
        self.run_button = QPushButton(tr("Godkänn och genomför …"))
        self.run_button.setObjectName("actions_run")
        self.run_button.setToolTip(tr("En granskare godkänner förhandsgranskningen; sedan ändras systemen"))
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(tr("Mottagare som ska få besked (artikel 19):")))
        self.recipients = _table("action_recipients", [tr("System"), tr("Mottagare")])
        self.recipients.setAccessibleName(tr("Mottagare som ska få besked"))
        layout.addWidget(self.recipients, 1)
        self.inform_button = QPushButton(tr("Markerad mottagare har fått besked …"))
        self.inform_button.setObjectName("recipient_informed")
        self.inform_button.setToolTip(tr("Registrera hur den markerade mottagaren fick beskedet"))
        layout.addWidget(self.inform_button)
        self.preview_button.clicked.connect(self.preview)
        self.run_button.clicked.connect(self.approve_and_run)
        self.inform_button.clicked.connect(self.inform_selected)
        self.manual_button.clicked.connect(self.confirm_selected)
        self.update_actions()

    # State ---------------------------------------------------------------------------------

    def set_visit(self, visit: Visit | None) -> None:
        self.visit = visit
        self.plan = None
        self.new_values = None
        self.steps.setRowCount(0)
        self.holds.setRowCount(0)
        self.show_manual()
        self.show_recipients()
        self.update_actions()

    def update_actions(self) -> None:
        visit = self.visit
        something = visit is not None and visit.rights_to_carry_out(self.new_values)
        self.preview_button.setEnabled(visit is not None and visit.result is not None and not self.busy)
        self.run_button.setEnabled(self.plan is not None and something and not self.busy)
        self.inform_button.setEnabled(self.recipients.rowCount() > 0)
        self.manual_button.setEnabled(any(m.done is False for m in self._manual_steps()))

    # Preview ---------------------------------------------------------------------------------

    def preview(self) -> None:
        visit = self.visit
        if visit is None or self.busy:
            return
        fields = visit.rectification_fields()
        if fields:  # a rectification: the corrected values first; a field left empty is not corrected
            values = self.ask_new_values(fields)
            if values is None:
                return
            self.new_values = values
        self.busy = True
        self.summary.setText(tr("Räknar i systemen …"))
        self.update_actions()
        run_task(lambda: visit.actions_preview(self.new_values), self._previewed, self._failed)

    def ask_new_values(self, fields: list[ActionStep]) -> dict[str, str] | None:
        """The corrected value of each field the visitor wants corrected; tests replace this."""
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Rättelse"))
        form = QFormLayout(dialog)
        form.addRow(QLabel(tr("Skriv det rätta värdet för det som ska rättas. Lämna resten tomt.")))
        names = self.visit.source_names() if self.visit is not None else {}
        edits = {}
        for field in fields:
            edit = QLineEdit(self.new_values.get(field.key, "") if self.new_values else "")
            edit.setAccessibleName(field.field)
            form.addRow(f"{field.field} ({names.get(field.source_id, field.source_id)})", edit)
            edits[field.key] = edit
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if not dialog.exec():
            return None
        return {key: edit.text() for key, edit in edits.items() if edit.text().strip()}

    def _previewed(self, plan: Plan) -> None:
        self.busy = False
        self.plan = plan
        self.show_steps(list(plan.steps), preview=True)
        self.show_holds(plan.holds)
        self.summary.setText(tr("Förhandsgranskning: inget är ändrat. Godkänn för att genomföra."))
        self.update_actions()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.summary.setText("")
        self.update_actions()
        error_box(self, service_message(exc) if isinstance(exc, Exception) else str(exc))

    def show_steps(self, steps: list[ActionStep], *, preview: bool) -> None:
        names = self.visit.source_names() if self.visit is not None else {}
        self.steps.setRowCount(0)
        for step in steps:
            row = self.steps.rowCount()
            self.steps.insertRow(row)
            rows = "" if step.rows is None else str(step.rows)
            for column, value in enumerate(
                [names.get(step.source_id, step.source_id), step.title, rows, step_state(step, preview=preview)]
            ):
                self.steps.setItem(row, column, QTableWidgetItem(value))

    def show_holds(self, holds: tuple[HoldStep, ...]) -> None:
        names = self.visit.source_names() if self.visit is not None else {}
        self.holds.setRowCount(0)
        for hold in holds:
            row = self.holds.rowCount()
            self.holds.insertRow(row)
            kept = "" if hold.kept is None else str(hold.kept)
            values = [names.get(hold.source_id, hold.source_id), hold.title, kept, hold.ground, hold_until(hold)]
            for column, value in enumerate(values):
                self.holds.setItem(row, column, QTableWidgetItem(value))

    # Approve and run -----------------------------------------------------------------------

    def approve_and_run(self) -> None:
        visit = self.visit
        if visit is None or self.plan is None:
            return
        try:
            if visit.signer_needed(Signer.ACTIONS):
                if not self.ask_approval():
                    return
            else:
                visit.approve_actions(new_values=self.new_values)
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        self.plan = None
        self.busy = True
        self.summary.setText(tr("Genomför i systemen och söker i dem igen …"))
        self.update_actions()
        run_task(visit.act, self._acted, self._failed)

    def _acted(self, steps: list[ActionStep]) -> None:
        """Carried out, and the changed systems searched again: what is left that no hold covers
        is said here, and the case owes it."""
        self.busy = False
        self.show_steps(steps, preview=False)
        failed = [s for s in steps if s.failed]
        lines = [
            tr("Genomfört i systemen.")
            if not failed
            else tr("Några system kunde inte ändras och är kvar att göra (%1).").replace("%1", str(len(failed)))
        ]
        names = self.visit.source_names() if self.visit is not None else {}
        for source_id, left in self.visit.erasure_incomplete() if self.visit is not None else []:
            name = names.get(source_id, source_id)
            if left is None:
                lines.append(tr("%1 kunde inte sökas igen efter raderingen: samla in igen (F5).").replace("%1", name))
                continue
            lines.append(
                tr(
                    "Raderingen är inte helt genomförd i %1: %Ln uppgifter finns kvar som inget skäl att spara "
                    "omfattar.",
                    None,
                    left,
                ).replace("%1", name)
            )
        self.summary.setText(" ".join(lines))
        self.show_recipients()
        self.update_actions()
        self.changed.emit()

    def approval_lines(self) -> list[str]:
        """What the approver approves: each system's change and each hold, as counted."""
        assert self.plan is not None
        names = self.visit.source_names() if self.visit is not None else {}
        lines = [
            f"{names.get(s.source_id, s.source_id)}: {s.title} – "
            + (tr("%Ln uppgifter", None, s.rows) if s.rows is not None else tr("tjänsten anropas"))
            for s in self.plan.steps
            if not s.missing and not s.problem
        ]
        lines += [
            f"{names.get(h.source_id, h.source_id)}: " + tr("sparas: %1").replace("%1", h.title) + f" ({h.kept})"
            for h in self.plan.holds
            if h.kept
        ]
        return lines

    def ask_approval(self) -> bool:
        """The approver signs with their own password; tests replace this."""
        assert self.visit is not None
        visit = self.visit
        dialog = SignInDialog(
            visit.desk,
            self,
            title=tr("Godkännande av åtgärder"),
            purpose="approval",
            attempt=lambda username, password: visit.approve_actions(username, password, self.new_values),
            action_label=tr("Godkänn"),
            summary=self.approval_lines(),
        )
        return bool(dialog.exec())

    # Done by a person ----------------------------------------------------------------------

    def _manual_steps(self) -> list[ManualStep]:
        return self.visit.manual_actions() if self.visit is not None else []

    def show_manual(self) -> None:
        self.manual.setRowCount(0)
        for step in self._manual_steps():
            row = self.manual.rowCount()
            self.manual.insertRow(row)
            system = QTableWidgetItem(step.source_name)
            state = tr("Gjort") if step.done else tr("Ska göras")
            for column, item in enumerate([system, QTableWidgetItem(step.title), QTableWidgetItem(state),
                                           QTableWidgetItem(step.instructions)]):  # fmt: skip
                self.manual.setItem(row, column, item)

    def ask_note(self, title: str) -> str | None:
        """Who did it and how, in staff's words; tests replace this."""
        question = tr("Vad gjordes, och av vem? (%1)").replace("%1", title)
        note, ok = QInputDialog.getText(self, tr("Åtgärd gjord för hand"), question)
        return note if ok else None

    def confirm_selected(self) -> None:
        visit = self.visit
        row = self.manual.currentRow()
        steps = self._manual_steps()
        owed = [r for r, step in enumerate(steps) if not step.done]
        if row < 0 and len(owed) == 1:
            row = owed[0]
        if visit is None or not 0 <= row < len(steps):
            return
        step = steps[row]
        note = self.ask_note(step.title)
        if note is None:
            return
        try:
            visit.confirm_manual_action(step.source_id, step.key, note)
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        self.show_manual()
        self.show_recipients()
        self.changed.emit()

    # Recipients (Art. 19) ----------------------------------------------------------------

    def show_recipients(self) -> None:
        self.recipients.setRowCount(0)
        if self.visit is None:
            return
        names = self.visit.source_names()
        for source_id, recipient in self.visit.recipients_owed():
            row = self.recipients.rowCount()
            self.recipients.insertRow(row)
            system = QTableWidgetItem(names.get(source_id, source_id))
            system.setData(Qt.ItemDataRole.UserRole, source_id)  # the source id behind the name
            self.recipients.setItem(row, 0, system)
            self.recipients.setItem(row, 1, QTableWidgetItem(recipient))
        self.update_actions()

    def ask_how(self, recipient: str) -> str | None:
        """How the recipient was told, in staff's words; tests replace this."""
        question = tr("Hur fick %1 beskedet (e-post, portal, brev …)?").replace("%1", recipient)
        how, ok = QInputDialog.getText(self, tr("Besked till mottagare"), question)
        return how if ok else None

    def inform_selected(self) -> None:
        visit = self.visit
        row = self.recipients.currentRow()
        if visit is None or row < 0:
            if self.recipients.rowCount() == 1:
                row = 0
            else:
                return
        source_item, recipient_item = self.recipients.item(row, 0), self.recipients.item(row, 1)
        if visit is None or source_item is None or recipient_item is None:
            return
        how = self.ask_how(recipient_item.text())
        if how is None:
            return
        try:
            visit.recipient_informed(str(source_item.data(Qt.ItemDataRole.UserRole)), recipient_item.text(), how)
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        self.show_recipients()
        self.changed.emit()
