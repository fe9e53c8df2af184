"""The yearly report for the person responsible for data protection (administrators): the
register's figures for a year, savable as PDF. No personal data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.clock import local_date
from desktop.core.staff import StaffMember
from desktop.errors import UserError
from desktop.services.annual import AnnualReport, annual_report
from desktop.services.desk import Desk
from desktop.ui.common import error_box, heading, service_message, tr
from desktop.ui.printing import ask_save_file


class ReportDialog(QDialog):
    def __init__(self, desk: Desk, staff: StaffMember, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.staff = staff
        self.setWindowTitle(tr("Årsrapport"))
        self.report: AnnualReport | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Årsrapport")))
        self.year = QSpinBox()
        self.year.setObjectName("report_year")
        self.year.setRange(2018, 2100)
        form = QFormLayout()
        form.addRow(tr("År"), self.year)
        self.figures: dict[str, QLabel] = {}
        for key, label in (
            ("cases", tr("Ärenden")),
            ("answered", tr("Besvarade")),
            ("in_time", tr("Besvarade inom tidsfristen")),
            ("extended", tr("Förlängd svarstid")),
            ("refused", tr("Avslagna")),
            ("withdrawn", tr("Återkallade")),
            ("open", tr("Väntar på svar")),
            ("outstanding", tr("Begäranden utan registrerat utfall")),
            ("awaiting_supplement", tr("Utlämnade utdrag som väntar på komplettering")),
            ("supplements", tr("Kompletterande utdrag")),
            ("median", tr("Median, dagar till svar")),
        ):
            self.figures[key] = QLabel()
            self.figures[key].setObjectName(f"report_{key}")
            form.addRow(label, self.figures[key])
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = QPushButton(tr("Spara som PDF …"))
        save.setObjectName("report_save")
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.year.setValue(local_date().year)
        self.year.valueChanged.connect(lambda _year: self.load())
        self.load()

    def load(self) -> None:
        try:
            self.report = report = annual_report(self.desk, self.year.value(), by=self.staff)
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        percent = report.in_time_percent
        values = {
            "cases": str(report.cases),
            "answered": str(report.answered),
            "in_time": "–" if percent is None else f"{report.answered_in_time} ({percent:g} %)",
            "extended": str(report.extended),
            "refused": str(report.refused),
            "withdrawn": str(report.withdrawn),
            "open": str(report.open_cases),
            "outstanding": str(report.outstanding_parts),
            "awaiting_supplement": str(report.awaiting_supplement),
            "supplements": str(report.supplements),
            "median": "–" if report.median_days is None else f"{report.median_days:g}",
        }
        for key, value in values.items():
            self.figures[key].setText(value)

    def ask_save_path(self) -> str:
        """Tests replace this."""
        return ask_save_file(self, tr("Spara årsrapporten"), f"arsrapport-{self.year.value()}.pdf", "PDF (*.pdf)")

    def save(self) -> None:
        from desktop.services.annual import annual_pdf
        from desktop.services.files import write_private

        path = self.ask_save_path()
        if not path or self.report is None:
            return
        pdf, _pages = annual_pdf(self.desk, self.report, "sv")
        try:
            write_private(path, pdf, overwrite=True)  # the save dialog asked
        except UserError as exc:
            error_box(self, service_message(exc))
