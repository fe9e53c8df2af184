"""Printing as the desk's printers get it: through a real CUPS scheduler (started for the test,
on a socket of its own) to a network printer queue (AppSocket, as office printers take jobs),
whose "printer" is a listener on 127.0.0.1. Where CUPS prints PDF, the PDF itself is the job;
printing to a file renders pages, grey where they have no colour, at most 300 dpi."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter

from desktop.ui import printing


def sample_pdf(pages: int = 3) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for n in range(pages):
        pdf.drawString(72, 760, f"Registerutdrag sida {n + 1}: text som ska förbli text")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def queue(cups):  # type: ignore[no-untyped-def]
    if cups is None:
        pytest.skip("CUPS is not installed here (scripts/setup installs it: cups, cups-client, cups-daemon)")
    return cups


def test_where_cups_prints_pdf_the_pdf_itself_is_the_job(qapp, queue) -> None:  # type: ignore[no-untyped-def]
    queue, device = queue
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(queue)
    assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printing.native_queue(printer) == queue
    data = sample_pdf()
    started = time.perf_counter()
    assert printing.print_pdf(data, printer, title="registerutdrag-2026-00001")
    spooled = time.perf_counter() - started
    (job,) = device.wait_for(1)
    assert job == data  # not page images: the very PDF, text and all
    assert "text som ska förbli text" in pypdf.PdfReader(io.BytesIO(job)).pages[0].extract_text()
    assert spooled < 5


def test_the_print_dialogs_choices_go_with_the_job(qapp, queue) -> None:  # type: ignore[no-untyped-def]
    queue, _device = queue
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(queue)
    printer.setCopyCount(2)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    args = printing.lp_arguments(printer, queue, "kvitto-2026-00001")
    assert args[:7] == ["lp", "-d", queue, "-t", "kvitto-2026-00001", "-n", "2"]
    assert {"print-color-mode=monochrome", "page-ranges=2-3"} <= set(args)
    # Sides as the queue allows: this raw queue has no duplex unit, so Qt reports one-sided.
    sides = "two-sided-long-edge" if printer.duplex() == QPrinter.DuplexMode.DuplexLongSide else "one-sided"
    assert f"sides={sides}" in args


def test_a_queue_that_does_not_exist_fails_without_recording(qapp, queue) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName("Insyn-test")
    assert not printing.spool_pdf(sample_pdf(1), printer, "No-such-queue", "x")


def test_printing_to_a_file_renders_text_pages_grey_and_small(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # 1200 dpi: capped at 300
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "file.pdf"))
    assert printing.native_queue(printer) is None
    assert printing.print_pdf(sample_pdf(3), printer)
    size = (tmp_path / "file.pdf").stat().st_size
    assert len(pypdf.PdfReader(tmp_path / "file.pdf").pages) == 3
    assert size / 3 < 1_000_000, size  # a text page is at most ~1 MB in the spool
    # As QtPdf renders a page: text on a transparent ground.
    colour = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    colour.fill(QColor(0, 0, 0, 0))
    colour.setPixelColor(1, 1, QColor("#1F4E79"))
    grey = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    grey.fill(QColor(0, 0, 0, 0))
    grey.setPixelColor(1, 1, QColor(0, 0, 0, 128))  # anti-aliased black text
    on_white = printing.on_white(grey)
    assert on_white.format() == QImage.Format.Format_Grayscale8
    assert on_white.pixelColor(0, 0) == QColor("white") and 120 <= on_white.pixelColor(1, 1).red() <= 135
    assert printing.on_white(colour).format() == QImage.Format.Format_RGB32
    assert printing.on_white(colour).pixelColor(1, 1) == QColor("#1F4E79")
    assert printing.on_white(colour).pixelColor(0, 0) == QColor("white")
    assert printing.on_white(colour, grey=True).format() == QImage.Format.Format_Grayscale8


def test_only_the_inked_bands_of_a_page_are_printed_and_the_page_is_the_same(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # As QtPdf renders a page: transparent where nothing is drawn.
    rendered = QImage(200, 120, QImage.Format.Format_ARGB32)
    rendered.fill(QColor(0, 0, 0, 0))
    assert printing.inked_bands(rendered) == []  # a blank page: nothing to send
    rendered.setPixelColor(5, 40, QColor(0, 0, 0, 10))  # the faintest edge of a letter counts
    rendered.setPixelColor(100, 41, QColor("#1F4E79"))
    rendered.setPixelColor(3, 119, QColor("black"))
    rendered.setPixelColor(7, 50, QColor("black"))
    for y in range(60, 100):  # a tall table: split every 16 rows
        rendered.setPixelColor(20 + y, y, QColor("grey"))
    bands = [QRect(5, 40, 96, 2), QRect(7, 50, 1, 1), QRect(80, 60, 16, 16), QRect(96, 76, 16, 16)]
    assert printing.inked_bands(rendered, 16) == [*bands, QRect(112, 92, 8, 8), QRect(3, 119, 1, 1)]
    # A page printed band by band (to a file, as a printer without PDF gets it) looks as the same
    # page printed as one image does: nothing left out, nothing out of place.
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFillColorRGB(0.12, 0.3, 0.47)
    pdf.rect(300, 500, 200, 40, fill=1, stroke=0)
    pdf.setFillColorRGB(0, 0, 0)
    for n in range(30):
        pdf.drawString(72 + (n % 3) * 40, 780 - n * 20, f"Rad {n + 1}: Åsa Öberg, 19420120-5830")
    pdf.showPage()
    pdf.save()

    def printed(name: str) -> Image.Image:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / name))
        assert printing.print_pdf(buffer.getvalue(), printer)
        return page_at(150, (tmp_path / name).read_bytes())

    banded = printed("banded.pdf")
    monkeypatch.setattr(printing, "inked_bands", lambda page: [QRect(0, 0, page.width(), page.height())])
    whole = printed("whole.pdf")
    # Images are resampled each on its own grid when shown at another resolution, so compare
    # 4x4 blocks: this differs by ~80 at most, a line of text left out by 220 or more.
    assert banded.size == whole.size
    assert ImageChops.difference(banded.reduce(4), whole.reduce(4)).getextrema()[1] < 160
    box = (400 * 150 // 72, (842 - 520) * 150 // 72)
    assert banded.getpixel(box) == whole.getpixel(box) < 120  # the coloured box, in grey


def page_at(dpi: int, data: bytes) -> Image.Image:
    from PySide6.QtCore import QSize

    document = printing.pdf_document(data)
    size = document.pagePointSize(0)
    page = printing.on_white(document.render(0, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))))
    page = page.convertToFormat(QImage.Format.Format_Grayscale8)
    return Image.frombytes("L", (page.width(), page.height()), bytes(page.constBits()), "raw", "L", page.bytesPerLine())


def test_printing_some_pages_is_a_copy_not_the_delivery(qtbot, window, desk, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 20: pages 2–3 printed to a printer without PDF support are a copy for the desk; the
    case stays ready, the data stays, the timeline says so. The whole extract then delivers."""
    from tests.gui.conftest import PASSWORDS
    from tests.gui.test_visit import examples, fill_visitor

    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    monkeypatch.setattr(page, "ask_leave_out_weak", lambda _count: True)
    monkeypatch.setattr(page, "ask_approval", lambda: page.visit.approve("granskare", PASSWORDS["granskare"]))
    page.review.approve_button.click()
    deliver = page.deliver
    qtbot.waitUntil(lambda: deliver.rendered is not None and page.visit.deliverable, timeout=30000)
    pages = deliver.rendered.pages
    assert pages >= 3

    def file_printer(path, pages=None):  # type: ignore[no-untyped-def]
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        if pages:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*pages)
        return printer

    part = tmp_path / "sidor.pdf"
    monkeypatch.setattr(deliver, "ask_printer", lambda *_: file_printer(part, (2, 3)))
    deliver.print_dialog()
    qtbot.waitUntil(lambda: not deliver.printing and part.exists(), timeout=30000)
    qtbot.waitUntil(lambda: "kopia" in deliver.status.text(), timeout=5000)
    assert len(pypdf.PdfReader(part).pages) == 2  # the range, not every page
    assert page.visit.status.value == "ready" and page.result is not None
    timeline = [page.overview.timeline.item(i).text() for i in range(page.overview.timeline.count())]
    assert any("som kopia" in line for line in timeline)
    assert not any("Utdraget lämnades ut" in line for line in timeline)
    whole = tmp_path / "hela.pdf"
    monkeypatch.setattr(deliver, "ask_printer", lambda *_: file_printer(whole))
    deliver.print_dialog()
    qtbot.waitUntil(lambda: page.visit.status.value == "delivered", timeout=30000)
    assert len(pypdf.PdfReader(whole).pages) == pages


