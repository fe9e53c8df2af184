"""The audit chain's administration: verifying it, keying an old chain, and accepting rows an
administrator has found changed outside Insyn. Who may do what is decided here, not by the
command line (register/audit.py holds the chain itself)."""

from __future__ import annotations

from desktop.core.staff import Role, StaffMember
from desktop.errors import UserError
from desktop.register.audit import ChainReport, accept_rows, seal, verify_chain
from desktop.services.desk import Desk
from desktop.services.staff import require_role

ACCEPT_REASON_MIN = 10  # characters: what was found and why it is accepted


def verify(desk: Desk) -> ChainReport:
    """Anyone may check the chain (it says nothing about the people in it)."""
    with desk.register.sessions() as session:
        return verify_chain(session)


def seal_chain(desk: Desk, *, by: StaffMember) -> int:
    """Key an existing chain with this desk's audit key (once); returns the events keyed."""
    require_role(by, Role.ADMIN)
    with desk.register.sessions.begin() as session:
        return seal(session)


def accept_changes(desk: Desk, reason: str, *, by: StaffMember) -> int:
    """After `verify` named rows changed outside Insyn and an administrator found the cause: the
    chain records them as they are now, with the reason and who accepted (never at a start)."""
    require_role(by, Role.ADMIN)
    reason = reason.strip()
    if len(reason) < ACCEPT_REASON_MIN:
        raise UserError(
            f"say what was found and why it is accepted (at least {ACCEPT_REASON_MIN} characters)", "audit.reason"
        )
    with desk.register.sessions.begin() as session:
        return accept_rows(session, reason, staff_id=by.id)
