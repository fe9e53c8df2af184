"""Staff accounts: argon2 password hashes, sign-in, roles, and the first administrator.

Failed sign-ins are audited without the user name typed (it may be someone's e-mail); a known
account's id is recorded so that repeated failures on one account can be seen.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.register import audit
from desktop.register.models import Staff
from desktop.register.repository import add_staff
from desktop.services.desk import Desk

MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()


class SignInFailed(UserError):
    pass


def hash_password(password: str) -> str:
    check_password_rules(password)
    return _hasher.hash(password)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")


def needs_first_admin(desk: Desk) -> bool:
    """True until an administrator with a password exists."""
    with desk.register.sessions() as session:
        admins = session.execute(
            select(func.count(Staff.id)).where(
                Staff.roles.contains("admin"), Staff.password_hash.is_not(None), Staff.active
            )
        ).scalar_one()
    return admins == 0


def create_account(
    desk: Desk,
    username: str,
    display_name: str,
    roles: list[str],
    password: str,
    *,
    by_staff_id: int | None,
) -> int:
    check_password_rules(password)
    if not username.strip() or not display_name.strip():
        raise UserError("user name and name are both needed")
    with desk.register.sessions.begin() as session:
        existing = session.execute(select(Staff).where(Staff.username == username.strip())).scalar_one_or_none()
        if existing is not None:
            if existing.password_hash is None and by_staff_id is None:
                # An account made by the command line or the demo gets its password now.
                existing.password_hash = _hasher.hash(password)
                existing.roles = ",".join(sorted(set(roles) | existing.role_set))
                audit.append(
                    session,
                    "staff.password_set",
                    staff_id=existing.id,
                    details={"staff": existing.id},
                )
                return existing.id
            raise UserError("a staff member with that user name exists already")
        staff = add_staff(
            session, username, display_name, roles, password_hash=_hasher.hash(password), by_staff_id=by_staff_id
        )
        return staff.id


def set_password(desk: Desk, staff_id: int, password: str, *, by_staff_id: int) -> None:
    check_password_rules(password)
    with desk.register.sessions.begin() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise UserError("no such staff member")
        staff.password_hash = _hasher.hash(password)
        audit.append(session, "staff.password_set", staff_id=by_staff_id, details={"staff": staff_id})


def sign_in(desk: Desk, username: str, password: str, *, purpose: str = "login") -> Staff:
    """The active staff member with this password, or SignInFailed (one message for all causes)."""
    with desk.register.sessions.begin() as session:
        staff = session.execute(select(Staff).where(Staff.username == username.strip())).scalar_one_or_none()
        ok = False
        if staff is not None and staff.active and staff.password_hash:
            try:
                ok = _hasher.verify(staff.password_hash, password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                ok = False
            if ok and _hasher.check_needs_rehash(staff.password_hash):
                staff.password_hash = _hasher.hash(password)
        audit.append(
            session,
            f"staff.{purpose}" if ok else f"staff.{purpose}_failed",
            staff_id=staff.id if staff is not None and ok else None,
            details={"account": staff.id if staff is not None else None},
        )
        if not ok or staff is None:
            raise SignInFailed("wrong user name or password")
        session.expunge(staff)
        return staff


def list_staff(desk: Desk) -> list[tuple[int, str, str, str, bool]]:
    """(id, user name, name, roles, active) of every account."""
    with desk.register.sessions() as session:
        rows = session.execute(select(Staff).order_by(Staff.username)).scalars()
        return [(s.id, s.username, s.display_name, s.roles, s.active) for s in rows]


def set_active(desk: Desk, staff_id: int, active: bool, *, by_staff_id: int) -> None:
    if staff_id == by_staff_id and not active:
        raise UserError("you cannot deactivate your own account")
    with desk.register.sessions.begin() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise UserError("no such staff member")
        staff.active = active
        audit.append(session, "staff.activated" if active else "staff.deactivated", staff_id=by_staff_id,
                     details={"staff": staff_id})  # fmt: skip
