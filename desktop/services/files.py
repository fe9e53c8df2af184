"""Writing a file that holds a visitor's data: whole or not at all, readable by its owner only,
and never over a file the program itself depends on.

The bytes go to a temporary file in the target's own folder (created 0600, exclusively), are
flushed to disk, and the temporary file is renamed over the target: a full disk or a missing
folder leaves no cut file. A target that is a symbolic link is refused, so an output cannot be
redirected somewhere else. An existing file is replaced only when the person said so (the save
dialog asks; the command line needs `--overwrite`). Whatever the desk depends on — the
register's files (with SQLite's -wal, -shm and -journal), the configuration, every configured
source file and SQLite database, the log — is refused as a target even with `overwrite`: an
extract written over the register would lose every case.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from desktop.errors import UserError

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")

_protected: set[Path] = set()


class OutputFailed(UserError):
    code = "output.failed"


class OutputProtected(UserError):
    code = "output.protected"


class OutputExists(UserError):
    code = "output.exists"


def _normal(path: str | Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser()))


def protect(paths: Iterable[str | Path], *, sqlite: bool = False) -> None:
    """Outputs may never replace these files (for a SQLite database, its companions too)."""
    for path in paths:
        base = _normal(path)
        _protected.add(base)
        with contextlib.suppress(OSError):
            _protected.add(base.resolve())
        if sqlite:
            _protected.update(base.with_name(base.name + suffix) for suffix in SQLITE_COMPANIONS)


def protected_paths() -> frozenset[Path]:
    from desktop.logs import log_files

    return frozenset(_protected | {_normal(p) for p in log_files()})


def _refuse_protected(target: Path) -> None:
    candidates = {_normal(target)}
    with contextlib.suppress(OSError):
        candidates.add(target.resolve())
    guarded = protected_paths()
    if candidates & guarded:
        raise OutputProtected(f"{target.name}: Insyn depends on this file (the register, the configuration, a "
                              "source or the log); choose another name")  # fmt: skip
    if target.exists():  # the same file under another name (a hard link, another mount)
        for path in guarded:
            with contextlib.suppress(OSError):
                if path.exists() and os.path.samefile(path, target):
                    raise OutputProtected(f"{target.name}: Insyn depends on this file; choose another name")


def check_targets(*paths: str | Path | None, overwrite: bool = False) -> list[Path]:
    """Every target of one output checked before anything is written: not a link, not a file
    the program depends on, not the same as another target of the same output, and not an
    existing file unless `overwrite`. Returns the targets (None left out)."""
    targets = [Path(p) for p in paths if p is not None]
    seen: set[Path] = set()
    for target in targets:
        if target.is_symlink():
            raise OutputFailed(f"{target.name}: the file is a symbolic link; choose another name")
        if target.exists() and not target.is_file():
            kind = "a folder, not a regular file" if target.is_dir() else "not a regular file"
            raise OutputFailed(f"{target.name}: {kind}; give a file name")
        _refuse_protected(target)
        key = _normal(target)
        if key in seen:
            raise OutputFailed(f"{target.name}: named twice; each output needs its own file")
        seen.add(key)
        if target.exists() and not overwrite:
            raise OutputExists(f"{target.name} exists already; choose another name or say that it may be replaced")
        if not target.parent.is_dir():
            raise OutputFailed(f"the folder {target.parent} does not exist")
    return targets


def write_private(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write `data` to `path` atomically with mode 0600; returns the path written."""
    (target,) = check_targets(path, overwrite=overwrite)
    folder = target.parent
    temporary = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as exc:
        raise OutputFailed(f"cannot write in {folder}: {os.strerror(exc.errno or errno.EIO)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite:
            # No replace of a file that appeared meanwhile: link fails if the name is taken.
            try:
                os.link(temporary, target)
            except FileExistsError:
                raise OutputExists(f"{target.name} exists already; choose another name") from None
            except OSError:
                os.replace(temporary, target)  # a file system without hard links (checked above)
            else:
                temporary.unlink()
        else:
            os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputFailed(f"{target.name} could not be written: {os.strerror(exc.errno or errno.EIO)}") from None
    except UserError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return target


def remove_quietly(path: str | Path) -> None:
    with contextlib.suppress(OSError):
        Path(path).unlink()
