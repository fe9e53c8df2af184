"""Extract PDF benchmark (run on demand, not in the test suite).

    .venv/bin/python tests/benchmarks/bench_pdf.py [--sizes 10000 50000 100000]

For each size it renders a real extract whose meter-reading table has that many rows, and, in
the same run, the floor: the same cell texts drawn straight onto a reportlab canvas in the same
font, one line per row. Each measurement runs in a fresh process, so that its peak memory
(max RSS) is its own; each is run --repeat times, alternating, and the median shown. Prints rows per second for both, the ratio, the 100k/50k time ratio and
the peak memory.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def rows(count: int) -> list[dict[str, object]]:
    return [
        {
            "anlaggnings_id": "735999100000000",
            "timme": f"{2025 + n // 8760}-{(n // 720) % 12 + 1:02d}-{(n // 24) % 28 + 1:02d} {n % 24:02d}:00",
            "kwh": round(0.4 + (n * 37 % 1000) / 400, 3),
        }
        for n in range(count)
    ]


def render_extract(count: int) -> dict[str, float]:
    from desktop.core.extract import (
        Art15,
        CategorySection,
        ExtractDocument,
        Organisation,
        SourceSection,
        SourceStatus,
    )
    from desktop.report.extract_pdf import build_extract
    from desktop.report.fonts import register_fonts

    register_fonts()  # as the desk's renderer has them before a request arrives (and the floor, below)

    data = rows(count)
    document = ExtractDocument(
        organisation=Organisation("Benchmark AB", "556677-8899", "Gatan 1", "dataskydd@example.com"),
        case_number="2026-00001",
        subject_name="Åsa Öberg",
        subject_personnummer="19420120-5830",
        received_on=date(2026, 11, 23),
        produced_on=date(2026, 11, 23),
        deadline=date(2026, 12, 23),
        extended_deadline=None,
        extension_reason=None,
        requests=("access",),
        sources=[
            SourceSection("crm", "Kundregistret", SourceStatus.OK, Art15(purpose="Mätning"),
                          [CategorySection("Mätvärden per timme", Art15(), data)])
        ],
    )  # fmt: skip
    started = time.perf_counter()
    pdf, pages = build_extract(document)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "pages": pages, "bytes": len(pdf)}


def render_floor(count: int) -> dict[str, float]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from desktop.report.fonts import CONDENSED, register_fonts
    from desktop.report.table import FONT_SIZE, LEADING

    register_fonts()
    data = rows(count)
    started = time.perf_counter()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=CONDENSED)
    canvas.setFont(CONDENSED, FONT_SIZE)
    y = A4[1] - 60
    for row in data:
        canvas.drawString(50, y, "   ".join(str(v) for v in row.values()))
        y -= LEADING
        if y < 60:
            canvas.showPage()
            canvas.setFont(CONDENSED, FONT_SIZE)
            y = A4[1] - 60
    canvas.save()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "pages": canvas.getPageNumber(), "bytes": buffer.getbuffer().nbytes}


def child(kind: str, count: int) -> None:
    result = (render_extract if kind == "extract" else render_floor)(count)
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(kind: str, count: int) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(count)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per measurement (the median is shown)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    times: dict[int, float] = {}
    print(f"{'rows':>8} {'extract s':>10} {'rows/s':>8} {'pages':>6} {'peak MB':>8} | "
          f"{'floor s':>8} {'rows/s':>8} | extract/floor speed")  # fmt: skip
    for count in args.sizes:
        runs = [(measure("extract", count), measure("floor", count)) for _ in range(args.repeat)]  # alternating
        extract = sorted((e for e, _f in runs), key=lambda r: r["seconds"])[len(runs) // 2]
        floor = sorted((f for _e, f in runs), key=lambda r: r["seconds"])[len(runs) // 2]
        times[count] = extract["seconds"]
        print(
            f"{count:>8} {extract['seconds']:>10.2f} {count / extract['seconds']:>8.0f} "
            f"{extract['pages']:>6.0f} {extract['max_rss_mb']:>8.0f} | {floor['seconds']:>8.2f} "
            f"{count / floor['seconds']:>8.0f} | {floor['seconds'] / extract['seconds']:.2f}"
        )
    if 50_000 in times and 100_000 in times:
        print(f"time ratio 100k/50k: {times[100_000] / times[50_000]:.2f} (goal <= 2.2)")
    print("goal: extract at least 0.7x the floor's rows per second at every size; peak memory for 100k under 1 GB")


if __name__ == "__main__":
    main()
