"""REST sources: JSON over HTTP(S) with httpx.

URL templates take identifiers as `{email}`; every value is percent-encoded before it goes into
the path (a value that is `.` or `..` is refused: it would change the path), and query
parameters are encoded by httpx. A POST body is a JSON template: identifiers are put into its
texts as values and the whole is serialised by `json.dumps`, so a quote or a backslash in an
identifier stays inside its string.

The secret comes from the keyring and is sent only to the endpoint's own origin: redirects are
followed within that origin (or not at all), and a next page on another origin is refused. With
OAuth2 client credentials the keyring holds the client secret; it goes only to the token
endpoint, and the bearer token it buys only to the endpoints (renewed once on a 401, kept until
`expires_in`). Every paging style the common services use is followed (next URL, Link header,
cursor, offset, page number) up to `max_pages`; a service that has more says so instead of being
cut silently, and one whose cursor goes round in a circle fails. A 429 or 503 with Retry-After is
waited out while the source's time allows. An answer is read up to a size limit while it streams;
one that is not JSON, or not shaped as configured, fails the source with a reason; it never
yields partial garbage.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urlencode

import httpx

from desktop import __version__
from desktop.config import PERSONNUMMER_FORMS, Paging, RestAction, RestEndpoint, RestSource
from desktop.errors import UserError
from desktop.sources.base import Notify, SourceFailure, Step, StepOutput, parameter_value, plain_value
from desktop.sources.secrets import require_secret


def dotted(document: Any, path: str) -> Any:
    """`data.items` → document["data"]["items"]; digits index lists; '' is the document."""
    node = document
    for part in [p for p in path.split(".") if p]:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects become `address.city`; lists of scalars a comma-separated text."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            if all(not isinstance(v, dict | list) for v in value):
                flat[name] = ", ".join("" if v is None else str(v) for v in value)
            else:
                for i, item in enumerate(value):
                    if isinstance(item, dict):
                        flat.update(flatten(item, f"{name}[{i}]."))
                    else:
                        flat[f"{name}[{i}]"] = plain_value(item)
        else:
            flat[name] = plain_value(value)
    return flat


MAX_REDIRECTS = 5
MAX_WAITS = 20  # Retry-After answers for one page before the source gives up
TOKEN_MARGIN = 30.0  # a token is renewed this many seconds before it expires
TOKEN_LIFETIME_UNSAID = 60.0  # no expires_in: the token serves one gather, then a new one is fetched
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# `config check` searches every endpoint for someone nobody is: a personnummer with a wrong check
# digit and a text no system holds.
PROBE_PERSONNUMMER = "19000101-0000"
PROBE_VALUE = "insyn-config-check"


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port: where credentials may go."""
    port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, port


def fill_template(node: Any, values: dict[str, str]) -> Any:
    """A JSON body template with each `{identifier}` in its texts replaced by the value. The
    values go in as Python strings; `json.dumps` escapes them when the body is sent."""
    if isinstance(node, str):
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), node)
    if isinstance(node, dict):
        return {fill_template(key, values): fill_template(item, values) for key, item in node.items()}
    if isinstance(node, list):
        return [fill_template(item, values) for item in node]
    return node


def with_field(body: Any, path: str, value: Any) -> Any:
    """A copy of a JSON body with `a.b` set to `value` (objects made where missing)."""
    result = copy.deepcopy(body) if isinstance(body, dict) else {}
    node = result
    parts = path.split(".")
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[parts[-1]] = value
    return result


def retry_after_seconds(value: str, now: datetime) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date; None if neither."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


@dataclass(frozen=True)
class _Request:
    """One page's request: the address, its query and, for POST, its JSON body."""

    url: str
    query: dict[str, str] = field(default_factory=dict)
    body: Any = None

    @property
    def identity(self) -> str:
        return json.dumps([self.url, sorted(self.query.items()), self.body], sort_keys=True, default=str)


@dataclass(frozen=True)
class _Answer:
    status: int
    body: bytes
    location: str | None = None  # a redirect's target
    next_link: str | None = None  # Link: <…>; rel="next"
    retry_after: str | None = None


@dataclass
class _Page:
    document: Any  # None: the service said "no data" (a not-found status)
    next_link: str | None


