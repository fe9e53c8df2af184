"""REST sources: JSON over HTTP(S) with httpx.

URL templates take identifiers as `{email}`; every value is percent-encoded before it goes into
the path (a value that is `.` or `..` is refused: it would change the path), and query
parameters are encoded by httpx. The secret for the auth header comes from the keyring and is
sent only to the endpoint's own origin: redirects are followed within that origin (or not at
all), and a "next" page on another origin is refused. An answer is read up to a size limit while
it streams. An answer that is not JSON, or not shaped as configured, fails the source with a
reason; it never yields partial garbage.
"""

from __future__ import annotations

import base64
import json
import threading
from typing import Any
from urllib.parse import quote

import httpx

from desktop import __version__
from desktop.config import RestSource
from desktop.errors import UserError
from desktop.sources.base import SourceFailure, Step, StepOutput, parameter_value, plain_value
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


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port: where credentials may go."""
    port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, port


class RestConnector:
    def __init__(self, source: RestSource, *, timeout: float, max_rows: int) -> None:
        self.source = source
        self.source_id = source.id
        self.timeout = timeout
        self.max_rows = max_rows
        self._client: httpx.Client | None = None
        self._credentials: dict[str, str] = {}
        self._lock = threading.Lock()
        self._steps = [
            Step(index=i, title=e.title, parameters=e.parameters, yields=dict(e.yields), labels=dict(e.labels))
            for i, e in enumerate(source.endpoints)
        ]

    def steps(self) -> list[Step]:
        return self._steps

    def _make_client(self) -> httpx.Client:
        self._credentials = self._credential_headers()
        return httpx.Client(
            headers={"User-Agent": f"Insyn/{__version__}", "Accept": "application/json"},
            timeout=httpx.Timeout(self.timeout),
            verify=self.source.verify_tls,
            follow_redirects=False,  # followed by hand, within the origin only (see _get)
        )

    def _credential_headers(self) -> dict[str, str]:
        """The headers that carry the keyring's secret; sent per request, to the origin only."""
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

    @property
    def client(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = self._make_client()
            return self._client

    def run(self, step: Step, params: dict[str, str], cancel: threading.Event) -> StepOutput:
        endpoint = self.source.endpoints[step.index]
        values = {p: parameter_value(p, params[p]) for p in step.parameters}
        if any(v.strip() in (".", "..") for v in values.values()):
            raise SourceFailure("an identifier value is '.' or '..', which would change the address")
        first = endpoint.url.format_map({k: quote(v, safe="") for k, v in values.items()})
        origin = _origin(httpx.URL(first))
        url: str | None = first
        query = {k: v.format_map(values) for k, v in endpoint.params.items()}
        rows: list[dict[str, Any]] = []
        pages = 0
        while url and pages < endpoint.max_pages:
            if cancel.is_set():
                raise SourceFailure("cancelled")
            document = self._get(url, query if pages == 0 else None, endpoint.not_found_status)
            pages += 1
            if document is None:
                break
            found = dotted(document, endpoint.records)
            if found is None:
                raise SourceFailure("the answer lacks the configured records path")
            if isinstance(found, dict):
                found = [found]
            if not isinstance(found, list) or not all(isinstance(r, dict) for r in found):
                raise SourceFailure("the answer does not hold a list of records where configured")
            rows.extend(flatten(r) for r in found)
            if len(rows) > self.max_rows:
                return StepOutput(rows[: self.max_rows], truncated=True)
            next_url = dotted(document, endpoint.next) if endpoint.next else None
            url = str(httpx.URL(url).join(next_url)) if isinstance(next_url, str) and next_url else None
            if url is not None and _origin(httpx.URL(url)) != origin:
                raise SourceFailure("the next page is on another server; it was not asked")
        return StepOutput(rows)

    def _get(self, url: str, query: dict[str, str] | None, not_found: tuple[int, ...]) -> Any:
        client = self.client
        target = httpx.URL(url)
        origin = _origin(target)
        for _hop in range(MAX_REDIRECTS + 1):
            status, body, location = self._fetch(client, target, query)
            if location is None:
                break
            if self.source.redirects == "never":
                raise SourceFailure(f"the service redirected the request (HTTP {status}); redirects are off")
            target = target.join(location)
            query = None  # the new address carries its own
            if _origin(target) != origin:
                raise SourceFailure("the service redirected to another server; it was not followed")
        else:
            raise SourceFailure("the service redirected too many times")
        if status in not_found:
            return None
        if status in (401, 403):
            raise SourceFailure(f"the service refused the credentials (HTTP {status})")
        if status >= 400:
            raise SourceFailure(f"the service answered with an error (HTTP {status})")
        try:
            return json.loads(body)
        except ValueError:
            raise SourceFailure("the answer was not JSON") from None

    def _fetch(
        self, client: httpx.Client, url: httpx.URL, query: dict[str, str] | None
    ) -> tuple[int, bytes, str | None]:
        """One request, the body read while it streams up to the size limit: (status, body,
        redirect location or None)."""
        limit = int(self.source.max_response_mb * 1_000_000)
        try:
            with client.stream("GET", url, params=query, headers=self._credentials) as response:
                if response.is_redirect:
                    return response.status_code, b"", response.headers.get("Location", "")
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise SourceFailure(f"the answer is larger than {self.source.max_response_mb:g} MB")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise SourceFailure(f"the answer is larger than {self.source.max_response_mb:g} MB")
                    chunks.append(chunk)
                return response.status_code, b"".join(chunks), None
        except httpx.TimeoutException:
            raise SourceFailure("the service did not answer in time") from None
        except httpx.HTTPError as exc:
            raise SourceFailure(f"cannot reach the service ({type(exc).__name__})") from None

    def interrupt(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def check(self) -> None:
        base = httpx.URL(self.source.endpoints[0].url.split("{", 1)[0])
        try:
            self.client.request("HEAD", base, headers=self._credentials)
        except httpx.HTTPError as exc:
            raise SourceFailure(f"cannot reach the service ({type(exc).__name__})") from None

    def close(self) -> None:
        self.interrupt()
