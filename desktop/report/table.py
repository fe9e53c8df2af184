"""A table flowable that grows linearly: tens of thousands of rows at the canvas's own speed.

reportlab's `LongTable` measures every row again on every page split, so its cost grows with the
square of the rows. `DataTable` wraps each row once (cached and shared between the parts it
splits into), reports "too tall" to the frame instead of measuring the rest, and draws a page
of rows with one text object. Column widths come from the content: a column keeps its natural
width unless the table is too wide, when the widest columns are capped and their text wraps, so
nothing is ever cut off. A row taller than a page is split between its lines.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from desktop.report.fonts import CONDENSED, CONDENSED_BOLD, WidthTable

PADDING = 3.0
FONT_SIZE = 7.5
LEADING = 9.2
HEADER_FILL = colors.HexColor("#E4E9EF")
ZEBRA_FILL = colors.HexColor("#F5F7F9")
RULE = colors.HexColor("#9AA8B6")
SAMPLE_ROWS = 400


def wrap_text(text: str, width: float, measure: WidthTable) -> list[str]:
    """Break `text` into lines no wider than `width`: at spaces, or inside a too-long word."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if measure.width(paragraph) <= width:
            lines.append(paragraph)
            continue
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if measure.width(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while measure.width(word) > width and len(word) > 1:
                low, high = 1, len(word) - 1  # the longest prefix that fits
                while low < high:
                    middle = (low + high + 1) // 2
                    if measure.width(word[:middle]) <= width:
                        low = middle
                    else:
                        high = middle - 1
                lines.append(word[:low])
                word = word[low:]
            current = word
        lines.append(current)
    return lines or [""]


def column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    available: float,
    measure: WidthTable,
    bold: WidthTable,
) -> list[float]:
    """Natural widths from the header and a sample of rows; capped to fit `available`."""
    natural = [bold.width(h) + 2 * PADDING for h in header]
    step = max(1, len(rows) // SAMPLE_ROWS)
    for row in rows[::step]:
        for i, cell in enumerate(row):
            longest = max((measure.width(part) for part in cell.split("\n")), default=0.0)
            natural[i] = max(natural[i], longest + 2 * PADDING)
    if sum(natural) <= available:
        spare = (available - sum(natural)) / len(natural)
        return [w + spare for w in natural]
    low, high = 0.0, max(natural)
    for _ in range(40):  # the cap that makes the capped widths fill the page exactly
        cap = (low + high) / 2
        if sum(min(w, cap) for w in natural) > available:
            high = cap
        else:
            low = cap
    return [min(w, low) for w in natural]


@dataclass
class _Shared:
    """What the parts of one split table share: the rows and their wrapped lines."""

    header: list[str]
    rows: Sequence[Sequence[str]]
    widths: list[float]
    measure: WidthTable
    bold: WidthTable
    wrapped: dict[int, list[list[str]]] = field(default_factory=dict)
    header_lines: list[list[str]] = field(default_factory=list)
    # Text → its PDF operators, per subset of the embedded font. Tables repeat values a lot
    # (ids, dates, statuses); encoding each distinct text once is most of the drawing cost.
    encoded: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    heights: dict[int, int] = field(default_factory=dict)  # row → its number of lines
    rooms: list[float] = field(default_factory=list)  # each column's width for text
    one_line: dict[str, bool] = field(default_factory=dict)  # text → fits the narrowest column on one line
    # tops[i]: the height of rows 0…i-1, whole; grown as pages are measured, so that a page's
    # rows are found by bisection instead of adding up each row again on every measure.
    tops: list[float] = field(default_factory=lambda: [0.0])

    def row_lines(self, index: int) -> int:
        lines = self.heights.get(index)
        if lines is None:
            lines = self.heights[index] = max(len(cell) for cell in self.lines(index))
        return lines

    def top(self, index: int, *, above: float | None = None, stop: int = 0) -> float:
        """The height of rows 0…index-1; with `above`, the sums are also grown past that height
        (or to row `stop`)."""
        tops = self.tops
        while len(tops) <= index or (above is not None and tops[-1] <= above and len(tops) <= stop):
            tops.append(tops[-1] + self.row_lines(len(tops) - 1) * LEADING + 2 * PADDING)
        return tops[index]

    def lines(self, index: int) -> list[list[str]]:
        cached = self.wrapped.get(index)
        if cached is None:
            cached = []
            narrowest = min(self.rooms)
            for cell, room in zip(self.rows[index], self.rooms, strict=False):
                known = self.one_line.get(cell)  # ids, dates, statuses repeat: measured once
                if known is None:
                    known = self.one_line[cell] = "\n" not in cell and self.measure.width(cell) <= narrowest
                if known or ("\n" not in cell and self.measure.width(cell) <= room):
                    cached.append([cell])
                else:
                    cached.append(wrap_text(cell, room, self.measure))
            self.wrapped[index] = cached
        return cached


class DataTable(Flowable):
    """Rows `start`…`stop` of a table; the first `skip_lines` lines of row `start` are done."""

    def __init__(
        self,
        shared: _Shared,
        start: int = 0,
        stop: int | None = None,
        skip_lines: int = 0,
        line_limit: int | None = None,
    ) -> None:
        super().__init__()
        self.shared = shared
        self.start = start
        self.stop = len(shared.rows) if stop is None else stop
        self.skip_lines = skip_lines  # lines of row `start` drawn on an earlier page
        self.line_limit = line_limit  # where row `start` stops on this page, if it is cut
        self._fitting: tuple[float, tuple[float, int, int]] | None = None

    @classmethod
    def build(cls, header: Sequence[str], rows: Sequence[Sequence[str]], available_width: float) -> DataTable:
        measure = WidthTable(CONDENSED, FONT_SIZE)
        bold = WidthTable(CONDENSED_BOLD, FONT_SIZE)
        widths = column_widths(header, rows, available_width, measure, bold)
        shared = _Shared(list(header), rows, widths, measure, bold, rooms=[w - 2 * PADDING for w in widths])
        shared.header_lines = [wrap_text(h, w - 2 * PADDING, bold) for h, w in zip(header, widths, strict=True)]
        return cls(shared)

    # Measuring ---------------------------------------------------------------------------

    def _header_height(self) -> float:
        return max(len(lines) for lines in self.shared.header_lines) * LEADING + 2 * PADDING

    def _row_lines(self, index: int) -> int:
        lines = self.shared.row_lines(index)
        if index != self.start:
            return lines
        end = lines if self.line_limit is None else min(lines, self.line_limit)
        return end - self.skip_lines

    def _fit(self, available: float) -> tuple[float, int, int]:
        """(height used, rows that fit whole, lines of the next row that fit)."""
        if self._fitting is not None and self._fitting[0] == available:
            return self._fitting[1]
        result = self._measure(available)
        self._fitting = (available, result)
        return result

    def _measure(self, available: float) -> tuple[float, int, int]:
        used = self._header_height()
        index = self.start
        if index < self.stop:  # the first row: perhaps the rest of one cut on the page before
            height = self._row_lines(index) * LEADING + 2 * PADDING
            if used + height > available:
                return used, 0, max(0, int((available - used - 2 * PADDING) // LEADING))
            used += height
            index += 1
        shared = self.shared
        base = shared.top(index)
        room = base + available - used  # the rows whose tops[end] - base fits in what is left
        shared.top(index, above=room, stop=self.stop)
        tops = shared.tops
        end = bisect.bisect_right(tops, room, index, min(len(tops), self.stop + 1)) - 1
        used += tops[end] - base
        if end < self.stop:  # row `end` does not fit whole: how many of its lines would
            return used, end - self.start, max(0, int((available - used - 2 * PADDING) // LEADING))
        return used, end - self.start, 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        used, whole, _ = self._fit(available_height)
        width = sum(self.shared.widths)
        if self.start + whole < self.stop:
            return width, available_height + 1  # too tall: the frame will ask for a split
        return width, used

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        _, whole, spare_lines = self._fit(available_height)
        if whole == 0:
            if spare_lines and available_height >= self._frame_height_hint():
                # A single row taller than the page: break it between its lines.
                cut = self.skip_lines + spare_lines
                first = DataTable(self.shared, self.start, self.start + 1, self.skip_lines, cut)
                rest = DataTable(self.shared, self.start, self.stop, cut)
                return [first, rest]
            return []
        middle = self.start + whole
        return [
            DataTable(self.shared, self.start, middle, self.skip_lines),
            DataTable(self.shared, middle, self.stop),
        ]

    def _frame_height_hint(self) -> float:
        return 400.0  # a fresh page's frame is far taller; a nearly full page is not

    # Drawing -----------------------------------------------------------------------------

    def draw(self) -> None:
        canvas = self.canv
        shared = self.shared
        widths = shared.widths
        total_width = sum(widths)
        limit = self.line_limit
        heights = [self._row_lines(i) * LEADING + 2 * PADDING for i in range(self.start, self.stop)]
        header_height = self._header_height()
        top = header_height + sum(heights)
        # Backgrounds first, each as one path: the header band and every other row.
        canvas.saveState()
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, top - header_height, total_width, header_height, stroke=0, fill=1)
        zebra = canvas.beginPath()
        y = top - header_height
        width_text = fp_str(total_width)
        for n, height in enumerate(heights):
            if (self.start + n) % 2:  # written as rect() writes it, positions to 1/100 pt
                zebra._code.append(f"0 {y - height:.2f} {width_text} {height:.2f} re")
            y -= height
        canvas.setFillColor(ZEBRA_FILL)
        canvas.drawPath(zebra, stroke=0, fill=1)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(0, top - header_height, total_width, top - header_height)
        canvas.line(0, 0, total_width, 0)
        canvas.restoreState()

        text = canvas.beginText()
        text.setFont(CONDENSED_BOLD, FONT_SIZE, LEADING)
        x_positions = [sum(widths[:i]) + PADDING for i in range(len(widths))]
        baseline = top - PADDING - FONT_SIZE
        for x, lines in zip(x_positions, shared.header_lines, strict=True):
            for n, line in enumerate(lines):
                text.setTextOrigin(x, baseline - n * LEADING)
                text.textOut(line)
        # The rows: operators written straight into the text object, each distinct text
        # encoded once (see _Shared.encoded), the font subset switched only when it changes.
        font = pdfmetrics.getFont(CONDENSED)
        document = canvas._doc
        encode = _encoder(font, document, canvas._escape)
        encoded = shared.encoded
        code = text._code
        font_switch = f"{fp_str(FONT_SIZE)} Tf {fp_str(LEADING)} TL"
        current_subset = None
        starts = [f"1 0 0 1 {fp_str(x)} " for x in x_positions]  # each column's text matrix, before its y
        y = top - header_height
        for n, index in enumerate(range(self.start, self.stop)):
            baseline = y - PADDING - FONT_SIZE
            at = f"{baseline:.2f}"  # the row's first baseline, formatted once for all its cells (to 1/100 pt)
            cells = shared.lines(index)
            if index == self.start and (self.skip_lines or limit is not None):  # a row cut between pages
                cells = [cell[self.skip_lines : limit] for cell in cells]
            for start, cell in zip(starts, cells, strict=False):
                for k, line in enumerate(cell):
                    if not line:
                        continue
                    operators = encoded.get(line)
                    if operators is None:
                        operators = encoded[line] = encode(line)
                    moved = f"{start}{at if k == 0 else f'{baseline - k * LEADING:.2f}'} Tm"
                    if len(operators) == 1 and operators[0][0] == current_subset:  # nearly always
                        code.append(f"{moved} {operators[0][1]}")
                        continue
                    code.append(moved)
                    for subset, operator in operators:
                        if subset != current_subset:
                            code.append(f"{font.getSubsetInternalName(subset, document)} {font_switch}")
                            current_subset = subset
                        code.append(operator)
            y -= heights[n]
        canvas.drawText(text)


def _encoder(font: Any, document: Any, escape: Callable[[bytes], str]) -> Callable[[str], list[tuple[int, str]]]:
    """A text's PDF operators, per subset of the embedded font. Where every character already has
    its code in the first subset (nearly always, after the first rows), the codes are looked up
    at once; otherwise reportlab's `splitString` assigns them, character by character."""
    assignments = font.state[document].assignments if document in font.state else None

    def encode(line: str) -> list[tuple[int, str]]:
        nonlocal assignments
        if assignments is not None:
            try:
                return [(0, f"({escape(bytes(map(assignments.__getitem__, map(ord, line))))}) Tj")]
            except (KeyError, ValueError):  # a character new to the font, or beyond the first subset
                pass
        parts = font.splitString(line, document)
        assignments = font.state[document].assignments
        return [(subset, f"({escape(part)}) Tj") for subset, part in parts]

    return encode
