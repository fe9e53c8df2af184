"""Application logging to a file in the user's log folder. Log lines never carry personal data:
modules log counts, identifiers of sources and cases, and exception class names only."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs


def configure_logging(verbose: bool = False) -> Path | None:
    folder = Path(os.environ.get("INSYN_LOG_DIR") or platformdirs.user_log_dir("Insyn", False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "insyn.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        path: Path | None = folder / "insyn.log"
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
