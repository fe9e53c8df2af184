"""Signing in, the first administrator and the approver's countersignature.

This module is on the path to the first window: it imports only the Qt classes the sign-in
needs (touching `Qt` or `QEvent` costs ~40 ms at start; the idle lock is in `lock.py`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.ui.common import heading, service_message, tr

if TYPE_CHECKING:  # the services import SQLAlchemy: loaded in the background at start
    from desktop.core.staff import StaffMember
    from desktop.services.desk import Desk


SIGN_IN_CODES = ("wrong", "locked", "delayed")  # a refused password: said as `sign_in_problem` says it


def sign_in_problem(exc: Exception) -> str:
    """The Swedish message for a refused sign-in (the service's code, never its English text)."""
    code = getattr(exc, "code", "wrong")
    if code == "delayed":
        return tr("För många felaktiga lösenord. Försök igen om %1 sekunder.").replace(
            "%1", str(getattr(exc, "seconds", 1))
        )
    if code == "locked":
        return tr("Kontot är låst efter för många felaktiga lösenord. En administratör kan låsa upp det.")
    if code == "approval.not_approver":
        return tr("Den personen har inte rollen granskare.")
    if code == "approval.same_person":
        return tr("Utdraget måste godkännas av en annan person än den som lämnar ut det.")
    return tr("Fel användarnamn eller lösenord.")


class SignInDialog(QDialog):
    """User name and password; one message for every failure, so nothing is revealed."""

    def __init__(
        self,
        desk: Desk | None,
        parent: QWidget | None = None,
        *,
        title: str = "",
        purpose: str = "login",
        username: str = "",
        attempt: Callable[[str, str], Any] | None = None,
        action_label: str = "",
        summary: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._waiting = False
        self.purpose = purpose
        self.attempt = attempt  # what signing here does (the approval); default: sign in
        self.outcome: Any = None
        self.staff: StaffMember | None = None
        self.setWindowTitle(title or tr("Logga in – Insyn"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title or tr("Logga in")))
        if summary:  # what signing here approves, seen before the password is typed
            self.summary = QLabel("\n".join(summary))
            self.summary.setObjectName("approval_summary")
            self.summary.setWordWrap(True)
            from PySide6.QtCore import Qt  # its hundred enums are built when first touched: not at start

            self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            layout.addWidget(self.summary)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("Användarnamn"), self.username)
        form.addRow(tr("Lösenord"), self.password)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        layout.addWidget(self.problem)
        # Plain buttons rather than a QDialogButtonBox: combining its StandardButton flags builds
        # Python enum members, ~40 ms on the way to the first window. Esc rejects any QDialog.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.sign_in_button = QPushButton(action_label or tr("Logga in"))
        self.sign_in_button.setObjectName("sign_in")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        cancel = QPushButton(tr("Avbryt"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        (self.password if username else self.username).setFocus()

    def set_desk(self, desk: Desk) -> None:
        """The register is open: a sign-in typed while it was loading goes ahead now."""
        self.desk = desk
        self.problem.clear()
        if self._waiting:
            self._waiting = False
            self.try_sign_in()

    def lock_hint(self, exc: Exception) -> str:
        """After a wrong password, the organisation's rule for locking accounts (the same for
        every account, so it tells nothing about the one typed)."""
        if getattr(exc, "code", "") != "wrong" or self.desk is None:
            return ""
        policy = self.desk.policy
        return " " + tr("Efter %1 felaktiga lösenord i rad låses kontot i %2 minuter.").replace(
            "%1", str(policy.max_failed_sign_ins)
        ).replace("%2", str(policy.sign_in_lock_minutes))

    def try_sign_in(self) -> None:
        from desktop.services.staff import sign_in

        if self.desk is None and self.attempt is None:
            self._waiting = True
            self.problem.setText(tr("Insyn startar – du loggas in strax."))
            return
        try:
            if self.attempt is not None:
                self.outcome = self.attempt(self.username.text(), self.password.text())
            else:
                assert self.desk is not None
                self.staff = sign_in(self.desk, self.username.text(), self.password.text(), purpose=self.purpose)
        except UserError as exc:
            self.problem.setText(sign_in_problem(exc) + self.lock_hint(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.accept()


class FirstAdminDialog(QDialog):
    """The very first start: the administrator who will create everyone else's accounts."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(tr("Första start – Insyn"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Skapa den första administratören")))
        hint = QLabel(tr("Administratören lägger sedan upp konton för receptionen och granskarna."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.also_approver = QCheckBox(tr("Får även granska och lämna ut (granskare)"))
        form.addRow(tr("Användarnamn"), self.username)
        form.addRow(tr("Namn"), self.display_name)
        form.addRow(tr("Lösenord (minst 8 tecken)"), self.password)
        form.addRow(tr("Upprepa lösenordet"), self.repeat)
        form.addRow("", self.also_approver)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        layout.addWidget(self.problem)
        create = QPushButton(tr("Skapa administratör"))
        create.setObjectName("primary")
        create.clicked.connect(self.create_admin)
        layout.addWidget(create)

    def create_admin(self) -> None:
        from desktop.services.staff import create_account

        if self.password.text() != self.repeat.text():
            self.problem.setText(tr("Lösenorden är inte lika."))
            return
        roles = ["admin", "reception"] + (["approver"] if self.also_approver.isChecked() else [])
        try:
            create_account(
                self.desk, self.username.text(), self.display_name.text(), roles, self.password.text(), by=None
            )
        except UserError as exc:
            self.problem.setText(service_message(exc))
            return
        self.accept()
