"""The bundled DejaVu fonts, registered once with reportlab and embedded (subset) in every PDF.

DejaVu covers Latin with every diacritic, Vietnamese, Greek and Cyrillic, so names such as
Łukasz Żółć, Nguyễn Thị Minh, Σωκράτης and Мария Иванова print as written.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

REGULAR = "InsynSans"
BOLD = "InsynSans-Bold"
CONDENSED = "InsynSansCondensed"
CONDENSED_BOLD = "InsynSansCondensed-Bold"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        for family, regular, bold in (
            (REGULAR, REGULAR, BOLD),
            (CONDENSED, CONDENSED, CONDENSED_BOLD),
        ):
            addMapping(family, 0, 0, regular)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, regular)
            addMapping(family, 1, 1, bold)
        _registered = True


class WidthTable:
    """String widths from a per-character table: far faster than measuring glyph by glyph."""

    def __init__(self, font_name: str, size: float) -> None:
        self.font = pdfmetrics.getFont(font_name)
        self.size = size
        self._chars: dict[str, float] = {}

    def width(self, text: str) -> float:
        chars = self._chars
        try:
            return sum(map(chars.__getitem__, text))
        except KeyError:
            for char in set(text) - chars.keys():
                chars[char] = self.font.stringWidth(char, self.size)
            return sum(map(chars.__getitem__, text))
