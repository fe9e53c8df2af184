"""Printing a PDF held in memory through Qt's printer (the system's print dialog or a file).

Where the system prints PDF natively (CUPS, on Linux and macOS) the PDF itself goes to the queue
the print dialog chose, with its copies, sides, colour and page range: text stays text, a
196-page extract is a 1 MB job instead of 196 page images. Elsewhere (Windows, print to file)
pages are rendered by QtPdf at no more than 300 dpi (a 1200-dpi printer would otherwise get a
140 MB image per page, 0.7 s each), letters without anti-aliasing, and drawn onto the printer
on white, losslessly (Qt's default is JPEG), and only where something is drawn: lines of text
and tables, each cut to its width (~0.1 MB a text page). `print_pdf` works on its own QPdfDocument, so it may run on a
worker thread: Qt supports painting onto a QPrinter outside the GUI thread. Progress is
reported per page and a cancel event stops the job between pages.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSettings, QSize, QStandardPaths
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

log = logging.getLogger(__name__)

MAX_DPI = 300
STRIP_ROWS = 256  # the most image rows drawn onto the printer in one call (which holds the GIL)

Progress = Callable[[int, int], None]  # (pages printed, pages in all)


LAST_FOLDER = "last_save_folder"  # QSettings key: the folder staff last saved a document to


def save_folder() -> Path:
    """Where saving and printing to a file start: the folder staff last saved to, else their
    Documents folder, else their home folder — the first that exists (a desk whose account has
    no Documents folder must not start in the program's own folder, or fail as "not writable")."""
    last = str(QSettings("Insyn", "Insyn").value(LAST_FOLDER, "") or "")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    for folder in (last, documents, home):
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def documents_path(name: str) -> str:
    """`name` in the folder saving starts in (save_folder)."""
    return str(save_folder() / name)


def ask_save_file(parent: QWidget | None, title: str, suggestion: str, pattern: str) -> str:
    """The save dialog, starting in save_folder() with `suggestion` as the name; the folder
    chosen is remembered for the next save (on this computer, for this account)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, documents_path(suggestion), pattern)
    if path:
        QSettings("Insyn", "Insyn").setValue(LAST_FOLDER, str(Path(path).parent))
    return path


def ask_printer(parent: QWidget | None, document: str = "") -> QPrinter | None:
    """The system's print dialog. `document` (e.g. registerutdrag-2026-00042) names the job and
    the file when printing to a file, in the Documents folder (Qt's dialog starts printing to a
    file from the home folder with the document's name)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if document:
        home = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation))
        in_documents = Path(documents_path(document))
        printer.setDocName(str(in_documents.relative_to(home)) if in_documents.is_relative_to(home) else document)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


class PrintCancelled(Exception):
    """Staff stopped the print; the printer was told to drop the job."""


def chosen_pages(printer: QPrinter, count: int) -> tuple[int, int]:
    """The pages the print dialog chose, 1-based and inclusive, within the document's `count`
    (all of them unless a page range was chosen)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = min(printer.fromPage(), count)
        return first, min(max(first, printer.toPage()), count)
    return 1, count


def print_document(
    document: QPdfDocument,
    printer: QPrinter,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> bool:
    """Each page drawn onto the printer on white: QtPdf renders pages with a transparent ground.
    False when the printer cannot start; PrintCancelled when `cancel` is set between pages."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    # Qt's PDF engine (which every Linux printer and a PDF file get) would otherwise store each
    # image as a JPEG: blurred edges around letters, and twice the bytes of a lossless text page.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    first, last = chosen_pages(printer, document.pageCount())
    count = last - first + 1
    try:
        for done, page in enumerate(range(first - 1, last)):
            if cancel is not None and cancel.is_set():
                printer.abort()
                raise PrintCancelled
            if done:
                printer.newPage()
            target = painter.viewport()
            points = document.pagePointSize(page)
            scale = min(target.width() / points.width(), target.height() / points.height())
            on_paper = QSize(int(points.width() * scale), int(points.height() * scale))
            dpi_scale = min(1.0, MAX_DPI / max(printer.resolution(), 1))
            size = QSize(max(1, int(on_paper.width() * dpi_scale)), max(1, int(on_paper.height() * dpi_scale)))
            grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
            rendered = document.render(page, size, _for_paper())
            # Band by band: the printer compresses every pixel it is given (~0.15 s for a whole
            # 300-dpi page, in one call that holds the GIL), and paper is white already.
            across, down = on_paper.width() / size.width(), on_paper.height() / size.height()
            for band in inked_bands(rendered):
                where = QRectF(band.x() * across, band.y() * down, band.width() * across, band.height() * down)
                painter.drawImage(where, on_white(rendered.copy(band), grey=grey))
            if progress is not None:
                progress(done + 1, count)
    finally:
        painter.end()
    return True


