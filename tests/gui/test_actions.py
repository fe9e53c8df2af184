"""The marketing stop carried out at registration in the window too (issue 19, item 5): the
visitor says "no more marketing", the case is registered, its data gathered, and the
marketing register's rows for them say "Avanmäld" before the visitor leaves; the timeline
says what was done where. (The command line's side: tests/integration/services/test_actions.py.)"""

from __future__ import annotations

import sqlite3

from sqlalchemy.engine import make_url

from desktop.core.requests import RequestType
from tests.gui.test_visit import examples, fill_visitor


def test_the_window_stops_the_marketing_when_the_case_is_registered(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    marketing = make_url(desk.config.source("marknad").url).database
    with sqlite3.connect(marketing) as db:
        before = db.execute("SELECT count(*) FROM nyhetsbrev WHERE status = 'Aktiv'").fetchone()[0]
    fill_visitor(qtbot, window, examples(desk)[1], "Nguyen Minh")  # the customer with newsletters
    form = window.visit
    form.requests[RequestType.ACCESS].setChecked(False)
    form.requests[RequestType.OBJECTION_DIRECT_MARKETING].setChecked(True)
    assert form.register() is not None
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    with sqlite3.connect(marketing) as db:
        after = db.execute("SELECT count(*) FROM nyhetsbrev WHERE status = 'Aktiv'").fetchone()[0]
    assert after < before
    timeline = [page.timeline.item(i).text() for i in range(page.timeline.count())]
    assert any("Genomfört i systemet: Stopp för direktmarknadsföring" in line and "Marknadsregistret" in line
               for line in timeline), timeline  # fmt: skip
    assert page.visit.actions_owed() == [] and not any(o.code == "action_owed" for o in page.visit.owed())
    # Nothing else is owed for a marketing stop: the checklist says close, and it closes.
    assert [s.code for s in page.visit.next_steps()] == ["close"]
    assert page.close_button.isEnabled()
    page.close_now()
    assert page.visit is None or page.visit.status.value == "closed"
