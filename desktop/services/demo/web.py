"""The demo's chat service: an Imbox-like web service on this machine, so the demo desk asks a
real paged web service while the visitor waits.

The export (`imbox-chatt.csv`, the demo's source `chatt`) holds the conversations up to the last
monthly export; this service answers those since (source `chatt_live`). It speaks OAuth2 client
credentials (POST /oauth2/token) and pages its messages by an opaque cursor
(`meta.next_cursor`, sent back as `?cursor=`), a few per page, each answer a little late as a
service on the Internet is. It is started by the desk that opens the demo configuration, in
the same process, and only on 127.0.0.1; a second desk on the same demo finds the port taken
and uses the first one's.

On a machine without a keyring (a headless Linux box) the demo cannot keep a client secret,
so `insyn demo create` writes the source with `auth = "none"` and the service asks for none;
the configuration says so in a comment.
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

log = logging.getLogger(__name__)

SETTINGS = "demo-web.json"
DATABASE = "imbox-api.sqlite"
SOURCE_ID = "chatt_live"
DEFAULT_PORT = 47615  # organisation.toml's port; create_demo writes the one it found free
PAGE_SIZE = 5
TOKEN_SECONDS = 3600

SCHEMA = """
CREATE TABLE meddelande (
    id INTEGER PRIMARY KEY,
    epost TEXT NOT NULL,
    konversation TEXT NOT NULL,
    skickat TEXT NOT NULL,
    avsandare TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX meddelande_epost ON meddelande (epost COLLATE NOCASE, id);
"""


@dataclass(frozen=True)
class Settings:
    port: int
    oauth: bool  # False where the machine has no keyring to keep the client secret in
    client_id: str
    client_secret: str
    latency_ms: int = 60  # each answer this late, as a service on the Internet

    @staticmethod
    def read(folder: Path) -> Settings | None:
        try:
            return Settings(**json.loads((folder / SETTINGS).read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (ValueError, TypeError):
            log.warning("the demo's %s is unreadable; its chat service is not started", SETTINGS)
            return None

    def write(self, folder: Path) -> None:
        (folder / SETTINGS).write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")


def new_settings(oauth: bool) -> Settings:
    return Settings(free_port(), oauth, "insyn-demo-desk", secrets.token_urlsafe(24))


def free_port() -> int:
    """A port nothing listens on now (the demo's service will take it when a desk opens)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Service(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, settings: Settings, database: Path) -> None:
        super().__init__(("127.0.0.1", settings.port), _Handler)
        self.settings = settings
        self.database = database
        self.tokens: dict[str, float] = {}
        self.lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    server: _Service
    protocol_version = "HTTP/1.1"
    # The headers and the body leave in two writes: with Nagle's algorithm on, the body of an
    # answer on a kept connection waited for the client's delayed ACK (40 ms more per page).
    disable_nagle_algorithm = True

    def log_message(self, *_args: object) -> None:
        pass  # a request line holds an e-mail address: never logged

    def _send(self, status: int, document: Any) -> None:
        body = json.dumps(document, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        length = min(int(self.headers.get("Content-Length") or 0), 10_000)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8", "replace")).items()}
        time.sleep(self.server.settings.latency_ms / 1000)
        if urlsplit(self.path).path != "/oauth2/token":
            return self._send(404, {"error": "not_found"})
        settings = self.server.settings
        if form.get("grant_type") != "client_credentials":
            return self._send(400, {"error": "unsupported_grant_type"})
        if form.get("client_id") != settings.client_id or form.get("client_secret") != settings.client_secret:
            return self._send(401, {"error": "invalid_client"})
        token = secrets.token_urlsafe(24)
        with self.server.lock:
            self.server.tokens[token] = time.monotonic() + TOKEN_SECONDS
        return self._send(200, {"access_token": token, "token_type": "Bearer", "expires_in": TOKEN_SECONDS})

    def do_GET(self) -> None:
        time.sleep(self.server.settings.latency_ms / 1000)
        parts = urlsplit(self.path)
        if not self._authorised():
            return self._send(401, {"error": "invalid_token"})
        segments = parts.path.split("/")  # '', 'api', 'v2', 'contacts', EMAIL, 'messages'
        if len(segments) != 6 or segments[1:4] != ["api", "v2", "contacts"] or segments[5] != "messages":
            return self._send(404, {"error": "not_found"})
        query = parse_qs(parts.query)
        try:
            after = _cursor_value(query.get("cursor", [""])[0])
            limit = max(1, min(int(query.get("limit", [str(PAGE_SIZE)])[0]), 100))
        except ValueError:
            return self._send(400, {"error": "bad_cursor"})
        messages = self._messages(unquote(segments[4]), after, limit + 1)
        more = len(messages) > limit
        page = messages[:limit]
        next_cursor = _cursor(page[-1]["id"]) if more else None
        return self._send(200, {"messages": page, "meta": {"next_cursor": next_cursor}})

    def do_DELETE(self) -> None:
        """An erasure: the contact's messages go; 404 when there are none."""
        time.sleep(self.server.settings.latency_ms / 1000)
        if not self._authorised():
            return self._send(401, {"error": "invalid_token"})
        segments = urlsplit(self.path).path.split("/")  # '', 'api', 'v2', 'contacts', EMAIL
        if len(segments) != 5 or segments[1:4] != ["api", "v2", "contacts"]:
            return self._send(404, {"error": "not_found"})
        with sqlite3.connect(self.server.database) as db:
            deleted = db.execute("DELETE FROM meddelande WHERE epost = ? COLLATE NOCASE", (unquote(segments[4]),))
            count = deleted.rowcount
        db.close()
        if not count:
            return self._send(404, {"error": "not_found"})
        return self._send(200, {"deleted": count})

    def _authorised(self) -> bool:
        if not self.server.settings.oauth:
            return True
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        with self.server.lock:
            return self.server.tokens.get(token, 0.0) > time.monotonic()

    def _messages(self, email: str, after: int, limit: int) -> list[dict[str, Any]]:
        uri = f"{self.server.database.as_uri()}?mode=ro"
        with sqlite3.connect(uri, uri=True) as db:
            rows = db.execute(
                "SELECT id, konversation, skickat, avsandare, text FROM meddelande "
                "WHERE epost = ? COLLATE NOCASE AND id > ? ORDER BY id LIMIT ?",
                (email, after, limit),
            ).fetchall()
        db.close()
        keys = ("id", "konversation", "skickat", "avsandare", "text")
        return [dict(zip(keys, row, strict=True)) for row in rows]


def _cursor(message_id: int) -> str:
    return base64.urlsafe_b64encode(f"m:{message_id}".encode()).decode("ascii")


def _cursor_value(cursor: str) -> int:
    if not cursor:
        return 0
    text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
    if not text.startswith("m:"):
        raise ValueError("not a cursor of ours")
    return int(text[2:])


_running: dict[int, _Service] = {}
_running_lock = threading.Lock()


def serve_demo(config_path: str | Path) -> None:
    """If the configuration is a demo's with a chat service: serve it (once per process) and,
    where the demo uses OAuth2, put its client secret in this machine's keyring."""
    folder = Path(config_path).resolve().parent
    settings = Settings.read(folder)
    if settings is None:
        return
    with _running_lock:
        running = _running.get(settings.port)
        if running is not None:  # this process serves the port already: now for this demo's folder
            running.settings, running.database = settings, folder / DATABASE
        else:
            try:
                service = _Service(settings, folder / DATABASE)
            except OSError:
                log.info("the demo's chat service port is taken: another desk serves it")
            else:
                threading.Thread(target=service.serve_forever, name="demo-chat", daemon=True).start()
                _running[settings.port] = service
    if settings.oauth:
        from desktop.sources.secrets import SecretStoreUnavailable, get_secret, set_secret

        if get_secret(SOURCE_ID) != settings.client_secret:
            try:
                set_secret(SOURCE_ID, settings.client_secret)
            except SecretStoreUnavailable:
                log.info("no keyring: the demo's chat service cannot be asked")
