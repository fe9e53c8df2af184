"""IT's side of a desk: finding the configuration, checking it against the real systems, its
reference, and the secrets in this machine's keyring. The command line asks these; it never
reads the configuration or opens a source itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop.config import ManualSource, config_warnings, english_missing, find_config, load_config, site_config_path
from desktop.config import reference_markdown as _reference_markdown
from desktop.errors import UserError
from desktop.services.desk import AUDIT_KEY_SECRET
from desktop.sources.base import SourceFailure
from desktop.sources.engine import SourceSet
from desktop.sources.secrets import set_secret
from desktop.sources.sql import WRITE_SECRET_SUFFIX


def config_path(explicit: str | None) -> str:
    """--config, else INSYN_CONFIG, else the machine-wide file; a clear error without any."""
    path = find_config(explicit)
    if not path:
        raise UserError(f"name the configuration with --config PATH, INSYN_CONFIG, or place it at {site_config_path()}")
    return path


@dataclass(frozen=True)
class SourceCheck:
    source_id: str
    ok: bool
    note: str  # "manual checklist item", a write-access warning, or why it failed


@dataclass(frozen=True)
class ConfigCheck:
    sources: int
    warnings: list[str]
    english_missing: list[str]


def check_config(path: str) -> tuple[ConfigCheck, Iterator[SourceCheck]]:
    """The configuration's own problems at once (ConfigError if it does not load), and then each
    source tried for real, one at a time (the caller prints as they come)."""
    config = load_config(path)
    from desktop.services.demo.web import serve_demo

    serve_demo(path)  # a demo's chat service answers the check as it answers a gather
    summary = ConfigCheck(len(config.sources), config_warnings(config, path), english_missing(config))

    def each() -> Iterator[SourceCheck]:
        sources = SourceSet(config)
        try:
            for source in config.sources:
                if isinstance(source, ManualSource):
                    yield SourceCheck(source.id, True, "manual checklist item")
                    continue
                connector = sources.connector(source.id)
                probe = getattr(connector, "probe", None)  # a web service: end to end, each endpoint
                notes: list[str] = []
                try:
                    if probe is not None:
                        notes = probe()
                    else:
                        connector.check()
                except SourceFailure as exc:
                    yield SourceCheck(source.id, False, str(exc))
                    continue
                if notes:
                    yield SourceCheck(source.id, True, "; ".join(notes))
                    continue
                write_access = getattr(connector, "write_access", None)
                danger = write_access() if write_access is not None else ""
                warning = f"WARNING: {danger}; give the source a SELECT-only account" if danger else ""
                yield SourceCheck(source.id, True, warning)
        finally:
            sources.close()

    return summary, each()


def reference_markdown() -> str:
    return _reference_markdown()


def check_source_id(config: str, name: str) -> None:
    """Refuse a secret for a source the configuration does not have (a typing mistake), before
    the secret is asked for; the register's password and the audit key are not sources."""
    if name not in ("register", AUDIT_KEY_SECRET):
        load_config(config).source(name.removesuffix(WRITE_SECRET_SUFFIX))  # SOURCE:write: its write account


def store_secret(name: str, secret: str) -> None:
    """A source's secret (or the register's password, or the audit key) into this machine's
    keyring."""
    if not secret:
        raise UserError("no secret given; nothing stored")
    set_secret(name, secret)
