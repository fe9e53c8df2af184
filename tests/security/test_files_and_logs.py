"""What Insyn leaves on the disk: a log without personal data and files only their owner reads."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import keyring
import pytest

from desktop.logs import configure_logging
from desktop.register.db import open_register
from desktop.sources.engine import SourceSet, gather
from tests.integration.sources.helpers import ANNA, crm_database, crm_source, make_config

EMAIL = "anna.andersson@example.com"


class Quiet(BaseHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = b'{"items": [{"order": "O1"}]}' if "/ok/" in self.path else b"nope"
        self.send_response(200 if "/ok/" in self.path else 500)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("INSYN_LOG_DIR", str(tmp_path / "logs"))
    root = logging.getLogger()
    before, level = set(root.handlers), root.level
    path = configure_logging()
    assert path is not None
    added = [h for h in root.handlers if h not in before]
    yield path
    for handler in added:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_the_log_holds_no_personal_data_after_rest_sql_and_failed_gathers(tmp_path: Path, logged: Path) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        crm_database(tmp_path / "crm.sqlite", [("K1", ANNA, "Anna Andersson", EMAIL)])
        rest = [{"id": sid, "name": sid, "kind": "rest", "auth": "bearer",
                 "endpoints": [{"title": "Ordrar", "url": base + f"/{sid}/" + "{email}", "records": "items",
                                "params": {"pnr": "{personnummer}"}}]}
                for sid in ("ok", "broken")]  # fmt: skip
        for sid in ("ok", "broken"):
            keyring.set_password("insyn", sid, "token")
        config = make_config(tmp_path, [crm_source(f"sqlite:///{tmp_path / 'crm.sqlite'}"), *rest])
        result = gather(SourceSet(config), {"personnummer": ANNA})
        assert result.sources["ok"].record_count == 1 and result.sources["broken"].message
        logging.getLogger("desktop.test").info("a line of our own")
    finally:
        httpd.shutdown()
        httpd.server_close()
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = logged.read_text(encoding="utf-8")
    assert "a line of our own" in text  # the log works …
    digits = ANNA.replace("-", "")
    for secret in (ANNA, digits, digits[2:], EMAIL, "anna.andersson%40example.com", "Anna Andersson"):
        assert secret not in text  # … and holds none of the visitor's data (httpx's URL lines are held back)
    assert logged.stat().st_mode & 0o777 == 0o600
    assert logged.parent.stat().st_mode & 0o077 == 0


def test_the_register_file_is_its_owners_alone(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    path.write_bytes(b"")
    path.chmod(0o644)  # an older version's register
    path.unlink()
    register = open_register(f"sqlite:///{path}")
    register.dispose()
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o644)
    register = open_register(f"sqlite:///{path}")
    register.dispose()
    assert path.stat().st_mode & 0o777 == 0o600
