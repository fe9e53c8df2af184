"""The Åtgärder step (issue 19): a receptionist registers an erasure, previews what each system
will do and what is kept and why, an approver signs the preview, the systems are changed, and
the recipients are marked as told (Art. 19) — the same Visit rules as `insyn case act`
(tests/integration/services/test_rights_carried_out.py)."""

from __future__ import annotations

import sqlite3

from sqlalchemy.engine import make_url

from desktop.core.requests import RequestType
from tests.gui.conftest import PASSWORDS
from tests.gui.test_visit import examples, fill_visitor


def test_an_erasure_is_previewed_approved_carried_out_and_the_recipients_told(qtbot, window, desk,
                                                                               tmp_path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    marketing = make_url(desk.config.source("marknad").url).database

    def subscriptions() -> int:
        with sqlite3.connect(marketing) as db:
            return int(db.execute("SELECT count(*) FROM nyhetsbrev").fetchone()[0])

    fill_visitor(qtbot, window, examples(desk)[1], "Nguyen Minh")  # the customer with newsletters and consents
    form = window.visit
    form.requests[RequestType.ACCESS].setChecked(False)
    form.requests[RequestType.ERASURE].setChecked(True)
    form.details[RequestType.ERASURE].setText("Radera allt om mig")
    assert form.register() is not None
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    tab = page.tabs.indexOf(page.rights_view)
    assert page.tabs.isTabVisible(tab)
    assert "genomför begäran i Kundregistret (CGI), Marknadsregistret (Optimizely)" in page.next_steps.text()
    before = subscriptions()
    view = page.rights_view
    page.tabs.setCurrentIndex(tab)
    assert not view.run_button.isEnabled()  # nothing to approve before a preview
    view.preview_button.click()  # F6
    qtbot.waitUntil(lambda: view.plan is not None, timeout=20000)
    steps = {view.steps.item(r, 1).text(): view.steps.item(r, 2).text() for r in range(view.steps.rowCount())}
    assert steps["Dina prenumerationer på nyhetsbrev och erbjudanden är raderade"] != "0"
    holds = [view.holds.item(r, 1).text() for r in range(view.holds.rowCount())]
    assert "Fakturor" in holds and "Driftinformation via e-post" in holds
    assert subscriptions() == before  # a preview changes nothing
    page.tabs.grab().save(str(tmp_path / "atgarder-preview.png"))
    window.resize(1024, 700)  # the smallest screen the desks have
    window.grab().save(str(tmp_path / "atgarder-preview-1024.png"))
    approved: list[list[str]] = []

    def approver_signs() -> bool:
        approved.append(view.approval_lines())
        view.visit.approve_actions("granskare", PASSWORDS["granskare"])
        return True

    view.ask_approval = approver_signs  # type: ignore[method-assign]
    view.run_button.click()
    assert view.busy and "söker i dem igen" in view.summary.text()  # carried out on a worker, then searched
    qtbot.waitUntil(lambda: not view.busy, timeout=30000)
    assert view.summary.text() == "Genomfört i systemen."  # all that is left is under a hold
    assert approved and any("Fakturor" in line for line in approved[0])  # the approver saw what is kept
    assert subscriptions() < before
    states = {view.steps.item(r, 3).text() for r in range(view.steps.rowCount())}
    assert states == {"Genomfört", "Genomfört – inget att ändra här"}  # her contracts run: nothing pseudonymised
    recipients = [view.recipients.item(r, 1).text() for r in range(view.recipients.rowCount())]
    assert recipients == ["Optimizely AB (personuppgiftsbiträde, e-postutskick)",
                          "Optimizely Inc. (underbiträde för e-postutskick)"]  # fmt: skip
    assert "meddela mottagaren" in page.next_steps.text()
    assert ": Marknadsregistret (Optimizely): Optimizely AB (personuppgiftsbiträde" in page.next_steps.text()
    assert "marknad:" not in page.next_steps.text()  # the system by its name, not its configuration id
    # What a person must do where Insyn cannot change the system: each marked done, with a note.
    manual = [view.manual.item(r, 0).text() for r in range(view.manual.rowCount())]
    assert "Jobbansökningar (HR)" in manual and "se till att det görs för hand" in page.next_steps.text()
    view.ask_note = lambda _title: "Gjort av Kim på kundtjänst"  # type: ignore[method-assign]
    for row in range(view.manual.rowCount()):
        view.manual.setCurrentCell(row, 0)
        view.manual_button.click()
    assert {view.manual.item(r, 2).text() for r in range(view.manual.rowCount())} == {"Gjort"}
    assert not view.manual_button.isEnabled()
    view.ask_how = lambda _recipient: "e-post till dataskyddsombudet"  # type: ignore[method-assign]
    while view.recipients.rowCount():
        view.recipients.setCurrentCell(0, 0)
        view.inform_button.click()
    assert view.recipients.rowCount() == 0
    page.tabs.grab().save(str(tmp_path / "atgarder-done.png"))
    assert [s.code for s in page.visit.next_steps()] == ["close"]
    timeline = [page.overview.timeline.item(i).text() for i in range(page.overview.timeline.count())]
    assert any("Åtgärderna i systemen godkändes" in line for line in timeline), timeline
    searched = next(line for line in timeline if "Systemen söktes igen efter raderingen: " in line)
    assert "Marknadsregistret (Optimizely) – klart, inget kvar utan skäl att spara" in searched, searched
    assert "Kundregistret (CGI) – klart, inget kvar utan skäl att spara" in searched
    assert any("Gjort för hand: Jobbansökningar (HR) – Dina jobbansökningar är raderade" in line for line in timeline)
    assert any("Mottagare fick besked (artikel 19): Marknadsregistret (Optimizely)" in line for line in timeline)
    assert not any(
        line.split("  ", 1)[1].startswith(("actions.", "deeds.", "action.", "recipient.")) for line in timeline
    )


def test_a_rectification_asks_for_the_corrected_value_before_the_preview(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    crm = make_url(desk.config.source("kundregister").url).database
    personnummer = examples(desk)[1]
    fill_visitor(qtbot, window, personnummer, "Nguyen Minh")
    form = window.visit
    form.requests[RequestType.ACCESS].setChecked(False)
    form.requests[RequestType.RECTIFICATION].setChecked(True)
    form.details[RequestType.RECTIFICATION].setText("Telefonnumret är fel")
    assert form.register() is not None
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    view = page.rights_view
    asked: list[list[str]] = []

    def staff_types(fields):  # type: ignore[no-untyped-def]
        asked.append([f.field for f in fields])
        return {next(f.key for f in fields if f.field == "Telefonnummer"): "070-111 22 33"}

    view.ask_new_values = staff_types  # type: ignore[method-assign]
    view.preview_button.click()
    qtbot.waitUntil(lambda: view.plan is not None, timeout=20000)
    assert asked == [["Telefonnummer", "E-postadress"]]
    rows = {view.steps.item(r, 1).text(): view.steps.item(r, 2).text() for r in range(view.steps.rowCount())}
    assert rows["Ditt telefonnummer är rättat"] == "1" and rows["Din e-postadress är rättad"] == ""
    view.ask_approval = lambda: bool(view.visit.approve_actions("granskare", PASSWORDS["granskare"],  # type: ignore[method-assign]
                                                                view.new_values))  # fmt: skip
    view.run_button.click()
    qtbot.waitUntil(lambda: not view.busy, timeout=30000)
    with sqlite3.connect(crm) as db:
        phone = db.execute("SELECT telefon FROM kund WHERE personnr = ?", (personnummer,)).fetchone()[0]
    assert phone == "070-111 22 33"
    assert page.visit.actions_owed() == []


def test_the_approver_of_the_extract_sees_the_erasure_not_yet_carried_out(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    """Issue 20, item 4: an extract approved while the erasure in the same case is not carried
    out says so above the approver's password."""
    fill_visitor(qtbot, window, examples(desk)[1], "Nguyen Minh")
    form = window.visit
    form.requests[RequestType.ERASURE].setChecked(True)  # beside the access request
    form.details[RequestType.ERASURE].setText("Radera allt om mig")
    assert form.register() is not None
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    lines = page.still_owed_lines()
    assert "Begäran är inte genomförd i Marknadsregistret (Optimizely) (4. Åtgärder)" in lines
    assert "Det som görs för hand är inte gjort i Jobbansökningar (HR) (4. Åtgärder)" in lines
