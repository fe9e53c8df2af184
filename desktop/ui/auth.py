"""Signing in, the first administrator, the approver's countersignature, and the idle lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.ui.common import heading, tr

if TYPE_CHECKING:  # the services import SQLAlchemy: loaded in the background at start
    from desktop.register.models import Staff
    from desktop.services.desk import Desk


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
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._waiting = False
        self.purpose = purpose
        self.staff: Staff | None = None
        self.setWindowTitle(title or tr("Logga in – Insyn"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title or tr("Logga in")))
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Logga in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Avbryt"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def set_desk(self, desk: Desk) -> None:
        """The register is open: a sign-in typed while it was loading goes ahead now."""
        self.desk = desk
        self.problem.clear()
        if self._waiting:
            self._waiting = False
            self.try_sign_in()

    def try_sign_in(self) -> None:
        from desktop.services.staff import SignInFailed, sign_in

        if self.desk is None:
            self._waiting = True
            self.problem.setText(tr("Insyn startar – du loggas in strax."))
            return
        try:
            self.staff = sign_in(self.desk, self.username.text(), self.password.text(), purpose=self.purpose)
        except SignInFailed:
            self.problem.setText(tr("Fel användarnamn eller lösenord."))
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
        create.clicked.connect(self.create)
        layout.addWidget(create)

    def create(self) -> None:
        from desktop.services.staff import create_account

        if self.password.text() != self.repeat.text():
            self.problem.setText(tr("Lösenorden är inte lika."))
            return
        roles = ["admin", "reception"] + (["approver"] if self.also_approver.isChecked() else [])
        try:
            create_account(
                self.desk, self.username.text(), self.display_name.text(), roles, self.password.text(), by_staff_id=None
            )
        except UserError as exc:
            text = str(exc)
            self.problem.setText(
                tr("Lösenordet måste ha minst 8 tecken.")
                if "password" in text
                else tr("Fyll i alla fält.")
                if "needed" in text
                else tr("Användarnamnet finns redan.")
            )
            return
        self.accept()


class IdleWatcher(QObject):
    """Emits `idle` when no key or mouse event has reached the application for a while."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.idle)
        self.timer.start()

    _ACTIVITY = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
            QEvent.Type.TouchBegin,
        }
    )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


class LockScreen(QWidget):
    """Shown over everything when the desk is locked: no personal data, only how to unlock."""

    unlocked = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.username = ""
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = heading(tr("Insyn är låst"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.who = QLabel()
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.who)
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("Lösenord"))
        self.password.setMaximumWidth(320)
        self.password.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.password, alignment=Qt.AlignmentFlag.AlignCenter)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.problem)
        layout.addStretch(2)

    def lock_for(self, username: str, display_name: str) -> None:
        self.username = username
        self.who.setText(tr("Inloggad: %1 – skriv ditt lösenord för att fortsätta.").replace("%1", display_name))
        self.problem.clear()
        self.password.clear()
        self.password.setFocus()

    def try_unlock(self) -> None:
        from desktop.services.staff import SignInFailed, sign_in

        try:
            sign_in(self.desk, self.username, self.password.text(), purpose="unlock")
        except SignInFailed:
            self.problem.setText(tr("Fel lösenord."))
            self.password.clear()
            return
        self.password.clear()
        self.unlocked.emit()
