from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from desktop.core.extract import SourceStatus, Strength
from desktop.sources.engine import SourceSet, gather

from .helpers import ANNA, crm_database, crm_source, make_config

CHAT_ROWS = [
    [
        "2025-01-02",
        "10:00",
        "anna@example.com",
        "Anna Åström",
        "Hej, min faktura är för hög; kan ni titta?",
    ],
    ["2025-01-02", "10:01", "anna@example.com", "Petra Lindahl", "Självklart!\nJag tittar nu."],
    ["2025-01-03", "11:00", "bertil@example.com", "Bertil", "Hej"],
]


def chat_source(path: Path, **extra: object) -> dict:
    return {"id": "chat", "name": "Chatt", "kind": "file", "path": str(path), "title": "Chattar",
            "key_columns": {"email": "E-post"}, **extra}  # fmt: skip


def write_csv(path: Path, encoding: str, delimiter: str, bom: bool = False) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["Datum", "Tid", "E-post", "Namn", "Meddelande"])
    writer.writerows(CHAT_ROWS)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


@pytest.fixture
def crm(tmp_path: Path) -> str:
    crm_database(tmp_path / "crm.sqlite", [("K1", ANNA, "Anna Åström", "Anna@Example.com")])
    return f"sqlite:///{tmp_path / 'crm.sqlite'}"


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [("utf-8", ",", False), ("utf-8", ";", True), ("cp1252", ";", False), ("cp1252", "\t", False)],
)
def test_csv_exports_in_the_encodings_swedish_systems_use(
    tmp_path: Path, crm: str, encoding: str, delimiter: str, bom: bool
) -> None:
    path = tmp_path / "chatt.csv"
    write_csv(path, encoding, delimiter, bom)
    config = make_config(tmp_path, [crm_source(crm), chat_source(path)])
    result = gather(SourceSet(config), {"personnummer": ANNA})
    chat = result.sources["chat"]
    assert chat.status is SourceStatus.OK, chat.message
    assert [r.fields["Namn"] for r in chat.records] == ["Anna Åström", "Petra Lindahl"]
    assert chat.records[1].fields["Meddelande"] == "Självklart!\nJag tittar nu."
    assert all(r.strength is Strength.WEAK for r in chat.records)  # e-mail: confirm in review


def test_the_csv_index_follows_changes_to_the_file(tmp_path: Path, crm: str) -> None:
    path = tmp_path / "chatt.csv"
    write_csv(path, "utf-8", ",")
    sources = SourceSet(make_config(tmp_path, [crm_source(crm), chat_source(path)]))
    assert gather(sources, {"personnummer": ANNA}).sources["chat"].record_count == 2
    CHAT_ROWS.append(["2025-02-01", "09:00", "ANNA@example.com", "Anna Åström", "En till"])
    try:
        write_csv(path, "utf-8", ",")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        assert gather(sources, {"personnummer": ANNA}).sources["chat"].record_count == 3
    finally:
        CHAT_ROWS.pop()
    sources.close()


def test_xlsx_export_by_personnummer(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Bokningsnr", "Personnummer", "Namn", "Tid"])
    sheet.append(["B1", ANNA, "Anna Åström", datetime(2025, 3, 1, 10, 0)])
    sheet.append(["B2", "19640823-3234", "Bertil", datetime(2025, 3, 2, 10, 0)])
    sheet.append(["B3", ANNA.replace("-", ""), "Anna Åström", datetime(2025, 4, 1, 10, 0)])
    workbook.save(tmp_path / "bokningar.xlsx")
    source = {"id": "book", "name": "Bokningar", "kind": "file", "path": "bokningar.xlsx",
              "title": "Bokningar", "key_columns": {"personnummer": "Personnummer"}}  # fmt: skip
    result = gather(SourceSet(make_config(tmp_path, [source])), {"personnummer": ANNA})
    book = result.sources["book"]
    assert book.status is SourceStatus.OK
    assert [r.fields["Bokningsnr"] for r in book.records] == ["B1", "B3"]
    assert book.records[0].fields["Tid"] == datetime(2025, 3, 1, 10, 0)
    assert book.records[0].strength is Strength.STRONG


def test_the_xlsx_key_index_skips_visitors_not_in_the_export_and_follows_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import python_calamine
    from openpyxl import Workbook

    def write(rows: list[list[object]]) -> None:
        workbook = Workbook()
        workbook.active.append(["Bokningsnr", "Personnummer"])
        for row in rows:
            workbook.active.append(row)
        workbook.save(tmp_path / "bokningar.xlsx")

    write([["B1", "19640823-3234"]])
    source = {"id": "book", "name": "Bokningar", "kind": "file", "path": "bokningar.xlsx",
              "title": "Bokningar", "key_columns": {"personnummer": "Personnummer"}}  # fmt: skip
    sources = SourceSet(make_config(tmp_path, [source]))
    opened: list[str] = []
    real_open = python_calamine.CalamineWorkbook.from_path
    monkeypatch.setattr(
        python_calamine.CalamineWorkbook, "from_path", lambda path: opened.append(path) or real_open(path)
    )
    assert gather(sources, {"personnummer": ANNA}).sources["book"].status is SourceStatus.NOTHING
    assert len(opened) == 1  # the index was built; the sheet was not read again for Anna
    assert gather(sources, {"personnummer": ANNA}).sources["book"].status is SourceStatus.NOTHING
    assert len(opened) == 1  # nor the second time
    write([["B1", "19640823-3234"], ["B2", ANNA]])
    stat = (tmp_path / "bokningar.xlsx").stat()
    os.utime(tmp_path / "bokningar.xlsx", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    found = gather(sources, {"personnummer": ANNA}).sources["book"]
    assert [r.fields["Bokningsnr"] for r in found.records] == ["B2"]
    assert len(opened) == 3  # the index again, then the sheet for Anna's row
    sources.close()


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (None, {}, "the export file does not exist"),
        (b"Datum,Tid\n2025-01-01,10:00\n", {}, "the export has no column 'E-post'"),
        (b"", {}, "the export file is empty"),
        (b"\x00\x01garbage", {"format": "xlsx"}, "not a readable XLSX workbook"),
    ],
)
def test_broken_exports_fail_with_a_reason(
    tmp_path: Path, crm: str, content: bytes | None, extra: dict, message: str
) -> None:
    path = tmp_path / "export.csv"
    if content is not None:
        path.write_bytes(content)
    config = make_config(tmp_path, [crm_source(crm), chat_source(path, **extra)])
    result = gather(SourceSet(config), {"personnummer": ANNA})
    assert result.sources["chat"].status is SourceStatus.FAILED
    assert message in result.sources["chat"].message
    assert result.sources["crm"].status is SourceStatus.OK
