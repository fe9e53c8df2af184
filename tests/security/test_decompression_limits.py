"""Limits that hold on what is unpacked and read, not only on the file's size: an XLSX zip bomb
(2 MB on disk, 2 million rows) fails the source before calamine loads it; a 300 MB CSV line is
refused after 1 MB; a reader stops when the gather gives up on the source. Memory is measured
in a child process (its peak resident size), so the figure is the reader's own."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from desktop.sources.base import SourceFailure
from desktop.sources.files import FileConnector
from tests.integration.sources.helpers import ANNA, make_config

MEMORY_LIMIT_MB = 200

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Bokningar" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def xlsx_bomb(path: Path, rows: int) -> None:
    """A real workbook (calamine reads it) whose one sheet has `rows` identical rows after a header."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Personnummer</t></is></c></row>')  # fmt: skip
            row = b'<row><c t="inlineStr"><is><t>19640823-3234</t></is></c></row>'
            block = row * 10_000
            for _ in range(rows // 10_000):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")


def _source(path: Path) -> dict[str, object]:
    return {"id": "export", "name": "Export", "kind": "file", "path": str(path), "title": "Rader",
            "key_columns": {"personnummer": "Personnummer"}}  # fmt: skip


CHILD = """
import json, resource, sys, threading
from pathlib import Path
from desktop.sources.base import SourceFailure
from desktop.sources.files import FileConnector
from tests.integration.sources.helpers import make_config
config = make_config(Path(sys.argv[1]), [json.loads(sys.argv[3])])
connector = FileConnector(config.sources[0], max_rows=100)
step = connector.steps()[0]
try:
    connector.run(step, {"personnummer": sys.argv[2]}, threading.Event())
    said = "read"
except SourceFailure as exc:
    said = str(exc)
# VmHWM is this process's own peak (ru_maxrss keeps the forking pytest's peak across exec on Linux).
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")]
peak = int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"said": said, "peak_mb": peak}))
"""


def _in_child(tmp_path: Path, source: dict[str, object]) -> dict[str, object]:
    root = Path(__file__).parents[2]
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), ANNA, json.dumps(source)], capture_output=True,
                          text=True, timeout=300, cwd=root)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_an_xlsx_zip_bomb_fails_before_it_is_loaded(tmp_path: Path) -> None:
    bomb = tmp_path / "bokningar.xlsx"
    xlsx_bomb(bomb, 2_000_000)
    assert bomb.stat().st_size < 3_000_000  # small on disk: max_file_mb alone lets it through
    started = time.monotonic()
    result = _in_child(tmp_path, _source(bomb))
    assert "more than 1000000 rows" in str(result["said"]) or "unpacks to more than" in str(result["said"])
    assert float(result["peak_mb"]) < MEMORY_LIMIT_MB, result  # calamine took 487 MB for it
    print(f"xlsx bomb: refused in {time.monotonic() - started:.1f} s, peak {float(result['peak_mb']):.0f} MB")


def test_the_unpacked_size_is_limited_too(tmp_path: Path) -> None:
    bomb = tmp_path / "bokningar.xlsx"
    xlsx_bomb(bomb, 200_000)  # 13 MB unpacked, few rows
    result = _in_child(tmp_path, {**_source(bomb), "max_unpacked_mb": 5})
    assert "unpacks to more than 5 MB" in str(result["said"])


def test_an_ordinary_workbook_under_the_limits_still_reads(tmp_path: Path) -> None:
    book = tmp_path / "bokningar.xlsx"
    xlsx_bomb(book, 20_000)
    result = _in_child(tmp_path, _source(book))
    assert result["said"] == "read"  # the visitor is not in it: nothing found, nothing failed


def test_a_300_mb_csv_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    export = tmp_path / "chatt.csv"
    with export.open("wb") as handle:
        handle.write(b"Personnummer;Meddelande\n19640823-3234;")
        chunk = b"x" * (1 << 20)
        for _ in range(300):
            handle.write(chunk)
        handle.write(b"\n")
    result = _in_child(tmp_path, _source(export))
    assert "a line longer than 1024 KB" in str(result["said"])
    assert float(result["peak_mb"]) < MEMORY_LIMIT_MB, result  # was 789 MB


def test_the_reader_stops_when_the_gather_gives_up_on_the_source(tmp_path: Path) -> None:
    export = tmp_path / "chatt.csv"
    with export.open("w", encoding="utf-8") as handle:
        handle.write("Personnummer;Meddelande\n")
        line = "19640823-3234;Hej, jag undrar över min faktura\n"
        for _ in range(40):
            handle.write(line * 50_000)
    config = make_config(tmp_path, [_source(export)])
    connector = FileConnector(config.sources[0], max_rows=100)  # type: ignore[arg-type]
    outcome: list[object] = []

    def read() -> None:
        started = time.monotonic()
        try:
            connector.run(connector.steps()[0], {"personnummer": ANNA}, threading.Event())
            outcome.append("read")
        except SourceFailure as exc:
            outcome.append(str(exc))
        outcome.append(time.monotonic() - started)

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(0.3)
    interrupted = time.monotonic()
    connector.interrupt()  # what the engine does when the source's time is up
    reader.join(timeout=60)
    assert outcome and "stopped" in str(outcome[0]), outcome
    assert time.monotonic() - interrupted < 1.0


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_limits_are_in_the_configuration_reference(kind: str) -> None:
    from desktop.config import FileSource

    fields = FileSource.model_fields
    assert {"max_unpacked_mb", "max_file_rows", "max_line_kb"} <= set(fields)
