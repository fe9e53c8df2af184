"""Staff accounts, for administrators: add a person with roles, set a new password, deactivate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services.staff import MIN_PASSWORD_LENGTH
from desktop.ui.common import error_box, heading, read_only_table, role_labels, service_message, tr

if TYPE_CHECKING:
    from desktop.core.staff import StaffMember
    from desktop.services.desk import Desk


class StaffDialog(QDialog):
    def __init__(self, desk: Desk, admin: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.admin = admin
        self.admin_id = admin.id
        self.setWindowTitle(tr("Personal – Insyn"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Personal")))
        self.table = read_only_table(
            "staff_table", [tr("Användarnamn"), tr("Namn"), tr("Roller"), tr("Aktiv"), tr("Låst")]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        form_box = QWidget()
        form = QFormLayout(form_box)
        self.username = QLineEdit()
        self.username.setObjectName("new_username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("new_display_name")
        self.password = QLineEdit()
        self.password.setObjectName("new_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        roles_row = QHBoxLayout()
        self.roles: dict[str, QCheckBox] = {}
        for value, label in role_labels().items():
            box = QCheckBox(label)
            box.setObjectName(f"role_{value}")
            self.roles[value] = box
            roles_row.addWidget(box)
        self.roles["reception"].setChecked(True)
        form.addRow(tr("Användarnamn"), self.username)
        form.addRow(tr("Namn"), self.display_name)
        form.addRow(tr("Lösenord (minst %1 tecken)").replace("%1", str(MIN_PASSWORD_LENGTH)), self.password)
        form.addRow(tr("Roller"), roles_row)
        layout.addWidget(form_box)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        add = QPushButton(tr("Lägg till"))
        add.setObjectName("add_staff")
        password = QPushButton(tr("Nytt lösenord …"))
        toggle = QPushButton(tr("Aktivera / inaktivera"))
        roles_button = QPushButton(tr("Ge markerade roller"))
        roles_button.setObjectName("set_roles")
        roles_button.setToolTip(tr("Den valda personen får rollerna som är ikryssade ovan."))
        unlock = QPushButton(tr("Lås upp"))
        unlock.setObjectName("unlock_account")
        unlock.setToolTip(tr("Kontot låstes efter för många felaktiga lösenord."))
        close = QPushButton(tr("Stäng"))
        for button in (add, password, toggle, roles_button, unlock):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        add.clicked.connect(self.add)
        password.clicked.connect(self.new_password)
        toggle.clicked.connect(self.toggle_active)
        roles_button.clicked.connect(self.set_roles)
        unlock.clicked.connect(self.unlock)
        close.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        from desktop.services.staff import list_staff

        labels = role_labels()
        self.accounts = list_staff(self.desk)
        self.table.setRowCount(len(self.accounts))
        for row, (_id, username, name, roles, active, locked) in enumerate(self.accounts):
            role_text = ", ".join(labels.get(r, r) for r in roles.split(",") if r)
            cells = (username, name, role_text, tr("ja") if active else tr("nej"), tr("låst") if locked else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _selected(self) -> int | None:
        row = self.table.currentRow()
        return self.accounts[row][0] if 0 <= row < len(self.accounts) else None

    def add(self) -> None:
        from desktop.services.staff import create_account

        roles = [value for value, box in self.roles.items() if box.isChecked()]
        if not roles:
            self.problem.setText(tr("Välj minst en roll."))
            return
        try:
            create_account(self.desk, self.username.text(), self.display_name.text(), roles, self.password.text(),
                           by=self.admin)  # fmt: skip
        except UserError as exc:
            self.problem.setText(service_message(exc))
            return
        self.problem.clear()
        for field in (self.username, self.display_name, self.password):
            field.clear()
        self.reload()

    def new_password(self) -> None:
        from desktop.services.staff import set_password

        staff_id = self._selected()
        if staff_id is None:
            return
        password, ok = QInputDialog.getText(self, tr("Nytt lösenord"), tr("Nytt lösenord (minst 8 tecken):"),
                                            QLineEdit.EchoMode.Password)  # fmt: skip
        if ok:
            try:
                set_password(self.desk, staff_id, password, by=self.admin)
            except UserError:
                error_box(self, tr("Lösenordet måste ha minst 8 tecken."))

    def toggle_active(self) -> None:
        from desktop.services.staff import set_active

        row = self.table.currentRow()
        if not 0 <= row < len(self.accounts):
            return
        staff_id, active = self.accounts[row][0], self.accounts[row][4]
        try:
            set_active(self.desk, staff_id, not active, by=self.admin)
        except UserError:
            error_box(self, tr("Du kan inte inaktivera ditt eget konto."))
        self.reload()

    def set_roles(self) -> None:
        """The selected person gets the roles ticked in the form (audited)."""
        from desktop.services.staff import set_roles

        staff_id = self._selected()
        roles = [value for value, box in self.roles.items() if box.isChecked()]
        if staff_id is None or not roles:
            self.problem.setText(tr("Välj en person i listan och minst en roll."))
            return
        try:
            set_roles(self.desk, staff_id, roles, by=self.admin)
        except UserError:
            error_box(self, tr("Du kan inte ta administratörsrollen från dig själv."))
        self.reload()

    def unlock(self) -> None:
        from desktop.services.staff import unlock_account

        staff_id = self._selected()
        if staff_id is not None:
            unlock_account(self.desk, staff_id, by=self.admin)
            self.reload()
