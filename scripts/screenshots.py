"""Run the desk program on a virtual screen through one whole visit and save a screenshot of
every step (scripts/screenshots [OUT_DIR]). Uses Qt's offscreen platform: no display needed."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate, QThreadPool
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.services.casework import warm_up
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.staff import sign_in
from desktop.ui.app import install_translator
from desktop.ui.auth import SignInDialog
from desktop.ui.common import STYLE
from desktop.ui.main_window import MainWindow


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    app.setStyleSheet(STYLE)  # as run_gui does
    install_translator(app, "sv")  # as the program starts: Qt's dialogs and the counts in Swedish
    work = Path(tempfile.mkdtemp(prefix="insyn-shots-"))
    demo = create_demo(work, people=500, seed=1)
    desk = open_desk(demo.config_path)
    warm_up(desk)  # as the program does behind the sign-in: extracts render in a child process
    # The demo's own accounts: disk1 / demo-disk1 and granskare / demo-granskare.

    def wait(condition, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    dialog = SignInDialog(desk)
    dialog.username.setText("disk1")
    dialog.show()
    shot(dialog, "01-sign-in")
    staff = sign_in(desk, "disk1", "demo-disk1")
    window = MainWindow(desk, staff)
    window.resize(1280, 820)
    window.show()
    example = demo.examples[0]
    window.show_new_visit()
    person = window.visit.person
    wrong_digit = str((int(example.personnummer[-1]) + 1) % 10)
    person.personnummer.setText(example.personnummer[:-1] + wrong_digit)
    person.name.setText(example.name)
    shot(window, "02-new-visit-wrong-number")
    person.personnummer.setText(example.personnummer)
    person.document_number.setText("AB1234567")
    person.expiry.setDate(QDate.currentDate().addYears(3))
    shot(window, "03-new-visit")
    receipt_printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # the receipt, printed to a file
    receipt_printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    receipt_printer.setOutputFileName(str(out / "kvitto.pdf"))
    window.case.deliver.ask_printer = lambda *_: receipt_printer  # type: ignore[method-assign]
    window.visit.register()
    shot(window, "04-gathering")
    wait(lambda: window.case.result is not None)
    window.case.tabs.setCurrentWidget(window.case.gather)
    shot(window, "05-gathered")
    window.case.tabs.setCurrentWidget(window.case.review)
    model = window.case.review.model
    chat = next((i for i in model.record_indexes() if model.record_at(i).category == "Chattkonversationer"), None)
    if chat is not None:
        window.case.review.tree.setCurrentIndex(chat)
        window.case.review.tree.scrollTo(chat)
    shot(window, "06-review")
    deliver = window.case.deliver
    window.case.tabs.setCurrentWidget(deliver)
    deliver.show_extract()  # a preview before the approval: a draft, nothing can leave the window
    wait(lambda: deliver.rendered is not None)
    wait(lambda: False, 2)
    shot(window, "06b-draft-not-approved")
    deliver.rendered = None
    window.case.ask_approval = lambda: bool(window.case.visit.approve("granskare", "demo-granskare"))  # type: ignore[method-assign,union-attr]
    window.case.ask_leave_out_weak = lambda _count: True  # type: ignore[method-assign]
    window.case.approve()
    wait(lambda: window.case.deliver.rendered is not None)
    wait(lambda: window.case.deliver.document.pageCount() > 0, 10)
    wait(lambda: False, 2)  # the preview renders its pages in the background
    shot(window, "07-preview")
    for language in ("sv", "en"):  # the extract's first page as the visitor reads it
        rendered = window.case.visit.render(language)  # type: ignore[union-attr]
        pdf = work / f"utdrag-{language}.pdf"
        pdf.write_bytes(rendered.pdf)
        name = out / f"11-extract-first-page-{language}"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(name)],
                       check=True)  # fmt: skip
        print(f"{name}.png")
    # The extract goes out with HR's manual check still open; it follows as a supplement.
    visit = window.case.visit
    assert visit is not None
    visit.render("sv")
    visit.deliver_files(work / "utdrag.pdf")
    window.case._delivered("saved")
    window.show_cases()
    shot(window, "13a-case-list-awaiting-supplement")
    window.show_case(visit.number)
    window.case.tabs.setCurrentWidget(window.case.gather)
    shot(window, "13b-awaiting-supplement")
    window.case.gather.start()
    wait(lambda: window.case.result is not None)
    visit.record_manual("rekrytering", found=True, note="En ansökan till tjänsten som montör, mars 2026.")
    visit.approve("granskare", "demo-granskare")
    pdf = work / "komplettering.pdf"
    pdf.write_bytes(visit.render("sv").pdf)
    visit.deliver_files(work / "komplettering-levererad.pdf")
    window.case._delivered("saved")
    name = out / "13-supplement-first-page"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(name)],
                   check=True)  # fmt: skip
    print(f"{name}.png")
    window.case.tabs.setCurrentIndex(0)
    shot(window, "08-case-timeline")
    window.show_cases()
    shot(window, "09-case-list")
    window.lock()
    shot(window, "10-locked")
    window.unlock()
    window.case.drop_data()
    for width, height in ((1024, 700), (1920, 1080)):
        unhappy_paths(window, demo, f"{width}x{height}", shot, wait)
        window.resize(width, height)
    window.close()
    QThreadPool.globalInstance().waitForDone()
    desk.close()


def unhappy_paths(window, demo, size: str, shot, wait) -> None:  # type: ignore[no-untyped-def]
    """The screens a receptionist meets when something is not right, at a small and a large
    screen: the form with its problems, a duplicate visitor, approval missing, closing with work
    left, a dialog when the lock comes, a closed case, and the review and the case overview."""
    from PySide6.QtWidgets import QInputDialog

    width, height = (int(n) for n in size.split("x"))
    window.resize(width, height)
    example = demo.examples[1]
    window.show_new_visit()
    form = window.visit
    form.clear()
    form.person.personnummer.setText(example.personnummer[:-1] + str((int(example.personnummer[-1]) + 1) % 10))
    form.register()  # every problem at once
    shot(window, f"20-form-problems-{size}")
    form.person.personnummer.setText(example.personnummer)
    form.person.name.setText(example.name)
    form.person.document_number.setText("AB1234567")
    form.person.expiry.setDate(QDate.currentDate().addYears(3))
    form.print_receipt.setChecked(False)
    opened = form.register()
    assert opened is not None
    wait(lambda: window.case.result is not None)
    shot(window, f"21-gathered-{size}")
    window.case.tabs.setCurrentWidget(window.case.review)
    shot(window, f"22-review-{size}")
    deliver = window.case.deliver
    window.case.tabs.setCurrentWidget(deliver)
    deliver.show_extract()
    wait(lambda: deliver.rendered is not None)
    wait(lambda: False, 1)
    shot(window, f"23-approval-missing-{size}")
    window.case.tabs.setCurrentIndex(0)
    shot(window, f"24-case-overview-{size}")
    # The same visitor comes back while the case is open.
    window.show_new_visit()
    form.person.personnummer.setText(example.personnummer)
    box, _buttons = form.duplicate_box([opened.number])
    box.show()
    shot(box, f"25-duplicate-visitor-{size}")
    box.close()
    window.show_case(opened.number)
    # Closing with work left: the reason is asked for, naming what is owed.
    dialog = window.case.closing_dialog(window.case.owed_texts() or ["registerutdraget"])
    dialog.show()
    shot(dialog, f"26-closing-with-work-left-{size}")
    dialog.close()
    # A dialog open when the lock comes: it goes, and what was typed with it.
    extension = QInputDialog(window)
    extension.setWindowTitle("Förläng svarstiden")
    extension.setTextValue("skäl som inte ska överleva låset")
    extension.show()
    window.lock()
    shot(window, f"27-locked-with-dialog-{size}")
    assert not extension.isVisible()
    window.unlock()
    window.case.end_case(lambda visit: visit.withdraw("registered-by-mistake"))
    window.show_case(opened.number)
    window.case.tabs.setCurrentWidget(window.case.gather)
    shot(window, f"28-closed-case-{size}")
    window.show_cases()
    shot(window, f"29-case-list-{size}")


if __name__ == "__main__":
    main()
