"""A new visit: what the visitor asks for, the identity check, and the case registered.

One form, in the order the desk works, usable from the keyboard alone: Tab moves on,
Ctrl+Enter registers. The personnummer is checked as it is typed; an expired document and a
machine-readable zone that disagrees stop the way on with a message that says why.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.clock import local_date
from desktop.core.documents import DocumentType, expiry_problem
from desktop.core.identity import InvalidPersonnummer, parse_personnummer
from desktop.core.mrz import InvalidMrz, parse_mrz
from desktop.core.requests import RequestType
from desktop.core.verification import Mandate, MandateType
from desktop.services.cases import (
    InputProblem,
    OpenedCase,
    PersonInput,
    open_case,
    personnummer_note,
    visit_problems,
    visitor_identifier_words,
)
from desktop.services.desk import Desk
from desktop.services.staff import NotAllowed
from desktop.ui.common import (
    age_note_text,
    document_labels,
    heading,
    input_problem,
    mandate_labels,
    mandate_prefix,
    personnummer_problem,
    request_labels,
    service_message,
    tr,
)
from desktop.ui.fields import DateField, address_edit, wheel_only_when_focused


class PersonFields(QWidget):
    """Personnummer, name and the ID document of one person, with live checks."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.personnummer = QLineEdit()
        self.personnummer.setObjectName(f"{prefix}personnummer")
        self.personnummer.setPlaceholderText(tr("ÅÅMMDD-NNNN"))
        self.personnummer_status = QLabel()
        self.personnummer_status.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName(f"{prefix}name")
        self.document_type = QComboBox()
        self.document_type.setObjectName(f"{prefix}document_type")
        wheel_only_when_focused(self.document_type)
        for value, label in document_labels().items():
            if prefix and not DocumentType(value).is_document:
                continue  # whoever acts for the visitor shows a document of their own
            self.document_type.addItem(label, value)
        self.country = QLineEdit("SE")
        self.country.setObjectName(f"{prefix}country")
        self.country.setMaxLength(3)
        self.country.setMaximumWidth(60)
        self.document_number = QLineEdit()
        self.document_number.setObjectName(f"{prefix}document_number")
        self.document_number.setMaximumWidth(300)
        self.document_number.setPlaceholderText(tr("Minst de fyra sista tecknen"))
        self.document_number.setToolTip(tr("Bara de fyra sista tecknen sparas."))
        self.expiry = DateField()  # empty: staff read the date off the document
        self.expiry.setObjectName(f"{prefix}expiry")
        self.expiry_status = QLabel()
        self.expiry_status.setWordWrap(True)
        self.description = QLineEdit()
        self.description.setObjectName(f"{prefix}description")
        self.description.setPlaceholderText(tr("Beskriv handlingen (bara för ”Annan handling”)"))
        self.mrz = QPlainTextEdit()
        self.mrz.setObjectName(f"{prefix}mrz")
        self.mrz.setPlaceholderText(tr("Valfritt: läs in eller skriv maskinläsbara zonen (MRZ)"))
        self.mrz.setFont(QFont("DejaVu Sans Mono", 9))
        self.mrz.setFixedHeight(64)
        self.mrz.setTabChangesFocus(True)
        self.mrz_status = QLabel()
        form.addRow(tr("Personnummer"), self.personnummer)
        form.addRow("", self.personnummer_status)
        form.addRow(tr("Namn (som på id-handlingen)"), self.name)
        form.addRow(tr("Id-handling"), self.document_type)
        country_row = QHBoxLayout()
        country_row.addWidget(self.country)
        number_label = QLabel(tr("Nummer"))
        number_label.setBuddy(self.document_number)
        country_row.addWidget(number_label)
        # The row's label belongs to the layout: each field is named for a screen reader itself.
        self.country.setAccessibleName(tr("Utfärdat i (land)"))
        self.document_number.setAccessibleName(tr("Id-handlingens nummer"))
        country_row.addWidget(self.document_number, 1)
        country_row.addStretch(1)
        form.addRow(tr("Utfärdat i (land)"), country_row)
        form.addRow(tr("Giltig till och med"), self.expiry)
        form.addRow("", self.expiry_status)
        form.addRow("", self.description)
        form.addRow(tr("MRZ"), self.mrz)
        form.addRow("", self.mrz_status)
        for field in (self.personnummer, self.name, self.document_type, self.description, self.mrz):
            field.setMaximumWidth(640)  # a wide screen does not make a name 1,700 px long
        self.personnummer.textChanged.connect(self._check_personnummer)
        self.expiry.changed.connect(self._check_expiry)
        self.document_type.currentIndexChanged.connect(self._type_changed)
        self.mrz.textChanged.connect(self._read_mrz)
        self._type_changed()
        self._check_expiry()

    def _check_personnummer(self) -> None:
        text_typed = self.personnummer.text()
        if not text_typed.strip():
            self.personnummer_status.clear()
            return
        try:
            pin = parse_personnummer(text_typed)
        except InvalidPersonnummer as exc:
            digits = sum(c.isdigit() for c in text_typed)
            if exc.code in ("length", "format") and digits < 10:
                self.personnummer_status.setObjectName("hint")
                self.personnummer_status.setText(tr("Skriv 10 eller 12 siffror."))
            else:
                self.personnummer_status.setObjectName("problem")
                self.personnummer_status.setText(personnummer_problem(exc.code))
        else:
            kind = tr("Samordningsnummer") if pin.is_coordination_number else tr("Personnummer")
            text = tr("%1 giltigt – född %2").replace("%1", kind).replace("%2", pin.birth_date.isoformat())
            note = personnummer_note(text_typed)
            self.personnummer_status.setObjectName("ok" if note is None else "warning")
            if note is not None:  # accepted, but the age is said so that a wrong sign is noticed
                text += ". " + age_note_text(note.code, note.age)
            self.personnummer_status.setText(text)
        self.personnummer_status.setStyleSheet("")  # re-apply the style for the new object name

    def _check_expiry(self) -> None:
        if not DocumentType(self.document_type.currentData()).is_document:
            return
        expiry = self.expiry.value()
        if self.expiry.unreadable:
            self.expiry_status.setObjectName("problem")
            self.expiry_status.setText(tr("Datumet går inte att läsa. Skriv det som ÅÅÅÅ-MM-DD."))
        elif expiry is None:
            self.expiry_status.setObjectName("hint")
            self.expiry_status.setText(tr("Skriv när handlingen går ut, som det står på den."))
        elif (problem := expiry_problem(expiry, local_date())) is not None:
            self.expiry_status.setObjectName("problem")
            self.expiry_status.setText(expired_text() if problem == "expired" else input_problem("expiry", problem))
        else:
            self.expiry_status.clear()
        self.expiry_status.setStyleSheet("")

    def _type_changed(self) -> None:
        value = DocumentType(self.document_type.currentData())
        if value.is_swedish:
            self.country.setText("SE")
        self.country.setEnabled(not value.is_swedish)
        self.description.setVisible(value is DocumentType.OTHER)
        # No document shown: nothing to read off one; the answer goes by post (DOMAIN).
        for field in (self.document_number, self.expiry, self.mrz):
            field.setEnabled(value.is_document)
        if not value.is_document:
            self.expiry.clear()
            self.expiry_status.setObjectName("hint")
            self.expiry_status.setText(
                tr("Inget lämnas ut vid disken: svaret skickas per post till adressen i folkbokföringen.")
                if value is DocumentType.POSTAL_ANSWER
                else tr("Företrädaren visar sin id-handling och sin behörighet nedan; svaret lämnas till hen.")
            )
            self.expiry_status.setStyleSheet("")
        else:
            self._check_expiry()

    def _read_mrz(self) -> None:
        text = self.mrz.toPlainText().strip()
        if not text:
            self.mrz_status.clear()
            return
        try:
            zone = parse_mrz(text)
        except InvalidMrz as exc:
            self.mrz_status.setObjectName("hint" if exc.code == "shape" else "problem")
            self.mrz_status.setText(input_problem("mrz", exc.code))
        except ValueError:
            self.mrz_status.setObjectName("problem")
            self.mrz_status.setText(tr("Landet i maskinläsbara zonen är okänt."))
        else:
            # Fill in what the zone tells, so that staff only check it.
            self.expiry.setDate(zone.expiry)
            self.document_number.setText(zone.number_last4)
            self.country.setText(zone.issuing_country)
            self.mrz_status.setObjectName("ok")
            self.mrz_status.setText(tr("Zonen är läst och kontrollsiffrorna stämmer."))
        self.mrz_status.setStyleSheet("")

    def value(self) -> PersonInput:
        return PersonInput(
            personnummer=self.personnummer.text(),
            name=self.name.text(),
            document_type=self.document_type.currentData(),
            document_country=self.country.text(),
            document_number=self.document_number.text(),
            document_expiry=self.expiry.value(),
            document_description=self.description.text(),
            mrz=self.mrz.toPlainText() or None,
        )

    def clear(self) -> None:
        for field in (self.personnummer, self.name, self.document_number, self.description):
            field.clear()
        self.mrz.clear()
        self.country.setText("SE")
        self.document_type.setCurrentIndex(0)
        self.expiry.clear()


