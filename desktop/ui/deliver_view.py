"""Delivery: the real extract PDF previewed in the window, printed, saved, or packaged.

The PDF is rendered on a worker and held in memory only; the preview reads it from a buffer.
Printing draws each page onto the printer on a white background (QtPdf renders transparent).
Every delivery is recorded with the PDF's SHA-256 and page count, and then the gathered data is
let go.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services.visit import Action, Output, RenderedExtract, Visit
from desktop.ui.common import error_box, service_message, tr
from desktop.ui.printing import (
    PrintCancelled,
    ask_printer,
    ask_save_file,
    chosen_pages,
    load_image_plugins,
    pdf_document,
    print_pdf,
)
from desktop.ui.workers import progress_relay, run_task

MULTI_PAGE_LIMIT = 150


class DeliverView(QWidget):
    delivered = Signal(str)  # how: printed, saved, zip
    copied = Signal()  # some pages printed for the desk: on the timeline, not a delivery

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit: Visit | None = None
        self.case_number = ""
        self.rendered: RenderedExtract | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.language = QComboBox()
        self.language.setObjectName("extract_language")
        self.language.setAccessibleName(tr("Utdragets språk"))
        self.language.addItem(tr("Svenska"), "sv")
        self.language.addItem(tr("Engelska"), "en")
        self.render_button = QPushButton(tr("Förhandsgranska utdraget"))
        self.render_button.setToolTip(tr("Visa utdraget som det blir; före godkännandet är det ett utkast"))
        self.render_button.setObjectName("render")
        self.print_button = QPushButton(tr("Skriv ut … (Ctrl+P)"))
        self.print_button.setToolTip(
            tr("Skriv ut det godkända utdraget; utlämningen registreras när hela utskriften har gått iväg")
        )
        self.print_button.setObjectName("print")
        self.save_button = QPushButton(tr("Spara som PDF …"))
        self.save_button.setToolTip(tr("Spara det godkända utdraget som PDF"))
        self.save_button.setObjectName("save_pdf")
        self.zip_button = QPushButton(tr("Maskinläsbar kopia (ZIP) …"))
        self.zip_button.setToolTip(tr("Uppgifterna som CSV och JSON i en ZIP-fil (art. 20)"))
        self.zip_button.setObjectName("save_zip")
        for widget in (
            QLabel(tr("Språk:")),
            self.language,
            self.render_button,
            self.print_button,
            self.save_button,
            self.zip_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.status = QLabel(tr("Granska och godkänn först; sedan visas utdraget här."))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setAccessibleName(tr("Förhandsgranskning av utdraget"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        pages = QHBoxLayout()
        self.previous_page = QPushButton(tr("◀ Föregående sida (PgUp)"))
        self.previous_page.setToolTip(tr("Föregående sida i förhandsgranskningen"))
        self.next_page = QPushButton(tr("Nästa sida (PgDn) ▶"))
        self.next_page.setToolTip(tr("Nästa sida i förhandsgranskningen"))
        self.page_label = QLabel()
        pages.addStretch(1)
        for widget in (self.previous_page, self.page_label, self.next_page):
            pages.addWidget(widget)
            widget.setVisible(False)
        pages.addStretch(1)
        layout.addLayout(pages)
        self._page = 0
        self.previous_page.clicked.connect(lambda: self._show_page(self._page - 1))
        self.next_page.clicked.connect(lambda: self._show_page(self._page + 1))
        self._print_cancel: threading.Event | None = None
        self._printed_pages: tuple[int, int] | None = None  # what the last print job took
        self._render_token = 0  # which rendering the page waits for (one left behind is ignored)
        self._rendered_language = "sv"
        self.render_button.clicked.connect(self.show_extract)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.zip_button.clicked.connect(self.zip_dialog)
        self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_button, self.zip_button):
            button.setEnabled(ready)

    def update_actions(self) -> None:
        """Output only of what may leave the desk: the Visit says whether the extract on hand is
        released; before that it can be previewed, nothing more."""
        visit = self.visit
        allowed = visit.allowed_actions() if visit is not None else frozenset()
        self.render_button.setEnabled(Action.PREVIEW in allowed)
        shown = visit is not None and self.rendered is not None and visit.rendered is self.rendered
        outputs = visit.outputs() if visit is not None and shown and not self.printing else frozenset()
        self.print_button.setEnabled(Output.PRINT in outputs)
        self.save_button.setEnabled(Output.PDF in outputs)
        self.zip_button.setEnabled(Output.ZIP in outputs)  # not for an answer that goes by post

    @property
    def result(self) -> object:
        return self.visit.result if self.visit is not None else None

    def set_visit(self, visit: Visit) -> None:
        if visit is not self.visit:  # another case: nothing of the last one's preview or status stays
            self.rendered = None
            self.document.close()
            self.status.setText(tr("Granska och godkänn först; sedan visas utdraget här."))
            for widget in (self.previous_page, self.next_page, self.page_label):
                widget.setVisible(False)
        elif visit.result is not None and self.rendered is None and not self.printing:
            # Gathered just now: what said "not started" a moment ago says what comes next.
            self.status.setText(tr("Granska och godkänn först; sedan visas utdraget här."))
        self.visit = visit
        self.case_number = visit.number
        self.update_actions()

    def show_extract(self) -> None:
        visit = self.visit
        if visit is None or Action.PREVIEW not in visit.allowed_actions():
            return
        self.status.setText(tr("Utdraget tas fram …"))
        self.render_button.setEnabled(False)
        language = self.language.currentData()
        gui_thread = QCoreApplication.instance().thread()  # type: ignore[union-attr]

        def work() -> tuple[RenderedExtract, QPdfDocument, str]:
            rendered = visit.render(language, with_package=True)
            # Parsing a thousand-page PDF takes QtPdf a quarter of a second: done here, on the
            # worker, and the loaded document handed over to the GUI thread.
            document = pdf_document(rendered.pdf)
            document.moveToThread(gui_thread)
            return rendered, document, language

        self._render_token += 1
        token = self._render_token
        run_task(work, lambda done: self._rendered(done, token), lambda exc: self._failed(exc, token))

    def _rendered(self, done: tuple[RenderedExtract, QPdfDocument, str], token: int | None = None) -> None:
        if token is not None and token != self._render_token:  # the case was left meanwhile
            done[1].deleteLater()
            return
        rendered, document, self._rendered_language = done
        self.rendered = rendered
        old = self.document
        document.setParent(self)
        self.document = document
        # Laying out every page of a thousand-page extract stalls the window; long ones are
        # previewed a page at a time, with the page buttons.
        long_document = rendered.pages > MULTI_PAGE_LIMIT
        self.view.setPageMode(QPdfView.PageMode.SinglePage if long_document else QPdfView.PageMode.MultiPage)
        for button in (self.previous_page, self.next_page, self.page_label):
            button.setVisible(long_document)
        self.view.setDocument(document)
        self._show_page(0)
        old.close()
        old.deleteLater()
        if self.visit is not None and self.visit.deliverable and self.visit.address_needed:
            self.status.setText(
                tr("Utdraget har %1 sidor. Det skickas per post: skriv in eller bekräfta adressen i "
                   "folkbokföringen först (Översikt), så tas det fram med adressen.").replace("%1", str(rendered.pages))
            )  # fmt: skip
        elif self.visit is not None and self.visit.deliverable:
            self.status.setText(
                tr("Utdraget har %1 sidor. Skriv ut det eller spara det.").replace("%1", str(rendered.pages))
            )
            if self.isVisible():
                QTimer.singleShot(0, self.print_button.setFocus)  # Space prints, Tab goes on to saving
        else:
            self.status.setText(
                tr("Utkast – ej godkänt. Utdraget har %1 sidor; det kan lämnas ut först när det är godkänt.")
                .replace("%1", str(rendered.pages))
            )  # fmt: skip
        if self.visit is not None:
            counts = self.visit.counts()
            if counts.get("weak_undecided"):
                self.status.setText(
                    self.status.text()
                    + " "
                    + tr("%Ln möjliga träffar är inte avgjorda.", None, counts["weak_undecided"])
                )
            elif counts.get("weak_left_out"):
                self.status.setText(
                    self.status.text()
                    + " "
                    + tr("%Ln möjliga träffar lämnas utanför; utdraget säger det.", None, counts["weak_left_out"])
                )
        self.update_actions()

    def _show_page(self, page: int) -> None:
        count = self.document.pageCount()
        if not count:
            return
        self._page = max(0, min(page, count - 1))
        self.view.pageNavigator().jump(self._page, QPointF(), self.view.pageNavigator().currentZoom())
        self.page_label.setText(tr("Sida %1 av %2").replace("%1", str(self._page + 1)).replace("%2", str(count)))

    def _failed(self, exc: BaseException, token: int | None = None) -> None:
        if token is not None and token != self._render_token:  # the case was left meanwhile: no box
            return
        self.render_button.setEnabled(True)
        self.status.setText(tr("Utdraget kunde inte tas fram."))
        error_box(self, service_message(exc) if isinstance(exc, UserError) else tr("Utdraget kunde inte tas fram."))

    # Delivery ----------------------------------------------------------------------------

    def _recorded(self, visit: Visit, method: str) -> None:
        if visit is not self.visit:
            return  # staff went on to another case while it printed: recorded all the same
        self.status.setText(
            tr(
                "Utlämningen är registrerad. De insamlade uppgifterna är släppta; utdraget finns kvar här för fler kopior tills du lämnar ärendet."  # noqa: E501 - one literal for lupdate
            )
        )
        self.update_actions()
        self.delivered.emit(method)

    def ask_printer(self, document: str = "") -> QPrinter | None:
        """The system's print dialog; tests replace this with a printer writing a PDF file."""
        return ask_printer(self, document or f"registerutdrag-{self.case_number}")

    def _may_deliver(self) -> bool:
        """Ask the Visit before anything leaves the window; say why not in Swedish."""
        if self.visit is None or self.rendered is None:
            return False
        try:
            self.visit.check_deliverable()
        except UserError as exc:
            error_box(self, service_message(exc))
            return False
        return True

    def print_dialog(self) -> None:
        if not self._may_deliver():
            return
        printer = self.ask_printer()
        if printer is not None:
            self.print_to(printer)

    @property
    def printing(self) -> bool:
        return self._print_cancel is not None

    def print_to(self, printer: QPrinter) -> None:
        """Print on a worker, page by page with progress; Esc stops it. The delivery is
        recorded when the last page has gone to the printer."""
        if self.rendered is None or self.printing or not self._may_deliver():
            return
        cancel = self._print_cancel = threading.Event()
        visit = self.visit
        assert visit is not None
        pdf = self.rendered.pdf
        self._print_relay, progress = progress_relay(self._print_progress)
        self.print_button.setEnabled(False)
        self.status.setText(tr("Skriver ut … (Esc avbryter)"))
        title = f"registerutdrag-{visit.number}"  # the job's name in the print queue
        self._printed_pages = chosen_pages(printer, self.rendered.pages)

        def pages_done(done: int, count: int) -> None:
            progress((done, count))

        load_image_plugins()  # here, not on the worker (see printing.py)
        run_task(
            lambda: print_pdf(pdf, printer, progress=pages_done, cancel=cancel, title=title),
            lambda started: self._printed(started, visit),
            self._print_failed,
        )

    def _print_progress(self, done_count: tuple[int, int]) -> None:
        done, count = done_count
        self.status.setText(
            tr("Skriver ut sida %1 av %2 … (Esc avbryter)").replace("%1", str(done)).replace("%2", str(count))
        )

    def _printed(self, started: bool, visit: Visit) -> None:
        self._print_cancel = None
        self.update_actions()
        if not started:
            self.status.setText(tr("Skrivaren kunde inte startas."))
            error_box(self, tr("Skrivaren kunde inte startas."))
            return
        try:
            # The Visit decides: the whole extract printed is a delivery, some pages are a copy.
            delivered = visit.printed(pages=self._printed_pages)
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        if not delivered:
            first, last = self._printed_pages or (1, 1)
            self.status.setText(
                tr("Sidorna %1–%2 skrevs ut som en kopia. Utdraget är inte utlämnat förrän hela har skrivits ut.")
                .replace("%1", str(first))
                .replace("%2", str(last))
            )
            self.copied.emit()
            return
        self._recorded(visit, "printed")

    def _print_failed(self, exc: BaseException) -> None:
        self._print_cancel = None
        self.update_actions()
        if isinstance(exc, PrintCancelled):
            self.status.setText(tr("Utskriften avbröts. Inget är registrerat som utlämnat."))
            return
        self.status.setText(tr("Utskriften misslyckades."))
        error_box(self, tr("Utskriften misslyckades."))

    def cancel_print(self) -> None:
        if self._print_cancel is not None:
            self._print_cancel.set()

    def ask_save_path(self, title: str, suggestion: str, pattern: str) -> str:
        """Where to save: the dialog starts where staff last saved (else Documents, else home)
        with the case in the name."""
        return ask_save_file(self, title, suggestion, pattern)

    def _save(self, method: str, path: str) -> None:
        visit = self.visit
        assert visit is not None
        try:
            if method == "zip":
                visit.deliver_files(zip_path=path, overwrite=True)  # the save dialog asked
            else:
                visit.deliver_files(pdf_path=path, overwrite=True)
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        self._recorded(visit, method)

    def save_dialog(self) -> None:
        if not self._may_deliver():
            return
        path = self.ask_save_path(tr("Spara utdraget"), f"registerutdrag-{self.case_number}.pdf", "PDF (*.pdf)")
        if path:
            self._save("saved", path)

    def zip_dialog(self) -> None:
        if not self._may_deliver() or self.rendered is None or self.rendered.package is None:
            return
        path = self.ask_save_path(
            tr("Spara maskinläsbar kopia"), f"registerutdrag-{self.case_number}.zip", "ZIP (*.zip)"
        )
        if path:
            self._save("zip", path)

    def drop(self) -> None:
        self._render_token += 1  # a rendering still on its way belongs to what was dropped
        self.rendered = None
        self.document.close()
        self._set_ready(False)
        for widget in (self.previous_page, self.next_page, self.page_label):
            widget.setVisible(False)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_P and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.print_dialog()
            return
        if event.key() == Qt.Key.Key_Escape and self.printing:
            self.cancel_print()
            return
        super().keyPressEvent(event)
