"""The import contracts can fail: a deliberate violation in a copy of the package breaks them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(command), "--no-cache"],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "desktop", tmp_path / "desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_contracts_hold_on_the_real_tree(copy: Path) -> None:
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("errors.py", "import PySide6.QtCore  # noqa", "Only the window imports Qt"),
        ("core/identity.py", "import desktop.config  # noqa", "The domain core stays pure"),
        ("ui/common.py", "import desktop.register.models  # noqa", "The window asks the services"),
        ("register/audit.py", "import desktop.services.visit  # noqa", "Layers point one way"),
        ("logs.py", "import shiboken6  # noqa", "Only the window imports Qt"),
        ("sql_guard.py", "import desktop.ui.common  # noqa", "Only the window imports Qt"),  # Qt through ui
        ("ui/case_page.py", "import desktop.report.annual_pdf  # noqa", "The window asks the services"),
        ("ui/common.py", "import keyring  # noqa", "The window asks the services"),
        ("ui/common.py", "import httpx  # noqa", "The window asks the services"),
        ("cli/case.py", "import desktop.config  # noqa", "The command line asks the services too"),
        ("cli/admin.py", "import desktop.register.audit  # noqa", "The command line asks the services too"),
        ("ui/gather_view.py", "import desktop.services.casework  # noqa", "through the Visit alone"),
        ("ui/case_page.py", "from desktop.services.files import write_private  # noqa", "through the Visit alone"),
    ],
)
def test_a_deliberate_violation_breaks_its_contract(copy: Path, module: str, line: str, contract: str) -> None:
    path = copy / "desktop" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts")[-1]
    assert contract in broken.replace("\n", " ")


def test_the_qt_contract_covers_every_module_but_the_window_and_the_entry_point() -> None:
    """A new desktop/helpers.py is covered the day it is written: the contract must name it."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["name"] == "Only the window imports Qt")
    modules = {
        f"desktop.{p.stem}"
        for p in (ROOT / "desktop").iterdir()
        if (p.suffix == ".py" or (p / "__init__.py").exists()) and p.stem not in ("__init__", "__main__", "ui")
    }
    assert set(contract["source_modules"]) == modules


def test_the_case_views_are_kept_from_every_service_but_the_visit() -> None:
    """A new desktop/services/helpers.py is kept from the case views the day it is written."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if "through the Visit alone" in c["name"])
    services = {
        f"desktop.services.{p.stem}"
        for p in (ROOT / "desktop" / "services").iterdir()
        if (p.suffix == ".py" or (p / "__init__.py").exists()) and p.stem not in ("__init__", "visit")
    }
    assert set(contract["forbidden_modules"]) == services


def test_no_module_outside_the_window_loads_qt_by_name() -> None:
    """import-linter sees import statements only: importlib.import_module("PySide6…") or
    __import__("shiboken6") would pass it, so the text is searched too."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop").rglob("*.py")
        if "ui" not in path.relative_to(ROOT / "desktop").parts[:1]
        and any(
            name in path.read_text(encoding="utf-8") for name in ('"PySide6', "'PySide6", '"shiboken6', "'shiboken6")
        )
    ]
    assert offenders == []
