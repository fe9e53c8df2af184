"""The `insyn` command: starts the desk program, or runs an IT or scripting command.

User mistakes end as one line on stderr and exit code 2; a broken audit chain exits 1. The
commands live by group: case.py (the case, as the window works it), admin.py (audit, report,
register, policy, staff), setup.py (configuration, secrets, demo); common.py what they share.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli.common import EXIT_INTERNAL_ERROR, EXIT_USER_ERROR, Handler, _Parser, _register_url
from desktop.errors import UserError, where

log = logging.getLogger(__name__)


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run_gui

    return run_gui(
        register_url=_register_url(args), demo=args.demo, config=args.config, language=args.lang, verbose=args.verbose
    )


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The `insyn` parser; without `commands`, only the window's options (the command groups'
    modules are not imported: the desk window starts ~20 ms sooner)."""
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
    parser.add_argument("--config", metavar="PATH", help="the organisation's configuration file")
    parser.add_argument("--lang", choices=["sv", "en"], help="the window's language (default sv)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    parser.set_defaults(handler=cmd_gui)
    if commands:
        from desktop.cli import admin, case, setup

        groups = parser.add_subparsers(title="commands", metavar="COMMAND")
        admin.add_commands(groups)
        setup.add_commands(groups)
        case.add_commands(groups)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; where they name no command (and ask no help), with the window's options
    alone, so that the way to the sign-in window does not pass the command groups."""
    given = list(sys.argv[1:] if argv is None else argv)
    if not {"-h", "--help"} & set(given):
        args, rest = build_parser(commands=False).parse_known_args(given)
        if not rest:
            return args
    return build_parser().parse_args(given)


def no_core_dumps() -> None:
    """A crash must not write the visitor's data to a core file (a 37 MB one was found)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # Windows has no core files of this kind


# Where the services refuse for want of something a flag gives, the command line names the flag.
FLAG_HINTS = {
    "approval.needed": "name the approver with --approved-by; their password is asked next",
    "act.approval_needed": "name the approver with --approved-by; see the preview first with --dry-run",
    "reject.approver": "name the approver with --approved-by; their password is asked next",
}


def main(argv: Sequence[str] | None = None) -> int:
    no_core_dumps()
    args = parse(argv)
    handler: Handler = args.handler
    if handler is not cmd_gui:  # the window sets up its log behind the sign-in (~20 ms at start)
        from desktop.logs import configure_logging

        configure_logging(args.verbose)
    try:
        return handler(args)
    except UserError as exc:
        hint = FLAG_HINTS.get(exc.code or "")
        print(f"insyn: error: {exc}" + (f" ({hint})" if hint else ""), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("insyn: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("INSYN_DEBUG"):
            raise
        log.error("internal error %s at %s", type(exc).__name__, where(exc))
        from desktop.services.desk import register_unreachable

        if register_unreachable(exc):
            print(
                f"insyn: error: the case register did not answer ({type(exc).__name__}); "
                "what was saved before is kept: try again when it answers",
                file=sys.stderr,
            )
            return EXIT_USER_ERROR
        print(
            f"insyn: internal error ({type(exc).__name__}); details are in the log. "
            "Set INSYN_DEBUG=1 to see the traceback.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR
