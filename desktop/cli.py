"""The `insyn` command: starts the desk program, or runs an IT or scripting command.

User mistakes end as one line on stderr and exit code 2; a broken audit chain exits 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core.requests import RequestType
from desktop.core.staff import Role, StaffMember
from desktop.errors import UserError, where

if TYPE_CHECKING:
    from desktop.core.verification import Mandate
    from desktop.services.actions import ActionStep
    from desktop.services.cases import PersonInput
    from desktop.services.desk import Desk
    from desktop.services.review import DecisionRequest
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


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run_gui

    return run_gui(
        register_url=_register_url(args), demo=args.demo, config=args.config, language=args.lang, verbose=args.verbose
    )


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
          f"median {report.median_days if report.median_days is not None else '–'} days to answer")  # fmt: skip
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


def _config_path(args: argparse.Namespace) -> str:
    from desktop.services.setup import config_path

    return config_path(getattr(args, "config", None))


def _open_desk(args: argparse.Namespace) -> Desk:
    from desktop.services.desk import open_desk

    return open_desk(_config_path(args), register_url=_register_url(args))


def cmd_config_check(args: argparse.Namespace) -> int:
    from desktop.services.setup import check_config

    summary, sources = check_config(args.path)
    print(f"{args.path}: valid, {summary.sources} sources")
    for warning in summary.warnings:
        print(f"  WARNING: {warning}")
    if summary.english_missing:
        print(f"  English missing for {len(summary.english_missing)} visitor texts (an English extract prints the "
              "Swedish, marked '(in Swedish)'):")  # fmt: skip
        for path in summary.english_missing:
            print(f"    {path}")
    failed = 0
    for source in sources:
        if not source.ok:
            failed += 1
            print(f"  {source.source_id}: FAILED: {source.note}")
        elif source.note.startswith("WARNING"):
            print(f"  {source.source_id}: ok, but {source.note}")
        else:
            print(f"  {source.source_id}: ok" + (f" ({source.note})" if source.note else ""))
    return 1 if failed else 0


def cmd_config_reference(args: argparse.Namespace) -> int:
    from desktop.services.setup import reference_markdown

    print(reference_markdown(), end="")
    return 0


def cmd_secrets_set(args: argparse.Namespace) -> int:
    import getpass

    from desktop.services.setup import store_secret

    if getattr(args, "config", None) or os.environ.get("INSYN_CONFIG"):
        from desktop.services.setup import check_source_id

        check_source_id(_config_path(args), args.source)  # refused before the secret is asked
    if sys.stdin.isatty():
        secret = getpass.getpass(f"Secret for source {args.source} (not shown): ")
    else:
        secret = sys.stdin.readline().rstrip("\n")
    store_secret(args.source, secret)
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


def _parse_document(spec: str) -> tuple[str, str, str, date | None]:
    if spec == "postal-answer":  # no ID shown: the answer goes by post to the population-register address
        return spec, "SE", "", None
    parts = spec.split(":")
    if len(parts) != 4:
        raise UserError(
            "--document must be TYPE:COUNTRY:LAST4:EXPIRY, e.g. passport:SE:1234:2030-01-31, or postal-answer"
        )
    doc_type, country, number, expiry = parts
    try:
        expires = date.fromisoformat(expiry)
    except ValueError:
        raise UserError("--document: the expiry must be a date YYYY-MM-DD") from None
    return doc_type, country, number, expires


def _visitor(args: argparse.Namespace, secrets: Secrets) -> dict[str, object]:
    """The visitor's details: from --visitor FILE (or - for stdin, after the password), else from
    the options (which `ps` and the shell's history show)."""
    if args.visitor:
        text = sys.stdin.read() if args.visitor == "-" else Path(args.visitor).read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except ValueError:
            raise UserError("--visitor: not valid JSON") from None
        if not isinstance(data, dict):
            raise UserError("--visitor: a JSON object with personnummer, name and document")
        return data
    if not (args.personnummer and args.name and args.document):
        raise UserError("give the visitor with --visitor FILE (JSON), or --personnummer, --name and --document")
    return {"personnummer": args.personnummer, "name": args.name, "document": args.document, "mrz": args.mrz,
            "document_description": args.document_description}  # fmt: skip


def _details(args: argparse.Namespace) -> dict[str, str]:
    """--details TYPE=TEXT, each for one of the --request values."""
    details: dict[str, str] = {}
    for spec in args.details or []:
        kind, _, text = spec.partition("=")
        if kind not in args.request or not text.strip():
            raise UserError(f"--details {kind}=TEXT: TYPE must be one of the --request values, TEXT not empty")
        details[kind] = text.strip()
    return details


def cmd_case_add(args: argparse.Namespace) -> int:
    """More requests from the same visitor, into their open case."""
    from desktop.core.requests import RequestType

    details = _details(args)
    with _open_desk(args) as desk:
        staff = _sign_in(desk, args.staff, Secrets())
        added = _visit(desk, args.case, staff).add_requests(
            [(RequestType(r), details.get(r)) for r in dict.fromkeys(args.request)]
        )
    print(f"{args.case}: added {', '.join(added)}")
    return 0


def _mapping(value: object) -> dict[str, object]:
    """A JSON object's member that must itself be an object (`details`, `identifiers`)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UserError("--visitor: 'details' and 'identifiers' are JSON objects")
    return {str(k): v for k, v in value.items()}


def _person_input(data: dict[str, object]) -> PersonInput:
    """A visitor's or representative's JSON object as the form's fields."""
    from desktop.services.cases import PersonInput

    document = data.get("document")
    if isinstance(document, dict):
        document = ":".join(str(document.get(k, "")) for k in ("type", "country", "number", "expiry"))
    doc_type, country, number, expiry = _parse_document(str(document or ""))
    return PersonInput(
        personnummer=str(data.get("personnummer") or ""),
        name=str(data.get("name") or ""),
        document_type=doc_type,
        document_country=country,
        document_number=number,
        document_expiry=expiry,
        document_description=str(data.get("document_description") or ""),
        mrz=str(data["mrz"]) if data.get("mrz") else None,
    )


def _representative(path: str | None) -> tuple[PersonInput, Mandate] | None:
    """--representative FILE: a guardian, an attorney or a trustee who acts for the visitor, with
    their own ID document and the mandate ({"type": "guardian" | "power-of-attorney" | "trustee",
    "dated": "YYYY-MM-DD", "signed_by": "..."})."""
    from desktop.core.verification import Mandate, MandateType

    if path is None:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except ValueError:
        raise UserError("--representative: not valid JSON") from None
    mandate = data.get("mandate") if isinstance(data, dict) else None
    if not isinstance(mandate, dict):
        raise UserError("--representative: a JSON object with personnummer, name, document and mandate")
    try:
        kind = MandateType(str(mandate.get("type", "")))
        dated = date.fromisoformat(str(mandate["dated"])) if mandate.get("dated") else None
    except ValueError:
        raise UserError("--representative: the mandate's type is guardian, power-of-attorney or trustee, and "
                        "its date YYYY-MM-DD") from None  # fmt: skip
    return _person_input(data), Mandate(kind, dated, str(mandate.get("signed_by") or ""))


def cmd_case_open(args: argparse.Namespace) -> int:
    from desktop.core.requests import RequestType
    from desktop.services.cases import open_case, visit_notes

    secrets = Secrets()
    details = _details(args)
    with _open_desk(args) as desk:
        if args.receipt:  # refused before the case exists, not after
            from desktop.services.files import check_targets

            check_targets(args.receipt, overwrite=args.overwrite)
        staff = _sign_in(desk, args.staff, secrets)
        visitor = _visitor(args, secrets)
        representative = _representative(args.representative)
        for kind, text in _mapping(visitor.get("details")).items():
            details.setdefault(str(kind), str(text))
        person = _person_input(visitor)
        for note in visit_notes(person, representative=representative):  # said, never refused (DOMAIN)
            print(f"note: {note}", file=sys.stderr)
        requests = [(RequestType(r), details.get(r)) for r in dict.fromkeys(args.request)]
        given = [_identifier_spec(spec) for spec in args.identifier or []]
        for kind, values in _mapping(visitor.get("identifiers")).items():
            given += [(str(kind), str(v)) for v in (values if isinstance(values, list) else [values])]
        opened = open_case(desk, person, requests, staff_username=staff.username, identifiers=given,
                           alongside=args.alongside, representative=representative)  # fmt: skip
        # The number first: whatever happens to the receipt, the case exists and has this number.
        print(opened.number, flush=True)
        print(f"received {opened.received_on}, answer due by {opened.deadline}", file=sys.stderr)
        for step in _visit(desk, opened.number, staff).carry_out_at_once():  # Art. 21.3, 7.3: at once
            print(_describe_action(step), file=sys.stderr)
        if args.receipt:
            from desktop.services.delivery import render_receipt
            from desktop.services.files import write_private

            pdf, _pages = render_receipt(desk, opened.number, language=args.lang)
            write_private(args.receipt, pdf, overwrite=args.overwrite)
    return 0


def cmd_case_letter(args: argparse.Namespace) -> int:
    with _open_desk(args) as desk:
        staff = _sign_in(desk, args.staff, Secrets())
        visit = _visit(desk, args.case, staff)
        rendered = visit.letter(args.kind, args.lang)
        visit.letter_sent(rendered, args.method, args.out, overwrite=args.overwrite)
    print(f"{args.out}: {args.kind} letter, {rendered.pages} pages, SHA-256 {rendered.sha256} ({args.method})")
    return 0


def _identifier_spec(spec: str) -> tuple[str, str]:
    kind, _, value = spec.partition("=")
    if not kind.strip() or not value.strip():
        raise UserError("--identifier KIND=VALUE, e.g. email=asa@example.com")
    return kind.strip(), value.strip()


def _say_unmatched(visit: Visit) -> None:
    """Decisions taken earlier on records that changed in their system since (not applied)."""
    unmatched = visit.unmatched_decisions()
    count = sum(u.count for u in unmatched)
    if count:
        where = ", ".join(sorted({u.source_id for u in unmatched}))
        verb = "decision no longer applies" if count == 1 else "decisions no longer apply"
        print(f"{count} earlier {verb} (the records changed in {where}): review them again", file=sys.stderr)


def _visit(desk: Desk, number: str, staff: StaffMember) -> Visit:
    from desktop.services.visit import Visit

    return Visit(desk, number, staff)


def cmd_case_outcome(args: argparse.Namespace) -> int:
    with _open_desk(args) as desk:
        staff = _sign_in(desk, args.staff, Secrets())
        _visit(desk, args.case, staff).record_outcome(args.request, args.text)
    return 0


def cmd_case_extend(args: argparse.Namespace) -> int:
    with _open_desk(args) as desk:
        new_date = _visit(desk, args.case, _sign_in(desk, args.staff, Secrets())).extend(args.reason)
    print(f"{args.case}: answer due by {new_date} (extended; give the visitor the extension letter: "
          f"`insyn case letter {args.case} --kind extension`)")  # fmt: skip
    return 0


def cmd_case_reject(args: argparse.Namespace) -> int:
    with _open_desk(args) as desk:
        _visit(desk, args.case, _sign_in(desk, args.staff, Secrets())).reject(args.reason)
    print(f"{args.case}: refused (give the visitor the decision: `insyn case letter {args.case} --kind refusal`)")
    return 0


def cmd_case_withdraw(args: argparse.Namespace) -> int:
    with _open_desk(args) as desk:
        _visit(desk, args.case, _sign_in(desk, args.staff, Secrets())).withdraw(args.reason)
    print(f"{args.case}: withdrawn ({args.reason})")
    return 0


def cmd_case_close(args: argparse.Namespace) -> int:
    with _open_desk(args) as desk:
        _visit(desk, args.case, _sign_in(desk, args.staff, Secrets())).close(reason_if_owed=args.reason)
    print(f"{args.case}: closed")
    return 0


def cmd_case_manual(args: argparse.Namespace) -> int:
    """The answer of a system checked by hand (HR, paper archive …): found or not, with a note."""
    with _open_desk(args) as desk:
        visit = _visit(desk, args.case, _sign_in(desk, args.staff, Secrets()))
        visit.record_manual(args.source, found=args.found == "yes", note=args.note or "")
    print(f"{args.case}: the answer from {args.source} is recorded")
    return 0


def _decisions(path: str | None) -> list[DecisionRequest]:
    """--decisions FILE.json, read and checked whole before anything is gathered."""
    from desktop.services.review import parse_decisions

    if path is None:
        return []
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"--decisions: cannot read it as JSON ({type(exc).__name__})") from None
    return parse_decisions(data)


