"""The English translation: complete, placeholders intact, compiled file current, and used."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.resources import resource_path

TS = resource_path("i18n", "insyn_en.ts")
COUNTS_TS = resource_path("i18n", "insyn_sv.ts")  # the Swedish singular and plural of each count


def messages(path: Path = TS) -> list[tuple[str, list[str], str]]:
    """(source, translations — one, or one per numerus form —, state) of every message."""
    found = []
    for message in ET.parse(path).iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        found.append((message.findtext("source") or "", forms, translation.get("type", "")))
    return found


def test_every_text_is_translated_with_the_same_placeholders() -> None:
    found = messages()
    assert len(found) > 150
    for source, translations, state in found:
        assert all(translations) and state not in ("unfinished", "obsolete"), source
        for translation in translations:
            assert sorted(re.findall(r"%L?\w", source)) == sorted(re.findall(r"%L?\w", translation)), source


def test_every_count_has_its_swedish_singular_and_plural() -> None:
    counts = messages(COUNTS_TS)
    assert len(counts) >= 8
    english = {source for source, forms, _ in messages() if len(forms) == 2}
    for source, forms, state in counts:
        assert len(forms) == 2 and all(forms) and state != "unfinished", source
        assert "%Ln" in forms[0] and "%Ln" in forms[1] and forms[0] != forms[1], source
        assert source in english, source  # and the English ones too


def test_the_compiled_files_are_current(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts, qm in ((TS, "insyn_en.qm"), (COUNTS_TS, "insyn_sv.qm")):
        out = tmp_path / qm
        subprocess.run([str(lrelease), str(ts), "-qm", str(out)], check=True, capture_output=True)
        assert out.read_bytes() == resource_path("i18n", qm).read_bytes(), "run scripts/i18n"


def test_every_text_in_the_code_is_in_the_translation(tmp_path: Path) -> None:
    """A text added to the window without running scripts/i18n would show in Swedish in the
    English window: lupdate over today's code finds nothing the catalogue lacks."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "insyn_en.ts"
    fresh.write_bytes(TS.read_bytes())
    ui = sorted(str(p) for p in (Path(__file__).parents[2] / "desktop" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), "-no-obsolete", "-source-language", "sv_SE", "-target-language", "en_GB", *ui,
                    "-ts", str(fresh)], check=True, capture_output=True)  # fmt: skip
    missing = [source for source, _forms, state in messages(fresh) if state == "unfinished"]
    assert missing == [], "run scripts/i18n and translate: " + "; ".join(missing)


def test_the_window_speaks_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.app import install_translator
    from desktop.ui.common import request_labels

    app = QCoreApplication.instance()
    install_translator(app, "en")  # type: ignore[arg-type]
    try:
        assert request_labels()["erasure"] == "Erasure (Art. 17)"
    finally:
        install_translator(app, "sv")  # type: ignore[arg-type]
    assert request_labels()["erasure"] == "Radering (art. 17)"


def test_qts_own_dialogs_speak_swedish(qtbot) -> None:  # type: ignore[no-untyped-def]

    from desktop.ui.app import install_translator

    app = QCoreApplication.instance()
    install_translator(app, "sv")  # type: ignore[arg-type]
    try:
        assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Ja"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    finally:
        install_translator(app, "sv")  # type: ignore[arg-type]


def test_counts_read_as_the_language_writes_them(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.app import install_translator
    from desktop.ui.common import tr

    assert tr("%Ln uppgifter", None, 1) == "1 uppgift"  # Qt's numerus forms, Swedish catalogue
    assert tr("%Ln uppgifter", None, 8767) == "8\u00a0767 uppgifter"
    assert tr("%Ln ärenden", None, 1) == "1 ärende"
    assert tr("%Ln möjliga träffar är inte avgjorda.", None, 1) == "1 möjlig träff är inte avgjord."
    install_translator(qapp, "en")
    try:
        assert tr("%Ln uppgifter", None, 1) == "1 item"
        assert tr("%Ln uppgifter", None, 8767) == "8,767 items"
    finally:
        install_translator(qapp, "sv")
