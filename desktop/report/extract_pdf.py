"""The extract PDF ("registerutdrag"): what Art. 15 says the visitor must receive.

Layered as the EDPB recommends: a first page that speaks to the visitor (who, which case, what
was asked, a summary per system, what is missing and when it will follow), then one section per
system with its Art. 15 information and the data itself, then the visitor's rights, the right to
complain to IMY and whom to contact.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.extract import (
    REDACTED,
    Addressee,
    Art15,
    CategorySection,
    ExtractDocument,
    SourceSection,
    SourceStatus,
)
from desktop.report.fonts import BOLD, CONDENSED, REGULAR, register_fonts
from desktop.report.pages import FRAME_WIDTH, MARGIN, TOP, PageFurniture, render
from desktop.report.table import DataTable
from desktop.report.texts import (
    DOCUMENT_NAMES,
    cell_text,
    counted,
    format_date,
    format_text,
    late_promises,
    list_words,
    representative_words,
    texts,
)

INK = colors.HexColor("#1C2833")
ACCENT = colors.HexColor("#1F4E79")
BOX = colors.HexColor("#EEF2F6")
KEY_VALUE_MAX_COLUMNS = 6


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()  # paragraphs resolve their fonts when they are made
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        bulletFontName=REGULAR,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=5,
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11.5),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=BOLD,
            fontSize=22,
            leading=27,
            textColor=ACCENT,
            spaceAfter=2,
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=16, spaceAfter=12),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=14,
            leading=18,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, fontSize=8.5, leading=11.5, spaceAfter=0),
        "cell": ParagraphStyle("cell", parent=base, fontName=CONDENSED, fontSize=8, leading=10, spaceAfter=0),
        "speaker": ParagraphStyle("speaker", parent=base, fontSize=8.5, leading=11, spaceBefore=4, spaceAfter=0),
        "message": ParagraphStyle("message", parent=base, leftIndent=4 * mm, spaceAfter=1),
        "aside": ParagraphStyle(
            "aside", parent=base, fontSize=7.5, leading=9.5, leftIndent=4 * mm, textColor=colors.HexColor("#4A5968")
        ),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


# Where a window envelope shows the address (C5 and E65 with the window on the left, as SS 014410
# places the address field): 20 mm from the paper's left edge, from 45 mm below its top edge.
ADDRESS_FROM_TOP = 45 * mm
ADDRESS_FROM_LEFT = 20 * mm


def address_block(addressee: Addressee | None, t: dict[str, str], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The address an answer by post goes to, where a window envelope shows it, at the top of
    the first page: the name, "c/o"-style the visitor's where a representative receives it, then
    the address lines. Nothing where the answer is not posted."""
    if addressee is None or not addressee.address:
        return []
    lines = [addressee.name] + ([t["address_for"].format(name=addressee.for_name)] if addressee.for_name else [])
    style = ParagraphStyle("address", parent=styles["body"], fontSize=10.5, leading=14,
                           leftIndent=ADDRESS_FROM_LEFT - MARGIN, spaceAfter=0)  # fmt: skip
    return [
        Spacer(1, ADDRESS_FROM_TOP - TOP),
        _p("\n".join(lines + list(addressee.address)), style),
        Spacer(1, 12 * mm),
    ]


def document_texts(document: ExtractDocument) -> dict[str, str]:
    """The texts of this extract: a supplement's title; made after the deadline, no promise of a
    day already past."""
    t = texts(document.language)
    if document.supplement_of is not None:
        t = {**t, "title": t["title_supplement"]}
    if document.produced_on > document.promised_date:
        t = late_promises(t)
    return t


