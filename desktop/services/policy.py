"""The organisation's policy, kept in the register so that every desk of a shared register
follows it: a second person's approval, the idle lock, retention, sign-in protection.

An administrator sets it (window or `insyn policy set`); each change is audited with the row's
digest. A desk's own configuration file may make a setting stricter, never weaker: a desk whose
file explicitly says something weaker than the register refuses to start. A setting the register
does not hold yet comes from the desk's file (or its default).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from desktop.config import Policy
from desktop.core.staff import Role, StaffMember
from desktop.errors import UserError
from desktop.register import audit
from desktop.register.db import Register
from desktop.register.models import PolicySetting, utcnow
from desktop.services.staff import require_role

if TYPE_CHECKING:
    from desktop.services.desk import Desk


@dataclass(frozen=True)
class Rule:
    """One setting of the register's policy and which way is stricter."""

    key: str
    kind: type
    stricter: Callable[[Any, Any], Any]  # the stricter of two values
    label: str


RULES: dict[str, Rule] = {
    rule.key: rule
    for rule in (
        Rule("approval_required", bool, lambda a, b: a or b, "a second person releases every extract"),
        Rule(
            "actions_approval_required",
            bool,
            lambda a, b: a or b,
            "a second person approves an erasure, restriction or rectification before it is carried out",
        ),
        Rule(
            "refusal_by_approver",
            bool,
            lambda a, b: a or b,
            "a refusal is decided by someone with the approver role",
        ),
        Rule("idle_lock_minutes", int, min, "minutes of no use before the window locks"),
        Rule("keep_closed_cases_years", int, min, "years a finished case keeps its personal data"),
        Rule("max_failed_sign_ins", int, min, "wrong passwords in a row before an account locks"),
        Rule("sign_in_lock_minutes", int, max, "minutes a locked account stays locked"),
    )
}


def policy_range(key: str) -> tuple[int, int]:
    """The lowest and highest value a number rule allows (the configuration schema's bounds):
    what the policy dialog's fields offer."""
    from annotated_types import Ge, Le

    metadata = Policy.model_fields[key].metadata
    low = next(m.ge for m in metadata if isinstance(m, Ge))
    high = next(m.le for m in metadata if isinstance(m, Le))
    return int(low), int(high)  # type: ignore[call-overload]


def stored_policy(register: Register) -> dict[str, Any]:
    with register.sessions() as session:
        rows = session.execute(select(PolicySetting)).scalars().all()
    return {row.key: json.loads(row.value) for row in rows if row.key in RULES}


def effective_policy(desk_policy: Policy, stored: dict[str, Any], *, refuse_weaker: bool = True) -> Policy:
    """The policy in force at this desk: the register's, made stricter by the desk's own file.
    Raises UserError when the desk's file explicitly asks for something weaker (unless
    `refuse_weaker` is off: a running desk then simply takes the stricter values)."""
    explicit = desk_policy.model_fields_set
    values: dict[str, Any] = {}
    weaker = []
    for key, floor in stored.items():
        rule = RULES[key]
        mine = getattr(desk_policy, key)
        if key in explicit:
            if rule.stricter(mine, floor) != mine:
                weaker.append(f"policy.{key} = {json.dumps(mine)} (the register says {json.dumps(floor)})")
            values[key] = rule.stricter(mine, floor)
        else:
            values[key] = floor
    if weaker and refuse_weaker:
        raise UserError(
            "this desk's configuration is weaker than the organisation's policy in the register: "
            + "; ".join(weaker)
            + ". A desk may only make the policy stricter: remove or change these settings."
        )
    return desk_policy.model_copy(update=values)


def parse_value(key: str, text: str) -> Any:
    rule = RULES.get(key)
    if rule is None:
        raise UserError(f"unknown policy setting '{key}': one of {', '.join(RULES)}")
    if rule.kind is bool:
        lowered = text.strip().lower()
        if lowered not in ("true", "false", "yes", "no", "1", "0"):
            raise UserError(f"policy.{key} is true or false", "policy.value")
        value: Any = lowered in ("true", "yes", "1")
    else:
        try:
            value = int(text)
        except ValueError:
            raise UserError(f"policy.{key} is a whole number", "policy.value") from None
    try:
        Policy.model_validate({key: value})
    except ValueError:
        bounds = Policy.model_fields[key]
        raise UserError(f"policy.{key}: {value} is out of range ({bounds.description})", "policy.value") from None
    return value


def set_policy(register: Register, key: str, value: Any, *, by: StaffMember) -> None:
    """An administrator sets one policy value for every desk of this register."""
    require_role(by, Role.ADMIN)
    if key not in RULES:
        raise UserError(f"unknown policy setting '{key}'")
    with register.sessions.begin() as session:
        row = session.get(PolicySetting, key)
        before = json.loads(row.value) if row is not None else None
        if row is None:
            row = PolicySetting(key=key, value=json.dumps(value), set_by_id=by.id, set_at=utcnow())
            session.add(row)
        else:
            row.value, row.set_by_id, row.set_at = json.dumps(value), by.id, utcnow()
        audit.append(
            session,
            "policy.set",
            staff_id=by.id,
            details={"setting": key, "from": before, "to": value},
            rows=(row,),
        )


def policy_in_force(desk: Desk) -> dict[str, tuple[Any, str]]:
    """Each setting in force at this desk and where it comes from: register, desk, default."""
    stored = stored_policy(desk.register)
    own = desk.config.policy if desk.config is not None else Policy()
    result: dict[str, tuple[Any, str]] = {}
    for key in RULES:
        value = getattr(desk.policy, key)
        if key in own.model_fields_set and (key not in stored or value != stored[key]):
            result[key] = (value, "desk")
        else:
            result[key] = (value, "register" if key in stored else "default")
    return result


def change_policy(desk: Desk, key: str, value: Any, *, by: StaffMember) -> None:
    """An administrator sets a policy value at a running desk, which follows it at once."""
    set_policy(desk.register, key, value, by=by)
    own = desk.config.policy if desk.config is not None else Policy()
    desk.policy_in_force = effective_policy(own, stored_policy(desk.register), refuse_weaker=False)


def policy_origins(desk: Desk) -> list[tuple[str, Any, str, str]]:
    """(key, value in force, where it comes from: "this desk's file", "register" or "default",
    the rule's label) for every rule, as `insyn policy show` prints them."""
    desk_policy = desk.config.policy if desk.config is not None else Policy()
    stored = stored_policy(desk.register)
    in_force = effective_policy(desk_policy, stored)
    lines = []
    for key, rule in RULES.items():
        value = getattr(in_force, key)
        if key in desk_policy.model_fields_set and (key not in stored or value != stored[key]):
            origin = "this desk's file"
        else:
            origin = "register" if key in stored else "default"
        lines.append((key, value, origin, rule.label))
    return lines
