"""Decisions taken as forms (issue 20, item 3): a refusal, an extension, a withdrawal and a
closing each ask for what they need — the reasons, the new deadline shown before it is set, the
approver's own signature where the policy asks one to decide a refusal — show the letter as it
will read, give it at once if staff choose, and leave the next step named in the banner.

The command line follows the same rules: tests/e2e/test_cli_casework.py."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.register.models import AuditEvent, Staff
from desktop.services.policy import change_policy
from desktop.services.staff import sign_in
from desktop.services.visit import DecisionKind
from desktop.ui.decision_dialog import DecisionDialog
from tests.gui.conftest import PASSWORDS
from tests.gui.decisions import fill_decisions
from tests.gui.test_visit import examples, fill_visitor


def pdf_text(pdf: bytes) -> str:
    if not pdf:
        return ""
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())


def test_a_refusal_is_signed_by_the_approver_with_its_letter_previewed_and_given_at_once(
    qtbot, window, desk, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    change_policy(desk, "refusal_by_approver", True, by=sign_in(desk, "chef", "chef-secret"))
    fill_visitor(qtbot, window, examples(desk)[1], "Anna Exempel")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
    letter = tmp_path / "avslag.pdf"
    monkeypatch.setattr(page.deliver, "ask_save_path", lambda *_a: str(letter))
    said: list[str] = []
    reason = "Begäran är uppenbart ogrundad: samma uppgifter lämnades ut i förra veckan"

    def at_the_desk(dialog: DecisionDialog) -> int:
        dialog.show()
        assert dialog.approver.isVisible() and dialog.password.isVisible()  # disk1 is no approver
        dialog.reason.setPlainText(reason)  # (QTest types ASCII only)
        # The letter as the visitor will read it, drawn once typing pauses.
        qtbot.waitUntil(lambda: "uppenbart ogrundad" in pdf_text(dialog.previewed_pdf), timeout=10000)
        assert "Beslut om din begäran" in pdf_text(dialog.previewed_pdf)
        dialog.try_decide()  # no approver named
        said.append(dialog.problem.text())
        for username, password in (("granskare", "wrong password"), ("disk2", PASSWORDS["disk2"])):
            dialog.approver.setText(username)
            dialog.password.setText(password)
            dialog.try_decide()
            said.append(dialog.problem.text())
            assert dialog.password.text() == "" and dialog.reason.toPlainText() == reason  # nothing typed lost
            assert page.visit.status.value == "review" and page.result is not None
        dialog.approver.setText("granskare")
        qtbot.keyClicks(dialog.password, PASSWORDS["granskare"])
        dialog.save_now.setChecked(True)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter decides
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", at_the_desk)
    page.reject_button.click()
    assert said == [
        "Granskaren skriver sitt användarnamn och lösenord.",
        "Fel användarnamn eller lösenord.",
        "Den personen har inte rollen granskare.",
    ]
    assert page.visit.status.value == "rejected" and page.result is None
    body = pdf_text(letter.read_bytes())  # saved at once, and recorded as given
    assert reason in body and "Granskaren" in body and "Integritetsskyddsmyndigheten" in body
    assert page.next_steps.text() == "Nästa steg: avsluta ärendet."
    timeline = [page.overview.timeline.item(i).text() for i in range(page.overview.timeline.count())]
    assert any("Brev till besökaren" in t for t in timeline), timeline
    with desk.register.sessions() as session:
        refused = (
            session.execute(
                select(AuditEvent).where(AuditEvent.action == "case.status").order_by(AuditEvent.seq.desc())
            )
            .scalars()
            .first()
        )
        assert json.loads(refused.details)["to"] == "rejected"
        assert session.get(Staff, refused.staff_id).username == "granskare"  # the approver decided


def test_an_extension_shows_its_new_deadline_and_the_banner_names_the_letter_until_it_is_given(
    qtbot, window, desk, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fill_visitor(qtbot, window, examples(desk)[1], "Anna Exempel")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
    first, extended = page.visit.file.deadline, page.visit.extension_deadline()
    assert extended is not None and extended > first
    form = page.decision_dialog(DecisionKind.EXTENSION)
    assert f"senast {first.isoformat()}" in form.explanation.text()
    assert f"Med förlängning: senast {extended.isoformat()}" in form.explanation.text()
    assert form.decider.text() == "Receptionen"  # no approver needed to extend
    form.deleteLater()
    fill_decisions(monkeypatch, reason="Vi behöver gå igenom pappersarkivet", letter="later")
    page.extend_button.click()
    assert page.visit.file.extended_deadline == extended
    banner = page.next_steps.text()
    assert banner.startswith(
        f"Nästa steg: ge besökaren beskedet om förlängd svarstid med skälen senast {first.isoformat()} (Brev …)"
    ), banner
    assert not page.extend_button.isEnabled()
    # Given later through the letter dialog: the step is done.
    monkeypatch.setattr(page.deliver, "ask_save_path", lambda *_a: str(tmp_path / "forlangning.pdf"))
    monkeypatch.setattr(page, "ask_letter", lambda: ("extension", "sv", "handed", "save"))
    page.letter_button.click()
    assert "förlängd svarstid" not in page.next_steps.text()
    assert "Vi behöver gå igenom pappersarkivet" in pdf_text((tmp_path / "forlangning.pdf").read_bytes())


def test_the_decision_forms_say_what_they_need_and_a_cancelled_form_changes_nothing(
    qtbot, window, desk, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    fill_visitor(qtbot, window, examples(desk)[1], "Anna Exempel")
    window.visit.register()
    page = window.case
    qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
    withdrawal = page.decision_dialog(DecisionKind.WITHDRAWAL)
    withdrawal.show()
    assert not withdrawal.reason.isVisible() and not withdrawal.preview.isVisible()  # no letter for it
    assert withdrawal.code.currentData() == ""  # chosen, never a default
    qtbot.keyClick(withdrawal, Qt.Key.Key_Escape)
    assert not withdrawal.isVisible() and page.visit.status.value == "review" and page.result is not None
    closing = page.decision_dialog(DecisionKind.CLOSING)
    closing.show()  # closing is not allowed before the answer: the button is off, and the form says what is owed
    assert "registerutdraget" in closing.explanation.text() and closing.reason.isVisible()
    closing.close()
    assert not page.close_button.isEnabled()
