"""Issue 20's small list, each as the desk met it: scrolling the new-visit form with the mouse
wheel over the ID drop-down changed the document type on its way past."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea


def wheel_over(widget, steps: int = -3) -> None:  # type: ignore[no-untyped-def]
    """The wheel turned `steps` notches (negative: towards the user) with the pointer on `widget`."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_the_mouse_wheel_scrolls_the_form_past_the_id_drop_down(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 700)
    window.show_new_visit()
    form = window.visit
    combo = form.person.document_type
    before = combo.currentIndex()
    scroll = form.findChild(QScrollArea)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than the window at 1024×700
    form.person.name.setFocus()
    wheel_over(combo)
    assert combo.currentIndex() == before  # not chosen by the wheel on its way past
    assert bar.value() > 0  # the page scrolled instead
    combo.setFocus()  # clicked into, or reached with Tab: now the wheel chooses, as staff expect
    wheel_over(combo, 1)
    wheel_over(combo, -1)
    assert combo.hasFocus()


def test_the_delivery_tab_says_what_comes_next_right_after_the_gather(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    """It said "Insamlingen har inte startat" with the data gathered a moment before."""
    from tests.gui.test_visit import examples, fill_visitor

    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    assert window.visit.register() is not None
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    assert page.deliver.status.text() == "Granska och godkänn först; sedan visas utdraget här."


def test_the_review_offers_the_grounds_in_swedish_law_for_withholding_the_visitors_own_data(
    qtbot, window, desk
) -> None:  # type: ignore[no-untyped-def]
    """A record excluded on a ground in dataskyddslagen 5 kap. is told to the visitor as withheld
    (the same rule through the command line: tests/e2e/test_cli_casework.py)."""
    import io

    import pypdf

    from desktop.services.review import ReviewReason
    from tests.gui.conftest import PASSWORDS
    from tests.gui.test_visit import examples, fill_visitor

    fill_visitor(qtbot, window, examples(desk)[0], "Åsa Öberg")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None and not page.gather.running, timeout=30000)
    review = page.review
    offered = [review.reason.itemData(i) for i in range(review.reason.count())]
    assert ReviewReason.CONFIDENTIALITY in offered and ReviewReason.DRAFT in offered  # a company may use both
    record = next(r for s in page.result.sources.values() for r in s.records
                  if s.source_id == "kundregister" and r.strength.value == "strong")  # fmt: skip
    page.visit.exclude(record, ReviewReason.CONFIDENTIALITY)
    page.visit.leave_out_weak()
    page.visit.approve("granskare", PASSWORDS["granskare"])
    rendered = page.visit.render("sv")
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages).split())
    assert "1 uppgift om dig lämnas inte ut, eftersom den omfattas av tystnadsplikt" in text


def test_a_wrong_password_says_when_accounts_lock_and_the_same_for_every_name(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.auth import SignInDialog

    said = []
    for username in ("disk1", "nobody-here"):  # a real account and a name that is none
        dialog = SignInDialog(desk)
        qtbot.addWidget(dialog)
        dialog.username.setText(username)
        dialog.password.setText("wrong password")
        dialog.try_sign_in()
        said.append(dialog.problem.text())
    assert (
        said[0]
        == said[1]
        == ("Fel användarnamn eller lösenord. Efter 10 felaktiga lösenord i rad låses kontot i 15 minuter.")
    )


def test_three_steps_of_ctrl_plus_still_fit_a_1280_screen_on_every_page(qtbot, window, desk) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.test_visit import examples, fill_visitor

    fill_visitor(qtbot, window, examples(desk)[1], "Anna Exempel")
    window.visit.register()
    qtbot.waitUntil(lambda: window.case.result is not None, timeout=30000)
    for _ in range(3):
        qtbot.keyClick(window.case.overview.timeline, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    widest = {}
    for tab in range(window.case.tabs.count()):
        window.case.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        widest[f"case tab {tab}"] = window.minimumSizeHint().width()
    for name, show in (("case list", window.show_cases), ("new visit", window.show_new_visit)):
        show()
        qtbot.wait(20)
        widest[name] = window.minimumSizeHint().width()
    assert max(widest.values()) <= 1280 - 16, widest  # the window frame takes the rest


def test_the_desk_loaded_at_start_is_kept_out_of_the_cycle_collectors_way(world, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What start-up loads lives as long as the program: load_desk freezes it for the cycle
    collector (a gather's records made it walk all of it again and again), garbage collected first."""
    import gc

    from desktop.ui.app import load_desk

    monkeypatch.setenv("INSYN_REGISTER_URL", f"sqlite:///{tmp_path / 'register.sqlite'}")
    gc.unfreeze()
    desk = None
    try:
        desk, needs_admin = load_desk(str(world), False, None)
        assert needs_admin  # a new register: the first administrator is asked for next
        assert gc.get_freeze_count() > 10_000  # Qt's wrappers, SQLAlchemy, the configuration …
    finally:
        gc.unfreeze()  # this test process goes on to other desks
        if desk is not None:
            desk.close()
