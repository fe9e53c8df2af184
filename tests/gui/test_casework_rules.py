"""The Visit's rules met in the window (issue 21), the same ones tests/e2e/test_cli_casework.py
and tests/security/test_roles.py run through the command line: an account without the reception
role registers nothing; an extension or a refusal without a reason is said, not silently
dropped, and loses no gathered data; a refused case closes without a reason asked."""

from __future__ import annotations

from desktop.services.staff import sign_in
from desktop.ui import case_page
from desktop.ui.main_window import MainWindow
from tests.gui.decisions import fill_decisions
from tests.gui.test_visit import examples, fill_visitor


def test_an_administrator_without_the_reception_role_registers_nothing(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(desk, sign_in(desk, "chef", "chef-secret"))
    qtbot.addWidget(window)
    window.visit.print_receipt.setChecked(False)
    window.show()
    window.show_new_visit()
    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    assert window.visit.register() is None
    assert "inte rollen Reception" in window.visit.problem.text()
    with desk.register.sessions() as session:
        from sqlalchemy import func, select

        from desktop.register.models import Case

        assert session.execute(select(func.count(Case.id))).scalar_one() == 0
    window.close()


def test_a_decision_without_a_reason_is_said_and_loses_nothing(qtbot, window, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fill_visitor(qtbot, window, examples(desk)[1], "Anna Exempel")
    window.visit.register()
    qtbot.waitUntil(lambda: window.case.result is not None, timeout=30000)
    page = window.case
    said = fill_decisions(monkeypatch, reason="   ")
    deadline = page.visit.file.deadline
    page.extend_button.click()
    assert said[-1] == "Skriv skälet till förlängningen – besökaren får veta det."
    assert page.visit.file.extended_deadline is None and page.visit.file.deadline == deadline
    page.reject_button.click()
    assert said[-1] == "Skriv skälet till avslaget – besökaren får veta det."
    assert page.visit.status.value == "review" and page.result is not None  # the gathered data is still there
    fill_decisions(monkeypatch, reason="Uppenbart ogrundad")
    page.reject_button.click()
    assert page.visit.status.value == "rejected" and page.result is None
    # The visitor has not been given the decision: the banner says so, and closing asks why.
    assert "ge besökaren beslutet om avslag" in page.next_steps.text()
    said = fill_decisions(monkeypatch)
    page.close_case()
    assert said[-1] == "Besökaren har inte fått allt ännu. Ange ett skäl för att avsluta ändå."
    assert page.visit.status.value == "rejected"
    fill_decisions(monkeypatch, reason="Besökaren fick beslutet muntligt och ville inte ha brevet")
    page.close_case()
    assert page.visit.status.value == "closed"


def test_with_two_open_cases_staff_choose_which_one_gets_the_new_request(qtbot, window, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from desktop.core.requests import RequestType
    from desktop.services.cases import PersonInput, open_case
    from desktop.services.casework import case_file

    pin = examples(desk)[2]
    person = PersonInput(pin, "Bo Ek", "passport", "SE", "AB1234", date.today() + timedelta(days=400))
    first = open_case(desk, person, [(RequestType.ACCESS, None)], staff_username="disk1").number
    second = open_case(desk, person, [(RequestType.ERASURE, "Gamla avtal")], staff_username="disk1",
                       alongside="separate-errand").number  # fmt: skip
    box = window.visit.duplicate_box([first, second])
    assert {f"add:{first}", f"add:{second}", f"open:{first}", f"open:{second}", "new"} == set(box.buttons)
    box.show()  # one row per case: nothing runs off a 1024-pixel screen, no button is clipped
    assert box.width() <= 1024 - 40, box.width()
    for button in box.buttons.values():
        assert button.width() >= button.sizeHint().width(), button.text()
    box.buttons[f"open:{second}"].click()
    assert box.choice == f"open:{second}"
    box.deleteLater()
    offered: list[list[str]] = []
    monkeypatch.setattr(window.visit, "ask_duplicate", lambda existing: offered.append(existing) or f"add:{second}")
    fill_visitor(qtbot, window, pin, "Bo Ek")
    window.visit.requests[RequestType.OBJECTION_DIRECT_MARKETING].setChecked(True)
    window.visit.requests[RequestType.ACCESS].setChecked(False)
    window.visit.register()
    assert sorted(offered[0]) == sorted([first, second])
    assert RequestType.OBJECTION_DIRECT_MARKETING in case_file(desk, second).requests
    assert RequestType.OBJECTION_DIRECT_MARKETING not in case_file(desk, first).requests


def test_a_postal_answers_letter_dialog_offers_the_post_only(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.requests import RequestType
    from desktop.services.cases import PersonInput, open_case
    from desktop.services.visit import Visit
    from desktop.ui.letter_dialog import LetterDialog

    person = PersonInput(examples(desk)[1], "Anna Exempel", "postal-answer", "SE", "", None)
    number = open_case(desk, person, [(RequestType.ACCESS, None)], staff_username="disk1").number
    visit = Visit(desk, number, sign_in(desk, "disk1", "disk1-secret"))
    visit.extend("Många system")
    dialog = LetterDialog(visit.letters(), visit.letter_methods(), window)
    qtbot.addWidget(dialog)
    assert [dialog.method.itemData(i) for i in range(dialog.method.count())] == ["posted"]


def test_the_approver_sees_what_this_extract_still_owes(qtbot, window, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui import auth

    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    assert [o.code for o in page.visit.owed_after_this_extract()] == ["manual_unanswered"]  # HR has not answered
    shown: list[list[str]] = []

    class Dialog:  # the approval dialog, as it is given its summary
        def __init__(self, *_args: object, summary: list[str], **_kwargs: object) -> None:
            shown.append(summary)

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(case_page, "SignInDialog", Dialog)
    assert auth.SignInDialog is not Dialog
    page.ask_approval()
    assert any("Följer senare – den manuella kontrollen är inte besvarad: Jobbansökningar (HR)" in line
               for line in shown[0]), shown  # fmt: skip


def test_the_status_bar_names_the_roles_in_the_windows_language(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    window = MainWindow(desk, sign_in(desk, "granskare", "granskare-secret"))
    qtbot.addWidget(window)
    shown = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any("Granskaren (Granskare, Reception)" in text for text in shown), shown


def test_the_review_shows_values_as_the_extract_prints_them(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    from desktop.report.texts import cell_text

    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    model = page.review.model
    record_index = next(
        i for i in model.record_indexes() if any(isinstance(v, float) for v in model.record_at(i).fields.values())
    )
    page.review.tree.setCurrentIndex(record_index)
    record = model.record_at(record_index)
    fields = page.review.fields
    for row in range(fields.rowCount()):
        value = record.fields[fields.item(row, 0).text()]
        assert fields.item(row, 1).text() == cell_text(value, "sv")
        if isinstance(value, float) and value != int(value):
            assert "," in fields.item(row, 1).text()  # 4851,64, not 4851.64