def build_extract(document: ExtractDocument) -> tuple[bytes, int]:
    """Render the extract; returns the PDF's bytes and its number of pages."""
    t = document_texts(document)
    styles = _styles()
    story: list[Flowable] = []
    story += _first_page(document, t, styles)
    for section in document.sources:
        story += _source_section(section, document, t, styles)
    story += _closing(document, t, styles)
    furniture = PageFurniture(
        left_header=document.organisation.name,
        right_header=f"{t['title']} · {t['case'].format(number=document.case_number)}",
        marking=t["confidential"],
        page_text=t["page"],
        draft=t["draft"] if document.draft else "",
    )
    produced_at = datetime.combine(document.produced_on, time(12, 0), tzinfo=UTC)
    return render(
        story,
        furniture,
        title=f"{t['title']} {document.case_number}",
        author=document.organisation.name,
        produced_at=produced_at,
    )


def _facts_table(rows: list[tuple[str, str]], styles: dict[str, ParagraphStyle]) -> Table:
    data = [[_p(label, styles["label"]), _p(value, styles["small"])] for label, value in rows]
    table = Table(data, colWidths=[48 * mm, FRAME_WIDTH - 48 * mm], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def result_text(section: SourceSection, document: ExtractDocument, t: dict[str, str]) -> str:
    """The summary's word on a system: exactly how far it was searched and what was found.
    "Inga uppgifter om dig" only where every way in was searched and nothing was found."""
    language = document.language
    promised = format_date(document.promised_date, language)
    if section.status is SourceStatus.MANUAL:
        if section.manual_found is None:
            return t["result_manual_open"].format(date=promised)
        return t["result_manual_found" if section.manual_found else "result_manual_nothing"]
    if section.status in (SourceStatus.FAILED, SourceStatus.TIMED_OUT, SourceStatus.CANCELLED):
        return t["result_failed"].format(date=promised)
    if section.status is SourceStatus.NOT_SEARCHED:
        if not section.not_searched_by:  # a system added to the configuration after the gather
            return t["result_not_searched_plain"]
        return t["result_not_searched"].format(kinds=list_words(section.not_searched_by, language))
    parts = []
    if section.row_count:
        parts.append(counted(t, "result_rows", section.row_count, language) + ".")
    elif section.not_searched_by and section.searched_by:
        parts.append(t["result_nothing_partly"].format(searched=list_words(section.searched_by, language)) + ".")
    elif not section.unconfirmed and not section.withheld:
        parts.append(t["result_nothing"])
    if section.unconfirmed:
        parts.append(counted(t, "result_unconfirmed", section.unconfirmed, language))
    parts += [counted(t, f"result_withheld_{ground}", count, language) for ground, count in section.withheld]
    if section.not_searched_by:
        parts.append(t["result_also_not_searched"].format(kinds=list_words(section.not_searched_by, language)))
    if section.page_limit:
        parts.append(t["result_more_pages"].format(pages=section.page_limit))
    if section.row_limit:
        parts.append(t["result_more_rows"].format(count=section.row_limit))
    return " ".join(parts)


def _is_missing(section: SourceSection) -> bool:
    return section.status in (
        SourceStatus.FAILED,
        SourceStatus.TIMED_OUT,
        SourceStatus.CANCELLED,
    ) or (section.status is SourceStatus.MANUAL and section.manual_found is None)


def deed_lines(note: Any, t: dict[str, str], language: str, promised: str = "") -> list[str]:
    """What was done in the systems for a request, from the deeds: each action with its count
    and effect (erased, pseudonymised …), each hold with what it keeps, why and until when, what
    remains that no hold covers, and whom we told (Art. 19)."""
    lines = []
    for deed in note.deeds:
        rows = counted(t, "deed_rows", deed.count, language)
        if deed.manual:
            lines.append(t["deed_manual"].format(system=deed.system, title=deed.title))
            continue
        if deed.remaining:
            lines.append(t["deed_remaining"].format(system=deed.system, rows=rows, date=promised))
            continue
        if deed.pending:
            lines.append(t["deed_pending"].format(system=deed.system, title=deed.title, date=promised))
            continue
        if not deed.kept:
            told = f"deed_rows_{deed.effect}"
            rows = counted(t, told, deed.count, language) if told in t else rows
            lines.append(t["deed_done"].format(system=deed.system, title=deed.title, rows=rows))
            continue
        line = t["deed_kept"].format(system=deed.system, rows=rows, title=deed.title, ground=deed.ground)
        if deed.until:
            dated = len(deed.until) == 10 and deed.until[4] == "-"
            until = (
                t["deed_until_date"].format(date=deed.until) if dated else t["deed_until_text"].format(text=deed.until)
            )
            line = f"{line} {until}"
        lines.append(line)
    if note.type == "restriction" and any(not d.kept for d in note.deeds):
        lines.append(t["restriction_notice"])
    if note.recipients_told:
        lines.append(t["deed_recipients"].format(names=list_words(note.recipients_told, language, every=True)))
    return lines


def other_outcome(note: Any, t: dict[str, str], language: str, promised: str) -> str:
    """What was done about a request besides access: the deeds in the systems, with staff's
    words after them; staff's words alone where nothing was done in a system; for a consent
    withdrawal or a marketing stop without them, that it is in force since the day received;
    else when the answer comes."""
    done = deed_lines(note, t, language, promised)
    if done:
        said = [t[f"effective_{note.type}"].format(date=format_date(note.effective_on, language))] if (
            note.effective_on is not None and not note.outcome
        ) else []  # fmt: skip
        return "\n".join(said + done + ([f"{t['deed_note']}: {note.outcome}"] if note.outcome else []))
    if note.outcome:
        return str(note.outcome)
    if note.effective_on is not None:
        return t[f"effective_{note.type}"].format(date=format_date(note.effective_on, language))
    return t["other_pending"].format(date=promised)


def who_rows(
    t: dict[str, str],
    language: str,
    name: str,
    personnummer: str | None,
    coordination: bool,
    representation: Any,
    name_label: str = "for",
) -> list[tuple[str, str]]:
    """Whom a document is for: the name, the number under its right name, the representative."""
    rows = [(t[name_label], name)]
    if personnummer is not None:
        rows.append((t["samordningsnummer" if coordination else "personnummer"], personnummer))
    if representation is not None:
        dated = format_date(representation.dated, language) if representation.dated else ""
        rows.append(
            (t["represented_by"], t[f"mandate_{representation.mandate}"].format(name=representation.name, dated=dated))
        )
        if representation.scope:
            rows.append((t["mandate_scope"], representation.scope))
    return rows


def _first_page(document: ExtractDocument, t: dict[str, str], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    language = document.language
    organisation = document.organisation
    who = who_rows(
        t,
        language,
        document.subject_name,
        document.subject_personnummer,
        document.subject_is_coordination_number,
        document.representation,
    )
    story: list[Flowable] = [
        *address_block(document.addressee, t, styles),
        _p(t["title"], styles["title"]),
        _p(t["subtitle"].format(organisation=organisation.name), styles["subtitle"]),
        _facts_table(
            [
                *who,
                (t["case_number"], document.case_number),
                (t["received"], format_date(document.received_on, language)),
                (t["produced"], format_date(document.produced_on, language)),
                *(
                    [(t["supplements"], format_date(document.supplement_of, language))]
                    if document.supplement_of is not None
                    else []
                ),
                (t["asked"], "\n".join(t[f"request_{r}"] for r in document.requests)),
            ],
            styles,
        ),
        Spacer(1, 4 * mm),
        _p(t["intro"], styles["body"]),
    ]
    if document.supplement_of is not None:
        story.append(
            _p(
                t["supplement_intro"].format(
                    date=format_date(document.supplement_of, language),
                    systems=list_words([s.name for s in document.sources], language, every=True),
                ),
                styles["body"],
            )
        )
    document_names = DOCUMENT_NAMES[language]
    if document.representation is not None and document.representation.document:
        checked = document_names.get(document.representation.document, document.representation.document)
        words = representative_words(t, document.representation.mandate)
        story.append(_p(t["verified_extract_represented"].format(document=checked, **words), styles["small"]))
    elif document.checked_document == "postal-answer":
        story.append(_p(t["verified_extract_postal"], styles["small"]))
    elif document.checked_document:
        checked = document_names.get(document.checked_document, document.checked_document)
        story.append(_p(t["verified_extract"].format(document=checked), styles["small"]))
    story += [
        _p(t["how_to_read"], styles["small"]),
        _p(t["summary_heading"], styles["h2"]),
        _p(
            t["summary_intro_supplement"]
            if document.supplement_of is not None
            else t["summary_intro_searchable" if document.unlinkable else "summary_intro"].format(
                count=len(document.sources)
            ),
            styles["body"],
        ),
    ]
    rows = [[_p(t["col_system"], styles["label"]), _p(t["col_result"], styles["label"])]]
    rows += [[_p(s.name, styles["cell"]), _p(result_text(s, document, t), styles["cell"])] for s in document.sources]
    summary = Table(rows, colWidths=[FRAME_WIDTH * 0.55, FRAME_WIDTH * 0.45], hAlign="LEFT", repeatRows=1, splitInRow=1)
    summary.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, 0), BOX),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#C5CED7")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [summary, Spacer(1, 3 * mm)]
    promised = format_date(document.promised_date, language)
    if any(_is_missing(s) and s.status is not SourceStatus.MANUAL for s in document.sources):
        story.append(_p(t["missing_note"].format(date=promised), styles["body"]))
    if any(_is_missing(s) and s.status is SourceStatus.MANUAL for s in document.sources):
        story.append(_p(t["manual_pending_note"].format(date=promised), styles["body"]))
    if any(s.unconfirmed for s in document.sources):
        story.append(_p(t["unconfirmed_note"], styles["body"]))
    if any(s.withheld for s in document.sources):
        story.append(_p(t["withheld_note"], styles["body"]))
    if document.unlinkable and document.supplement_of is None:  # Art. 11.2: the systems are not all there is
        story += [_p(t["unlinkable_heading"], styles["h2"]), _p(t["unlinkable_intro"], styles["body"])]
        story += [
            _p(
                t["unlinkable_item"].format(name=u.name, what=u.what.rstrip("."), give=u.give.rstrip(".")),
                styles["body"],
            )
            for u in document.unlinkable
        ]
    if document.extended_deadline and document.extension_reason:
        story.append(
            _p(
                t["extension_note"].format(date=promised, reason=document.extension_reason),
                styles["body"],
            )
        )
    if document.other_requests:
        story.append(_p(t["other_requests_heading"], styles["h2"]))
        for note in document.other_requests:
            facts: list[tuple[str, str]] = [(t["other_asked"], note.details)] if note.details else []
            facts.append((t["other_done"], other_outcome(note, t, language, promised)))
            story.append(_p(t[f"request_{note.type}"], styles["label"]))
            story.append(_facts_table(facts, styles))
        story.append(Spacer(1, 2 * mm))
    if any(REDACTED in r.values() for s in document.sources for c in s.categories for r in c.rows):
        story.append(_p(t["redaction_note"], styles["small"]))
    story.append(PageBreak())
    return story


