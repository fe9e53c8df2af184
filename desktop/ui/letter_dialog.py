"""Which letter to give the visitor: a refusal, an extension, the outcome of the requests; in
which language, and how the visitor gets it (recorded with the letter)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QPushButton, QWidget

from desktop.ui.common import tr


def letter_labels() -> dict[str, str]:
    return {
        "refusal": tr("Beslut om avslag (art. 12.4)"),
        "extension": tr("Förlängd svarstid (art. 12.3)"),
        "outcome": tr("Vad vi har gjort med begäran"),
    }


def method_labels() -> dict[str, str]:
    return {"handed": tr("Lämnas i handen här"), "posted": tr("Skickas per post"), "emailed": tr("Skickas per e-post")}


class LetterDialog(QDialog):
    """Returns (kind, language, method, "print" | "save") through `choice` when accepted."""

    def __init__(self, kinds: list[str], methods: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Brev till besökaren"))
        self.choice: tuple[str, str, str, str] | None = None
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.setObjectName("letter_kind")
        labels = letter_labels()
        for kind in kinds:  # Visit.letters(): those this case can have
            self.kind.addItem(labels[kind], kind)
        self.language = QComboBox()
        self.language.addItem(tr("Svenska"), "sv")
        self.language.addItem(tr("Engelska"), "en")
        self.method = QComboBox()
        self.method.setObjectName("letter_method")
        for value, label in method_labels().items():
            if value in methods:  # Visit.letter_methods(): by post only for a postal answer
                self.method.addItem(label, value)
        form.addRow(tr("Brev"), self.kind)
        form.addRow(tr("Språk"), self.language)
        form.addRow(tr("Besökaren får det"), self.method)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        print_button = QPushButton(tr("Skriv ut …"))
        save_button = QPushButton(tr("Spara som PDF …"))
        buttons.addButton(print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        print_button.clicked.connect(lambda: self._choose("print"))
        save_button.clicked.connect(lambda: self._choose("save"))
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for button in (print_button, save_button):
            button.setEnabled(self.kind.count() > 0)

    def _choose(self, action: str) -> None:
        self.choice = (self.kind.currentData(), self.language.currentData(), self.method.currentData(), action)
        self.accept()
