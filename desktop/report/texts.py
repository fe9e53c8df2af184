"""The printed texts in Swedish (the default) and English, as plain data.

Written for a layperson: short sentences, the law named once and explained. Placeholders are
`str.format` fields; a test checks that both languages use the same ones.
"""

from __future__ import annotations

from datetime import date, datetime

SV: dict[str, str] = {
    "title": "Registerutdrag",
    "subtitle": "Dina personuppgifter hos {organisation}",
    "confidential": "Konfidentiellt – innehåller personuppgifter",
    "draft": "Ej godkänt – utkast",
    "page": "Sida {page} av {pages}",
    "case": "Ärende {number}",
    "for": "Utdrag för",
    "personnummer": "Personnummer",
    "case_number": "Ärendenummer",
    "received": "Din begäran kom in",
    "produced": "Utdraget togs fram",
    "asked": "Du har begärt",
    "intro": (
        "Här är de personuppgifter om dig som vi har hittat i våra system, och vad vi gör med "
        "dem. Du har rätt att få detta enligt artikel 15 i EU:s dataskyddsförordning (GDPR). "
        "Utdraget är kostnadsfritt."
    ),
    "summary_heading": "Sammanfattning",
    "summary_intro": "Vi har sökt i {count} system. Så här ser det ut:",
    "col_system": "System",
    "col_result": "Resultat",
    "result_rows": "{count} uppgifter",
    "result_nothing": "Inga uppgifter om dig",
    "result_failed": "Kunde inte sökas – följer senast {date}",
    "result_manual_found": "Kontrollerat manuellt – uppgifter finns",
    "result_manual_nothing": "Kontrollerat manuellt – inga uppgifter",
    "result_manual_open": "Kontrolleras manuellt – svar senast {date}",
    "missing_note": (
        "Några system kunde inte sökas när utdraget togs fram. Vi skickar de uppgifterna till dig senast {date}."
    ),
    "extension_note": (
        "Vi har förlängt tiden för svar till {date} enligt artikel 12.3 i dataskyddsförordningen. Skäl: {reason}"
    ),
    "how_to_read": (
        "Först kommer en sammanfattning. Därefter ett avsnitt per system: varför vi har "
        "uppgifterna, vem som får dem och hur länge vi sparar dem, och sedan själva uppgifterna. "
        "Sist står vilka rättigheter du har."
    ),
    "redaction_note": (
        "Uppgifter som rör andra personer har maskerats, eftersom utdraget inte får inkräkta på "
        "andras rättigheter (artikel 15.4)."
    ),
    "other_requests_heading": "Dina andra begäranden",
    "other_asked": "Du bad om",
    "other_done": "Vad vi har gjort",
    "other_pending": "Vi svarar dig senast {date}.",
    "purpose": "Varför vi har uppgifterna",
    "legal_basis": "Rättslig grund",
    "categories": "Vilka slags uppgifter",
    "recipients": "Vilka som får ta del av dem",
    "retention": "Hur länge vi sparar dem",
    "origin": "Varifrån uppgifterna kommer",
    "origin_default": "Från dig.",
    "transfers": "Överföring till land utanför EU/EES",
    "transfer_line": "{country}: {recipient} – skyddsåtgärd: {safeguard}",
    "no_transfers": "Uppgifterna förs inte över till länder utanför EU/EES.",
    "automated": "Automatiserade beslut och profilering",
    "no_automated": "Vi fattar inga automatiserade beslut om dig med dessa uppgifter.",
    "no_data": "Vi har inga uppgifter om dig i det här systemet.",
    "failed_body": (
        "Systemet kunde inte sökas när utdraget togs fram ({reason}). Vi skickar uppgifterna till dig senast {date}."
    ),
    "manual_open": "Det här kontrolleras manuellt. Vi skickar svaret till dig senast {date}.",
    "manual_nothing": "Kontrollerat manuellt: vi har inga uppgifter om dig här.",
    "records_count": "{count} rader",
    "records_count_one": "1 rad",
    "name": "Namn",
    "manual_pending_note": ("Några uppgifter kontrolleras manuellt. Vi skickar svaret till dig senast {date}."),
    "redacted": "[maskerat]",
    "rights_heading": "Dina rättigheter",
    "rights": (
        "Du har rätt att få felaktiga uppgifter rättade (artikel 16) och att få uppgifter "
        "raderade när vi inte längre behöver dem eller saknar rätt att behandla dem (artikel 17). "
        "Du kan begära att behandlingen begränsas medan något utreds (artikel 18), och invända "
        "mot behandling som grundar sig på berättigat intresse (artikel 21). Invänder du mot "
        "direktmarknadsföring slutar vi alltid med den. Uppgifter som du själv har lämnat och som "
        "vi behandlar med stöd av avtal eller samtycke kan du få i ett maskinläsbart format "
        "(artikel 20). Ett samtycke kan du när som helst återkalla, lika enkelt som du gav det "
        "(artikel 7.3); det påverkar inte behandling som redan skett."
    ),
    "complaint": (
        "Om du anser att vi behandlar dina personuppgifter felaktigt kan du lämna klagomål till "
        "Integritetsskyddsmyndigheten (IMY), Box 8114, 104 20 Stockholm, www.imy.se."
    ),
    "contact_heading": "Frågor",
    "contact": "Kontakta oss om du har frågor om utdraget eller vill använda dina rättigheter:",
    "dpo": "Dataskyddsombud",
    "org_number": "Organisationsnummer",
    "receipt_title": "Kvitto på din begäran",
    "receipt_intro": (
        "Vi har tagit emot din begäran enligt dataskyddsförordningen (GDPR). Spara kvittot: "
        "ärendenumret behövs om du kontaktar oss."
    ),
    "deadline": "Vi svarar senast",
    "receipt_how": (
        "Du får svaret här hos oss eller per post till din folkbokföringsadress. Vi svarar utan "
        "onödigt dröjsmål och senast den dag som står ovan. Behöver vi mer tid får du veta det, "
        "och varför, inom en månad."
    ),
    "verified": "Din identitet kontrollerades mot {document} av {staff} den {date}.",
    "request_access": "Registerutdrag (artikel 15)",
    "request_rectification": "Rättelse (artikel 16)",
    "request_erasure": "Radering (artikel 17)",
    "request_restriction": "Begränsning av behandling (artikel 18)",
    "request_portability": "Dataportabilitet (artikel 20)",
    "request_objection": "Invändning mot behandling (artikel 21)",
    "request_objection-marketing": "Invändning mot direktmarknadsföring (artikel 21)",
    "request_withdraw-consent": "Återkallelse av samtycke (artikel 7.3)",
}

