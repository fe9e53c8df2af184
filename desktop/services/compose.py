"""The extract's content, composed from the configuration, the case and the reviewed records, in
the reader's language.

Every text a visitor reads comes from the configuration in Swedish with, where IT gave it, the
English beside it (`en.purpose = …`). An English extract never passes a Swedish text off as
English: where the English is missing the Swedish is printed and marked "(in Swedish)". Nothing
is assumed: the Art. 15 facts are those the configuration states (it is refused when one is
missing), and a system's status says exactly how far it was searched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Any

from desktop.config import (
    FROM_VISITOR,
    Art15Info,
    Config,
    ManualSource,
    merged_fact,
    source_parts,
)
from desktop.config import Organisation as ConfigOrganisation
from desktop.config import Transfer as ConfigTransfer
from desktop.core.clock import local_date
from desktop.core.extract import (
    Addressee,
    Art15,
    CategorySection,
    Conversation,
    DeedNote,
    ExtractDocument,
    GatherResult,
    Organisation,
    Record,
    Representation,
    RequestNote,
    SourceSection,
    SourceStatus,
    Transfer,
    Unlinkable,
)
from desktop.core.identity import parse_personnummer
from desktop.core.requests import RequestType
from desktop.register.models import Case
from desktop.report.texts import texts

IN_SWEDISH = " (in Swedish)"


def local(node: Any, key: str, language: str) -> Any:
    """`node.key` in the reader's language: the English where given, else the Swedish (marked)."""
    swedish = getattr(node, key)
    if language == "sv" or swedish is None or swedish is False or swedish == FROM_VISITOR:
        return swedish
    english = getattr(getattr(node, "en", None), key, None)
    if english is not None:
        return english
    if isinstance(swedish, tuple):
        return tuple(item + IN_SWEDISH for item in swedish)
    return swedish + IN_SWEDISH if swedish else swedish


def organisation_of(config: Config, language: str = "sv") -> Organisation:
    o: ConfigOrganisation = config.organisation
    return Organisation(
        name=local(o, "name", language),
        org_number=o.org_number,
        visiting_address=local(o, "visiting_address", language),
        privacy_contact=local(o, "privacy_contact", language),
        dpo=local(o, "dpo", language),
        public_body=o.public_body,
        public_authority=o.public_authority,
    )


def art15_of(info: Art15Info, language: str) -> Art15:
    """The facts a configuration node states (None where it says nothing), in `language`."""

    def transfer(t: ConfigTransfer) -> Transfer:
        ground = "adequacy" if t.adequacy_decision is not None else "safeguard"
        return Transfer(
            country=local(t, "country", language),
            recipient=local(t, "recipient", language),
            ground=ground,
            mechanism=local(t, "adequacy_decision" if ground == "adequacy" else "safeguard", language),
        )

    return Art15(
        purpose=local(info, "purpose", language),
        legal_basis=local(info, "legal_basis", language),
        categories=local(info, "categories", language),
        recipients=local(info, "recipients", language),
        retention=local(info, "retention", language),
        origin=None if info.origin == FROM_VISITOR else local(info, "origin", language),
        from_visitor=info.origin == FROM_VISITOR,
        transfers=None if info.transfers is None else tuple(transfer(t) for t in info.transfers),
        automated_decisions=local(info, "automated_decisions", language),
    )


def identifier_words(config: Config, language: str) -> dict[str, str]:
    """The visitor's words for the identifier kinds: "e-postadress", "kundnummer"."""
    t = texts(language)
    words = {kind: t[f"kind_{kind}"] for kind in ("personnummer", "customer_number", "email", "phone", "name")}
    for kind, declared in config.identifiers.items():
        label = local(declared, "label", language)
        words[kind] = label or kind.replace("_", " ")
    return words


def _cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _meets(value: Any, values: set[str]) -> bool:
    """A `facts_when` condition on one cell: one of the values, "" an empty cell, "*" any other."""
    cell = _cell(value)
    return cell in values or (bool(cell) and "*" in values)


def _filled(facts: Art15, values: dict[str, str]) -> Art15:
    """A condition's texts with the matching record's values where they name a column:
    "Du återkallade samtycket {aterkallat}" reads "… 2026-11-30"."""

    def fill(text: Any) -> Any:
        if not isinstance(text, str) or "{" not in text:
            return text
        for column, value in values.items():
            text = text.replace("{" + column + "}", value)
        return text

    return replace(facts, purpose=fill(facts.purpose), legal_basis=fill(facts.legal_basis),
                   retention=fill(facts.retention), origin=fill(facts.origin),
                   automated_decisions=fill(facts.automated_decisions))  # fmt: skip


