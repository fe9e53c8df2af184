"""Starting the desk window: the Qt application, the register, and the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget
from sqlalchemy import func, select

from desktop import __version__
from desktop.register.db import Register, RegisterError, open_register
from desktop.register.models import Case


class MainWindow(QMainWindow):
    """The desk's window. For now it shows the register's state; the visit flow comes next."""

    def __init__(self, register: Register) -> None:
        super().__init__()
        self.register = register
        self.setWindowTitle(self.tr("Insyn – registerutdrag vid disken"))
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = QLabel(self.tr("Insyn"))
        heading.setStyleSheet("font-size: 28px; font-weight: 600;")
        layout.addWidget(heading)
        self.status_label = QLabel()
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addWidget(QLabel(self.tr("Version %1").replace("%1", __version__)))
        body.setContentsMargins(32, 32, 32, 32)
        self.setCentralWidget(body)
        self.resize(900, 600)
        self.refresh()

    def refresh(self) -> None:
        with self.register.sessions() as session:
            count = session.execute(select(func.count(Case.id))).scalar_one()
        self.status_label.setText(self.tr("Ärenden i registret: %1").replace("%1", str(count)))
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def run_gui(*, register_url: str | None, demo: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Insyn")
    try:
        register = open_register(register_url)
    except RegisterError as exc:
        QMessageBox.critical(None, "Insyn", str(exc))
        return 2
    window = MainWindow(register)
    window.show()
    try:
        return app.exec()
    finally:
        register.dispose()