def test_saving_starts_in_a_folder_that_exists_and_remembers_the_last_one(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 20's small list: an account with no Documents folder got a save dialog in the
    program's folder and a receipt printed to a file failed "inte skrivbar"; and the dialog never
    remembered where staff saved last."""
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    home = tmp_path / "home"
    home.mkdir()
    where = {
        QStandardPaths.StandardLocation.DocumentsLocation: str(home / "Documents"),  # not there
        QStandardPaths.StandardLocation.HomeLocation: str(home),
    }
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: where[location])
    QSettings("Insyn", "Insyn").remove(printing.LAST_FOLDER)
    assert printing.documents_path("kvitto-2026-00001.pdf") == str(home / "kvitto-2026-00001.pdf")
    (home / "Documents").mkdir()
    assert printing.documents_path("x.pdf") == str(home / "Documents" / "x.pdf")
    shared = tmp_path / "Kundtjänst"
    shared.mkdir()
    asked: list[str] = []

    def dialog(_parent, _title, start, _pattern):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(shared / "registerutdrag-2026-00001.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert printing.ask_save_file(None, "Spara", "registerutdrag-2026-00001.pdf", "PDF (*.pdf)").startswith(str(shared))
    printing.ask_save_file(None, "Spara", "kvitto-2026-00002.pdf", "PDF (*.pdf)")
    assert asked == [str(home / "Documents" / "registerutdrag-2026-00001.pdf"), str(shared / "kvitto-2026-00002.pdf")]
    shared.rmdir()  # the remembered folder is gone: back to Documents
    assert printing.documents_path("y.pdf") == str(home / "Documents" / "y.pdf")
    QSettings("Insyn", "Insyn").remove(printing.LAST_FOLDER)
