"""Where an answer by post goes: the visitor's address in the population register.

Shown on the case's overview only where no ID was shown at the desk. Staff type the address, or
confirm one a system holds (offered after the gather, from the columns the configuration names);
the Visit checks it and keeps it with the case. Nothing is posted until it is there.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.errors import UserError
from desktop.services.visit import Visit
from desktop.ui.common import service_message, tr
from desktop.ui.fields import address_edit


class AddressBox(QGroupBox):
    changed = Signal()  # the address was kept: the case shows it, a preview is made again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Svaret skickas per post till"), parent)
        self.setObjectName("postal_address_box")
        self.visit: Visit | None = None
        layout = QVBoxLayout(self)
        self.current = QLabel()
        self.current.setObjectName("postal_address_current")
        self.current.setWordWrap(True)
        self.current.setAccessibleName(tr("Adressen svaret skickas till"))
        layout.addWidget(self.current)
        self.proposals = QVBoxLayout()
        layout.addLayout(self.proposals)
        self.edit = address_edit(tr("Gatuadress\n123 45 Ort"))
        layout.addWidget(self.edit)
        row = QHBoxLayout()
        self.save = QPushButton(tr("Spara adressen"))
        self.save.setObjectName("save_address")
        self.save.setToolTip(tr("Adressen i folkbokföringen, som besökaren uppgav den; den står på brev och utdrag"))
        self.save.clicked.connect(self.keep_typed)
        row.addWidget(self.save)
        row.addStretch(1)
        layout.addLayout(row)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.setVisible(False)

    def show_visit(self, visit: Visit | None) -> None:
        self.visit = visit
        postal = visit is not None and visit.postal
        self.setVisible(postal)
        if not postal or visit is None:
            return
        lines = visit.file.postal_address
        if lines:
            self.current.setObjectName("ok")
            self.current.setText("\n".join([visit.file.subject_name, *lines]))
        else:
            self.current.setObjectName("warning")
            self.current.setText(
                tr("Ingen adress ännu. Skriv adressen i folkbokföringen nedan, eller bekräfta en adress som "
                   "systemen har (efter insamlingen).")
            )  # fmt: skip
        self.current.setStyleSheet("")
        open_case = visit.status.is_open
        self.edit.setEnabled(open_case)
        self.save.setEnabled(open_case)
        self.save.setText(tr("Ändra adressen") if lines else tr("Spara adressen"))
        while self.proposals.count():
            item = self.proposals.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone at once, not when the event loop gets to it
                widget.deleteLater()
        for proposal in visit.address_proposals() if open_case else []:
            if proposal.lines == lines:
                continue  # that one is kept already
            button = QPushButton(
                tr("Använd adressen i %1: %2")
                .replace("%1", proposal.source_name)
                .replace("%2", ", ".join(proposal.lines))
            )
            button.setObjectName("use_address")
            button.setToolTip(tr("Kontrollera adressen med besökaren innan du använder den"))
            button.clicked.connect(lambda _=False, p=proposal: self._keep("\n".join(p.lines), p.source_id))
            self.proposals.addWidget(button)

    def keep_typed(self) -> None:
        self._keep(self.edit.toPlainText(), None)

    def _keep(self, text: str, source_id: str | None) -> None:
        if self.visit is None:
            return
        try:
            self.visit.set_postal_address(text, source_id=source_id)
        except UserError as exc:
            self.problem.setText(service_message(exc))
            return
        self.problem.clear()
        self.edit.clear()
        self.changed.emit()
