"""The marketing stop carried out at registration in the window too (issue 19, item 5): the
visitor says "no more marketing", the case is registered, its data gathered, and the
marketing register's rows for them say "Avanmäld" before the visitor leaves; the timeline
says what was done where. (The command line's side: tests/integration/services/test_actions.py.)"""

from __future__ import annotations

import sqlite3

from sqlalchemy.engine import make_url

from desktop.core.requests import RequestType
from tests.gui.decisions import fill_decisions
from tests.gui.test_visit import examples, fill_visitor


def register_a_marketing_stop(qtbot, window, desk):  # type: ignore[no-untyped-def]
    """The demo's customer with newsletters asks for no more marketing; the case page after the gather."""
    fill_visitor(qtbot, window, examples(desk)[1], "Nguyen Minh")
    form = window.visit
    form.requests[RequestType.ACCESS].setChecked(False)
    form.requests[RequestType.OBJECTION_DIRECT_MARKETING].setChecked(True)
    assert form.register() is not None
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    return page


def test_the_window_stops_the_marketing_when_the_case_is_registered(qtbot, window, desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    marketing = make_url(desk.config.source("marknad").url).database
    with sqlite3.connect(marketing) as db:
        before = db.execute("SELECT count(*) FROM nyhetsbrev WHERE status = 'Aktiv'").fetchone()[0]
    page = register_a_marketing_stop(qtbot, window, desk)
    with sqlite3.connect(marketing) as db:
        after = db.execute("SELECT count(*) FROM nyhetsbrev WHERE status = 'Aktiv'").fetchone()[0]
    assert after < before
    timeline = [page.overview.timeline.item(i).text() for i in range(page.overview.timeline.count())]
    assert any("Genomfört i systemet: Stopp för direktmarknadsföring" in line and "Marknadsregistret" in line
               for line in timeline), timeline  # fmt: skip
    assert page.visit.actions_owed() == [] and not any(o.code == "action_owed" for o in page.visit.owed())
    # Nothing else is owed for a marketing stop: the checklist says close, and it closes.
    assert [s.code for s in page.visit.next_steps()] == ["close"]
    assert page.close_button.isEnabled()
    fill_decisions(monkeypatch)
    page.close_case()
    assert page.visit is None or page.visit.status.value == "closed"


def test_a_stop_that_fails_at_registration_is_shown_at_once_and_done_by_the_next_gather(qtbot, window, desk,
                                                                                        tmp_path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """The receipt says the stop applies from today: where a system cannot be changed (here the
    suppression list's table is gone), the case page says so in red with the system's reason, the
    case owes it, and a later gather, once the system is right again, carries it out."""
    marketing = make_url(desk.config.source("marknad").url).database

    def active() -> int:
        with sqlite3.connect(marketing) as db:
            return int(db.execute("SELECT count(*) FROM nyhetsbrev WHERE status = 'Aktiv'").fetchone()[0])

    with sqlite3.connect(marketing) as db:
        db.execute("ALTER TABLE sparrlista RENAME TO sparrlista_flyttad")
    before = active()
    page = register_a_marketing_stop(qtbot, window, desk)
    assert page.action_problem.isVisible()
    problem = page.action_problem.text().splitlines()
    assert ("Kunde inte genomföras i Marknadsregistret (Optimizely): Du står på vår spärrlista, så att du inte får "
            "direktmarknadsföring igen – the query does not fit the database (check table and column names). Det "
            "gäller ändå från i dag") in " ".join(problem)  # fmt: skip
    # One transaction per system: its other actions were rolled back with it, and say so.
    assert any("Du är avregistrerad från alla våra nyhetsbrev och utskick – not carried out: another action in "
               "this system failed" in line for line in problem)  # fmt: skip
    assert active() == before
    assert [o.code for o in page.visit.owed()] == ["action_owed"]
    window.resize(1024, 700)
    window.grab().save(str(tmp_path / "stop-failed-1024.png"))
    assert "stoppet är inte genomfört i Marknadsregistret (Optimizely)" in page.next_steps.text()
    assert not page.close_button.isEnabled() or page.visit.owed()  # closing would need a reason
    with sqlite3.connect(marketing) as db:
        db.execute("ALTER TABLE sparrlista_flyttad RENAME TO sparrlista")
    page.gather.start()  # F5
    qtbot.waitUntil(lambda: not page.gather.running and page.visit.owed() == [], timeout=30000)
    assert not page.action_problem.isVisible()
    with sqlite3.connect(marketing) as db:
        assert db.execute("SELECT count(*) FROM sparrlista").fetchone()[0] == 1