def _apply_decisions(visit: Visit, requests: list[DecisionRequest]) -> None:
    if requests:
        done = visit.apply_decisions(requests)
        print("decisions applied and kept with the case: "
              + ", ".join(f"{n} {kind}" for kind, n in sorted(done.items())), file=sys.stderr)  # fmt: skip


def cmd_case_review(args: argparse.Namespace) -> int:
    """Review decisions from a file, as the window's review takes them: gathered, applied, kept
    with the case (the next gather, here or in the window, brings them back), the data let go."""
    requests = _decisions(args.decisions)
    with _open_desk(args) as desk:
        visit = _visit(desk, args.case, _sign_in(desk, args.staff, Secrets()))
        visit.gather()
        _say_unmatched(visit)
        _apply_decisions(visit, requests)
        counts = visit.counts()
        visit.drop()
    print(f"{args.case}: {counts.get('included', 0)} of {counts.get('records', 0)} records in the extract, "
          f"{counts.get('redacted_fields', 0)} fields masked, {counts.get('weak_undecided', 0)} possible matches "
          "undecided")  # fmt: skip
    return 0


def _describe_action(step: ActionStep) -> str:
    what = f"{step.source_id}: {step.request}: {step.title}"
    if step.missing:
        return f"{what}: nothing to do, the visitor has no known {', '.join(step.missing)} here"
    if step.problem:
        return f"{what}: FAILED ({step.problem}); the case owes it"
    return f"{what}: {step.rows} rows ({step.operation})"


