"""A whole visit reads the case file few times (issue 21): the timeline whole once, then only
what was added; the case itself once per change the Visit makes, never again by the window
(it used to read the full case file 11 times and the case row 23 times)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QWidget
from sqlalchemy import event

from desktop.services import casework
from desktop.services.visit import state as visit_module
from tests.gui.conftest import PASSWORDS
from tests.gui.decisions import fill_decisions
from tests.gui.test_visit import examples, fill_visitor

CHANGES = 7  # opened, gathering, gathered, manual answer, approved, delivered, closed


def count_reads(monkeypatch, desk) -> Counter[str]:  # type: ignore[no-untyped-def]
    counts: Counter[str] = Counter()

    def case_file(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts["case"] += 1
        return casework.case_file(*args, **kwargs)

    def timeline_since(desk_, number, after_seq, names):  # type: ignore[no-untyped-def]
        counts["timeline whole" if after_seq == 0 else "timeline added"] += 1
        return casework.timeline_since(desk_, number, after_seq, names)

    monkeypatch.setattr(visit_module, "case_file", case_file)
    monkeypatch.setattr(visit_module, "timeline_since", timeline_since)
    event.listen(desk.register.engine, "before_cursor_execute", lambda *_a: counts.update(["statements"]))
    return counts


def test_a_whole_visit_in_the_window_reads_the_case_file_whole_once(qtbot, window, desk, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    counts = count_reads(monkeypatch, desk)
    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
    item = page.gather.findChild(QWidget, "manual_save_rekrytering").parent()
    item.nothing.setChecked(True)
    item.save.click()
    monkeypatch.setattr(page, "ask_leave_out_weak", lambda _count: True)
    monkeypatch.setattr(page, "ask_approval", lambda: page.visit.approve("granskare", PASSWORDS["granskare"]))
    page.review.approve_button.click()
    deliver = page.deliver
    qtbot.waitUntil(lambda: deliver.rendered is not None and page.visit.deliverable, timeout=30000)
    monkeypatch.setattr(deliver, "ask_save_path", lambda *_args: str(tmp_path / "utdrag.pdf"))
    deliver.save_dialog()
    assert page.visit.status.value == "delivered"
    fill_decisions(monkeypatch)
    page.close_case()
    assert page.visit is None or page.visit.status.value == "closed"
    print(dict(counts))
    assert counts["timeline whole"] == 1
    assert counts["case"] <= CHANGES + 1  # once per change, and the window's first look
    assert counts["statements"] <= 220  # 209 measured with the decisions kept (224 before: 10 full reads)
