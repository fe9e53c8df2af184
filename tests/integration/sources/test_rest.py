"""REST sources against a real HTTP server on 127.0.0.1: paginated, slow, failing, garbage."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import keyring
import pytest

from desktop.core.extract import SourceStatus, Strength
from desktop.sources.engine import SourceSet, gather

from .helpers import ANNA, crm_database, crm_source, make_config

TOKEN = "t0ken-for-tests"
EMAIL = "anna/../../admin?x=1#@example.com"


class Handler(BaseHTTPRequestHandler):
    seen_paths: list[str] = []  # noqa: RUF012

    def log_message(self, *_args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        Handler.seen_paths.append(parts.path)
        query = parse_qs(parts.query)
        kind = parts.path.split("/")[1]
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self._send(401, b"{}")
        if kind == "app":
            email = unquote(parts.path.split("/", 2)[2].removesuffix("/orders"))
            if email != EMAIL:
                return self._send(404, b"{}")
            page = int(query.get("page", ["1"])[0])
            items = [{"order": f"O{page}{i}", "address": {"city": "Strandstad"}, "tags": ["a", "b"]}
                     for i in range(2)]  # fmt: skip
            document = {
                "data": {"items": items},
                "links": {"next": "?page=2" if page == 1 else None},
            }
            return self._send(200, json.dumps(document).encode())
        if kind == "slow":
            time.sleep(3)
            return self._send(200, b'{"data": {"items": []}}')
        if kind == "fail":
            return self._send(503, b"Service Unavailable", "text/plain")
        if kind == "garbage":
            return self._send(200, b"<html>not json</html>", "text/html")
        if kind == "shape":
            return self._send(200, b'{"data": {"items": 5}}')
        return self._send(404, b"{}")


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def rest_source(source_id: str, url: str, **extra: object) -> dict:
    return {"id": source_id, "name": source_id.title(), "kind": "rest", "auth": "bearer",
            "endpoints": [{"title": "Ordrar", "url": url, "records": "data.items", "next": "links.next"}],
            **extra}  # fmt: skip


def test_rest_sources_down_slow_broken_and_fine(tmp_path: Path, server: str) -> None:
    crm_database(tmp_path / "crm.sqlite", [("K1", ANNA, "Anna", EMAIL)])
    for source_id in ("app", "slow", "fail", "garbage", "shape", "down"):
        keyring.set_password("insyn", source_id, TOKEN)
    sources = [
        crm_source(f"sqlite:///{tmp_path / 'crm.sqlite'}"),
        rest_source("app", server + "/app/{email}/orders"),
        rest_source("slow", server + "/slow/{email}", timeout_seconds=1),
        rest_source("fail", server + "/fail/{email}"),
        rest_source("garbage", server + "/garbage/{email}"),
        rest_source("shape", server + "/shape/{email}"),
        rest_source("down", "http://127.0.0.1:9/{email}"),
        rest_source("nokey", server + "/app/{email}/orders"),
    ]
    started = time.monotonic()
    result = gather(SourceSet(make_config(tmp_path, sources, gather_parallelism=8)), {"personnummer": ANNA})
    assert time.monotonic() - started < 3
    app = result.sources["app"]
    assert app.status is SourceStatus.OK, app.message
    assert [r.fields["order"] for r in app.records] == ["O10", "O11", "O20", "O21"]
    assert app.records[0].fields["address.city"] == "Strandstad"
    assert app.records[0].fields["tags"] == "a, b"
    assert all(r.strength is Strength.WEAK for r in app.records)
    # The e-mail went into the path percent-encoded: no path traversal, no query injection.
    assert "/app/anna%2F..%2F..%2Fadmin%3Fx%3D1%23%40example.com/orders" in Handler.seen_paths
    status = {s: result.sources[s].status for s in ("slow", "fail", "garbage", "shape", "down", "nokey")}
    assert status == {
        "slow": SourceStatus.TIMED_OUT,
        "fail": SourceStatus.FAILED,
        "garbage": SourceStatus.FAILED,
        "shape": SourceStatus.FAILED,
        "down": SourceStatus.FAILED,
        "nokey": SourceStatus.FAILED,
    }
    assert result.sources["fail"].message == "the service answered with an error (HTTP 503)"
    assert result.sources["garbage"].message == "the answer was not JSON"
    assert "list of records" in result.sources["shape"].message
    assert "cannot reach the service" in result.sources["down"].message
    assert "insyn secrets set nokey" in result.sources["nokey"].message
    assert result.sources["crm"].status is SourceStatus.OK
