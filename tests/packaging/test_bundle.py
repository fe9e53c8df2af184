"""The frozen program, built with PyInstaller and run from outside the source tree.

Slow (about two minutes to build): CI runs it; `scripts/test -m "not bundle"` leaves it out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.bundle, pytest.mark.slow]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle test builds the Linux bundle")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--out", str(out)], check=True,
                   capture_output=True, timeout=1800)  # fmt: skip
    assert list(out.glob("insyn-*-linux-x86_64.tar.gz"))
    return out / "insyn"


def frozen(bundle: Path, cwd: Path, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    # Nothing of the source tree or the virtual environment: only the bundle.
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "INSYN_RESOURCES")}
    clean.update(env)
    return subprocess.run([str(bundle / "insyn"), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=clean, input=stdin)  # fmt: skip


def test_the_frozen_program_runs_a_whole_case(bundle: Path, tmp_path: Path) -> None:
    from desktop import __version__

    version = frozen(bundle, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"insyn {__version__}"
    for needed in ("resources/fonts/DejaVuSans.ttf", "resources/i18n/insyn_en.qm",
                   "desktop/register/migrations/versions/0001_initial_schema.py"):  # fmt: skip
        assert (bundle / "_internal" / needed).exists(), needed
    # Qt's own dialogs (print, file, Yes/No) in Swedish: Qt's catalogue goes with the bundle.
    assert list((bundle / "_internal").rglob("qtbase_sv.qm"))

    demo = frozen(bundle, tmp_path, "demo", "create", str(tmp_path / "demo"), "--people", "200")
    assert demo.returncode == 0, demo.stderr
    pin = demo.stdout.splitlines()[2].split()[0]
    config = str(tmp_path / "demo" / "insyn-demo.toml")
    check = frozen(bundle, tmp_path, "config", "check", config)
    assert check.returncode == 0, check.stdout + check.stderr
    visitor = json.dumps({"personnummer": pin, "name": "Åsa Öberg", "document": "passport:SE:1234:2031-01-01"})
    opened = frozen(bundle, tmp_path, "case", "open", "--config", config, "--visitor", "-", "--request", "access",
                    "--staff", "disk1", stdin="demo-disk1\n" + visitor)  # fmt: skip
    assert opened.returncode == 0, opened.stderr
    number = opened.stdout.strip()
    pdf = tmp_path / "extract.pdf"
    extract = frozen(bundle, tmp_path, "case", "extract", number, "--config", config, "--out", str(pdf),
                     "--staff", "disk1", "--approved-by", "granskare", "--lang", "en", "--leave-out-weak",
                     stdin="demo-disk1\ndemo-granskare\n")  # fmt: skip
    assert extract.returncode == 0, extract.stderr
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert (
        "Data extract" in text
        and "Åsa Öberg" in text
        and "Swedish Authority for Privacy Protection" in text.replace("\n", " ")
    )
    audit = frozen(bundle, tmp_path, "--config", config, "audit", "verify")
    assert audit.returncode == 0 and "intact" in audit.stdout
    assert int(audit.stdout.split(":")[1].split()[0]) >= 8  # the demo register's events, not an empty one

    window = frozen(bundle, tmp_path, "--config", config, "--lang", "en",
                    INSYN_EXIT_WHEN_READY="1", QT_QPA_PLATFORM="offscreen")  # fmt: skip
    assert window.returncode == 0, window.stderr
    assert window.stdout.splitlines() == ["ready", "loaded", "renderer: child process"]
