"""The idle lock: a watcher for keyboard and mouse activity, and the screen shown while locked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.ui.common import heading, tr

if TYPE_CHECKING:
    from desktop.services.desk import Desk


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
    sign_out = Signal()  # "Byt användare" / "Logga ut": the next person signs in

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
        self.sign_out_button = QPushButton(tr("Byt användare / logga ut"))
        self.sign_out_button.setObjectName("sign_out")
        self.sign_out_button.setToolTip(tr("Ärendet som var öppet stängs; nästa person loggar in."))
        self.sign_out_button.clicked.connect(self.sign_out)
        layout.addWidget(self.sign_out_button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)

    def lock_for(self, username: str, display_name: str) -> None:
        self.username = username
        self.who.setText(tr("Inloggad: %1 – skriv ditt lösenord för att fortsätta.").replace("%1", display_name))
        self.problem.clear()
        self.password.clear()
        self.password.setFocus()

    def try_unlock(self) -> None:
        from desktop.services.staff import SignInFailed, sign_in
        from desktop.ui.auth import sign_in_problem

        try:
            sign_in(self.desk, self.username, self.password.text(), purpose="unlock")
        except SignInFailed as exc:
            self.problem.setText(tr("Fel lösenord.") if exc.code == "wrong" else sign_in_problem(exc))
            self.password.clear()
            return
        self.password.clear()
        self.unlocked.emit()
