"""Printing a PDF held in memory through Qt's printer (the system's print dialog or a file).

Pages are rendered by QtPdf at no more than 300 dpi (a 1200-dpi printer would otherwise get a
140 MB image per page, 0.7 s each) and drawn onto the printer on white, in strips. `print_pdf` works on its
own QPdfDocument, so it may run on a worker thread: Qt supports painting onto a QPrinter outside
the GUI thread. Progress is reported per page and a cancel event stops the job between pages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

MAX_DPI = 300
STRIP_ROWS = 256  # image rows drawn onto the printer per call

Progress = Callable[[int, int], None]  # (pages printed, pages in all)


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


class PrintCancelled(Exception):
    """Staff stopped the print; the printer was told to drop the job."""


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
    count = document.pageCount()
    try:
        for page in range(count):
            if cancel is not None and cancel.is_set():
                printer.abort()
                raise PrintCancelled
            if page:
                printer.newPage()
            target = painter.viewport()
            points = document.pagePointSize(page)
            scale = min(target.width() / points.width(), target.height() / points.height())
            on_paper = QSize(int(points.width() * scale), int(points.height() * scale))
            dpi_scale = min(1.0, MAX_DPI / max(printer.resolution(), 1))
            size = QSize(max(1, int(on_paper.width() * dpi_scale)), max(1, int(on_paper.height() * dpi_scale)))
            page_image = QImage(size, QImage.Format.Format_RGB32)
            page_image.fill(QColor("white"))
            on_white = QPainter(page_image)
            on_white.drawImage(0, 0, document.render(page, size))
            on_white.end()
            # In strips: drawing one page image onto the printer is ~0.2 s in one call that holds
            # the GIL; strips let the window run between them.
            ratio = on_paper.height() / size.height()
            for top in range(0, size.height(), STRIP_ROWS):
                rows = min(STRIP_ROWS, size.height() - top)
                painter.drawImage(
                    QRectF(0, top * ratio, on_paper.width(), rows * ratio),
                    page_image.copy(0, top, size.width(), rows),
                )
            if progress is not None:
                progress(page + 1, count)
    finally:
        painter.end()
    return True


def print_pdf(
    data: bytes,
    printer: QPrinter,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> bool:
    """Print PDF bytes on a QPdfDocument of its own (safe on a worker thread)."""
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    try:
        return print_document(document, printer, progress=progress, cancel=cancel)
    finally:
        document.close()
