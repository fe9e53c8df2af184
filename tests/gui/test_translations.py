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


def messages() -> list[tuple[str, str, str]]:
    tree = ET.parse(TS)
    return [(m.findtext("source") or "", m.findtext("translation") or "", m.find("translation").get("type", ""))
            for m in tree.iter("message")]  # fmt: skip


def test_every_text_is_translated_with_the_same_placeholders() -> None:
    found = messages()
    assert len(found) > 150
    for source, translation, state in found:
        assert translation and state not in ("unfinished", "obsolete"), source
        assert sorted(re.findall(r"%\w", source)) == sorted(re.findall(r"%\w", translation)), source


def test_the_compiled_file_is_current(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    out = tmp_path / "check.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == resource_path("i18n", "insyn_en.qm").read_bytes(), "run scripts/i18n"


def test_the_window_speaks_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.app import install_translator
    from desktop.ui.common import request_labels

    app = QCoreApplication.instance()
    install_translator(app, "en")  # type: ignore[arg-type]
    try:
        assert request_labels()["erasure"] == "Erasure (Art. 17)"
    finally:
        for translator in app.findChildren(__import__("PySide6.QtCore", fromlist=["QTranslator"]).QTranslator):  # type: ignore[union-attr]
            app.removeTranslator(translator)  # type: ignore[union-attr]
    assert request_labels()["erasure"] == "Radering (art. 17)"


def test_qts_own_dialogs_speak_swedish(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTranslator

    from desktop.ui.app import install_translator

    app = QCoreApplication.instance()
    install_translator(app, "sv")  # type: ignore[arg-type]
    try:
        assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Ja"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    finally:
        for translator in app.findChildren(QTranslator):  # type: ignore[union-attr]
            app.removeTranslator(translator)  # type: ignore[union-attr]


def test_counts_read_as_the_language_writes_them(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.common import count_text, tr

    assert count_text(1, tr("%n uppgift"), tr("%n uppgifter")) == "1 uppgift"
    assert count_text(8767, tr("%n uppgift"), tr("%n uppgifter")) == "8\u00a0767 uppgifter"
    assert count_text(1, tr("%n ärende"), tr("%n ärenden")) == "1 ärende"
