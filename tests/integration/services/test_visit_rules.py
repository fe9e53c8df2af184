"""The rules of a case, through the services and the command line: approval with the approver's
password, sign-in protection, the policy in the register, and an audit chain that names edits
made behind the program's back."""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
import statistics
import subprocess
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.clock import local_date
from desktop.core.requests import RequestType
from desktop.core.verification import Mandate, MandateType
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import AuditEvent, Delivery, utcnow
from desktop.services import staff as staff_service
from desktop.services.cases import PersonInput, open_case
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.staff import AccountLocked, SignInDelayed, SignInFailed, sign_in
from desktop.services.visit import Action, ActionRefused, Output, Visit
from tests.integration.services.helpers import cli, deliver_extract

PASSWORDS = {"disk1": "demo-disk1", "granskare": "demo-granskare", "admin": "demo-admin"}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rules")
    return create_demo(folder, people=200, seed=11).config_path


@pytest.fixture
def config(world: Path, tmp_path: Path) -> Path:
    """A copy of the demo organisation with a fresh register of its own."""
    folder = tmp_path / "org"
    shutil.copytree(world.parent, folder)
    return folder / world.name


@pytest.fixture
def desk(config: Path) -> Iterator[object]:
    with open_desk(config) as desk:
        yield desk


def visitor(config: Path, n: int = 0) -> PersonInput:
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        rows = db.execute("SELECT personnr, fornamn || ' ' || efternamn FROM kund ORDER BY kundnr").fetchall()
    personnummer, name = rows[n]
    return PersonInput(personnummer, name, "passport", "SE", "AB123456", date.today() + timedelta(days=400))


