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
import zipfile
from typing import Any

from desktop.core.extract import REDACTED, ExtractDocument

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed: the same extract gives the same archive


def json_value(value: Any) -> Any:
    """A field's value as JSON and CSV carry it: dates in ISO form, masked values marked."""
    if value is REDACTED:
        return "[maskerat]"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def extract_json(document: ExtractDocument) -> dict[str, Any]:
    organisation = document.organisation
    return {
        "format": "insyn-extract/1",
        "organisation": {
            "name": organisation.name,
            "org_number": organisation.org_number,
            "visiting_address": organisation.visiting_address,
            "privacy_contact": organisation.privacy_contact,
            "dpo": organisation.dpo,
        },
        "case": {
            "number": document.case_number,
            "received": document.received_on.isoformat(),
            "produced": document.produced_on.isoformat(),
            "deadline": document.deadline.isoformat(),
            "extended_deadline": document.extended_deadline.isoformat() if document.extended_deadline else None,
            "requests": list(document.requests),
            "other_requests": [
                {"type": note.type, "details": note.details, "outcome": note.outcome}
                for note in document.other_requests
            ],
        },
        "subject": {"name": document.subject_name, "personnummer": document.subject_personnummer},
        "sources": [
            {
                "id": section.source_id,
                "name": section.name,
                "status": section.status.value,
                "art15": {
                    "purpose": section.art15.purpose,
                    "legal_basis": section.art15.legal_basis,
                    "categories": list(section.art15.categories),
                    "recipients": list(section.art15.recipients),
                    "retention": section.art15.retention,
                    "origin": section.art15.origin,
                    "transfers": [
                        {"country": t.country, "recipient": t.recipient, "safeguard": t.safeguard}
                        for t in section.art15.transfers
                    ],
                    "automated_decisions": section.art15.automated_decisions,
                },
                "manual": None
                if section.manual_found is None
                else {"found": section.manual_found, "note": section.manual_note},
                "categories": [
                    {
                        "title": c.title,
                        "rows": [{k: json_value(v) for k, v in row.items()} for row in c.rows],
                    }
                    for c in section.categories
                ],
            }
            for section in document.sources
        ],
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell Excel or LibreOffice would run as a formula (=, +, -, @, tab, CR first) gets a
    leading apostrophe, as OWASP describes; a plain number stays a number. extract.json keeps
    the exact value."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
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
    files: dict[str, bytes] = {
        "extract.json": json.dumps(extract_json(document), ensure_ascii=False, indent=2).encode("utf-8")
    }
    taken: set[str] = set()
    for section in document.sources:
        for category in section.categories:
            if not category.rows:
                continue
            columns = list(dict.fromkeys(key for row in category.rows for key in row))
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=";")
            writer.writerow([spreadsheet_safe(c) for c in columns])
            for row in category.rows:
                cells = ("" if row.get(c) is None else json_value(row.get(c)) for c in columns)
                writer.writerow([spreadsheet_safe(cell) for cell in cells])
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
