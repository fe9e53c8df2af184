"""Small shared pieces of the desk window: messages, labels for codes, colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableWidget


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The window's text in its language. With `n`, a count in the reader's words through Qt's
    numerus forms: tr("%Ln uppgifter", None, n) → "1 uppgift", "8 767 uppgifter" (the Swedish
    forms come from resources/i18n/insyn_sv.qm, installed with the Swedish window; %Ln groups the
    number as the language writes it)."""
    return QCoreApplication.translate("", text, disambiguation, n)  # the context lupdate gives module-level tr()


def grouped(n: int) -> str:
    """A number grouped as the window's language writes it: 8 767 / 8,767."""
    return QLocale().toString(n)  # the window's language sets the default locale (ui/app.install_translator)


def window_language() -> str:
    """`sv` or `en`: the language the window speaks now (ui/app.install_translator sets it)."""
    return "en" if QLocale().language() == QLocale.Language.English else "sv"


def request_labels() -> dict[str, str]:
    return {
        "access": tr("Registerutdrag (art. 15)"),
        "rectification": tr("Rättelse (art. 16)"),
        "erasure": tr("Radering (art. 17)"),
        "restriction": tr("Begränsning (art. 18)"),
        "portability": tr("Dataportabilitet (art. 20)"),
        "objection": tr("Invändning (art. 21)"),
        "objection-marketing": tr("Stopp för direktmarknadsföring (art. 21)"),
        "withdraw-consent": tr("Återkalla samtycke (art. 7.3)"),
    }


def status_labels() -> dict[str, str]:
    return {
        "received": tr("Mottaget"),
        "identity_verified": tr("Identitet kontrollerad"),
        "gathering": tr("Insamling"),
        "review": tr("Granskning"),
        "ready": tr("Klart att lämna ut"),
        "delivered": tr("Utlämnat"),
        "closed": tr("Avslutat"),
        "rejected": tr("Avslaget"),
        "withdrawn": tr("Återkallat"),
    }


def document_labels() -> dict[str, str]:
    return {
        "national-id": tr("Nationellt id-kort"),
        "passport": tr("Svenskt pass"),
        "driving-licence": tr("Svenskt körkort"),
        "sis-id": tr("Id-kort (SIS-märkt)"),
        "tax-agency-id": tr("Skatteverkets id-kort"),
        "service-card": tr("Tjänstekort"),
        "foreign-passport": tr("Utländskt pass"),
        "foreign-id": tr("Utländskt id-kort (EU/EES)"),
        "other": tr("Annan handling"),
        "postal-answer": tr("Ingen giltig id-handling – svaret skickas per post till folkbokföringsadressen"),
        "represented": tr("Ingen egen id-handling – företräds (vårdnadshavare, god man eller ombud)"),
    }


def mandate_labels() -> dict[str, str]:
    """The kinds of representative, as the desk names them."""
    return {
        "power-of-attorney": tr("Ombud med fullmakt"),
        "guardian": tr("Vårdnadshavare"),
        "trustee": tr("God man / förvaltare"),
    }


def mandate_prefix(mandate: str | None) -> str:
    """Whose document or detail a problem is about, at the start of its message: the visitor's
    (where a representative also came) or the representative's by kind."""
    return {
        None: tr("Besökaren: "),
        "power-of-attorney": tr("Ombudet: "),
        "guardian": tr("Vårdnadshavaren: "),
        "trustee": tr("Gode mannen eller förvaltaren: "),
    }.get(mandate, tr("Företrädaren: "))