def cmd_case_act(args: argparse.Namespace) -> int:
    """What the case's requests do in the connected systems: with --dry-run counted in a
    transaction that is rolled back; without, the marketing stop and the consent withdrawal
    are carried out (the other requests' actions wait for their approval step)."""
    with _open_desk(args) as desk:
        visit = _visit(desk, args.case, _sign_in(desk, args.staff, Secrets()))
        visit.gather()
        steps = visit.actions_preview() if args.dry_run else visit.act()
        visit.drop()
    if not steps:
        print(f"{args.case}: no action is configured for its requests", file=sys.stderr)
    for step in steps:
        print(("would change " if args.dry_run else "") + _describe_action(step))
    return 1 if any(s.failed for s in steps) else 0


def cmd_case_retry(args: argparse.Namespace) -> int:
    """Gather, then ask again only the systems that failed, timed out or were cancelled (what the
    window's retry does after a gather); nothing gathered outlives the command."""
    from desktop.services.gathering import describe

    with _open_desk(args) as desk:
        visit = _visit(desk, args.case, _sign_in(desk, args.staff, Secrets()))
        visit.gather()
        failed = visit.retryable_sources()
        if failed:
            print(f"asking again: {', '.join(failed)}", file=sys.stderr)
            visit.gather(only=failed)
        assert visit.result is not None
        for source in visit.result.sources.values():
            print(describe(source))
        still = visit.retryable_sources()
        visit.drop()
    return 1 if still else 0


