"""The case commands: the same steps as the window, each a thin call of the Visit."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.requests import RequestType
from desktop.errors import UserError

if TYPE_CHECKING:
    from desktop.core.verification import Mandate
    from desktop.services.actions import ActionStep, HoldStep
    from desktop.services.cases import PersonInput
    from desktop.services.review import DecisionRequest
    from desktop.services.visit import Visit


from desktop.cli.common import Secrets, _open_desk, _Parser, _sign_in, _visit

log = logging.getLogger(__name__)


def _parse_document(spec: str) -> tuple[str, str, str, date | None]:
    if spec in ("postal-answer", "represented"):  # no ID shown: by post, or a representative shows theirs
        return spec, "SE", "", None
    parts = spec.split(":")
    if len(parts) != 4:
        raise UserError(
            "--document must be TYPE:COUNTRY:LAST4:EXPIRY, e.g. passport:SE:1234:2030-01-31, or postal-answer, "
            "or represented"
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
            "document_description": args.document_description, "address": args.address}  # fmt: skip


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
    "dated": "YYYY-MM-DD", "signed_by": "...", "scope": "what a power of attorney covers"})."""
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
    return _person_input(data), Mandate(
        kind, dated, str(mandate.get("signed_by") or ""), str(mandate.get("scope") or "")
    )


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
        address = visitor.get("address")
        opened = open_case(desk, person, requests, staff_username=staff.username, identifiers=given,
                           alongside=args.alongside, representative=representative,
                           postal_address=str(address) if address else None)  # fmt: skip
        # The number first: whatever happens to the receipt, the case exists and has this number.
        print(opened.number, flush=True)
        print(f"received {opened.received_on}, answer due by {opened.deadline}", file=sys.stderr)
        visit = _visit(desk, opened.number, staff)
        for step in visit.carry_out_at_once():  # Art. 21.3, 7.3: at once
            print(_describe_action(step), file=sys.stderr)
        if args.receipt:
            visit.save_receipt(args.receipt, args.lang, overwrite=args.overwrite)
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
    from desktop.services.visit import Action, Signer

    secrets = Secrets()
    with _open_desk(args) as desk:
        visit = _visit(desk, args.case, _sign_in(desk, args.staff, secrets))
        visit.require(Action.REJECT)  # the case and the role, before the approver's password is asked
        password = None
        if visit.check_signer_named(Signer.REFUSAL, args.approved_by):  # only where the policy wants one
            password = secrets.password_of(args.approved_by or "", "(approver)")
        visit.reject(args.reason, args.approved_by, password)
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
    effect = f", {EFFECT_WORDS.get(step.effect, step.effect)}" if step.effect else ""
    return f"{what}: {step.rows} rows ({step.operation}{effect})"


# What an action does to the rows, as the command line says it (the letter says it in words).
EFFECT_WORDS = {"erase": "erased", "pseudonymise": "pseudonymised", "restrict": "restricted",
                "rectify": "rectified", "change": "changed", "add": "added"}  # fmt: skip


def _describe_hold(hold: HoldStep) -> str:
    what = f"{hold.source_id}: {hold.request}: kept: {hold.title}"
    if hold.missing:
        return f"{what}: not counted, the visitor has no known {', '.join(hold.missing)} here"
    if hold.problem:
        return f"{what}: NOT COUNTED ({hold.problem})"
    until = f", until {hold.until}" if hold.until else ""
    return f"{what}: {hold.kept} rows – {hold.ground}{until}"


def cmd_case_act(args: argparse.Namespace) -> int:
    """What the case's requests do in the connected systems. --dry-run: counted in a transaction
    that is rolled back, with what the holds keep and why. Otherwise the marketing stop and the
    consent withdrawal are carried out, and an erasure, restriction or rectification is approved
    (by --approved-by where the policy wants a second person) and carried out as approved."""
    from desktop.services.visit import Action, Signer

    secrets = Secrets()
    with _open_desk(args) as desk:
        visit = _visit(desk, args.case, _sign_in(desk, args.staff, secrets))
        visit.require(Action.RECORD_OUTCOME)  # the case and the role, before the approver's password is asked
        approver_password = None
        if not args.dry_run and args.approved_by and visit.signer_needed(Signer.ACTIONS):
            approver_password = secrets.password_of(args.approved_by, "(approver)")
        new_values = _corrections(visit, args.correct or [])
        visit.gather()  # a marketing stop or consent withdrawal owed is carried out here
        immediate = list(visit.last_actions)
        holds: tuple[HoldStep, ...] = ()
        if args.dry_run:
            plan = visit.actions_preview(new_values)
            steps, holds = list(plan.steps), plan.holds
        else:
            steps = immediate
            if visit.rights_to_carry_out(new_values):
                visit.check_signer_named(Signer.ACTIONS, args.approved_by)
                holds = visit.approve_actions(args.approved_by, approver_password, new_values).holds
                steps += visit.act()
        recipients = visit.recipients_owed()
        by_hand = [m for m in visit.manual_actions() if not m.done]
        incomplete = visit.erasure_incomplete()
        visit.drop()
    for manual in by_hand:
        print(f"{manual.source_id}: {manual.request}: {manual.title}: to be done by a person: {manual.instructions} "
              f"(then: insyn case confirm {args.case} --source {manual.source_id} --note TEXT)")  # fmt: skip
    if not steps and not holds and not by_hand:
        print(f"{args.case}: nothing left to carry out for its requests", file=sys.stderr)
    for step in steps:
        print(("would change " if args.dry_run else "") + _describe_action(step))
    for hold in holds:
        print(_describe_hold(hold))
    for source_id, recipient in recipients:
        print(f"{source_id}: tell {recipient} (Art. 19): insyn case recipients {args.case} --source {source_id} "
              f"--informed '{recipient}' --how TEXT")  # fmt: skip
    for source_id, left in incomplete:  # searched again after the erasure: left under no hold
        found = "could not be searched again" if left is None else f"{left} records remain that no hold covers"
        print(f"{source_id}: erasure: NOT COMPLETE: {found}; erase them (or have the action or holds corrected), "
              f"then search again: insyn case act {args.case} --staff USER")  # fmt: skip
    return 1 if any(s.failed for s in steps) or incomplete else 0


