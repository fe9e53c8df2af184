"""A visitor someone else acts for, in the window (issue 20 item 5): a child with no ID of their
own, represented by a guardian who shows theirs; an ombud whose power of attorney must say what
it covers. Each problem says whose document or detail it is about; the case names the kind of
representative. The same rules through the services and the command line:
tests/integration/services/test_extract_truth.py and tests/e2e/test_cli_casework.py."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate

from desktop.core.verification import MandateType
from tests.gui.test_visit import examples, fill_visitor


def _fill_representative(qtbot, form, personnummer: str, name: str, *, expiry: date | None = None) -> None:  # type: ignore[no-untyped-def]
    rep = form.representative
    qtbot.keyClicks(rep.personnummer, personnummer)
    rep.name.setText(name)
    qtbot.keyClicks(rep.document_number, "XY9876543")
    if expiry is not None:
        rep.expiry.setDate(QDate(expiry.year, expiry.month, expiry.day))


def test_a_child_without_id_is_registered_through_the_guardian(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    fill_visitor(qtbot, window, examples(desk)[1], "Ebba Exempel")
    form = window.visit
    child = form.person
    child.document_type.setCurrentIndex(child.document_type.findData("represented"))
    assert form.representative_box.isChecked()  # whoever acts for the child is checked instead
    assert not child.expiry.isEnabled() and not child.document_number.isEnabled()
    assert not form.address_row.isVisibleTo(form)  # handed to the guardian, not posted
    rep_kinds = [
        form.representative.document_type.itemData(i) for i in range(form.representative.document_type.count())
    ]
    assert "represented" not in rep_kinds and "postal-answer" not in rep_kinds  # the guardian shows a document
    form.mandate_type.setCurrentIndex(form.mandate_type.findData(MandateType.GUARDIAN))
    assert not form.mandate_scope.isVisibleTo(form) and not form.mandate_date.isVisibleTo(form)
    form.mandate_signed_by.setText("Personbevis")
    _fill_representative(qtbot, form, "19640823-3234", "Bertil Berg")
    assert form.register() is None
    # Whose document is missing: the guardian's, said so; nothing about the child's own.
    assert "Vårdnadshavaren: Skriv när id-handlingen går ut" in form.problem.text(), form.problem.text()
    assert "Besökaren:" not in form.problem.text()
    form.representative.expiry.setDate(QDate.currentDate().addDays(300))
    opened = form.register()
    assert opened is not None, form.problem.text()
    page = window.case
    qtbot.waitUntil(lambda: page.visit is not None and page.visit.number == opened.number, timeout=30000)
    form_facts = page.overview.facts
    label, field = form_facts.ItemRole.LabelRole, form_facts.ItemRole.FieldRole
    facts = {
        form_facts.itemAt(i, label).widget().text(): form_facts.itemAt(i, field).widget().text()
        for i in range(form_facts.rowCount())
        if form_facts.itemAt(i, label) is not None
    }
    assert facts["Företräds av"] == "Bertil Berg (vårdnadshavare)"
    assert facts["Id-handling"].startswith("Ingen egen id-handling")


def test_an_ombuds_power_of_attorney_must_say_what_it_covers(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    fill_visitor(qtbot, window, examples(desk)[2], "Olle Exempel")
    form = window.visit
    form.representative_box.setChecked(True)
    form.mandate_type.setCurrentIndex(form.mandate_type.findData(MandateType.POWER_OF_ATTORNEY))
    assert form.mandate_scope.isVisibleTo(form) and form.mandate_date.isVisibleTo(form)
    form.mandate_date.setDate(QDate.currentDate().addDays(-5))
    form.mandate_signed_by.setText("Olle Exempel")
    _fill_representative(qtbot, form, "19640823-3234", "Bertil Berg", expiry=date.today() + timedelta(days=300))
    form.person.expiry.clear()  # the visitor's own document too: said as the visitor's
    assert form.register() is None
    text = form.problem.text()
    assert "Ombudet: Skriv vad fullmakten omfattar" in text and "Besökaren: Skriv när id-handlingen går ut" in text
    form.person.expiry.setDate(QDate.currentDate().addDays(300))
    form.mandate_scope.setText("Begära registerutdrag")
    opened = form.register()
    assert opened is not None, form.problem.text()
    assert window.case.visit.file.representative.scope == "Begära registerutdrag"
