"""An English letter says when staff's reasons are in Swedish (issue 20, the texts a lawyer would change)."""

from __future__ import annotations


def test_staffs_words_are_told_apart_as_swedish_for_an_english_letter() -> None:
    from desktop.report.texts import looks_swedish

    assert looks_swedish("Samma begäran besvarades för två veckor sedan")
    assert looks_swedish("Uppenbart ogrundad och det är tredje gången")
    assert not looks_swedish("The same request was answered two weeks ago (Article 12(5))")
    assert not looks_swedish("")
