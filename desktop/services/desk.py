"""The desk: the loaded configuration, the open register and the sources, held together.

The window and the command line each open one `Desk` and call the use cases with it. The
register URL comes, in order, from the caller, `INSYN_REGISTER_URL`, the configuration, or the
default SQLite file in the user data folder.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop.config import Config, Policy, config_warnings, find_config, load_config
from desktop.errors import UserError
from desktop.register.db import Register, RegisterError, open_register
from desktop.register.models import Staff
from desktop.register.repository import NotFound, staff_by_username
from desktop.services.render_process import ExtractRenderer
from desktop.sources.engine import SourceSet

log = logging.getLogger(__name__)

__all__ = ["Desk", "find_config", "open_desk", "register_desk"]  # find_config: the window finds its file here


@dataclass
class Desk:
    config: Config
    register: Register
    sources: SourceSet
    config_path: Path | None = None
    renderer: ExtractRenderer = field(default_factory=ExtractRenderer)
    policy_in_force: Policy | None = None  # the register's policy made stricter by this desk's file

    @property
    def policy(self) -> Policy:
        return self.policy_in_force or (self.config.policy if self.config is not None else Policy())

    def __post_init__(self) -> None:
        protect_desk_files(self)

    def close(self) -> None:
        self.renderer.close()
        if self.sources is not None:
            self.sources.close()
        self.register.dispose()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_desk(config_path: str | Path, *, register_url: str | None = None) -> Desk:
    from desktop.services.policy import effective_policy, stored_policy

    config = load_config(config_path)
    from desktop.services.demo.web import serve_demo

    serve_demo(config_path)  # the demo's own web service, where this is a demo's configuration
    for warning in config_warnings(config, config_path):
        log.warning("configuration: %s", warning)  # names files and hosts, never personal data
    url = register_url or os.environ.get("INSYN_REGISTER_URL") or config.register_settings.url
    register = open_register_at(url)
    try:
        policy = effective_policy(config.policy, stored_policy(register))
    except UserError:
        register.dispose()
        raise
    return Desk(config, register, SourceSet(config), Path(config_path), policy_in_force=policy)


def protect_desk_files(desk: Desk) -> None:
    """Outputs may never replace what this desk reads: the register's SQLite file, the
    configuration, every source's export file and SQLite database (services/files.py)."""
    from sqlalchemy.engine import make_url

    from desktop.config import FileSource, SqlSource
    from desktop.services.files import protect

    def sqlite_file(url: object) -> list[str]:
        parsed = make_url(str(url))
        name = parsed.database
        return [name] if parsed.get_backend_name() == "sqlite" and name and name != ":memory:" else []

    protect(sqlite_file(desk.register.engine.url), sqlite=True)
    if desk.config_path is not None:
        protect([desk.config_path])
    for source in desk.config.sources if desk.config is not None else ():
        if isinstance(source, FileSource):
            protect([source.path])
        elif isinstance(source, SqlSource):
            protect(sqlite_file(source.url), sqlite=True)


def register_unreachable(exc: BaseException) -> bool:
    """Whether an error came from the register's database driver (the window says so)."""
    from sqlalchemy.exc import DBAPIError

    return isinstance(exc, DBAPIError)


def register_desk(url: str | None, *, config: str | None = None, baseline: bool = True) -> Desk:
    """A desk for the register alone (staff, policy, audit, purge and report commands), with no
    sources: the register at `url`, else the one the configuration names (`config`: --config,
    INSYN_CONFIG or the machine-wide file, when there is one), else the default SQLite file; its
    policy is the register's, made stricter by that configuration. `baseline=False`: for `audit
    verify` and `audit accept`, which must open a register whose start refuses (see
    audit.ensure_baseline)."""
    from desktop.services.policy import effective_policy, stored_policy

    config_path = find_config(config)
    loaded = load_config(config_path) if config_path else None
    if url is None and loaded is not None:
        url = loaded.register_settings.url
    register = open_register_at(url, baseline=baseline)
    policy = effective_policy(loaded.policy if loaded else Policy(), stored_policy(register))
    return Desk(loaded, register, None, Path(config_path) if config_path else None,  # type: ignore[arg-type]
                policy_in_force=policy)  # fmt: skip


AUDIT_KEY_SECRET = "audit-key"


def audit_key() -> bytes | None:
    """The organisation's audit key from this desk's keyring, if IT stored it."""
    from desktop.sources.secrets import get_secret

    secret = get_secret(AUDIT_KEY_SECRET)
    return secret.encode("utf-8") if secret else None


def open_register_at(url: str | None, *, baseline: bool = True) -> Register:
    """The register at `url` (or the default SQLite file), with its password from the keyring and
    this desk's audit key."""
    try:
        return open_register(with_register_secret(url) if url else None, audit_key=audit_key(), baseline=baseline)
    except RegisterError as exc:
        raise UserError(str(exc)) from None


def with_register_secret(url: str) -> str:
    """A shared register's password comes from the keyring (secret 'register'), if stored."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from desktop.sources.secrets import get_secret

    try:
        parsed = make_url(url)
    except ArgumentError:
        return url  # open_register says what is wrong
    if parsed.password:
        # A password on the command line or in the environment shows in `ps`, shell history and
        # the process environment; the keyring holds it instead.
        raise UserError(
            "the register URL must not contain a password: store it with `insyn secrets set register` "
            "and give the URL without it"
        )
    if parsed.username and not parsed.password and parsed.get_backend_name() != "sqlite":
        secret = get_secret("register")
        if secret:
            return parsed.set(password=secret).render_as_string(hide_password=False)
    return url


def find_staff(session, username: str | None) -> Staff | None:  # type: ignore[no-untyped-def]
    """The active staff member, or None for unattended command-line runs."""
    if username is None:
        return None
    try:
        return staff_by_username(session, username)
    except NotFound:
        raise UserError(f"no active staff member '{username}': add one with `insyn staff add`") from None
