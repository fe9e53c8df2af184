"""Rendering extracts in a child process, so that the window never waits for reportlab.

A long extract is seconds of pure-Python work and hundreds of thousands of short-lived objects.
In the window's own process that work competes for the GIL, and its garbage collections stop the
GUI thread for 50-150 ms at a time. In a child process the window only pickles the composed
document (about 20 ms for 50,000 rows, on a worker thread) and receives the PDF's bytes back.

Each child renders one extract and exits, so the person's data dies with it; the next child is
started (with `spawn`, reportlab and the fonts loaded) right after, before the next visitor. The
data travels through a pipe, never through a file. A child that cannot start or dies makes this
render run in the program's own process instead; the log says so, without data.

Only the standard library is imported here at module level: the child imports this module to find
its entry point and must not pull in SQLAlchemy or Qt.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import threading
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from desktop.core.extract import ExtractDocument

log = logging.getLogger(__name__)

Rendered = tuple[bytes, int, bytes | None]  # PDF, page count, ZIP package

READY_TIMEOUT = 60.0  # seconds a fresh child may take to load reportlab and the fonts


class RenderFailed(RuntimeError):
    """The child could not render; the message names only the exception type."""


def render_document(document: ExtractDocument, with_package: bool) -> Rendered:
    """The extract (and the ZIP) in the calling process."""
    from desktop.report.extract_pdf import build_extract
    from desktop.report.package import build_package

    pdf, pages = build_extract(document)
    return pdf, pages, build_package(document) if with_package else None


def _serve(connection: Connection) -> None:
    """The child: load the renderer, say ready, render one request, answer, exit."""
    try:
        from desktop.report.fonts import register_fonts

        register_fonts()
        import desktop.report.extract_pdf
        import desktop.report.package  # noqa: F401 - both loaded before the request arrives
    except Exception as exc:  # noqa: BLE001 - reported to the parent by type only
        connection.send(("failed", type(exc).__name__))
        return
    try:
        connection.send(("ready", None))
        request = connection.recv()
    except (EOFError, OSError):
        return  # the program ended or dropped this child
    if request is None:
        return
    document, with_package = request
    # This child renders once and exits: the cycle collector would only walk reportlab's
    # hundreds of thousands of short-lived objects again and again (13 % of a 100,000-row
    # render; its peak memory is the same without it).
    gc.disable()
    try:
        answer = render_document(document, with_package)
    except Exception as exc:  # noqa: BLE001 - the text could hold a person's data: type only
        connection.send(("failed", type(exc).__name__))
        return
    connection.send(("done", answer))


class _Child:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child_end = context.Pipe()
        self.process: BaseProcess = context.Process(target=_serve, args=(child_end,), name="insyn-render", daemon=True)
        self.process.start()
        child_end.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if self.ready:
            return True
        try:
            if not self.connection.poll(timeout):
                return False
            kind, detail = self.connection.recv()
        except (EOFError, OSError):
            return False
        if kind != "ready":
            log.warning("the render process could not load the renderer (%s)", detail)
            return False
        self.ready = True
        return True

    def render(self, document: ExtractDocument, with_package: bool) -> Rendered:
        self.connection.send((document, with_package))
        kind, answer = self.connection.recv()
        if kind != "done":
            raise RenderFailed(f"the extract could not be rendered ({answer})")
        return answer  # type: ignore[no-any-return]

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # it has ended already
            self.connection.send(None)
        self.connection.close()
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=2)


class ExtractRenderer:
    """Renders in the program's own process until `start`, then in one-shot child processes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._started = False
        self._next: _Child | None = None

    @property
    def separate(self) -> bool:
        """Whether extracts render in child processes (after `start`, while children load)."""
        return self._started

    def start(self, *, wait: bool = True) -> bool:
        """Start the first child; with `wait`, return whether it loaded. A child that cannot
        start or load makes every render run in the program's own process from then on."""
        with self._lock:
            self._started = True
            if self._next is None:
                self._next = self._spawn()
            child = self._next
        if child is not None and (not wait or child.wait_ready(READY_TIMEOUT)):
            return True
        self.close()
        return False

    def _spawn(self) -> _Child | None:
        try:
            return _Child()
        except (OSError, RuntimeError, ValueError) as exc:
            log.warning("the render process could not be started (%s)", type(exc).__name__)
            return None

    def render(self, document: ExtractDocument, with_package: bool) -> Rendered:
        with self._lock:
            child, self._next = self._next, None
            if child is None and self._started:
                child = self._spawn()
        if child is None:
            return render_document(document, with_package)
        try:
            if not child.wait_ready(READY_TIMEOUT):
                self.close()
                return render_document(document, with_package)
            try:
                return child.render(document, with_package)
            except (EOFError, OSError):
                if not self._started:  # the program is closing: do not start the work again here
                    raise RenderFailed("the extract could not be rendered (the program is closing)") from None
                log.warning("the render process stopped; rendering in the program's own process")
                return render_document(document, with_package)
        finally:
            child.stop()
            with self._lock:
                if self._started and self._next is None:
                    self._next = self._spawn()  # ready for the next visitor

    def waiting_process_id(self) -> int | None:
        """The process id of the child waiting for the next extract, if any."""
        with self._lock:
            return self._next.process.pid if self._next is not None else None

    def close(self) -> None:
        with self._lock:
            self._started = False
            child, self._next = self._next, None
        if child is not None:
            child.stop()