def art15_rows(info: Art15, t: dict[str, str]) -> list[tuple[str, str]]:
    """The facts the configuration states, and only those: a fact it leaves to each category is
    printed there. "None" is printed only where the configuration says none."""
    rows = []
    if info.purpose:
        rows.append((t["purpose"], info.purpose))
    if info.legal_basis:
        rows.append((t["legal_basis"], info.legal_basis))
    if info.categories:
        rows.append((t["categories"], ", ".join(info.categories)))
    if info.recipients is not None:
        rows.append((t["recipients"], "\n".join(info.recipients) or t["no_recipients"]))
    if info.retention:
        rows.append((t["retention"], info.retention))
    if info.from_visitor or info.origin:
        origin = [t["origin_visitor"]] if info.from_visitor else []
        rows.append((t["origin"], " ".join([*origin, *([info.origin] if info.origin else [])])))
    if info.transfers is not None:
        transfers = "\n".join(
            t[f"transfer_{x.ground}"].format(country=x.country, recipient=x.recipient, mechanism=x.mechanism)
            for x in info.transfers
        )
        rows.append((t["transfers"], transfers or t["no_transfers"]))
    if info.automated_decisions is False:
        rows.append((t["automated"], t["no_automated"]))
    elif isinstance(info.automated_decisions, str):
        rows.append((t["automated"], info.automated_decisions))
    return rows


