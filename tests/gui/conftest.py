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
def _possible_matches_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The question about undecided possible matches is a modal box: tests answer "leave them out"
    unless they replace it themselves."""
    from desktop.ui.case_page import CasePage

    monkeypatch.setattr(CasePage, "ask_leave_out_weak", lambda _self, _count: True)


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
