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