def _corrections(visit: Visit, given: list[str]) -> dict[str, str] | None:
    """--correct SOURCE:FIELD=VALUE, as the rectification's corrected values by action key."""
    if not given:
        return None
    fields = {(f.source_id, f.field.casefold()): f.key for f in visit.rectification_fields()}
    values = {}
    for item in given:
        target, separator, value = item.partition("=")
        source_id, _colon, field = target.partition(":")
        key = fields.get((source_id.strip(), field.strip().casefold()))
        if not separator or key is None:
            known = ", ".join(f"{f.source_id}:{f.field}" for f in visit.rectification_fields()) or "none"
            raise UserError(f"--correct takes SOURCE:FIELD=VALUE, one of the fields this case can correct: {known}")
        values[key] = value
    return values


def cmd_case_confirm(args: argparse.Namespace) -> int:
    """A person did what a manual action asks (HR removed the application): recorded with a note."""
    with _open_desk(args) as desk:
        visit = _visit(desk, args.case, _sign_in(desk, args.staff, Secrets()))
        owed = [m for m in visit.manual_actions() if not m.done and m.source_id == args.source
                and (args.title is None or m.title == args.title)]  # fmt: skip
        if not owed:
            raise UserError(f"no action done by a person is owed in '{args.source}' for this case")
        if len(owed) > 1:
            raise UserError("several actions are owed there: name one with --title: "
                            + "; ".join(m.title for m in owed))  # fmt: skip
        visit.confirm_manual_action(args.source, owed[0].key, args.note)
    print(f"{args.case}: {args.source}: {owed[0].title}: done")
    return 0


def cmd_case_recipients(args: argparse.Namespace) -> int:
    """The recipients still to be told of an erasure, restriction or rectification (Art. 19);
    with --informed, record that one was told, and how."""
    with _open_desk(args) as desk:
        visit = _visit(desk, args.case, _sign_in(desk, args.staff, Secrets()))
        if args.informed:
            if not args.source or not args.how:
                raise UserError("say which system's recipient was told (--source) and how (--how)")
            visit.recipient_informed(args.source, args.informed, args.how)
        owed = visit.recipients_owed()
    for source_id, recipient in owed:
        print(f"{source_id}: {recipient}: to be told")
    if not owed:
        print(f"{args.case}: every recipient has been told", file=sys.stderr)
    return 0


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


def cmd_case_address(args: argparse.Namespace) -> int:
    """The address an answer by post goes to: typed (--set), or one a system holds (the case is
    gathered, the addresses found are listed, and --use SOURCE keeps that system's)."""
    with _open_desk(args) as desk:
        visit = _visit(desk, args.case, _sign_in(desk, args.staff, Secrets()))
        if args.set is not None:
            lines = visit.set_postal_address(args.set)
        else:
            visit.gather()
            proposals = visit.address_proposals()
            by_source = {p.source_id: p for p in proposals}
            if args.use is None:
                for proposal in proposals:
                    print(f"{proposal.source_id} ({proposal.source_name}): {', '.join(proposal.lines)}")
                if not proposals:
                    print("no system holds an address for the visitor in what was gathered", file=sys.stderr)
                visit.drop()
                return 0 if proposals else 1
            if args.use not in by_source:
                visit.drop()
                raise UserError(f"--use {args.use}: that system holds no address for the visitor")
            lines = visit.set_postal_address("\n".join(by_source[args.use].lines), source_id=args.use)
            visit.drop()
    print(f"{args.case}: the answer goes by post to {', '.join(lines)}")
    return 0


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
    from desktop.services.visit import Action, Signer

    secrets = Secrets()
    with _open_desk(args) as desk:
        from desktop.services.files import check_targets

        check_targets(args.out, args.zip, overwrite=args.overwrite)  # before the gather, and again when written
        staff = _sign_in(desk, args.staff, secrets)
        visit = _visit(desk, args.case, staff)
        visit.require(Action.GATHER)  # the case and the role, before the approver's password is asked
        if visit.address_needed:  # before the visitor's data is gathered for nothing
            raise UserError(
                f"case {args.case} is answered by post and has no address yet: keep the population-register "
                f"address first (`insyn case address {args.case} --set TEXT`, or `--use SOURCE` after listing "
                "the systems' addresses)",
                "deliver.address",
            )
        decisions = _decisions(args.decisions)
        approver_password = None
        if visit.check_signer_named(Signer.EXTRACT, args.approved_by):
            approver_password = secrets.password_of(args.approved_by or "", "(approver)")
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


