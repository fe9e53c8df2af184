"""Starting the desk program: the sign-in window at once, the rest loaded behind it.

The first window a receptionist needs is the sign-in, so it is shown as soon as Qt is up; the
configuration, the register (with its migrations) and the heavy libraries load on a worker
meanwhile, and a sign-in typed before they are ready goes ahead when they are. Only PySide6 and
light modules are imported here at start.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.errors import UserError, where
from desktop.resources import resource_path
from desktop.ui.auth import FirstAdminDialog, SignInDialog
from desktop.ui.common import STYLE, tr
from desktop.ui.workers import run_task

if TYPE_CHECKING:
    from desktop.services.desk import Desk
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def demo_config() -> Path:
    """The demo organisation in the user data folder, created on first use."""
    import platformdirs

    from desktop.services.demo import create_demo

    folder = Path(platformdirs.user_data_dir("Insyn", appauthor=False)) / "demo"
    config = folder / "insyn-demo.toml"
    if not config.exists():
        create_demo(folder)
    return config


_translators: list[QTranslator] = []  # the one installed, if any (findChildren costs ~25 ms at start)


def install_translator(app: QApplication, language: str) -> None:
    """Swedish is the source language; English comes from resources/i18n/insyn_en.qm. Qt's own
    dialogs (print, file, Yes/No, OK/Cancel) speak the same language through Qt's catalogue
    (qtbase_sv.qm, shipped with PySide6 and bundled by PyInstaller's PySide6 hook)."""
    from PySide6.QtCore import QLibraryInfo, QLocale

    while _translators:
        old = _translators.pop()
        app.removeTranslator(old)
        old.deleteLater()
    # Numbers in counts (%Ln) grouped as the language writes them: 8 767 / 8,767.
    QLocale.setDefault(QLocale("sv_SE" if language != "en" else "en_GB"))
    if language != "en":
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _translators.append(qt_own)
        counts = QTranslator(app)  # the Swedish singular and plural of every count
        if counts.load(str(resource_path("i18n", "insyn_sv.qm"))):
            app.installTranslator(counts)
            _translators.append(counts)
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("i18n", f"insyn_{language}.qm"))):
        app.installTranslator(translator)
        _translators.append(translator)


def open_window(
    app: QApplication, desk: Desk, staff: Any, language: str, on_sign_out: Callable[[], None] | None = None
) -> MainWindow:
    """The main window in `language`; switching language builds a fresh one (the case list)."""
    from desktop.ui.main_window import MainWindow

    install_translator(app, language)
    QSettings("Insyn", "Insyn").setValue("language", language)
    window = MainWindow(desk, staff)
    if on_sign_out is not None:
        window.signed_out.connect(on_sign_out)

    def switch(new_language: str) -> None:
        on_case = window.stack.currentWidget() is window.case and window.case.visit is not None
        visit = window.case.release() if on_case else None
        if on_case and visit is None:
            window.statusBar().showMessage(tr("Byt språk när insamlingen eller utskriften är klar."), 8000)
            return
        tab = window.case.tabs.currentIndex()
        replacement = open_window(app, desk, staff, new_language, on_sign_out)
        replacement.setGeometry(window.geometry())
        if visit is not None:  # the open case goes along, data and decisions included
            replacement.stack.setCurrentWidget(replacement.case)
            replacement.case.adopt(visit, tab)
        replacement.show()
        window.close()
        window.deleteLater()

    window.language_requested.connect(switch)
    return window


def load_desk(config: str | None, demo: bool, register_url: str | None, verbose: bool = False) -> tuple[Desk, bool]:
    """On a worker: the log, the configuration, the register and the heavy modules the window needs."""
    from desktop.logs import configure_logging

    configure_logging(verbose)
    from desktop.services.desk import find_config, open_desk
    from desktop.services.staff import needs_first_admin

    path = str(demo_config()) if demo and not config else find_config(config)
    if path is None:
        raise UserError(tr("Ingen konfiguration: starta med --config SÖKVÄG eller --demo."))
    desk = open_desk(path, register_url=register_url)
    import desktop.ui.main_window  # noqa: F401 - loaded now so that the window opens at once
    from desktop.services.casework import warm_up

    if not warm_up(desk):
        log.warning("extracts will be rendered in the program's own process")
    purge_at_start(desk)
    settle_memory()
    return desk, needs_first_admin(desk)


def settle_memory() -> None:
    """What start-up loaded (Qt, SQLAlchemy, the configuration, the sources) lives as long as the
    program: it is moved out of the cycle collector's sight (gc.freeze), so that a gather's
    thousands of new records do not make it walk all of that again and again (a 8,767-row
    gather spent more time there than building the records). Garbage is collected first, so
    nothing left from start (no visitor's data is loaded by then) is kept for good."""
    gc.collect()
    gc.freeze()


def purge_at_start(desk: Desk) -> None:
    """The register's own retention, on the worker that opens the desk: cases that ended more
    than keep_closed_cases_years ago lose their personal data (audited with counts only). A
    failure is logged and the desk opens anyway; IT can run `insyn register purge`."""
    from desktop.services import retention

    try:
        report = retention.purge_at_start(desk)
    except Exception as exc:  # noqa: BLE001 - retention must never stop the desk from opening
        log.warning("the register's retention purge failed at start: %s", type(exc).__name__)
        return
    if report.cases:
        log.info("retention: %d ended cases purged", report.cases)


