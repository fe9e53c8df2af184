"""Web services shaped as the rented systems really are (issue 24), against real HTTP servers on
127.0.0.1 (the service) and 127.0.0.2 (a stranger): OAuth2 client credentials, each paging
style, POST searches, rate limits. Every request is recorded, so the tests can say where the
client secret and the bearer token went."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import keyring
import pytest

from desktop.config import ConfigError
from desktop.core.extract import SourceResult, SourceStatus
from desktop.sources.engine import SourceSet, gather

from .helpers import ANNA, crm_database, crm_source, make_config, with_facts

CLIENT_SECRET = "client-secret-never-leaves"
# An address with a quote, a backslash and braces: it must reach a JSON body as one string.
EMAIL = 'an"na\\{x}@example.com'
RECORDS = 7  # every paged service holds seven records for Anna


@dataclass
class Seen:
    host: str
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class World:
    """What the service does, shared by its handler threads."""

    seen: list[Seen] = field(default_factory=list)
    tokens_issued: int = 0
    token_lifetime: int | None = 3600
    stale_tokens: set[str] = field(default_factory=set)  # the service has revoked these
    busy: dict[str, int] = field(default_factory=dict)  # path → 429/503 answers still to give
    stranger: str = ""


WORLD = World()


def page_of(start: int, size: int) -> list[dict[str, Any]]:
    return [{"id": n, "text": f"meddelande {n}"} for n in range(start, min(start + size, RECORDS))]


class Service(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args: object) -> None:
        pass

    def _send(self, status: int, document: Any = None, headers: dict[str, str] | None = None, raw: bytes = b"") -> None:
        body = raw or json.dumps(document if document is not None else {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _record(self) -> tuple[str, dict[str, list[str]], bytes]:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        host = str(self.server.server_address[0])  # type: ignore[index]
        query = parse_qs(parts.query)
        WORLD.seen.append(Seen(host, self.command, parts.path, query, dict(self.headers), body))
        return unquote(parts.path), query, body

    def do_POST(self) -> None:
        path, _query, body = self._record()
        if path == "/oauth/token":
            return self._token(body)
        if not self._authorised():
            return None
        if path == "/search":
            asked = json.loads(body)
            email = asked["filterGroups"][0]["filters"][0]["value"]
            start = int(asked.get("after") or 0)
            items = [{**r, "email": email} for r in page_of(start, 3)]
            more = {"paging": {"next": {"after": str(start + 3)}}} if start + 3 < RECORDS else {}
            return self._send(200, {"results": items, **more})
        if path == "/suppress":  # a suppression list: the address is added as sent
            added = json.loads(body)["entries"][0]["email"]
            return self._send(201 if added == EMAIL else 400, {"added": added})
        if path == "/search-offset":
            asked = json.loads(body)
            start, size = asked["from"], asked["size"]
            return self._send(200, {"hits": {"hits": page_of(start, size)}})
        return self._send(404)

    def do_DELETE(self) -> None:
        path, _query, _body = self._record()
        if not self._authorised():
            return None
        kind = path.split("/")[1]
        if kind == "moved":
            return self._send(307, headers={"Location": f"{WORLD.stranger}/contacts/x"})
        if kind == "broken":
            return self._send(500)
        email = path.split("/", 2)[2] if path.count("/") >= 2 else ""
        if email != EMAIL:
            return self._send(404)
        self.send_response(204)  # done, and no body, as many services answer a DELETE
        self.end_headers()
        return None

    def do_GET(self) -> None:
        path, query, _body = self._record()
        if not self._authorised():
            return None
        if path in WORLD.busy and WORLD.busy[path] > 0:
            WORLD.busy[path] -= 1
            if path.startswith("/busy-date"):
                when = format_datetime(datetime.now(UTC) + timedelta(seconds=2), usegmt=True)
                return self._send(503, headers={"Retry-After": when})
            if path.startswith("/busy-long"):
                return self._send(429, headers={"Retry-After": "120"})
            return self._send(429, headers={"Retry-After": "1"})
        kind = path.split("/")[1]
        email = path.split("/", 2)[2] if path.count("/") >= 2 else ""
        if email != EMAIL and kind not in ("stolen",):
            return self._send(404)
        if kind in ("cursor", "busy", "busy-date", "busy-long"):
            cursor = query.get("cursor", ["0"])[0]
            start = int(cursor.removeprefix("c"))
            more = {"next_cursor": f"c{start + 3}"} if start + 3 < RECORDS else {"next_cursor": ""}
            return self._send(200, {"messages": page_of(start, 3), "response_metadata": more})
        if kind == "loop":
            return self._send(200, {"messages": page_of(0, 3), "response_metadata": {"next_cursor": "again"}})
        if kind == "endless":
            start = int(query.get("cursor", ["0"])[0])
            return self._send(200, {"messages": [{"id": start}], "response_metadata": {"next_cursor": str(start + 1)}})
        if kind in ("link", "link-elsewhere"):
            start = int(query.get("start", ["0"])[0])
            headers = {}
            if start + 3 < RECORDS:
                base = WORLD.stranger if kind == "link-elsewhere" else ""
                here = quote(email, safe="")
                headers["Link"] = f'<{base}/{kind}/{here}?start={start + 3}>; rel="next", </x>; rel="last"'
            return self._send(200, page_of(start, 3), headers)
        if kind == "offset":
            start, size = int(query["offset"][0]), int(query["limit"][0])
            return self._send(200, {"data": page_of(start, size)})
        if kind == "page":
            number = int(query["page"][0])
            return self._send(200, {"data": page_of((number - 1) * 3, 3), "has_more": number * 3 < RECORDS})
        if kind == "half-json":
            if "cursor" in query:
                return self._send(200, raw=b"<html>Bad gateway</html>")
            return self._send(200, {"messages": page_of(0, 3), "response_metadata": {"next_cursor": "c3"}})
        return self._send(404)

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ")
        if not header.startswith("Bearer tok-") or token in WORLD.stale_tokens:
            self._send(401)
            return False
        return True

    def _token(self, body: bytes) -> None:
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if form.get("grant_type") != "client_credentials" or form.get("client_id") != "insyn-desk":
            return self._send(400, {"error": "invalid_client"})
        if form.get("client_secret") != CLIENT_SECRET:
            return self._send(401, {"error": "invalid_client"})
        WORLD.tokens_issued += 1
        answer: dict[str, Any] = {"access_token": f"tok-{WORLD.tokens_issued}", "token_type": "Bearer"}
        if WORLD.token_lifetime is not None:
            answer["expires_in"] = WORLD.token_lifetime
        return self._send(200, answer)


def serve(address: str) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer((address, 0), Service)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://{address}:{httpd.server_address[1]}"


@pytest.fixture
def service() -> Iterator[str]:
    global WORLD
    WORLD = World()
    home, home_url = serve("127.0.0.1")
    stranger, stranger_url = serve("127.0.0.2")
    WORLD.stranger = stranger_url
    yield home_url
    for httpd in (home, stranger):
        httpd.shutdown()
        httpd.server_close()


def oauth_source(source_id: str, base: str, endpoint: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": source_id,
        "name": source_id,
        "kind": "rest",
        "auth": "oauth2-client-credentials",
        "token_url": base + "/oauth/token",
        "client_id": "insyn-desk",
        "endpoints": [{"title": "Meddelanden", **endpoint}],
        **extra,
    }


def run(tmp_path: Path, *sources: dict[str, Any], progress: Any = None, **policy: Any) -> dict[str, SourceResult]:
    crm_database(tmp_path / "crm.sqlite", [("K1", ANNA, "Anna", EMAIL)])
    for source in sources:
        keyring.set_password("insyn", source["id"], CLIENT_SECRET)
    config = make_config(tmp_path, [crm_source(f"sqlite:///{tmp_path / 'crm.sqlite'}"), *sources], **policy)
    connectors = SourceSet(config)
    try:
        return gather(connectors, {"personnummer": ANNA}, progress=progress).sources
    finally:
        connectors.close()


def ids(result: SourceResult) -> list[Any]:
    return [r.fields["id"] for r in result.records]


def test_every_paging_kind_reads_every_page(tmp_path: Path, service: str) -> None:
    results = run(
        tmp_path,
        oauth_source("cursor", service, {"url": service + "/cursor/{email}", "records": "messages",
                     "paging": {"kind": "cursor", "cursor": "response_metadata.next_cursor", "param": "cursor"}}),
        oauth_source("link", service, {"url": service + "/link/{email}", "paging": {"kind": "link-header"}}),
        oauth_source("offset", service, {"url": service + "/offset/{email}", "records": "data",
                     "paging": {"kind": "offset", "param": "offset", "page_size": 2, "size_param": "limit"}}),
        oauth_source("page", service, {"url": service + "/page/{email}", "records": "data",
                     "paging": {"kind": "page", "param": "page", "has_more": "has_more"}}),
        oauth_source("search", service, {"url": service + "/search", "method": "POST", "records": "results",
                     "body": {"filterGroups": [{"filters": [{"propertyName": "email", "operator": "EQ",
                                                             "value": "{email}"}]}]},
                     "paging": {"kind": "cursor", "cursor": "paging.next.after", "param": "after"}}),
        oauth_source("es", service, {"url": service + "/search-offset", "method": "POST", "records": "hits.hits",
                     "body": '{"query": {"term": {"email": "{email}"}}}',
                     "paging": {"kind": "offset", "param": "from", "page_size": 3, "size_param": "size"}}),
    )  # fmt: skip
    for source_id in ("cursor", "link", "offset", "page", "search", "es"):
        assert results[source_id].status is SourceStatus.OK, (source_id, results[source_id].message)
        assert ids(results[source_id]) == list(range(RECORDS)), source_id
        assert results[source_id].page_limit == 0
    # The POST body carried the address as one JSON string: quote, backslash and braces intact.
    assert {r.fields["email"] for r in results["search"].records} == {EMAIL}
    searches = [json.loads(s.body) for s in WORLD.seen if s.path == "/search"]
    assert [s.get("after") for s in searches] == [None, "3", "6"]
    assert [json.loads(s.body)["from"] for s in WORLD.seen if s.path == "/search-offset"] == [0, 3, 6]
    assert [s.query["offset"] for s in WORLD.seen if s.path.startswith("/offset")] == [["0"], ["2"], ["4"], ["6"]]
    assert [s.query["page"] for s in WORLD.seen if s.path.startswith("/page")] == [["1"], ["2"], ["3"]]
    # One token per source for all its pages (each source is its own client of the service).
    assert WORLD.tokens_issued == 6


def test_a_service_that_lies_about_its_pages_fails_or_says_so(tmp_path: Path, service: str) -> None:
    cursor = {"kind": "cursor", "cursor": "response_metadata.next_cursor", "param": "cursor"}
    results = run(
        tmp_path,
        oauth_source("loop", service, {"url": service + "/loop/{email}", "records": "messages", "paging": cursor}),
        oauth_source("elsewhere", service, {"url": service + "/link-elsewhere/{email}",
                                            "paging": {"kind": "link-header"}}),
        oauth_source("notjson", service, {"url": service + "/half-json/{email}", "records": "messages",
                                          "paging": cursor}),
        oauth_source("endless", service, {"url": service + "/endless/{email}", "records": "messages",
                                          "paging": cursor, "max_pages": 4}),
    )  # fmt: skip
    assert results["loop"].status is SourceStatus.FAILED
    assert results["loop"].message == "the service's pages go round in a circle (the same next page twice)"
    assert len([s for s in WORLD.seen if s.path.startswith("/loop")]) == 2
    assert results["elsewhere"].message == "the next page is on another server; it was not asked"
    assert not [s for s in WORLD.seen if s.host == "127.0.0.2"]  # the stranger was never asked
    assert results["notjson"].status is SourceStatus.FAILED
    assert results["notjson"].message == "the answer was not JSON"
    assert results["notjson"].records == []  # no partial answer from a page that lied
    # More pages than allowed: what was read is kept, and the result says there is more.
    endless = results["endless"]
    assert endless.status is SourceStatus.OK and ids(endless) == [0, 1, 2, 3]
    assert endless.page_limit == 4
    assert len([s for s in WORLD.seen if s.path.startswith("/endless")]) == 4


def test_the_client_secret_goes_to_the_token_endpoint_and_the_token_to_the_service_only(
    tmp_path: Path, service: str
) -> None:
    endpoint = {"url": service + "/cursor/{email}", "records": "messages",
                "paging": {"kind": "cursor", "cursor": "response_metadata.next_cursor", "param": "cursor"}}  # fmt: skip
    config_sources = [
        oauth_source("chat", service, endpoint),
        oauth_source("chat2", service, endpoint, client_auth="basic"),
    ]
    WORLD.token_lifetime = None  # a token without expires_in serves one gather
    results = run(tmp_path, *config_sources)
    assert results["chat"].status is SourceStatus.OK and results["chat2"].status is SourceStatus.FAILED
    assert results["chat2"].message == "the token endpoint refused the client id or secret (HTTP 400)"
    for seen in WORLD.seen:
        text = json.dumps(seen.headers) + seen.body.decode()
        if seen.path == "/oauth/token":
            assert "tok-" not in text  # the bearer never goes back to the token endpoint
        else:
            assert CLIENT_SECRET not in text, seen.path
            assert seen.headers["Authorization"] == "Bearer tok-1"


def test_a_token_is_kept_until_it_expires_and_renewed_once_on_401(tmp_path: Path, service: str) -> None:
    endpoint = {"url": service + "/cursor/{email}", "records": "messages",
                "paging": {"kind": "cursor", "cursor": "response_metadata.next_cursor", "param": "cursor"}}  # fmt: skip
    crm_database(tmp_path / "crm.sqlite", [("K1", ANNA, "Anna", EMAIL)])
    keyring.set_password("insyn", "chat", CLIENT_SECRET)
    config = make_config(tmp_path, [crm_source(f"sqlite:///{tmp_path / 'crm.sqlite'}"),
                                    oauth_source("chat", service, endpoint)])  # fmt: skip
    sources = SourceSet(config)
    sources.warm_up()  # at start: the token is bought before the first visitor
    assert WORLD.tokens_issued == 1
    assert gather(sources, {"personnummer": ANNA}).sources["chat"].status is SourceStatus.OK
    assert gather(sources, {"personnummer": ANNA}).sources["chat"].status is SourceStatus.OK
    assert WORLD.tokens_issued == 1  # kept: an hour's token serves both visitors
    WORLD.stale_tokens.add("tok-1")  # revoked early by the service
    again = gather(sources, {"personnummer": ANNA}).sources["chat"]
    assert again.status is SourceStatus.OK and ids(again) == list(range(RECORDS))
    assert WORLD.tokens_issued == 2
    WORLD.stale_tokens.update({"tok-2", "tok-3", "tok-4"})  # the service refuses every token now
    refused = gather(sources, {"personnummer": ANNA}).sources["chat"]
    assert refused.message == "the service refused the credentials (HTTP 401)"
    assert WORLD.tokens_issued == 3  # renewed once, not in a loop
    sources.close()


def test_a_busy_service_is_waited_for_while_the_time_allows(tmp_path: Path, service: str) -> None:
    endpoint = {"records": "messages",
                "paging": {"kind": "cursor", "cursor": "response_metadata.next_cursor", "param": "cursor"}}  # fmt: skip
    WORLD.busy = {f"/busy/{EMAIL}": 1, f"/busy-date/{EMAIL}": 1, f"/busy-long/{EMAIL}": 1}
    waiting: list[tuple[str, bool]] = []

    def progress(result: SourceResult) -> None:
        if result.source_id.startswith("busy"):
            waiting.append((result.source_id, result.waiting_for_service))

    started = time.monotonic()
    results = run(
        tmp_path,
        oauth_source("busy", service, {"url": service + "/busy/{email}", **endpoint}),
        oauth_source("busydate", service, {"url": service + "/busy-date/{email}", **endpoint}),
        oauth_source("busylong", service, {"url": service + "/busy-long/{email}", **endpoint}, timeout_seconds=10),
        progress=progress,
    )
    elapsed = time.monotonic() - started
    assert results["busy"].status is SourceStatus.OK and ids(results["busy"]) == list(range(RECORDS))
    assert results["busydate"].status is SourceStatus.OK and ids(results["busydate"]) == list(range(RECORDS))
    assert results["busylong"].status is SourceStatus.FAILED
    assert results["busylong"].message == (
        "the service is busy (HTTP 429) and asked for 120 s, more than the time left"
    )
    assert 1.0 <= elapsed < 8
    assert ("busy", True) in waiting and ("busydate", True) in waiting  # the gather row said so
    assert not any(flag for source_id, flag in waiting[-6:] if source_id in ("busy", "busydate"))
    assert all(not r.waiting_for_service for r in results.values())


def test_the_configuration_refuses_what_cannot_work(tmp_path: Path) -> None:
    base = {"title": "X", "url": "https://api.example.com/x/{email}"}

    def refused(**source: Any) -> str:
        with pytest.raises(ConfigError) as caught:
            make_config(tmp_path, [{"id": "s", "name": "S", "kind": "rest", "endpoints": [base], **source}])
        return str(caught.value)

    assert "https" in refused(auth="oauth2-client-credentials", token_url="http://login.example.com/t",
                              client_id="c")  # fmt: skip
    assert "needs token_url and client_id" in refused(auth="oauth2-client-credentials", client_id="c")
    assert "belong to auth" in refused(auth="bearer", token_url="https://login.example.com/t")
    assert "needs cursor and param" in refused(endpoints=[{**base, "paging": {"kind": "cursor"}}])
    assert "offset' needs page_size" in refused(endpoints=[{**base, "paging": {"kind": "offset", "param": "o"}}])
    assert "not valid JSON" in refused(endpoints=[{**base, "method": "POST", "body": "{nope"}])
    assert "only with method" in refused(endpoints=[{**base, "body": {"q": "{email}"}}])
    assert "either next" in refused(endpoints=[{**base, "next": "n", "paging": {"kind": "link-header"}}])
    # An http token endpoint on this machine is allowed (a local gateway); token_url is no secret.
    make_config(tmp_path, [{"id": "s", "name": "S", "kind": "rest", "auth": "oauth2-client-credentials",
                            "token_url": "http://127.0.0.1:9/token", "client_id": "c", "endpoints": [base]}])  # fmt: skip


def test_every_example_in_the_reference_loads(tmp_path: Path) -> None:
    import tomllib

    from desktop.config import REST_EXAMPLES, RestSource, reference_markdown

    reference = reference_markdown()
    assert len(REST_EXAMPLES) == 5
    kinds = set()
    for title, example in REST_EXAMPLES:
        assert example.rstrip() in reference, title
        [source] = tomllib.loads(example)["sources"]
        config = make_config(tmp_path, [source])
        loaded = config.sources[0]
        assert isinstance(loaded, RestSource)
        kinds |= {e.paging_rule.kind for e in loaded.endpoints if e.paging_rule is not None}
        kinds |= {loaded.auth}
    assert kinds >= {"next-url", "link-header", "cursor", "offset", "page", "oauth2-client-credentials"}


def test_config_check_asks_each_web_service_end_to_end(tmp_path: Path, service: str) -> None:
    """`insyn config check`: the token and each endpoint's first page, for someone nobody is; a
    failure names the source and what failed."""
    from tests.integration.services.helpers import cli

    cursor = {"kind": "cursor", "cursor": "response_metadata.next_cursor", "param": "cursor"}
    sources = [
        oauth_source("chat", service, {"url": service + "/cursor/{email}", "records": "messages", "paging": cursor}),
        oauth_source("wrongsecret", service, {"url": service + "/cursor/{email}"}),
        oauth_source("gone", service, {"url": "http://127.0.0.1:9/cursor/{email}"}),
        oauth_source("shape", service, {"url": service + "/search", "method": "POST", "records": "nowhere",
                                        "body": {"filterGroups": [{"filters": [{"value": "{email}"}]}]}}),
    ]  # fmt: skip
    for source in sources:
        keyring.set_password("insyn", source["id"], CLIENT_SECRET)
    keyring.set_password("insyn", "wrongsecret", "not-the-secret")
    path = tmp_path / "insyn.toml"
    organisation = {"name": "Testbolaget AB", "org_number": "556677-8899",
                    "visiting_address": "Gatan 1, 123 45 Staden", "privacy_contact": "dataskydd@example.com"}  # fmt: skip
    lines = [f"organisation = {toml_value(organisation)}"]
    lines += ["[[sources]]\n" + "\n".join(f"{k} = {toml_value(v)}" for k, v in with_facts(s).items()) for s in sources]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _err = cli("config", "check", str(path))
    assert code == 1
    assert "chat: ok (Meddelanden: answered)" in out
    assert "wrongsecret: FAILED: the token endpoint refused the client id or secret (HTTP 401)" in out
    assert "gone: FAILED: Meddelanden: cannot reach the service (ConnectError)" in out
    assert "shape: FAILED: Meddelanden: the answer lacks the configured records path" in out
    asked = [s for s in WORLD.seen if s.path.startswith("/cursor/")]
    assert [s.path for s in asked] == ["/cursor/insyn-config-check"]  # someone nobody is, one page


def toml_value(value: Any) -> str:
    """A value as TOML (inline tables and arrays; JSON's string escapes are TOML's too)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{ " + ", ".join(f"{json.dumps(str(k))} = {toml_value(v)}" for k, v in value.items()) + " }"


