"""The printed texts in Swedish (the default) and English, as plain data.

Written for a layperson: short sentences, the law named once and explained. Placeholders are
`str.format` fields; a test checks that both languages use the same ones.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

SV: dict[str, str] = {
    "title": "Registerutdrag",
    "title_supplement": "Kompletterande registerutdrag",
    "promise": "senast {date}",
    "promise_late": "så snart vi kan – vi skulle ha svarat senast {date}",
    "supplements": "Kompletterar utdraget från",
    "supplement_intro": (
        "Det här kompletterar registerutdraget som du fick {date}. Då kunde vi inte svara för alla "
        "system. Här är svaret för de system som återstod: {systems}. Varför vi har uppgifterna och "
        "vilka rättigheter du har står också här, så att utdraget går att läsa för sig."
    ),
    "summary_intro_supplement": "Så här ser det ut i de system som återstod:",
    "subtitle": "Dina personuppgifter hos {organisation}",
    "confidential": "Konfidentiellt – innehåller personuppgifter",
    "draft": "Ej godkänt – utkast",
    "page": "Sida {page} av {pages}",
    "case": "Ärende {number}",
    "for": "Utdrag för",
    "personnummer": "Personnummer",
    "samordningsnummer": "Samordningsnummer",
    "represented_by": "Företräds av",
    "mandate_guardian": "{name}, vårdnadshavare",
    "mandate_power-of-attorney": "{name}, ombud med fullmakt daterad {dated}",
    "mandate_trustee": "{name}, god man eller förvaltare",
    "mandate_scope": "Fullmakten omfattar",
    "address_for": "för {name}",
    "letter_to": "Till",
    "who_guardian": "din vårdnadshavare",
    "who_power-of-attorney": "ditt ombud",
    "who_trustee": "din gode man eller förvaltare",
    "whose_guardian": "vårdnadshavarens",
    "whose_power-of-attorney": "ombudets",
    "whose_trustee": "den gode mannens eller förvaltarens",
    "verified_extract": "Din identitet kontrollerades mot {document} när du lämnade in begäran.",
    "verified_extract_postal": (
        "Du visade ingen giltig id-handling när du lämnade in begäran. Därför skickar vi utdraget per post "
        "till din adress i folkbokföringen."
    ),
    "verified_extract_represented": (
        "Begäran lämnades in av {who}. Vi kontrollerade {whose} identitet mot {document} och {whose} rätt "
        "att företräda dig."
    ),
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
    "summary_intro": "Så här ser det ut i våra {count} system:",
    "summary_intro_searchable": "Så här ser det ut i de {count} system där vi kan söka efter dig:",
    "unlinkable_heading": "Uppgifter vi inte kan koppla till dig",
    "unlinkable_intro": (
        "Vi har också uppgifter som vi inte kan koppla till en namngiven person. Därför kan vi inte söka "
        "fram dem eller lämna ut dem som dina (artikel 11.2 i dataskyddsförordningen). Ger du oss det som "
        "står nedan kan vi söka igen, och då gäller dina rättigheter även för de uppgifterna."
    ),
    "unlinkable_item": "{name}: {what}. För att hitta dina behöver vi {give}.",
    "col_system": "System",
    "col_result": "Resultat",
    "result_rows": "{count} uppgifter",
    "result_rows_one": "1 uppgift",
    "result_nothing": "Inga uppgifter om dig",
    "result_failed": "Kunde inte sökas – svar senast {date}",
    "result_not_searched": ("Inte sökt: här kan vi bara söka på {kinds}, och någon sådan uppgift om dig har vi inte"),
    "result_nothing_partly": "Inga uppgifter när vi sökte på {searched}",
    "result_not_searched_plain": "Inte sökt när utdraget togs fram. Kontakta oss om du vill att vi söker här.",
    "result_also_not_searched": "Vi kunde inte söka på {kinds}: någon sådan uppgift om dig har vi inte.",
    "result_more_pages": (
        "Tjänsten hade fler än {pages} sidor med uppgifter om dig; de första {pages} är med. "
        "Kontakta oss så tar vi fram resten."
    ),
    "result_more_rows": (
        "Systemet hade fler uppgifter om dig än de {count} som ryms i ett utdrag. Kontakta oss så tar vi fram resten."
    ),
    "result_unconfirmed": (
        "{count} möjliga uppgifter är inte med, eftersom vi inte har kunnat bekräfta att de gäller dig."
    ),
    "result_unconfirmed_one": (
        "1 möjlig uppgift är inte med, eftersom vi inte har kunnat bekräfta att den gäller dig."
    ),
    "result_withheld_confidentiality": (
        "{count} uppgifter om dig lämnas inte ut, eftersom de omfattas av tystnadsplikt (dataskyddslagen 5 kap. 1 §)."
    ),
    "result_withheld_confidentiality_one": (
        "1 uppgift om dig lämnas inte ut, eftersom den omfattas av tystnadsplikt (dataskyddslagen 5 kap. 1 §)."
    ),
    "result_withheld_draft": (
        "{count} uppgifter om dig lämnas inte ut, eftersom de finns i utkast eller minnesanteckningar som inte "
        "har fått sin slutliga form (dataskyddslagen 5 kap. 2 §)."
    ),
    "result_withheld_draft_one": (
        "1 uppgift om dig lämnas inte ut, eftersom den finns i ett utkast eller en minnesanteckning som inte "
        "har fått sin slutliga form (dataskyddslagen 5 kap. 2 §)."
    ),
    "withheld_note": (
        "Där vi inte lämnar ut uppgifter om dig med stöd av dataskyddslagen står det vid systemet, med skälet. "
        "Det är ett beslut att delvis avslå din begäran: du kan klaga hos Integritetsskyddsmyndigheten (IMY) "
        "och gå till domstol, se dina rättigheter längst bak."
    ),
    "unconfirmed_note": (
        "I några system hittade vi uppgifter som kan gälla dig, men bara genom till exempel en "
        "e-postadress eller ett telefonnummer som någon annan också kan ha. Vi har inte kunnat "
        "bekräfta att de gäller dig, och därför är de inte med. Kontakta oss om du vill att vi "
        "utreder dem."
    ),
    "not_searched_body": (
        "Vi har inte sökt i det här systemet. Här kan vi bara söka på {kinds}, och någon sådan "
        "uppgift om dig har vi inte. Kontakta oss om du vill att vi söker på en sådan uppgift."
    ),
    "and": "eller",
    "all_of": "och",
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
    "deed_done": "{system}: {title} ({rows}).",
    "deed_manual": "{system}: {title}.",
    "deed_kept": "{system}: {rows} sparas – {title}. Skäl: {ground}.",
    "deed_until_date": "Sparas till och med {date}.",
    "deed_until_text": "Sparas {text}.",
    "deed_rows": "{count} uppgifter",
    "deed_rows_one": "1 uppgift",
    "deed_rows_erase": "{count} uppgifter raderade",
    "deed_rows_erase_one": "1 uppgift raderad",
    "deed_rows_pseudonymise": "{count} uppgifter pseudonymiserade",
    "deed_rows_pseudonymise_one": "1 uppgift pseudonymiserad",
    "deed_rows_restrict": "{count} uppgifter begränsade",
    "deed_rows_restrict_one": "1 uppgift begränsad",
    "deed_rows_rectify": "{count} uppgifter rättade",
    "deed_rows_rectify_one": "1 uppgift rättad",
    "deed_rows_change": "{count} uppgifter ändrade",
    "deed_rows_change_one": "1 uppgift ändrad",
    "deed_rows_add": "{count} uppgifter tillagda",
    "deed_rows_add_one": "1 uppgift tillagd",
    "deed_pending": (
        "{system}: {title} – inte gjort ännu, eftersom systemet inte gick att ändra. Vi gör det och meddelar "
        "dig senast {date}."
    ),
    "deed_remaining": (
        "{system}: {rows} finns kvar som inget skäl att spara omfattar – raderingen är inte helt genomförd där. "
        "Vi raderar dem och meddelar dig senast {date}."
    ),
    "deed_recipients": (
        "Vi har meddelat {names} det vi har gjort (artikel 19). Du kan be oss om en lista över alla som har "
        "fått dina uppgifter."
    ),
    "deed_note": "Kommentar",
    "restriction_notice": (
        "Uppgifterna finns kvar men används inte till något annat än att sparas, så länge begränsningen gäller. "
        "Innan vi häver begränsningen får du besked (artikel 18.3)."
    ),
    "other_pending": "Vi svarar dig senast {date}.",
    "effective_objection-marketing": (
        "Vi har registrerat att du inte vill ha direktmarknadsföring från och med {date}. Vi skickar ingen mer."
    ),
    "effective_withdraw-consent": (
        "Vi har registrerat att du återkallar ditt samtycke från och med {date}. Från den dagen "
        "behandlar vi inte uppgifter med stöd av det."
    ),
    "receipt_effective_objection-marketing": (
        "Vi har registrerat att du inte vill ha direktmarknadsföring från och med i dag, {date}."
    ),
    "receipt_effective_withdraw-consent": (
        "Vi har registrerat att du återkallar ditt samtycke från och med i dag, {date}."
    ),
    "purpose": "Varför vi har uppgifterna",
    "legal_basis": "Rättslig grund",
    "categories": "Vilka typer av uppgifter",
    "recipients": "Vilka som får ta del av dem",
    "no_recipients": "Vi lämnar inte ut uppgifterna till någon annan.",
    "retention": "Hur länge vi sparar dem",
    "origin": "Varifrån uppgifterna kommer",
    "origin_visitor": "Från dig.",
    "transfers": "Överföring till länder utanför EU/EES",
    "transfer_adequacy": (
        "{country}: {recipient} – EU-kommissionen har beslutat att skyddsnivån där är adekvat "
        "(artikel 45): {mechanism}."
    ),
    "transfer_safeguard": "{country}: {recipient} – skyddsåtgärd enligt artikel 46: {mechanism}.",
    "no_transfers": "Vi för inte över uppgifterna till länder utanför EU/EES.",
    "automated": "Automatiserade beslut och profilering",
    "no_automated": "Vi använder inte uppgifterna för automatiserade beslut eller profilering.",
    "no_data": "Vi har inga uppgifter om dig i det här systemet.",
    "failed_body": (
        "Systemet kunde inte sökas när utdraget togs fram ({reason}). Vi skickar uppgifterna till dig senast {date}."
    ),
    "manual_open": "Det här kontrolleras manuellt. Vi skickar svaret till dig senast {date}.",
    "manual_nothing": "Kontrollerat manuellt: vi har inga uppgifter om dig här.",
    "records_count": "{count} uppgifter",
    "records_count_one": "1 uppgift",
    "name": "Namn",
    "manual_pending_note": ("Några uppgifter kontrolleras manuellt. Vi skickar svaret till dig senast {date}."),
    "redacted": "[maskerat]",
    "rights_heading": "Dina rättigheter",
    "rights": (
        "Du har rätt att få felaktiga uppgifter rättade (artikel 16) och att få uppgifter "
        "raderade när vi inte längre behöver dem eller inte har rätt att behandla dem (artikel 17). "
        "Du kan begära att vi begränsar behandlingen, till exempel medan vi utreder om "
        "uppgifterna är korrekta (artikel 18). Du kan invända mot behandling som vi grundar på "
        "ett berättigat intresse eller på en uppgift av allmänt intresse, med hänvisning till din "
        "särskilda situation (artikel 21). Du har alltid rätt att invända mot "
        "direktmarknadsföring. Då slutar vi med det. Uppgifter som du själv har lämnat och som vi "
        "behandlar med stöd av avtal eller samtycke kan du få i ett maskinläsbart format "
        "(artikel 20). Ett samtycke kan du när som helst återkalla, lika enkelt som du gav det "
        "(artikel 7.3). Det påverkar inte den behandling som redan har skett."
    ),
    "public_body": (
        "Vi omfattas av offentlighetsprincipen. Handlingar som innehåller dina uppgifter kan "
        "därför vara allmänna handlingar som andra kan begära att få ta del av. Innan vi lämnar "
        "ut en allmän handling prövar vi om uppgifterna omfattas av sekretess enligt "
        "offentlighets- och sekretesslagen (OSL). Det här utdraget är en sammanställning av dina "
        "uppgifter enligt dataskyddsförordningen, inte kopior av allmänna handlingar."
    ),
    "letter_date": "Datum",
    "letter_decided_by": "Beslutet fattades av",
    "letter_refusal_title": "Beslut om din begäran",
    "letter_refusal_intro": (
        "Vi har prövat din begäran enligt dataskyddsförordningen och avslår den. Här är skälen, och "
        "vad du kan göra om du inte håller med (artikel 12.4)."
    ),
    "letter_extension_title": "Vi behöver mer tid för att svara",
    "letter_extension_intro": (
        "Vi behöver mer tid för att svara på din begäran och har förlängt svarstiden till {date} "
        "(artikel 12.3 i dataskyddsförordningen)."
    ),
    "letter_extension_after": "Du får vårt svar senast den dagen.",
    "letter_outcome_title": "Vad vi har gjort med din begäran",
    "letter_outcome_intro": (
        "Så här har vi hanterat det du bad om (artiklarna 12.3 och 16–21 i dataskyddsförordningen)."
    ),
    "letter_reasons": "Skäl",
    "letter_reasons_swedish": "Skäl",
    "letter_contact": "Kontakta oss om du har frågor om brevet eller vill använda dina rättigheter:",
    "letter_remedies": "Om du inte är nöjd",
    "letter_imy": (
        "Du har rätt att lämna klagomål till Integritetsskyddsmyndigheten (IMY), Box 8114, 104 20 "
        "Stockholm, imy@imy.se, www.imy.se (artikel 77)."
    ),
    "letter_appeal": (
        "Du kan överklaga beslutet till förvaltningsrätten (7 kap. 2 § dataskyddslagen). Skicka eller "
        "lämna överklagandet till oss, inte till domstolen. Vi måste ha fått det inom tre veckor från "
        "den dag du fick del av beslutet. Skriv vilket beslut du överklagar (ärendenumret), hur du "
        "vill att det ska ändras och varför."
    ),
    "letter_court": (
        "Du kan också väcka talan mot oss i allmän domstol (tingsrätt), till exempel för att få "
        "skadestånd (artiklarna 79 och 82 i dataskyddsförordningen)."
    ),
    "kind_personnummer": "personnummer",
    "kind_customer_number": "kundnummer",
    "kind_email": "e-postadress",
    "kind_phone": "telefonnummer",
    "kind_name": "namn",
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
    "receipt_how_postal": (
        "Du får svaret per post till din adress i folkbokföringen. Vi svarar utan onödigt dröjsmål och "
        "senast den dag som står ovan. Behöver vi mer tid får du veta det, och varför, inom en månad."
    ),
    "receipt_how": (
        "Du får svaret här hos oss eller per post till din folkbokföringsadress. Vi svarar utan "
        "onödigt dröjsmål och senast den dag som står ovan. Behöver vi mer tid får du veta det, "
        "och varför, inom en månad."
    ),
    "verified": "Din identitet kontrollerades mot {document} av {staff} den {date}.",
    "verified_postal": (
        "Du visade ingen giltig id-handling. Därför lämnar vi inte ut svaret här: vi skickar det per post "
        "till din adress i folkbokföringen."
    ),
    "verified_represented": (
        "{Whose} identitet kontrollerades mot {document} av {staff} den {date}, liksom {whose} rätt att företräda dig."
    ),
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
    "title_supplement": "Supplementary data extract",
    "promise": "by {date}",
    "promise_late": "as soon as we can – we should have answered by {date}",
    "supplements": "Completes the extract of",
    "supplement_intro": (
        "This completes the data extract you received on {date}. At that time we could not answer "
        "for every system. Here is the answer for the systems that remained: {systems}. Why we hold "
        "the data and what rights you have are set out here again, so that this extract can be read "
        "on its own."
    ),
    "summary_intro_supplement": "This is what we found in the systems that remained:",
    "subtitle": "Your personal data held by {organisation}",
    "confidential": "Confidential – contains personal data",
    "draft": "Not approved – draft",
    "page": "Page {page} of {pages}",
    "case": "Case {number}",
    "for": "Extract for",
    "personnummer": "Personal identity number",
    "samordningsnummer": "Coordination number",
    "represented_by": "Represented by",
    "mandate_guardian": "{name}, guardian",
    "mandate_power-of-attorney": "{name}, representative with a power of attorney dated {dated}",
    "mandate_trustee": "{name}, trustee or administrator",
    "mandate_scope": "The power of attorney covers",
    "address_for": "for {name}",
    "letter_to": "To",
    "who_guardian": "your guardian",
    "who_power-of-attorney": "your representative",
    "who_trustee": "your trustee or administrator",
    "whose_guardian": "the guardian's",
    "whose_power-of-attorney": "the representative's",
    "whose_trustee": "the trustee's or administrator's",
    "verified_extract": "Your identity was checked against {document} when you made the request.",
    "verified_extract_postal": (
        "You showed no valid identity document when you made the request. We are therefore sending the "
        "extract by post to your address in the Swedish population register."
    ),
    "verified_extract_represented": (
        "The request was made by {who}. We checked {whose} identity against {document} and {whose} right to act "
        "for you."
    ),
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
    "summary_intro": "This is how it stands in our {count} systems:",
    "summary_intro_searchable": "This is how it stands in the {count} systems where we can search for you:",
    "unlinkable_heading": "Data we cannot link to you",
    "unlinkable_intro": (
        "We also hold data that we cannot link to a named person. We therefore cannot find it or hand it "
        "over as yours (Article 11(2) GDPR). If you give us what is said below, we can search again, and "
        "your rights then apply to that data too."
    ),
    "unlinkable_item": "{name}: {what}. To find yours we need {give}.",
    "col_system": "System",
    "col_result": "Result",
    "result_rows": "{count} items",
    "result_rows_one": "1 item",
    "result_nothing": "No data about you",
    "result_failed": "Could not be searched – answer by {date}",
    "result_not_searched": "Not searched: it can only be searched by {kinds}, and we hold none for you",
    "result_nothing_partly": "No data when we searched by {searched}",
    "result_not_searched_plain": "Not searched when this extract was produced. Contact us if you want us to search it.",
    "result_also_not_searched": "We could not search by {kinds}: we hold none for you.",
    "result_more_pages": (
        "The service had more than {pages} pages of data about you; the first {pages} are included. "
        "Contact us and we will produce the rest."
    ),
    "result_more_rows": (
        "The system held more items about you than the {count} one extract takes. Contact us and we will "
        "produce the rest."
    ),
    "result_unconfirmed": "{count} possible items are not included, as we could not confirm that they are yours.",
    "result_unconfirmed_one": "1 possible item is not included, as we could not confirm that it is yours.",
    "result_withheld_confidentiality": (
        "{count} items about you are withheld, as they are subject to a duty of confidentiality (Swedish Data "
        "Protection Act, chapter 5, section 1)."
    ),
    "result_withheld_confidentiality_one": (
        "1 item about you is withheld, as it is subject to a duty of confidentiality (Swedish Data Protection "
        "Act, chapter 5, section 1)."
    ),
    "result_withheld_draft": (
        "{count} items about you are withheld, as they are in drafts or notes that have not been finalised "
        "(Swedish Data Protection Act, chapter 5, section 2)."
    ),
    "result_withheld_draft_one": (
        "1 item about you is withheld, as it is in a draft or a note that has not been finalised (Swedish Data "
        "Protection Act, chapter 5, section 2)."
    ),
    "withheld_note": (
        "Where we withhold data about you under the Swedish Data Protection Act, it says so at the system, with "
        "the ground. That is a decision to refuse your request in part: you can complain to the Swedish "
        "Authority for Privacy Protection (IMY) and go to court, see your rights at the end."
    ),
    "unconfirmed_note": (
        "In some systems we found data that may be yours, but only through, for example, an "
        "e-mail address or a phone number that someone else may also have. We could not confirm "
        "that it is yours, so it is not included. Contact us if you want us to look into it."
    ),
    "not_searched_body": (
        "We have not searched this system. It can only be searched by {kinds}, and we hold none "
        "for you. Contact us if you want us to search by one."
    ),
    "and": "or",
    "all_of": "and",
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
    "deed_done": "{system}: {title} ({rows}).",
    "deed_manual": "{system}: {title}.",
    "deed_kept": "{system}: {rows} kept – {title}. Why: {ground}.",
    "deed_until_date": "Kept until {date} inclusive.",
    "deed_until_text": "Kept {text}.",
    "deed_rows": "{count} items",
    "deed_rows_one": "1 item",
    "deed_rows_erase": "{count} items erased",
    "deed_rows_erase_one": "1 item erased",
    "deed_rows_pseudonymise": "{count} items pseudonymised",
    "deed_rows_pseudonymise_one": "1 item pseudonymised",
    "deed_rows_restrict": "{count} items restricted",
    "deed_rows_restrict_one": "1 item restricted",
    "deed_rows_rectify": "{count} items rectified",
    "deed_rows_rectify_one": "1 item rectified",
    "deed_rows_change": "{count} items changed",
    "deed_rows_change_one": "1 item changed",
    "deed_rows_add": "{count} items added",
    "deed_rows_add_one": "1 item added",
    "deed_pending": (
        "{system}: {title} – not done yet, as the system could not be changed. We will do it and tell you by {date}."
    ),
    "deed_remaining": (
        "{system}: {rows} remain that no ground for keeping covers – the erasure is not complete there. We will "
        "erase them and tell you by {date}."
    ),
    "deed_recipients": (
        "We have told {names} what we have done (Article 19). You may ask us for a list of everyone who has "
        "received your data."
    ),
    "deed_note": "Comment",
    "restriction_notice": (
        "The data is kept but not used for anything other than storing it while the restriction applies. We will "
        "tell you before the restriction is lifted (Article 18(3))."
    ),
    "other_pending": "We will answer you by {date}.",
    "effective_objection-marketing": (
        "We have recorded that you do not want direct marketing as of {date}. We will send no more."
    ),
    "effective_withdraw-consent": (
        "We have recorded that you withdraw your consent as of {date}. From that day we no longer "
        "process data on the basis of it."
    ),
    "receipt_effective_objection-marketing": (
        "We have recorded that you do not want direct marketing as of today, {date}."
    ),
    "receipt_effective_withdraw-consent": "We have recorded that you withdraw your consent as of today, {date}.",
    "purpose": "Why we hold the data",
    "legal_basis": "Legal basis",
    "categories": "Kinds of data",
    "recipients": "Who receives it",
    "no_recipients": "We do not disclose the data to anyone else.",
    "retention": "How long we keep it",
    "origin": "Where the data came from",
    "origin_visitor": "From you.",
    "transfers": "Transfers outside the EU/EEA",
    "transfer_adequacy": (
        "{country}: {recipient} – the European Commission has decided that the level of protection "
        "there is adequate (Article 45): {mechanism}."
    ),
    "transfer_safeguard": "{country}: {recipient} – safeguard under Article 46: {mechanism}.",
    "no_transfers": "We do not transfer the data to countries outside the EU/EEA.",
    "automated": "Automated decisions and profiling",
    "no_automated": "We do not use the data for automated decisions or profiling.",
    "no_data": "We hold no data about you in this system.",
    "failed_body": (
        "This system could not be searched when the extract was produced ({reason}). We will "
        "send you the data by {date}."
    ),
    "manual_open": "This is being checked by hand. We will send you the answer by {date}.",
    "manual_nothing": "Checked by hand: we hold no data about you here.",
    "records_count": "{count} items",
    "records_count_one": "1 item",
    "name": "Name",
    "manual_pending_note": ("Some data is being checked by hand. We will send you the answer by {date}."),
    "redacted": "[masked]",
    "rights_heading": "Your rights",
    "rights": (
        "You have the right to have inaccurate data corrected (Article 16) and to have data "
        "erased when we no longer need it or have no right to process it (Article 17). You may "
        "ask us to restrict the processing, for example while we look into whether the data is "
        "accurate (Article 18). You may object, on grounds relating to your particular "
        "situation, to processing we base on legitimate interests or on a task in the public "
        "interest (Article 21). You always have the right to object to direct marketing. Then we "
        "stop. Data you gave us that we process under a contract or your consent can be given to "
        "you in a machine-readable format (Article 20). You may withdraw a consent at any time, "
        "as easily as you gave it (Article 7(3)). This does not affect processing that has "
        "already taken place."
    ),
    "public_body": (
        "We are subject to the principle of public access to official documents. Documents that "
        "contain your data may therefore be official documents that others can ask to see. "
        "Before we disclose an official document, we examine whether the data is confidential "
        "under the Public Access to Information and Secrecy Act (OSL). This extract is a "
        "compilation of your data under the GDPR, not copies of official documents."
    ),
    "letter_date": "Date",
    "letter_decided_by": "Decided by",
    "letter_refusal_title": "Decision on your request",
    "letter_refusal_intro": (
        "We have considered your request under the GDPR and refuse it. These are the reasons, and "
        "what you can do if you disagree (Article 12(4))."
    ),
    "letter_extension_title": "We need more time to answer",
    "letter_extension_intro": (
        "We need more time to answer your request and have extended the time to answer to {date} (Article 12(3) GDPR)."
    ),
    "letter_extension_after": "You will have our answer by that day at the latest.",
    "letter_outcome_title": "What we have done about your request",
    "letter_outcome_intro": "This is how we have handled what you asked for (Articles 12(3) and 16–21 GDPR).",
    "letter_reasons": "Reasons",
    "letter_reasons_swedish": "Reasons (in Swedish, as our staff recorded them)",
    "letter_contact": "Contact us with questions about this letter or to exercise your rights:",
    "letter_remedies": "If you are not satisfied",
    "letter_imy": (
        "You have the right to lodge a complaint with the Swedish Authority for Privacy Protection "
        "(IMY), Box 8114, SE-104 20 Stockholm, imy@imy.se, www.imy.se (Article 77)."
    ),
    "letter_appeal": (
        "You may appeal against the decision to the administrative court (förvaltningsrätten; "
        "Chapter 7, Section 2 of the Swedish Data Protection Act). Send or hand in the appeal to us, "
        "not to the court. We must receive it within three weeks of the day you were notified of the "
        "decision. State which decision you appeal against (the case number), the change you want "
        "and why."
    ),
    "letter_court": (
        "You may also bring an action against us in a general court (tingsrätt), for example for "
        "compensation (Articles 79 and 82 GDPR)."
    ),
    "kind_personnummer": "personal identity number",
    "kind_customer_number": "customer number",
    "kind_email": "e-mail address",
    "kind_phone": "phone number",
    "kind_name": "name",
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
    "receipt_how_postal": (
        "You will receive the answer by post to your address in the Swedish population register. We answer "
        "without undue delay and at the latest on the date above. If we need more time, you will be told, "
        "and why, within one month."
    ),
    "receipt_how": (
        "You will receive the answer here at our desk or by post to your registered address. We "
        "answer without undue delay and at the latest on the date above. If we need more time, "
        "you will be told, and why, within one month."
    ),
    "verified": "Your identity was checked against {document} by {staff} on {date}.",
    "verified_postal": (
        "You showed no valid identity document. We therefore do not hand the answer over here: we send it by "
        "post to your address in the Swedish population register."
    ),
    "verified_represented": (
        "{Whose} identity was checked against {document} by {staff} on {date}, as was {whose} right to act for you."
    ),
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
        "postal-answer": "ingen id-handling (svar per post)",
        "represented": "ingen egen id-handling (företräds)",
    },
    "en": {
        "passport": "a Swedish passport",
        "national-id": "a national identity card",
        "driving-licence": "a driving licence",
        "sis-id": "an identity card (SIS)",
        "tax-agency-id": "a Swedish Tax Agency identity card",
        "service-card": "a service card",
        "foreign-passport": "a foreign passport",
        "foreign-id": "a foreign identity card",
        "other": "another identity document",
        "postal-answer": "no identity document (answer by post)",
        "represented": "no identity document of their own (represented)",
    },
}


def texts(language: str) -> dict[str, str]:
    try:
        return LANGUAGES[language]
    except KeyError:
        raise ValueError("language must be 'sv' or 'en'") from None


_SWEDISH_WORDS = frozenset({"och", "att", "är", "inte", "för", "som", "det", "med", "på", "av", "till", "om", "har"})


def looks_swedish(text: str) -> bool:
    """Whether staff's words are in Swedish (å, ä, ö or its commonest words): an English letter
    says so above them rather than pass them off as English."""
    lowered = text.casefold()
    return any(c in lowered for c in "åäö") or bool(_SWEDISH_WORDS & set(re.findall(r"[a-zåäö]+", lowered)))


def representative_words(t: dict[str, str], mandate: str) -> dict[str, str]:
    """The representative as the sentences about them name them, by the kind of mandate: who
    ("din vårdnadshavare"), whose ("ombudets") and Whose (at a sentence's start)."""
    whose = t[f"whose_{mandate}"]
    return {"who": t[f"who_{mandate}"], "whose": whose, "Whose": whose[:1].upper() + whose[1:]}


def format_date(value: object, language: str) -> str:
    """ISO dates everywhere: unambiguous in both languages. A time with a zone is shown in
    Swedish local time."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            from desktop.core.clock import LOCAL_ZONE

            value = value.astimezone(LOCAL_ZONE)
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def format_count(count: int, language: str) -> str:
    """A count as the reader writes it: 8 767 (a no-break space) in Swedish, 8,767 in English."""
    grouped = f"{count:,}"
    return grouped.replace(",", "\u00a0") if language == "sv" else grouped


def counted(t: dict[str, str], key: str, count: int, language: str) -> str:
    """`key_one` for one, `key` with the count formatted otherwise: "1 uppgift", "2 uppgifter"."""
    if count == 1 and f"{key}_one" in t:
        return t[f"{key}_one"]
    return t[key].format(count=format_count(count, language))


def format_number(value: int | float | Decimal, language: str) -> str:
    """Every digit the source holds, never rounded; a decimal comma in Swedish. Integers are
    printed without grouping: they are as often identifiers as amounts."""
    if isinstance(value, bool):
        raise TypeError("a bool is not a number here")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        shortest = repr(value)  # the shortest text that reads back as the same float
        if shortest in ("nan", "inf", "-inf"):
            return shortest
        if "e" not in shortest:  # as written, no exponent: as is
            return shortest.replace(".", ",") if language == "sv" else shortest
        value = Decimal(shortest)
    text = format(value, "f") if -30 < value.adjusted() < 30 else str(value)
    return text.replace(".", ",") if language == "sv" else text


_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def format_text(value: str, language: str) -> str:
    """Text as stored, except an ISO timestamp, which reads as local date and time."""
    moment_match = _ISO_MOMENT.fullmatch(value) if len(value) <= 35 else None
    if moment_match and ("T" in value or moment_match.group(3)):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
        return format_date(moment, language)
    return value


# The texts that promise an answer by the deadline in force.
PROMISE_KEYS = (
    "result_failed",
    "result_manual_open",
    "missing_note",
    "manual_pending_note",
    "failed_body",
    "manual_open",
    "other_pending",
    "deed_remaining",
    "deed_pending",
)


def late_promises(t: dict[str, str]) -> dict[str, str]:
    """The texts for a document made after the deadline: an answer still outstanding is promised
    as soon as we can, and the date that was missed is said, never a date already past."""
    return {**t, **{key: t[key].replace(t["promise"], t["promise_late"]) for key in PROMISE_KEYS}}


def list_words(words: tuple[str, ...] | list[str], language: str, *, every: bool = False) -> str:
    """ "e-postadress eller kundnummer", "e-post, telefon eller kundnummer"; with `every`,
    "Kundregister och Fakturor"."""
    word = texts(language)["all_of" if every else "and"]
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def cell_text(value: object, language: str) -> str:
    """A value as the reader reads it: every digit kept, the decimal sign of the language,
    dates in ISO form and times in local time; text as stored."""
    if value is None:
        return ""
    if type(value) is str:  # the most common kind first
        return format_text(value, language)
    if isinstance(value, bool):
        return ("ja" if value else "nej") if language == "sv" else ("yes" if value else "no")
    if isinstance(value, int | float | Decimal):
        return format_number(value, language)
    if isinstance(value, str):
        return format_text(value, language)
    return format_date(value, language)
