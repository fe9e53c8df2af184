"""One case: its file and timeline, and the steps gather → review → deliver as tabs.

The gathered data lives here, in memory, only while this case is open; delivering or leaving
the case drops it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.extract import GatherResult
from desktop.core.staff import StaffMember
from desktop.errors import UserError
from desktop.services.visit import Action, CaseFile, DecisionKind, Desk, OwedCode, Step, StepCode, Visit
from desktop.ui.actions_view import ActionsView
from desktop.ui.auth import SIGN_IN_CODES, SignInDialog, sign_in_problem
from desktop.ui.case_overview import CaseOverview
from desktop.ui.common import (
    error_box,
    heading,
    request_labels,
    service_message,
    tr,
)
from desktop.ui.decision_dialog import DecisionDialog, DecisionForm
from desktop.ui.deliver_view import DeliverView
from desktop.ui.gather_view import GatherView, data_state_text
from desktop.ui.letter_dialog import LetterDialog
from desktop.ui.next_steps import NextSteps
from desktop.ui.printing import print_pdf
from desktop.ui.review_view import ReviewView, decision_lines


class CasePage(QWidget):
    closed = Signal()

    def __init__(self, desk: Desk, staff: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.staff = staff
        self.number = ""
        self.visit: Visit | None = None
        layout = QVBoxLayout(self)
        # The visitor's name on a line of its own (wrapping, never clipped), the actions below.
        self.title = heading("")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.next_steps = NextSteps()  # the case's checklist: what to do next, from the Visit's rules
        layout.addWidget(self.next_steps)
        # A marketing stop or a consent withdrawal that failed when the case was registered: the
        # receipt says it applies from today, so the desk must see at once that it is not done.
        self.action_problem = QLabel()
        self.action_problem.setObjectName("problem")
        self.action_problem.setWordWrap(True)
        self.action_problem.setAccessibleName(tr("Stopp som inte kunde genomföras"))
        self.action_problem.setVisible(False)
        layout.addWidget(self.action_problem)
        top = QHBoxLayout()
        self.receipt_button = QPushButton(tr("Skriv ut kvitto (Ctrl+K)"))
        self.receipt_button.setToolTip(tr("Kvittot med ärendenummer och sista svarsdag, som besökaren tar med sig"))
        self.receipt_button.setObjectName("receipt")
        self.receipt_button.setShortcut(QKeySequence("Ctrl+K"))
        self.save_receipt_button = QPushButton(tr("Spara kvitto …"))
        self.save_receipt_button.setToolTip(tr("Spara kvittot som PDF"))
        self.extend_button = QPushButton(tr("Förläng svarstiden …"))
        self.extend_button.setToolTip(
            tr("Förläng svarstiden med upp till två månader, med skäl, inom den första månaden (art. 12.3)")
        )
        self.reject_button = QPushButton(tr("Avslå …"))
        self.reject_button.setToolTip(
            tr("Avslå begäran med skäl; besökaren får veta sin rätt att klaga till IMY (art. 12.4)")
        )
        self.withdraw_button = QPushButton(tr("Återkalla …"))
        self.withdraw_button.setObjectName("withdraw")
        self.withdraw_button.setToolTip(
            tr("Besökaren tar tillbaka sin begäran, eller ärendet registrerades av misstag.")
        )
        self.close_button = QPushButton(tr("Avsluta ärendet"))
        self.close_button.setToolTip(tr("Avsluta ärendet när besökaren har fått allt"))
        self.close_button.setObjectName("close_case")
        self.letter_button = QPushButton(tr("Brev …"))
        self.letter_button.setObjectName("letter")
        self.letter_button.setToolTip(tr("Beslut om avslag, förlängd svarstid eller vad vi har gjort med begäran"))
        for button in (
            self.receipt_button,
            self.letter_button,
            self.extend_button,
            self.reject_button,
            self.withdraw_button,
            self.close_button,
        ):
            top.addWidget(button)
        top.addStretch(1)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tabs.setAccessibleName(tr("Ärendets steg"))
        self.overview = CaseOverview()
        self.overview.changed.connect(self._overview_changed)
        self.gather = GatherView()
        self.review = ReviewView()
        self.deliver = DeliverView()
        self.tabs.addTab(self.overview, tr("Översikt"))
        self.tabs.addTab(self.gather, tr("1. Insamling"))
        self.tabs.addTab(self.review, tr("2. Granskning"))
        self.tabs.addTab(self.deliver, tr("3. Utlämning"))
        self.rights_view = ActionsView()  # shown for an erasure, restriction or rectification carried out in systems
        self.tabs.addTab(self.rights_view, tr("4. Åtgärder"))
        self.tabs.setTabVisible(self.tabs.indexOf(self.rights_view), False)
        self.rights_view.changed.connect(self.refresh)
        layout.addWidget(self.tabs, 1)
        self.gather.finished.connect(self._gathered)
        self.gather.answered.connect(self.refresh)
        self.gather.started.connect(lambda: self.next_steps.show_steps(self.visit, [Step(StepCode.GATHERING)]))
        self.review.approve_requested.connect(self.approve)
        self.deliver.delivered.connect(self._delivered)
        self.deliver.copied.connect(self.refresh)
        self.receipt_button.clicked.connect(self.print_receipt)
        self.save_receipt_button.clicked.connect(self.save_receipt)
        self.extend_button.clicked.connect(self.ask_extension)
        self.reject_button.clicked.connect(self.ask_rejection)
        self.withdraw_button.clicked.connect(self.ask_withdrawal)
        self.close_button.clicked.connect(self.close_case)
        self.letter_button.clicked.connect(self.write_letter)
        QShortcut(QKeySequence("F5"), self, self.gather_now, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # Loading -----------------------------------------------------------------------------

    @property
    def result(self) -> GatherResult | None:
        """The gathered data on hand (None once delivered, dropped or never gathered)."""
        return self.visit.result if self.visit is not None else None

    def show_case(self, number: str, *, start_gather: bool = False) -> None:
        if number != self.number or self.visit is None:
            self.drop_data()
            self.visit = Visit(self.desk, number, self.staff)
        else:
            self.visit.refresh()  # the same case again: as another desk may have left it
        self.number = number
        self.gather.set_visit(self.visit)
        self.deliver.set_visit(self.visit)
        self.rights_view.set_visit(self.visit)
        self.show_action_problems()
        self.refresh()
        if start_gather:
            self.tabs.setCurrentWidget(self.gather)
            self.gather.start()
        else:
            self.tabs.setCurrentIndex(0)

    def adopt(self, visit: Visit, tab: int) -> None:
        """A case carried over from the window in the other language, with its gathered data,
        decisions and approval (a language switch loses nothing; the preview is made again)."""
        self.drop_data()
        self.visit, self.number = visit, visit.number
        self.gather.set_visit(visit)
        self.deliver.set_visit(visit)
        self.rights_view.set_visit(visit)
        self.show_action_problems()
        if visit.result is not None:
            self.gather.show_result(visit.result)
            self.review.show_result(visit)
        self.refresh()
        self.tabs.setCurrentIndex(tab)

    def release(self) -> Visit | None:
        """Hand the open case over (to a window in another language): this page forgets it
        without dropping its data. None while a gather or a print is running."""
        if self.visit is None or self.gather.running or self.deliver.printing:
            return None
        visit, self.visit = self.visit, None
        self.review.drop()
        self.deliver.drop()
        return visit

    def refresh(self) -> None:
        """Show the case as the Visit holds it (it reads the register again after each change it
        makes; `reload` reads it when someone else may have changed it)."""
        if self.visit is not None:
            self.show_file(self.visit.file)

    def reload(self) -> None:
        if self.visit is not None:
            self.show_file(self.visit.refresh())

    def _overview_changed(self) -> None:
        """An outcome or the address an answer by post goes to was kept: shown, and the extract
        on hand made again with it (a preview without the address cannot be posted)."""
        self.refresh()
        if self.deliver.rendered is not None and self.visit is not None and self.visit.result is not None:
            self.deliver.show_extract()

    def gather_now(self) -> None:
        """F5 anywhere on the case: to the gather tab, and gather where the case allows it."""
        if self.visit is None or self.gather.running:
            return
        self.tabs.setCurrentWidget(self.gather)
        self.gather.start()

    def no_data_text(self) -> str:
        assert self.visit is not None
        return data_state_text(self.visit)

    def show_file(self, file: CaseFile) -> None:
        visit = self.visit
        rights = visit is not None and visit.rights_configured()
        self.tabs.setTabVisible(self.tabs.indexOf(self.rights_view), rights)
        if rights:
            self.rights_view.show_manual()
            self.rights_view.show_recipients()
        name = file.subject_name or tr("(personuppgifterna gallrade)")  # purged under the register's retention
        self.title.setText(tr("Ärende %1 – %2").replace("%1", file.number).replace("%2", name))
        if visit is not None:
            self.overview.show_file(visit, file)
        self.update_actions()

    def update_actions(self) -> None:
        """Buttons follow what the case's rules allow now (the Visit decides)."""
        self.next_steps.show_steps(self.visit)
        allowed = self.visit.allowed_actions() if self.visit is not None else frozenset()
        self.extend_button.setEnabled(Action.EXTEND in allowed)
        self.reject_button.setEnabled(Action.REJECT in allowed)
        self.withdraw_button.setEnabled(Action.WITHDRAW in allowed)
        self.close_button.setEnabled(Action.CLOSE in allowed)
        self.receipt_button.setEnabled(Action.RECEIPT in allowed)
        self.letter_button.setEnabled(self.visit is not None and bool(self.visit.letters()))
        self.overview.outcome_button.setEnabled(Action.RECORD_OUTCOME in allowed)
        self.review.approve_button.setEnabled(Action.APPROVE in allowed)
        if self.visit is not None and self.visit.result is None:  # each tab says what became of the data
            self.review.summary.setText(self.no_data_text())
            if self.deliver.rendered is None and not self.deliver.printing:
                self.deliver.status.setText(self.no_data_text())
        self.gather.update_actions()
        self.deliver.update_actions()

    # The steps ---------------------------------------------------------------------------

    def _gathered(self, result: GatherResult) -> None:
        assert self.visit is not None
        self.review.show_result(self.visit, self.gather.prepared)  # type: ignore[arg-type]
        self.gather.prepared = None
        self.deliver.set_visit(self.visit)
        self.rights_view.set_visit(self.visit)
        self.show_action_problems()
        # A manual check to answer keeps the desk on this tab: its answer goes into the extract.
        if not self.gather.unanswered_manual():
            self.tabs.setCurrentWidget(self.review)
        self.show_file(self.visit.file)

    def show_action_problems(self) -> None:
        """The marketing stop or consent withdrawal this gather carried out, where a system could
        not be changed: named with the system's reason, until a later gather carries it out."""
        failed = [s for s in self.visit.last_actions if s.failed] if self.visit is not None else []
        names = self.visit.source_names() if self.visit is not None else {}
        lines = [
            tr("Kunde inte genomföras i %1: %2. Det gäller ändå från i dag – ärendet har det kvar: samla in igen "
               "(F5) eller kontakta IT.")
            .replace("%1", names.get(s.source_id, s.source_id))
            .replace("%2", s.title + " – " + s.problem)
            for s in failed
        ]  # fmt: skip
        self.action_problem.setText("\n".join(lines))
        self.action_problem.setVisible(bool(lines))

    def approve(self) -> None:
        """Release the reviewed extract; where the organisation requires it, a second person with
        the approver role signs with their password (the Visit checks who may)."""
        if self.visit is None:
            return
        undecided = self.visit.undecided_weak()
        if undecided:
            if not self.ask_leave_out_weak(undecided):
                self.tabs.setCurrentWidget(self.review)
                return
            self.visit.leave_out_weak()
            self.review.update_summary()
        try:
            if self.visit.approval_required:
                if not self.ask_approval():
                    return
            else:
                self.visit.approve()
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        finally:
            self.show_file(self.visit.file)
        self.tabs.setCurrentWidget(self.deliver)
        self.deliver.view.setFocus()  # the approve button is gone from sight: focus goes with the desk
        self.deliver.show_extract()

    def ask_leave_out_weak(self, count: int) -> bool:
        """Possible matches nobody decided on: leave them out (the extract says how many), or go
        back and decide. Tests replace this."""
        box = QMessageBox(self)
        box.setWindowTitle(tr("Möjliga träffar"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            tr(
                "%Ln möjliga träffar är inte avgjorda. Lämna dem utanför utdraget? Utdraget säger då hur "
                "många som inte är med och varför.",
                None,
                count,
            )
        )
        leave = box.addButton(tr("Lämna utanför och fortsätt"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Granska dem först"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is leave

    def still_owed_lines(self) -> list[str]:
        """What the approver must know is not in this extract (Visit.owed_after_this_extract)."""
        if self.visit is None:
            return []
        names = self.visit.source_names()
        texts = {
            "manual_unanswered": tr("Följer senare – den manuella kontrollen är inte besvarad: %1"),
            "system_failed": tr("Följer senare – systemet kunde inte sökas: %1"),
            "action_owed": tr("Stoppet är inte genomfört i %1"),
            "rights_owed": tr("Begäran är inte genomförd i %1 (4. Åtgärder)"),
            "manual_action_owed": tr("Det som görs för hand är inte gjort i %1 (4. Åtgärder)"),
            "recipient_owed": tr("Mottagaren har inte fått besked (artikel 19): %1"),
            "erasure_incomplete": tr("Raderingen är inte helt genomförd i %1 (4. Åtgärder)"),
        }
        return [
            texts[o.code].replace("%1", names.get(o.subject, o.subject)) for o in self.visit.owed_after_this_extract()
        ]

    def ask_approval(self) -> bool:
        """The approver signs with their own password in a dialog; tests replace this."""
        assert self.visit is not None
        visit = self.visit
        dialog = SignInDialog(
            self.desk,
            self,
            title=tr("Godkännande av granskare"),
            purpose="approval",
            attempt=lambda username, password: visit.approve(username, password),
            action_label=tr("Godkänn"),
            summary=decision_lines(visit.decisions(), visit.counts()) + self.still_owed_lines(),
        )
        return bool(dialog.exec())

    def _delivered(self, _method: str) -> None:
        # The visitor has the extract: the gathered data is not kept any longer.
        self.review.drop()
        self.refresh()

    def drop_data(self) -> None:
        if self.gather.running:
            self.gather.cancel()
        if self.visit is not None:
            self.visit.drop()
        self.review.drop()
        self.deliver.drop()

    # Decisions ---------------------------------------------------------------------------

    def print_receipt(self) -> None:
        """The visitor's receipt (case number, deadline, what was asked) on the desk's printer."""
        if self.visit is None:
            return
        printer = self.deliver.ask_printer(f"kvitto-{self.number}")
        if printer is None:
            return
        try:
            pdf = self.visit.receipt()
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        if not print_pdf(pdf, printer, title=f"kvitto-{self.number}"):
            error_box(self, tr("Skrivaren kunde inte startas."))

    def save_receipt(self) -> None:
        path = self.deliver.ask_save_path(tr("Spara kvittot"), f"kvitto-{self.number}.pdf", "PDF (*.pdf)")
        if path and self.visit is not None:
            try:
                self.visit.save_receipt(path, overwrite=True)  # the save dialog asked
            except UserError as exc:
                error_box(self, service_message(exc))

    def ask_letter(self) -> tuple[str, str, str, str] | None:
        """(kind, language, method, "print" | "save"), or None; tests replace this."""
        if self.visit is None:
            return None
        dialog = LetterDialog(self.visit.letters(), self.visit.letter_methods(), self)
        return dialog.choice if dialog.exec() else None

    def write_letter(self) -> None:
        """A letter for the visitor, printed or saved; recorded with how the visitor gets it."""
        choice = self.ask_letter()
        if choice is not None:
            self.send_letter(*choice)

    def send_letter(self, kind: str, language: str, method: str, action: str) -> None:
        """Print or save the letter of `kind` and record it as given (`method`); a cancelled
        printer or save dialog records nothing."""
        if self.visit is None:
            return
        try:
            rendered = self.visit.letter(kind, language)
            if action == "print":
                printer = self.deliver.ask_printer(f"brev-{kind}-{self.number}")
                if printer is None:
                    return
                if not print_pdf(rendered.pdf, printer, title=f"brev-{kind}-{self.number}"):
                    error_box(self, tr("Skrivaren kunde inte startas."))
                    return
                self.visit.letter_sent(rendered, method)
            else:
                path = self.deliver.ask_save_path(tr("Spara brevet"), f"brev-{kind}-{self.number}.pdf", "PDF (*.pdf)")
                if not path:
                    return
                self.visit.letter_sent(rendered, method, path, overwrite=True)
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        finally:
            self.refresh()

    # Decisions -----------------------------------------------------------------------------

    def decision_dialog(self, kind: DecisionKind) -> DecisionDialog | None:
        """The form for a decision on this case (tests fill it in and press its button)."""
        if self.visit is None:
            return None
        return DecisionDialog(self.visit, kind, self.owed_texts(), self.take_decision, self)

    def ask_decision(self, kind: DecisionKind) -> None:
        """Refuse, extend, withdraw or close through the decision's form; its letter, if staff
        chose to give it at once, is printed or saved right after."""
        dialog = self.decision_dialog(kind)
        if dialog is None or not dialog.exec():
            return
        if kind.ends:
            self.tabs.setCurrentIndex(0)  # the case has ended: its overview, with what follows
        if kind is DecisionKind.CLOSING:
            self.closed.emit()
        elif dialog.letter_now is not None and kind.letter is not None:
            now = dialog.letter_now
            self.send_letter(kind.letter, now.language, now.method, now.action)

    def ask_extension(self) -> None:
        self.ask_decision(DecisionKind.EXTENSION)

    def ask_rejection(self) -> None:
        self.ask_decision(DecisionKind.REFUSAL)

    def ask_withdrawal(self) -> None:
        """The visitor takes the request back, or it was registered by mistake: the case ends
        without an answer and the gathered data is let go."""
        self.ask_decision(DecisionKind.WITHDRAWAL)

    def close_case(self) -> None:
        self.ask_decision(DecisionKind.CLOSING)

    def take_decision(self, form: DecisionForm) -> str | None:
        """Ask the Visit to take the decision; None when taken, else the message why not. The
        gathered data is let go once the case has ended (or the Visit has let it go trying); a
        refusal it turned down loses nothing."""
        visit = self.visit
        if visit is None:
            return tr("Inget ärende är öppet.")
        ends = form.kind.ends
        if ends and self.gather.running:  # a gather in flight is stopped first
            self.drop_data()
        try:
            visit.decide(form.kind, reason=form.reason, reason_code=form.reason_code, approver=form.approver,
                         password=form.password)  # fmt: skip
        except UserError as exc:
            return sign_in_problem(exc) if exc.code in SIGN_IN_CODES else service_message(exc)
        finally:
            if ends and visit.result is None:
                self.drop_data()
            self.refresh()
        return None

    def owed_texts(self) -> list[str]:
        """What the visitor is still owed, in Swedish (from the Visit's rules)."""
        if self.visit is None:
            return []
        labels = request_labels()
        names = self.visit.source_names()
        texts = []
        for owed in self.visit.owed():
            if owed.code is OwedCode.OUTCOME_MISSING:
                texts.append(tr("utfall för %1").replace("%1", labels.get(owed.subject, owed.subject)))
            elif owed.code is OwedCode.MANUAL_UNANSWERED:
                texts.append(tr("svar från %1").replace("%1", names.get(owed.subject, owed.subject)))
            elif owed.code is OwedCode.ACTION_OWED:
                texts.append(tr("stoppet i %1").replace("%1", names.get(owed.subject, owed.subject)))
            elif owed.code is OwedCode.RIGHTS_OWED:
                texts.append(tr("åtgärden i %1").replace("%1", names.get(owed.subject, owed.subject)))
            elif owed.code is OwedCode.MANUAL_ACTION_OWED:
                texts.append(tr("det som görs för hand i %1").replace("%1", names.get(owed.subject, owed.subject)))
            elif owed.code is OwedCode.RECIPIENT_OWED:
                texts.append(tr("besked till mottagaren %1 (artikel 19)").replace("%1", owed.subject))
            elif owed.code is OwedCode.ERASURE_INCOMPLETE:
                texts.append(tr("resten av raderingen i %1").replace("%1", names.get(owed.subject, owed.subject)))
            elif owed.code is OwedCode.LETTER_OWED:
                texts.append(
                    tr("beslutet om avslag") if owed.subject == "refusal" else tr("beskedet om förlängd svarstid")
                )
            elif owed.code is OwedCode.SUPPLEMENT_OWED:
                texts.append(tr("kompletterande utdrag för %1").replace("%1", names.get(owed.subject, owed.subject)))
            else:
                texts.append(tr("registerutdraget"))
        return texts
