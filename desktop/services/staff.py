"""Staff accounts: argon2 password hashes, sign-in with its protection, roles, the first
administrator.

Sign-in protection (as warehouse does it): the outcome of every attempt is written in the same
transaction as the account's failure count, and that transaction is committed *before* a refusal
is raised, so a refused attempt is always recorded. After a failure the account waits a growing
time before the next attempt is checked, and after `max_failed_sign_ins` failures in a row it is
locked for `sign_in_lock_minutes` or until an administrator unlocks it. An unknown user name is
checked against a dummy hash, so it takes as long as a known one. Failed attempts are audited
without the user name typed (it may be someone's e-mail); a known account's id is recorded.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.staff import Role, StaffMember
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import Staff, utcnow
from desktop.register.repository import add_staff
from desktop.services.desk import Desk

MIN_PASSWORD_LENGTH = 8
MAX_DELAY_SECONDS = 30
_hasher = PasswordHasher()


def now() -> datetime:
    """The clock sign-in protection runs on (tests move it)."""
    return utcnow()


class SignInFailed(UserError):
    """Wrong user name or password; `code` says which message the window shows."""

    code = "wrong"


class SignInDelayed(SignInFailed):
    code = "delayed"

    def __init__(self, seconds: int) -> None:
        super().__init__(f"too many wrong passwords: try again in {seconds} seconds")
        self.seconds = seconds


class AccountLocked(SignInFailed):
    code = "locked"

    def __init__(self, until: datetime) -> None:
        super().__init__(
            "the account is locked after too many wrong passwords: an administrator can unlock it "
            f"(`insyn staff unlock`), or try again after {until:%H:%M} UTC"
        )
        self.until = until


class NotAllowed(UserError):
    """The signed-in person's role does not allow this."""

    code = "staff.not_admin"


# What each role is for, as the refusal says it (core/staff.py's Role).
ROLE_WORK = {
    Role.RECEPTION: "open, gather, review and hand over cases",
    Role.APPROVER: "approve extracts",
    Role.ADMIN: "manage staff, the policy, the audit chain, the purge and the yearly report",
}


def require_role(staff: StaffMember, role: Role) -> None:
    """The one check of what a signed-in person may do, below both front ends: NotAllowed
    (code `role.<role>`) unless they hold `role`."""
    if not staff.has(role):
        raise NotAllowed(f"'{staff.username}' does not have the {role.value} role needed to {ROLE_WORK[role]}",
                         f"role.{role.value}")  # fmt: skip


FREE_FAILURES = 2  # a mistyped password or two costs no wait


def delay_after(failures: int) -> int:
    """Seconds an account waits before its next attempt: none after the first two failures,
    then 1, 2, 4 … up to 30."""
    return 0 if failures <= FREE_FAILURES else min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_SECONDS)


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not anyone's password")


def hash_password(password: str) -> str:
    check_password_rules(password)
    return _hasher.hash(password)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters", "staff.password_short")


def _admin_count(session: Session) -> int:
    return session.execute(
        select(func.count(Staff.id)).where(
            Staff.roles.contains(Role.ADMIN.value), Staff.password_hash.is_not(None), Staff.active
        )
    ).scalar_one()


def needs_first_admin(desk: Desk) -> bool:
    """True until an administrator with a password exists."""
    with desk.register.sessions() as session:
        return _admin_count(session) == 0


def create_account(
    desk: Desk,
    username: str,
    display_name: str,
    roles: list[str],
    password: str | None,
    *,
    by: StaffMember | None,
) -> int:
    """Add a staff account. `by` is the signed-in administrator; None only for the first
    administrator of a register that has none."""
    if password is not None:
        check_password_rules(password)
    if not username.strip() or not display_name.strip():
        raise UserError("user name and name are both needed", "staff.names")
    with desk.register.sessions.begin() as session:
        if by is None:
            if _admin_count(session) or Role.ADMIN.value not in roles or password is None:
                raise NotAllowed(
                    "adding staff needs an administrator's sign-in; without one, only the register's first "
                    "administrator (with a password) can be added"
                )
        else:
            require_role(by, Role.ADMIN)
        existing = session.execute(select(Staff).where(Staff.username == username.strip())).scalar_one_or_none()
        if existing is not None:
            raise UserError("a staff member with that user name exists already", "staff.exists")
        try:
            staff = add_staff(
                session,
                username,
                display_name,
                roles,
                password_hash=_hasher.hash(password) if password is not None else None,
                by_staff_id=by.id if by else None,
            )
        except ValueError as exc:
            raise UserError(str(exc), "staff.roles") from None
        return staff.id


def _admin_only(by: StaffMember) -> None:
    require_role(by, Role.ADMIN)


def set_password(desk: Desk, staff_id: int, password: str, *, by: StaffMember) -> None:
    _admin_only(by)
    check_password_rules(password)
    with desk.register.sessions.begin() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise UserError("no such staff member", "staff.unknown")
        staff.password_hash = _hasher.hash(password)
        audit.append(session, "staff.password_set", staff_id=by.id, details={"staff": staff_id}, rows=(staff,))


