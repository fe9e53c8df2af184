"""The machine-readable copy (Art. 15.3 and Art. 20): a ZIP made in memory.

`extract.json` holds everything the printed extract says; there is one CSV per table (UTF-8 with
BOM, so that Excel opens å, ä and ö correctly); `manifest.json` lists every file with its
SHA-256. Nothing is written to disk but the finished archive, by the caller.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import secrets
import zipfile
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from desktop.core.extract import REDACTED, Art15, ExtractDocument
from desktop.report.extract_pdf import document_texts, result_text
from desktop.report.texts import format_number

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same extract gives the same archive


def json_value(value: Any) -> Any:
    """A field's value as extract.json keeps it: exactly as the source gave it. Numbers stay
    numbers (a decimal that a JSON number cannot hold exactly becomes its exact text), text
    stays text, dates in ISO form, masked values marked."""
    if value is REDACTED:
        return "[maskerat]"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and abs(value) < 10**15:
            return int(value)
        as_float = float(value)
        return as_float if Decimal(repr(as_float)) == value else str(value)
    return value


_LONG_DIGITS = re.compile(r"[+-]?\d{16,}")
_NUMBER_START = frozenset("+-0123456789")


def csv_value(value: Any, language: str) -> Any:
    """A cell as the CSV carries it, in the conventions of the extract's language: a decimal
    comma in Swedish; identifiers longer than 15 digits kept as text (a spreadsheet would round
    them to 15 significant digits); formulas neutralised."""
    if value is None:
        return ""
    if type(value) is str:  # the most common kind first
        if value[:1] not in _NUMBER_START and not value[:1].isspace():
            return spreadsheet_safe(value)  # it cannot be a long number, only a formula
        text = value
    elif value is REDACTED:
        return "[maskerat]" if language == "sv" else "[masked]"
    elif isinstance(value, bool):
        return ("ja" if value else "nej") if language == "sv" else ("yes" if value else "no")
    elif isinstance(value, int | float | Decimal):
        text = format_number(value, language)
    elif isinstance(value, dt.datetime | dt.date | dt.time):
        text = value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    else:
        text = str(value)
    if _LONG_DIGITS.fullmatch(text):
        return "'" + text
    return spreadsheet_safe(text)


def _facts(info: Art15) -> dict[str, Any]:
    return {
        "purpose": info.purpose,
        "legal_basis": info.legal_basis,
        "categories": None if info.categories is None else list(info.categories),
        "recipients": None if info.recipients is None else list(info.recipients),
        "retention": info.retention,
        "origin": info.origin,
        "from_visitor": info.from_visitor,
        "transfers": None
        if info.transfers is None
        else [
            {"country": t.country, "recipient": t.recipient, "ground": t.ground, "mechanism": t.mechanism}
            for t in info.transfers
        ],
        # false: none; a text: what is done; null: said per category
        "automated_decisions": info.automated_decisions,
    }


def _json_default(value: Any) -> Any:
    """What json cannot write itself, as `json_value` writes it (the encoder asks only for those)."""
    converted = json_value(value)
    if converted is value:
        raise TypeError(f"{type(value).__name__} is not a value extract.json keeps")
    return converted


# Rows are written by json's C encoder (it serves only unindented output), one row per line.
_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_json_default)


def _rows_json(skeleton: str, tokens: dict[str, list[dict[str, Any]]]) -> str:
    """extract.json's text: the indented skeleton with each table's rows put in, one per line."""
    for token, rows in tokens.items():
        marker = json.dumps(token)
        at = skeleton.index(marker)
        pad = " " * (at - skeleton.rindex("\n", 0, at) - 1 - len('"rows": '))
        lines = ",\n".join(f"{pad}  {_ROW_ENCODER.encode(row)}" for row in rows)
        skeleton = skeleton.replace(marker, f"[\n{lines}\n{pad}]" if rows else "[]", 1)
    return skeleton


def extract_json(
    document: ExtractDocument, rows: Callable[[list[dict[str, Any]]], Any] | None = None
) -> dict[str, Any]:
    """Everything the printed extract says, as data. `rows` turns each table's rows into what
    the document holds for them (by default the rows themselves, each value by `json_value`)."""
    rows = rows or (lambda table: [{k: json_value(v) for k, v in row.items()} for row in table])
    organisation = document.organisation
    t = document_texts(document)
    return {
        "format": "insyn-extract/1",
        "organisation": {
            "name": organisation.name,
            "org_number": organisation.org_number,
            "visiting_address": organisation.visiting_address,
            "privacy_contact": organisation.privacy_contact,
            "dpo": organisation.dpo,
            "public_body": organisation.public_body,
        },
        "language": document.language,
        "case": {
            "number": document.case_number,
            "received": document.received_on.isoformat(),
            "produced": document.produced_on.isoformat(),
            "deadline": document.deadline.isoformat(),
            "extended_deadline": document.extended_deadline.isoformat() if document.extended_deadline else None,
            "requests": list(document.requests),
            # A supplementary extract: the day the first extract, which this completes, was handed over.
            "supplement_of": document.supplement_of.isoformat() if document.supplement_of else None,
            "other_requests": [
                {
                    "type": note.type,
                    "details": note.details,
                    "outcome": note.outcome,
                    "effective_on": note.effective_on.isoformat() if note.effective_on else None,
                    "done": [
                        {
                            "system": d.system,
                            "what": d.title,
                            "count": None if d.manual else d.count,
                            "effect": d.effect or None,  # erase, pseudonymise, restrict, rectify, change, add
                            "kept": d.kept,
                            "remaining": d.remaining,  # left after an erasure, under no hold: still owed
                            "pending": d.pending,  # failed, not carried out since: still owed
                            "ground": d.ground or None,
                            "until": d.until or None,
                        }
                        for d in note.deeds
                    ],
                    "recipients_told": list(note.recipients_told),
                }
                for note in document.other_requests
            ],
        },
        "subject": {
            "name": document.subject_name,
            "personnummer": document.subject_personnummer,
            "coordination_number": document.subject_is_coordination_number,
            "representative": None
            if document.representation is None
            else {
                "name": document.representation.name,
                "mandate": document.representation.mandate,
                "dated": document.representation.dated.isoformat() if document.representation.dated else None,
                **({"scope": document.representation.scope} if document.representation.scope else {}),
            },
        },
        **(
            {"unlinkable": [{"name": u.name, "what": u.what, "give": u.give} for u in document.unlinkable]}
            if document.unlinkable
            else {}
        ),  # Art. 11.2: held, but not linkable to the visitor
        "sources": [
            {
                "id": section.source_id,
                "name": section.name,
                "status": section.status.value,
                "result": result_text(section, document, t),
                "searched_by": list(section.searched_by),
                "not_searched_by": list(section.not_searched_by),
                "unconfirmed_left_out": section.unconfirmed,
                **({"withheld": dict(section.withheld)} if section.withheld else {}),  # by law: ground → count
                "more_pages_than": section.page_limit or None,
                "more_rows_than": section.row_limit or None,
                "art15": _facts(section.art15),
                "manual": None
                if section.manual_found is None
                else {"found": section.manual_found, "note": section.manual_note},
                "categories": [
                    {
                        "title": c.title,
                        # The facts as they hold for this category: the system's, refined by its own.
                        "art15": _facts(section.art15.overridden_by(c.art15)),
                        "rows": rows(c.rows),
                    }
                    for c in section.categories
                ],
            }
            for section in document.sources
        ],
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")  # full-width forms too


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell Excel or LibreOffice would run as a formula (=, +, -, @, tab, CR first) gets a
    leading apostrophe, as OWASP describes; a plain number stays a number. extract.json keeps
    the exact value."""
    # Spreadsheets skip leading spaces (and some no-break ones) before they look for a formula.
    if (
        isinstance(value, str)
        and value.lstrip(" \u00a0\u3000").startswith(_FORMULA_START)
        and not (_PLAIN_NUMBER.fullmatch(value.strip()))
    ):
        return "'" + value
    return value


