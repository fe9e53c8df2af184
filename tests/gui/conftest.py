import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.staff import create_account, sign_in
from desktop.ui import deliver_view
from desktop.ui.auth import SignInDialog
from desktop.ui.main_window import MainWindow


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _no_print_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real print dialog would wait for a click that never comes: a test that reaches one
    without replacing `ask_printer` fails instead of hanging."""

    def refuse(*_args: object) -> None:
        raise AssertionError("a print dialog would open in a test; replace DeliverView.ask_printer")

    monkeypatch.setattr(deliver_view, "ask_printer", refuse)


@pytest.fixture(autouse=True)
def _fresh_settings(qapp) -> None:  # type: ignore[no-untyped-def]
    """Each test starts with the window's settings (text size, language, last folder) unset: Qt
    reads its settings folder once per process, so XDG_CONFIG_HOME per test does not separate them."""
    from PySide6.QtCore import QSettings

    QSettings("Insyn", "Insyn").clear()


@pytest.fixture(autouse=True)
def _swedish_window(qapp) -> None:  # type: ignore[no-untyped-def]
    """As the program starts in Swedish: Qt's own dialogs in Swedish, counts in Swedish singular
    and plural (insyn_sv.qm), numbers grouped the Swedish way."""
    from desktop.ui.app import install_translator

    install_translator(qapp, "sv")


@pytest.fixture(autouse=True)
def _possible_matches_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The question about undecided possible matches is a modal box: tests answer "leave them out"
    unless they replace it themselves."""
    from desktop.ui.case_page import CasePage

    monkeypatch.setattr(CasePage, "ask_leave_out_weak", lambda _self, _count: True)


@pytest.fixture(autouse=True)
def _a_mask_covers_its_own_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """The offer to mask the same value elsewhere is a modal box: tests answer "only here"
    unless they replace it themselves (tests/gui/test_decisions_kept.py)."""
    from desktop.ui.review_view import ReviewView

    monkeypatch.setattr(ReviewView, "ask_mask_everywhere", lambda _self, _elsewhere: False)


@pytest.fixture(autouse=True)
def _leaving_a_case_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leaving a case with an approved extract not handed over asks in a modal box: tests
    answer "leave" unless they replace it themselves (tests/gui/test_decisions_kept.py)."""
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "ask_leave_case", lambda _self: True)


PASSWORDS = {
    "disk1": "disk1-secret",
    "granskare": "granskare-secret",
    "disk2": "disk2-secret",
}  # QTest types ASCII only


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gui-demo")
    return create_demo(folder, people=200, seed=5).config_path


@pytest.fixture
def desk(world: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    desk = open_desk(world, register_url=f"sqlite:///{tmp_path / 'register.sqlite'}")
    create_account(desk, "chef", "IT-chefen", ["admin"], "chef-secret", by=None)  # the first administrator
    chef = sign_in(desk, "chef", "chef-secret")
    create_account(desk, "disk1", "Receptionen", ["reception"], PASSWORDS["disk1"], by=chef)
    create_account(desk, "disk2", "Disk två", ["reception"], PASSWORDS["disk2"], by=chef)
    create_account(desk, "granskare", "Granskaren", ["reception", "approver"], PASSWORDS["granskare"], by=chef)
    yield desk
    desk.close()


@pytest.fixture
def window(qtbot, desk):  # type: ignore[no-untyped-def]
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "disk1")
    qtbot.keyClicks(dialog.password, "wrong password")
    dialog.try_sign_in()
    assert dialog.staff is None and "Fel användarnamn eller lösenord" in dialog.problem.text()
    qtbot.keyClicks(dialog.password, PASSWORDS["disk1"])
    dialog.try_sign_in()
    assert dialog.staff is not None
    window = MainWindow(desk, dialog.staff)
    qtbot.addWidget(window)
    window.visit.print_receipt.setChecked(False)  # the whole visit turns it on with a file printer
    window.show()
    yield window
    window.case.drop_data()
    window.close()


CUPSD = shutil.which("cupsd") or ("/usr/sbin/cupsd" if Path("/usr/sbin/cupsd").exists() else None)


class Printer:
    """A network printer on 127.0.0.1: keeps the bytes of every job it is sent."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.jobs: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            chunks = []
            with connection:
                while chunk := connection.recv(65536):
                    chunks.append(chunk)
            self.jobs.append(b"".join(chunks))

    def wait_for(self, count: int, seconds: float = 20) -> list[bytes]:
        end = time.monotonic() + seconds
        while len(self.jobs) < count and time.monotonic() < end:
            time.sleep(0.05)
        return self.jobs


@pytest.fixture(scope="session", autouse=True)
def cups() -> Iterator[tuple[str, Printer] | None]:
    """A CUPS scheduler of the tests' own with one queue, "Insyn-test", to a network printer.
    Started before any test makes a QPrinter: Qt reads the CUPS server once, when its print
    support first loads. None where CUPS is not installed (the printing tests then skip)."""
    if CUPSD is None or shutil.which("lpadmin") is None:
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="insyn-cups-", dir="/tmp"))  # a socket path must be short
    for name in ("root", "spool", "cache", "state", "log"):
        (folder / name).mkdir()
    folder.chmod(0o755)
    user = ""
    if os.geteuid() == 0:  # the scheduler will not run jobs as root
        user = "User lp\nGroup lp\n"
        for name in ("spool", "cache", "state", "log"):
            shutil.chown(folder / name, "lp", "lp")
    sock = folder / "cups.sock"
    (folder / "root" / "cupsd.conf").write_text(
        f"Listen {sock}\nLogLevel warn\nIdleExitTimeout 0\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
    )
    (folder / "root" / "cups-files.conf").write_text(
        f"ServerRoot {folder}/root\nRequestRoot {folder}/spool\nCacheDir {folder}/cache\nStateDir {folder}/state\n"
        f"TempDir {folder}/spool\nErrorLog {folder}/log/error_log\nAccessLog {folder}/log/access_log\n"
        f"PageLog {folder}/log/page_log\nDataDir /usr/share/cups\nServerBin /usr/lib/cups\n{user}"
    )
    scheduler = subprocess.Popen(
        [CUPSD, "-f", "-c", str(folder / "root" / "cupsd.conf"), "-s", str(folder / "root" / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "CUPS_SERVER": str(sock)}
    end = time.monotonic() + 10
    while subprocess.run(["lpstat", "-r"], env=env, capture_output=True, text=True).stdout.strip() != (
        "scheduler is running"
    ):
        if time.monotonic() > end or scheduler.poll() is not None:
            log = (folder / "log" / "error_log").read_text() if (folder / "log" / "error_log").exists() else ""
            scheduler.kill()
            pytest.fail("the test's CUPS scheduler did not start: " + log[-500:])
        time.sleep(0.1)
    printer = Printer()
    subprocess.run(["lpadmin", "-p", "Insyn-test", "-E", "-v", f"socket://127.0.0.1:{printer.port}", "-m", "raw"],
                   env=env, capture_output=True, check=True)  # fmt: skip
    previous = os.environ.get("CUPS_SERVER")
    os.environ["CUPS_SERVER"] = str(sock)
    try:
        yield "Insyn-test", printer
    finally:
        if previous is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = previous
        scheduler.terminate()
        scheduler.wait(timeout=10)
        printer.server.close()
        shutil.rmtree(folder, ignore_errors=True)
