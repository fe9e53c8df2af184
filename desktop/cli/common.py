"""What the command groups share: the parser that exits 2, the desk and register a command
works on, passwords asked as a person gives them, the signed-in staff member."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.errors import UserError

if TYPE_CHECKING:
    from desktop.core.staff import StaffMember
    from desktop.services.desk import Desk
    from desktop.services.visit import Visit

log = logging.getLogger(__name__)

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"insyn: error: {message}\n")


def _register_url(args: argparse.Namespace) -> str | None:
    return args.register or os.environ.get("INSYN_REGISTER_URL") or None


def _register_desk(args: argparse.Namespace, *, baseline: bool = True) -> Desk:
    """The register named by --register, INSYN_REGISTER_URL, or the configuration, if any."""
    from desktop.services.desk import register_desk

    return register_desk(_register_url(args), config=getattr(args, "config", None), baseline=baseline)


class Secrets:
    """Passwords as a person gives them: asked for on a terminal (not shown), otherwise one line
    each on standard input, in the order the command asks. Never on the command line, where
    `ps` and the shell's history would show them."""

    def __init__(self) -> None:
        self.interactive = sys.stdin.isatty()

    def ask(self, prompt: str) -> str:
        if self.interactive:
            import getpass

            return getpass.getpass(prompt)
        line = sys.stdin.readline()
        if not line:
            raise UserError(f"no password on standard input ({prompt.rstrip(': ')})")
        return line.rstrip("\r\n")

    def password_of(self, username: str, purpose: str = "") -> str:
        return self.ask(f"Password of {username}{' ' + purpose if purpose else ''} (not shown): ")


def _sign_in(desk: Desk, username: str, secrets: Secrets, *, purpose: str = "login") -> StaffMember:
    """The staff member the command acts as, signed in with their password (audited)."""
    from desktop.services.staff import sign_in

    return sign_in(desk, username, secrets.password_of(username), purpose=purpose)


def _config_path(args: argparse.Namespace) -> str:
    from desktop.services.setup import config_path

    return config_path(getattr(args, "config", None))


def _open_desk(args: argparse.Namespace) -> Desk:
    from desktop.services.desk import open_desk

    return open_desk(_config_path(args), register_url=_register_url(args))


def _visit(desk: Desk, number: str, staff: StaffMember) -> Visit:
    from desktop.services.visit import Visit

    return Visit(desk, number, staff)