def _source_section(
    section: SourceSection,
    document: ExtractDocument,
    t: dict[str, str],
    styles: dict[str, ParagraphStyle],
) -> list[Flowable]:
    promised = format_date(document.promised_date, document.language)
    story: list[Flowable] = [CondPageBreak(60 * mm), _p(section.name, styles["h1"])]
    facts = art15_rows(section.art15, t)
    if facts:
        story.append(_facts_table(facts, styles))
    story.append(Spacer(1, 2 * mm))
    if _is_missing(section) and section.status is not SourceStatus.MANUAL:
        story.append(
            _p(
                t["failed_body"].format(reason=_reason(section.message, document.language), date=promised),
                styles["body"],
            )
        )
        return story
    if section.status is SourceStatus.MANUAL:
        if section.manual_found is None:
            story.append(_p(t["manual_open"].format(date=promised), styles["body"]))
        elif section.manual_found:
            story.append(_p(section.manual_note, styles["body"]))
        else:
            story.append(_p(t["manual_nothing"], styles["body"]))
        return story
    language = document.language
    if section.status is SourceStatus.NOT_SEARCHED:
        if not section.not_searched_by:
            story.append(_p(t["result_not_searched_plain"], styles["body"]))
            return story
        kinds = list_words(section.not_searched_by, language)
        story.append(_p(t["not_searched_body"].format(kinds=kinds), styles["body"]))
        return story
    if not section.row_count:
        plain = not section.unconfirmed and not section.not_searched_by and not section.withheld
        story.append(_p(t["no_data"] if plain else result_text(section, document, t), styles["body"]))
        return story
    notes = []
    if section.unconfirmed:
        notes.append(counted(t, "result_unconfirmed", section.unconfirmed, language))
    notes += [counted(t, f"result_withheld_{ground}", count, language) for ground, count in section.withheld]
    if section.not_searched_by:
        notes.append(t["result_also_not_searched"].format(kinds=list_words(section.not_searched_by, language)))
    if notes:
        story.append(_p(" ".join(notes), styles["body"]))
    for category in section.categories:
        if category.rows:
            story += _category(category, section.art15, document, t, styles)
    return story


