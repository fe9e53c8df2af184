"""The case's checklist: what the desk should do next, in the Visit's order, one line per kind of
step (the systems a step names are listed in it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.services.visit import Step, Visit
from desktop.ui.common import request_labels, tr


class NextSteps(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit: Visit | None = None
        self.setObjectName("next_steps")
        self.setWordWrap(True)
        self.setAccessibleName(tr("Nästa steg"))

    def step_text(self, step: Step) -> str:
        names = self.visit.source_names() if self.visit is not None else {}
        texts = {
            "gather": tr("samla in uppgifterna (F5)"),
            "gathering": tr("insamlingen pågår"),
            "gather_again": tr("samla in uppgifterna igen (F5) – de finns inte längre i programmet"),
            "answer_manual": tr("besvara den manuella kontrollen: %1"),
            "retry": tr("%1 system kunde inte sökas: försök igen, eller lämna ut och komplettera sedan"),
            "decide_weak": tr(
                "avgör %Ln möjliga träffar i granskningen", None, int(step.subject) if step.subject.isdigit() else 0
            ),
            "approve": tr("godkänn utdraget") if not step.subject else tr("en granskare godkänner utdraget"),
            "address": tr("skriv in eller bekräfta adressen i folkbokföringen som svaret skickas till (Översikt)"),
            "deliver": tr("lämna ut utdraget: skriv ut eller spara (3. Utlämning)"),
            "record_outcome": tr("registrera vad som gjordes: %1"),
            "supplement": tr("kompletterande utdrag: %1 (F5)"),
            "act": tr("stoppet är inte genomfört i %1: samla in igen (F5) så görs det, eller kontakta IT"),
            "approve_actions": tr("genomför begäran i %1: förhandsgranska och låt en granskare godkänna (4. Åtgärder)"),
            "inform": tr("meddela mottagaren att uppgifterna ändrats eller raderats (artikel 19): %1"),
            "do_manual_action": tr("se till att det görs för hand i %1 och markera det som gjort (4. Åtgärder)"),
            "finish_erasure": tr(
                "raderingen är inte helt genomförd i %1: uppgifter finns kvar som inget skäl att spara omfattar – "
                "radera dem (eller låt IT rätta åtgärden) och samla in igen (F5)"
            ),
            "close": tr("avsluta ärendet") if step.subject else tr("avsluta ärendet – allt är lämnat"),
            "letter": tr("ge besökaren beslutet om avslag med skälen (Brev …)")
            if step.subject == "refusal"
            else tr("ge besökaren beskedet om förlängd svarstid med skälen senast %1 (Brev …)").replace(
                "%1", self.visit.file.deadline.isoformat() if self.visit is not None else ""
            ),
        }
        subject = names.get(step.subject) or request_labels().get(step.subject) or step.subject
        return texts.get(step.code, step.code).replace("%1", subject)

    def _grouped(self, steps: list[Step]) -> list[Step]:
        """One line per kind of step that names systems (carry out, do by hand, tell recipients):
        the systems listed in it, not the line repeated for each."""
        names = self.visit.source_names() if self.visit is not None else {}
        grouped: dict[str, list[str]] = {}
        out: list[Step] = []
        for step in steps:
            if step.code in ("approve_actions", "do_manual_action", "inform", "finish_erasure"):
                if step.code not in grouped:
                    grouped[step.code] = []
                    out.append(step)
                source, _colon, recipient = step.subject.partition(": ")  # inform: "SOURCE: recipient"
                named = names.get(source, source) + (f": {recipient}" if recipient else "")
                grouped[step.code].append(names.get(step.subject, named))
            else:
                out.append(step)
        return [Step(s.code, ", ".join(grouped[s.code])) if s.code in grouped else s for s in out]

    def show_steps(self, visit: Visit | None, steps: list[Step] | None = None) -> None:
        """`visit`'s next steps, or `steps` where the page knows better (a gather under way)."""
        self.visit = visit
        if steps is None:
            steps = self.visit.next_steps() if self.visit is not None else []
        if not steps:
            self.setText("")
            self.setVisible(False)
            return
        texts = [self.step_text(s) for s in self._grouped(steps)]
        self.setText(tr("Nästa steg: %1.").replace("%1", " · ".join(texts)))
        self.setVisible(True)
