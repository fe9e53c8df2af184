"""A case's overview: its facts, the address an answer by post goes to, the visitor's requests
with what was done about each, and the timeline of what happened to it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.clock import LOCAL_ZONE
from desktop.errors import UserError
from desktop.services.visit import CaseFile, RequestLine, TimelineEntry, Visit
from desktop.ui.address_box import AddressBox
from desktop.ui.common import (
    document_labels,
    error_box,
    mandate_labels,
    read_only_table,
    request_labels,
    service_message,
    status_labels,
    tr,
)
from desktop.ui.decision_dialog import withdrawal_labels
from desktop.ui.letter_dialog import letter_labels

TIMELINE_LABELS = {
    "case.opened": QT_TRANSLATE_NOOP("", "Ärendet registrerades"),
    "identity.verified": QT_TRANSLATE_NOOP("", "Identiteten kontrollerades"),
    "case.status": QT_TRANSLATE_NOOP("", "Status ändrades"),
    "gather.started": QT_TRANSLATE_NOOP("", "Insamling startade"),
    "gather.finished": QT_TRANSLATE_NOOP("", "Insamling klar"),
    "data.viewed": QT_TRANSLATE_NOOP("", "Uppgifterna visades för granskning"),
    "review.confirmed": QT_TRANSLATE_NOOP("", "Svag träff bekräftades"),
    "review.unconfirmed": QT_TRANSLATE_NOOP("", "Bekräftelse togs bort"),
    "review.excluded": QT_TRANSLATE_NOOP("", "Uppgift uteslöts"),
    "review.included": QT_TRANSLATE_NOOP("", "Uppgift togs med igen"),
    "review.redacted": QT_TRANSLATE_NOOP("", "Fält maskerades"),
    "review.unredacted": QT_TRANSLATE_NOOP("", "Maskering togs bort"),
    "manual.recorded": QT_TRANSLATE_NOOP("", "Manuell kontroll besvarades"),
    "extract.approved": QT_TRANSLATE_NOOP("", "Utdraget godkändes"),
    "extract.released": QT_TRANSLATE_NOOP("", "Utdraget släpptes för utlämning"),
    "review.confirmed_all_weak": QT_TRANSLATE_NOOP("", "Alla svaga träffar bekräftades"),
    "extract.delivered": QT_TRANSLATE_NOOP("", "Utdraget lämnades ut"),
    "extract.copy_printed": QT_TRANSLATE_NOOP("", "Sidor ur utdraget skrevs ut som kopia (inte utlämnat)"),
    "action.executed": QT_TRANSLATE_NOOP("", "Genomfört i systemet"),
    "action.failed": QT_TRANSLATE_NOOP("", "Kunde inte genomföras i systemet"),
    "action.not_applicable": QT_TRANSLATE_NOOP("", "Inget att genomföra i systemet"),
    "case.extended": QT_TRANSLATE_NOOP("", "Svarstiden förlängdes"),
    "request.outcome": QT_TRANSLATE_NOOP("", "Utfall registrerades"),
    "request.added": QT_TRANSLATE_NOOP("", "Begäran lades till"),
    "case.alongside": QT_TRANSLATE_NOOP("", "Registrerat vid sidan av ett öppet ärende"),
    "review.weak_left_out": QT_TRANSLATE_NOOP("", "Obekräftade möjliga träffar lämnades utanför"),
    "letter.produced": QT_TRANSLATE_NOOP("", "Brev till besökaren"),
    "actions.approved": QT_TRANSLATE_NOOP("", "Åtgärderna i systemen godkändes"),
    "deeds.recorded": QT_TRANSLATE_NOOP("", "Det som gjordes sparades i ärendet"),
    "action.confirmed": QT_TRANSLATE_NOOP("", "Gjort för hand"),
    "recipient.informed": QT_TRANSLATE_NOOP("", "Mottagare fick besked (artikel 19)"),
    "erasure.checked": QT_TRANSLATE_NOOP("", "Systemen söktes igen efter raderingen"),
    "case.address": QT_TRANSLATE_NOOP("", "Adressen för svaret per post sparades"),
}


def delivery_method_labels() -> dict[str, str]:
    """How an extract or a letter left the desk, as the timeline says it."""
    return {
        "printed": tr("utskrivet"),
        "saved": tr("sparat som PDF"),
        "zip": tr("maskinläsbar kopia (ZIP)"),
        "posted": tr("skickat per post"),
        "handed": tr("lämnat i handen"),
        "emailed": tr("skickat per e-post"),
    }


def timeline_line(entry: TimelineEntry, names: dict[str, str]) -> str:
    """One event of the case as the timeline shows it: when, what (with the systems by name and
    never the visitor's data), and who."""
    statuses = status_labels()
    requests = request_labels()
    label = tr(str(TIMELINE_LABELS.get(entry.action, entry.action)))
    if entry.action == "case.status":
        label += f": {statuses.get(str(entry.details.get('to')), entry.details.get('to'))}"
        reason = withdrawal_labels().get(str(entry.details.get("reason")))
        if reason:
            label += f" ({reason.lower()})"
    if entry.action == "extract.delivered" and entry.details.get("supplement"):
        label = tr("Kompletterande utdrag lämnades ut")
    how = delivery_method_labels().get(str(entry.details.get("method")))
    if entry.action == "letter.produced":
        kind = letter_labels().get(str(entry.details.get("kind")))
        label += (f": {kind}" if kind else "") + (f" ({how})" if how else "")
    elif entry.action == "extract.delivered" and how:
        label += f" ({how})"
    if entry.action in ("action.confirmed", "recipient.informed"):
        system = names.get(str(entry.details.get("source")), str(entry.details.get("source")))
        label += f": {system}" + (f" – {entry.details['title']}" if entry.details.get("title") else "")
    if entry.action == "case.alongside":
        label += f" {entry.details.get('open_case')}"
    if entry.action == "case.address":  # where it came from; never the address itself
        source = str(entry.details.get("from"))
        label += (
            tr(" (skriven av personalen)")
            if source == "typed"
            else tr(" (från %1)").replace("%1", names.get(source, source))
        )
    if entry.action == "request.added":
        added = entry.details.get("requests")
        label += ": " + ", ".join(requests.get(str(a), str(a)) for a in (added if isinstance(added, list) else []))
    if entry.action == "request.outcome":
        label += f": {requests.get(str(entry.details.get('request')), entry.details.get('request'))}"
    if entry.action in ("action.executed", "action.failed", "action.not_applicable"):
        system = names.get(str(entry.details.get("source")), str(entry.details.get("source")))
        request = requests.get(str(entry.details.get("request")), "")
        rows = entry.details.get("changed")
        label += f": {request}, {system}" + (f" – {entry.details['title']}" if entry.details.get("title") else "")
        if isinstance(rows, int):
            label += " (" + tr("%Ln rader", None, rows) + ")"
    if entry.action == "erasure.checked":
        remaining = entry.details.get("remaining")
        label += ": " + "; ".join(
            names.get(str(s), str(s)) + " – " + (
                tr("klart, inget kvar utan skäl att spara") if not n
                else tr("%Ln uppgifter kvar som inget skäl omfattar", None, int(n))
            )
            for s, n in (remaining.items() if isinstance(remaining, dict) else ())
        )  # fmt: skip
    who = f" – {entry.staff}" if entry.staff else ""
    return f"{entry.at.astimezone(LOCAL_ZONE):%Y-%m-%d %H:%M}  {label}{who}"


class CaseOverview(QWidget):
    """The overview tab. `changed` when staff recorded something here (an outcome, an address)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit: Visit | None = None
        self.request_lines: tuple[RequestLine, ...] = ()
        overview_layout = QHBoxLayout(self)
        left = QVBoxLayout()
        facts = QWidget()
        self.facts = QFormLayout(facts)
        left.addWidget(facts)
        self.address_box = AddressBox()  # only for an answer by post
        self.address_box.changed.connect(self.changed)
        left.addWidget(self.address_box)
        self.request_table = read_only_table(
            "request_table", [tr("Begäran"), tr("Besökarens uppgifter"), tr("Utfall")], tr("Besökarens begäranden")
        )
        self.request_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.request_table.setWordWrap(True)
        header = self.request_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.request_table, 1)
        self.outcome_button = QPushButton(tr("Registrera utfall för markerad begäran …"))
        self.outcome_button.setToolTip(
            tr("Skriv vad som gjordes med den markerade begäran; det står i utdraget och i brevet")
        )
        self.outcome_button.setObjectName("record_outcome")
        self.outcome_button.clicked.connect(self.ask_outcome)
        left.addWidget(self.outcome_button)
        overview_layout.addLayout(left, 3)  # the requests' three columns need the room more than the timeline
        self.timeline = QListWidget()
        self.timeline.setTabKeyNavigation(False)  # Tab leaves the table (arrows move within it)
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName(tr("Händelser i ärendet"))
        self.timeline.setWordWrap(True)  # a long line wraps; no sideways scrolling
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setResizeMode(QListWidget.ResizeMode.Adjust)
        overview_layout.addWidget(self.timeline, 2)

    def show_file(self, visit: Visit, file: CaseFile) -> None:
        """The case as `visit` holds it: facts, requests, the timeline (only what was added is read)."""
        self.visit = visit
        statuses = status_labels()
        requests = request_labels()
        names = visit.source_names()
        while self.facts.rowCount():
            self.facts.removeRow(0)
        self.facts.addRow(tr("Status"), QLabel(statuses.get(file.status, file.status)))
        self.facts.addRow(tr("Personnummer"), QLabel(file.personnummer))
        self.facts.addRow(tr("Inkom"), QLabel(file.received_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")))
        due = QLabel(file.due.isoformat() + (tr(" (förlängd)") if file.extended_deadline else ""))
        self.facts.addRow(tr("Svara senast"), due)
        if file.extension_reason:
            self.facts.addRow(tr("Skäl för förlängning"), QLabel(file.extension_reason))
        if file.rejection_reason:
            self.facts.addRow(tr("Skäl för avslag"), QLabel(file.rejection_reason))
        self.facts.addRow(tr("Id-handling"), QLabel(document_labels().get(file.document or "", file.document or "")))
        if file.representative is not None:  # by kind: a guardian is not an "ombud"
            mandate = mandate_labels().get(file.representative.mandate, file.representative.mandate)
            self.facts.addRow(tr("Företräds av"), QLabel(f"{file.representative.name} ({mandate.lower()})"))
            if file.representative.scope:
                scope = QLabel(file.representative.scope)
                scope.setWordWrap(True)
                self.facts.addRow(tr("Fullmakten omfattar"), scope)
        self.address_box.show_visit(visit)
        if file.first_delivered_on is not None:
            self.facts.addRow(tr("Utdraget lämnades ut"), QLabel(file.first_delivered_on.isoformat()))
        if file.awaiting_supplement:
            waiting = QLabel(", ".join(names.get(s, s) for s in file.outstanding))
            waiting.setObjectName("outstanding")
            waiting.setWordWrap(True)
            self.facts.addRow(tr("Väntar på komplettering"), waiting)
        self.request_lines = file.request_lines
        self.request_table.setRowCount(len(file.request_lines))
        for row, line in enumerate(file.request_lines):
            outcome = line.outcome
            if not outcome and line.effective_on is not None:  # a consent withdrawal, a marketing stop
                outcome = tr("Gäller från och med %1").replace("%1", line.effective_on.isoformat())
            for column, value in enumerate((requests.get(line.type, line.type), line.details, outcome)):
                self.request_table.setItem(row, column, QTableWidgetItem(value or ""))
        self.request_table.resizeRowsToContents()
        if file.request_lines:
            self.request_table.selectRow(0)
        self.timeline.clear()
        for entry in visit.timeline():
            self.timeline.addItem(timeline_line(entry, names))

    def ask_outcome(self) -> None:
        """What was done about the selected request: corrected, erased (and what is kept, and
        why), restricted, marketing stopped, consent withdrawn."""
        row = self.request_table.currentRow()
        if row < 0 or row >= len(self.request_lines):
            return
        line = self.request_lines[row]
        label = request_labels().get(line.type, line.type)
        outcome, ok = QInputDialog.getText(
            self, tr("Utfall"), tr("Vad gjordes? (%1)").replace("%1", label), text=line.outcome or ""
        )
        if ok and outcome.strip():
            self.save_outcome(line.type, outcome)

    def save_outcome(self, request_type: str, outcome: str) -> None:
        if self.visit is None:
            return
        try:
            self.visit.record_outcome(request_type, outcome)
        except UserError as exc:
            error_box(self, service_message(exc))
        self.changed.emit()