def cmd_case_gather(args: argparse.Namespace) -> int:
    from desktop.services.gathering import describe

    with _open_desk(args) as desk:
        if args.json:  # before the gather: a refused file costs the visitor no wait
            from desktop.services.files import check_targets

            check_targets(args.json, overwrite=args.overwrite)
        staff = _sign_in(desk, args.staff, Secrets())
        visit = _visit(desk, args.case, staff)
        result = visit.gather()
        _say_unmatched(visit)
        key = visit.record_key
    for source in result.sources.values():
        print(describe(source))
    if args.json:
        from desktop.services.export import write_gather_json

        write_gather_json(result, args.json, overwrite=args.overwrite, record_key=key)
        print(f"gathered data written to {args.json}", file=sys.stderr)
    return 0


def cmd_case_extract(args: argparse.Namespace) -> int:
    """Gather, release and deliver in one run, through the same Visit as the window; nothing
    gathered outlives the command."""
    from desktop.services.gathering import describe
    from desktop.services.visit import Action

    secrets = Secrets()
    with _open_desk(args) as desk:
        from desktop.services.files import check_targets

        check_targets(args.out, args.zip, overwrite=args.overwrite)  # before the gather, and again when written
        staff = _sign_in(desk, args.staff, secrets)
        visit = _visit(desk, args.case, staff)
        visit.require(Action.GATHER)  # the case and the role, before the approver's password is asked
        decisions = _decisions(args.decisions)
        approver_password = None
        if visit.approval_required:
            if not args.approved_by:
                raise UserError(
                    "this organisation requires a second person to approve every extract: "
                    "name the approver with --approved-by (their password is asked for)"
                )
            approver_password = secrets.password_of(args.approved_by, "(approver)")
        result = visit.gather()
        for source in result.sources.values():
            print(describe(source), file=sys.stderr)
        del result
        _say_unmatched(visit)
        _apply_decisions(visit, decisions)
        if args.include_weak:
            confirmed = visit.confirm_all_weak()
            print(f"{confirmed} weak matches confirmed by {staff.username} (--include-weak)", file=sys.stderr)
        elif args.leave_out_weak:
            left_out = visit.leave_out_weak()
            print(f"{left_out} weak matches left out unconfirmed by {staff.username} (--leave-out-weak); "
                  "the extract says so", file=sys.stderr)  # fmt: skip
        elif visit.undecided_weak():
            raise UserError(
                f"{visit.undecided_weak()} matches were found only by {visit.weak_words('en')} and nobody has "
                "decided on them: say --include-weak (they are the visitor's) or --leave-out-weak "
                "(the extract says how many were left out)"
            )
        visit.approve(args.approved_by, approver_password)
        rendered = visit.render(args.lang, with_package=bool(args.zip))
        visit.deliver_files(args.out, args.zip, overwrite=args.overwrite)
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
    case_open.add_argument(
        "--visitor",
        metavar="FILE",
        help="the visitor's details as JSON (- for stdin, after the password): personnummer, name, "
        "document (TYPE:COUNTRY:LAST4:EXPIRY or an object), mrz, document_description, details, "
        'identifiers ({"email": ["…"], "phone": "…"})',
    )
    case_open.add_argument(
        "--identifier",
        action="append",
        metavar="KIND=VALUE",
        help="the visitor's own e-mail, phone or customer number (any kind the configuration knows), "
        "said or shown at the desk; searched like those found in sources. Repeat for several",
    )
    case_open.add_argument("--personnummer", help="instead of --visitor (shows in ps and the shell history)")
    case_open.add_argument("--name", help="as on the ID document (instead of --visitor)")
    case_open.add_argument(
        "--document",
        metavar="TYPE:COUNTRY:LAST4:EXPIRY",
        help="TYPE: passport, national-id, driving-licence, sis-id, tax-agency-id, "
        "service-card, foreign-passport, foreign-id, other; or just postal-answer: no ID shown, the answer "
        "goes by post to the address in the population register",
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
    case_open.add_argument(
        "--alongside",
        choices=["separate-errand", "open-case-answered"],
        help="why a second case is opened for a visitor who has one open (else add to it: `case add`)",
    )
    case_open.add_argument(
        "--representative",
        metavar="FILE.json",
        help="a guardian, attorney or trustee acting for the visitor: personnummer, name, document as for "
        '--visitor, and "mandate": {"type": "guardian|power-of-attorney|trustee", "dated": "YYYY-MM-DD", '
        '"signed_by": "..."}',
    )
    case_open.add_argument("--staff", required=True, help="who checked the ID (password asked)")
    case_open.add_argument("--receipt", metavar="FILE.pdf", help="also write the visitor's receipt")
    case_open.add_argument("--overwrite", action="store_true", help="replace an existing file of that name")
    case_open.add_argument("--lang", choices=["sv", "en"], default="sv", help="of the receipt")
    case_open.set_defaults(handler=cmd_case_open)
    case_add = case_commands.add_parser("add", help="add requests the same visitor makes to their open case")
    case_add.add_argument("case", help="the case number, e.g. 2026-00042")
    case_add.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    case_add.add_argument("--request", action="append", required=True, choices=[r.value for r in RequestType])
    case_add.add_argument("--details", action="append", metavar="TYPE=TEXT", help="as for case open")
    case_add.add_argument("--staff", required=True, help="who takes the request (password asked)")
    case_add.set_defaults(handler=cmd_case_add)
    case_outcome = case_commands.add_parser(
        "outcome", help="record what was done about one request of a case (shown in the extract)"
    )
    case_outcome.add_argument("case", help="the case number, e.g. 2026-00042")
    case_outcome.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    case_outcome.add_argument("--request", required=True, choices=[r.value for r in RequestType])
    case_outcome.add_argument("--text", required=True, help="what was done, as the visitor will read it")
    case_outcome.add_argument("--staff", required=True, help="who records it (password asked)")
    case_outcome.set_defaults(handler=cmd_case_outcome)

    def case_command(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> _Parser:
        command = case_commands.add_parser(name, help=help_text)
        command.add_argument("case", help="the case number, e.g. 2026-00042")
        command.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
        command.add_argument("--staff", required=True, help="who decides (password asked)")
        command.set_defaults(handler=handler)
        return command

    case_command(
        "extend", "extend the time to answer by two months, once, within the first month (Art. 12.3)", cmd_case_extend
    ).add_argument("--reason", required=True, help="why; the visitor is told")
    case_command(
        "reject", "refuse the request (Art. 12.5); the refusal letter tells the visitor why", cmd_case_reject
    ).add_argument("--reason", required=True, help="why; the visitor is told")
    case_command("withdraw", "end the case without an answer", cmd_case_withdraw).add_argument(
        "--reason", required=True, help="visitor-withdrew or registered-by-mistake"
    )
    case_command("close", "close a case that is answered, refused or withdrawn", cmd_case_close).add_argument(
        "--reason", help="needed while the visitor is still owed something; kept with the case"
    )
    manual = case_command("manual", "record the answer of a system checked by hand", cmd_case_manual)
    manual.add_argument("--source", required=True, help="the manual source's id")
    manual.add_argument("--found", required=True, choices=["yes", "no"], help="whether it holds data on the visitor")
    manual.add_argument("--note", help="what was found, as the extract will say it")
    review = case_command(
        "review", "gather, and take review decisions from a file; they are kept with the case", cmd_case_review
    )
    review.add_argument(
        "--decisions",
        required=True,
        metavar="FILE.json",
        help='[{"record": KEY, "decision": "confirm|exclude|mask", "reason": "other_person|wrong_match|duplicate", '
        '"field": NAME}]; the keys are in `case gather --json`',
    )
    act = case_command(
        "act", "carry out the marketing stop and the consent withdrawal in the systems (--dry-run: count)", cmd_case_act
    )
    act.add_argument("--dry-run", action="store_true", help="count what would change, and change nothing")
    case_command("retry", "gather, and ask again the systems that failed or timed out (exit 1 if some still do)",
                 cmd_case_retry)  # fmt: skip
    case_gather = case_commands.add_parser("gather", help="gather a case's data from every source")
    case_gather.add_argument("case", help="the case number, e.g. 2026-00042")
    case_gather.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    case_gather.add_argument("--staff", required=True, help="who gathers (password asked)")
    case_gather.add_argument("--json", metavar="OUT", help="also write the gathered data as JSON")
    case_gather.add_argument("--overwrite", action="store_true", help="replace an existing file of that name")
    case_gather.set_defaults(handler=cmd_case_gather)
    extract = case_commands.add_parser(
        "extract", help="gather, render the extract PDF (and ZIP), and record the delivery"
    )
    extract.add_argument("case")
    extract.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    extract.add_argument("--out", required=True, metavar="FILE.pdf")
    extract.add_argument("--zip", metavar="FILE.zip", help="also the machine-readable copy")
    extract.add_argument("--overwrite", action="store_true", help="replace an existing file of that name")
    extract.add_argument("--lang", choices=["sv", "en"], default="sv")
    extract.add_argument(
        "--decisions", metavar="FILE.json", help="review decisions to take first (as for `case review`)"
    )
    weak = extract.add_mutually_exclusive_group()
    weak.add_argument(
        "--include-weak",
        action="store_true",
        help="confirm every match found only by a weak identifier (e-mail, phone, name … as the configuration "
        "says) as the visitor's (audited as your decision)",
    )
    weak.add_argument(
        "--leave-out-weak",
        action="store_true",
        help="leave such matches out unconfirmed; the extract says how many (audited as your decision)",
    )
    extract.add_argument("--staff", required=True, help="who delivers the extract (password asked first)")
    extract.add_argument(
        "--approved-by", metavar="USER", help="the second person, where required (their password is asked next)"
    )
    extract.set_defaults(handler=cmd_case_extract)
    letter = case_commands.add_parser(
        "letter", help="a letter to the visitor: refusal (Art. 12.4), extension (Art. 12.3), outcome of the requests"
    )
    letter.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    letter.add_argument("case")
    letter.add_argument("--kind", required=True, choices=["refusal", "extension", "outcome"])
    letter.add_argument("--out", required=True, metavar="FILE.pdf")
    letter.add_argument("--overwrite", action="store_true", help="replace an existing file of that name")
    letter.add_argument("--lang", choices=["sv", "en"], default="sv")
    letter.add_argument(
        "--method", required=True, choices=["handed", "posted", "emailed"], help="how the visitor gets it (recorded)"
    )
    letter.add_argument("--staff", required=True, help="who writes it (password asked)")
    letter.set_defaults(handler=cmd_case_letter)
    return parser


def no_core_dumps() -> None:
    """A crash must not write the visitor's data to a core file (a 37 MB one was found)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # Windows has no core files of this kind


def main(argv: Sequence[str] | None = None) -> int:
    no_core_dumps()
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
