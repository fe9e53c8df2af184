"""File sources that lie or hang: a quote left open, a personnummer as a number, in ten digits or
inside a sentence, a UTF-8 file with one bad byte, a FIFO or a device instead of a file, and a
configuration nested too deeply."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from desktop.config import ConfigError, load_config
from desktop.core.extract import SourceStatus, Strength
from desktop.sources.engine import SourceSet, gather
from tests.integration.sources.helpers import ANNA, make_config

HEADER = "Datum;Tid;E-post;Personnummer;Meddelande\n"


def people_source(path: Path, **extra: object) -> dict:  # type: ignore[type-arg]
    return {"id": "export", "name": "Export", "kind": "file", "path": str(path), "title": "Rader",
            "key_columns": {"personnummer": "Personnummer", "email": "E-post"}, **extra}  # fmt: skip


def gathered(tmp_path: Path, source: dict, identifiers: dict[str, str] | None = None):  # type: ignore[no-untyped-def,type-arg]
    config = make_config(tmp_path, [source])
    return gather(SourceSet(config), identifiers or {"personnummer": ANNA}).sources["export"]


def test_an_unbalanced_quote_fails_the_source_instead_of_merging_rows(tmp_path: Path) -> None:
    path = tmp_path / "chatt.csv"
    path.write_text(
        HEADER
        + '2025-01-02;10:00;mallory@example.com;19640823-3234;"hej och välkommen\n'  # the quote is never closed
        + f"2025-01-02;10:01;anna@example.com;{ANNA};Mitt kundnummer är 4711\n"
        + '2025-01-02;10:02;anna@example.com;19811218-9876;"Ett citat: ""så"" sa hon"\n',
        encoding="utf-8",
    )
    result = gathered(tmp_path, people_source(path), {"personnummer": "19640823-3234"})
    assert result.status is SourceStatus.FAILED
    assert "a quote is not closed (line 2)" in result.message or "not readable CSV (line" in result.message
    assert result.records == []


def test_a_quoted_message_over_several_lines_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "chatt.csv"
    path.write_text(HEADER + f'2025-01-02;10:01;anna@example.com;{ANNA};"Rad ett\nrad två; med semikolon"\n',
                    encoding="utf-8")  # fmt: skip
    result = gathered(tmp_path, people_source(path))
    assert (
        result.status is SourceStatus.OK and result.records[0].fields["Meddelande"] == "Rad ett\nrad två; med semikolon"
    )


def test_the_personnummer_matches_in_every_form_a_whole_cell_holds(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    forms = ["19811218-9876", "198112189876", "811218-9876", "8112189876", "811218 9876", "19811218 9876"]
    noise = ["Ref 1981-12-18-9876 note", "kund 198112189876", "19811218-98765"]
    path.write_text(HEADER + "".join(f"2025-01-0{n};10:00;x@example.com;{v};rad {n}\n"
                                     for n, v in enumerate(forms + noise)), encoding="utf-8")  # fmt: skip
    result = gathered(tmp_path, people_source(path))
    assert result.status is SourceStatus.OK, result.message
    assert sorted(r.fields["Meddelande"] for r in result.records) == [f"rad {n}" for n in range(len(forms))]
    assert all(r.strength is Strength.STRONG for r in result.records)


def test_a_personnummer_stored_as_a_number_in_xlsx_matches(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Datum", "Tid", "E-post", "Personnummer", "Meddelande"])
    sheet.append(["2025-01-02", "10:00", "x@example.com", 198112189876, "som tal"])
    sheet.append(["2025-01-02", "10:00", "x@example.com", "19811218-9876", "som text"])
    workbook.save(tmp_path / "export.xlsx")
    result = gathered(tmp_path, people_source(tmp_path / "export.xlsx"))
    assert sorted(r.fields["Meddelande"] for r in result.records) == ["som tal", "som text"]


def test_one_bad_byte_fails_a_utf8_file_instead_of_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    good = (HEADER + f"2025-01-02;10:00;a@example.com;{ANNA};Hälsningar från Åsa\n").encode("utf-8")
    before = b"2025-01-03;10:00;b@example.com;19640823-3234;trasig "
    path.write_bytes(good + before + b"\xff byte\n")
    result = gathered(tmp_path, people_source(path))
    assert result.status is SourceStatus.FAILED
    position = len(good) + len(before)
    assert result.message == f"the export is UTF-8 with an invalid byte at {position}: ask for a new export"
    path.write_bytes((HEADER + f"2025-01-02;10:00;a@example.com;{ANNA};Hälsningar från Åsa\n").encode("cp1252"))
    result = gathered(tmp_path, people_source(path))
    assert result.records[0].fields["Meddelande"] == "Hälsningar från Åsa"  # a real cp1252 export still reads
    result = gathered(tmp_path, people_source(path, encoding="utf-8"))
    assert result.status is SourceStatus.FAILED and "is not utf-8 (byte" in result.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_or_a_device_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        done: list[object] = []
        worker = threading.Thread(
            target=lambda p=path, out=done: out.append(gathered(tmp_path, people_source(p, format="csv")))
        )
        worker.start()
        worker.join(timeout=20)
        assert done, f"{path} hung the gather"
        assert done[0].status is SourceStatus.FAILED and done[0].message == "the export is not a regular file"


def test_a_configuration_nested_too_deeply_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(path)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config(tmp_path)