def address_problem(code: str) -> str:
    """The Swedish message for an address the rules refuse (core.address), by its code."""
    from desktop.core.address import LINE_MAX, LINES_MAX

    return {
        "empty": tr("Skriv adressen: gatuadress, sedan postnummer och ort."),
        "lines": tr("En adress har 2–%1 rader: gatuadress (och c/o), sist postnummer och ort.").replace(
            "%1", str(LINES_MAX)
        ),
        "long": tr("En adressrad får ha högst %1 tecken.").replace("%1", str(LINE_MAX)),
        "postcode": tr("Sista raden ska vara postnummer och ort, till exempel ”123 45 Stad”."),
        "characters": tr("Adressen innehåller osynliga tecken eller styrtecken."),
        "not_postal": tr("En adress sparas bara när svaret skickas per post (ingen id-handling visades)."),
        "source": tr("Systemet har ingen adress till besökaren i de insamlade uppgifterna."),
        "closed": tr("Ärendet är avslutat; adressen kan inte ändras."),
    }.get(code, tr("Kontrollera adressen."))


def personnummer_problem(code: str) -> str:
    """What staff read when a personnummer is wrong: what is wrong, never the number."""
    return {
        "empty": tr("Skriv personnumret."),
        "format": tr("Skriv som ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN."),
        "length": tr("Personnumret ska ha 10 eller 12 siffror."),
        "separator": tr("Plustecken används bara med tio siffror (över 100 år)."),
        "date": tr("Födelsedatumet finns inte."),
        "future": tr("Födelsedatumet ligger i framtiden."),
        "birth_number": tr("Födelsenumret 000 delas aldrig ut."),
        "checksum": tr("Kontrollsiffran stämmer inte – kontrollera siffrorna."),
    }.get(code, tr("Personnumret är inte giltigt."))


def role_labels() -> dict[str, str]:
    """The roles as staff call them (the status bar, the staff dialog)."""
    return {"reception": tr("Reception"), "approver": tr("Granskare"), "admin": tr("Administratör")}


def age_note_text(code: str, age: int) -> str:
    """The age said beside a valid but unusual personnummer (services.cases.InputNote)."""
    if code == "over_120":
        return tr("Det ger %1 år – äldre än någon som lever. Kontrollera + eller - och århundradet.").replace(
            "%1", str(age)
        )
    return tr("Det ger %1 år (plustecken). Kontrollera att det stämmer.").replace("%1", str(age))


def input_problem(field: str, code: str) -> str:
    """The Swedish message for an InputProblem from the services."""
    from desktop.core.documents import DESCRIPTION_MAX, EXPIRY_MAX_YEARS  # the limits said are the ones checked
    from desktop.core.text import NAME_MAX, TEXT_MAX
    from desktop.services.cases import MAX_IDENTIFIERS

    if field.endswith("personnummer"):
        return personnummer_problem(code)
    messages = {
        "expired": tr("Id-handlingen har gått ut och kan inte godtas."),
        "expiry_missing": tr("Skriv när id-handlingen går ut, som det står på den."),
        "postal_representative": tr("Den som företräder besökaren måste visa en giltig id-handling."),
        "represented_alone": tr(
            "Utan egen id-handling måste besökaren företrädas: fyll i vårdnadshavaren, gode mannen eller ombudet nedan."
        ),
        "postal_with_representative": tr(
            "En företrädare med giltig id-handling är här: svaret lämnas till hen. Välj ”Ingen egen id-handling – "
            "företräds” för besökaren."
        ),
        "mandate_scope": tr("Skriv vad fullmakten omfattar, som det står i den."),
        "type": tr("Välj vilken sorts id-handling det är."),
        "country": tr("Utfärdarlandet stämmer inte med handlingens typ."),
        "number": tr("Skriv minst de fyra sista tecknen i handlingens nummer."),
        "description": tr("Beskriv handlingen när typen är ”Annan handling”."),
        "description_long": tr("Beskrivningen är för lång (högst %1 tecken).").replace("%1", grouped(DESCRIPTION_MAX)),
        "expiry_far": tr("Giltighetstiden är mer än %1 år framåt. Kontrollera årtalet.").replace(
            "%1", str(EXPIRY_MAX_YEARS)
        ),
        "name": tr("Skriv namnet som det står på id-handlingen."),
        "mrz_mismatch": tr("Maskinläsbara zonen stämmer inte med det som skrivits in."),
        "check_digit": tr("En kontrollsiffra i maskinläsbara zonen är fel – läs in den igen."),
        "shape": tr("Maskinläsbara zonen ska vara 2 rader à 44 eller 3 rader à 30 tecken."),
        "characters": tr("Maskinläsbara zonen innehåller otillåtna tecken."),
        "mandate": tr("Uppgifterna om fullmakten eller vårdnaden är ofullständiga."),
        "address_empty": address_problem("empty"),
        "address_lines": address_problem("lines"),
        "address_long": address_problem("long"),
        "address_postcode": address_problem("postcode"),
        "address_characters": address_problem("characters"),
        "address_not_postal": address_problem("not_postal"),
        "empty": tr("Välj minst en begäran."),
        "details": tr("Skriv vad besökaren begär."),
        "name_long": tr("Namnet är för långt (högst %1 tecken).").replace("%1", grouped(NAME_MAX)),
        "name_characters": tr("Namnet innehåller osynliga tecken eller styrtecken. Skriv det som på id-handlingen."),
        "name_letters": tr("Namnet måste innehålla bokstäver."),
        "text_long": tr("Texten är för lång (högst %1 tecken).").replace("%1", grouped(TEXT_MAX)),
        "text_characters": tr("Texten innehåller osynliga tecken eller styrtecken."),
        "invalid": tr("Det här går inte att söka på – kontrollera e-postadressen, telefonnumret eller numret."),
        "kind": tr("Systemen kan inte sökas på den här sortens uppgift."),
        "count": tr("Högst %1 uppgifter att söka på per ärende.").replace("%1", str(MAX_IDENTIFIERS)),
        "open_case": tr(
            "Besökaren har redan ett öppet ärende. Lägg till begäran i det, eller ange varför ett nytt ärende behövs."
        ),
        "reason": tr("Ange varför ett nytt ärende behövs."),
    }
    return messages.get(code, tr("Kontrollera uppgiften."))


