"""Starting the desk program: the configuration, the register, the first administrator,
signing in, and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.errors import UserError
from desktop.resources import resource_path
from desktop.services.desk import Desk, open_desk
from desktop.services.staff import needs_first_admin
from desktop.ui.auth import FirstAdminDialog, SignInDialog
from desktop.ui.common import tr
from desktop.ui.main_window import MainWindow


def demo_config() -> Path:
    """The demo organisation in the user data folder, created on first use."""
    from desktop.services.demo import create_demo

    folder = Path(platformdirs.user_data_dir("Insyn", appauthor=False)) / "demo"
    config = folder / "insyn-demo.toml"
    if not config.exists():
        create_demo(folder)
    return config


def install_translator(app: QApplication, language: str) -> None:
    """Swedish is the source language; English comes from resources/i18n/insyn_en.qm."""
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    if language == "sv":
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("i18n", f"insyn_{language}.qm"))):
        app.installTranslator(translator)


def open_window(app: QApplication, desk: Desk, staff, language: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window in `language`; switching language builds a fresh one (the case list)."""
    install_translator(app, language)
    QSettings("Insyn", "Insyn").setValue("language", language)
    window = MainWindow(desk, staff)

    def switch(new_language: str) -> None:
        if window.case.result is not None:
            return  # never rebuild while a visitor's data is on screen
        replacement = open_window(app, desk, staff, new_language)
        replacement.setGeometry(window.geometry())
        replacement.show()
        window.close()
        window.deleteLater()

    window.language_requested.connect(switch)
    return window


def run_gui(*, register_url: str | None, demo: bool, config: str | None = None, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Insyn")
    language = language or os.environ.get("INSYN_LANG") or str(QSettings("Insyn", "Insyn").value("language", "sv"))
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if language == "sv" else QLocale.Language.English))
    install_translator(app, language)
    try:
        path = config or os.environ.get("INSYN_CONFIG") or (str(demo_config()) if demo else None)
        if path is None:
            raise UserError(tr("Ingen konfiguration: starta med --config SÖKVÄG eller --demo."))
        desk: Desk = open_desk(path, register_url=register_url)
    except UserError as exc:
        QMessageBox.critical(None, "Insyn", str(exc))
        return 2
    try:
        if needs_first_admin(desk) and FirstAdminDialog(desk).exec() != FirstAdminDialog.DialogCode.Accepted:
            return 0
        sign_in = SignInDialog(desk)
        if sign_in.exec() != SignInDialog.DialogCode.Accepted or sign_in.staff is None:
            return 0
        window = open_window(app, desk, sign_in.staff, language)
        window.show()
        return app.exec()
    finally:
        desk.close()
