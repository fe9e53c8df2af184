"""The extract, the receipt and the ZIP, read back as a visitor's software would read them."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, date, datetime

import pypdf
import pytest

from desktop.core.extract import (
    REDACTED,
    Art15,
    CategorySection,
    Conversation,
    ExtractDocument,
    Organisation,
    RequestNote,
    SourceSection,
    SourceStatus,
    Transfer,
)
from desktop.report.extract_pdf import build_extract
from desktop.report.package import build_package, extract_json
from desktop.report.receipt_pdf import ReceiptDocument, build_receipt
from desktop.report.texts import EN, SV

NAMES = ["Łukasz Żółć", "Nguyễn Thị Minh", "Ólafur Ragnar Grímsson", "Σωκράτης", "Мария Иванова"]
ORGANISATION = Organisation("Strandstads Energi AB", "556677-8899", "Kraftverksvägen 1, 302 50 Strandstad",
                            "dataskydd@example.com", "Dataskyddsombudet")  # fmt: skip
LONG_MESSAGE = " ".join(f"ord{n}" for n in range(400)) + " slut"


def document(language: str = "sv", rows: int = 300) -> ExtractDocument:
    meter = [{"anläggning": "735999100000000", "timme": f"2025-01-01 {n % 24:02d}:{n % 60:02d}", "kwh": n / 10}
             for n in range(rows)]  # fmt: skip
    wide = [{f"kolumn_{c}": f"värde {c} för {NAMES[c % 5]}" for c in range(10)} for _ in range(2)]
    chat = [
        {"tid": "2025-01-02 10:00", "avsändare": NAMES[0], "meddelande": LONG_MESSAGE},
        {"tid": "2025-01-02 10:01", "avsändare": REDACTED, "meddelande": "Hej! Jag heter Petra."},
    ]
    return ExtractDocument(
        organisation=ORGANISATION,
        case_number="2026-00042",
        subject_name=NAMES[0],
        subject_personnummer="19420120-5830",
        received_on=date(2026, 3, 5),
        produced_on=date(2026, 3, 9),
        deadline=date(2026, 4, 7),
        extended_deadline=None,
        extension_reason=None,
        requests=("access", "objection-marketing"),
        language=language,
        sources=[
            SourceSection("crm", "Kundregistret (CGI)", SourceStatus.OK,
                          Art15(purpose="Avtal", legal_basis="Avtal (art. 6.1 b)", recipients=("CGI",),
                                transfers=(Transfer("USA", "Optimizely Inc.", "adequacy", "EU–US Data Privacy Framework"),)),
                          [CategorySection("Kunduppgifter", Art15(), [{"namn": n, "ort": "Strandstad"} for n in NAMES]),
                           CategorySection("Mätvärden", Art15(retention="3 år"), meter),
                           CategorySection("Breda", Art15(), wide)]),
            SourceSection("chat", "Chatt (Imbox)", SourceStatus.OK, Art15(purpose="Kundtjänst"),
                          [CategorySection("Chattar", Art15(), chat)]),
            SourceSection("billing", "Fakturering", SourceStatus.TIMED_OUT, Art15(purpose="Fakturor"), [],
                          message="did not answer in time"),
            SourceSection("hr", "Jobbansökningar", SourceStatus.MANUAL, Art15(purpose="Rekrytering"), []),
        ],
    )  # fmt: skip


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_the_first_page_tells_what_was_done_about_the_other_requests() -> None:
    doc = dataclasses.replace(
        document(),
        other_requests=(
            RequestNote("rectification", "Adressen är fel: ska vara Storgatan 5", "Rättad i kundregistret"),
            RequestNote("objection-marketing", None, None),
        ),
    )
    first = " ".join(text_of(build_extract(doc)[0])[0].split())
    assert "Dina andra begäranden" in first
    assert (
        "Rättelse (artikel 16) Du bad om Adressen är fel: ska vara Storgatan 5 Vad vi har gjort Rättad i kundregistret"
        in first
    )
    assert "Vad vi har gjort Vi svarar dig senast 2026-04-07." in first  # the marketing stop: not yet done
    package = json.loads(zipfile.ZipFile(io.BytesIO(build_package(doc))).read("extract.json"))
    assert package["case"]["other_requests"][0] == {
        "type": "rectification", "details": "Adressen är fel: ska vara Storgatan 5", "outcome": "Rättad i kundregistret",
        "effective_on": None, "done": [], "recipients_told": [],
    }  # fmt: skip
    from desktop.services.render_process import ExtractRenderer, render_document

    renderer = ExtractRenderer()
    try:
        assert renderer.start() and renderer.render(doc, True) == render_document(doc, True)  # pickles to the child
    finally:
        renderer.close()


def test_a_conversation_reads_as_messages_and_keeps_every_column() -> None:
    rows = [
        {"Datum": "2025-05-01", "Tid": "08:53", "Kontakt e-post": "asa@example.com", "Avsändare": "Åsa Öberg",
         "Meddelande": "Hur läser jag av min mätare?", "Kanal": "app"},
        {"Datum": "2025-05-01", "Tid": "08:54", "Kontakt e-post": "asa@example.com", "Avsändare": "Kundtjänst",
         "Meddelande": "Hej Åsa!\nDu hittar den under Mitt HEM.", "Kanal": "webb"},
        {"Datum": "2025-05-01", "Tid": "08:55", "Kontakt e-post": "asa@example.com", "Avsändare": REDACTED,
         "Meddelande": "Tack!", "Kanal": None},
    ]  # fmt: skip
    chat = CategorySection("Chattar", Art15(), rows, Conversation(("Datum", "Tid"), "Avsändare", "Meddelande"))
    doc = document()
    doc.sources[1].categories = [chat]
    text = "\n".join(line.strip() for page in text_of(build_extract(doc)[0]) for line in page.splitlines())
    start = text.index("Chattar (3 uppgifter)")
    part = text[start : text.index("Fakturering", start)]
    assert part.count("asa@example.com") == 1  # the same for every message: said once, above them
    assert "Åsa Öberg 2025-05-01 08:53\nHur läser jag av min mätare?\nKanal: app" in part
    assert "Kundtjänst 2025-05-01 08:54\nHej Åsa!\nDu hittar den under Mitt HEM.\nKanal: webb" in part
    assert "[maskerat] 2025-05-01 08:55\nTack!" in part
    # A conversation naming a column the data does not have falls back to the table: nothing lost.
    doc.sources[1].categories = [
        CategorySection("Chattar", Art15(), rows, Conversation(("Datum",), "Skribent", "Meddelande"))
    ]
    text = "\n".join(text_of(build_extract(doc)[0]))
    assert "Avsändare" in text and "Kanal" in text


def test_the_extract_reads_back_completely() -> None:
    pdf, pages = build_extract(document())
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == pages > 5
    texts = text_of(pdf)
    whole = "\n".join(texts)
    for number, page_text in enumerate(texts, start=1):
        assert f"Sida {number} av {pages}" in page_text
        assert "Ärende 2026-00042" in page_text
        assert "Konfidentiellt – innehåller personuppgifter" in page_text
    for name in NAMES:
        assert name in whole, name
    assert "Registerutdrag" in texts[0] and "19420120-5830" in texts[0]
    assert "Invändning mot direktmarknadsföring (artikel 21)" in texts[0]
    assert "Fakturering" in texts[0] and "Kunde inte sökas – svar senast 2026-04-07" in texts[0]
    assert "Integritetsskyddsmyndigheten (IMY)" in texts[-1]
    assert (
        "USA: Optimizely Inc. – EU-kommissionen har beslutat att skyddsnivån där är adekvat (artikel 45): "
        "EU–US Data Privacy Framework." in " ".join(whole.split())
    )
    assert "skyddsåtgärd" not in whole  # an adequacy decision is not an Art. 46 safeguard
    # Every word of the long chat message survives wrapping.
    flat = re.sub(r"\s+", " ", whole)
    assert all(f"ord{n} " in flat for n in range(400)) and "slut" in flat
    # The meter table continues across pages with its header repeated.
    table_pages = [t for t in texts if "735999100000000" in t]
    assert len(table_pages) >= 3
    assert all("anläggning" in t and "kwh" in t for t in table_pages)
    assert flat.count("735999100000000") == 300


def test_redacted_values_never_reach_the_file() -> None:
    doc = document()
    pdf, _ = build_extract(doc)
    whole = "\n".join(text_of(pdf))
    assert "[maskerat]" in whole
    assert "maskerats" in whole  # the first page explains the masking (Art. 15.4)
    package = build_package(doc)
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        assert "[maskerat]" in zf.read("extract.json").decode()


def test_fonts_are_embedded_and_metadata_holds_no_personal_data() -> None:
    pdf, _ = build_extract(document())
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts and not any("Helvetica" in name for name in fonts)
    for font in fonts.values():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
    metadata = reader.metadata
    assert metadata.title == "Registerutdrag 2026-00042"
    assert metadata.author == ORGANISATION.name
    flat = " ".join(str(v) for v in metadata.values())
    assert "5830" not in flat and "Łukasz" not in flat and "Żółć" not in flat
    assert metadata["/CreationDate"].startswith("D:20260309")
    if shutil.which("pdffonts"):
        listing = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        rows = [line for line in listing.splitlines()[2:] if line.strip()]
        assert rows and all(" yes yes yes " in row for row in rows), listing


def test_same_input_gives_the_same_file() -> None:
    assert build_extract(document())[0] == build_extract(document())[0]


def test_english_extract() -> None:
    pdf, pages = build_extract(document("en"))
    texts = text_of(pdf)
    assert "Data extract" in texts[0] and f"Page 1 of {pages}" in texts[0]
    assert "Swedish Authority for Privacy Protection (IMY)" in texts[-1].replace("\n", " ")


def test_tall_row_is_split_between_pages() -> None:
    doc = document(rows=2)
    tall = "\n".join(f"rad {n}" for n in range(220))
    doc.sources[1].categories[0].rows.append({"tid": "x", "avsändare": "y", "meddelande": tall})
    pdf, _pages = build_extract(doc)
    flat = re.sub(r"\s+", " ", "\n".join(text_of(pdf)))
    assert all(f"rad {n} " in flat for n in range(219))


def test_every_row_of_a_long_table_is_on_a_page_once_and_in_order() -> None:
    """Rows of one, two and many lines (a note that wraps) over dozens of pages: each page's rows
    are found from the running sum of row heights, so none may be lost or drawn twice at a break."""
    doc = document(rows=2)
    note = " ".join(f"ord{n}" for n in range(60))  # wraps to several lines in its column
    rows = [{"nr": f"R{n:04d}X", "anteckning": note if n % 7 == 0 else ("två\nrader" if n % 3 == 0 else "kort")}
            for n in range(1500)]  # fmt: skip
    doc.sources[0].categories[0].rows[:] = rows
    pdf, pages = build_extract(doc)
    found = re.findall(r"R(\d{4})X", " ".join(text_of(pdf)))
    assert [int(n) for n in found] == list(range(1500)) and pages > 20


def test_both_languages_have_the_same_texts_and_placeholders() -> None:
    assert SV.keys() == EN.keys()
    for key in SV:
        assert re.findall(r"\{(\w+)\}", SV[key]) == re.findall(r"\{(\w+)\}", EN[key]), key


def test_receipt() -> None:
    receipt = ReceiptDocument(
        organisation=ORGANISATION, case_number="2026-00042", subject_name=NAMES[3],
        received_at=datetime(2026, 3, 5, 9, 30, tzinfo=UTC), deadline=date(2026, 4, 7),
        requests=("access", "erasure"), document_type="foreign-passport", checked_by="Receptionen",
        details=(("erasure", "Alla uppgifter om mina gamla avtal"),),
    )  # fmt: skip
    pdf, pages = build_receipt(receipt)
    assert pages == 1
    text = text_of(pdf)[0]
    for expected in ("Kvitto på din begäran", "2026-00042", NAMES[3], "2026-04-07", "Radering (artikel 17)",
                     "utländskt pass", "2026-03-05 10:30", "Sida 1 av 1"):  # fmt: skip
        assert expected in text, expected
    assert "Radering (artikel 17) Alla uppgifter om mina gamla avtal" in " ".join(text.split())  # as registered


def test_machine_readable_package() -> None:
    data = build_package(document())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        for entry in manifest["files"]:
            assert hashlib.sha256(zf.read(entry["name"])).hexdigest() == entry["sha256"]
        assert {e["name"] for e in manifest["files"]} | {"manifest.json"} == set(names)
        extract = json.loads(zf.read("extract.json"))
        # The rows are put into the indented skeleton one per line: the same data as one dump.
        assert extract == json.loads(json.dumps(extract_json(document()), ensure_ascii=False))
        assert b'"rows:' not in zf.read("extract.json")
        assert extract["case"]["number"] == "2026-00042"
        crm = extract["sources"][0]
        assert crm["art15"]["transfers"][0]["country"] == "USA"
        assert [r["namn"] for r in crm["categories"][0]["rows"]] == NAMES
        meter_csv = zf.read("tables/crm-matvarden.csv").decode("utf-8")
        assert meter_csv.startswith("\ufeffanläggning;timme;kwh")
        assert len(meter_csv.strip().splitlines()) == 301
    assert build_package(document()) == data  # deterministic


@pytest.mark.parametrize("language", ["sv", "en"])
def test_png_pages_render(tmp_path, language: str) -> None:  # type: ignore[no-untyped-def]
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler's pdftoppm is not installed")
    pdf, _ = build_extract(document(language))
    path = tmp_path / "extract.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "2", str(path), str(tmp_path / "p")],
        check=True,
    )
    assert len(list(tmp_path.glob("p-*.png"))) == 2


def test_values_are_printed_exactly_in_the_readers_conventions() -> None:
    from decimal import Decimal

    row = {
        "latitud": 56.63433,  # seven significant digits: never rounded
        "belopp": Decimal("4851.640"),
        "id_text": "123456789012345678",  # an 18-digit identifier stored as text
        "id_tal": 123456789012345678,  # and as a number
        "tid": "2025-06-01T08:30:00Z",  # an ISO moment in UTC: local time for the reader
        "fritext": "4851.64 kr enligt avtal",  # text stays as stored
    }
    many = [{"n": n} for n in range(8767)]
    doc = dataclasses.replace(
        document(rows=1),
        sources=[
            SourceSection("pump", "Värmepumpar", SourceStatus.OK, Art15(purpose="Garanti"),
                          [CategorySection("Installation", Art15(), [row])]),
            SourceSection("meter", "Mätvärden", SourceStatus.OK, Art15(purpose="Debitering"),
                          [CategorySection("Timvärden", Art15(), many)]),
        ],
    )  # fmt: skip
    for language, lat, amount, count in (("sv", "56,63433", "4851,640", "8\u00a0767 uppgifter"),
                                          ("en", "56.63433", "4851.640", "8,767 items")):  # fmt: skip
        pdf, _pages = build_extract(dataclasses.replace(doc, language=language))
        texts = text_of(pdf)
        whole = " ".join(" ".join(texts).split())
        assert lat in whole and amount in whole
        assert whole.count("123456789012345678") == 2
        assert "2025-06-01 10:30" in whole  # 08:30 UTC is 10:30 in Stockholm in June
        assert "4851.64 kr enligt avtal" in whole
        assert f"Mätvärden {count}" in " ".join(texts[0].split()) or f"Mätvärden {count}".replace("\u00a0", " ") in (
            " ".join(texts[0].split())
        )
        package = zipfile.ZipFile(io.BytesIO(build_package(dataclasses.replace(doc, language=language))))
        exact = json.loads(package.read("extract.json"))
        (kept,) = exact["sources"][0]["categories"][0]["rows"]
        assert kept["latitud"] == 56.63433 and kept["belopp"] == 4851.64 and kept["id_tal"] == 123456789012345678
        assert kept["id_text"] == "123456789012345678" and kept["tid"] == "2025-06-01T08:30:00Z"
        delimiter = ";" if language == "sv" else ","
        (name,) = [n for n in package.namelist() if n.startswith("tables/pump-")]
        header, cells = list(csv.reader(io.StringIO(package.read(name).decode("utf-8-sig")), delimiter=delimiter))
        cell = dict(zip(header, cells, strict=True))
        assert cell["latitud"] == lat and cell["belopp"] == amount
        assert cell["id_text"] == cell["id_tal"] == "'123456789012345678"  # a spreadsheet keeps all 18 digits


def test_one_and_many_are_counted_in_the_readers_words() -> None:
    one = dataclasses.replace(
        document(rows=1),
        sources=[SourceSection("a", "System A", SourceStatus.OK, Art15(purpose="X"),
                               [CategorySection("Kund", Art15(), [{"namn": "Åsa"}])])],
    )  # fmt: skip
    first = " ".join(text_of(build_extract(one)[0])[0].split())
    assert "System A 1 uppgift." in first and "1 uppgifter" not in first
    english = " ".join(text_of(build_extract(dataclasses.replace(one, language="en"))[0])[0].split())
    assert "System A 1 item." in english


def test_a_system_not_searched_for_no_known_reason_is_never_called_empty() -> None:
    doc = dataclasses.replace(
        document(rows=1),
        sources=[SourceSection("new", "Nytt system", SourceStatus.NOT_SEARCHED, Art15(purpose="X"), [])],
    )
    first = " ".join(text_of(build_extract(doc)[0])[0].split())
    assert "Nytt system Inte sökt när utdraget togs fram." in first and "Inga uppgifter" not in first


def test_what_was_done_reads_from_the_deeds_with_the_restriction_notice() -> None:
    from desktop.core.extract import DeedNote, RequestNote
    from desktop.report.extract_pdf import other_outcome
    from desktop.report.texts import texts

    note = RequestNote("restriction", "Använd inte mina mätvärden", "Begränsat i väntan på utredning", None,
                       (DeedNote("Kundregistret", "Dina mätvärden är spärrade", 8760),
                        DeedNote("Kundregistret", "Fakturor", 4, kept=True, ground="Bokföringslagen",
                                 until="2032-12-31")),
                       ("CGI Sverige AB",))  # fmt: skip
    swedish = other_outcome(note, texts("sv"), "sv", "2026-12-30").split("\n")
    assert swedish == [
        "Kundregistret: Dina mätvärden är spärrade (8\u00a0760 uppgifter).",  # grouped with a no-break space
        "Kundregistret: 4 uppgifter sparas – Fakturor. Skäl: Bokföringslagen. Sparas till och med 2032-12-31.",
        texts("sv")["restriction_notice"],
        "Vi har meddelat CGI Sverige AB det vi har gjort (artikel 19). Du kan be oss om en lista över alla som har "
        "fått dina uppgifter.",
        "Kommentar: Begränsat i väntan på utredning",
    ]
    assert "before the restriction is lifted (Article 18(3))" in other_outcome(note, texts("en"), "en", "2026-12-30")
