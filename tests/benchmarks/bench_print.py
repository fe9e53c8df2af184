"""Printing benchmark (run on demand, not in the test suite).

    .venv/bin/python tests/benchmarks/bench_print.py

For the typical visitor (hourly meter readings: a ~196-page extract) and one with a few pages:
- what goes to a CUPS queue (the PDF itself): bytes per page;
- what goes to a printer without PDF support (pages rendered at <= 300 dpi, grey where they have
  no colour; measured by printing to a PDF file at the printer's 1200 dpi): bytes per page (goal
  <= ~1 MB for a text page), time to the first page and to the last;
- the floors: rendering the first page to a 300-dpi image alone, and that plus the printer taking
  the page image (the same image drawn onto a printer once: what any printing of images costs),
  and the ratio of the time to the first printed page to each.
At the desk the window has been drawn before anyone prints (fonts loaded, the painter warm): a
widget is drawn first here too, and Qt's image plugins are loaded as the delivery view loads
them before it prints.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def extracts(folder: Path) -> list[tuple[str, bytes, int]]:
    from datetime import date

    from sqlalchemy.engine import make_url

    from desktop.core.requests import RequestType
    from desktop.services.cases import PersonInput, open_case
    from desktop.services.demo import create_demo
    from desktop.services.desk import open_desk
    from desktop.services.staff import sign_in
    from desktop.services.visit import Visit

    demo = create_demo(folder, people=200, seed=1)
    made = []
    with open_desk(demo.config_path) as desk:
        crm = sqlite3.connect(make_url(desk.config.source("kundregister").url).database)
        people = crm.execute("SELECT personnr, rowid FROM kund WHERE rowid IN (1, 2) ORDER BY rowid").fetchall()
        for label, (pin, _rowid) in zip(("typical visitor", "a few pages"), people, strict=True):
            subject = PersonInput(pin, "Bench Visitor", "national-id", "SE", "AB1234567", date(2030, 1, 1))
            number = open_case(desk, subject, [(RequestType.ACCESS, None)], staff_username="disk1").number
            visit = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
            visit.gather()
            visit.leave_out_weak()
            visit.approve("granskare", "demo-granskare")
            rendered = visit.render("sv")
            made.append((label, rendered.pdf, rendered.pages))
    return made


def main() -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QLabel

    from desktop.ui.printing import load_image_plugins, pdf_document, print_pdf

    app = QApplication.instance() or QApplication([])  # noqa: F841 - Qt needs it
    QLabel("Insyn").grab()  # as at the desk: the window has been drawn
    load_image_plugins()  # as the delivery view does before it prints
    folder = Path(tempfile.mkdtemp(prefix="insyn-bench-print-"))
    for label, pdf, pages in extracts(folder):
        document = pdf_document(pdf)
        points = document.pagePointSize(0)
        started = time.perf_counter()
        document.render(0, QSize(int(points.width() * 300 / 72), int(points.height() * 300 / 72)))
        floor = time.perf_counter() - started
        intake = QPrinter(QPrinter.PrinterMode.HighResolution)
        intake.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        intake.setOutputFileName(str(folder / f"{label}-floor.pdf"))
        painter = QPainter(intake)
        started = time.perf_counter()
        image = document.render(0, QSize(int(points.width() * 300 / 72), int(points.height() * 300 / 72)))
        painter.drawImage(painter.viewport(), image)
        printer_floor = time.perf_counter() - started
        painter.end()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out = folder / f"{label}.pdf"
        printer.setOutputFileName(str(out))
        first: list[float] = []
        started = time.perf_counter()

        def page_out(done: int, _count: int, first: list[float] = first, started: float = started) -> None:
            if done == 1:
                first.append(time.perf_counter() - started)

        print_pdf(pdf, printer, progress=page_out)
        total = time.perf_counter() - started
        print(f"{label}: {pages} pages; to a CUPS queue the PDF itself, {len(pdf) / pages / 1024:.0f} KB per page; "
              f"rendered for a printer without PDF: {out.stat().st_size / pages / 1024:.0f} KB per page, first page "
              f"after {first[0] * 1000:.0f} ms (floors: one page to a 300-dpi image {floor * 1000:.0f} ms, ratio "
              f"{first[0] / floor:.2f}; that image also taken by the printer {printer_floor * 1000:.0f} ms, ratio "
              f"{first[0] / printer_floor:.2f}), all pages {total:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
