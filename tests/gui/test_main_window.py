from datetime import UTC, datetime

from desktop.core.requests import RequestType
from desktop.register.db import open_register
from desktop.register.repository import add_staff, create_case
from desktop.ui.app import MainWindow
from tests.conftest import make_check


def test_main_window_shows_the_register(qtbot, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    register = open_register(sqlite_url)
    with register.sessions.begin() as session:
        staff = add_staff(session, "desk1", "Desk One", ["reception"])
        create_case(session, subject=make_check(), requests=[(RequestType.ACCESS, None)],
                    staff=staff, received_at=datetime(2026, 11, 23, 9, tzinfo=UTC))  # fmt: skip
    window = MainWindow(register)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Insyn" in window.windowTitle()
    assert window.status_label.text().endswith(": 1")
    register.dispose()