class RestConnector:
    def __init__(self, source: RestSource, *, timeout: float, max_rows: int) -> None:
        self.source = source
        self.source_id = source.id
        self.timeout = timeout
        self.max_rows = max_rows
        self._client: httpx.Client | None = None
        self._static: dict[str, str] | None = None  # the headers of bearer/header/basic auth
        self._token: tuple[str, float] | None = None  # OAuth2: the bearer and when it expires
        self._lock = threading.Lock()
        self._closed = False  # closed for good (interrupt() only drops the connections)
        self._responses: set[httpx.Response] = set()  # being read now (closed by interrupt)
        self._in_use: dict[httpx.Client, int] = {}  # requests under way, per client
        self._token_lock = threading.Lock()
        self._steps = [
            Step(index=i, title=e.title, parameters=e.parameters, yields=dict(e.yields), labels=dict(e.labels))
            for i, e in enumerate(source.endpoints)
        ]

    def steps(self) -> list[Step]:
        return self._steps

    # Credentials -------------------------------------------------------------------------

    @property
    def _oauth(self) -> bool:
        return self.source.auth == "oauth2-client-credentials"

    def _credentials(self) -> dict[str, str]:
        """The headers that carry the secret or the token; sent per request, to the origin only."""
        if self._oauth:
            return {"Authorization": f"Bearer {self._bearer()}"}
        if self._static is None:
            self._static = self._static_headers()
        return self._static

    def _static_headers(self) -> dict[str, str]:
        try:
            if self.source.auth == "bearer":
                return {"Authorization": f"Bearer {require_secret(self.source_id)}"}
            if self.source.auth == "header":
                return {self.source.auth_header: require_secret(self.source_id)}
            if self.source.auth == "basic":
                pair = f"{self.source.username or ''}:{require_secret(self.source_id)}".encode()
                return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        except UserError as exc:
            raise SourceFailure(str(exc)) from None
        return {}

    def _bearer(self, *, renew: bool = False) -> str:
        with self._token_lock:
            if not renew and self._token is not None and time.monotonic() < self._token[1]:
                return self._token[0]
            self._token = self._fetch_token()
            return self._token[0]

    def _fetch_token(self) -> tuple[str, float]:
        """The client credentials grant (RFC 6749, 4.4): the client secret goes to the token
        endpoint and nowhere else; redirects are not followed."""
        source = self.source
        assert source.token_url is not None and source.client_id is not None
        try:
            secret = require_secret(self.source_id)
        except UserError as exc:
            raise SourceFailure(str(exc)) from None
        form = {"grant_type": "client_credentials"}
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        if source.client_auth == "basic":
            pair = f"{quote(source.client_id, safe='')}:{quote(secret, safe='')}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        else:
            form |= {"client_id": source.client_id, "client_secret": secret}
        if source.scope:
            form["scope"] = source.scope
        answer = self._fetch("POST", httpx.URL(source.token_url), {}, urlencode(form).encode(), headers)
        if answer.location is not None:
            raise SourceFailure(f"the token endpoint redirected (HTTP {answer.status}); give its final address")
        if answer.status in (400, 401, 403):
            raise SourceFailure(f"the token endpoint refused the client id or secret (HTTP {answer.status})")
        if answer.status >= 300:
            raise SourceFailure(f"the token endpoint answered with an error (HTTP {answer.status})")
        try:
            document = json.loads(answer.body)
        except ValueError:
            raise SourceFailure("the token endpoint's answer was not JSON") from None
        token = document.get("access_token") if isinstance(document, dict) else None
        kind = document.get("token_type", "bearer") if isinstance(document, dict) else None
        if not isinstance(token, str) or not token or str(kind).lower() != "bearer":
            raise SourceFailure("the token endpoint's answer holds no bearer access_token")
        expires_in = document.get("expires_in")
        if isinstance(expires_in, int | float) and not isinstance(expires_in, bool) and expires_in > 0:
            lifetime = max(0.0, float(expires_in) - TOKEN_MARGIN)
        else:
            lifetime = TOKEN_LIFETIME_UNSAID
        return token, time.monotonic() + lifetime

    # The client --------------------------------------------------------------------------

    def _make_client(self) -> httpx.Client:
        return httpx.Client(
            headers={"User-Agent": f"Insyn/{__version__}", "Accept": "application/json"},
            timeout=httpx.Timeout(self.timeout),
            verify=self.source.verify_tls,
            follow_redirects=False,  # followed by hand, within the origin only (see _page)
        )

    @property
    def client(self) -> httpx.Client:
        with self._lock:
            if self._closed:  # a worker still running when the desk closed: no new connections
                raise SourceFailure("cancelled")
            if self._client is None:
                self._client = self._make_client()
            return self._client

    # Running -----------------------------------------------------------------------------

    def run(
        self, step: Step, params: dict[str, str], cancel: threading.Event, notify: Notify | None = None
    ) -> StepOutput:
        endpoint = self.source.endpoints[step.index]
        values = {p: parameter_value(p, params[p]) for p in step.parameters}
        return self._read(endpoint, values, cancel, notify or (lambda _waiting: None))

    def _read(
        self, endpoint: RestEndpoint, values: dict[str, str], cancel: threading.Event, notify: Notify
    ) -> StepOutput:
        if any(v.strip() in (".", "..") for v in values.values()):
            raise SourceFailure("an identifier value is '.' or '..', which would change the address")
        paging = endpoint.paging_rule
        request = self._first_request(endpoint, values, paging)
        origin = _origin(httpx.URL(request.url))
        deadline = time.monotonic() + self.timeout
        asked = {request.identity}
        rows: list[dict[str, Any]] = []
        pages = 0
        while True:
            if cancel.is_set():
                raise SourceFailure("cancelled")
            page = self._page(endpoint, request, deadline, cancel, notify)
            pages += 1
            if page.document is None:
                break
            found = self._records(endpoint, page.document)
            rows.extend(flatten(r) for r in found)
            if len(rows) > self.max_rows:
                return StepOutput(rows[: self.max_rows], truncated=True)
            following = _next_request(endpoint, paging, request, page, len(found)) if paging else None
            if following is None:
                break
            if _origin(httpx.URL(following.url)) != origin:
                raise SourceFailure("the next page is on another server; it was not asked")
            if following.identity in asked:
                raise SourceFailure("the service's pages go round in a circle (the same next page twice)")
            if pages >= endpoint.max_pages:
                return StepOutput(rows, page_limit=pages)
            asked.add(following.identity)
            request = following
        return StepOutput(rows)

    @staticmethod
    def _records(endpoint: RestEndpoint, document: Any) -> list[dict[str, Any]]:
        found = dotted(document, endpoint.records)
        if found is None:
            raise SourceFailure("the answer lacks the configured records path")
        if isinstance(found, dict):
            found = [found]
        if not isinstance(found, list) or not all(isinstance(r, dict) for r in found):
            raise SourceFailure("the answer does not hold a list of records where configured")
        return found

    @staticmethod
    def _first_request(endpoint: RestEndpoint, values: dict[str, str], paging: Paging | None) -> _Request:
        url = endpoint.url.format_map({k: quote(v, safe="") for k, v in values.items()})
        query = {k: fill_template(v, values) for k, v in endpoint.params.items()}
        body = fill_template(endpoint.body, values) if endpoint.method == "POST" else None
        request = _Request(url, query, body)
        if paging is not None and paging.kind in ("offset", "page"):
            request = _with_parameter(request, endpoint, paging.param, 0 if paging.kind == "offset" else paging.start)
            if paging.size_param is not None:
                request = _with_parameter(request, endpoint, paging.size_param, paging.page_size)
        return request

    def _page(
        self, endpoint: RestEndpoint, request: _Request, deadline: float, cancel: threading.Event, notify: Notify
    ) -> _Page:
        """One page: redirects followed within the origin, a 401 met with a new token once, a
        429/503 with Retry-After waited out while the time allows."""
        target = httpx.URL(request.url)
        origin = _origin(target)
        query: dict[str, str] | None = request.query
        content = None if request.body is None else json.dumps(request.body, ensure_ascii=False).encode()
        renewed = False
        waits = 0
        hops = 0
        while True:
            headers = dict(self._credentials())
            if content is not None:
                headers["Content-Type"] = "application/json"
            answer = self._fetch(endpoint.method, target, query, content, headers)
            if answer.location is not None:
                if self.source.redirects == "never":
                    raise SourceFailure(f"the service redirected the request (HTTP {answer.status}); redirects are off")
                if content is not None:
                    raise SourceFailure(
                        f"the service redirected a search (HTTP {answer.status}); give its final address"
                    )
                hops += 1
                if hops > MAX_REDIRECTS:
                    raise SourceFailure("the service redirected too many times")
                target = target.join(answer.location)
                query = None  # the new address carries its own
                if _origin(target) != origin:
                    raise SourceFailure("the service redirected to another server; it was not followed")
                continue
            if answer.status in (429, 503) and answer.retry_after is not None:
                waits += 1
                self._wait(answer, deadline, cancel, notify, waits)
                continue
            if answer.status == 401 and self._oauth and not renewed:
                renewed = True  # the token may have expired early: one new one, then no more
                self._bearer(renew=True)
                continue
            break
        if answer.status in endpoint.not_found_status:
            return _Page(None, None)
        if answer.status in (401, 403):
            raise SourceFailure(f"the service refused the credentials (HTTP {answer.status})")
        if answer.status == 429:
            raise SourceFailure("the service limits how often it is asked (HTTP 429) and said no more")
        if answer.status >= 400:
            raise SourceFailure(f"the service answered with an error (HTTP {answer.status})")
        try:
            return _Page(json.loads(answer.body), answer.next_link)
        except ValueError:
            raise SourceFailure("the answer was not JSON") from None

    @staticmethod
    def _wait(answer: _Answer, deadline: float, cancel: threading.Event, notify: Notify, waits: int) -> None:
        seconds = retry_after_seconds(answer.retry_after or "", datetime.now(UTC))
        if seconds is None:
            raise SourceFailure(f"the service is busy (HTTP {answer.status}) and said no time to come back")
        if waits > MAX_WAITS:
            raise SourceFailure(f"the service stayed busy (HTTP {answer.status}) after {MAX_WAITS} waits")
        if time.monotonic() + seconds > deadline:
            raise SourceFailure(
                f"the service is busy (HTTP {answer.status}) and asked for {seconds:.0f} s, more than the time left"
            )
        notify(True)
        try:
            if cancel.wait(seconds):
                raise SourceFailure("cancelled")
        finally:
            notify(False)

    def _fetch(
        self,
        method: str,
        url: httpx.URL,
        query: dict[str, str] | None,
        content: bytes | None,
        headers: dict[str, str],
    ) -> _Answer:
        """One request, the body read while it streams up to the size limit."""
        limit = int(self.source.max_response_mb * 1_000_000)
        too_large = f"the answer is larger than {self.source.max_response_mb:g} MB"
        client = self._borrow()
        try:
            # Merged into the URL's own query: httpx's params= would replace it.
            target = url.copy_merge_params(query) if query else url
            with (
                client.stream(method, target, content=content, headers=headers) as response,
                self._active_while(response),
            ):
                if response.is_redirect:
                    return _Answer(response.status_code, b"", location=response.headers.get("Location", ""))
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise SourceFailure(too_large)
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise SourceFailure(too_large)
                    chunks.append(chunk)
                return _Answer(
                    response.status_code,
                    b"".join(chunks),
                    next_link=response.links.get("next", {}).get("url"),
                    retry_after=response.headers.get("Retry-After"),
                )
        except httpx.TimeoutException:
            raise SourceFailure("the service did not answer in time") from None
        except httpx.HTTPError as exc:
            raise SourceFailure(f"cannot reach the service ({type(exc).__name__})") from None
        finally:
            self._give_back(client)

    def _borrow(self) -> httpx.Client:
        """The client for one request, counted while it is in use: a client interrupted meanwhile
        is closed by its last request, after that request's connection is back in its pool."""
        client = self.client
        with self._lock:
            self._in_use[client] = self._in_use.get(client, 0) + 1
        return client

    def _give_back(self, client: httpx.Client) -> None:
        with self._lock:
            left = self._in_use.pop(client, 1) - 1
            if left:
                self._in_use[client] = left
            retired = not left and client is not self._client
        if retired:
            client.close()

    # Actions -----------------------------------------------------------------------------

    def call(self, action: RestAction, params: dict[str, str]) -> int:
        """One action's call (DELETE, POST, PATCH, PUT) under the source's credentials and its
        origin rules: 1 when the service did it (2xx), 0 when it holds nothing of the visitor's
        (a not-found status). A redirect is not followed (a change goes to its final address);
        a 401 renews an OAuth2 token once; a 429/503 with Retry-After is waited out in time."""
        values = {p: parameter_value(p, params[p]) for p in action.parameters}
        if any(v.strip() in (".", "..") for v in values.values()):
            raise SourceFailure("an identifier value is '.' or '..', which would change the address")
        target = httpx.URL(action.url.format_map({k: quote(v, safe="") for k, v in values.items()}))
        body = fill_template(action.body, values)
        content = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        deadline = time.monotonic() + self.timeout
        renewed, waits = False, 0
        while True:
            headers = dict(self._credentials())
            if content is not None:
                headers["Content-Type"] = "application/json"
            answer = self._fetch(action.method, target, None, content, headers)
            if answer.location is not None:
                raise SourceFailure(f"the service redirected the change (HTTP {answer.status}); give its final address")
            if answer.status in (429, 503) and answer.retry_after is not None:
                waits += 1
                self._wait(answer, deadline, threading.Event(), lambda _waiting: None, waits)
                continue
            if answer.status == 401 and self._oauth and not renewed:
                renewed = True
                self._bearer(renew=True)
                continue
            break
        if answer.status in action.not_found_status:
            return 0
        if answer.status in (401, 403):
            raise SourceFailure(f"the service refused the credentials (HTTP {answer.status})")
        if 200 <= answer.status < 300:
            return 1
        raise SourceFailure(f"the service did not do it (HTTP {answer.status})")

    # Checks ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _active_while(self, response: httpx.Response) -> Iterator[None]:
        """A response being read: `interrupt` closes it, so its connection does not outlive the
        client (a cancelled or timed-out page would otherwise leave its socket open)."""
        with self._lock:
            self._responses.add(response)
        try:
            yield
        finally:
            with self._lock:
                self._responses.discard(response)

    def interrupt(self) -> None:
        """Stop what is being read and drop the connections; the next request opens new ones. A
        client still in use is closed by its last request (see _give_back), so no connection
        goes back into a closed pool and stays open."""
        with self._lock:
            client, self._client = self._client, None
            responses, self._responses = list(self._responses), set()
            busy = client is not None and client in self._in_use
        for response in responses:
            with contextlib.suppress(Exception):  # it may be closing in its own thread just now
                response.close()
        if client is not None and not busy:
            client.close()

    def check(self) -> None:
        """At start: the service is reachable and, with OAuth2, a token is bought (and kept for
        the first visitor)."""
        if self._oauth:
            self._bearer()
            return
        base = httpx.URL(self.source.endpoints[0].url.split("{", 1)[0])
        try:
            self.client.request("HEAD", base, headers=self._credentials())
        except httpx.HTTPError as exc:
            raise SourceFailure(f"cannot reach the service ({type(exc).__name__})") from None

    def probe(self) -> list[str]:
        """`config check`: every endpoint's first page asked for someone nobody is, end to end
        (the token, the request, the answer's shape). A failure names the endpoint."""
        if self._oauth:
            self._bearer()  # a refused client secret is the source's failure, not an endpoint's
        notes = []
        for endpoint in self.source.endpoints:
            values = {
                p: parameter_value(p, PROBE_PERSONNUMMER) if p in PERSONNUMMER_FORMS else PROBE_VALUE
                for p in endpoint.parameters
            }
            request = self._first_request(endpoint, values, endpoint.paging_rule)
            try:
                deadline = time.monotonic() + self.timeout
                page = self._page(endpoint, request, deadline, threading.Event(), lambda _waiting: None)
                if page.document is not None:
                    self._records(endpoint, page.document)
            except SourceFailure as exc:
                raise SourceFailure(f"{endpoint.title}: {exc}") from None
            notes.append(f"{endpoint.title}: answered")
        return notes

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self.interrupt()


