"""No output can destroy what the program depends on: an extract, a ZIP, a letter, a receipt, a
report or gathered JSON is never written over the register (or its -wal/-shm), a source's file
or database, the configuration or the log; two outputs of one delivery are two files; an
existing file is replaced only when the person said so (--overwrite, or the save dialog); every
output goes through the one private writer (0600, no links, atomic). Through the command line,
as IT and an attacker would try it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.register.models import Delivery
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from tests.integration.services.helpers import cli

DISK1 = "demo-disk1\n"
BOTH = "demo-disk1\ndemo-granskare\n"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo(tmp_path_factory.mktemp("outputs"), people=60, seed=5).config_path


@pytest.fixture
def config(world: Path, tmp_path: Path) -> Path:
    shutil.copytree(world.parent, tmp_path / "org")
    return tmp_path / "org" / world.name


def _person(config: Path) -> tuple[str, str]:
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        return db.execute("SELECT personnr, fornamn || ' ' || efternamn FROM kund ORDER BY kundnr").fetchone()


def _open(config: Path) -> str:
    personnummer, name = _person(config)
    visitor = config.parent / "visitor.json"
    visitor.write_text(
        f'{{"personnummer": "{personnummer}", "name": "{name}", "document": "passport:SE:1234:2031-01-01"}}',
        encoding="utf-8",
    )
    code, out, err = cli("case", "open", "--config", str(config), "--visitor", str(visitor), "--request", "access",
                         "--staff", "disk1", stdin=DISK1)  # fmt: skip
    assert code == 0, err
    return out.strip()


def _extract(config: Path, number: str, *outputs: str) -> tuple[int, str]:
    code, _out, err = cli("case", "extract", number, "--config", str(config), *outputs, "--leave-out-weak",
                          "--staff", "disk1", "--approved-by", "granskare", stdin=BOTH)  # fmt: skip
    return code, err


def _deliveries(config: Path) -> int:
    with open_desk(config) as desk, desk.register.sessions() as session:
        return len(session.execute(select(Delivery)).scalars().all())


@pytest.mark.parametrize(
    "name", ["register.sqlite", "register.sqlite-wal", "register.sqlite-shm", "kundregister.sqlite",
             "marknad.sqlite", "imbox-chatt.csv", "bokningar.xlsx", "insyn-demo.toml"],
)  # fmt: skip
def test_an_extract_is_never_written_over_what_the_desk_depends_on(config: Path, name: str) -> None:
    number = _open(config)
    target = config.parent / name
    before = target.read_bytes() if target.exists() else None
    code, err = _extract(config, number, "--out", str(target), "--overwrite")
    assert code == 2, err
    assert "Insyn depends on this file" in err
    assert (target.read_bytes() if target.exists() else None) == before
    assert _deliveries(config) == 0  # nothing recorded, and the register still opens


def test_the_log_is_never_an_output(config: Path) -> None:
    number = _open(config)
    log = Path(os.environ["INSYN_LOG_DIR"]) / "insyn.log"
    code, err = _extract(config, number, "--out", str(log), "--overwrite")
    assert code == 2 and "Insyn depends on this file" in err


def test_a_hard_link_to_the_register_is_refused_too(config: Path) -> None:
    number = _open(config)
    alias = config.parent / "kopia.pdf"
    os.link(config.parent / "register.sqlite", alias)
    code, err = _extract(config, number, "--out", str(alias), "--overwrite")
    assert code == 2 and "Insyn depends on this file" in err


def test_the_pdf_and_the_zip_must_be_two_files(config: Path) -> None:
    number = _open(config)
    same = str(config.parent / "utdrag.out")
    code, err = _extract(config, number, "--out", same, "--zip", same)
    assert code == 2 and "named twice" in err
    assert not Path(same).exists() and _deliveries(config) == 0


def test_an_existing_file_is_replaced_only_when_said(config: Path) -> None:
    number = _open(config)
    existing = config.parent / "utdrag.pdf"
    existing.write_bytes(b"last week's extract")
    code, err = _extract(config, number, "--out", str(existing))
    assert code == 2 and "exists already" in err and "--overwrite" not in err
    assert existing.read_bytes() == b"last week's extract" and _deliveries(config) == 0
    code, err = _extract(config, number, "--out", str(existing), "--overwrite")
    assert code == 0, err
    assert existing.read_bytes().startswith(b"%PDF") and stat.S_IMODE(existing.stat().st_mode) == 0o600


def test_gathered_json_goes_through_the_private_writer(config: Path) -> None:
    number = _open(config)
    out = config.parent / "gathered.json"
    out.write_text("{}", encoding="utf-8")
    out.chmod(0o644)
    base = ("case", "gather", number, "--config", str(config), "--staff", "disk1")
    code, _o, err = cli(*base, "--json", str(out), stdin=DISK1)
    assert code == 2 and "exists already" in err and out.read_text() == "{}"
    code, _o, err = cli(*base, "--json", str(out), "--overwrite", stdin=DISK1)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and '"sources"' in out.read_text(encoding="utf-8")
    elsewhere = config.parent / "elsewhere.json"
    link = config.parent / "link.json"
    link.symlink_to(elsewhere)
    code, _o, err = cli(*base, "--json", str(link), "--overwrite", stdin=DISK1)
    assert code == 2 and "symbolic link" in err and not elsewhere.exists()
    code, _o, err = cli(*base, "--json", str(config.parent), stdin=DISK1)
    assert code == 2 and "a folder" in err  # was an internal error (exit 70)
    code, _o, err = cli(*base, "--json", str(config.parent / "register.sqlite"), "--overwrite", stdin=DISK1)
    assert code == 2 and "Insyn depends on this file" in err


def test_a_receipt_and_the_yearly_report_are_refused_over_the_configuration(config: Path) -> None:
    personnummer, name = _person(config)
    before = config.read_bytes()
    code, out, err = cli("case", "open", "--config", str(config), "--personnummer", personnummer, "--name", name,
                         "--document", "passport:SE:1234:2031-01-01", "--request", "access", "--staff", "disk1",
                         "--receipt", str(config), "--overwrite", stdin=DISK1)  # fmt: skip
    assert code == 2 and "Insyn depends on this file" in err and out == ""  # refused before a case is opened
    code, _o, err = cli("--config", str(config), "report", "--pdf", str(config.parent / "register.sqlite"),
                        "--overwrite", "--admin", "admin", stdin="demo-admin\n")  # fmt: skip
    assert code == 2 and "Insyn depends on this file" in err
    assert config.read_bytes() == before
    with sqlite3.connect(config.parent / "register.sqlite") as db:
        assert db.execute("SELECT count(*) FROM cases").fetchone() == (0,)