def test_an_action_is_one_call_under_the_same_rules(tmp_path: Path, service: str) -> None:
    """A web service's action (issue 19): the call with the bearer, the identifier escaped in the
    path and as a JSON string in the body; not found is nothing to do; an error or a redirect is a
    failure the case keeps owing, and nothing is sent to another server."""
    from desktop.config import RestAction
    from desktop.sources.base import SourceFailure
    from desktop.sources.rest import RestConnector

    keyring.set_password("insyn", "chat", CLIENT_SECRET)
    config = make_config(tmp_path, [oauth_source("chat", service, {"url": service + "/cursor/{email}"})])
    connector = RestConnector(config.sources[0], timeout=5, max_rows=100)  # type: ignore[arg-type]

    def action(method: str, path: str, **extra: Any) -> RestAction:
        return RestAction(request="erasure", title="Raderat", method=method, url=service + path, **extra)

    assert connector.call(action("DELETE", "/contacts/{email}"), {"email": EMAIL}) == 1
    assert connector.call(action("DELETE", "/contacts/{email}"), {"email": "nobody@example.com"}) == 0
    body = {"entries": [{"email": "{email}", "reason": "Invändning mot direktmarknadsföring"}]}
    assert connector.call(action("POST", "/suppress", body=body, effect="erase"), {"email": EMAIL}) == 1
    with pytest.raises(ValueError, match="must say effect"):  # a POST may erase or pseudonymise: say which
        action("POST", "/suppress", body=body)
    for path, said in (("/broken/{email}", "did not do it (HTTP 500)"), ("/moved/{email}", "redirected the change")):
        with pytest.raises(SourceFailure) as failed:
            connector.call(action("DELETE", path), {"email": EMAIL})
        assert said in str(failed.value)
    deleted = [seen for seen in WORLD.seen if seen.method == "DELETE"]
    assert deleted[0].path == "/contacts/an%22na%5C%7Bx%7D%40example.com"  # escaped: one path segment
    assert deleted[0].headers["Authorization"].startswith("Bearer tok-")
    assert not [seen for seen in WORLD.seen if seen.host == "127.0.0.2"]  # the redirect was not followed
    assert all(CLIENT_SECRET not in seen.body.decode() for seen in WORLD.seen if seen.path != "/oauth/token")
    connector.close()
