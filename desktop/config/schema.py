"""The whole configuration: its sources checked together (ids, identifiers, the Art. 15 facts
of every part), and the helpers the services read it with."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    field_validator,
    model_validator,
)

from desktop.config.base import (
    ART15_FACTS,
    BUILTIN_IDENTIFIERS,
    FROM_VISITOR,
    PERSONNUMMER_FORMS,
    Art15Info,
    ConfigError,
    Organisation,
    Policy,
    RegisterSettings,
    StrictModel,
)
from desktop.config.sources import (
    FileSource,
    IdentifierKind,
    ManualSource,
    RestAction,
    RestSource,
    Source,
    SqlAction,
    SqlSource,
    Unlinkable,
    identifier_kind,
)


class Config(StrictModel):
    organisation: Organisation
    register_settings: RegisterSettings = Field(RegisterSettings(), alias="register")
    policy: Policy = Policy()
    identifiers: dict[str, Annotated[IdentifierKind, BeforeValidator(identifier_kind)]] = Field(
        default_factory=dict,
        description="More identifier kinds: {name = 'strong' | 'weak'}, or "
        "{name = {strength = 'strong', label = 'anläggnings-id', en.label = 'facility ID'}}",
    )
    sources: tuple[Source, ...] = Field(default=(), description="The systems searched")
    unlinkable: tuple[Unlinkable, ...] = Field(
        (), description="Data that cannot be linked to the visitor (Art. 11.2), named in every extract"
    )

    @property
    def identifier_strength(self) -> dict[str, str]:
        return {**BUILTIN_IDENTIFIERS, **{k: v.strength for k, v in self.identifiers.items()}}

    @field_validator("identifiers")
    @classmethod
    def _builtin_strength_kept(cls, value: dict[str, IdentifierKind]) -> dict[str, IdentifierKind]:
        for name, kind in value.items():
            builtin = BUILTIN_IDENTIFIERS.get(name)
            if builtin is not None and kind.strength != builtin:
                raise ValueError(f"{name} is a built-in identifier and always {builtin}; declare a kind of your own")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Config:
        seen: set[str] = set()
        for index, source in enumerate(self.sources):
            if source.id in seen:
                raise ValueError(f"sources[{index}].id: '{source.id}' is used twice")
            seen.add(source.id)
        known = set(self.identifier_strength) | set(PERSONNUMMER_FORMS)
        for index, source in enumerate(self.sources):
            for where, wanted in _identifier_uses(source):
                unknown = sorted(set(wanted) - known)
                if unknown:
                    raise ValueError(
                        f"sources[{index}] ({source.id}) {where}: unknown identifier "
                        f"{', '.join(unknown)}; declare it under [identifiers]"
                    )
        problems = [p for index, source in enumerate(self.sources) for p in _art15_problems(index, source)]
        if problems:
            raise ValueError(
                "Art. 15 facts missing or contradictory (recipients = [] and transfers = [] mean none, "
                'automated_decisions = false means none, origin = "visitor" means from the visitor): '
                + "; ".join(problems)
            )
        return self

    def source(self, source_id: str) -> SqlSource | FileSource | RestSource | ManualSource:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise ConfigError(f"no source with id '{source_id}' in the configuration")


def source_parts(source: SqlSource | FileSource | RestSource | ManualSource) -> list[tuple[str, Any]]:
    """The parts of a source that become categories of the extract, with their key paths:
    queries, endpoints, or the source itself (a file, a manual check)."""
    if isinstance(source, SqlSource):
        return [(f"queries[{i}] ({q.title})", q) for i, q in enumerate(source.queries)]
    if isinstance(source, RestSource):
        return [(f"endpoints[{i}] ({e.title})", e) for i, e in enumerate(source.endpoints)]
    return [("", source)]


def address_columns(source: SqlSource | FileSource | RestSource | ManualSource) -> dict[str, tuple[str, ...]]:
    """Category title → the fields (as a record names them, after labels) that hold the
    population-register address, for the parts that name their `address` columns."""
    found: dict[str, tuple[str, ...]] = {}
    for _path, part in source_parts(source):
        columns = getattr(part, "address", ())
        if columns:
            found[part.title] = tuple(part.labels.get(c, c) for c in columns)
    return found


def merged_fact(source: Art15Info, part: Art15Info, fact: str) -> Any:
    """A fact as it holds for a part: the part's own where it says one, else the source's."""
    own = getattr(part, fact)
    return own if own is not None or part is source else getattr(source, fact)


def _art15_problems(index: int, source: Any) -> list[str]:
    problems = []
    for where, part in source_parts(source):
        path = f"sources[{index}] ({source.id})" + (f".{where}" if where else "")
        missing = [fact for fact in ART15_FACTS if merged_fact(source, part, fact) is None]
        if missing:
            problems.append(f"{path}: no {', '.join(missing)}")
        described = [part.automated_decisions] + [c.automated_decisions for c in getattr(part, "facts_when", ())]
        if source.automated_decisions is False and part is not source and any(isinstance(d, str) for d in described):
            problems.append(
                f"{path}.automated_decisions: describes automated decisions while the source says "
                "there are none (automated_decisions = false); say it for each part instead"
            )
    return problems


def english_missing(config: Config) -> list[str]:
    """Key paths of visitor-facing texts given in Swedish without English (`config check`)."""
    missing: list[str] = []

    def check(node: Any, path: str, keys: tuple[str, ...]) -> None:
        english = getattr(node, "en", None)
        for key in keys:
            swedish = getattr(node, key, None)
            if key == "origin" and swedish == FROM_VISITOR:
                continue
            if key == "automated_decisions" and swedish is False:
                continue
            if key == "labels":
                lacking = [c for c in (swedish or {}) if c not in (english.labels if english else {})]
                missing.extend(f"{path}.en.labels.{c}" for c in lacking)
                continue
            if swedish not in (None, (), "") and (english is None or getattr(english, key) is None):
                missing.append(f"{path}.en.{key}")

    facts = ("purpose", "legal_basis", "categories", "recipients", "retention", "origin", "automated_decisions")
    check(config.organisation, "organisation", ("name", "visiting_address", "privacy_contact", "dpo"))
    for index, unlinkable in enumerate(config.unlinkable):
        check(unlinkable, f"unlinkable[{index}]", ("name", "what", "give"))
    for kind, declared in config.identifiers.items():
        check(declared, f"identifiers.{kind}", ("label",))
    for index, source in enumerate(config.sources):
        path = f"sources[{index}] ({source.id})"
        check(source, path, ("name", *facts))
        for n, transfer in enumerate(source.transfers or ()):
            check(transfer, f"{path}.transfers[{n}]", ("country", "recipient", "adequacy_decision", "safeguard"))
        for where, part in source_parts(source):
            here = f"{path}.{where}" if where else path
            keys: tuple[str, ...] = ("title", "labels") if part is source else ("title", "labels", *facts)
            if isinstance(part, ManualSource):
                keys = ()
            check(part, here, keys)
            for n, transfer in enumerate((part.transfers or ()) if part is not source else ()):
                check(transfer, f"{here}.transfers[{n}]", ("country", "recipient", "adequacy_decision", "safeguard"))
            for n, conditional in enumerate(getattr(part, "facts_when", ())):
                check(conditional, f"{here}.facts_when[{n}]", facts)
    return missing


def _identifier_uses(source: Any) -> list[tuple[str, list[str]]]:
    uses: list[tuple[str, list[str]]] = []
    if isinstance(source, SqlSource):
        for i, query in enumerate(source.queries):
            uses.append((f"queries[{i}] parameters", list(query.parameters)))
            uses.append((f"queries[{i}].yields", list(query.yields)))
        for i, action in enumerate(source.actions):
            if isinstance(action, SqlAction):
                uses.append((f"actions[{i}] parameters", list(action.identifiers)))
        for i, hold in enumerate(source.holds):
            uses.append((f"holds[{i}] parameters", list(hold.parameters)))
    elif isinstance(source, FileSource):
        uses.append(("key_columns", list(source.key_columns)))
        uses.append(("yields", list(source.yields)))
    elif isinstance(source, RestSource):
        for i, endpoint in enumerate(source.endpoints):
            uses.append((f"endpoints[{i}] placeholders", list(endpoint.parameters)))
            uses.append((f"endpoints[{i}].yields", list(endpoint.yields)))
        for i, call in enumerate(source.actions):
            if isinstance(call, RestAction):
                uses.append((f"actions[{i}] placeholders", list(call.parameters)))
    return uses
