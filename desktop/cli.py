"""The `insyn` command: starts the desk program, or runs an IT or scripting command.

User mistakes end as one line on stderr and exit code 2; a broken audit chain exits 1.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date

from desktop import __version__
from desktop.core.requests import RequestType
from desktop.errors import UserError, where

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


def _open_register(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The register named by --register, INSYN_REGISTER_URL, or the configuration, if any."""
    from desktop.config import find_config, load_config
    from desktop.register.db import RegisterError, open_register
    from desktop.services.desk import with_register_secret

    url = _register_url(args)
    if url is None:
        config_path = find_config(getattr(args, "config", None))
        if config_path:
            url = load_config(config_path).register_settings.url
    try:
        return open_register(with_register_secret(url) if url else None)
    except RegisterError as exc:
        raise UserError(str(exc)) from None


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run_gui

    return run_gui(
        register_url=_register_url(args), demo=args.demo, config=args.config, language=args.lang, verbose=args.verbose
    )


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
    where = f"event {report.broken_seq} (row id {report.broken_id})" if report.broken_seq else "the end"
    print(f"audit chain BROKEN at {where}: {report.reason}", file=sys.stderr)
    return 1


def cmd_staff_add(args: argparse.Namespace) -> int:
    """Add an account; with --password its password is asked for (or read from stdin)."""
    import getpass

    from sqlalchemy.exc import IntegrityError

    from desktop.register.repository import add_staff
    from desktop.services.staff import hash_password

    password_hash = None
    if args.password:
        if sys.stdin.isatty():
            first = getpass.getpass("Password (not shown): ")
            if getpass.getpass("Again: ") != first:
                raise UserError("the passwords differ")
        else:
            first = sys.stdin.readline().rstrip("\n")
        password_hash = hash_password(first)
    register = _open_register(args)
    try:
        with register.sessions.begin() as session:
            staff = add_staff(session, args.username, args.name, args.role, password_hash=password_hash)
            staff_id = staff.id
    except IntegrityError:
        raise UserError("a staff member with that user name exists already") from None
    except ValueError as exc:
        raise UserError(str(exc)) from None
    finally:
        register.dispose()
    print(f"staff member {args.username} added (id {staff_id})")
    return 0


def _config_path(args: argparse.Namespace) -> str:
    from desktop.config import find_config, site_config_path

    path = find_config(getattr(args, "config", None))
    if not path:
        raise UserError(f"name the configuration with --config PATH, INSYN_CONFIG, or place it at {site_config_path()}")
    return path


