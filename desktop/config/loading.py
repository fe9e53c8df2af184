"""Reading a configuration file: found where IT put it, refused with the key path and what is
wrong, never holding a secret, its relative paths read from its own folder."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import (
    ValidationError,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.config.base import ConfigError
from desktop.config.schema import Config
from desktop.config.sources import FileSource, RestSource, SqlSource, is_loopback

_SECRET_KEYS = re.compile(r"(password|passwd|pwd|secret|token|api_?key|apikey|credential)", re.I)
_NOT_SECRETS = frozenset({"token_url"})  # keys whose name looks like a secret but which hold none


def _find_secrets(value: object, path: str = "") -> str | None:
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if _SECRET_KEYS.search(str(key)) and str(key) not in _NOT_SECRETS and isinstance(item, str) and item:
                return here
            found = _find_secrets(item, here)
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _find_secrets(item, f"{path}[{index}]")
            if found:
                return found
    return None


def _key_path(location: tuple[int | str, ...], raw: dict[str, Any]) -> str:
    """`sources[2].queries[0].sql`, naming the source by its id where it has one."""
    parts: list[str] = []
    node: Any = raw
    for position, item in enumerate(location):
        if position == 2 and location[0] == "sources" and item in ("sql", "file", "rest", "manual"):
            continue  # pydantic's name for the union member, not a key of the file
        if isinstance(item, int):
            label = f"[{item}]"
            if isinstance(node, list) and item < len(node):
                node = node[item]
                if isinstance(node, dict) and isinstance(node.get("id"), str) and len(parts) == 1:
                    label = f"[{item}] ({node['id']})"
            parts.append(label)
        else:
            node = node.get(item) if isinstance(node, dict) else None
            parts.append(f".{item}" if parts else str(item))
    return "".join(parts) or "(top level)"


def _resolve_paths(config: Config, folder: Path) -> Config:
    """Make file paths and SQLite URLs relative to the configuration file absolute."""

    def absolute(path: str) -> str:
        candidate = Path(path).expanduser()
        return str(candidate if candidate.is_absolute() else (folder / candidate).resolve())

    def sqlite_absolute(url: str) -> str:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            return parsed.set(database=absolute(parsed.database)).render_as_string(False)
        return url

    sources = []
    for source in config.sources:
        if isinstance(source, FileSource):
            source = source.model_copy(update={"path": absolute(source.path)})
        elif isinstance(source, SqlSource):
            source = source.model_copy(update={"url": sqlite_absolute(source.url)})
        sources.append(source)
    register = config.register_settings
    if register.url:
        register = register.model_copy(update={"url": sqlite_absolute(register.url)})
    return config.model_copy(update={"sources": tuple(sources), "register_settings": register})


def parse_config(raw: dict[str, Any], *, origin: str = "<configuration>", folder: Path | None = None) -> Config:
    secret_at = _find_secrets(raw)
    if secret_at:
        raise ConfigError(
            f"{origin}: {secret_at}: passwords and tokens do not belong in the configuration; "
            "store them in the keyring with `insyn secrets set SOURCE`"
        )
    for source in raw.get("sources", []) if isinstance(raw.get("sources"), list) else []:
        url = source.get("url") if isinstance(source, dict) else None
        if isinstance(url, str) and source.get("kind") == "sql":
            try:
                if make_url(url).password:
                    raise ConfigError(
                        f"{origin}: sources ({source.get('id')}).url holds a password; store it "
                        "in the keyring with `insyn secrets set SOURCE`"
                    )
            except ArgumentError:
                pass  # reported by the schema below
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        errors: list[Any] = list(exc.errors())

        # A container is reported too short when its only item failed: that is one problem.
        def covered(error: dict[str, Any]) -> bool:
            loc = tuple(error["loc"])
            return any(o is not error and tuple(o["loc"])[: len(loc)] == loc for o in errors)

        errors = [e for e in errors if not covered(e)]
        error = errors[0]
        where = _key_path(tuple(error["loc"]), raw)
        message = error["msg"].removeprefix("Value error, ")
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        at = f"{where}: " if error["loc"] else ""
        raise ConfigError(f"{origin}: {at}{message}{more}") from None
    return _resolve_paths(config, folder or Path.cwd())


def site_config_path() -> Path:
    """Where IT puts the machine-wide configuration: /etc/xdg/Insyn/insyn.toml on Linux,
    C:\\ProgramData\\Insyn\\insyn.toml on Windows (platformdirs' site config folder)."""
    import platformdirs

    return Path(platformdirs.site_config_dir("Insyn", appauthor=False)) / "insyn.toml"


def find_config(explicit: str | None) -> str | None:
    """--config, else INSYN_CONFIG, else the machine-wide file if IT has placed one."""
    import os

    if explicit:
        return explicit
    if os.environ.get("INSYN_CONFIG"):
        return os.environ["INSYN_CONFIG"]
    site = site_config_path()
    return str(site) if site.is_file() else None


def config_warnings(config: Config, path: str | Path | None) -> list[str]:
    """What is allowed but risky: said by `config check` and logged at every start."""
    import stat
    from urllib.parse import urlsplit

    warnings = []
    if path is not None and os.name == "posix":
        try:
            mode = Path(path).stat().st_mode
        except OSError:
            mode = 0
        if mode & stat.S_IWOTH:
            warnings.append(f"{Path(path).name} can be changed by every user of this machine: chmod o-w it")
    for source in config.sources:
        if not isinstance(source, RestSource) or source.auth == "none":
            continue
        for endpoint in source.endpoints:
            parts = urlsplit(endpoint.url)
            host = (parts.hostname or "").lower()
            if parts.scheme.lower() == "http" and not is_loopback(host):
                warnings.append(f"{source.id}: its secret ({source.auth}) is sent over plain http to {host}; use https")
                break
    return warnings


MAX_CONFIG_BYTES = 1_000_000  # the demo's is 30 KB; a 9.8 MB file took 107 s to be refused


def load_config(path: str | Path) -> Config:
    """Read and validate a configuration file, or raise ConfigError naming what is wrong."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            raise ConfigError(f"{path}: not a regular file")
        if path.exists() and path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES // 1_000_000} MB; not a configuration")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        raw = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a configuration") from None
    return parse_config(raw, origin=str(path), folder=path.resolve().parent)
