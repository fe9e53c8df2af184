"""Review work sticks (issue 20): exclude an invoice, confirm a possible match and mask a field;
switch user to the approver, open the case, F5 — every decision is back, the approver sees the
mask in the summary they sign, and the review says nothing is undecided that was decided."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.extract import Strength
from desktop.services.staff import sign_in
from desktop.ui.main_window import MainWindow
from tests.gui.conftest import PASSWORDS
from tests.gui.test_visit import examples, fill_visitor


def test_decisions_survive_a_user_switch_and_f5(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    window.visit.register()
    page = window.case
    number = page.number
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    model = page.review.model
    records = model.record_indexes()
    invoice = next(i for i in records if model.record_at(i).category == "Fakturor")
    model.setData(invoice, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)  # excluded
    weak = next(i for i in records if model.record_at(i).strength is Strength.WEAK)
    model.setData(weak, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)  # confirmed
    customer = next(i for i in records if model.record_at(i).category == "Kunduppgifter")
    page.review.tree.setCurrentIndex(customer)
    fields = page.review.fields
    row = next(r for r in range(fields.rowCount()) if fields.item(r, 0).text() == "Kundnummer")
    fields.item(row, 2).setCheckState(Qt.CheckState.Checked)  # masked
    undecided = page.visit.undecided_weak()
    decided = page.visit.decisions()

    window.sign_out()  # "Byt användare": the data is let go …
    approver = MainWindow(desk, sign_in(desk, "granskare", PASSWORDS["granskare"]))
    qtbot.addWidget(approver)
    approver.show()
    approver.show_case(number)
    approver.case.gather_now()  # … F5 brings it back with the decisions
    qtbot.waitUntil(lambda: approver.case.result is not None and not approver.case.gather.running, timeout=30000)
    again = approver.case.visit
    assert again.decisions() == decided and again.undecided_weak() == undecided
    assert any(d.state == "masked" and d.field == "Kundnummer" for d in again.decisions())
    model = approver.case.review.model
    masked = [model.record_at(i) for i in model.record_indexes() if model.record_at(i).redacted]
    assert [sorted(r.redacted) for r in masked] == [["Kundnummer"]]
    assert "gäller inte längre" not in approver.case.review.summary.text()
    approver.case.drop_data()
    approver.close()


def test_a_mask_offers_to_cover_the_same_value_wherever_it_appears(qtbot, window, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    visit = page.visit
    model = page.review.model
    # A value the visitor's data holds in more than one system (the e-mail address: customer
    # register, chat, bookings …).
    shared = next(
        (model.record_at(i), name)
        for i in model.record_indexes()
        for name in model.record_at(i).fields
        if visit.same_value_elsewhere(model.record_at(i), name)
    )
    record, name = shared
    elsewhere = visit.same_value_elsewhere(record, name)
    asked: list[int] = []
    monkeypatch.setattr(page.review, "ask_mask_everywhere", lambda found: asked.append(len(found)) or True)
    index = next(i for i in model.record_indexes() if model.record_at(i) is record)
    page.review.tree.setCurrentIndex(index)
    fields = page.review.fields
    row = next(r for r in range(fields.rowCount()) if fields.item(r, 0).text() == name)
    fields.item(row, 2).setCheckState(Qt.CheckState.Checked)
    assert asked == [len(elsewhere)]
    assert name in record.redacted and all(field in other.redacted for other, field in elsewhere)
    assert visit.same_value_elsewhere(record, name) == []


def test_leaving_an_approved_extract_not_handed_over_says_so_and_can_be_undone(
    qtbot, window, desk, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fill_visitor(qtbot, window, examples(desk)[1], "Anna Exempel")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    monkeypatch.setattr(page, "ask_approval", lambda: page.visit.approve("granskare", PASSWORDS["granskare"]))
    page.review.approve_button.click()
    assert page.visit.undelivered_work() == ["approved"]
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_leave_case", lambda: asked.append("leave?") or False)
    window.show_new_visit()  # staff say "stay"
    window.sign_out()
    assert asked == ["leave?", "leave?"] and window.stack.currentWidget() is page and page.result is not None
    assert page.visit.approval is not None  # nothing was lost
    monkeypatch.setattr(window, "ask_leave_case", lambda: asked.append("leave?") or True)
    window.show_cases()  # now they leave: the data goes
    assert window.stack.currentWidget() is window.cases and page.result is None


def test_leaving_while_the_extract_renders_shows_no_error_and_no_old_extract(qtbot, window, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui import deliver_view

    errors: list[str] = []
    monkeypatch.setattr(deliver_view, "error_box", lambda _parent, text: errors.append(text))
    fill_visitor(qtbot, window, examples(desk)[1], "Anna Exempel")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    page.deliver.show_extract()  # the preview renders on a worker …
    window.show_cases()  # … while staff go to the case list
    qtbot.wait(3000)  # longer than the demo's extract takes
    assert errors == [] and page.deliver.rendered is None
