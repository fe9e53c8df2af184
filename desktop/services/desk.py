"""The desk: the loaded configuration, the open register and the sources, held together.

The window and the command line each open one `Desk` and call the use cases with it. The
register URL comes, in order, from the caller, `INSYN_REGISTER_URL`, the configuration, or the
default SQLite file in the user data folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop.config import Config, load_config
from desktop.errors import UserError
from desktop.register.db import Register, RegisterError, open_register
from desktop.register.models import Staff
from desktop.register.repository import NotFound, staff_by_username
from desktop.services.render_process import ExtractRenderer
from desktop.sources.engine import SourceSet


@dataclass
class Desk:
    config: Config
    register: Register
    sources: SourceSet
    config_path: Path | None = None
    renderer: ExtractRenderer = field(default_factory=ExtractRenderer)

    def close(self) -> None:
        self.renderer.close()
        self.sources.close()
        self.register.dispose()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_desk(config_path: str | Path, *, register_url: str | None = None) -> Desk:
    config = load_config(config_path)
    url = register_url or os.environ.get("INSYN_REGISTER_URL") or config.register_settings.url
    if url:
        url = with_register_secret(url)
    try:
        register = open_register(url)
    except RegisterError as exc:
        raise UserError(str(exc)) from None
    return Desk(config, register, SourceSet(config), Path(config_path))


def with_register_secret(url: str) -> str:
    """A shared register's password comes from the keyring (secret 'register'), if stored."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from desktop.sources.secrets import get_secret

    try:
        parsed = make_url(url)
    except ArgumentError:
        return url  # open_register says what is wrong
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
