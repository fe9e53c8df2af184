"""Build the one-folder program and, on Linux, its tar.gz with the desktop entry.

    .venv/bin/python packaging/build.py [--out dist]

Prints the bundle's size. PyInstaller is installed from the `packaging` extra
(`pip install -e '.[packaging]'`, which scripts/setup does).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> Path:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    work = ROOT / "build" / "pyinstaller"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(args.out), "--workpath", str(work), str(ROOT / "packaging" / "insyn.spec")],
        check=True,
    )  # fmt: skip
    bundle = args.out / "insyn"
    print(f"built {bundle} in {time.perf_counter() - started:.0f} s, {folder_size(bundle) / 2**20:.0f} MiB")
    if sys.platform.startswith("linux"):
        shutil.copy(ROOT / "packaging" / "linux" / "insyn.desktop", bundle / "insyn.desktop")
        from desktop import __version__

        archive = args.out / f"insyn-{__version__}-linux-x86_64.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(bundle, arcname=f"insyn-{__version__}")
        print(f"archive {archive}, {archive.stat().st_size / 2**20:.0f} MiB")
    return bundle


if __name__ == "__main__":
    main()