def alongside_labels() -> dict[str, str]:
    return {
        "separate-errand": tr("Besökaren vill att det hanteras som ett eget ärende"),
        "open-case-answered": tr("Det öppna ärendet är besvarat och ska bara avslutas"),
    }


def expired_text() -> str:
    """What to do when the document has expired (DOMAIN: no usable ID at the desk)."""
    return tr(
        "Handlingen har gått ut och kan inte godtas. Be om en annan giltig id-handling (pass, "
        "nationellt id-kort, körkort, SIS-märkt id-kort), eller låt ett ombud med fullmakt företräda "
        "besökaren. Utan giltig handling lämnas inget utdrag ut här: välj ”Ingen giltig id-handling”, så "
        "registreras begäran och svaret skickas per post till adressen i folkbokföringen."
    )


def detail_hints() -> dict[RequestType, str]:
    """What to ask the visitor for each request that needs more than a tick (Art. 16-21, 7.3)."""
    return {
        RequestType.RECTIFICATION: tr("Vad är fel, och vad ska det vara?"),
        RequestType.ERASURE: tr("Vilka uppgifter ska raderas?"),
        RequestType.RESTRICTION: tr("Vilken behandling ska begränsas, och varför?"),
        RequestType.OBJECTION: tr("Mot vilken behandling, och av vilket skäl?"),
        RequestType.OBJECTION_DIRECT_MARKETING: tr("Valfritt: vilka utskick (annars alla)"),
        RequestType.WITHDRAW_CONSENT: tr("Vilket samtycke?"),
    }


