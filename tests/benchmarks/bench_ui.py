"""GUI benchmark (run on demand, not in the test suite).

    .venv/bin/python tests/benchmarks/bench_ui.py [--world DIR] [--runs 11]

1. Start-up: the time from process start to the first interactive window (the sign-in, with the
   event loop idle; the configuration, register and sources go on loading behind it), against a
   bare PySide6 window started the same way, in the same run. Runs alternate between the two
   (`--runs` of each, fresh processes) so that the machine's drift hits both; prints the medians
   and the ratio (goal <= 1.2). The program's bytecode is compiled first, as an installation has
   it (pip compiles at install, the bundle ships it): this machine sets PYTHONDONTWRITEBYTECODE,
   and without the compiled files every start would also compile the program's sources, which
   the bare window (PySide6's own files are compiled) does not.
2. Responsiveness: the longest gap of a 10 ms heartbeat timer on the GUI thread while the window
   gathers one visitor's data from the demo world (the 1,000,000-person world of bench_gather.py
   when it exists) and then renders a 50,000-row extract in the delivery view (goal < 100 ms).
3. The visitor's wait: Ctrl+Enter to the first page of the preview, for the typical visitor (196
   pages; goal <= 1.5 s) and one with a few pages (goal <= 0.5 s), each against its floor in the
   same run (the same visitor's gather through the services, the extract rendered and its first
   page drawn by QtPdf, without the window; goal <= 2x), so that the figure means the same on
   every machine; then printing's figures (bench_print.py: bytes per page and time to the first
   page).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow(); window.resize(1200, 800); window.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""


def time_to(command: list[str], *markers: str) -> list[float]:
    """Seconds from spawning `command` until it prints each marker line."""
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INSYN_EXIT_WHEN_READY": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    seen: list[float] = []
    for line in process.stdout:
        if len(seen) < len(markers) and line.strip() == markers[len(seen)]:
            seen.append(time.perf_counter() - started)
    process.wait(timeout=60)
    if len(seen) != len(markers):
        raise RuntimeError("the child never printed " + " and ".join(markers))
    return seen


def prepare_world(world: Path | None) -> Path:
    from desktop.services.demo import create_demo
    from desktop.services.desk import open_desk
    from desktop.services.staff import create_account

    if world is None:
        big = Path(__file__).with_name(".world-1000000")
        world = big if (big / "insyn-demo.toml").exists() else Path(__file__).with_name(".world-3000")
    config = world / "insyn-demo.toml"
    if not config.exists():
        create_demo(world, people=3000)
    desk = open_desk(config)
    from desktop.errors import UserError
    from desktop.services.staff import sign_in

    admin = sign_in(desk, "admin", "demo-admin")  # the demo's documented administrator
    for username, roles in (("bench1", ["reception"]), ("bench2", ["approver"])):
        with contextlib.suppress(UserError):  # the account exists from an earlier run
            create_account(desk, username, "Bench", roles, "bench-password", by=admin)
    desk.close()
    return config


def floor_wait(desk, number: str, staff) -> float:  # type: ignore[no-untyped-def]
    """The same visitor's wait without the window: the gather through the services, the extract
    rendered, loaded into QtPdf and its first page drawn, one after the other on this thread."""
    from PySide6.QtCore import QSize

    from desktop.services.visit import Visit
    from desktop.ui.printing import pdf_document

    visit = Visit(desk, number, staff)
    started = time.perf_counter()
    visit.gather()
    rendered = visit.render("sv")
    document = pdf_document(rendered.pdf)
    document.render(0, QSize(794, 1123))
    seconds = time.perf_counter() - started
    visit.drop()
    return seconds


def responsiveness(config: Path) -> tuple[float, float, float]:
    """Longest heartbeat gaps: the first visitor's gather after start, the next visitor's, and
    the 50,000-row render."""
    from datetime import date

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.extract import GatherResult, Record, SourceResult, SourceStatus, Strength
    from desktop.core.requests import RequestType
    from desktop.services.cases import PersonInput, open_case
    from desktop.services.desk import open_desk
    from desktop.services.staff import sign_in
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    desk = open_desk(config)
    from desktop.services.casework import warm_up

    warm_up(desk)  # as the program does behind the sign-in window: pools, file indexes, queries
    window = MainWindow(desk, sign_in(desk, "bench1", "bench-password"))
    window.show()
    clock, longest = QElapsedTimer(), [0.0]
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)

    def run_until(condition, seconds: float = 120) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.001)

    import sqlite3

    from sqlalchemy.engine import make_url

    crm = sqlite3.connect(make_url(desk.config.source("kundregister").url).database)
    pin = crm.execute("SELECT personnr FROM kund WHERE rowid = 1").fetchone()[0]  # the one with hourly readings

    def visit() -> str:
        opened = open_case(desk, PersonInput(pin, "Åsa Öberg", "national-id", "SE", "AB1234567", date(2030, 1, 1)),
                           [(RequestType.ACCESS, None)], staff_username="bench1",
                           alongside="separate-errand")  # the same visitor again and again  # fmt: skip
        run_until(lambda: False, 0.3)
        window.case.drop_data()
        longest[0], last[0] = 0.0, clock.elapsed()
        heartbeat.start()
        window.show_case(opened.number, start_gather=True)
        run_until(lambda: window.case.result is not None)
        run_until(lambda: False, 0.2)
        heartbeat.stop()
        return opened.number

    visit()
    first_stall = longest[0]
    number = visit()
    gather_stall = longest[0]

    # A 50,000-row extract rendered by the delivery view's worker.
    rows = [{"timme": f"2025-01-{n % 28 + 1:02d} {n % 24:02d}:00", "kwh": n / 100, "id": "735999100000000"}
            for n in range(50_000)]  # fmt: skip
    big = SourceResult("kundregister", "Kundregistret", "sql", SourceStatus.OK,
                       [Record("kundregister", "Mätvärden per timme", r, Strength.STRONG, "personnummer") for r in rows])  # fmt: skip
    result = GatherResult({"kundregister": big}, {})
    window.show_case(number)
    assert window.case.visit is not None
    window.case.visit.gathered(result)  # as if the gather had found them
    window.case.deliver.set_visit(window.case.visit)
    run_until(lambda: False, 0.2)
    longest[0], last[0] = 0.0, clock.elapsed()
    heartbeat.start()
    started = time.perf_counter()
    window.case.deliver.show_extract()
    run_until(lambda: window.case.deliver.rendered is not None, 300)
    render_seconds = time.perf_counter() - started
    render_stall = longest[0]
    heartbeat.stop()
    print(f"50,000-row extract ({window.case.deliver.rendered.pages} pages) ready in the preview after "
          f"{render_seconds:.2f} s, rendered in {'a child process' if desk.renderer.separate else 'the program'}")  # fmt: skip
    # The visitor's wait: from Ctrl+Enter on the form to the first page in the preview, for the
    # typical visitor (hourly readings, ~196 pages) and one with a few pages.
    waits, floors = {}, {}
    for label, rowid in (("typical visitor", 1), ("a visitor with a few pages", 2)):
        person = crm.execute("SELECT personnr FROM kund WHERE rowid = ?", (rowid,)).fetchone()[0]
        window.case.drop_data()
        window.show_new_visit()
        form = window.visit
        form.person.personnummer.setText(person)
        form.person.name.setText("Bench Visitor")
        form.person.document_number.setText("AB1234567")
        form.person.expiry.setDate(date(2030, 1, 1))
        form.print_receipt.setChecked(False)
        form.ask_duplicate = lambda _existing: "new"  # type: ignore[method-assign]
        form.ask_alongside_reason = lambda: "separate-errand"  # type: ignore[method-assign]
        run_until(lambda: False, 0.2)
        started = time.perf_counter()
        form.register()  # what Ctrl+Enter does
        run_until(lambda: window.case.result is not None)
        window.case.tabs.setCurrentWidget(window.case.deliver)
        window.case.deliver.show_extract()  # the preview, at once (a draft until approved)
        run_until(lambda: window.case.deliver.rendered is not None and window.case.deliver.document.pageCount() > 0)
        waits[label] = (time.perf_counter() - started, window.case.deliver.rendered.pages)
        floors[label] = floor_wait(desk, window.case.visit.number, window.staff)
    for (label, (seconds, pages)), goal in zip(waits.items(), (1.5, 0.5), strict=True):
        floor = floors[label]
        print(f"{label}: Ctrl+Enter to the first page of the preview ({pages} pages) {seconds:.2f} s (goal <= {goal} s); "
              f"floor {floor:.2f} s, ratio {seconds / floor:.2f} (goal <= 2)")  # fmt: skip
    window.case.drop_data()
    window.close()
    desk.close()
    return first_stall, gather_stall, render_stall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--world", type=Path)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--start-only", action="store_true", help="measure the start and nothing else")
    args = parser.parse_args()
    config = prepare_world(args.world)
    print(f"world: {config.parent}")
    compileall.compile_dir(ROOT / "desktop", quiet=1)
    bare: list[float] = []
    program: list[list[float]] = []
    for _ in range(args.runs):
        bare.append(time_to([sys.executable, "-c", BARE], "ready")[0])
        program.append(time_to([sys.executable, "-m", "desktop", "--config", str(config)], "ready", "loaded"))
    ready = statistics.median(p[0] for p in program)
    loaded = statistics.median(p[1] for p in program)
    print(f"start to interactive window (sign-in): program {ready * 1000:.0f} ms, "
          f"bare PySide6 window {statistics.median(bare) * 1000:.0f} ms, "
          f"ratio {ready / statistics.median(bare):.2f} (goal <= 1.2)")  # fmt: skip
    print(f"register, configuration and sources loaded behind it after {loaded * 1000:.0f} ms")
    if args.start_only:
        return
    first, gather_stall, render_stall = responsiveness(config)
    print(f"longest GUI-thread stall: first gather after start {first:.0f} ms, next visitor's gather "
          f"{gather_stall:.0f} ms, 50,000-row render {render_stall:.0f} ms (goal < 100 ms)")  # fmt: skip
    # Printing: bytes per page and time to the first page (tests/benchmarks/bench_print.py).
    import runpy

    runpy.run_path(str(Path(__file__).with_name("bench_print.py")), run_name="__main__")


if __name__ == "__main__":
    main()