def _reason(message: str, language: str) -> str:
    """Staff see the technical reason; the visitor reads a plain one."""
    if language == "sv":
        if "time" in message:
            return "systemet svarade inte i tid"
        return "systemet gick inte att nå"
    if "time" in message:
        return "the system did not answer in time"
    return "the system could not be reached"


def _category(
    category: CategorySection,
    source_info: Art15,
    document: ExtractDocument,
    t: dict[str, str],
    styles: dict[str, ParagraphStyle],
) -> list[Flowable]:
    language = document.language
    count = counted(t, "records_count", len(category.rows), language)
    heading: list[Flowable] = [_p(f"{category.title} ({count})", styles["h2"])]
    story: list[Flowable] = [CondPageBreak(30 * mm)]
    own = category.art15
    differs = [
        (label, value)
        for label, value in art15_rows(source_info.overridden_by(own), t)
        if (label, value) not in art15_rows(source_info, t)
    ]
    if differs:
        heading.append(_facts_table(differs, styles))
    columns = list(dict.fromkeys(key for row in category.rows for key in row))
    redacted = t["redacted"]

    floats: dict[str, str] = {}  # a meter's readings repeat: each formatted once (for this table only)

    def text(value: Any) -> str:
        if type(value) is str:  # the most common kind
            return format_text(value, language)
        if type(value) is float:
            key = repr(value)  # 0.0 and -0.0 are equal as floats, not as texts
            known = floats.get(key)
            if known is None:
                known = floats[key] = cell_text(value, language)
            return known
        return redacted if value is REDACTED else cell_text(value, language)

    if category.conversation is not None and all(c in columns for c in category.conversation.columns):
        return [*story, *_conversation(category, columns, heading, text, styles)]
    if len(category.rows) == 1 or len(columns) > KEY_VALUE_MAX_COLUMNS:
        for n, row in enumerate(category.rows):
            pairs = [[_p(key, styles["label"]), _p(text(row.get(key)), styles["cell"])] for key in columns]
            block = Table(pairs, colWidths=[50 * mm, FRAME_WIDTH - 50 * mm], hAlign="LEFT", splitInRow=1)
            block.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                        ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#C5CED7")),
                        ("BACKGROUND", (0, 0), (0, -1), BOX),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 2),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ]
                )
            )
            # The heading stays with the first record; short records are never split.
            parts = [*heading, block] if n == 0 else [block]
            story += [KeepTogether(parts) if len(columns) < 30 else block, Spacer(1, 2 * mm)]
        return story
    rows = [[text(row.get(key)) for key in columns] for row in category.rows]
    story += [*heading, DataTable.build(columns, rows, FRAME_WIDTH), Spacer(1, 3 * mm)]
    return story


