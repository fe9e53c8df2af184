"""Administration: the audit chain, the yearly report, the register's retention, the policy,
staff accounts. Who may do each is decided by the services (an administrator)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import TYPE_CHECKING, Any

from desktop.core.staff import Role
from desktop.errors import UserError

if TYPE_CHECKING:
    pass


from desktop.cli.common import Secrets, _register_desk, _sign_in

log = logging.getLogger(__name__)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from desktop.services.auditing import verify

    with _register_desk(args, baseline=False) as desk:
        report = verify(desk)
    if report.intact:
        keyed = "keyed with the audit key" if report.keyed else "not keyed (no audit key: see the IT guide)"
        print(f"audit chain intact: {report.events} events, {keyed}; the register's rows match it")
        return 0
    where = f"event {report.broken_seq} (row id {report.broken_id})" if report.broken_seq else "the end"
    print(f"audit chain BROKEN at {where}: {report.reason}", file=sys.stderr)
    return 1


def cmd_staff_add(args: argparse.Namespace) -> int:
    """Add an account, signed in as an administrator (--admin); the register's very first
    administrator needs no sign-in. With --password the new password is asked for after the
    administrator's (or read as the next line of stdin)."""
    from desktop.services.staff import create_account

    secrets = Secrets()
    with _register_desk(args) as desk:
        admin = _sign_in(desk, args.admin, secrets) if args.admin else None
        password = None
        if args.password:
            password = secrets.ask(f"New password of {args.username} (not shown): ")
            if secrets.interactive and secrets.ask("Again: ") != password:
                raise UserError("the passwords differ")
        staff_id = create_account(desk, args.username, args.name, args.role, password, by=admin)
    print(f"staff member {args.username} added (id {staff_id})")
    return 0


def cmd_staff_unlock(args: argparse.Namespace) -> int:
    from desktop.services.staff import staff_id_of, unlock_account

    with _register_desk(args) as desk:
        admin = _sign_in(desk, args.admin, Secrets())
        unlock_account(desk, staff_id_of(desk, args.username), by=admin)
    print(f"{args.username} can sign in again")
    return 0


def cmd_policy_show(args: argparse.Namespace) -> int:
    """The policy in force at this desk, and where each value comes from."""
    from desktop.services.policy import policy_origins

    with _register_desk(args) as desk:
        lines = policy_origins(desk)
    for key, value, origin, label in lines:
        print(f"{key} = {json.dumps(value)}  ({origin}; {label})")
    return 0


def cmd_policy_set(args: argparse.Namespace) -> int:
    from desktop.services.policy import parse_value, set_policy

    value = parse_value(args.key, args.value)
    with _register_desk(args) as desk:
        admin = _sign_in(desk, args.admin, Secrets())
        set_policy(desk.register, args.key, value, by=admin)
    print(f"policy {args.key} = {json.dumps(value)} for every desk of this register")
    return 0


def cmd_audit_seal(args: argparse.Namespace) -> int:
    from desktop.services.auditing import seal_chain

    with _register_desk(args) as desk:
        count = seal_chain(desk, by=_sign_in(desk, args.admin, Secrets()))
    print(f"audit chain sealed with the audit key: {count} events")
    return 0


def cmd_audit_accept(args: argparse.Namespace) -> int:
    """After `verify` named a change made outside Insyn and an administrator found its cause: the
    chain records the rows as they are now, with the reason (never silently at a start)."""
    from desktop.services.auditing import accept_changes

    with _register_desk(args, baseline=False) as desk:
        rows = accept_changes(desk, args.reason, by=_sign_in(desk, args.admin, Secrets()))
    print(f"the audit chain now records the register's {rows} rows as they are; the reason is in the chain")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from desktop.services.annual import annual_pdf, annual_report
    from desktop.services.files import check_targets, write_private

    with _register_desk(args) as desk:
        if args.pdf:  # refused before the password is asked
            check_targets(args.pdf, overwrite=args.overwrite)
        report = annual_report(desk, args.year, by=_sign_in(desk, args.admin, Secrets()))
        pdf, pages = annual_pdf(desk, report, args.lang) if args.pdf else (None, 0)
    percent = report.in_time_percent
    print(f"year {report.year}: {report.cases} cases, {report.answered} answered, "
          f"{report.answered_in_time} within the time limit ({'–' if percent is None else f'{percent:g} %'}), "
          f"{report.extended} extended, {report.refused} refused, {report.withdrawn} withdrawn, "
          f"{report.open_cases} awaiting an answer, {report.outstanding_parts} requests without an outcome, "
          f"{report.awaiting_supplement} awaiting a supplement, {report.supplements} supplements, "
          f"median {'–' if report.median_days is None else f'{report.median_days:g}'} days to answer")  # fmt: skip
    for kind, counts in report.requests_by_month.items():
        print(f"  {kind:<20} " + " ".join(f"{n:4d}" for n in counts) + f"  = {sum(counts)}")
    if pdf is not None:
        write_private(args.pdf, pdf, overwrite=args.overwrite)
        print(f"{args.pdf}: {pages} pages")
    return 0


