"""The yearly report on the desk's requests, for the person responsible for data protection: the
register's figures, no personal data. Swedish or English."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.report.extract_pdf import _facts_table, _p, _styles
from desktop.report.pages import FRAME_WIDTH, PageFurniture, render
from desktop.report.table import DataTable
from desktop.report.texts import format_date, texts

MONTHS = {
    "sv": ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
LABELS = {
    "sv": {
        "title": "Årsrapport: begäranden enligt dataskyddsförordningen {year}",
        "produced": "Framtagen",
        "cases": "Ärenden",
        "answered": "Besvarade",
        "in_time": "Besvarade inom tidsfristen",
        "extended": "Förlängd svarstid",
        "refused": "Avslagna",
        "withdrawn": "Återkallade",
        "open": "Väntar på svar",
        "outstanding": "Begäranden utan registrerat utfall",
        "awaiting_supplement": "Utlämnade utdrag som väntar på komplettering",
        "supplements": "Kompletterande utdrag",
        "median": "Median, dagar till svar",
        "by_month": "Begäranden per typ och månad",
        "type": "Begäran",
        "total": "Summa",
        "note": (
            "Ett ärende räknas som besvarat när utdraget lämnades ut, eller när ärendet avslutades eller "
            "avslogs. Tidsfristen är en månad från mottagandet, eller den förlängda (artikel 12.3)."
        ),
    },
    "en": {
        "title": "Annual report: requests under the GDPR {year}",
        "produced": "Produced",
        "cases": "Cases",
        "answered": "Answered",
        "in_time": "Answered within the time limit",
        "extended": "Time to answer extended",
        "refused": "Refused",
        "withdrawn": "Withdrawn",
        "open": "Awaiting an answer",
        "outstanding": "Requests without a recorded outcome",
        "awaiting_supplement": "Extracts handed over awaiting a supplement",
        "supplements": "Supplementary extracts",
        "median": "Median days to answer",
        "by_month": "Requests by type and month",
        "type": "Request",
        "total": "Total",
        "note": (
            "A case counts as answered when the extract was handed over, or when the case was closed "
            "or refused. The time limit is one month from receipt, or the extended one (Article 12(3))."
        ),
    },
}


def _number(value: float | None, language: str) -> str:
    if value is None:
        return "–"
    text = f"{value:g}"
    return text.replace(".", ",") if language == "sv" else text


def build_annual(report: Any, organisation: str, language: str = "sv") -> tuple[bytes, int]:
    t, words, styles = LABELS[language], texts(language), _styles()
    percent = report.in_time_percent
    in_time = f"{report.answered_in_time} ({_number(percent, language)} %)" if percent is not None else "–"
    story: list[Flowable] = [
        _p(organisation, styles["subtitle"]),
        _p(t["title"].format(year=report.year), styles["title"]),
        Spacer(1, 3 * mm),
        _facts_table(
            [
                (t["produced"], format_date(report.produced_on, language)),
                (t["cases"], str(report.cases)),
                (t["answered"], str(report.answered)),
                (t["in_time"], in_time),
                (t["extended"], str(report.extended)),
                (t["refused"], str(report.refused)),
                (t["withdrawn"], str(report.withdrawn)),
                (t["open"], str(report.open_cases)),
                (t["outstanding"], str(report.outstanding_parts)),
                (t["awaiting_supplement"], str(report.awaiting_supplement)),
                (t["supplements"], str(report.supplements)),
                (t["median"], _number(report.median_days, language)),
            ],
            styles,
        ),
        _p(t["note"], styles["small"]),
        _p(t["by_month"], styles["h2"]),
    ]
    header = [t["type"], *MONTHS[language], t["total"]]
    rows = [
        [words[f"request_{kind}"], *(str(n) for n in counts), str(sum(counts))]
        for kind, counts in report.requests_by_month.items()
    ]
    story.append(DataTable.build(header, rows, FRAME_WIDTH))
    furniture = PageFurniture(left_header=organisation, right_header=t["title"].format(year=report.year),
                              marking="", page_text=words["page"])  # fmt: skip
    produced_at = datetime.combine(report.produced_on, time(12, 0), tzinfo=UTC)
    return render(story, furniture, title=t["title"].format(year=report.year), author=organisation,
                  produced_at=produced_at)  # fmt: skip
