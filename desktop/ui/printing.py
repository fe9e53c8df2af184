"""Printing a PDF held in memory through Qt's printer (the system's print dialog or a file)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def print_document(document: QPdfDocument, printer: QPrinter) -> bool:
    """Each page drawn onto the printer on white: QtPdf renders pages with a transparent ground."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            points = document.pagePointSize(page)
            scale = min(target.width() / points.width(), target.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            page_image = QImage(size, QImage.Format.Format_RGB32)
            page_image.fill(QColor("white"))
            on_white = QPainter(page_image)
            on_white.drawImage(0, 0, document.render(page, size))
            on_white.end()
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), page_image)
    finally:
        painter.end()
    return True


def print_pdf(data: bytes, printer: QPrinter) -> bool:
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    try:
        return print_document(document, printer)
    finally:
        document.close()
