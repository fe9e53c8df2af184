"""Letters to the visitor when the answer is not (only) an extract: a refusal (Art. 12.4), an
extension (Art. 12.3), and what was done about the other requests (Art. 12.3, 16–21).

Each says the case number, who decided, the reasons in staff's words, and the visitor's remedies:
a complaint to IMY, and the courts — an appeal to the administrative court where the organisation
is a public authority, an action in the general courts otherwise (DOMAIN.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.core.extract import Addressee, Organisation, Representation, RequestNote
from desktop.report.extract_pdf import _facts_table, _p, _styles, address_block, other_outcome, who_rows
from desktop.report.pages import PageFurniture, render
from desktop.report.texts import format_date, looks_swedish, texts

KINDS = ("refusal", "extension", "outcome")


@dataclass(frozen=True)
class LetterDocument:
    kind: str  # refusal, extension, outcome
    organisation: Organisation
    case_number: str
    subject_name: str
    received_on: date
    written_on: date
    decided_by: str  # the staff member's display name
    requests: tuple[str, ...]
    language: str = "sv"
    reason: str = ""  # the refusal's or the extension's reasons, as staff wrote them
    deadline: date | None = None  # the deadline in force (the new one, for an extension)
    notes: tuple[RequestNote, ...] = ()  # the outcome letter: each request besides access
    addressee: Addressee | None = None  # the representative where one acts; the address where posted
    representation: Representation | None = None


def build_letter(letter: LetterDocument) -> tuple[bytes, int]:
    if letter.kind not in KINDS:
        raise ValueError(f"no letter of kind {letter.kind!r}")
    t = texts(letter.language)
    styles = _styles()
    language = letter.language
    organisation = letter.organisation
    story: list[Flowable] = [
        *address_block(letter.addressee, t, styles),
        _p(organisation.name, styles["subtitle"]),
        _p(t[f"letter_{letter.kind}_title"], styles["title"]),
        Spacer(1, 3 * mm),
        _facts_table(
            [
                *(
                    [(t["letter_to"], letter.addressee.name)]
                    if letter.addressee is not None and letter.addressee.for_name
                    else []
                ),  # a representative acts for the visitor: the letter is theirs
                *who_rows(t, language, letter.subject_name, None, False, letter.representation, name_label="name"),
                (t["case_number"], letter.case_number),
                (t["received"], format_date(letter.received_on, language)),
                (t["asked"], "\n".join(t[f"request_{r}"] for r in letter.requests)),
                (t["letter_date"], format_date(letter.written_on, language)),
                (t["letter_decided_by"], ", ".join(n for n in (letter.decided_by, organisation.name) if n)),
            ],
            styles,
        ),
        Spacer(1, 3 * mm),
    ]
    promised = format_date(letter.deadline, language) if letter.deadline else ""
    # Staff write the reasons; an English letter says when they are in Swedish.
    reasons = t["letter_reasons_swedish" if looks_swedish(letter.reason) else "letter_reasons"]
    if letter.kind == "refusal":
        story += [
            _p(t["letter_refusal_intro"], styles["body"]),
            _p(reasons, styles["h2"]),
            _p(letter.reason, styles["body"]),
        ]
    elif letter.kind == "extension":
        story += [
            _p(t["letter_extension_intro"].format(date=promised), styles["body"]),
            _p(reasons, styles["h2"]),
            _p(letter.reason, styles["body"]),
            _p(t["letter_extension_after"], styles["body"]),
        ]
    else:
        story.append(_p(t["letter_outcome_intro"], styles["body"]))
        for note in letter.notes:
            facts = [(t["other_asked"], note.details)] if note.details else []
            facts.append((t["other_done"], other_outcome(note, t, language, promised)))
            story += [_p(t[f"request_{note.type}"], styles["h2"]), _facts_table(facts, styles)]
    story += [
        _p(t["letter_remedies"], styles["h2"]),
        _p(t["letter_imy"], styles["body"]),
        _p(t["letter_appeal" if organisation.public_authority else "letter_court"], styles["body"]),
        _p(t["contact_heading"], styles["h2"]),
        _p(t["letter_contact"], styles["body"]),
        _p("\n".join([organisation.visiting_address, organisation.privacy_contact]), styles["body"]),
    ]
    furniture = PageFurniture(
        left_header=organisation.name,
        right_header=t["case"].format(number=letter.case_number),
        marking=t["confidential"],
        page_text=t["page"],
    )
    return render(
        story,
        furniture,
        title=f"{t[f'letter_{letter.kind}_title']} {letter.case_number}",
        author=organisation.name,
        produced_at=datetime.combine(letter.written_on, time(12, 0), tzinfo=UTC),
    )
