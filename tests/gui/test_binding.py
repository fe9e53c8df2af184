"""The Qt binding itself: faults that would end a long day at the desk."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel


def test_calls_that_return_none_keep_nones_reference_count(qtbot) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on every such call; after some
    # hundred thousand calls (an ordinary day) the program dies with "deallocating None".
    label, holder = QLabel(), QObject()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setText(str(n))
        holder.setObjectName("x")
    assert sys.getrefcount(None) - before > -100
