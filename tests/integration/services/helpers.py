"""What the service tests share: the command line run in-process, a PDF's text, a private copy
of a demo organisation."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pypdf
import pytest

from desktop.cli import main
from desktop.core.requests import RequestType
from desktop.services.cases import PersonInput, open_case
from desktop.services.staff import sign_in
from desktop.services.visit import Visit


def cli(*args: str, stdin: str = "") -> tuple[int, str, str]:
    """Run `insyn ARGS` in this process: (exit code, stdout, stderr); `stdin` answers the
    password questions, one line each."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def pdf_text(pdf: bytes) -> str:
    """Every page's text, whitespace made single (no-break spaces too)."""
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split()).replace("\u00a0", " ")


def copy_org(config: Path, folder: Path) -> Path:
    """A copy of a demo organisation (its files and a register of its own); the copy's config."""
    shutil.copytree(config.parent, folder / "org")
    return folder / "org" / config.name


def deliver_extract(desk, subject: PersonInput, out: Path, **opened_with) -> Visit:  # type: ignore[no-untyped-def]
    """A demo visitor's access request through to a saved extract: gathered, possible matches left
    out, approved by the demo's approver, delivered to `out` (HR's manual check stays open)."""
    opened = open_case(desk, subject, [(RequestType.ACCESS, None)], staff_username="disk1", **opened_with)
    visit = Visit(desk, opened.number, sign_in(desk, "disk1", "demo-disk1"))
    visit.gather()
    visit.leave_out_weak()
    visit.approve("granskare", "demo-granskare")
    visit.render("sv")
    visit.deliver_files(out, overwrite=True)  # some tests deliver twice to one name
    return visit