def add_commands(commands: Any) -> None:
    """case open, add, outcome, extend … extract, letter."""
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
        "goes by post to the address in the population register (--address); or just represented: the visitor "
        "shows no ID, a representative acts for them (--representative)",
    )
    case_open.add_argument(
        "--address",
        metavar="TEXT",
        help="for postal-answer: the population-register address, lines separated by newlines or commas "
        "(street, then postcode and town); else kept later with `case address`",
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
        '"signed_by": "...", "scope": "what a power of attorney covers"}',
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
        command: _Parser = case_commands.add_parser(name, help=help_text)
        command.add_argument("case", help="the case number, e.g. 2026-00042")
        command.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
        command.add_argument("--staff", required=True, help="who decides (password asked)")
        command.set_defaults(handler=handler)
        return command

    case_command(
        "extend", "extend the time to answer by two months, once, within the first month (Art. 12.3)", cmd_case_extend
    ).add_argument("--reason", required=True, help="why; the visitor is told")
    reject = case_command(
        "reject", "refuse the request (Art. 12.5); the refusal letter tells the visitor why", cmd_case_reject
    )
    reject.add_argument("--reason", required=True, help="why; the visitor is told")
    reject.add_argument(
        "--approved-by",
        metavar="USER",
        help="the approver who decides, where the policy asks for one (their password is asked next)",
    )
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
        help='[{"record": KEY, "decision": "confirm|exclude|mask", "reason": "other_person|wrong_match|duplicate|'
        'confidentiality|draft", "field": NAME}]; the keys are in `case gather --json`. confidentiality and draft '
        "withhold the visitor's own data under dataskyddslagen 5 kap. 1 § and 2 §: the extract says how much and why",
    )
    act = case_command(
        "act",
        "carry out the case's requests in the systems: the marketing stop and consent withdrawal at once, an "
        "erasure, restriction or rectification from an approved preview (--dry-run: count, and what is kept)",
        cmd_case_act,
    )
    act.add_argument("--dry-run", action="store_true", help="count what would change, and change nothing")
    act.add_argument(
        "--correct",
        action="append",
        metavar="SOURCE:FIELD=VALUE",
        help="a rectification's corrected value, e.g. kundregister:Telefonnummer='070-123 45 67' (repeat for several)",
    )
    act.add_argument(
        "--approved-by", metavar="USER", help="the second person approving the preview (their password is asked next)"
    )
    recipients = case_command(
        "recipients",
        "the recipients to tell of an erasure, restriction or rectification (Art. 19)",
        cmd_case_recipients,
    )
    confirm = case_command(
        "confirm", "record that a person did what an action asks where Insyn cannot change the system", cmd_case_confirm
    )
    confirm.add_argument("--source", required=True, help="the system")
    confirm.add_argument("--title", help="which action, where the system has several")
    confirm.add_argument("--note", required=True, help="what was done and by whom (kept with the case)")
    recipients.add_argument("--source", help="the system whose recipient was told")
    recipients.add_argument("--informed", metavar="RECIPIENT", help="the recipient told, as the list names it")
    recipients.add_argument("--how", help="how they were told (e-mail, their portal, a letter …)")
    case_command("retry", "gather, and ask again the systems that failed or timed out (exit 1 if some still do)",
                 cmd_case_retry)  # fmt: skip
    address = case_commands.add_parser(
        "address", help="the address an answer by post goes to: typed, or one a system holds (listed, then --use)"
    )
    address.add_argument("case")
    address.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS)
    address.add_argument("--staff", required=True, help="who keeps it (password asked)")
    chosen = address.add_mutually_exclusive_group()
    chosen.add_argument("--set", metavar="TEXT", help="the address as the visitor gave it (newlines or commas)")
    chosen.add_argument("--use", metavar="SOURCE", help="keep the address that system holds (after checking it)")
    address.set_defaults(handler=cmd_case_address)
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
