"""REST sources: JSON over HTTP(S) with httpx.

URL templates take identifiers as `{email}`; every value is percent-encoded before it goes into
the path, and query parameters are encoded by httpx. The secret for the auth header comes from
the keyring. Pagination follows a "next" URL found in the answer. An answer that is not JSON, or
not shaped as configured, fails the source with a reason; it never yields partial garbage.
"""

from __future__ import annotations

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


class RestConnector:
    def __init__(self, source: RestSource, *, timeout: float, max_rows: int) -> None:
        self.source = source
        self.source_id = source.id
        self.timeout = timeout
        self.max_rows = max_rows
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()
        self._steps = [
            Step(index=i, title=e.title, parameters=e.parameters, yields=dict(e.yields), labels=dict(e.labels))
            for i, e in enumerate(source.endpoints)
        ]

    def steps(self) -> list[Step]:
        return self._steps

    def _make_client(self) -> httpx.Client:
        headers = {"User-Agent": f"Insyn/{__version__}", "Accept": "application/json"}
        auth: httpx.Auth | None = None
        try:
            if self.source.auth == "bearer":
                headers["Authorization"] = f"Bearer {require_secret(self.source_id)}"
            elif self.source.auth == "header":
                headers[self.source.auth_header] = require_secret(self.source_id)
            elif self.source.auth == "basic":
                auth = httpx.BasicAuth(self.source.username or "", require_secret(self.source_id))
        except UserError as exc:
            raise SourceFailure(str(exc)) from None
        return httpx.Client(
            headers=headers,
            auth=auth,
            timeout=httpx.Timeout(self.timeout),
            verify=self.source.verify_tls,
            follow_redirects=True,
        )

    @property
    def client(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = self._make_client()
            return self._client

    def run(self, step: Step, params: dict[str, str], cancel: threading.Event) -> StepOutput:
        endpoint = self.source.endpoints[step.index]
        values = {p: parameter_value(p, params[p]) for p in step.parameters}
        url: str | None = endpoint.url.format_map({k: quote(v, safe="") for k, v in values.items()})
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
        return StepOutput(rows)

    def _get(self, url: str, query: dict[str, str] | None, not_found: tuple[int, ...]) -> Any:
        try:
            response = self.client.get(url, params=query)
        except httpx.TimeoutException:
            raise SourceFailure("the service did not answer in time") from None
        except httpx.HTTPError as exc:
            raise SourceFailure(f"cannot reach the service ({type(exc).__name__})") from None
        if response.status_code in not_found:
            return None
        if response.status_code in (401, 403):
            raise SourceFailure(f"the service refused the credentials (HTTP {response.status_code})")
        if response.status_code >= 400:
            raise SourceFailure(f"the service answered with an error (HTTP {response.status_code})")
        try:
            return response.json()
        except ValueError:
            raise SourceFailure("the answer was not JSON") from None

    def interrupt(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def check(self) -> None:
        base = httpx.URL(self.source.endpoints[0].url.split("{", 1)[0])
        try:
            self.client.request("HEAD", base)
        except httpx.HTTPError as exc:
            raise SourceFailure(f"cannot reach the service ({type(exc).__name__})") from None

    def close(self) -> None:
        self.interrupt()