def _open_desk(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop.services.desk import open_desk

    return open_desk(_config_path(args), register_url=_register_url(args))


def cmd_config_check(args: argparse.Namespace) -> int:
    from desktop.config import ManualSource, load_config
    from desktop.sources.base import SourceFailure
    from desktop.sources.engine import SourceSet

    config = load_config(args.path)
    print(f"{args.path}: valid, {len(config.sources)} sources")
    sources = SourceSet(config)
    failed = 0
    try:
        for source in config.sources:
            if isinstance(source, ManualSource):
                print(f"  {source.id}: ok (manual checklist item)")
                continue
            try:
                sources.connector(source.id).check()
            except SourceFailure as exc:
                failed += 1
                print(f"  {source.id}: FAILED: {exc}")
            else:
                print(f"  {source.id}: ok")
    finally:
        sources.close()
    return 1 if failed else 0


def cmd_config_reference(args: argparse.Namespace) -> int:
    from desktop.config import reference_markdown

    print(reference_markdown(), end="")
    return 0


def cmd_secrets_set(args: argparse.Namespace) -> int:
    import getpass

    from desktop.sources.secrets import set_secret

    if getattr(args, "config", None) or os.environ.get("INSYN_CONFIG"):
        from desktop.config import load_config

        load_config(_config_path(args)).source(args.source)  # refuses an unknown id
    if sys.stdin.isatty():
        secret = getpass.getpass(f"Secret for source {args.source} (not shown): ")
    else:
        secret = sys.stdin.readline().rstrip("\n")
    if not secret:
        raise UserError("no secret given; nothing stored")
    set_secret(args.source, secret)
    print(f"secret for source {args.source} stored in the keyring")
    return 0


def cmd_demo_create(args: argparse.Namespace) -> int:
    from desktop.services.demo import create_demo

    summary = create_demo(args.directory, people=args.people, seed=args.seed)
    print(f"demo organisation written to {summary.config_path}")
    print(f"{summary.people} people; try these personnummer:")
    for example in summary.examples:
        print(f"  {example.personnummer}  {example.name}  ({example.note})")
    return 0


def _parse_document(spec: str) -> tuple[str, str, str, date]:
    parts = spec.split(":")
    if len(parts) != 4:
        raise UserError("--document must be TYPE:COUNTRY:LAST4:EXPIRY, e.g. passport:SE:1234:2030-01-31")
    doc_type, country, number, expiry = parts
    try:
        expires = date.fromisoformat(expiry)
    except ValueError:
        raise UserError("--document: the expiry must be a date YYYY-MM-DD") from None
    return doc_type, country, number, expires


def cmd_case_open(args: argparse.Namespace) -> int:
    from desktop.core.requests import RequestType
    from desktop.services.cases import PersonInput, open_case

    doc_type, country, number, expiry = _parse_document(args.document)
    person = PersonInput(
        personnummer=args.personnummer,
        name=args.name,
        document_type=doc_type,
        document_country=country,
        document_number=number,
        document_expiry=expiry,
        document_description=args.document_description or "",
        mrz=args.mrz,
    )
    details: dict[str, str] = {}
    for spec in args.details or []:
        kind, _, text = spec.partition("=")
        if kind not in args.request or not text.strip():
            raise UserError(f"--details {kind}=TEXT: TYPE must be one of the --request values, TEXT not empty")
        details[kind] = text.strip()
    requests = [(RequestType(r), details.get(r)) for r in dict.fromkeys(args.request)]
    with _open_desk(args) as desk:
        opened = open_case(desk, person, requests, staff_username=args.staff)
        if args.receipt:
            from desktop.services.delivery import render_receipt, write_private

            pdf, _pages = render_receipt(desk, opened.number, language=args.lang)
            write_private(args.receipt, pdf)
    print(opened.number)
    print(f"received {opened.received_on}, answer due by {opened.deadline}", file=sys.stderr)
    return 0


def cmd_case_outcome(args: argparse.Namespace) -> int:
    from desktop.services.casework import record_outcome

    with _open_desk(args) as desk:
        record_outcome(desk, args.case, args.request, args.text, staff_username=args.staff)
    return 0


def cmd_case_gather(args: argparse.Namespace) -> int:
    from desktop.services.gathering import CaseGather, describe

    with _open_desk(args) as desk:
        gather = CaseGather(desk, args.case, staff_username=args.staff)
        result = gather.run()
    for source in result.sources.values():
        print(describe(source))
    if args.json:
        from desktop.services.export import write_gather_json

        write_gather_json(result, args.json)
        print(f"gathered data written to {args.json}", file=sys.stderr)
    return 0


def cmd_case_extract(args: argparse.Namespace) -> int:
    """Gather and render in one run; nothing gathered outlives the command."""
    from desktop.services.delivery import record_delivery, render_extract, write_private
    from desktop.services.gathering import CaseGather, describe

    with _open_desk(args) as desk:
        result = CaseGather(desk, args.case, staff_username=args.staff).run()
        for source in result.sources.values():
            print(describe(source), file=sys.stderr)
        rendered = render_extract(
            desk,
            args.case,
            result,
            language=args.lang,
            include_weak=args.include_weak,
            with_package=bool(args.zip),
        )
        del result
        record_delivery(
            desk,
            args.case,
            rendered,
            method="saved",
            language=args.lang,
            staff_username=args.staff,
            approved_by=args.approved_by,
        )
        write_private(args.out, rendered.pdf)
        if args.zip and rendered.package is not None:
            write_private(args.zip, rendered.package)
    print(f"{args.out}: {rendered.pages} pages, SHA-256 {rendered.sha256}")
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
    parser.add_argument("--config", metavar="PATH", help="the organisation's configuration file")
    parser.add_argument("--lang", choices=["sv", "en"], help="the window's language (default sv)")
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
    add.add_argument("--password", action="store_true", help="set a password (prompted, or one line on stdin)")
    add.set_defaults(handler=cmd_staff_add)

    config = commands.add_parser("config", help="the organisation's configuration")
    config_commands = config.add_subparsers(title="config commands", metavar="ACTION", required=True)
    check = config_commands.add_parser(
        "check", help="validate a configuration and try every source; exit 1 if any failed"
    )
    check.add_argument("path")
    check.set_defaults(handler=cmd_config_check)
    reference = config_commands.add_parser("reference", help="print the configuration reference")
    reference.set_defaults(handler=cmd_config_reference)

    secrets = commands.add_parser("secrets", help="source passwords and tokens in the keyring")
    secrets_commands = secrets.add_subparsers(title="secrets commands", metavar="ACTION", required=True)
    secret_set = secrets_commands.add_parser("set", help="store a source's secret (prompted)")
    secret_set.add_argument("source", help="the source's id")
    secret_set.add_argument(
        "--config", metavar="PATH", default=argparse.SUPPRESS, help="check the id against this file"
    )
    secret_set.set_defaults(handler=cmd_secrets_set)

    demo = commands.add_parser("demo", help="the demo organisation")
    demo_commands = demo.add_subparsers(title="demo commands", metavar="ACTION", required=True)
    create = demo_commands.add_parser("create", help="write a demo organisation into a folder")
    create.add_argument("directory")
    create.add_argument("--people", type=int, default=3000, help="how many people (default 3000)")
    create.add_argument("--seed", type=int, default=1, help="the same seed gives the same world")
    create.set_defaults(handler=cmd_demo_create)

    case = commands.add_parser("case", help="cases, headless (the same steps as the window)")
    case_commands = case.add_subparsers(title="case commands", metavar="ACTION", required=True)
    case_open = case_commands.add_parser("open", help="verify a visitor and open a case")
    case_open.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    case_open.add_argument("--personnummer", required=True)
    case_open.add_argument("--name", required=True, help="as on the ID document")
    case_open.add_argument(
        "--document",
        required=True,
        metavar="TYPE:COUNTRY:LAST4:EXPIRY",
        help="TYPE: passport, national-id, driving-licence, sis-id, tax-agency-id, "
        "service-card, foreign-passport, foreign-id, other",
    )
    case_open.add_argument("--document-description", help="needed for TYPE other")
    case_open.add_argument("--mrz", help="the machine-readable zone, lines separated by newlines")
    case_open.add_argument(
        "--request",
        action="append",
        required=True,
        choices=[r.value for r in RequestType],
        help="repeat for several",
    )
    case_open.add_argument(
        "--details",
        action="append",
        metavar="TYPE=TEXT",
        help="what the visitor asks, e.g. rectification='the address should be Storgatan 5'; "
        "needed for rectification, erasure, restriction, objection and withdraw-consent",
    )
    case_open.add_argument("--staff", required=True, help="the user name of who checked the ID")
    case_open.add_argument("--receipt", metavar="FILE.pdf", help="also write the visitor's receipt")
    case_open.add_argument("--lang", choices=["sv", "en"], default="sv", help="of the receipt")
    case_open.set_defaults(handler=cmd_case_open)
    case_outcome = case_commands.add_parser(
        "outcome", help="record what was done about one request of a case (shown in the extract)"
    )
    case_outcome.add_argument("case", help="the case number, e.g. 2026-00042")
    case_outcome.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    case_outcome.add_argument("--request", required=True, choices=[r.value for r in RequestType])
    case_outcome.add_argument("--text", required=True, help="what was done, as the visitor will read it")
    case_outcome.add_argument("--staff", required=True, help="the user name of who records it")
    case_outcome.set_defaults(handler=cmd_case_outcome)
    case_gather = case_commands.add_parser("gather", help="gather a case's data from every source")
    case_gather.add_argument("case", help="the case number, e.g. 2026-00042")
    case_gather.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    case_gather.add_argument("--staff", help="who runs it (default: logged as an unattended run)")
    case_gather.add_argument("--json", metavar="OUT", help="also write the gathered data as JSON")
    case_gather.set_defaults(handler=cmd_case_gather)
    extract = case_commands.add_parser(
        "extract", help="gather, render the extract PDF (and ZIP), and record the delivery"
    )
    extract.add_argument("case")
    extract.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    extract.add_argument("--out", required=True, metavar="FILE.pdf")
    extract.add_argument("--zip", metavar="FILE.zip", help="also the machine-readable copy")
    extract.add_argument("--lang", choices=["sv", "en"], default="sv")
    extract.add_argument(
        "--include-weak",
        action="store_true",
        help="include matches found only by e-mail, phone or name (stands in for a person's confirmation in review)",
    )
    extract.add_argument("--staff", required=True, help="who delivers the extract")
    extract.add_argument("--approved-by", metavar="USER", help="the second person, where required")
    extract.set_defaults(handler=cmd_case_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    if handler is not cmd_gui:  # the window sets up its log behind the sign-in (~20 ms at start)
        from desktop.logs import configure_logging

        configure_logging(args.verbose)
    try:
        return handler(args)
    except UserError as exc:
        print(f"insyn: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("insyn: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("INSYN_DEBUG"):
            raise
        log.error("internal error %s at %s", type(exc).__name__, where(exc))
        print(
            f"insyn: internal error ({type(exc).__name__}); details are in the log. "
            "Set INSYN_DEBUG=1 to see the traceback.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL_ERROR
