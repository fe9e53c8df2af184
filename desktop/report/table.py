"""A table flowable that grows linearly: tens of thousands of rows at the canvas's own speed.

reportlab's `LongTable` measures every row again on every page split, so its cost grows with the
square of the rows. `DataTable` wraps each row once (cached and shared between the parts it
splits into), reports "too tall" to the frame instead of measuring the rest, and draws a page
of rows with one text object. Column widths come from the content: a column keeps its natural
width unless the table is too wide, when the widest columns are capped and their text wraps, so
nothing is ever cut off. A row taller than a page is split between its lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

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

    def lines(self, index: int) -> list[list[str]]:
        cached = self.wrapped.get(index)
        if cached is None:
            cached = [
                wrap_text(cell, width - 2 * PADDING, self.measure)
                for cell, width in zip(self.rows[index], self.widths, strict=False)
            ]
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
        shared = _Shared(list(header), rows, widths, measure, bold)
        shared.header_lines = [wrap_text(h, w - 2 * PADDING, bold) for h, w in zip(header, widths, strict=True)]
        return cls(shared)

    # Measuring ---------------------------------------------------------------------------

    def _header_height(self) -> float:
        return max(len(lines) for lines in self.shared.header_lines) * LEADING + 2 * PADDING

    def _row_lines(self, index: int) -> int:
        heights = self.shared.heights
        lines = heights.get(index)
        if lines is None:
            lines = heights[index] = max(len(cell) for cell in self.shared.lines(index))
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
        while index < self.stop:
            height = self._row_lines(index) * LEADING + 2 * PADDING
            if used + height > available:
                spare_lines = int((available - used - 2 * PADDING) // LEADING)
                return used, index - self.start, max(0, spare_lines)
            used += height
            index += 1
        return used, index - self.start, 0

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
        for n, height in enumerate(heights):
            if (self.start + n) % 2:
                zebra.rect(0, y - height, total_width, height)
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
        escape = canvas._escape
        encoded = shared.encoded
        code = text._code
        font_switch = f"{fp_str(FONT_SIZE)} Tf {fp_str(LEADING)} TL"
        current_subset = None
        y = top - header_height
        for n, index in enumerate(range(self.start, self.stop)):
            first_line = self.skip_lines if index == self.start else 0
            baseline = y - PADDING - FONT_SIZE
            for x, cell in zip(x_positions, shared.lines(index), strict=False):
                for k, line in enumerate(cell[first_line : limit if index == self.start else None]):
                    if not line:
                        continue
                    operators = encoded.get(line)
                    if operators is None:
                        operators = encoded[line] = [
                            (subset, f"({escape(part)}) Tj") for subset, part in font.splitString(line, document)
                        ]
                    code.append(f"1 0 0 1 {fp_str(x, baseline - k * LEADING)} Tm")
                    for subset, operator in operators:
                        if subset != current_subset:
                            code.append(f"{font.getSubsetInternalName(subset, document)} {font_switch}")
                            current_subset = subset
                        code.append(operator)
            y -= heights[n]
        canvas.drawText(text)