def code_message(code: str) -> str:
    """The Swedish text for a service's refusal `code`, for a form that says it before asking."""
    from desktop.errors import UserError

    return service_message(UserError("", code))


def service_message(exc: Exception) -> str:
    """The Swedish text for an error a service raised: by its code where it has one."""
    from desktop.services.auditing import ACCEPT_REASON_MIN  # the limits said are the ones checked
    from desktop.services.staff import MIN_PASSWORD_LENGTH

    code = str(getattr(exc, "code", ""))
    texts = {
        "deliver.not_approved": tr("Utdraget är inte godkänt ännu. Det kan förhandsgranskas men inte lämnas ut."),
        "deliver.stale": tr("Utdraget har ändrats sedan det togs fram. Ta fram det igen."),
        "approval.needed": tr("En granskare måste godkänna utdraget."),
        "letter.not_rejected": tr("Ärendet är inte avslaget; det finns inget beslut att skriva om."),
        "letter.not_extended": tr("Svarstiden är inte förlängd."),
        "letter.no_requests": tr("Ärendet har ingen annan begäran än registerutdrag."),
        "letter.purged": tr("Ärendets personuppgifter är gallrade; inget brev kan skrivas."),
        "letter.method": tr("Välj hur besökaren får brevet."),
        "weak.undecided": tr(
            "Några möjliga träffar är inte avgjorda. Bekräfta eller uteslut dem i granskningen, eller "
            "lämna dem utanför (utdraget säger då hur många som inte är med)."
        ),
        "approval.not_approver": tr("Den personen har inte rollen granskare."),
        "act.approval_needed": tr("En granskare måste godkänna förhandsgranskningen innan systemen ändras."),
        "act.nothing": tr("Inga åtgärder är inställda för ärendets begäranden."),
        "manual_action.note": tr("Skriv vad som gjordes och av vem (till exempel: HR raderade ansökan)."),
        "manual_action.not_owed": tr("Den åtgärden väntar inte på något i det här ärendet."),
        "recipient.how": tr("Skriv hur mottagaren fick beskedet (e-post, deras portal, brev …)."),
        "recipient.not_owed": tr("Den mottagaren väntar inte på något besked i det här ärendet."),
        "approval.same_person": tr("Utdraget måste godkännas av en annan person än den som lämnar ut det."),
        "extend.reason": tr("Skriv skälet till förlängningen – besökaren får veta det."),
        "reject.reason": tr("Skriv skälet till avslaget – besökaren får veta det."),
        "supplement.nothing_new": tr(
            "Inget av det som utdraget lovade har något svar ännu (den manuella kontrollen är obesvarad eller "
            "systemet svarar fortfarande inte). Ett kompletterande utdrag skulle inte ge besökaren något nytt."
        ),
        "reject.approver": tr("Organisationen låter en granskare besluta om avslag: granskaren skriver under."),
        "close.owed": tr("Besökaren har inte fått allt ännu. Ange ett skäl för att avsluta ändå."),
        "wrong": tr("Fel användarnamn eller lösenord."),
        "locked": tr("Kontot är låst efter för många felaktiga lösenord. En administratör kan låsa upp det."),
        "delayed": tr("För många felaktiga lösenord. Försök igen om en stund."),
        "deliver.no_package": tr("Den maskinläsbara kopian togs inte fram. Ta fram utdraget igen."),
        "deliver.postal": tr("Svaret skickas på papper per post till adressen i folkbokföringen; ingen fil lämnas ut."),
        "letter.kind": tr("Det finns inget sådant brev."),
        "case.not_found": tr("Ärendet finns inte."),
        "case.transition": tr("Det går inte i ärendets nuvarande läge."),
        "gather.not_now": tr("Uppgifterna kan inte samlas in i ärendets nuvarande läge."),
        "manual.not_manual": tr("Det systemet kontrolleras inte manuellt."),
        "manual.say_what": tr("Skriv vad som finns, som det ska stå i utdraget."),
        "register.lost": tr(
            "Ärenderegistret slutade svara under insamlingen; inget av den sparades. Försök igen när det svarar."
        ),
        "receipt.purged": tr("Ärendets personuppgifter är gallrade; inget kvitto kan skrivas."),
        "outcome.empty": tr("Skriv vad som gjordes."),
        "outcome.no_request": tr("Ärendet har ingen sådan begäran."),
        "request.empty": tr("Välj minst en begäran."),
        "request.details": tr("Skriv vad besökaren begär."),
        "request.case_closed": tr("Ärendet är avslutat; inget kan läggas till."),
        "request.twice": tr("Ärendet har redan den begäran."),
        "extend.refused": tr(
            "Svarstiden kan inte förlängas: det går en gång, med skäl, och bara inom den första månaden."
        ),
        "withdraw.reason": tr("Välj varför ärendet återkallas."),
        "output.failed": tr(
            "Filen kunde inte skrivas (mappen saknas, är skrivskyddad eller full, eller namnet är upptaget). "
            "Inget är registrerat som utlämnat."
        ),
        "output.protected": tr(
            "Insyn behöver den filen (ärenderegistret, inställningarna, ett källsystem eller loggen). "
            "Välj ett annat namn. Inget är registrerat som utlämnat."
        ),
        "output.exists": tr("Det finns redan en fil med det namnet. Välj ett annat namn."),
        "staff.password_short": tr("Lösenordet måste ha minst %1 tecken.").replace("%1", str(MIN_PASSWORD_LENGTH)),
        "staff.names": tr("Fyll i alla fält."),
        "staff.exists": tr("Användarnamnet finns redan."),
        "staff.unknown": tr("Det kontot finns inte."),
        "staff.no_role": tr("Ett konto behöver minst en roll."),
        "staff.own_admin": tr("Du kan inte ta administratörsrollen från dig själv."),
        "staff.own_account": tr("Du kan inte stänga av ditt eget konto."),
        "staff.roles": tr("Okänd roll."),
        "staff.not_admin": tr("Det får bara en administratör göra."),
        "letter.postal": tr("Svaret skickas per post till adressen i folkbokföringen."),
        "letter.address": tr("Skriv in eller bekräfta adressen i folkbokföringen först (Översikt)."),
        "deliver.address": tr("Skriv in eller bekräfta adressen i folkbokföringen först (Översikt)."),
        "act.no_data": tr("Samla in uppgifterna först (F5): åtgärderna behöver besökarens uppgifter."),
        "decisions.shape": tr("Beslutsfilen går inte att läsa som beslut."),
        "decisions.unknown": tr("Beslutsfilen nämner uppgifter som inte finns i det som samlades in nu."),
        "decisions.field": tr("Beslutsfilen vill maskera ett fält som uppgiften inte har."),
        "review.draft_authority": tr(
            "En myndighet kan inte hålla inne utkast och minnesanteckningar med stöd av dataskyddslagen 5 kap. 2 §."
        ),
        "audit.reason": tr("Skriv vad som hittades och varför det godtas (minst %1 tecken).").replace(
            "%1", str(ACCEPT_REASON_MIN)
        ),
        "role.admin": tr("Det får bara en administratör göra."),
        "role.reception": tr("Ditt konto har inte rollen Reception: det kan inte registrera eller handlägga ärenden."),
        "role.approver": tr("Ditt konto har inte rollen Granskare."),
        "policy.value": tr("Värdet är inte tillåtet för den regeln."),
    }
    if code in texts:
        return texts[code]
    if code.startswith("not_allowed."):
        return tr("Det går inte i ärendets nuvarande läge.")
    if code.startswith("address."):
        return address_problem(code.removeprefix("address."))
    field = getattr(exc, "field", None)
    if isinstance(field, str):  # an InputProblem: the field and its code
        return input_problem(field.split(".")[-1], code)
    return tr("Det gick inte att genomföra. Försök igen, eller be IT titta i loggen.")


