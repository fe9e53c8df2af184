"""The desk's main window: the case list, a new visit, one case, and the lock screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget, QToolBar, QWidget

from desktop import __version__
from desktop.core.staff import Role, StaffMember
from desktop.errors import UserError
from desktop.services.cases import OpenedCase
from desktop.services.desk import Desk
from desktop.ui.case_list import CaseListPage
from desktop.ui.case_page import CasePage
from desktop.ui.common import BASE_POINTS, describe, error_box, request_labels, role_labels, service_message, style, tr
from desktop.ui.lock import IdleWatcher, LockScreen
from desktop.ui.new_visit import NewVisitPage


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    signed_out = Signal()  # from the lock screen: the window closes and the sign-in returns

    def __init__(self, desk: Desk, staff: StaffMember) -> None:
        super().__init__()
        self.desk = desk
        self.staff = staff
        self.setWindowTitle(tr("Insyn – %1").replace("%1", desk.config.organisation.name))
        self.text_points = float(str(QSettings("Insyn", "Insyn").value("text_points", BASE_POINTS)))
        self.setStyleSheet(style(self.text_points))
        self.stack = QStackedWidget()
        self.cases = CaseListPage(desk, staff.id)
        self.visit = NewVisitPage(desk, staff.username)
        self.case = CasePage(desk, staff)
        self.lock_screen = LockScreen(desk)
        for page in (self.cases, self.visit, self.case, self.lock_screen):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.toolbar = QToolBar(tr("Huvudmeny"))
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.actions_by_name: dict[str, QAction] = {}
        for name, label, keys, slot in (
            ("new_visit", tr("Ny besökare (Ctrl+N)"), "Ctrl+N", self.show_new_visit),
            ("cases", tr("Ärenden (Ctrl+L)"), "Ctrl+L", self.show_cases),
            ("search", tr("Sök (Ctrl+F)"), "Ctrl+F", self.search),
            ("lock", tr("Lås (Ctrl+Shift+L)"), "Ctrl+Shift+L", self.lock),
        ):
            action = QAction(label, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.actions_by_name[name] = action
        if staff.has(Role.ADMIN):
            people = QAction(tr("Personal"), self)
            people.setObjectName("staff_admin")
            people.triggered.connect(self.manage_staff)
            self.toolbar.addAction(people)
            self.actions_by_name["staff"] = people
            yearly = QAction(tr("Årsrapport"), self)
            yearly.setObjectName("annual_report")
            yearly.triggered.connect(self.show_report)
            self.toolbar.addAction(yearly)
            self.actions_by_name["report"] = yearly
        rules = QAction(tr("Regler"), self)
        rules.setObjectName("policy")
        rules.triggered.connect(self.show_policy)
        self.toolbar.addAction(rules)
        self.actions_by_name["policy"] = rules
        shortcuts: tuple[tuple[QKeySequence | QKeySequence.StandardKey, float], ...] = (
            (QKeySequence.StandardKey.ZoomIn, 1.0),
            (QKeySequence("Ctrl+="), 1.0),
            (QKeySequence.StandardKey.ZoomOut, -1.0),
            (QKeySequence("Ctrl+0"), 0.0),
        )
        for sequence, step in shortcuts:
            zoom = QAction(self)
            zoom.setShortcut(sequence)
            zoom.triggered.connect(lambda _checked=False, s=step: self.zoom(s))
            self.addAction(zoom)
        self.toolbar.addSeparator()
        other = QAction(tr("In English"), self)
        other.setObjectName("switch_language")
        other.triggered.connect(self._switch_language)
        self.toolbar.addAction(other)
        self.actions_by_name["language"] = other
        labels = role_labels()
        roles = ", ".join(sorted(labels.get(role, role) for role in staff.role_set))
        self.statusBar().addPermanentWidget(
            QLabel(
                tr("%1 (%2) · Insyn %3")
                .replace("%1", staff.display_name)
                .replace("%2", roles)
                .replace("%3", __version__)
            )
        )
        self.visit.case_opened.connect(self._case_opened)
        self.visit.existing_case.connect(self.show_case)
        self.visit.add_to_case.connect(self.add_to_case)
        self.cases.open_case.connect(self.show_case)
        self.case.closed.connect(self.show_cases)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.sign_out.connect(self.sign_out)
        self.case.review.decided.connect(self.case.update_actions)
        self.idle = IdleWatcher(desk.policy.idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        QCoreApplication.instance().installEventFilter(self.idle)  # type: ignore[union-attr]
        self._before_lock: QWidget = self.cases
        self.resize(1200, 800)
        describe(self)  # what each control does, for a screen reader as for the mouse
        self.show_cases()

    def zoom(self, step: float) -> None:
        self.set_text_size(self.text_points + step if step else BASE_POINTS)

    def set_text_size(self, points: float) -> None:
        """Larger or smaller text in the whole program (Ctrl+plus, Ctrl+minus, Ctrl+0), kept for
        the next start."""
        self.text_points = min(24.0, max(8.0, points))
        QSettings("Insyn", "Insyn").setValue("text_points", self.text_points)
        sheet = style(self.text_points)
        self.setStyleSheet(sheet)
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.setStyleSheet(sheet)  # the dialogs too
        self.cases.fit_columns()

    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    def may_leave_case(self) -> bool:
        """Before the open case's data is let go: say what would be lost and ask (the Visit
        knows what: an approved extract not yet handed over)."""
        visit = self.case.visit
        if visit is None or not visit.undelivered_work():
            return True
        return self.ask_leave_case()

    def ask_leave_case(self) -> bool:
        """Tests replace this."""
        answer = QMessageBox.question(
            self,
            tr("Utdraget är inte utlämnat"),
            tr(
                "Utdraget är godkänt men inte utlämnat. Lämnar du ärendet nu måste det godkännas igen "
                "när uppgifterna samlas in på nytt (granskningens beslut finns kvar). Lämna ärendet ändå?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_cases(self) -> None:
        if self.locked or not self.may_leave_case():
            return
        self.case.drop_data()
        self.cases.reload()
        self.stack.setCurrentWidget(self.cases)
        self.cases.table.setFocus()

    def show_new_visit(self) -> None:
        if self.locked or not self.may_leave_case():
            return
        self.case.drop_data()
        self.stack.setCurrentWidget(self.visit)
        self.visit.person.personnummer.setFocus()

    def search(self) -> None:
        self.show_cases()
        self.cases.focus_search()

    def show_case(self, number: str, start_gather: bool = False) -> None:
        if self.locked or (number != self.case.number and not self.may_leave_case()):
            return
        self.stack.setCurrentWidget(self.case)
        self.case.show_case(number, start_gather=start_gather)

    def add_to_case(self, number: str, requests: list[tuple[object, str | None]]) -> None:
        """The visitor's new requests join their open case (the Visit decides whether they may)."""
        self.show_case(number)
        visit = self.case.visit
        assert visit is not None
        try:
            added = visit.add_requests(requests)  # type: ignore[arg-type]
        except UserError as exc:
            error_box(self, service_message(exc))
            return
        self.case.refresh()
        labels = request_labels()
        what = ", ".join(labels.get(a, a) for a in added)
        self.statusBar().showMessage(tr("Lagt till i ärende %1: %2.").replace("%1", number).replace("%2", what), 15000)
        if self.visit.print_receipt.isChecked():
            QTimer.singleShot(0, self.case.print_receipt)  # the receipt now names every request

    def _case_opened(self, opened: OpenedCase) -> None:
        self.statusBar().showMessage(
            tr("Ärende %1 registrerat. Svara senast %2.")
            .replace("%1", opened.number)
            .replace("%2", opened.deadline.isoformat()),
            15000,
        )
        self.show_case(opened.number, start_gather=True)
        if self.visit.print_receipt.isChecked():
            # After the gather has started: the print dialog waits for staff, the gather does not.
            QTimer.singleShot(0, self.case.print_receipt)

    def lock(self) -> None:
        """Hide everything behind the lock screen; the gathered data stays only in memory. Every
        dialog open is closed as cancelled: what was typed into it is discarded, nothing of it
        happens, and nothing of it shows over the lock screen."""
        if self.locked:
            return
        while (popup := QApplication.activePopupWidget()) is not None:  # a calendar, a menu, a list
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
                widget.hide()
        self._before_lock = self.stack.currentWidget() or self.cases
        self.statusBar().clearMessage()  # may name the case being handled
        self.toolbar.setEnabled(False)
        self.lock_screen.lock_for(self.staff.username, self.staff.display_name)
        self.stack.setCurrentWidget(self.lock_screen)

    def sign_out(self) -> None:
        """At a shift change: the open case's data is let go and the next person signs in."""
        if not self.may_leave_case():
            return
        self.case.drop_data()
        self.signed_out.emit()

    def unlock(self) -> None:
        self.toolbar.setEnabled(True)
        self.stack.setCurrentWidget(self._before_lock)
        self.idle.timer.start()

    def manage_staff(self) -> None:
        from desktop.ui.staff_dialog import StaffDialog

        if not self.locked:
            StaffDialog(self.desk, self.staff, self).exec()

    def show_report(self) -> None:
        """The year's figures for the person responsible for data protection."""
        from desktop.ui.report_dialog import ReportDialog

        if not self.locked:
            ReportDialog(self.desk, self.staff, self).exec()

    def show_policy(self) -> None:
        """The policy in force here; administrators change it for every desk."""
        from desktop.ui.policy_dialog import PolicyDialog

        if not self.locked:
            PolicyDialog(self.desk, self.staff, self).exec()
            self.idle.timer.setInterval(int(self.desk.policy.idle_lock_minutes * 60_000))

    def _switch_language(self) -> None:
        # The source language is Swedish: with no translator installed, "In English" shows.
        self.language_requested.emit("en" if tr("In English") == "In English" else "sv")

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self.may_leave_case():
            event.ignore()
            return
        self.case.drop_data()
        QCoreApplication.instance().removeEventFilter(self.idle)  # type: ignore[union-attr]
        super().closeEvent(event)
