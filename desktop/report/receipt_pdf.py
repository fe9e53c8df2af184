"""The receipt (kvitto) the visitor gets when the case is opened: one page, plain language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.core.extract import Organisation, Representation
from desktop.report.extract_pdf import _facts_table, _p, _styles, who_rows
from desktop.report.pages import PageFurniture, render
from desktop.report.texts import DOCUMENT_NAMES, format_date, representative_words, texts


@dataclass(frozen=True)
class ReceiptDocument:
    organisation: Organisation
    case_number: str
    subject_name: str
    received_at: datetime
    deadline: date
    requests: tuple[str, ...]
    document_type: str
    checked_by: str  # the staff member's display name
    extended_deadline: date | None = None
    extension_reason: str | None = None
    language: str = "sv"
    details: tuple[tuple[str, str], ...] = ()  # (request type, what the visitor said), as registered
    representation: Representation | None = None  # the representative's document is the one checked
    effective: tuple[tuple[str, date], ...] = ()  # requests in force from the day received (type, day)


def build_receipt(receipt: ReceiptDocument) -> tuple[bytes, int]:
    t = texts(receipt.language)
    styles = _styles()
    language = receipt.language
    deadline = receipt.extended_deadline or receipt.deadline
    local = receipt.received_at.astimezone(_stockholm())
    story: list[Flowable] = [
        _p(receipt.organisation.name, styles["subtitle"]),
        _p(t["receipt_title"], styles["title"]),
        Spacer(1, 3 * mm),
        _p(t["receipt_intro"], styles["body"]),
        Spacer(1, 2 * mm),
        _facts_table(
            [
                (t["case_number"], receipt.case_number),
                # The receipt leaves the personnummer out: it is carried around and may be lost.
                *who_rows(t, language, receipt.subject_name, None, False, receipt.representation, "name"),
                (t["received"], format_date(local.replace(tzinfo=None), language)),
                (t["asked"], "\n".join(t[f"request_{r}"] for r in receipt.requests)),
                # What staff wrote down, so that the visitor can check it before leaving the desk.
                *((t[f"request_{kind}"], text) for kind, text in receipt.details),
                (t["deadline"], format_date(deadline, language)),
            ],
            styles,
        ),
        Spacer(1, 3 * mm),
    ]
    if receipt.extended_deadline and receipt.extension_reason:
        story.append(
            _p(
                t["extension_note"].format(date=format_date(deadline, language), reason=receipt.extension_reason),
                styles["body"],
            )
        )
    for kind, day in receipt.effective:  # a consent withdrawal, a marketing stop: in force today
        story.append(_p(t[f"receipt_effective_{kind}"].format(date=format_date(day, language)), styles["body"]))
    story += [
        _p(t["receipt_how_postal" if receipt.document_type == "postal-answer" else "receipt_how"], styles["body"]),
        _p(
            t["verified_postal"]
            if receipt.document_type == "postal-answer"
            else t["verified_represented" if receipt.representation else "verified"].format(
                document=DOCUMENT_NAMES[language].get(receipt.document_type, receipt.document_type),
                staff=receipt.checked_by,
                date=format_date(local.date(), language),
                **(representative_words(t, receipt.representation.mandate) if receipt.representation else {}),
            ),
            styles["small"],
        ),
        Spacer(1, 4 * mm),
        _p(t["contact_heading"], styles["h2"]),
        _p(t["contact"], styles["body"]),
        _p(
            "\n".join([receipt.organisation.visiting_address, receipt.organisation.privacy_contact]),
            styles["body"],
        ),
        _p(t["complaint"], styles["small"]),
    ]
    furniture = PageFurniture(
        left_header=receipt.organisation.name,
        right_header=t["case"].format(number=receipt.case_number),
        marking=t["confidential"],
        page_text=t["page"],
    )
    return render(
        story,
        furniture,
        title=f"{t['receipt_title']} {receipt.case_number}",
        author=receipt.organisation.name,
        produced_at=receipt.received_at.astimezone(UTC),
    )


def _stockholm() -> ZoneInfo:
    from desktop.core.clock import LOCAL_ZONE

    return LOCAL_ZONE