def describe(root: QWidget) -> None:
    """Every control under `root` gets the accessible description a screen reader reads after
    its name: its tooltip, or what its placeholder says to write."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    for widget in [root, *root.findChildren(QWidget)]:
        if widget.accessibleDescription():
            continue
        text = widget.toolTip()
        if not text and isinstance(widget, QLineEdit | QPlainTextEdit):
            text = widget.placeholderText()
        if text:
            widget.setAccessibleDescription(text)


def error_box(parent: QWidget | None, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # its enums are built on import: not on the way to the sign-in

    QMessageBox.warning(parent, tr("Insyn"), text)


def read_only_table(name: str, headers: list[str], accessible_name: str = "") -> QTableWidget:
    """A table to read and pick a row from: Tab leaves it (the arrows move within it), no row
    numbers, no editing. The caller sizes its columns."""
    from PySide6.QtWidgets import QAbstractItemView, QTableWidget

    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    if accessible_name:
        table.setAccessibleName(accessible_name)
    table.setTabKeyNavigation(False)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return table


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    return label


BASE_POINTS = 10.5  # the window's text size; Ctrl+plus and Ctrl+minus change it, Ctrl+0 resets


def style(points: float = BASE_POINTS) -> str:
    """The program's style sheet with the text at `points` (headings in proportion)."""
    scale = points / BASE_POINTS
    return f"""
QWidget {{ font-size: {points:g}pt; }}
QLabel#heading {{ font-size: {17 * scale:.1f}pt; font-weight: 600; color: #1F4E79; }}
QLabel#subheading {{ font-size: {12 * scale:.1f}pt; font-weight: 600; }}
QLabel#problem {{ color: #B3261E; }}
QLabel#ok {{ color: #1E7B34; }}
QLabel#warning {{ color: #8A4B00; font-weight: 600; }}
QLabel#hint {{ color: #4A5968; }}
QLabel#next_steps {{
    background: #EAF1F8; color: #1F2A36; border: 1px solid #C5D5E6; border-radius: 4px; padding: 4px 8px;
}}
QPushButton#primary {{ background: #1F4E79; color: white; padding: 6px 16px; border-radius: 4px; }}
QPushButton#primary:disabled {{ background: #9AA8B6; }}
QToolBar {{ spacing: 6px; }}
"""


STYLE = style()
