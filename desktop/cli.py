"""The `insyn` command: starts the desk program, or runs an IT or scripting command.

User mistakes end as one line on stderr and exit code 2; a broken audit chain exits 1.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from desktop import __version__
from desktop.errors import UserError

log = logging.getLogger(__name__)

EXIT_USER_ERROR = 2

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USER_ERROR, f"insyn: error: {message}\n")


def _register_url(args: argparse.Namespace) -> str | None:
    return args.register or os.environ.get("INSYN_REGISTER_URL") or None


def _open_register(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop.register.db import RegisterError, open_register

    try:
        return open_register(_register_url(args))
    except RegisterError as exc:
        raise UserError(str(exc)) from None


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run_gui

    return run_gui(register_url=_register_url(args), demo=args.demo)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from desktop.register.audit import verify_chain

    register = _open_register(args)
    try:
        with register.sessions() as session:
            report = verify_chain(session)
    finally:
        register.dispose()
    if report.intact:
        print(f"audit chain intact: {report.events} events")
        return 0
    where = (
        f"event {report.broken_seq} (row id {report.broken_id})" if report.broken_seq else "the end"
    )
    print(f"audit chain BROKEN at {where}: {report.reason}", file=sys.stderr)
    return 1


def cmd_staff_add(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import IntegrityError

    from desktop.register.repository import add_staff

    register = _open_register(args)
    try:
        with register.sessions.begin() as session:
            staff = add_staff(session, args.username, args.name, args.role)
            staff_id = staff.id
    except IntegrityError:
        raise UserError("a staff member with that user name exists already") from None
    except ValueError as exc:
        raise UserError(str(exc)) from None
    finally:
        register.dispose()
    print(f"staff member {args.username} added (id {staff_id})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="insyn",
        description="Insyn: the front-desk program for GDPR requests made in person. "
        "Without a command it starts the desk window.",
    )
    parser.add_argument("--version", action="version", version=f"insyn {__version__}")
    parser.add_argument(
        "--register",
        metavar="URL",
        help="the case register's database URL (default: $INSYN_REGISTER_URL, "
        "else a SQLite file in the user data folder)",
    )
    parser.add_argument("--demo", action="store_true", help="start on the demo organisation")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    audit = commands.add_parser("audit", help="the audit log")
    audit_commands = audit.add_subparsers(title="audit commands", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help="check the audit chain; exit 1 if broken")
    verify.set_defaults(handler=cmd_audit_verify)

    staff = commands.add_parser("staff", help="staff accounts")
    staff_commands = staff.add_subparsers(title="staff commands", metavar="ACTION", required=True)
    add = staff_commands.add_parser("add", help="add a staff member")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the name shown in the program")
    add.add_argument(
        "--role",
        action="append",
        required=True,
        choices=["reception", "approver", "admin"],
        help="repeat for several roles",
    )
    add.set_defaults(handler=cmd_staff_add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from desktop.logs import configure_logging

    configure_logging(args.verbose)
    handler: Handler = args.handler
    try:
        return handler(args)
    except UserError as exc:
        print(f"insyn: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("insyn: interrupted", file=sys.stderr)
        return 130
