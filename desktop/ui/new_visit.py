"""A new visit: what the visitor asks for, the identity check, and the case registered.

One form, in the order the desk works, usable from the keyboard alone: Tab moves on,
Ctrl+Enter registers. The personnummer is checked as it is typed; an expired document and a
machine-readable zone that disagrees stop the way on with a message that says why.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
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

from desktop.core.documents import DocumentType
from desktop.core.identity import InvalidPersonnummer, parse_personnummer
from desktop.core.mrz import InvalidMrz, parse_mrz
from desktop.core.requests import RequestType
from desktop.core.verification import Mandate, MandateType
from desktop.services.cases import InputProblem, OpenedCase, PersonInput, open_case
from desktop.services.desk import Desk
from desktop.ui.common import (
    document_labels,
    heading,
    input_problem,
    personnummer_problem,
    request_labels,
    tr,
)


class PersonFields(QWidget):
    """Personnummer, name and the ID document of one person, with live checks."""

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.personnummer = QLineEdit()
        self.personnummer.setObjectName(f"{prefix}personnummer")
        self.personnummer.setPlaceholderText(tr("ÅÅMMDD-NNNN"))
        self.personnummer_status = QLabel()
        self.name = QLineEdit()
        self.name.setObjectName(f"{prefix}name")
        self.document_type = QComboBox()
        self.document_type.setObjectName(f"{prefix}document_type")
        for value, label in document_labels().items():
            self.document_type.addItem(label, value)
        self.country = QLineEdit("SE")
        self.country.setObjectName(f"{prefix}country")
        self.country.setMaxLength(3)
        self.country.setMaximumWidth(60)
        self.document_number = QLineEdit()
        self.document_number.setObjectName(f"{prefix}document_number")
        self.document_number.setPlaceholderText(tr("Minst de fyra sista tecknen – bara de sparas"))
        self.expiry = QDateEdit()
        self.expiry.setObjectName(f"{prefix}expiry")
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("yyyy-MM-dd")
        self.expiry.setDate(QDate.currentDate().addYears(1))
        self.expiry_status = QLabel()
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
        country_row.addWidget(QLabel(tr("Nummer")))
        country_row.addWidget(self.document_number, 1)
        form.addRow(tr("Utfärdat i (land)"), country_row)
        form.addRow(tr("Giltig till och med"), self.expiry)
        form.addRow("", self.expiry_status)
        form.addRow("", self.description)
        form.addRow(tr("MRZ"), self.mrz)
        form.addRow("", self.mrz_status)
        self.personnummer.textChanged.connect(self._check_personnummer)
        self.expiry.dateChanged.connect(self._check_expiry)
        self.document_type.currentIndexChanged.connect(self._type_changed)
        self.mrz.textChanged.connect(self._read_mrz)
        self._type_changed()
        self._check_expiry()

    def _check_personnummer(self) -> None:
        text = self.personnummer.text()
        if not text.strip():
            self.personnummer_status.clear()
            return
        try:
            pin = parse_personnummer(text)
        except InvalidPersonnummer as exc:
            digits = sum(c.isdigit() for c in text)
            if exc.code in ("length", "format") and digits < 10:
                self.personnummer_status.setObjectName("hint")
                self.personnummer_status.setText(tr("Skriv 10 eller 12 siffror."))
            else:
                self.personnummer_status.setObjectName("problem")
                self.personnummer_status.setText(personnummer_problem(exc.code))
        else:
            self.personnummer_status.setObjectName("ok")
            kind = tr("Samordningsnummer") if pin.is_coordination_number else tr("Personnummer")
            self.personnummer_status.setText(
                tr("%1 giltigt – född %2").replace("%1", kind).replace("%2", pin.birth_date.isoformat())
            )
        self.personnummer_status.setStyleSheet("")  # re-apply the style for the new object name

    def _check_expiry(self) -> None:
        if self.expiry.date().toPython() < date.today():
            self.expiry_status.setObjectName("problem")
            self.expiry_status.setText(tr("Handlingen har gått ut och kan inte godtas."))
        else:
            self.expiry_status.clear()
        self.expiry_status.setStyleSheet("")

    def _type_changed(self) -> None:
        value = self.document_type.currentData()
        if DocumentType(value).is_swedish:
            self.country.setText("SE")
        self.country.setEnabled(not DocumentType(value).is_swedish)
        self.description.setVisible(value == "other")

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
            self.expiry.setDate(QDate(zone.expiry.year, zone.expiry.month, zone.expiry.day))
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
            document_expiry=self.expiry.date().toPython(),
            document_description=self.description.text(),
            mrz=self.mrz.toPlainText() or None,
        )

    def clear(self) -> None:
        for field in (self.personnummer, self.name, self.document_number, self.description):
            field.clear()
        self.mrz.clear()
        self.country.setText("SE")
        self.document_type.setCurrentIndex(0)
        self.expiry.setDate(QDate.currentDate().addYears(1))


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

    def __init__(self, desk: Desk, staff_username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.staff_username = staff_username
        outer = QVBoxLayout(self)
        outer.addWidget(heading(tr("Ny besökare")))
        scroll = QScrollArea()
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
        self.representative_box = QGroupBox(tr("Besökaren företräds av ombud eller vårdnadshavare"))
        self.representative_box.setObjectName("representative")
        self.representative_box.setCheckable(True)
        self.representative_box.setChecked(False)
        rep_layout = QVBoxLayout(self.representative_box)
        self.representative = PersonFields("representative_")
        rep_layout.addWidget(self.representative)
        mandate_form = QFormLayout()
        self.mandate_type = QComboBox()
        for value, label in (
            (MandateType.POWER_OF_ATTORNEY, tr("Fullmakt")),
            (MandateType.GUARDIAN, tr("Vårdnadshavare")),
            (MandateType.TRUSTEE, tr("God man / förvaltare")),
        ):
            self.mandate_type.addItem(label, value)
        self.mandate_date = QDateEdit(QDate.currentDate())
        self.mandate_date.setCalendarPopup(True)
        self.mandate_date.setDisplayFormat("yyyy-MM-dd")
        self.mandate_signed_by = QLineEdit()
        self.mandate_signed_by.setPlaceholderText(tr("Vem har skrivit under, eller vad styrker vårdnaden"))
        mandate_form.addRow(tr("Behörighet"), self.mandate_type)
        mandate_form.addRow(tr("Daterad"), self.mandate_date)
        mandate_form.addRow(tr("Undertecknad av"), self.mandate_signed_by)
        rep_layout.addLayout(mandate_form)
        layout.addWidget(self.representative_box)
        layout.addWidget(self._identifier_box())
        self.representative.setVisible(False)
        self.representative_box.toggled.connect(self.representative.setVisible)
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
        clear.clicked.connect(self.clear)
        self.register_button = QPushButton(tr("Registrera ärende (Ctrl+Enter)"))
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

    def _identifier_box(self) -> QGroupBox:
        """The visitor's own e-mail, phone, customer number …: said or shown at the desk, searched
        like those found in the systems (a match on exactly them needs no confirmation)."""
        from desktop.services.compose import identifier_words

        box = QGroupBox(tr("3. Besökarens egna uppgifter att söka på (frivilligt)"))
        form = QFormLayout(box)
        words = identifier_words(self.desk.config, "sv")
        self.identifiers: dict[str, QLineEdit] = {}
        for kind in self.desk.config.identifier_strength:
            if kind in ("personnummer", "name"):
                continue
            field = QLineEdit()
            field.setObjectName(f"identifier_{kind}")
            field.setPlaceholderText(tr("Flera skiljs med semikolon"))
            field.setMaximumWidth(480)
            self.identifiers[kind] = field
            word = words.get(kind, kind)
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
        for request, box in self.requests.items():
            box.setChecked(request is RequestType.ACCESS)
        for edit in self.details.values():
            edit.clear()
        self.problem.clear()
        self.person.personnummer.setFocus()

    def allow_duplicate(self, personnummer: str) -> bool:
        """A visitor with an open case: open that case instead, or register a new one anyway."""
        from desktop.services.casework import open_cases_of

        existing = open_cases_of(self.desk, personnummer)
        if not existing:
            return True
        choice = self.ask_duplicate(existing)
        if choice == "open":
            self.clear()
            self.existing_case.emit(existing[0])
            return False
        return choice == "new"

    def ask_duplicate(self, existing: list[str]) -> str:
        """'open', 'new' or '' (cancel); tests replace this."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(tr("Besökaren har redan ett öppet ärende"))
        box.setText(
            tr("Besökaren har redan ett öppet ärende: %1. Lägg hellre till det nya i det ärendet.")
            .replace("%1", ", ".join(existing))
        )  # fmt: skip
        open_button = box.addButton(tr("Öppna ärende %1").replace("%1", existing[0]), QMessageBox.ButtonRole.AcceptRole)
        new_button = box.addButton(tr("Registrera ett nytt ärende ändå"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "open" if clicked is open_button else "new" if clicked is new_button else ""

    def register(self) -> OpenedCase | None:
        requests: list[tuple[RequestType, str | None]] = []
        for request, box in self.requests.items():
            if not box.isChecked():
                continue
            edit = self.details.get(request)
            detail = edit.text().strip() if edit is not None else ""
            if edit is not None and not detail and request.needs_details:
                self.problem.setText(
                    tr("Skriv vad besökaren begär: %1.").replace("%1", request_labels()[request.value])
                )
                edit.setFocus()
                return None
            requests.append((request, detail or None))
        if not self.allow_duplicate(self.person.personnummer.text()):
            return None
        representative = None
        if self.representative_box.isChecked():
            mandate = Mandate(
                MandateType(self.mandate_type.currentData()),
                self.mandate_date.date().toPython(),
                self.mandate_signed_by.text(),
            )
            representative = (self.representative.value(), mandate)
        try:
            opened = open_case(
                self.desk,
                self.person.value(),
                requests,
                staff_username=self.staff_username,
                representative=representative,
                identifiers=self.identifier_values(),
            )
        except InputProblem as exc:
            prefix = tr("Ombudet: ") if exc.field.startswith("representative.") else ""
            kind = exc.field.removeprefix("identifier.")
            if exc.field.startswith("identifier.") and kind in self.identifiers:
                self.identifiers[kind].setFocus()
            self.problem.setText(prefix + input_problem(exc.field.split(".")[-1], exc.code))
            return None
        self.problem.clear()
        self.clear()
        self.case_opened.emit(opened)
        return opened