EN: dict[str, str] = {
    "title": "Data extract",
    "subtitle": "Your personal data held by {organisation}",
    "confidential": "Confidential – contains personal data",
    "draft": "Not approved – draft",
    "page": "Page {page} of {pages}",
    "case": "Case {number}",
    "for": "Extract for",
    "personnummer": "Personal identity number",
    "case_number": "Case number",
    "received": "Your request was received",
    "produced": "This extract was produced",
    "asked": "You asked for",
    "intro": (
        "These are the personal data about you that we found in our systems, and what we do "
        "with them. You are entitled to this under Article 15 of the EU General Data Protection "
        "Regulation (GDPR). The extract is free of charge."
    ),
    "summary_heading": "Summary",
    "summary_intro": "We searched {count} systems. This is what we found:",
    "col_system": "System",
    "col_result": "Result",
    "result_rows": "{count} items",
    "result_nothing": "No data about you",
    "result_failed": "Could not be searched – will follow by {date}",
    "result_manual_found": "Checked by hand – data found",
    "result_manual_nothing": "Checked by hand – no data",
    "result_manual_open": "Being checked by hand – answer by {date}",
    "missing_note": (
        "Some systems could not be searched when this extract was produced. We will send you that data by {date}."
    ),
    "extension_note": ("We have extended the time to answer to {date} under Article 12(3) GDPR. Reason: {reason}"),
    "how_to_read": (
        "First comes a summary. Then one section per system: why we hold the data, who receives "
        "it and how long we keep it, followed by the data itself. Your rights are at the end."
    ),
    "redaction_note": (
        "Information about other people has been masked, as the extract must not adversely "
        "affect the rights of others (Article 15(4))."
    ),
    "other_requests_heading": "Your other requests",
    "other_asked": "You asked",
    "other_done": "What we have done",
    "other_pending": "We will answer you by {date}.",
    "purpose": "Why we hold the data",
    "legal_basis": "Legal basis",
    "categories": "Kinds of data",
    "recipients": "Who receives it",
    "retention": "How long we keep it",
    "origin": "Where the data came from",
    "origin_default": "From you.",
    "transfers": "Transfers outside the EU/EEA",
    "transfer_line": "{country}: {recipient} – safeguard: {safeguard}",
    "no_transfers": "The data is not transferred to countries outside the EU/EEA.",
    "automated": "Automated decisions and profiling",
    "no_automated": "We make no automated decisions about you with this data.",
    "no_data": "We hold no data about you in this system.",
    "failed_body": (
        "This system could not be searched when the extract was produced ({reason}). We will "
        "send you the data by {date}."
    ),
    "manual_open": "This is being checked by hand. We will send you the answer by {date}.",
    "manual_nothing": "Checked by hand: we hold no data about you here.",
    "records_count": "{count} rows",
    "records_count_one": "1 row",
    "name": "Name",
    "manual_pending_note": ("Some data is being checked by hand. We will send you the answer by {date}."),
    "redacted": "[masked]",
    "rights_heading": "Your rights",
    "rights": (
        "You have the right to have inaccurate data corrected (Article 16) and to have data "
        "erased when we no longer need it or have no right to process it (Article 17). You may "
        "ask for processing to be restricted while something is looked into (Article 18), and "
        "object to processing based on legitimate interests (Article 21). If you object to "
        "direct marketing, we always stop. Data you gave us that we process under a contract or "
        "your consent can be given to you in a machine-readable format (Article 20). You may "
        "withdraw a consent at any time, as easily as you gave it (Article 7(3)); this does not "
        "affect processing that has already taken place."
    ),
    "complaint": (
        "If you think we process your personal data wrongly, you may complain to the Swedish "
        "Authority for Privacy Protection (IMY), Box 8114, 104 20 Stockholm, www.imy.se."
    ),
    "contact_heading": "Questions",
    "contact": "Contact us with questions about this extract or to exercise your rights:",
    "dpo": "Data protection officer",
    "org_number": "Organisation number",
    "receipt_title": "Receipt for your request",
    "receipt_intro": (
        "We have received your request under the GDPR. Keep this receipt: you will need the case "
        "number if you contact us."
    ),
    "deadline": "We will answer by",
    "receipt_how": (
        "You will receive the answer here at our desk or by post to your registered address. We "
        "answer without undue delay and at the latest on the date above. If we need more time, "
        "you will be told, and why, within one month."
    ),
    "verified": "Your identity was checked against {document} by {staff} on {date}.",
    "request_access": "Access to your data (Article 15)",
    "request_rectification": "Rectification (Article 16)",
    "request_erasure": "Erasure (Article 17)",
    "request_restriction": "Restriction of processing (Article 18)",
    "request_portability": "Data portability (Article 20)",
    "request_objection": "Objection to processing (Article 21)",
    "request_objection-marketing": "Objection to direct marketing (Article 21)",
    "request_withdraw-consent": "Withdrawal of consent (Article 7(3))",
}

LANGUAGES = {"sv": SV, "en": EN}

DOCUMENT_NAMES = {
    "sv": {
        "passport": "svenskt pass",
        "national-id": "nationellt id-kort",
        "driving-licence": "körkort",
        "sis-id": "id-kort (SIS-märkt)",
        "tax-agency-id": "Skatteverkets id-kort",
        "service-card": "tjänstekort",
        "foreign-passport": "utländskt pass",
        "foreign-id": "utländskt id-kort",
        "other": "annan id-handling",
    },
    "en": {
        "passport": "Swedish passport",
        "national-id": "national identity card",
        "driving-licence": "driving licence",
        "sis-id": "identity card (SIS)",
        "tax-agency-id": "Swedish Tax Agency identity card",
        "service-card": "service card",
        "foreign-passport": "foreign passport",
        "foreign-id": "foreign identity card",
        "other": "other identity document",
    },
}


def texts(language: str) -> dict[str, str]:
    try:
        return LANGUAGES[language]
    except KeyError:
        raise ValueError("language must be 'sv' or 'en'") from None


def format_date(value: object, language: str) -> str:
    """ISO dates everywhere: unambiguous in both languages."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
