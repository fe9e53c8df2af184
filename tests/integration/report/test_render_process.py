"""Extracts rendered in one-shot child processes: same bytes, data gone with the child, and a
fallback to the program's own process when a child cannot do it."""

from __future__ import annotations

import dataclasses
import os
import time

import pytest

from desktop.services import render_process
from desktop.services.render_process import ExtractRenderer, RenderFailed, render_document
from tests.integration.report.test_extract_pdf import document


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie counts as gone
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def wait_gone(pid: int, seconds: float = 10) -> bool:
    end = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < end:
        time.sleep(0.05)
    return not alive(pid)


@pytest.fixture
def renderer():  # type: ignore[no-untyped-def]
    renderer = ExtractRenderer()
    yield renderer
    renderer.close()


def test_a_child_renders_the_same_bytes_and_exits_with_the_data(renderer: ExtractRenderer) -> None:
    doc = document(rows=2000)
    expected = render_document(doc, True)
    assert renderer.start() and renderer.separate
    first_child = renderer.waiting_process_id()
    assert first_child is not None and first_child != os.getpid()
    assert renderer.render(doc, True) == expected
    assert wait_gone(first_child)  # the child that saw the person's data has ended
    second_child = renderer.waiting_process_id()
    assert second_child not in (None, first_child)  # a fresh one waits for the next visitor
    assert renderer.render(document("en", rows=10), False) == render_document(document("en", rows=10), False)
    renderer.close()
    assert wait_gone(second_child)
    assert renderer.waiting_process_id() is None and not renderer.separate


def test_without_start_it_renders_in_the_programs_own_process(renderer: ExtractRenderer) -> None:
    doc = document(rows=5)
    assert renderer.render(doc, False) == render_document(doc, False)
    assert renderer.waiting_process_id() is None


def test_a_child_that_died_is_replaced_by_the_own_process(renderer: ExtractRenderer) -> None:
    assert renderer.start()
    pid = renderer.waiting_process_id()
    assert pid is not None
    os.kill(pid, 9)
    assert wait_gone(pid)
    doc = document(rows=20)
    assert renderer.render(doc, False) == render_document(doc, False)
    assert renderer.separate and renderer.waiting_process_id() not in (None, pid)


def test_a_failure_in_the_child_names_only_the_exception_type(renderer: ExtractRenderer) -> None:
    doc = document(rows=3)
    broken = dataclasses.replace(doc, sources=[object()])
    assert renderer.start()
    with pytest.raises(RenderFailed) as raised:
        renderer.render(broken, False)
    assert str(raised.value) == "the extract could not be rendered (AttributeError)"


def test_a_child_that_cannot_load_leaves_rendering_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render_process, "READY_TIMEOUT", 0.0)  # the child cannot answer in no time
    renderer = ExtractRenderer()
    try:
        assert not renderer.start()
        assert not renderer.separate and renderer.waiting_process_id() is None
        doc = document(rows=5)
        assert renderer.render(doc, False) == render_document(doc, False)
    finally:
        renderer.close()


def test_a_child_stopped_while_the_program_closes_is_not_redone_in_process(renderer: ExtractRenderer) -> None:
    import multiprocessing
    import threading

    assert renderer.start()
    outcome: list[object] = []

    def render() -> None:
        try:
            outcome.append(renderer.render(document(rows=30_000), False))
        except RenderFailed as exc:
            outcome.append(exc)

    worker = threading.Thread(target=render)
    worker.start()
    time.sleep(0.5)  # the child is rendering
    renderer.close()  # the program closes ...
    for child in multiprocessing.active_children():  # ... and its children are ended
        child.kill()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert isinstance(outcome[0], RenderFailed) and "closing" in str(outcome[0])
