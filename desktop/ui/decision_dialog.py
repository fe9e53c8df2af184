"""A decision on the case, taken as a form: refuse the request (Art. 12.4), extend the time to
answer (Art. 12.3), withdraw the case, close it.

The form asks for what the decision needs — the reasons the visitor will read, the new deadline
shown before it is set, the approver's signature where the policy asks one to decide a refusal —
shows the letter as it will read, and offers to print or save it at once. The Visit takes the
decision and refuses what is missing; the form only says so, and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.visit import DecisionKind, Signer, Visit
from desktop.ui.common import code_message, heading, tr
from desktop.ui.letter_dialog import method_labels
from desktop.ui.workers import run_task

PREVIEW_DELAY_MS = 500  # the letter is drawn again once typing pauses this long


def withdrawal_labels() -> dict[str, str]:
    """The withdrawal reasons the Visit takes, as staff read them."""
    labels = {
        "visitor-withdrew": tr("Besökaren tar tillbaka sin begäran"),
        "registered-by-mistake": tr("Ärendet registrerades av misstag"),
    }
    return {code: labels.get(code, code) for code in Visit.withdrawal_reasons()}


@dataclass(frozen=True)
class DecisionForm:
    """What the form holds when staff take the decision."""

    kind: DecisionKind
    reason: str = ""  # the visitor reads it (refusal, extension); kept with the case (closing)
    reason_code: str = ""  # a withdrawal's: visitor-withdrew or registered-by-mistake
    approver: str | None = None  # a refusal decided by an approver at another person's desk
    password: str | None = None


@dataclass(frozen=True)
class LetterNow:
    """The decision's letter, given at once: in which language, how the visitor gets it, and
    whether it is printed or saved."""

    language: str
    method: str
    action: str  # "print" | "save"


class DecisionDialog(QDialog):
    """`perform` takes the decision (the case page's, through the Visit) and returns None, or
    the message saying why it was refused: the form stays open with everything typed."""

    def __init__(
        self,
        visit: Visit,
        kind: DecisionKind,
        owed: list[str],
        perform: Callable[[DecisionForm], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.visit = visit
        self.kind = kind
        self.owed = owed
        self.perform = perform
        self.letter_now: LetterNow | None = None  # set when accepted with "print/save now"
        self._preview_token = 0
        self._alive = [True]  # False once Qt has deleted the form: a late preview is dropped
        alive = self._alive
        self.destroyed.connect(lambda: alive.__setitem__(0, False))
        self.previewed_pdf = b""  # the letter the preview shows
        titles = {
            DecisionKind.REFUSAL: tr("Avslå begäran"),
            DecisionKind.EXTENSION: tr("Förläng svarstiden"),
            DecisionKind.WITHDRAWAL: tr("Återkalla ärendet"),
            DecisionKind.CLOSING: tr("Avsluta ärendet"),
        }
        self.setWindowTitle(titles[kind] + f" – {visit.number}")
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        left.addWidget(heading(titles[kind]))
        self.explanation = QLabel(self._explanation())
        self.explanation.setObjectName("decision_explanation")
        self.explanation.setWordWrap(True)
        left.addWidget(self.explanation)
        form = QFormLayout()
        left.addLayout(form)
        self.code = QComboBox()
        self.code.setObjectName("withdrawal_reason")
        self.code.setAccessibleName(tr("Varför ärendet återkallas"))
        self.code.addItem(tr("– välj –"), "")
        for code, label in withdrawal_labels().items():
            self.code.addItem(label, code)
        if kind is DecisionKind.WITHDRAWAL:
            form.addRow(tr("Varför?"), self.code)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("decision_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(90)
        reason_labels = {
            DecisionKind.REFUSAL: tr("Skälen (besökaren läser dem)"),
            DecisionKind.EXTENSION: tr("Skälen (besökaren läser dem)"),
            DecisionKind.CLOSING: tr("Varför avslutas ärendet ändå?"),
        }
        if kind in reason_labels and (kind is not DecisionKind.CLOSING or owed):
            self.reason.setAccessibleName(reason_labels[kind])
            self.reason.setPlaceholderText(
                tr("Skälet sparas i ärendet.") if kind is DecisionKind.CLOSING
                else tr("Skriv skälen så att besökaren förstår dem.")
            )  # fmt: skip
            form.addRow(reason_labels[kind], self.reason)
        else:
            self.reason.setVisible(False)
        self.approver = QLineEdit()
        self.approver.setObjectName("decider_username")
        self.approver.setAccessibleName(tr("Granskarens användarnamn"))
        self.password = QLineEdit()
        self.password.setObjectName("decider_password")
        self.password.setAccessibleName(tr("Granskarens lösenord"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.decider = QLabel()
        self.decider.setObjectName("decider")
        self.decider.setWordWrap(True)
        if kind is DecisionKind.REFUSAL and visit.signer_needed(Signer.REFUSAL):
            self.decider.setText(tr("Organisationen låter en granskare besluta om avslag. Granskaren skriver under:"))
            form.addRow(tr("Beslutar"), self.decider)
            form.addRow(tr("Granskarens användarnamn"), self.approver)
            form.addRow(tr("Granskarens lösenord"), self.password)
        else:
            self.decider.setText(visit.staff.display_name)
            form.addRow(tr("Beslutar"), self.decider)
        self.language = QComboBox()
        self.language.setObjectName("letter_language")
        self.language.setAccessibleName(tr("Brevets språk"))
        self.language.addItem(tr("Svenska"), "sv")
        self.language.addItem(tr("Engelska"), "en")
        self.method = QComboBox()
        self.method.setObjectName("letter_method")
        self.method.setAccessibleName(tr("Hur besökaren får brevet"))
        for value, label in method_labels().items():
            if value in visit.letter_methods():  # by post only for an answer by post
                self.method.addItem(label, value)
        self.when = QButtonGroup(self)
        self.print_now = QRadioButton(tr("Skriv ut brevet nu"))
        self.print_now.setObjectName("letter_print_now")
        self.save_now = QRadioButton(tr("Spara brevet som PDF nu"))
        self.save_now.setObjectName("letter_save_now")
        self.later = QRadioButton(tr("Senare (steget står kvar i ärendet)"))
        self.later.setObjectName("letter_later")
        for button in (self.print_now, self.save_now, self.later):
            self.when.addButton(button)
        self.print_now.setChecked(True)
        self.preview_document = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setObjectName("letter_preview")
        self.preview.setAccessibleName(tr("Brevet som besökaren får"))
        self.preview.setDocument(self.preview_document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setMinimumWidth(380)
        if kind.letter is not None:
            letter_box = QGroupBox(tr("Brevet till besökaren"))
            letter_form = QFormLayout(letter_box)
            letter_form.addRow(tr("Språk"), self.language)
            letter_form.addRow(tr("Besökaren får det"), self.method)
            letter_form.addRow(self.print_now)
            letter_form.addRow(self.save_now)
            letter_form.addRow(self.later)
            left.addWidget(letter_box)
            outer.addWidget(self.preview, 4)
        else:
            self.preview.setVisible(False)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        left.addWidget(self.problem)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        actions = {
            DecisionKind.REFUSAL: tr("Avslå (Ctrl+Enter)"),
            DecisionKind.EXTENSION: tr("Förläng (Ctrl+Enter)"),
            DecisionKind.WITHDRAWAL: tr("Återkalla (Ctrl+Enter)"),
            DecisionKind.CLOSING: tr("Avsluta (Ctrl+Enter)"),
        }
        self.decide_button = QPushButton(actions[kind])
        self.decide_button.setObjectName("primary")
        self.decide_button.setDefault(True)
        self.decide_button.clicked.connect(self.try_decide)
        cancel = QPushButton(tr("Avbryt (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.decide_button)
        buttons.addWidget(cancel)
        left.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_decide)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.show_preview)
        if kind.letter is not None:
            self.reason.textChanged.connect(self._timer.start)
            self.language.currentIndexChanged.connect(self._timer.start)
            self.show_preview()
        first = {DecisionKind.WITHDRAWAL: self.code}.get(kind, self.reason)
        (first if first.isVisible() or kind is not DecisionKind.CLOSING else self.decide_button).setFocus()
        self.resize(1000 if kind.letter else 560, 640 if kind.letter else 320)

    def _explanation(self) -> str:
        visit = self.visit
        if self.kind is DecisionKind.REFUSAL:
            return tr(
                "Begäran avslås. Besökaren ska utan dröjsmål få beslutet med skälen, och veta att de kan "
                "klaga hos Integritetsskyddsmyndigheten och gå till domstol (art. 12.4). Insamlade uppgifter "
                "släpps ur programmet."
            )
        if self.kind is DecisionKind.EXTENSION:
            new = visit.extension_deadline()
            text = tr(
                "Svaret ska ges senast %1. Med förlängning: senast %2. Det går en gång, och besökaren ska få "
                "veta skälen före %1 (art. 12.3)."
            )
            return text.replace("%1", visit.file.deadline.isoformat()).replace(
                "%2", new.isoformat() if new else tr("kan inte förlängas")
            )
        if self.kind is DecisionKind.WITHDRAWAL:
            return tr("Ärendet avslutas utan svar och insamlade uppgifter släpps ur programmet.")
        if self.owed:
            return tr("Besökaren har inte fått: %1 (art. 12.3). Ärendet kan inte öppnas igen.").replace(
                "%1", ", ".join(self.owed)
            )
        return tr("Besökaren har fått allt. Ärendet avslutas och kan inte öppnas igen.")

    # The letter's preview ------------------------------------------------------------------

    def show_preview(self) -> None:
        """Draw the letter as it will read, on a worker (a register read and a PDF)."""
        letter = self.kind.letter
        if letter is None:
            return
        visit, reason, language = self.visit, self.reason.toPlainText(), self.language.currentData()
        self._preview_token += 1
        token = self._preview_token

        def work() -> bytes:
            return visit.letter_preview(letter, reason or "…", language)

        run_task(work, lambda pdf: self._previewed(pdf, token), lambda _exc: None)

    def _previewed(self, pdf: bytes, token: int) -> None:
        if not self._alive[0] or token != self._preview_token:  # deleted, closed, or typed on meanwhile
            return
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.preview_document.close()
        self.preview_document.load(buffer)
        self.previewed_pdf = pdf

    # Taking the decision -------------------------------------------------------------------

    def form(self) -> DecisionForm:
        needs_approver = self.kind is DecisionKind.REFUSAL and self.visit.signer_needed(Signer.REFUSAL)
        return DecisionForm(
            self.kind,
            reason=self.reason.toPlainText().strip() if self.reason.isVisibleTo(self) else "",
            reason_code=self.code.currentData() or "",
            approver=self.approver.text().strip() or None if needs_approver else None,
            password=self.password.text() if needs_approver else None,
        )

    def missing(self, form: DecisionForm) -> str:
        """What the form lacks, said before the Visit is asked (the Visit refuses it too)."""
        if self.kind is DecisionKind.WITHDRAWAL and not form.reason_code:
            return code_message("withdraw.reason")
        if self.kind is DecisionKind.REFUSAL and not form.reason:
            return code_message("reject.reason")
        if self.kind is DecisionKind.EXTENSION and not form.reason:
            return code_message("extend.reason")
        if self.kind is DecisionKind.CLOSING and self.owed and not form.reason:
            return code_message("close.owed")
        if (
            self.kind is DecisionKind.REFUSAL
            and self.visit.signer_needed(Signer.REFUSAL)
            and not (form.approver and form.password)
        ):
            return tr("Granskaren skriver sitt användarnamn och lösenord.")
        return ""

    def try_decide(self) -> None:
        form = self.form()
        problem = self.missing(form) or self.perform(form)
        self.password.clear()
        if problem:
            self.problem.setText(problem)
            (self.reason if self.reason.isVisibleTo(self) and not form.reason else self.decide_button).setFocus()
            return
        if self.kind.letter is not None and not self.later.isChecked():
            action = "print" if self.print_now.isChecked() else "save"
            self.letter_now = LetterNow(self.language.currentData(), self.method.currentData(), action)
        self.accept()

    def done(self, result: int) -> None:
        self._preview_token += 1  # a preview still being drawn is not shown
        super().done(result)
