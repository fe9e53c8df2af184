"""Running slow work off the GUI thread: one small worker layer for gathers and renders.

`run_task` puts a function on the thread pool and delivers its result or its exception back
on the GUI thread through queued signals. Widgets are never touched from a worker; progress
callbacks from a worker are turned into signals the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; its slots therefore run there when a worker emits."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.on_done: Callable[[Any], None] = lambda _value: None
        self.on_error: Callable[[BaseException], None] = lambda _exc: None
        self.on_progress: Callable[[Any], None] = lambda _value: None
        self.done.connect(self._done)
        self.failed.connect(self._failed)
        self.progress.connect(self._progress)

    @Slot(object)
    def _done(self, value: Any) -> None:
        _alive.discard(self)
        self.on_done(value)

    @Slot(object)
    def _failed(self, exc: Any) -> None:
        _alive.discard(self)
        self.on_error(exc)

    @Slot(object)
    def _progress(self, value: Any) -> None:
        self.on_progress(value)


class _Task(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.function = function
        self.relay = relay
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.function()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the window
            log.info("background task failed: %s", type(exc).__name__)
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


_alive: set[_Relay] = set()  # relays of running tasks, kept alive until they report


def run_task(
    function: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    pool: QThreadPool | None = None,
) -> _Relay:
    """Run `function` on a worker; `on_done`/`on_error` run on the GUI thread afterwards."""
    relay = _Relay()
    relay.on_done, relay.on_error = on_done, on_error
    _alive.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Task(function, relay))
    return relay


def progress_relay(on_progress: Callable[[Any], None]) -> tuple[_Relay, Callable[[Any], None]]:
    """A callback safe to call from any thread that runs `on_progress` on the GUI thread."""
    relay = _Relay()
    relay.on_progress = on_progress
    return relay, relay.progress.emit
