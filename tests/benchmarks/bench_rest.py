"""Slow web services benchmark (issues 23 and 24; run on demand, not in the test suite).

    .venv/bin/python tests/benchmarks/bench_rest.py [--latency-ms 150] [--samples 10]

A real HTTP server on 127.0.0.1 answers every request after `--latency-ms`, as a rented service
on the Internet does. One visitor is searched through:

- the customer register (SQLite), which yields the e-mail and the customer number;
- a chat service with OAuth2 client credentials and cursor paging, five pages for the visitor;
- a ticket service with a bearer token and the Link header, three pages;
- a CRM searched by POST with a JSON body, two pages, whose contact id leads on to the CRM's
  orders (offset paging, two pages): a chain of four requests.

The floor, measured in the same run: the critical path, the longest chain of requests one source
must make one after another (the chat: five pages, plus its token when cold), sent straight with
one httpx client, after the register's query. The gather's time is printed against it, warm (a
desk that started: connections open, token bought) and cold (a new desk: every connection and the
token new). The goal is <= 1.1x warm.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
import keyring

from desktop.config import parse_config
from desktop.sources.engine import SourceSet, gather
from tests.integration.sources.helpers import ANNA, FACTS, ORGANISATION
from tests.memory_keyring import MemoryKeyring

EMAIL = "anna@example.com"
PAGES = {"chat": 5, "tickets": 3, "crm": 2, "orders": 2}
LATENCY = 0.15


class Service(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args: object) -> None:
        pass

    def _send(self, document: Any, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(document).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        time.sleep(LATENCY)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = urlsplit(self.path).path
        if path == "/token":
            return self._send({"access_token": "tok", "token_type": "Bearer", "expires_in": 3600})
        page = int(json.loads(body).get("after") or 0)
        more = {"paging": {"next": {"after": page + 1}}} if page + 1 < PAGES["crm"] else {}
        return self._send(
            {"results": [{"contact": "C1", "email": EMAIL, "p": page, "n": i} for i in range(50)], **more}
        )

    def do_GET(self) -> None:
        time.sleep(LATENCY)
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        kind = parts.path.split("/")[1]
        if kind == "chat":
            page = int(query.get("cursor", 0))
            more = str(page + 1) if page + 1 < PAGES["chat"] else ""
            return self._send({"messages": [{"p": page, "n": i} for i in range(50)], "meta": {"next": more}})
        if kind == "tickets":
            page = int(query.get("page", 0))
            links = {"Link": f'</tickets/x?page={page + 1}>; rel="next"'} if page + 1 < PAGES["tickets"] else {}
            return self._send([{"p": page, "n": i} for i in range(50)], links)
        if kind == "orders":
            offset = int(query["offset"])
            count = 50 if offset < 50 * (PAGES["orders"] - 1) else 10
            return self._send({"data": [{"o": offset + i} for i in range(count)]})
        return self._send({})


def world(folder: Path, base: str) -> dict[str, Any]:
    db = folder / "crm.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE kund (kundnr TEXT, personnr TEXT, epost TEXT)")
        connection.execute("INSERT INTO kund VALUES ('K1', ?, ?)", (ANNA, EMAIL))
    connection.close()
    rest = {"kind": "rest", **FACTS}
    return {
        "organisation": ORGANISATION,
        "policy": {"gather_parallelism": 8},
        "sources": [
            {"id": "crm", "name": "Kundregister", "kind": "sql", "url": f"sqlite:///{db}", **FACTS,
             "queries": [{"title": "Kund", "sql": "SELECT kundnr, epost FROM kund WHERE personnr = :personnummer",
                          "yields": {"email": "epost"}}]},
            {"id": "chat", "name": "Chatt", **rest, "auth": "oauth2-client-credentials",
             "token_url": base + "/token", "client_id": "bench",
             "endpoints": [{"title": "Chatt", "url": base + "/chat/{email}", "records": "messages",
                            "paging": {"kind": "cursor", "cursor": "meta.next", "param": "cursor"}}]},
            {"id": "tickets", "name": "Ärenden", **rest, "auth": "bearer",
             "endpoints": [{"title": "Ärenden", "url": base + "/tickets/{email}", "paging": {"kind": "link-header"}}]},
            {"id": "crmweb", "name": "CRM", **rest, "auth": "bearer",
             "endpoints": [
                 {"title": "Kontakter", "url": base + "/search", "method": "POST", "records": "results",
                  "body": {"filters": [{"value": "{email}"}]}, "yields": {"crm_contact": "contact"},
                  "paging": {"kind": "cursor", "cursor": "paging.next.after", "param": "after"}},
                 {"title": "Ordrar", "url": base + "/orders/{crm_contact}", "records": "data",
                  "paging": {"kind": "offset", "param": "offset", "page_size": 50, "size_param": "limit"}},
             ]},
        ],
        "identifiers": {"crm_contact": "weak"},
    }  # fmt: skip


def floor(base: str, cold: bool) -> float:
    """The critical path sent straight: the register's query, then the chat's chain."""
    started = time.perf_counter()
    with sqlite3.connect(FOLDER / "crm.sqlite") as connection:
        connection.execute("SELECT kundnr, epost FROM kund WHERE personnr = ?", (ANNA,)).fetchall()
    connection.close()
    client = CLIENT if not cold else httpx.Client()
    try:
        headers = {"Authorization": "Bearer tok"}
        if cold:
            client.post(base + "/token", data={"grant_type": "client_credentials"}).json()
        cursor = ""
        for _page in range(PAGES["chat"]):
            document = client.get(base + f"/chat/{EMAIL}", params={"cursor": cursor} if cursor else None,
                                  headers=headers).json()  # fmt: skip
            cursor = document["meta"]["next"]
    finally:
        if cold:
            client.close()
    return time.perf_counter() - started


def main() -> None:
    global LATENCY, FOLDER, CLIENT
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency-ms", type=float, default=150)
    parser.add_argument("--samples", type=int, default=10)
    args = parser.parse_args()
    LATENCY = args.latency_ms / 1000
    keyring.set_keyring(MemoryKeyring())
    for source_id in ("chat", "tickets", "crmweb"):
        keyring.set_password("insyn", source_id, "bench-secret")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Service)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as folder:
        FOLDER = Path(folder)
        raw = world(FOLDER, base)
        config = parse_config(raw, folder=FOLDER)
        CLIENT = httpx.Client()
        CLIENT.get(base + "/chat/x")  # the floor's connection open, as the desk's are when warm

        warm_set = SourceSet(config)
        warm_set.warm_up()
        expected = {"crm": 1, "chat": 50 * PAGES["chat"], "tickets": 50 * PAGES["tickets"],
                    "crmweb": 50 * PAGES["crm"] + 50 * (PAGES["orders"] - 1) + 10}  # fmt: skip
        figures: dict[str, list[float]] = {"warm": [], "cold": [], "floor warm": [], "floor cold": []}
        for _ in range(args.samples):
            figures["floor warm"].append(floor(base, cold=False))
            started = time.perf_counter()
            result = gather(warm_set, {"personnummer": ANNA})
            figures["warm"].append(time.perf_counter() - started)
            counts = {s: r.record_count for s, r in result.sources.items()}
            assert counts == expected, (counts, {s: r.message for s, r in result.sources.items()})
            figures["floor cold"].append(floor(base, cold=True))
            cold_set = SourceSet(config)
            started = time.perf_counter()
            gather(cold_set, {"personnummer": ANNA})
            figures["cold"].append(time.perf_counter() - started)
            cold_set.close()
        warm_set.close()
        CLIENT.close()
    server.shutdown()
    median = {name: statistics.median(values) for name, values in figures.items()}
    requests = 1 + sum(PAGES.values())
    print(f"latency {args.latency_ms:g} ms per request, {args.samples} samples, {requests} requests a gather "
          f"(critical path: the chat's {PAGES['chat']} pages)")  # fmt: skip
    for mode in ("warm", "cold"):
        ratio = median[mode] / median[f"floor {mode}"]
        print(f"  {mode}: gather median {median[mode] * 1000:7.0f} ms, max {max(figures[mode]) * 1000:7.0f} ms; "
              f"critical path {median[f'floor {mode}'] * 1000:7.0f} ms; ratio {ratio:.2f}x")  # fmt: skip
    print(f"  all pages one after another would take {requests * args.latency_ms:.0f} ms")


if __name__ == "__main__":
    main()