def cmd_register_purge(args: argparse.Namespace) -> int:
    from desktop.services.retention import purge_ended_cases

    with _register_desk(args) as desk:
        if not args.dry_run and not args.admin:
            raise UserError("name the administrator who purges (--admin USER), or look first with --dry-run")
        admin = _sign_in(desk, args.admin, Secrets()) if args.admin else None
        report = purge_ended_cases(desk, by=admin, dry_run=args.dry_run)
    verb = "would be purged" if report.dry_run else "purged"
    print(f"{report.cases} cases that ended before {report.cutoff} {verb} "
          f"(keep_closed_cases_years = {desk.policy.keep_closed_cases_years})")  # fmt: skip
    return 0


def cmd_audit_new_key(args: argparse.Namespace) -> int:
    import secrets

    print(secrets.token_urlsafe(32))
    print("store it on every desk with `insyn secrets set audit-key` and keep a copy offline", file=sys.stderr)
    return 0


def add_commands(commands: Any) -> None:
    """audit, report, register, policy, staff."""
    audit = commands.add_parser("audit", help="the audit log")
    audit_commands = audit.add_subparsers(title="audit commands", metavar="ACTION", required=True)
    verify = audit_commands.add_parser(
        "verify", help="check the audit chain and that the register's rows match it; exit 1 if not"
    )
    verify.set_defaults(handler=cmd_audit_verify)
    seal_parser = audit_commands.add_parser("seal", help="key an existing chain with this desk's audit key (once)")
    seal_parser.add_argument("--admin", required=True, metavar="USER", help="the administrator (password asked)")
    seal_parser.set_defaults(handler=cmd_audit_seal)
    accept = audit_commands.add_parser(
        "accept", help="after verify: record the register's rows as they are, with the reason (administrator)"
    )
    accept.add_argument("--admin", required=True, metavar="ADMIN")
    accept.add_argument("--reason", required=True, help="what verify found and why it is accepted")
    accept.set_defaults(handler=cmd_audit_accept)
    new_key = audit_commands.add_parser("new-key", help="print a new random audit key for `secrets set audit-key`")
    new_key.set_defaults(handler=cmd_audit_new_key)

    yearly = commands.add_parser(
        "report", help="the year's figures for the person responsible for data protection (no personal data)"
    )
    yearly.add_argument("--admin", required=True, metavar="USER", help="the administrator (password asked)")
    yearly.add_argument("--year", type=int, help="default: this year")
    yearly.add_argument("--pdf", metavar="FILE.pdf", help="also as a printable PDF")
    yearly.add_argument("--overwrite", action="store_true", help="replace an existing file of that name")
    yearly.add_argument("--lang", choices=["sv", "en"], default="sv")
    yearly.set_defaults(handler=cmd_report)

    register = commands.add_parser("register", help="the case register")
    register_commands = register.add_subparsers(title="register commands", metavar="ACTION", required=True)
    purge = register_commands.add_parser(
        "purge",
        help="remove the personal data of cases that ended more than keep_closed_cases_years ago "
        "(case numbers, dates, request types, outcomes and the audit chain stay)",
    )
    purge.add_argument("--dry-run", action="store_true", help="only count the cases that are due")
    purge.add_argument("--admin", metavar="USER", help="the administrator (password asked); not for --dry-run")
    purge.set_defaults(handler=cmd_register_purge)

    policy = commands.add_parser("policy", help="the organisation's policy, kept in the register")
    policy_commands = policy.add_subparsers(title="policy commands", metavar="ACTION", required=True)
    show = policy_commands.add_parser("show", help="the policy in force and where each value comes from")
    show.set_defaults(handler=cmd_policy_show)
    policy_set = policy_commands.add_parser("set", help="set one policy value for every desk (administrator)")
    policy_set.add_argument("key")
    policy_set.add_argument("value")
    policy_set.add_argument("--admin", required=True, metavar="USER", help="the administrator (password asked)")
    policy_set.set_defaults(handler=cmd_policy_set)

    staff = commands.add_parser("staff", help="staff accounts")
    staff_commands = staff.add_subparsers(title="staff commands", metavar="ACTION", required=True)
    add = staff_commands.add_parser("add", help="add a staff member")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the name shown in the program")
    add.add_argument(
        "--role",
        action="append",
        required=True,
        choices=[r.value for r in Role],
        help="repeat for several roles",
    )
    add.add_argument("--password", action="store_true", help="set a password (prompted, or one line on stdin)")
    add.add_argument(
        "--admin",
        metavar="USER",
        help="the administrator adding the account (password asked first); "
        "not needed only for the register's first administrator",
    )
    add.set_defaults(handler=cmd_staff_add)
    unlock = staff_commands.add_parser("unlock", help="let an account locked by wrong passwords sign in again")
    unlock.add_argument("username")
    unlock.add_argument("--admin", required=True, metavar="USER", help="the administrator (password asked)")
    unlock.set_defaults(handler=cmd_staff_unlock)
