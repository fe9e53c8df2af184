"""Writing a file that holds a visitor's data: whole or not at all, readable by its owner only.

The bytes go to a temporary file in the target's own folder (created 0600, exclusively), are
flushed to disk, and the temporary file is renamed over the target: a full disk or a missing
folder leaves no cut file, and an existing target is replaced, never written through. A target
that is a symbolic link is refused, so an output cannot be redirected somewhere else.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from desktop.errors import UserError


class OutputFailed(UserError):
    code = "output.failed"
    pass


def write_private(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` atomically with mode 0600; returns the path written."""
    target = Path(path)
    if target.is_symlink():
        raise OutputFailed(f"{target.name}: the file is a symbolic link; choose another name")
    folder = target.parent
    if not folder.is_dir():
        raise OutputFailed(f"the folder {folder} does not exist")
    if target.exists() and not target.is_file():
        raise OutputFailed(f"{target.name}: not a regular file")
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
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputFailed(f"{target.name} could not be written: {os.strerror(exc.errno or errno.EIO)}") from None
    return target


def remove_quietly(path: str | Path) -> None:
    with contextlib.suppress(OSError):
        Path(path).unlink()
