"""Where the program's bundled files are: fonts, icons, translations.

In order: `INSYN_RESOURCES`, a PyInstaller bundle's folder, the source tree (a development or
editable install), and the shared data folder a wheel installs into.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resource_root() -> Path:
    candidates = []
    if os.environ.get("INSYN_RESOURCES"):
        candidates.append(Path(os.environ["INSYN_RESOURCES"]))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "insyn" / "resources")
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("the program's resources folder is missing; reinstall Insyn")


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