def _csv_name(source_id: str, title: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower().translate(str.maketrans("åäöé", "aaoe"))).strip("-")
    name = f"tables/{source_id}-{slug or 'data'}.csv"
    n = 2
    while name in taken:
        name = f"tables/{source_id}-{slug}-{n}.csv"
        n += 1
    taken.add(name)
    return name


def build_package(document: ExtractDocument) -> bytes:
    tokens: dict[str, list[dict[str, Any]]] = {}
    secret = secrets.token_hex(8)  # no value from a source can be mistaken for where rows go

    def placeholder(table: list[dict[str, Any]]) -> str:
        token = f"rows:{secret}:{len(tokens)}"
        tokens[token] = table
        return token

    skeleton = json.dumps(extract_json(document, placeholder), ensure_ascii=False, indent=2)
    files: dict[str, bytes] = {"extract.json": _rows_json(skeleton, tokens).encode("utf-8")}
    taken: set[str] = set()
    for section in document.sources:
        for category in section.categories:
            if not category.rows:
                continue
            columns = list(dict.fromkeys(key for row in category.rows for key in row))
            buffer = io.StringIO()
            # The separator a spreadsheet expects in the language's locale: ; where , is the decimal sign.
            writer = csv.writer(buffer, delimiter=";" if document.language == "sv" else ",")
            writer.writerow([spreadsheet_safe(c) for c in columns])
            for row in category.rows:
                writer.writerow([csv_value(row.get(c), document.language) for c in columns])
            files[_csv_name(section.source_id, category.title, taken)] = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    manifest = {
        "case": document.case_number,
        "files": [
            {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in files.items()
        ],
    }
    files["manifest.json"] = json.dumps(manifest, indent=2).encode("utf-8")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return archive.getvalue()