def set_roles(desk: Desk, staff_id: int, roles: list[str], *, by: StaffMember) -> None:
    _admin_only(by)
    wanted = sorted({Role(r).value for r in roles})
    if not wanted:
        raise UserError("a staff member needs at least one role", "staff.no_role")
    with desk.register.sessions.begin() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise UserError("no such staff member", "staff.unknown")
        if staff_id == by.id and Role.ADMIN.value not in wanted:
            raise UserError("you cannot take the administrator role from yourself", "staff.own_admin")
        staff.roles = ",".join(wanted)
        audit.append(session, "staff.roles", staff_id=by.id, details={"staff": staff_id, "roles": wanted},
                     rows=(staff,))  # fmt: skip


def unlock_account(desk: Desk, staff_id: int, *, by: StaffMember) -> None:
    """An administrator lets a locked account sign in again."""
    _admin_only(by)
    with desk.register.sessions.begin() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise UserError("no such staff member", "staff.unknown")
        staff.failed_sign_ins, staff.last_failed_at, staff.locked_until = 0, None, None
        audit.append(session, "staff.unlocked", staff_id=by.id, details={"staff": staff_id}, rows=(staff,))


def staff_id_of(desk: Desk, username: str) -> int:
    with desk.register.sessions() as session:
        found = session.execute(select(Staff.id).where(Staff.username == username.strip())).scalar_one_or_none()
    if found is None:
        raise UserError(f"no staff member '{username}'")
    return found


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def sign_in(desk: Desk, username: str, password: str, *, purpose: str = "login") -> StaffMember:
    """The active staff member with this password, or SignInFailed (one message for a wrong name
    or password; a delay or a lock is told as such). Every attempt is audited."""
    policy = desk.policy
    at = now()
    refusal: SignInFailed | None = None
    with desk.register.sessions.begin() as session:
        staff = session.execute(select(Staff).where(Staff.username == username.strip())).scalar_one_or_none()
        if staff is None or not staff.active or not staff.password_hash:
            _verify(_dummy_hash(), password)  # as long as a real check
            refusal = SignInFailed("wrong user name or password")
            reason = "unknown" if staff is None else "inactive"
        elif staff.locked_until is not None and staff.locked_until > at:
            _verify(_dummy_hash(), password)  # as long as a real check: timing does not tell the state
            refusal, reason = AccountLocked(staff.locked_until), "locked"
        elif (
            staff.last_failed_at is not None
            and (wait := delay_after(staff.failed_sign_ins) - int((at - staff.last_failed_at).total_seconds())) > 0
        ):
            _verify(_dummy_hash(), password)
            refusal, reason = SignInDelayed(wait), "delayed"
        elif not _verify(staff.password_hash, password):
            staff.failed_sign_ins += 1
            staff.last_failed_at = at
            reason = "password"
            if staff.failed_sign_ins >= policy.max_failed_sign_ins:
                staff.locked_until = at + timedelta(minutes=policy.sign_in_lock_minutes)
                refusal, reason = AccountLocked(staff.locked_until), "locked_now"
            else:
                refusal = SignInFailed("wrong user name or password")
        else:
            reason = ""
            staff.failed_sign_ins, staff.last_failed_at, staff.locked_until = 0, None, None
            if _hasher.check_needs_rehash(staff.password_hash):
                staff.password_hash = _hasher.hash(password)
        known = staff if staff is not None and reason != "unknown" else None
        if refusal is None:
            assert staff is not None
            audit.append(session, f"staff.{purpose}", staff_id=staff.id, details={"account": staff.id},
                         rows=(staff,))  # fmt: skip
            member = staff.member()
        else:
            audit.append(
                session,
                f"staff.{purpose}_failed",
                details={"account": known.id if known else None, "reason": reason},
                rows=(known,) if known is not None and reason in ("password", "locked_now") else (),
            )
    if refusal is not None:  # raised after the commit: the attempt stays recorded
        raise refusal
    return member


def list_staff(desk: Desk) -> list[tuple[int, str, str, str, bool, bool]]:
    """(id, user name, name, roles, active, locked now) of every account."""
    at = now()
    with desk.register.sessions() as session:
        rows = session.execute(select(Staff).order_by(Staff.username)).scalars()
        return [
            (s.id, s.username, s.display_name, s.roles, s.active, s.locked_until is not None and s.locked_until > at)
            for s in rows
        ]


def set_active(desk: Desk, staff_id: int, active: bool, *, by: StaffMember) -> None:
    _admin_only(by)
    if staff_id == by.id and not active:
        raise UserError("you cannot deactivate your own account", "staff.own_account")
    with desk.register.sessions.begin() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise UserError("no such staff member", "staff.unknown")
        staff.active = active
        audit.append(session, "staff.activated" if active else "staff.deactivated", staff_id=by.id,
                     details={"staff": staff_id}, rows=(staff,))  # fmt: skip