def _parameter(request: _Request, endpoint: RestEndpoint, name: str) -> Any:
    if endpoint.method == "POST":
        return dotted(request.body, name)
    return request.query.get(name)


def _with_parameter(request: _Request, endpoint: RestEndpoint, name: str | None, value: Any) -> _Request:
    """The request with a paging parameter set: a query parameter, or for POST a body field."""
    assert name is not None
    if endpoint.method == "POST":
        return _Request(request.url, request.query, with_field(request.body, name, value))
    return _Request(request.url, {**request.query, name: str(value)}, request.body)


def _next_request(
    endpoint: RestEndpoint, paging: Paging, request: _Request, page: _Page, count: int
) -> _Request | None:
    """The request for the page after this one, or None when this was the last."""
    document = page.document
    if paging.has_more is not None and dotted(document, paging.has_more) is not True:
        return None
    if paging.kind == "next-url":
        target = dotted(document, paging.cursor or "")
        if not isinstance(target, str) or not target:
            return None
        return _Request(str(httpx.URL(request.url).join(target)), {}, request.body)
    if paging.kind == "link-header":
        if not page.next_link:
            return None
        return _Request(str(httpx.URL(request.url).join(page.next_link)), {}, request.body)
    if paging.kind == "cursor":
        cursor = dotted(document, paging.cursor or "")
        if cursor is None or cursor == "" or isinstance(cursor, dict | list | bool):
            return None
        return _with_parameter(request, endpoint, paging.param, cursor)
    # offset and page: on until a short (or, without page_size, an empty) page
    if count == 0 or (paging.has_more is None and paging.page_size is not None and count < paging.page_size):
        return None
    assert paging.param is not None
    current = _parameter(request, endpoint, paging.param)
    step = count if paging.kind == "offset" else 1
    return _with_parameter(request, endpoint, paging.param, int(current) + step)