class _Part:
    """One query, endpoint or file of a source, as the extract needs it."""

    def __init__(self, source: Any, node: Any, language: str) -> None:
        self.title = node.title if hasattr(node, "title") else source.name
        self.heading = local(node, "title", language) if hasattr(node, "title") else self.title
        self.art15 = art15_of(node, language) if node is not source else Art15()
        labels = getattr(node, "labels", {}) or {}
        english = getattr(getattr(node, "en", None), "labels", {}) or {}
        # Records carry the Swedish labels (the review is in Swedish); the reader gets theirs.
        self.english = language != "sv"
        self.relabel: dict[str, str] = {labels.get(column, column): label for column, label in english.items()}
        # Each condition: {label: values}, its facts, and {column: label} for its {column} texts.
        self.conditions = [
            ({labels.get(k, k): set(v) for k, v in c.when.items()}, art15_of(c, language),
             {k: labels.get(k, k) for k in c.when})
            for c in getattr(node, "facts_when", ())
        ]  # fmt: skip
        conversation = getattr(node, "conversation", None)
        self.conversation = (
            None
            if conversation is None
            else Conversation(
                tuple(self.key(c) for c in conversation.when),
                self.key(conversation.speaker),
                self.key(conversation.text),
            )
        )

    def facts_for(self, records: list[Record]) -> Art15:
        """The category's own facts, with those whose condition a record the visitor gets meets."""
        rows = [r.fields for r in records if r.included]
        facts = self.art15
        for when, conditional, columns in self.conditions:
            row = next((row for row in rows if all(_meets(row.get(c), values) for c, values in when.items())), None)
            if row is not None:
                facts = facts.overridden_by(_filled(conditional, {k: _cell(row.get(v)) for k, v in columns.items()}))
        return facts

    def key(self, column: str) -> str:
        """A column's name for the reader: the English label, or the Swedish marked as such."""
        if not self.english:
            return column
        return self.relabel.get(column, column + IN_SWEDISH)

    def rows(self, records: list[Record]) -> list[dict[str, Any]]:
        rows = [r.visible_fields() for r in records if r.included]
        if not self.english:
            return rows
        return [{self.key(k): v for k, v in row.items()} for row in rows]


def compose_extract(
    config: Config,
    case: Case,
    result: GatherResult,
    *,
    language: str,
    produced_on: date | None = None,
    supplement_of: date | None = None,
) -> ExtractDocument:
    """The extract as the visitor will read it: what review included, masked where decided.

    With `supplement_of` (the day the first extract was handed over) it is a supplementary
    extract: only the systems in `result`, which are those the earlier extract left outstanding."""
    manual = {m.source_id: m for m in case.manual_outcomes}
    words = identifier_words(config, language)
    sections = []
    for source in config.sources:
        if supplement_of is not None and source.id not in result.sources:
            continue
        gathered = result.sources.get(source.id)
        parts = {part.title: part for part in (_Part(source, node, language) for _, node in source_parts(source))}
        categories = []
        unconfirmed = 0
        withheld: Counter[str] = Counter()
        if gathered is not None:
            for title, records in gathered.categories().items():
                part = parts.get(title)
                unconfirmed += sum(1 for r in records if r.unconfirmed)
                withheld.update(r.withheld for r in records if r.excluded and r.withheld)
                if part is None:  # a category the configuration no longer names
                    rows = [r.visible_fields() for r in records if r.included]
                    categories.append(CategorySection(title, Art15(), rows))
                    continue
                rows = part.rows(records)
                categories.append(CategorySection(part.heading, part.facts_for(records), rows, part.conversation))
        section = SourceSection(
            source_id=source.id,
            name=local(source, "name", language),
            status=gathered.status if gathered else SourceStatus.NOT_SEARCHED,
            art15=art15_of(source, language),
            categories=categories,
            message=gathered.message if gathered else "",
            searched_by=tuple(words.get(k, k) for k in (gathered.searched_by if gathered else ())),
            not_searched_by=tuple(words.get(k, k) for k in (gathered.not_searched_by if gathered else ())),
            unconfirmed=unconfirmed,
            withheld=tuple(sorted(withheld.items())),
            page_limit=gathered.page_limit if gathered else 0,
            row_limit=config.policy.max_rows_per_query if gathered and gathered.truncated else 0,
        )
        if isinstance(source, ManualSource):
            section.status = SourceStatus.MANUAL
            outcome = manual.get(source.id)
            if outcome is not None:
                section.manual_found = outcome.found
                section.manual_note = outcome.note or ""
        sections.append(section)
    return ExtractDocument(
        organisation=organisation_of(config, language),
        case_number=case.number,
        subject_name=case.subject_name,
        subject_personnummer=case.subject_personnummer,
        subject_is_coordination_number=parse_personnummer(case.subject_personnummer).is_coordination_number,
        received_on=case.received_on,
        produced_on=produced_on or local_date(),
        deadline=case.deadline,
        extended_deadline=case.extended_deadline,
        extension_reason=case.extension_reason,
        requests=tuple(r.type for r in case.requests),
        sources=sections,
        language=language,
        other_requests=()
        if supplement_of is not None  # the supplement answers only what the extract left open
        else request_notes(config, case, language),
        supplement_of=supplement_of,
        representation=representation_of(case),
        checked_document=next((v.document_type for v in case.verifications if v.role == "subject"), None),
        addressee=addressee_of(case),
        unlinkable=tuple(
            Unlinkable(local(u, "name", language), local(u, "what", language), local(u, "give", language))
            for u in config.unlinkable
        ),
    )