class NewVisitPage(QWidget):
    case_opened = Signal(object)  # OpenedCase
    existing_case = Signal(str)  # the number of the open case the visitor already has
    add_to_case = Signal(str, object)  # that case's number, and the requests to add to it

    def __init__(self, desk: Desk, staff_username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.staff_username = staff_username
        self._alongside: str | None = None  # why a second case is opened, when the desk said so
        outer = QVBoxLayout(self)
        outer.addWidget(heading(tr("Ny besökare")))
        scroll = QScrollArea()
        scroll.setAccessibleName(tr("Ny besökare"))
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        requests_box = QGroupBox(tr("1. Vad begär besökaren?"))
        grid = QGridLayout(requests_box)
        self.requests: dict[RequestType, QCheckBox] = {}
        for n, (value, label) in enumerate(request_labels().items()):
            box = QCheckBox(label)
            box.setObjectName(f"request_{value}")
            self.requests[RequestType(value)] = box
            grid.addWidget(box, n // 2, n % 2)
        self.requests[RequestType.ACCESS].setChecked(True)
        # What the visitor says about the request (DOMAIN: what the desk records), shown when ticked.
        self.details_form = QFormLayout()
        self.details: dict[RequestType, QLineEdit] = {}
        for request, hint in detail_hints().items():
            edit = QLineEdit()
            edit.setObjectName(f"details_{request.value}")
            edit.setPlaceholderText(hint)
            self.details[request] = edit
            self.details_form.addRow(request_labels()[request.value], edit)
            self.details_form.setRowVisible(edit, False)
            self.requests[request].toggled.connect(
                lambda on, e=edit: (self.details_form.setRowVisible(e, on), e.setFocus() if on else None)
            )
        grid.addLayout(self.details_form, (len(self.requests) + 1) // 2, 0, 1, 2)
        layout.addWidget(requests_box)
        person_box = QGroupBox(tr("2. Kontrollera identiteten"))
        person_layout = QVBoxLayout(person_box)
        self.person = PersonFields("")
        person_layout.addWidget(self.person)
        layout.addWidget(person_box)
        # The address an answer by post goes to (no ID shown): typed now, or confirmed from a system later.
        self.address_row = QWidget()
        address_form = QFormLayout(self.address_row)
        address_form.setContentsMargins(0, 0, 0, 0)
        self.postal_address = address_edit(
            tr("Gatuadress\n123 45 Ort\n(kan också bekräftas ur systemen efter insamlingen)")
        )
        address_form.addRow(tr("Adress i folkbokföringen"), self.postal_address)
        person_layout.addWidget(self.address_row)
        self.person.document_type.currentIndexChanged.connect(self._subject_document_changed)
        self.representative_box = QGroupBox(
            tr("Besökaren företräds (vårdnadshavare, god man/förvaltare eller ombud med fullmakt)")
        )
        self.representative_box.setObjectName("representative")
        self.representative_box.setCheckable(True)
        self.representative_box.setChecked(False)
        rep_layout = QVBoxLayout(self.representative_box)
        self.representative = PersonFields("representative_")
        rep_layout.addWidget(self.representative)
        mandate_form = QFormLayout()
        self.mandate_type = QComboBox()
        wheel_only_when_focused(self.mandate_type)
        for value, label in mandate_labels().items():
            self.mandate_type.addItem(label, MandateType(value))
        self.mandate_date = DateField()  # as it stands on the power of attorney
        self.mandate_date.setObjectName("mandate_date")
        self.mandate_signed_by = QLineEdit()
        self.mandate_signed_by.setObjectName("mandate_signed_by")
        self.mandate_signed_by.setPlaceholderText(tr("Vem har skrivit under, eller vad styrker vårdnaden"))
        self.mandate_scope = QLineEdit()
        self.mandate_scope.setObjectName("mandate_scope")
        self.mandate_scope.setPlaceholderText(tr("Till exempel: begära registerutdrag och radering hos oss"))
        self.mandate_scope.setMaxLength(1000)
        mandate_form.addRow(tr("Behörighet"), self.mandate_type)
        mandate_form.addRow(tr("Daterad"), self.mandate_date)
        mandate_form.addRow(tr("Undertecknad av"), self.mandate_signed_by)
        mandate_form.addRow(tr("Fullmakten omfattar"), self.mandate_scope)
        self.mandate_form = mandate_form
        self.mandate_type.currentIndexChanged.connect(self._mandate_changed)
        rep_layout.addLayout(mandate_form)
        layout.addWidget(self.representative_box)
        layout.addWidget(self._identifier_box())
        self.representative.setVisible(False)
        self.representative_box.toggled.connect(self.representative.setVisible)
        self._mandate_changed()
        self._subject_document_changed()
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        outer.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.print_receipt = QCheckBox(tr("Skriv ut kvittot direkt"))
        self.print_receipt.setObjectName("print_receipt")
        self.print_receipt.setToolTip(tr("Kvittot visar ärendenummer och sista svarsdag; besökaren tar det med sig."))
        self.print_receipt.setChecked(QSettings("Insyn", "Insyn").value("print_receipt", "true") == "true")
        self.print_receipt.toggled.connect(
            lambda on: QSettings("Insyn", "Insyn").setValue("print_receipt", "true" if on else "false")
        )
        buttons.addWidget(self.print_receipt)
        buttons.addStretch(1)
        clear = QPushButton(tr("Rensa"))
        clear.setToolTip(tr("Töm formuläret"))
        clear.clicked.connect(self.clear)
        self.register_button = QPushButton(tr("Registrera ärende (Ctrl+Enter)"))
        self.register_button.setToolTip(tr("Registrera ärendet med dess svarsdag och skriv ut kvittot"))
        self.register_button.setObjectName("primary")
        self.register_button.clicked.connect(self.register)
        buttons.addWidget(clear)
        buttons.addWidget(self.register_button)
        outer.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(
                QKeySequence(keys),
                self,
                self.register,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        # Once problems are shown, each is cleared as soon as it is fixed.
        self._checking = False
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(150)
        self._recheck_timer.timeout.connect(self._recheck)

        def later(*_args: object) -> None:
            self._recheck_timer.start()

        for line in self.findChildren(QLineEdit):
            line.textChanged.connect(later)
        for text in self.findChildren(QPlainTextEdit):
            text.textChanged.connect(later)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(later)
        self.representative_box.toggled.connect(later)
        for check in self.requests.values():
            check.toggled.connect(later)

    def _mandate_changed(self) -> None:
        """A power of attorney is dated and says what it covers; guardianship and a god man's
        appointment are shown by a document whose signer is written."""
        attorney = self.mandate_type.currentData() == MandateType.POWER_OF_ATTORNEY
        self.mandate_form.setRowVisible(self.mandate_date, attorney)
        self.mandate_form.setRowVisible(self.mandate_scope, attorney)

    def _subject_document_changed(self) -> None:
        kind = DocumentType(self.person.document_type.currentData())
        self.address_row.setVisible(kind is DocumentType.POSTAL_ANSWER)
        if kind is DocumentType.REPRESENTED and not self.representative_box.isChecked():
            self.representative_box.setChecked(True)  # whoever acts for the visitor is checked instead

    def _identifier_box(self) -> QGroupBox:
        """The visitor's own e-mail, phone, customer number …: said or shown at the desk, searched
        like those found in the systems (a match on exactly them needs no confirmation)."""
        box = QGroupBox(tr("3. Besökarens egna uppgifter att söka på (frivilligt)"))
        form = QFormLayout(box)
        self.identifiers: dict[str, QLineEdit] = {}
        for kind, word in visitor_identifier_words(self.desk).items():
            field = QLineEdit()
            field.setObjectName(f"identifier_{kind}")
            field.setPlaceholderText(tr("Flera skiljs med semikolon"))
            field.setMaximumWidth(480)
            self.identifiers[kind] = field
            form.addRow(word[:1].upper() + word[1:], field)
        return box

    def identifier_values(self) -> list[tuple[str, str]]:
        return [
            (kind, value.strip())
            for kind, field in self.identifiers.items()
            for value in field.text().split(";")
            if value.strip()
        ]

    def clear(self) -> None:
        for field in self.identifiers.values():
            field.clear()
        self.person.clear()
        self.representative.clear()
        self.representative_box.setChecked(False)
        self.postal_address.clear()
        self.mandate_scope.clear()
        self.mandate_signed_by.clear()
        self.mandate_date.clear()
        for request, box in self.requests.items():
            box.setChecked(request is RequestType.ACCESS)
        for edit in self.details.values():
            edit.clear()
        self.problem.clear()
        self._checking = False
        self.person.personnummer.setFocus()

    def allow_duplicate(self, personnummer: str) -> bool:
        """A visitor with an open case: open that case instead, or register a new one anyway."""
        from desktop.services.casework import open_cases_of

        existing = open_cases_of(self.desk, personnummer)
        if not existing:
            return True
        choice, _, number = self.ask_duplicate(existing).partition(":")
        if not number and len(existing) == 1:
            number = existing[0]
        if choice == "open" and number in existing:
            self.clear()
            self.existing_case.emit(number)
            return False
        if choice == "add" and number in existing:  # the ticked requests join the case chosen
            requests = self._requests()
            self.clear()
            self.add_to_case.emit(number, requests)
            return False
        if choice == "new":
            reason = self.ask_alongside_reason()
            if reason:
                self._alongside = reason
                return True
        return False

    def ask_alongside_reason(self) -> str:
        """Why a second case, although one is open: one of ALONGSIDE_REASONS, or '' (cancel);
        tests replace this."""
        from PySide6.QtWidgets import QInputDialog

        labels = alongside_labels()
        title, question = tr("Nytt ärende vid sidan av det öppna"), tr("Varför ett nytt ärende?")
        choice, ok = QInputDialog.getItem(self, title, question, list(labels.values()), 0, False)
        return next((code for code, label in labels.items() if label == choice), "") if ok else ""

    def ask_duplicate(self, existing: list[str]) -> str:
        """'add:NUMBER', 'open:NUMBER', 'new' or '' (cancel); with one open case 'add' and 'open'
        name it. Tests replace this."""
        dialog = self.duplicate_box(existing)
        dialog.exec()
        return dialog.choice

    def duplicate_box(self, existing: list[str]) -> DuplicateDialog:
        return DuplicateDialog(existing, self)

    def _requests(self) -> list[tuple[RequestType, str | None]]:
        requests: list[tuple[RequestType, str | None]] = []
        for request, box in self.requests.items():
            if box.isChecked():
                edit = self.details.get(request)
                detail = edit.text().strip() if edit is not None else ""
                requests.append((request, detail or None))
        return requests

    def _representative(self) -> tuple[PersonInput, Mandate] | None:
        if not self.representative_box.isChecked():
            return None
        attorney = self.mandate_type.currentData() == MandateType.POWER_OF_ATTORNEY
        mandate = Mandate(
            MandateType(self.mandate_type.currentData()),
            self.mandate_date.value() if attorney else None,
            self.mandate_signed_by.text(),
            self.mandate_scope.text() if attorney else "",
        )
        return self.representative.value(), mandate

    def problems(self) -> list[InputProblem]:
        """Everything the form still lacks, at once (the service's rules, not the window's)."""
        return visit_problems(self.desk, self.person.value(), self._requests(), representative=self._representative(),
                              identifiers=self.identifier_values(), staff_name=self.staff_username,
                              postal_address=self._postal_address())  # fmt: skip

    def _postal_address(self) -> str | None:
        postal = self.person.document_type.currentData() == DocumentType.POSTAL_ANSWER
        return self.postal_address.toPlainText() if postal else None

    def problem_text(self, problem: InputProblem) -> str:
        if problem.field.startswith("request.") and problem.code == "details":
            label = request_labels().get(problem.field.removeprefix("request."), "")
            return tr("Skriv vad besökaren begär: %1.").replace("%1", label)
        # Whose document or detail it is, where two people's are on the form.
        prefix = ""
        if problem.field.startswith("representative."):
            prefix = mandate_prefix(str(self.mandate_type.currentData()))
        elif self.representative_box.isChecked() and problem.field in ("personnummer", "name", "document", "mrz"):
            prefix = mandate_prefix(None)
        return prefix + input_problem(problem.field.split(".")[-1], problem.code)

    def field_of(self, problem: InputProblem) -> QWidget | None:
        """The field a problem is about, to put the cursor there."""
        field = problem.field
        if field.startswith("request."):
            return self.details.get(RequestType(field.removeprefix("request.")))
        if field.startswith("identifier."):
            return self.identifiers.get(field.removeprefix("identifier."))
        if field == "representative.mandate":
            return self.mandate_scope if problem.code == "mandate_scope" else self.mandate_signed_by
        if field == "postal_address":
            return self.postal_address
        person = self.representative if field.startswith("representative.") else self.person
        name = field.split(".")[-1]
        if name == "document":
            return {
                "expired": person.expiry,
                "expiry_missing": person.expiry,
                "number": person.document_number,
                "description": person.description,
                "country": person.country,
            }.get(problem.code, person.document_type)
        return {"personnummer": person.personnummer, "name": person.name, "mrz": person.mrz}.get(name)

    def show_problems(self, problems: list[InputProblem]) -> None:
        """All of them, one per line; the list follows every change until it is empty."""
        texts = list(dict.fromkeys(self.problem_text(p) for p in problems))
        self.problem.setText("\n".join(f"• {t}" for t in texts) if len(texts) > 1 else "".join(texts))
        self._checking = bool(problems)

    def _recheck(self) -> None:
        if self._checking:
            self.show_problems(self.problems())

    def register(self) -> OpenedCase | None:
        problems = self.problems()
        if problems:
            self.show_problems(problems)
            field = self.field_of(problems[0])
            if field is not None:
                field.setFocus()
            return None
        self._alongside = None
        if not self.allow_duplicate(self.person.personnummer.text()):
            return None
        try:
            opened = open_case(
                self.desk,
                self.person.value(),
                self._requests(),
                staff_username=self.staff_username,
                representative=self._representative(),
                identifiers=self.identifier_values(),
                alongside=self._alongside,
                postal_address=self._postal_address(),
            )
        except InputProblem as exc:  # what only the register can tell (none today): shown the same way
            self.show_problems([exc])
            return None
        except NotAllowed as exc:  # an account without the reception role
            self.problem.setText(service_message(exc))
            return None
        self.problem.clear()
        self._checking = False
        self.clear()
        self.case_opened.emit(opened)
        return opened


class DuplicateDialog(QDialog):
    """The visitor already has an open case: add the new request to one of them (each by its
    number), open one, or register a new case all the same. One row per case, so that the
    buttons never run off a 1024-pixel screen. `choice`: 'add:NUMBER', 'open:NUMBER', 'new' or ''."""

    def __init__(self, existing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle(tr("Besökaren har redan ett öppet ärende"))
        layout = QVBoxLayout(self)
        text = QLabel(
            tr("Besökaren har redan ett öppet ärende: %1. Lägg hellre till det nya i det ärendet.")
            .replace("%1", ", ".join(existing))
        )  # fmt: skip
        text.setWordWrap(True)
        layout.addWidget(text)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for row, number in enumerate(existing):  # each open case by its number: staff choose which
            add = QPushButton(tr("Lägg till begäran i ärende %1").replace("%1", number))
            show = QPushButton(tr("Öppna ärende %1").replace("%1", number))
            for column, (key, button) in enumerate(((f"add:{number}", add), (f"open:{number}", show))):
                self.buttons[key] = button
                button.clicked.connect(lambda _checked=False, key=key: self._choose(key))
                grid.addWidget(button, row, column)
        layout.addLayout(grid)
        bottom = QHBoxLayout()
        self.buttons["new"] = QPushButton(tr("Registrera ett nytt ärende ändå"))
        self.buttons["new"].clicked.connect(lambda: self._choose("new"))
        cancel = QPushButton(tr("Avbryt"))
        cancel.clicked.connect(self.reject)
        bottom.addWidget(self.buttons["new"])
        bottom.addStretch(1)
        bottom.addWidget(cancel)
        layout.addLayout(bottom)
        for button in self.buttons.values():
            button.setAutoDefault(False)
        first = self.buttons[f"add:{existing[0]}"]
        first.setDefault(True)
        first.setFocus()

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()
