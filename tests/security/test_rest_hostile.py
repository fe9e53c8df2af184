"""A REST source that lies: credentials never leave its origin, identifiers never change its
path, and an answer too large fails the source instead of filling the memory. Two real HTTP
servers on two loopback addresses (127.0.0.1 and 127.0.0.2) play the service and a stranger."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import keyring
import pytest

from desktop.core.extract import SourceStatus
from desktop.sources.engine import SourceSet, gather
from tests.integration.sources.helpers import ANNA, crm_database, crm_source, make_config

SECRET = "the-source-secret"


class Recorder(BaseHTTPRequestHandler):
    """Answers by the first path segment; records every request's path and headers."""

    seen: list[tuple[str, str, dict[str, str]]] = []  # noqa: RUF012 - (host, path, headers)
    other = ""  # the stranger's base URL

    def log_message(self, *_args: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"{}", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **(headers or {})}.items():
            self.send_header(name, value)
        if "Transfer-Encoding" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if "Transfer-Encoding" in (headers or {}):
            for start in range(0, len(body), 65536):
                part = body[start : start + 65536]
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.wfile.write(body)

    def do_GET(self) -> None:
        host = self.server.server_address[0]  # type: ignore[index]
        path = urlsplit(self.path).path
        Recorder.seen.append((str(host), path, dict(self.headers)))
        kind = path.split("/")[1]
        page = {"items": [{"order": f"{host}{path}"}]}
        if kind == "next-elsewhere":
            return self._send(200, json.dumps({**page, "next": f"{Recorder.other}/stolen"}).encode())
        if kind == "redirect-elsewhere":
            return self._send(302, headers={"Location": f"{Recorder.other}/stolen"})
        if kind == "redirect-home":
            return self._send(302, headers={"Location": "/landed"})
        if kind == "big":
            return self._send(200, b'{"items": [{"x": "' + b"a" * 3_000_000 + b'"}]}')
        if kind == "big-chunked":
            return self._send(200, b'{"items": [{"x": "' + b"a" * 3_000_000 + b'"}]}', {"Transfer-Encoding": "chunked"})
        return self._send(200, json.dumps(page).encode())


def serve(address: str) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer((address, 0), Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://{address}:{httpd.server_address[1]}"


@pytest.fixture
def servers() -> Iterator[tuple[str, str]]:
    service, service_url = serve("127.0.0.1")
    stranger, stranger_url = serve("127.0.0.2")
    Recorder.seen.clear()
    Recorder.other = stranger_url
    yield service_url, stranger_url
    for httpd in (service, stranger):
        httpd.shutdown()
        httpd.server_close()


def run(tmp_path: Path, *sources: dict) -> dict:  # type: ignore[type-arg]
    crm_database(tmp_path / "crm.sqlite", [("..", ANNA, "Anna", "anna@example.com")])
    for source in sources:
        keyring.set_password("insyn", source["id"], SECRET)
    config = make_config(tmp_path, [crm_source(f"sqlite:///{tmp_path / 'crm.sqlite'}"), *sources])
    return gather(SourceSet(config), {"personnummer": ANNA}).sources  # type: ignore[return-value]


def source(source_id: str, url: str, **extra: object) -> dict:  # type: ignore[type-arg]
    return {"id": source_id, "name": source_id, "kind": "rest", "auth": "header", "auth_header": "X-Api-Key",
            "endpoints": [{"title": "Ordrar", "url": url, "records": "items", "next": "next"}], **extra}  # fmt: skip


def secrets_seen_by_the_stranger() -> list[str]:
    return [path for host, path, headers in Recorder.seen if host == "127.0.0.2" and SECRET in json.dumps(headers)]


def test_credentials_never_follow_a_next_link_or_a_redirect_to_another_server(tmp_path: Path, servers) -> None:  # type: ignore[no-untyped-def]
    service, _stranger = servers
    results = run(
        tmp_path,
        source("nexts", service + "/next-elsewhere/{email}"),
        source("redirects", service + "/redirect-elsewhere/{email}"),
        {**source("bearer", service + "/redirect-elsewhere/{email}"), "auth": "bearer"},
        source("home", service + "/redirect-home/{email}"),
        source("never", service + "/redirect-home/{email}", redirects="never"),
    )
    assert secrets_seen_by_the_stranger() == []
    assert not [path for host, path, _h in Recorder.seen if host == "127.0.0.2"]  # not even asked
    assert results["nexts"].status is SourceStatus.FAILED
    assert results["nexts"].message == "the next page is on another server; it was not asked"
    assert results["redirects"].message == "the service redirected to another server; it was not followed"
    assert results["bearer"].status is SourceStatus.FAILED
    assert results["home"].status is SourceStatus.OK, results["home"].message  # within the origin: followed
    landed = [headers for host, path, headers in Recorder.seen if path == "/landed"]
    assert landed and landed[0].get("X-Api-Key") == SECRET
    assert "redirects are off" in results["never"].message


def test_an_identifier_cannot_change_the_path(tmp_path: Path, servers) -> None:  # type: ignore[no-untyped-def]
    service, _stranger = servers
    results = run(tmp_path, source("orders", service + "/customers/{customer_number}/orders"))
    assert results["orders"].status is SourceStatus.FAILED  # the customer number ".." is refused
    assert "'.' or '..'" in results["orders"].message
    assert not [path for _host, path, _h in Recorder.seen if path in ("/orders", "/customers/orders")]


def test_an_answer_too_large_fails_the_source_while_it_streams(tmp_path: Path, servers) -> None:  # type: ignore[no-untyped-def]
    service, _stranger = servers
    results = run(
        tmp_path,
        source("declared", service + "/big/{email}", max_response_mb=1),
        source("chunked", service + "/big-chunked/{email}", max_response_mb=1),
        source("allowed", service + "/big/{email}", max_response_mb=5),
    )
    assert results["declared"].message == "the answer is larger than 1 MB"
    assert results["chunked"].message == "the answer is larger than 1 MB"
    assert results["allowed"].status is SourceStatus.OK
