"""Application logging to a file in the user's log folder. Log lines never carry personal data:
modules log counts, identifiers of sources and cases, and exception class names only.

Only the program's own loggers (`desktop.*`) write below WARNING: a library's INFO lines can
quote what it handled (httpx logs every request's URL, which holds an identifier), so every
other logger is held at WARNING. The log files are readable by their owner only."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

QUIET = ("httpx", "httpcore", "alembic", "sqlalchemy", "urllib3", "keyring", "PIL", "reportlab")


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created 0600 (the rotation makes new ones)."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file from an older version keeps its mode otherwise
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


BACKUPS = 3


def log_folder() -> Path:
    return Path(os.environ.get("INSYN_LOG_DIR") or platformdirs.user_log_dir("Insyn", False))


def log_files() -> list[Path]:
    """The log and its rotations: outputs may never replace them."""
    base = log_folder() / "insyn.log"
    return [base, *(base.with_name(f"insyn.log.{n}") for n in range(1, BACKUPS + 1))]


def configure_logging(verbose: bool = False) -> Path | None:
    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler: logging.Handler = PrivateRotatingFileHandler(
            folder / "insyn.log", maxBytes=2_000_000, backupCount=BACKUPS, encoding="utf-8"
        )
        path: Path | None = folder / "insyn.log"
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("desktop").setLevel(logging.DEBUG if verbose else logging.INFO)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    return path