def unexpected_error_text(exc: BaseException) -> str:
    """What staff read when something nobody expected went wrong on the window's thread."""
    from desktop.services.desk import register_unreachable  # loaded with the register by then

    if register_unreachable(exc):
        return tr("Ärenderegistret svarar inte just nu. Det som sparats finns kvar; försök igen om en stund.")
    return tr("Något gick fel i Insyn. Det som sparats finns kvar; försök igen. Fortsätter det, kontakta IT.")


def install_error_hook() -> None:
    """An exception nobody caught on the window's thread: logged as its type and where (never its
    text, which can quote a visitor's data), and told to staff in Swedish; the window goes on."""
    showing: list[bool] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error %s at %s", kind.__name__, where(exc))
        if os.environ.get("INSYN_DEBUG"):
            sys.__excepthook__(kind, exc, tb)
        if showing:  # an error while telling about an error: the log has it
            return
        showing.append(True)
        try:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(QApplication.activeWindow(), "Insyn", unexpected_error_text(exc))
        finally:
            showing.clear()

    sys.excepthook = hook


class Startup:
    """The steps of a start: sign-in shown, desk loaded, maybe the first admin, main window."""

    def __init__(self, app: QApplication, language: str, *, exit_when_ready: bool) -> None:
        self.app = app
        self.language = language
        self.exit_when_ready = exit_when_ready
        self.desk: Desk | None = None
        self.window: MainWindow | None = None
        self.code = 0
        self.sign_in = SignInDialog(None)
        self.sign_in.accepted.connect(self.signed_in)
        self.sign_in.rejected.connect(self.app.quit)

    def start(self, config: str | None, demo: bool, register_url: str | None, verbose: bool = False) -> None:
        self.sign_in.show()

        def begin_loading() -> None:
            # Once the event loop runs the window is interactive; only then start the load, so
            # that it does not compete with painting the first window.
            if self.exit_when_ready:  # for benchmarks and smoke tests: report the first window
                print("ready", flush=True)
            run_task(lambda: load_desk(config, demo, register_url, verbose), self.loaded, self.failed)

        QTimer.singleShot(0, begin_loading)

    def loaded(self, loaded: tuple[Desk, bool]) -> None:
        self.desk, needs_admin = loaded
        if self.exit_when_ready:
            print("loaded", flush=True)
            print("renderer: " + ("child process" if self.desk.renderer.separate else "own process"), flush=True)
            self.app.quit()
            return
        if needs_admin:
            self.sign_in.hide()
            if FirstAdminDialog(self.desk).exec() != FirstAdminDialog.DialogCode.Accepted:
                self.app.quit()
                return
            self.sign_in.show()
        self.sign_in.set_desk(self.desk)

    def failed(self, exc: BaseException) -> None:
        self.sign_in.hide()
        # What stops the start is IT's to fix (the configuration, the register): their words follow.
        text = (
            tr("Insyn kunde inte starta. Visa detta för IT:") + "\n\n" + str(exc)
            if isinstance(exc, UserError)
            else tr("Insyn kunde inte starta; se loggen.")
        )
        if self.exit_when_ready:
            print(f"failed: {text}", flush=True)
        else:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "Insyn", text)
        self.code = 2
        self.app.quit()

    def signed_in(self) -> None:
        assert self.desk is not None and self.sign_in.staff is not None
        self.window = open_window(self.app, self.desk, self.sign_in.staff, self.language, self.signed_out)
        self.window.show()

    def signed_out(self) -> None:
        """Back to the sign-in for the next person; the window (whichever language it was
        rebuilt in) and its data go."""
        from desktop.ui.main_window import MainWindow

        self.sign_in.staff = None
        self.sign_in.username.clear()
        self.sign_in.password.clear()
        self.sign_in.problem.clear()
        self.sign_in.show()  # first, so that closing the window does not end the program
        self.sign_in.username.setFocus()
        self.window = None
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow):
                window.close()
                window.deleteLater()


def run_gui(
    *,
    register_url: str | None,
    demo: bool,
    config: str | None = None,
    language: str | None = None,
    verbose: bool = False,
) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Insyn")
    app.setWindowIcon(QIcon(str(resource_path("icons", "insyn-256.png"))))
    app.setStyleSheet(STYLE)
    app.setQuitOnLastWindowClosed(True)
    install_error_hook()
    language = language or os.environ.get("INSYN_LANG") or str(QSettings("Insyn", "Insyn").value("language", "sv"))
    QLocale.setDefault(QLocale("sv_SE" if language == "sv" else "en_GB"))  # by name: no enum built at start
    install_translator(app, language)
    startup = Startup(app, language, exit_when_ready=bool(os.environ.get("INSYN_EXIT_WHEN_READY")))
    startup.start(config, demo, register_url, verbose)
    try:
        code = app.exec()
    finally:
        if startup.desk is not None:
            startup.desk.close()
    result = startup.code or code
    if startup.exit_when_ready:
        # Smoke tests and benchmarks: everything is done and said; PySide's teardown at
        # interpreter exit has been seen to crash (-11) under load after that, turning a
        # finished run into a failed one. Flush and leave without it.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(result)
    return result