# Deeds written before effects were told name the statement: what each did, as told now.
EFFECT_OF_OPERATION = {"delete": "erase", "insert": "add", "update": "change"}


def request_notes(config: Config, case: Case, language: str) -> tuple[RequestNote, ...]:
    """Each request besides access, with what was done for it in the systems (the case's deeds)
    in the reader's language: the configuration's English where it gives one."""

    def source_of(source_id: str) -> Any:
        return next((s for s in config.sources if s.id == source_id), None)

    def note_for(request: Any) -> RequestNote:
        deeds = []
        changed = set()
        checks = {d.source_id: d for d in case.deeds if d.kind == "check"}  # the last search after the erasure
        for deed in case.deeds:
            if deed.kind == "check" and deed.request == request.type and checks[deed.source_id] is deed and deed.count:
                source = source_of(deed.source_id)
                system = local(source, "name", language) if source is not None else deed.source_id
                deeds.append(DeedNote(system, deed.title, deed.count, remaining=True))
                continue
            if deed.request != request.type or deed.kind not in ("action", "hold", "failed"):
                continue
            source = source_of(deed.source_id)
            system = local(source, "name", language) if source is not None else deed.source_id
            title, ground, until = deed.title, deed.ground or "", deed.until or ""
            if deed.kind == "failed":  # said as not done yet, unless a later run did it
                later = any(d.kind == "action" and (d.source_id, d.digest) == (deed.source_id, deed.digest)
                            for d in case.deeds)  # fmt: skip
                note = DeedNote(system, _action_title(source, deed, language), 0, pending=True)
                if not later and note not in deeds:
                    deeds.append(note)
                continue
            if deed.kind == "action" and deed.count == 0:
                continue  # it found nothing of the visitor's to change: the letter claims nothing there
            if deed.kind == "action":
                changed.add(deed.source_id)
                deeds.append(DeedNote(system, _action_title(source, deed, language), deed.count or 0,
                                      manual=deed.count is None,
                                      effect=EFFECT_OF_OPERATION.get(deed.operation, deed.operation)))  # fmt: skip
                continue
            hold = next((h for h in getattr(source, "holds", ()) if h.title == deed.title), None)
            if hold is not None:
                title, ground = local(hold, "title", language), local(hold, "ground", language)
                if isinstance(hold.until, str) and hold.until == until:
                    until = local(hold, "until", language)
            deeds.append(DeedNote(system, title, deed.count or 0, kept=True, ground=ground, until=until))
        told = tuple(
            _recipient_name(source_of(d.source_id), d.title, language)
            for d in case.deeds
            if d.kind == "recipient" and d.source_id in changed
        )
        return RequestNote(request.type, request.details, request.outcome, request.effective_on, tuple(deeds),
                           tuple(dict.fromkeys(told)))  # fmt: skip

    return tuple(note_for(r) for r in case.requests if r.type != RequestType.ACCESS)


def _action_title(source: Any, deed: Any, language: str) -> str:
    """What an action does, as the configuration says it in the reader's language (the deed's
    own title where the action is no longer configured)."""
    from desktop.services.actions import action_key

    action = next((a for a in getattr(source, "actions", ()) if action_key(a) == deed.digest), None)
    return local(action, "title", language) if action is not None else str(deed.title)


def _recipient_name(source: Any, name: str, language: str) -> str:
    """A recipient as the configuration names it, in the reader's language."""
    if source is None or language == "sv":
        return name
    for _, node in source_parts(source):
        recipients = merged_fact(source, node, "recipients") or ()
        if name in recipients:
            english = getattr(getattr(node, "en", None), "recipients", None) or getattr(
                getattr(source, "en", None), "recipients", None
            )
            index = list(recipients).index(name)
            if english is not None and index < len(english):
                return str(english[index])
        for transfer in merged_fact(source, node, "transfers") or ():
            if transfer.recipient == name:
                return str(local(transfer, "recipient", language))
    return name + IN_SWEDISH


def addressee_of(case: Case) -> Addressee:
    """Whom the case's letters and an extract sent by post are addressed to: the representative
    where one acts for the visitor, else the visitor; with the address where the answer is posted."""
    address = tuple(case.postal_address.split("\n")) if case.postal_address else ()
    if case.representatives:
        return Addressee(case.representatives[0].name, address, for_name=case.subject_name)
    return Addressee(case.subject_name, address)


def representation_of(case: Case) -> Representation | None:
    """Who came for the visitor, and on what mandate (guardian, power of attorney, trustee)."""
    if not case.representatives:
        return None
    representative = case.representatives[0]
    return Representation(
        name=representative.name,
        mandate=representative.mandate_type,
        dated=representative.mandate_dated,
        document=representative.verification.document_type if representative.verification else None,
        scope=representative.mandate_scope or "",
    )