def delivered_case(desk, config: Path, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    return deliver_extract(desk, visitor(config), tmp_path / "utdrag.pdf").number


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[Path]:
    """A 64 KB tmpfs, too small for any extract (root only; skipped elsewhere)."""
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:  # fmt: skip
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


# Approval -------------------------------------------------------------------------------------


def test_the_window_and_the_command_line_meet_the_same_approval_rules(desk, config: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = open_case(desk, visitor(config, 1), [(RequestType.ACCESS, None)], staff_username="disk1")
    visit = Visit(desk, opened.number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
    assert Action.GATHER in visit.allowed_actions() and Action.DELIVER not in visit.allowed_actions()
    visit.gather()
    with pytest.raises(ActionRefused) as refused:
        visit.approve("granskare", PASSWORDS["granskare"])  # possible matches nobody decided on
    assert refused.value.code == "weak.undecided" and visit.status.value == "review"
    visit.leave_out_weak()
    visit.render("sv")  # a preview is allowed before the approval …
    with pytest.raises(ActionRefused) as refused:
        visit.deliver_files(tmp_path / "early.pdf")  # … but nothing leaves the desk
    assert refused.value.code == "deliver.not_approved" and not (tmp_path / "early.pdf").exists()
    with pytest.raises(ActionRefused) as refused:
        visit.approve("granskare", None)
    assert refused.value.code == "approval.needed"
    with pytest.raises(SignInFailed):
        visit.approve("granskare", "not-the-password")
    with pytest.raises(ActionRefused) as refused:
        visit.approve("disk1", PASSWORDS["disk1"])
    assert refused.value.code == "approval.not_approver"
    visit.approve("granskare", PASSWORDS["granskare"])
    with pytest.raises(ActionRefused) as refused:
        visit.deliver_files(tmp_path / "stale.pdf")  # rendered before the approval: render again
    assert refused.value.code == "deliver.stale"
    visit.render("sv")
    (written,) = visit.deliver_files(tmp_path / "utdrag.pdf")
    import pypdf

    assert "utkast" not in pypdf.PdfReader(written).pages[0].extract_text()  # the released one is no draft
    assert written.stat().st_mode & 0o777 == 0o600
    assert visit.result is None  # the data is let go once delivered
    approver_id = staff_service.staff_id_of(desk, "granskare")
    with desk.register.sessions() as session:
        delivery = session.execute(select(Delivery)).scalar_one()
        assert delivery.approved_by_id == approver_id
        assert audit.verify_chain(session).intact


def test_the_command_line_asks_for_the_approvers_password(config: Path, tmp_path: Path) -> None:
    with open_desk(config) as desk:
        number = open_case(desk, visitor(config, 2), [(RequestType.ACCESS, None)], staff_username="disk1").number
    base = ["case", "extract", number, "--config", str(config), "--out", str(tmp_path / "u.pdf"), "--staff", "disk1",
            "--approved-by", "granskare"]  # fmt: skip
    code, _out, err = cli(*base, stdin="demo-disk1\n")  # no line for the approver
    assert code == 2 and "no password on standard input" in err
    code, _out, err = cli(*base, stdin="demo-disk1\nguessed-password\n")
    assert code == 2 and "wrong user name or password" in err
    assert not (tmp_path / "u.pdf").exists()
    # A deactivated approver is refused like a wrong password.
    with open_desk(config) as desk:
        admin = sign_in(desk, "admin", PASSWORDS["admin"])
        staff_service.set_active(desk, staff_service.staff_id_of(desk, "granskare"), False, by=admin)
    code, _out, err = cli(*base, stdin="demo-disk1\ndemo-granskare\n")
    assert code == 2 and "wrong user name or password" in err
    code, _out, err = cli("case", "gather", number, "--config", str(config), "--staff", "granskare",
                          stdin="demo-granskare\n")  # fmt: skip
    assert code == 2 and "wrong user name or password" in err


def test_delivery_is_recorded_only_when_the_file_exists(desk, config: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    number = open_case(desk, visitor(config, 3), [(RequestType.ACCESS, None)], staff_username="disk1").number
    visit = Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
    visit.gather()
    visit.confirm_all_weak()
    visit.approve("granskare", PASSWORDS["granskare"])
    visit.render("sv", with_package=True)
    with pytest.raises(UserError, match="does not exist"):
        visit.deliver_files(tmp_path / "missing" / "utdrag.pdf")
    target = tmp_path / "ok.pdf"
    (tmp_path / "a-folder.zip").mkdir()
    with pytest.raises(UserError, match="not a regular file"):
        visit.deliver_files(target, tmp_path / "a-folder.zip")  # the ZIP cannot be written …
    assert not target.exists()  # … so the PDF of the same delivery is taken back
    with full_disk(tmp_path / "full") as full:
        with pytest.raises(UserError, match="could not be written"):
            visit.deliver_files(full / "utdrag.pdf")
        assert list(full.iterdir()) == []  # no cut file, no temporary file
    (tmp_path / "link.pdf").symlink_to(tmp_path / "elsewhere.pdf")
    with pytest.raises(UserError, match="symbolic link"):
        visit.deliver_files(tmp_path / "link.pdf")
    assert visit.status.value == "ready"
    with desk.register.sessions() as session:
        assert session.execute(select(Delivery)).scalars().all() == []
    visit.deliver_files(target, tmp_path / "ok.zip")
    assert visit.status.value == "delivered"


def test_a_print_of_some_pages_is_a_copy_and_the_whole_print_the_delivery(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    number = open_case(desk, visitor(config, 4), [(RequestType.ACCESS, None)], staff_username="disk1").number
    visit = Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
    visit.gather()
    visit.leave_out_weak()
    visit.approve("granskare", PASSWORDS["granskare"])
    pages = visit.render("sv").pages
    assert pages >= 2
    assert visit.printed(pages=(2, pages)) is False  # page 1 missing: a copy
    assert visit.status.value == "ready" and visit.result is not None
    assert [e.details["first_page"] for e in visit.timeline() if e.action == "extract.copy_printed"] == [2]
    assert visit.printed(pages=(1, pages)) is True
    assert visit.status.value == "delivered" and visit.result is None


def test_closing_with_something_owed_needs_a_reason(desk, config: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    number = delivered_case(desk, config, tmp_path)
    visit = Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
    assert [o.code for o in visit.owed()] == ["supplement_owed"]  # HR's check in the demo, promised in the extract
    with pytest.raises(ActionRefused) as refused:
        visit.close()
    assert refused.value.code == "close.owed"
    visit.close(reason_if_owed="HR svarar per brev")
    assert visit.status.value == "closed" and visit.file.closing_note == "HR svarar per brev"


# Sign-in protection ---------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def failures_audited(desk, account: int | None) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    import json

    with desk.register.sessions() as session:
        events = session.execute(select(AuditEvent).where(AuditEvent.action == "staff.login_failed")).scalars()
        return [d for d in (json.loads(e.details) for e in events) if d["account"] == account]


def test_five_wrong_passwords_are_five_audit_events_and_a_growing_delay(desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    monkeypatch.setattr(staff_service, "now", clock)
    waits = []
    for _attempt in range(5):
        with pytest.raises(SignInFailed) as failed:
            sign_in(desk, "disk1", "wrong-password")
        assert failed.value.code == "wrong"
        try:
            sign_in(desk, "disk1", "another-guess")  # at once: waits its turn, or is checked
        except SignInDelayed as delayed:
            waits.append(delayed.seconds)
            clock.advance(delayed.seconds)
        except SignInFailed:
            waits.append(0)
    assert waits == [0, 1, 2, 4, 8]  # none after the first two mistakes, then it grows
    with pytest.raises(SignInFailed):
        sign_in(desk, "disk1", "one-more-guess")
    with pytest.raises(SignInDelayed):
        sign_in(desk, "disk1", PASSWORDS["disk1"])  # even the right password waits its turn
    disk1 = staff_service.staff_id_of(desk, "disk1")
    reasons = [d["reason"] for d in failures_audited(desk, disk1)]
    # Every attempt is one audit event: 5 + 1 typed into the form, 1 checked at once, 4 + 1 delayed.
    assert reasons.count("password") == 7 and reasons.count("delayed") == 5
    clock.advance(30)
    assert sign_in(desk, "disk1", PASSWORDS["disk1"]).username == "disk1"  # and the count starts again
    with pytest.raises(SignInFailed) as failed:
        sign_in(desk, "disk1", "wrong-again")
    assert failed.value.code == "wrong"


def test_an_account_locks_after_the_policys_failures_until_an_administrator_unlocks_it(desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    monkeypatch.setattr(staff_service, "now", clock)
    for _attempt in range(desk.policy.max_failed_sign_ins):
        with pytest.raises(SignInFailed) as failed:
            sign_in(desk, "granskare", "guess")
        clock.advance(60)
    assert failed.value.code == "locked"
    with pytest.raises(AccountLocked):
        sign_in(desk, "granskare", PASSWORDS["granskare"])
    url = desk.register.engine.url.render_as_string()
    code, _out, err = cli("--register", url, "staff", "unlock", "granskare", "--admin", "admin", stdin="demo-admin\n")
    assert code == 0, err
    assert sign_in(desk, "granskare", PASSWORDS["granskare"]).username == "granskare"
    clock.advance(desk.policy.sign_in_lock_minutes * 60 + 1)


def test_an_unknown_user_name_takes_as_long_as_a_known_one(desk) -> None:  # type: ignore[no-untyped-def]
    def timed(username: str) -> float:
        started = time.perf_counter()
        with pytest.raises(SignInFailed):
            sign_in(desk, username, "wrong-password")
        return time.perf_counter() - started

    timed("nobody")  # the dummy hash is made once
    known = statistics.median(timed("admin") for _ in range(2))  # two: no delay yet
    unknown = statistics.median(timed("nobody-at-all") for _ in range(5))
    assert 0.5 < unknown / known < 2, (known, unknown)
    assert failures_audited(desk, None)  # audited, without the name typed
    with desk.register.sessions() as session:
        assert not any("nobody" in e.details for e in session.execute(select(AuditEvent)).scalars())


# Policy in the register -------------------------------------------------------------------------


def test_the_policy_lives_in_the_register_and_a_desk_may_only_make_it_stricter(config: Path) -> None:
    code, _out, err = cli("--config", str(config), "policy", "set", "max_failed_sign_ins", "5", "--admin", "disk1",
                          stdin="demo-disk1\n")  # fmt: skip
    assert code == 2 and "does not have the admin role" in err
    code, out, err = cli("--config", str(config), "policy", "set", "max_failed_sign_ins", "5", "--admin", "admin",
                         stdin="demo-admin\n")  # fmt: skip
    assert code == 0, err
    with open_desk(config) as desk:
        assert desk.policy.max_failed_sign_ins == 5  # the demo file does not say: the register's value
    text = config.read_text(encoding="utf-8")
    stricter = config.with_name("stricter.toml")
    stricter.write_text(text.replace("[policy]\n", "[policy]\nmax_failed_sign_ins = 3\n"), encoding="utf-8")
    with open_desk(stricter) as desk:
        assert desk.policy.max_failed_sign_ins == 3
    weaker = config.with_name("weaker.toml")
    weaker.write_text(text.replace("[policy]\n", "[policy]\nmax_failed_sign_ins = 50\n"), encoding="utf-8")
    with pytest.raises(UserError, match=r"weaker than the organisation's policy.*max_failed_sign_ins = 50"):
        open_desk(weaker)
    cli("--config", str(config), "policy", "set", "approval_required", "true", "--admin", "admin", stdin="demo-admin\n")
    no_approval = config.with_name("no-approval.toml")
    no_approval.write_text(text.replace("approval_required = true", "approval_required = false"), encoding="utf-8")
    with pytest.raises(UserError, match="approval_required = false"):
        open_desk(no_approval)
    code, out, _err = cli("--config", str(config), "policy", "show")
    assert "max_failed_sign_ins = 5  (register" in out and "idle_lock_minutes = 5  (this desk's file" in out
    code, out, _err = cli("--config", str(config), "audit", "verify")
    assert code == 0 and "rows match" in out


# The audit chain vouches for the register ---------------------------------------------------------


def tamper(config: Path, sql: str) -> None:
    with sqlite3.connect(config.parent / "register.sqlite") as db:
        db.execute(sql)


def verify(config: Path) -> tuple[int, str]:
    code, out, err = cli("--config", str(config), "audit", "verify")
    return code, out + err


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("UPDATE cases SET subject_personnummer = '19811218-9876'", "case 20"),
        ("UPDATE cases SET status = 'closed'", "case 20"),
        ("UPDATE staff SET roles = 'admin,reception' WHERE username = 'disk1'", "staff account"),
        ("DELETE FROM deliveries", "delivery (row id 1) was deleted"),
        ("INSERT INTO policy_settings VALUES ('approval_required', 'false', NULL, '2026-01-01')", "policy setting"),
    ],
)
def test_audit_verify_names_an_edit_behind_the_programs_back(
    config: Path, tmp_path: Path, sql: str, named: str
) -> None:
    with open_desk(config) as desk:
        delivered_case(desk, config, tmp_path)
    assert verify(config)[0] == 0
    tamper(config, sql)
    code, text = verify(config)
    assert code == 1 and named in text and "outside Insyn" in text
    assert "19811218" not in text  # never the data itself


def test_a_chain_recomputed_without_the_key_is_caught(config: Path, tmp_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    memory_keyring.set_password("insyn", "audit-key", "the-organisations-audit-key")
    (config.parent / "register.sqlite").unlink()  # a new register, keyed from its first event
    for suffix in ("-wal", "-shm"):
        (config.parent / f"register.sqlite{suffix}").unlink(missing_ok=True)
    from desktop.services.demo import _add_demo_staff

    _add_demo_staff(f"sqlite:///{config.parent / 'register.sqlite'}")
    with open_desk(config) as desk:
        delivered_case(desk, config, tmp_path)
    code, text = verify(config)
    assert code == 0 and "keyed with the audit key" in text
    # Someone with the database but not the key edits a case and re-computes the whole chain.
    tamper(config, "UPDATE cases SET status = 'closed'")
    from desktop.register.db import open_register

    register = open_register(f"sqlite:///{config.parent / 'register.sqlite'}", migrate=False)
    with register.sessions.begin() as session:
        events = session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars().all()
        import json

        from desktop.register import digests
        from desktop.register.models import Case

        case = session.execute(select(Case)).scalar_one()
        kind, key, digest = digests.row_digest(case)
        events[-1].details = json.dumps({"rows": [[kind, key, digest]]})  # the forged digest of the edit
        prev = audit.GENESIS_HASH
        for event in events:
            event.prev_hash = prev
            event.hash = audit.event_hash(event)  # without the key
            prev = event.hash
        head = session.get(audit.AuditHead, 1)
        head.hash = prev
    code, text = verify(config)
    assert code == 1 and "re-computed without the audit key" in text
    with register.sessions.begin() as session:
        session.get(audit.AuditHead, 1).keyed = False
    code, text = verify(config)
    assert code == 1 and "not keyed" in text
    # A desk without the key cannot write into a keyed chain.
    with register.sessions.begin() as session:
        session.get(audit.AuditHead, 1).keyed = True
    register.dispose()
    memory_keyring.delete_password("insyn", "audit-key")
    with pytest.raises(UserError, match="no audit key"), open_desk(config) as desk:
        sign_in(desk, "disk1", PASSWORDS["disk1"])


def test_an_unkeyed_chain_is_sealed_once_by_an_administrator(config: Path, tmp_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    with open_desk(config) as desk:
        delivered_case(desk, config, tmp_path)
    memory_keyring.set_password("insyn", "audit-key", "the-organisations-audit-key")
    code, text = verify(config)
    assert code == 1 and "never sealed" in text
    code, _out, err = cli("--config", str(config), "audit", "seal", "--admin", "admin", stdin="demo-admin\n")
    assert code == 0, err
    code, text = verify(config)
    assert code == 0 and "keyed with the audit key" in text


# One case per visitor ------------------------------------------------------------------------


def test_the_same_visitor_adds_requests_to_the_open_case_through_both_front_ends(
    desk, config: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    opened = open_case(desk, visitor(config, 3), [(RequestType.ACCESS, None)], staff_username="disk1")
    visit = Visit(desk, opened.number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
    with pytest.raises(UserError):
        visit.add_requests([(RequestType.ERASURE, None)])  # what to erase must be said
    assert visit.add_requests([(RequestType.OBJECTION_DIRECT_MARKETING, None)]) == ["objection-marketing"]
    line = next(r for r in visit.file.request_lines if r.type == "objection-marketing")
    assert line.effective_on == local_date()  # in force from the day asked in Stockholm (Art. 21.3)
    assert visit.file.deadline == opened.deadline  # the earlier deadline stays
    code, out, err = cli("--config", str(config), "case", "add", opened.number, "--request", "erasure",
                         "--details", "erasure=Gamla fakturor", "--staff", "disk1", stdin="demo-disk1\n")  # fmt: skip
    assert code == 0 and "added erasure" in out, err
    code, _out, err = cli("--config", str(config), "case", "add", opened.number, "--request", "erasure",
                          "--details", "erasure=Igen", "--staff", "disk1", stdin="demo-disk1\n")  # fmt: skip
    assert code == 2 and "already has: erasure" in err
    visit.refresh()
    assert [r.type for r in visit.file.request_lines] == ["access", "objection-marketing", "erasure"]
    assert [e.action for e in visit.timeline()].count("request.added") == 2
    visit.withdraw("registered-by-mistake")
    with pytest.raises(ActionRefused):
        visit.add_requests([(RequestType.OBJECTION_DIRECT_MARKETING, None)])
    assert cli("--config", str(config), "audit", "verify")[0] == 0


def test_a_second_case_for_a_visitor_with_one_open_needs_a_reason_in_both_front_ends(desk, config: Path) -> None:  # type: ignore[no-untyped-def]
    import json as json_module

    from desktop.services.cases import InputProblem

    person = visitor(config, 4)
    first = open_case(desk, person, [(RequestType.ACCESS, None)], staff_username="disk1").number
    with pytest.raises(InputProblem) as refused:
        open_case(desk, person, [(RequestType.ERASURE, "Allt")], staff_username="disk1")
    assert refused.value.code == "open_case" and first in str(refused.value)
    document = f"passport:SE:AB123456:{person.document_expiry.isoformat()}"
    args = ("--config", str(config), "case", "open", "--personnummer", person.personnummer, "--name", person.name,
            "--document", document, "--request", "access", "--staff", "disk1")  # fmt: skip
    code, _out, err = cli(*args, stdin="demo-disk1\n")
    assert code == 2 and "case add" in err and "--alongside" in err
    code, out, err = cli(*args, "--alongside", "separate-errand", stdin="demo-disk1\n")
    assert code == 0, err
    second = out.strip().splitlines()[0]
    with desk.register.sessions() as session:
        event = session.query(AuditEvent).filter(AuditEvent.action == "case.alongside").one()
        details = json_module.loads(event.details)
    assert event.case_number == second and (details["open_case"], details["reason"]) == (first, "separate-errand")


# No usable ID at the desk ---------------------------------------------------------------------


def test_without_an_id_the_request_is_registered_and_answered_by_post_only(desk, config: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pypdf

    from desktop.services.cases import InputProblem

    person = visitor(config, 6)
    code, out, err = cli("--config", str(config), "case", "open", "--personnummer", person.personnummer,
                         "--name", person.name, "--document", "postal-answer", "--request", "access",
                         "--staff", "disk1", "--receipt", str(tmp_path / "kvitto.pdf"), stdin="demo-disk1\n")  # fmt: skip
    assert code == 0, err
    number = out.strip().splitlines()[0]
    receipt = " ".join(pypdf.PdfReader(tmp_path / "kvitto.pdf").pages[0].extract_text().split())
    assert "Du visade ingen giltig id-handling" in receipt and "per post till din adress i folkbokföringen" in receipt
    assert "här hos oss" not in receipt  # nothing is handed over at the desk
    visit = Visit(desk, number, sign_in(desk, "disk1", PASSWORDS["disk1"]))
    assert visit.postal
    visit.gather()
    visit.leave_out_weak()
    visit.approve("granskare", PASSWORDS["granskare"])
    rendered = visit.render("sv", with_package=True)
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages).split())
    assert "Därför skickar vi utdraget per post till din adress i folkbokföringen" in text
    with pytest.raises(ActionRefused) as refused:
        visit.deliver_files(zip_path=tmp_path / "utdrag.zip")  # no file for someone not identified
    assert refused.value.code == "deliver.postal" and not (tmp_path / "utdrag.zip").exists()
    assert visit.outputs() == frozenset()  # not without the address it goes to
    with pytest.raises(ActionRefused) as refused:
        visit.printed()
    assert refused.value.code == "deliver.address"
    visit.set_postal_address("Storgatan 3\n302 45 Strandstad")
    visit.render("sv")  # again, with the address on it
    assert visit.outputs() == frozenset({Output.PRINT, Output.PDF})  # what the delivery page offers
    visit.printed()  # for the envelope
    with desk.register.sessions() as session:
        (delivery,) = session.query(Delivery).all()
        assert delivery.method == "posted"
    # A representative always shows an ID document.
    rep = PersonInput(visitor(config, 7).personnummer, visitor(config, 7).name, "postal-answer", "SE", "", None)
    with pytest.raises(InputProblem) as problem:
        open_case(desk, visitor(config, 8), [(RequestType.ACCESS, None)], staff_username="disk1",
                  representative=(rep, Mandate(MandateType.POWER_OF_ATTORNEY, date.today(), "Besökaren", "registerutdrag")))  # fmt: skip
    assert problem.value.code == "postal_representative"
