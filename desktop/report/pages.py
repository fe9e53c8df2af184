"""Page furniture: the header, the footer with "Sida X av Y", and the document template.

The true page total is only known at the end, so the canvas keeps each finished page and draws
the header and footer on all of them when the document is saved.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from desktop.report.fonts import BOLD, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP = 22 * mm
BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
MUTED = colors.HexColor("#4A5968")


class PageFurniture:
    """What every page shows, in the document's language."""

    def __init__(self, left_header: str, right_header: str, marking: str, page_text: str, draft: str = "") -> None:
        self.left_header = left_header
        self.right_header = right_header
        self.marking = marking
        self.page_text = page_text  # with {page} and {pages}
        self.draft = draft  # across every page of an extract not yet approved

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(MARGIN, PAGE_HEIGHT - 12 * mm, self.left_header)
        canvas.setFont(BOLD, 8)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 12 * mm, self.right_header)
        canvas.setStrokeColor(colors.HexColor("#C5CED7"))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, PAGE_HEIGHT - 14 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 14 * mm)
        canvas.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
        canvas.setFont(BOLD, 7.5)
        canvas.drawString(MARGIN, 9 * mm, self.marking)
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, self.page_text.format(page=page, pages=pages))
        if self.draft:
            canvas.setFillColor(colors.Color(0.70, 0.15, 0.12, alpha=0.28))
            canvas.setFont(BOLD, 40)
            canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, 0, self.draft)
        canvas.restoreState()


def numbered_canvas(furniture: PageFurniture) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["initialFontName"] = REGULAR  # else reportlab references an unembedded Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                furniture.draw(self, number, total)
                Canvas.showPage(self)
            self.page_count = total
            Canvas.save(self)

    return NumberedCanvas


def render(
    story: list[Flowable],
    furniture: PageFurniture,
    *,
    title: str,
    author: str,
    produced_at: datetime,
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
) -> tuple[bytes, int]:
    """Lay out `story` on A4 and return the PDF's bytes and its page count.

    The metadata carries a title and the organisation only; the creation date is the
    production date, so the same input gives the same file.
    """
    register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title,
        author=author,
        subject="",
        creator="Insyn",
        producer="Insyn (reportlab)",
        keywords="",
        invariant=True,
    )
    frame = Frame(
        MARGIN,
        BOTTOM,
        FRAME_WIDTH,
        PAGE_HEIGHT - TOP - BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page or _nothing)])
    canvas_class = numbered_canvas(furniture)
    pages: list[int] = []

    class CountingCanvas(canvas_class):  # type: ignore[valid-type, misc]
        def save(self) -> None:
            super().save()
            pages.append(self.page_count)

    document.build(story, canvasmaker=CountingCanvas)
    data = buffer.getvalue()
    return _stamp_creation_date(data, produced_at), pages[0]


def _nothing(_canvas: Canvas, _document: BaseDocTemplate) -> None:
    pass


def _stamp_creation_date(data: bytes, produced_at: datetime) -> bytes:
    """reportlab's invariant mode writes a fixed 2000-01-01; put the real production date."""
    fixed = b"D:20000101000000+00'00'"
    stamp = produced_at.strftime("D:%Y%m%d%H%M%S+00'00'").encode()
    return data.replace(fixed, stamp) if len(stamp) == len(fixed) else data