def _conversation(
    category: CategorySection,
    columns: list[str],
    heading: list[Flowable],
    text: Callable[[Any], str],
    styles: dict[str, ParagraphStyle],
) -> list[Flowable]:
    """Messages as they were written: who and when in a small line, the message under it.

    Nothing is left out: columns the conversation does not name are shown once above it when
    they are the same for every message (the contact's address), else under each message.
    """
    conversation = category.conversation
    assert conversation is not None
    rows = category.rows
    others = [c for c in columns if c not in conversation.columns]
    same = [c for c in others if len({repr(row.get(c)) for row in rows}) == 1]
    varying = [c for c in others if c not in same]
    story: list[Flowable] = list(heading)
    if same:
        story.append(_facts_table([(c, text(rows[0].get(c))) for c in same], styles))
    for row in rows:
        when = " ".join(text(row.get(c)) for c in conversation.when if row.get(c) not in (None, ""))
        who = text(row.get(conversation.speaker))
        parts: list[Flowable] = [
            Paragraph(f"<b>{escape(who)}</b>  {escape(when)}", styles["speaker"]),
            _p(text(row.get(conversation.text)), styles["message"]),
        ]
        extra = [f"{c}: {text(row.get(c))}" for c in varying if row.get(c) not in (None, "")]
        if extra:
            parts.append(_p(" · ".join(extra), styles["aside"]))
        story.append(KeepTogether(parts))
    story.append(Spacer(1, 3 * mm))
    return story


def _closing(document: ExtractDocument, t: dict[str, str], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    organisation = document.organisation
    contact = [organisation.name, organisation.visiting_address, organisation.privacy_contact]
    if organisation.dpo:
        contact.append(f"{t['dpo']}: {organisation.dpo}")
    contact.append(f"{t['org_number']}: {organisation.org_number}")
    public = [_p(t["public_body"], styles["body"])] if organisation.public_body else []
    return [
        CondPageBreak(80 * mm),
        _p(t["rights_heading"], styles["h1"]),
        _p(t["rights"], styles["body"]),
        _p(t["complaint"], styles["body"]),
        *public,
        _p(t["contact_heading"], styles["h2"]),
        _p(t["contact"], styles["body"]),
        _p("\n".join(contact), styles["body"]),
    ]
