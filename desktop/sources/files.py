"""File sources: CSV and XLSX exports with declared key columns.

CSV files are read in UTF-8 (with or without BOM) or, when that fails, Windows-1252 as Swedish
systems export it; the delimiter is sniffed unless declared. A large CSV export is indexed once
per version of the file (its size and modification time): the index maps a keyed hash of each
key value to the byte offsets of its rows, so later searches read only those rows and the index
itself holds no readable personal data.

An XLSX workbook cannot be read from an offset, so its index only says which keyed hashes occur
in its key columns: a visitor who is not in the export (most of them) costs a set lookup instead
of parsing the sheet; one who is gets the sheet read as before.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import os
import re
import secrets
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import Any, BinaryIO

from desktop.config import FileSource
from desktop.sources.base import Notify, SourceFailure, Step, StepOutput, match_key, plain_value

_SALT = secrets.token_bytes(16)  # per process: the index cannot be compared across runs
_SNIFF_BYTES = 64 * 1024
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")  # å, ä, ö … as UTF-8 writes them


def _digest(value: str) -> bytes:
    return hashlib.blake2b(value.encode("utf-8"), key=_SALT, digest_size=16).digest()


@dataclass
class _CsvIndex:
    version: tuple[int, int]
    encoding: str
    dialect: type[csv.Dialect]
    header: list[str]
    data_start: int
    offsets: dict[str, dict[bytes, list[int]]] = field(default_factory=dict)


@dataclass
class _XlsxIndex:
    version: tuple[int, int]
    keys: dict[str, set[bytes]]  # identifier kind → keyed hashes of the values in its column


def _guess_delimiter(sample: str) -> str:
    """The delimiter of an export: the candidate the header line uses most, else the sniffer's.

    Headers seldom contain the delimiter as text, while message bodies often contain commas
    and semicolons, which is what confuses csv.Sniffer on chat exports.
    """
    header = sample.splitlines()[0] if sample else ""
    counts = {d: header.count(d) for d in (";", ",", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] and list(counts.values()).count(counts[best]) == 1:
        return best
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>]")  # <row r="1">, <row>, <x:row …>; not <rowBreaks>
_CHECK_EVERY = 1000  # rows between looks at the cancel and stop signals


class _LineReader:
    """Decoded lines of a binary file, remembering where each row began. A line is read up to
    `max_line` bytes at the most (a 300 MB line is refused, not read whole), and reading stops
    when `stopped()` says the gather gave up on the source (timed out or cancelled)."""

    def __init__(self, handle: BinaryIO, encoding: str, start: int, *, max_line: int = 1 << 20,
                 stopped: Callable[[], bool] = lambda: False) -> None:  # fmt: skip
        self.handle = handle
        self.encoding = encoding
        self.position = start
        self.row_starts: list[int] = []
        self.max_line = max_line
        self.stopped = stopped
        handle.seek(start)

    def __iter__(self) -> Iterator[str]:
        count = 0
        while raw := self.handle.readline(self.max_line + 1):
            if len(raw) > self.max_line:
                limit = self.max_line // 1024
                raise SourceFailure(f"the export has a line longer than {limit} KB: check `max_line_kb`")
            count += 1
            if count % _CHECK_EVERY == 0 and self.stopped():
                raise SourceFailure("stopped: the source timed out or the gather was cancelled")
            self.row_starts.append(self.position)
            self.position += len(raw)
            yield raw.decode(self.encoding)


class FileConnector:
    def __init__(self, source: FileSource, *, max_rows: int) -> None:
        self.source = source
        self.source_id = source.id
        self.max_rows = max_rows
        self.path = Path(source.path)
        self._index: _CsvIndex | None = None
        self._xlsx_index: _XlsxIndex | None = None
        self._measured: tuple[int, int] | None = None  # the workbook version found within the limits
        self._lock = threading.Lock()
        self._interrupted = threading.Event()  # set when the gather gives up on this source

    def steps(self) -> list[Step]:
        return [
            Step(
                index=i,
                title=self.source.title,
                parameters=(kind,),
                yields=dict(self.source.yields),
                labels=dict(self.source.labels),
            )
            for i, kind in enumerate(self.source.key_columns)
        ]

    def check(self) -> None:
        self._version()
        if self.source.file_format == "csv":
            self._csv_index()
        else:
            self._xlsx_keys()

    def interrupt(self) -> None:
        self._interrupted.set()  # reading stops within the next thousand rows

    def _stopper(self, cancel: threading.Event) -> Callable[[], bool]:
        return lambda: cancel.is_set() or self._interrupted.is_set()

    def close(self) -> None:
        self._index = None
        self._xlsx_index = None
        self._measured = None

    def _version(self) -> tuple[int, int]:
        """Size and modification time of the export, which must be a regular file within the
        size limit (a FIFO or a device would hang or never end)."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            raise SourceFailure("the export file does not exist") from None
        except OSError as exc:
            raise SourceFailure(f"the export file cannot be read ({exc.strerror})") from None
        if not S_ISREG(stat.st_mode):
            raise SourceFailure("the export is not a regular file")
        if stat.st_size > self.source.max_file_mb * 1_000_000:
            raise SourceFailure(f"the export file is larger than {self.source.max_file_mb:g} MB")
        return stat.st_size, stat.st_mtime_ns

    def run(
        self, step: Step, params: dict[str, str], cancel: threading.Event, notify: Notify | None = None
    ) -> StepOutput:
        self._interrupted.clear()  # a new gather: an earlier timeout no longer applies
        kind = step.parameters[0]
        wanted = match_key(kind, params[kind])
        if wanted is None:
            return StepOutput([])
        if self.source.file_format == "xlsx":
            if _digest(wanted) not in self._xlsx_keys(cancel).get(kind, set()):
                return StepOutput([])
            rows = self._xlsx_rows(kind, wanted, cancel)
        else:
            rows = self._csv_rows(kind, wanted, cancel)
        truncated = len(rows) > self.max_rows
        return StepOutput(rows[: self.max_rows], truncated)

    # CSV ---------------------------------------------------------------------------------

    def _detect_encoding(self) -> str:
        """The configured encoding, which must fit the whole file; else UTF-8 when the whole file
        is UTF-8, Windows-1252 when it holds no UTF-8 at all. A UTF-8 file with a bad byte fails
        the source with the byte's position instead of being read as Windows-1252 mojibake."""
        encoding = self.source.encoding or "utf-8"
        try:
            decoder = codecs.getincrementaldecoder(encoding)()
        except LookupError:
            raise SourceFailure("the configured encoding is unknown") from None
        read = 0
        utf8_seen = False
        with open(self.path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    position = read + exc.start
                    if self.source.encoding:
                        raise SourceFailure(
                            f"the export is not {self.source.encoding} (byte {position}): check `encoding`"
                        ) from None
                    if utf8_seen or _UTF8_SEQUENCE.search(chunk):
                        raise SourceFailure(
                            f"the export is UTF-8 with an invalid byte at {position}: ask for a new export"
                        ) from None
                    return "cp1252"
                utf8_seen = utf8_seen or bool(_UTF8_SEQUENCE.search(chunk))
                read += len(chunk)
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                raise SourceFailure("the export ends inside a character: it was cut short") from None
        return encoding

    def _csv_index(self, cancel: threading.Event | None = None) -> _CsvIndex:
        version = self._version()
        with self._lock:
            if self._index is not None and self._index.version == version:
                return self._index
            self._index = self._build_index(version, self._stopper(cancel or threading.Event()))
            return self._index

    def _build_index(self, version: tuple[int, int], stopped: Callable[[], bool]) -> _CsvIndex:
        encoding = self._detect_encoding()
        with open(self.path, "rb") as handle:
            sample = handle.read(_SNIFF_BYTES)
        bom = len(b"\xef\xbb\xbf") if sample.startswith(b"\xef\xbb\xbf") else 0
        try:
            text_sample = sample[bom:].decode(encoding, errors="ignore")
        except LookupError:
            raise SourceFailure("the configured encoding is unknown") from None
        delimiter = self.source.delimiter or _guess_delimiter(text_sample)

        class _Dialect(csv.excel):
            strict = True  # an unbalanced quote is an error, never rows merged into one

        _Dialect.delimiter = delimiter
        with open(self.path, "rb") as handle:
            lines = _LineReader(handle, encoding, bom, max_line=self.source.max_line_kb * 1024, stopped=stopped)
            reader = csv.reader(lines, _Dialect)
            try:
                header = [h.strip() for h in next(reader)]
            except StopIteration:
                raise SourceFailure("the export file is empty") from None
            except (csv.Error, UnicodeDecodeError):
                raise SourceFailure("the export file is not readable CSV") from None
            positions = {}
            for kind, column in self.source.key_columns.items():
                if column not in header:
                    raise SourceFailure(f"the export has no column '{column}'")
                positions[kind] = header.index(column)
            data_start = lines.position
            offsets: dict[str, dict[bytes, list[int]]] = {kind: {} for kind in positions}
            try:
                while True:
                    lines.row_starts.clear()
                    try:
                        row = next(reader)
                    except StopIteration:
                        break
                    start = lines.row_starts[0]
                    if len(lines.row_starts) > 1 and len(row) != len(header):
                        # A quoted field ran over several lines and the row came out misshapen:
                        # a quote left open, which would merge other people's rows into this one.
                        line = reader.line_num - len(lines.row_starts) + 1
                        raise SourceFailure(f"the export file is not readable CSV: a quote is not closed (line {line})")
                    for kind, column_index in positions.items():
                        if column_index < len(row):
                            value = match_key(kind, row[column_index])
                            if value is not None:
                                offsets[kind].setdefault(_digest(value), []).append(start)
            except (csv.Error, UnicodeDecodeError):
                raise SourceFailure(f"the export file is not readable CSV (line {reader.line_num})") from None
        return _CsvIndex(version, encoding, _Dialect, header, data_start, offsets)

    def _csv_rows(self, kind: str, wanted: str, cancel: threading.Event) -> list[dict[str, Any]]:
        index = self._csv_index(cancel)
        starts = index.offsets.get(kind, {}).get(_digest(wanted), [])
        rows = []
        key_column = index.header.index(self.source.key_columns[kind])
        with open(self.path, "rb") as handle:
            for start in starts[: self.max_rows + 1]:
                if cancel.is_set():
                    raise SourceFailure("cancelled")
                lines = _LineReader(handle, index.encoding, start, max_line=self.source.max_line_kb * 1024)
                row = next(csv.reader(lines, index.dialect))
                # The file may have changed since it was indexed: check the key again.
                if key_column < len(row) and match_key(kind, row[key_column]) == wanted:
                    rows.append(self._as_record(index.header, row))
        return rows

    # XLSX --------------------------------------------------------------------------------

    def _xlsx_keys(self, cancel: threading.Event | None = None) -> dict[str, set[bytes]]:
        version = self._version()
        with self._lock:
            if self._xlsx_index is None or self._xlsx_index.version != version:
                keys: dict[str, set[bytes]] = {kind: set() for kind in self.source.key_columns}
                self._xlsx_rows(None, None, cancel or threading.Event(), keys=keys)
                self._xlsx_index = _XlsxIndex(version, keys)
            return self._xlsx_index.keys

    def _xlsx_rows(
        self,
        kind: str | None,
        wanted: str | None,
        cancel: threading.Event,
        *,
        keys: dict[str, set[bytes]] | None = None,
    ) -> list[dict[str, Any]]:
        """Stream the sheet with calamine (about 15 times faster than openpyxl's reader): the
        rows matching `wanted` in `kind`'s column, or, given `keys`, the keyed hashes of every
        key column's values added to it."""
        from python_calamine import CalamineError, CalamineWorkbook

        version = self._version()
        if version != self._measured:  # calamine loads a whole sheet: measure it first, once a version
            self._check_unpacked(self._stopper(cancel))
            self._measured = version
        try:
            workbook = CalamineWorkbook.from_path(str(self.path))
        except (CalamineError, OSError, ValueError):
            raise SourceFailure("the export file is not a readable XLSX workbook") from None
        try:
            if self.source.sheet:
                if self.source.sheet not in workbook.sheet_names:
                    raise SourceFailure(f"the workbook has no sheet '{self.source.sheet}'")
                sheet = workbook.get_sheet_by_name(self.source.sheet)
            else:
                sheet = workbook.get_sheet_by_index(0)
            rows_iter = iter(sheet.iter_rows())
            try:
                header = ["" if h is None else str(h).strip() for h in next(rows_iter)]
            except StopIteration:
                raise SourceFailure("the export file is empty") from None
            for column in self.source.key_columns.values():
                if column not in header:
                    raise SourceFailure(f"the export has no column '{column}'")
            if keys is not None:
                positions = {k: header.index(column) for k, column in self.source.key_columns.items()}
                stopped = self._stopper(cancel)
                for count, row in enumerate(rows_iter):
                    if count % _CHECK_EVERY == 0 and stopped():
                        raise SourceFailure("stopped: the source timed out or the gather was cancelled")
                    for k, position in positions.items():
                        value = match_key(k, row[position]) if position < len(row) else None
                        if value is not None:
                            keys[k].add(_digest(value))
                return []
            if kind is None or wanted is None:
                return []
            key_column = header.index(self.source.key_columns[kind])
            found = []
            for count, row in enumerate(rows_iter):
                if count % _CHECK_EVERY == 0 and self._stopper(cancel)():
                    raise SourceFailure("stopped: the source timed out or the gather was cancelled")
                if key_column < len(row) and match_key(kind, row[key_column]) == wanted:
                    found.append(self._as_record(header, [None if v == "" else v for v in row]))
                    if len(found) > self.max_rows:
                        break
            return found
        except CalamineError:
            raise SourceFailure("the export file is not a readable XLSX workbook") from None
        finally:
            workbook.close()

    def _check_unpacked(self, stopped: Callable[[], bool]) -> None:
        """An XLSX file is a zip: a 2 MB file can unpack to millions of rows, which calamine would
        load whole. The worksheets are streamed once here (bounded memory), counting what they
        unpack to and their rows; past `max_unpacked_mb` or `max_file_rows` the source fails
        before anything is loaded. The declared sizes are not trusted: the bytes are counted."""
        limit = self.source.max_unpacked_mb * 1_000_000
        max_rows = self.source.max_file_rows
        try:
            with zipfile.ZipFile(self.path) as archive:
                parts = [i for i in archive.infolist() if i.filename.startswith("xl/worksheets/")
                         or i.filename == "xl/sharedStrings.xml"]  # fmt: skip
                unpacked = 0
                for info in parts:
                    rows, tail = 0, b""
                    with archive.open(info) as stream:
                        while chunk := stream.read(1 << 20):
                            unpacked += len(chunk)
                            if unpacked > limit:
                                raise SourceFailure(
                                    f"the workbook unpacks to more than {self.source.max_unpacked_mb:g} MB: "
                                    "check `max_unpacked_mb`"
                                )
                            if stopped():
                                raise SourceFailure("stopped: the source timed out or the gather was cancelled")
                            if info.filename.startswith("xl/worksheets/"):
                                rows += len(_ROW_TAG.findall(tail + chunk)) - len(_ROW_TAG.findall(tail))
                                tail = chunk[-16:]
                                if rows > max_rows:
                                    raise SourceFailure(
                                        f"the sheet has more than {max_rows} rows: check `max_file_rows`"
                                    )
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
            raise SourceFailure("the export file is not a readable XLSX workbook") from None

    def _as_record(self, header: list[str], row: list[Any]) -> dict[str, Any]:
        names = [h or f"Kolumn {i + 1}" for i, h in enumerate(header)]
        record = {names[i]: plain_value(row[i]) if i < len(row) else None for i in range(len(names))}
        if self.source.columns:
            record = {c: record.get(c) for c in self.source.columns}
        return record
