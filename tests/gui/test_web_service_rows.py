"""The gather row of a web service says what it is doing (issue 24): "Väntar på tjänsten …" while
a busy service (HTTP 429, Retry-After) is waited for, and, when the service has more pages than
the configuration lets it read, that the rest was not read. A real HTTP server on 127.0.0.1
plays the demo's chat service."""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from desktop.services.desk import open_desk
from desktop.services.staff import create_account, sign_in
from desktop.ui.main_window import MainWindow
from tests.gui.test_visit import examples, fill_visitor


class Busy(BaseHTTPRequestHandler):
    """Busy for the first request (429, come back in 2 s), then page after page without end."""

    asked = 0

    def log_message(self, *_args: object) -> None:
        pass

    def do_GET(self) -> None:
        Busy.asked += 1
        if Busy.asked == 1:
            self.send_response(429)
            self.send_header("Retry-After", "2")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        cursor = int(parse_qs(urlsplit(self.path).query).get("cursor", ["0"])[0])
        body = json.dumps({"messages": [{"skickat": "2026-11-02T10:00:00+01:00", "avsandare": "Kundtjänst",
                                         "text": f"Sida {cursor}"}], "meta": {"next_cursor": str(cursor + 1)}})  # fmt: skip
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())


@pytest.fixture
def busy_service() -> Iterator[str]:
    Busy.asked = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), Busy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def busy_window(qtbot, world: Path, tmp_path: Path, busy_service: str):  # type: ignore[no-untyped-def]
    folder = tmp_path / "org"
    shutil.copytree(world.parent, folder)
    config = folder / world.name
    text = config.read_text(encoding="utf-8")
    # The busy server asks no token: the source as a demo made without a keyring has it.
    text = re.sub(
        r'auth = "oauth2-client-credentials"\ntoken_url = "[^"]*"\nclient_id = "[^"]*"\n', 'auth = "none"\n', text
    )
    text = re.sub(r'url = "http://127\.0\.0\.1:\d+/api/v2/contacts/\{email\}/messages"',
                  f'url = "{busy_service}/chat/{{email}}"\n  max_pages = 3', text)  # fmt: skip
    config.write_text(text, encoding="utf-8")
    desk = open_desk(config, register_url=f"sqlite:///{tmp_path / 'register.sqlite'}")
    create_account(desk, "chef", "IT-chefen", ["admin"], "chef-secret", by=None)
    create_account(desk, "disk1", "Receptionen", ["reception"], "disk1-secret", by=sign_in(desk, "chef", "chef-secret"))
    window = MainWindow(desk, sign_in(desk, "disk1", "disk1-secret"))
    qtbot.addWidget(window)
    window.visit.print_receipt.setChecked(False)
    window.show()
    yield window
    window.case.drop_data()
    window.close()
    desk.close()


def row(window, name: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    table = window.case.gather.table
    for r in range(table.rowCount()):
        if table.item(r, 0) is not None and table.item(r, 0).text() == name:
            return table.item(r, 1).text(), table.item(r, 2).text() if table.item(r, 2) else ""
    return "", ""


def test_the_row_says_the_service_is_waited_for_and_that_pages_were_left(qtbot, busy_window) -> None:  # type: ignore[no-untyped-def]
    window = busy_window
    fill_visitor(qtbot, window, examples(window.desk)[0], "Asa Oberg")
    window.visit.register()
    name = "Chatt (Imbox, senaste konversationerna)"
    qtbot.waitUntil(lambda: row(window, name)[0] == "Väntar på tjänsten …", timeout=20000)
    assert row(window, name)[1] == "Tjänsten bad oss vänta en stund; vi frågar igen"
    qtbot.waitUntil(lambda: window.case.result is not None, timeout=30000)
    status, reason = row(window, name)
    assert status == "Klart – 3 uppgifter"
    assert "fler än 3 sidor – resten lästes inte" in reason
    assert Busy.asked == 4  # the busy answer, then three pages: the fourth was never asked
