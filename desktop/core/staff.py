"""Who works at the desk: the roles a staff member can hold, and the signed-in person as the
window and the command line see them (a small value, never a database row)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    RECEPTION = "reception"  # opens cases, checks identity, gathers, reviews, delivers
    APPROVER = "approver"  # releases an extract another person prepared
    ADMIN = "admin"  # staff accounts and the organisation's policy


def parse_roles(text: str) -> frozenset[Role]:
    """The roles stored as comma-separated names; an unknown name is a programming error."""
    return frozenset(Role(part) for part in text.split(",") if part)


@dataclass(frozen=True)
class StaffMember:
    """A signed-in staff member."""

    id: int
    username: str
    display_name: str
    roles: frozenset[Role]

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r.value for r in self.roles)