def native_queue(printer: QPrinter) -> str | None:
    """The CUPS queue that takes the PDF itself, or None (printing to a file, no CUPS here)."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or sys.platform not in ("linux", "darwin"):
        return None
    if shutil.which("lp") is None:
        return None
    return printer.printerName() or None


def lp_arguments(printer: QPrinter, queue: str, title: str) -> list[str]:
    """`lp` with what the print dialog chose: copies, sides, colour, page range."""
    args = ["lp", "-d", queue, "-t", title, "-n", str(max(1, printer.copyCount()))]
    sides = {
        QPrinter.DuplexMode.DuplexNone: "one-sided",
        QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
        QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
    }.get(printer.duplex())
    if sides:
        args += ["-o", f"sides={sides}"]
    if printer.colorMode() == QPrinter.ColorMode.GrayScale:
        args += ["-o", "print-color-mode=monochrome"]
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        args += ["-o", f"page-ranges={printer.fromPage()}-{max(printer.fromPage(), printer.toPage())}"]
    return args


def spool_pdf(data: bytes, printer: QPrinter, queue: str, title: str) -> bool:
    """Hand the PDF to the CUPS queue; True once the spooler has accepted the whole job."""
    try:
        done = subprocess.run(lp_arguments(printer, queue, title), input=data, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        log.warning("the print spooler could not be reached")
        return False
    if done.returncode != 0:
        log.warning("the print spooler refused the job (lp exit %s)", done.returncode)  # its text may name the file
        return False
    return True


def on_white(rendered: QImage, *, grey: bool = False) -> QImage:
    """The page QtPdf rendered (on a transparent ground) drawn on white: in 8-bit grey where it
    has no colour or grey printing was chosen (a quarter of the bytes in the spool, the same on
    paper), drawn straight into grey rather than converted after (a third of the time)."""
    grey = grey or rendered.allGray()
    page = QImage(rendered.size(), QImage.Format.Format_Grayscale8 if grey else QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page


def _for_paper() -> QPdfDocumentRenderOptions:
    """How a page is rendered for paper: letters without anti-aliasing. Paper takes black or
    white, so a printer turns the grey edges of screen text into a halftone fringe; at 300 dpi
    a letter's own edge is sharper (what a printer's own text rendering does too). The spool is
    a third as large, and a page goes 40 % faster."""
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.TextAliased)
    return options


def inked_bands(rendered: QImage, rows: int = STRIP_ROWS) -> list[QRect]:
    """Where QtPdf drew on a page it rendered (on a transparent ground): each run of rows with
    something drawn on it (a line of text, a table), cut to the columns between its leftmost
    and rightmost drawn pixel, and split after `rows` rows. Blank rows are left out: a text page
    is mostly margins and gaps between lines, so this is about half its pixels. Bands meet only
    at blank rows (or every `rows` rows of a tall table), where no seam can show through a
    letter at whatever scale the page is shown. Read with Pillow from the image's alpha channel,
    in place (no copy)."""
    from PIL import Image

    if rendered.format() != QImage.Format.Format_ARGB32:
        rendered = rendered.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = rendered.width(), rendered.height()
    pixels: Any = rendered.constBits()  # a buffer, which Pillow reads in place (its types say bytes)
    picture = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", rendered.bytesPerLine(), 1)
    drawn = picture.getchannel("A" if sys.byteorder == "little" else "R")  # ARGB32 is B, G, R, A in memory
    _, inked_rows = drawn.getprojection()
    bands = []
    top = 0
    while top < height:
        if not inked_rows[top]:
            top += 1
            continue
        bottom = top
        while bottom < height and inked_rows[bottom] and bottom - top < rows:
            bottom += 1
        left, _, right, _ = drawn.crop((0, top, width, bottom)).getbbox() or (0, 0, 0, 0)
        bands.append(QRect(left, top, right - left, bottom - top))
        top = bottom
    return bands


_plugins_loaded = False


def load_image_plugins() -> None:
    """Load Qt's image-format plugins on the window's thread, once, before a worker prints.
    Otherwise the first QPainter.drawImage onto a PDF printer loads them on the worker, which
    holds the GIL there while QFactoryLoader waits for a lock the window's thread holds while it
    waits for the GIL: both stop for good (seen as a frozen window after "Skriv ut")."""
    global _plugins_loaded
    if not _plugins_loaded:
        from PySide6.QtGui import QImageReader, QImageWriter

        QImageWriter.supportedImageFormats()
        QImageReader.supportedImageFormats()
        import PIL.Image  # noqa: F401 - what inked_bands reads pages with, loaded before the first page

        _plugins_loaded = True


def pdf_document(data: bytes) -> QPdfDocument:
    """PDF bytes loaded into a QPdfDocument, from memory (never a temporary file: an extract is
    personal data). The buffer belongs to the document and goes with it, also to another thread."""
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


def print_pdf(
    data: bytes,
    printer: QPrinter,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    title: str = "Insyn",
) -> bool:
    """Print PDF bytes: to a CUPS queue as the PDF itself, else page by page on a QPdfDocument
    of its own (safe on a worker thread once `load_image_plugins` has run on the window's).
    `title` names the job in the print queue: no personal data (a case number at most)."""
    queue = native_queue(printer)
    if queue is not None:
        return spool_pdf(data, printer, queue, title)
    document = pdf_document(data)
    try:
        return print_document(document, printer, progress=progress, cancel=cancel)
    finally:
        document.close()
