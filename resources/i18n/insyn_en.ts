<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/ui/app.py" line="96"/>
        <source>Byt språk när insamlingen eller utskriften är klar.</source>
        <translation>Switch the language when the gather or the print has finished.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="122"/>
        <source>Ingen konfiguration: starta med --config SÖKVÄG eller --demo.</source>
        <translation>No configuration: start with --config PATH or --demo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="164"/>
        <source>Ärenderegistret svarar inte just nu. Det som sparats finns kvar; försök igen om en stund.</source>
        <translation>The case register does not answer just now. What was saved is kept; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="165"/>
        <source>Något gick fel i Insyn. Det som sparats finns kvar; försök igen. Fortsätter det, kontakta IT.</source>
        <translation>Something went wrong in Insyn. What was saved is kept; try again. If it goes on, contact IT.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="238"/>
        <source>Insyn kunde inte starta. Visa detta för IT:</source>
        <translation>Insyn could not start. Show this to IT:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="240"/>
        <source>Insyn kunde inte starta; se loggen.</source>
        <translation>Insyn could not start; see the log.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="72"/>
        <source>Logga in – Insyn</source>
        <translation>Sign in – Insyn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="74"/>
        <location filename="../../desktop/ui/auth.py" line="99"/>
        <source>Logga in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="89"/>
        <location filename="../../desktop/ui/auth.py" line="171"/>
        <location filename="../../desktop/ui/staff_dialog.py" line="42"/>
        <location filename="../../desktop/ui/staff_dialog.py" line="63"/>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="90"/>
        <location filename="../../desktop/ui/lock.py" line="66"/>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="103"/>
        <location filename="../../desktop/ui/new_visit.py" line="654"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="134"/>
        <source>Insyn startar – du loggas in strax.</source>
        <translation>Insyn is starting – you will be signed in in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="47"/>
        <location filename="../../desktop/ui/common.py" line="241"/>
        <source>Fel användarnamn eller lösenord.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="38"/>
        <source>För många felaktiga lösenord. Försök igen om %1 sekunder.</source>
        <translation>Too many wrong passwords. Try again in %1 seconds.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="42"/>
        <location filename="../../desktop/ui/common.py" line="242"/>
        <source>Kontot är låst efter för många felaktiga lösenord. En administratör kan låsa upp det.</source>
        <translation>The account is locked after too many wrong passwords. An administrator can unlock it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="44"/>
        <location filename="../../desktop/ui/common.py" line="225"/>
        <source>Den personen har inte rollen granskare.</source>
        <translation>That person does not have the approver role.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="46"/>
        <location filename="../../desktop/ui/common.py" line="232"/>
        <source>Utdraget måste godkännas av en annan person än den som lämnar ut det.</source>
        <translation>The extract must be approved by another person than the one handing it over.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="125"/>
        <source>Efter %1 felaktiga lösenord i rad låses kontot i %2 minuter.</source>
        <translation>After %1 wrong passwords in a row the account is locked for %2 minutes.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="157"/>
        <source>Första start – Insyn</source>
        <translation>First start – Insyn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="159"/>
        <source>Skapa den första administratören</source>
        <translation>Create the first administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="160"/>
        <source>Administratören lägger sedan upp konton för receptionen och granskarna.</source>
        <translation>The administrator then creates the accounts for reception and approvers.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="170"/>
        <source>Får även granska och lämna ut (granskare)</source>
        <translation>May also approve and release extracts (approver)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="172"/>
        <location filename="../../desktop/ui/case_list.py" line="53"/>
        <location filename="../../desktop/ui/staff_dialog.py" line="42"/>
        <location filename="../../desktop/ui/staff_dialog.py" line="64"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="173"/>
        <source>Lösenord (minst 8 tecken)</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="174"/>
        <source>Upprepa lösenordet</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="180"/>
        <source>Skapa administratör</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/auth.py" line="189"/>
        <source>Lösenorden är inte lika.</source>
        <translation>The passwords differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="142"/>
        <source>Lösenordet måste ha minst 8 tecken.</source>
        <translation>The password must have at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="276"/>
        <source>Fyll i alla fält.</source>
        <translation>Fill in every field.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="277"/>
        <source>Användarnamnet finns redan.</source>
        <translation>That user name exists already.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="57"/>
        <source>Insyn är låst</source>
        <translation>Insyn is locked</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="74"/>
        <source>Byt användare / logga ut</source>
        <translation>Switch user / sign out</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="76"/>
        <source>Ärendet som var öppet stängs; nästa person loggar in.</source>
        <translation>The open case is closed; the next person signs in.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="83"/>
        <source>Inloggad: %1 – skriv ditt lösenord för att fortsätta.</source>
        <translation>Signed in: %1 – type your password to continue.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/lock.py" line="95"/>
        <source>Fel lösenord.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="52"/>
        <source>Ärende</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="54"/>
        <location filename="../../desktop/ui/case_overview.py" line="196"/>
        <location filename="../../desktop/ui/new_visit.py" line="104"/>
        <location filename="../../desktop/ui/new_visit.py" line="149"/>
        <source>Personnummer</source>
        <translation>Personal identity number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="55"/>
        <location filename="../../desktop/ui/case_overview.py" line="195"/>
        <location filename="../../desktop/ui/gather_view.py" line="173"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="56"/>
        <location filename="../../desktop/ui/case_overview.py" line="197"/>
        <source>Inkom</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="57"/>
        <location filename="../../desktop/ui/case_overview.py" line="199"/>
        <source>Svara senast</source>
        <translation>Answer by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="105"/>
        <location filename="../../desktop/ui/case_list.py" line="194"/>
        <source>%1 (försenat %2 d)</source>
        <translation>%1 (%2 d overdue)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="106"/>
        <location filename="../../desktop/ui/case_list.py" line="195"/>
        <source>%1 (%2 d kvar)</source>
        <translation>%1 (%2 d left)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="109"/>
        <source>(gallrat)</source>
        <translation>(purged)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="111"/>
        <location filename="../../desktop/ui/case_list.py" line="191"/>
        <location filename="../../desktop/ui/case_overview.py" line="219"/>
        <source>Väntar på komplettering</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="131"/>
        <location filename="../../desktop/ui/case_list.py" line="158"/>
        <location filename="../../desktop/ui/report_dialog.py" line="42"/>
        <source>Ärenden</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="134"/>
        <source>Vilka ärenden som visas</source>
        <translation>Which cases are shown</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="137"/>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="138"/>
        <source>Försenade</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="139"/>
        <source>Förfaller denna vecka</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="140"/>
        <source>Mina</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="141"/>
        <source>Avslutade</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="142"/>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="146"/>
        <source>Sök på personnummer, ärendenummer eller namn</source>
        <translation>Search by personal identity number, case number or name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="148"/>
        <source>Sök på personnummer, ärendenummer eller namn (Ctrl+F)</source>
        <translation>Search by personnummer, case number or name (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_list.py" line="181"/>
        <source>%Ln ärenden</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="39"/>
        <source>Ärendet registrerades</source>
        <translation>Case registered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="40"/>
        <source>Identiteten kontrollerades</source>
        <translation>Identity checked</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="41"/>
        <source>Status ändrades</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="42"/>
        <source>Insamling startade</source>
        <translation>Gather started</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="43"/>
        <source>Insamling klar</source>
        <translation>Gather finished</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="44"/>
        <source>Uppgifterna visades för granskning</source>
        <translation>Data shown for review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="45"/>
        <source>Svag träff bekräftades</source>
        <translation>Weak match confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="46"/>
        <source>Bekräftelse togs bort</source>
        <translation>Confirmation removed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="47"/>
        <source>Uppgift uteslöts</source>
        <translation>Item excluded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="48"/>
        <source>Uppgift togs med igen</source>
        <translation>Item included again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="49"/>
        <source>Fält maskerades</source>
        <translation>Field masked</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="50"/>
        <source>Maskering togs bort</source>
        <translation>Masking removed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="51"/>
        <source>Manuell kontroll besvarades</source>
        <translation>Manual check answered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="52"/>
        <source>Utdraget godkändes</source>
        <translation>Extract approved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="53"/>
        <source>Utdraget släpptes för utlämning</source>
        <translation>The extract was released for delivery</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="54"/>
        <source>Alla svaga träffar bekräftades</source>
        <translation>All weak matches were confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="55"/>
        <location filename="../../desktop/ui/case_overview.py" line="214"/>
        <source>Utdraget lämnades ut</source>
        <translation>Extract delivered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="56"/>
        <source>Sidor ur utdraget skrevs ut som kopia (inte utlämnat)</source>
        <translation>Pages of the extract printed as a copy (not handed over)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="57"/>
        <source>Genomfört i systemet</source>
        <translation>Carried out in the system</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="58"/>
        <source>Kunde inte genomföras i systemet</source>
        <translation>Could not be carried out in the system</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="59"/>
        <source>Inget att genomföra i systemet</source>
        <translation>Nothing to carry out in the system</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="60"/>
        <source>Svarstiden förlängdes</source>
        <translation>Deadline extended</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="61"/>
        <source>Utfall registrerades</source>
        <translation>Outcome recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="62"/>
        <source>Begäran lades till</source>
        <translation>Request added</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="63"/>
        <source>Registrerat vid sidan av ett öppet ärende</source>
        <translation>Registered beside an open case</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="64"/>
        <source>Obekräftade möjliga träffar lämnades utanför</source>
        <translation>Unconfirmed possible matches were left out</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="65"/>
        <location filename="../../desktop/ui/letter_dialog.py" line="28"/>
        <source>Brev till besökaren</source>
        <translation>Letter to the visitor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="66"/>
        <source>Åtgärderna i systemen godkändes</source>
        <translation>The actions in the systems were approved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="67"/>
        <source>Det som gjordes sparades i ärendet</source>
        <translation>What was done was kept with the case</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="68"/>
        <source>Gjort för hand</source>
        <translation>Done by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="69"/>
        <source>Mottagare fick besked (artikel 19)</source>
        <translation>A recipient was told (Article 19)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="70"/>
        <source>Systemen söktes igen efter raderingen</source>
        <translation>The systems were searched again after the erasure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="71"/>
        <source>Adressen för svaret per post sparades</source>
        <translation>The address for the answer by post was kept</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="78"/>
        <source>utskrivet</source>
        <translation>printed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="79"/>
        <source>sparat som PDF</source>
        <translation>saved as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="80"/>
        <source>maskinläsbar kopia (ZIP)</source>
        <translation>machine-readable copy (ZIP)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="81"/>
        <source>skickat per post</source>
        <translation>sent by post</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="82"/>
        <source>lämnat i handen</source>
        <translation>handed over</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="83"/>
        <source>skickat per e-post</source>
        <translation>sent by e-mail</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="46"/>
        <source>Besökaren tar tillbaka sin begäran</source>
        <translation>The visitor takes back the request</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="47"/>
        <source>Ärendet registrerades av misstag</source>
        <translation>The case was registered by mistake</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="115"/>
        <source>Varför ärendet återkallas</source>
        <translation>Why the case is withdrawn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="116"/>
        <source>– välj –</source>
        <translation>– choose –</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="120"/>
        <source>Varför?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="126"/>
        <location filename="../../desktop/ui/decision_dialog.py" line="127"/>
        <source>Skälen (besökaren läser dem)</source>
        <translation>Reasons (the visitor reads them)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="128"/>
        <source>Varför avslutas ärendet ändå?</source>
        <translation>Why is the case closed all the same?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="133"/>
        <source>Skälet sparas i ärendet.</source>
        <translation>The reason is kept with the case.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="134"/>
        <source>Skriv skälen så att besökaren förstår dem.</source>
        <translation>Write the reasons so that the visitor understands them.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="141"/>
        <location filename="../../desktop/ui/decision_dialog.py" line="152"/>
        <source>Granskarens användarnamn</source>
        <translation>Approver&apos;s user name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="144"/>
        <location filename="../../desktop/ui/decision_dialog.py" line="153"/>
        <source>Granskarens lösenord</source>
        <translation>Approver&apos;s password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="150"/>
        <source>Organisationen låter en granskare besluta om avslag. Granskaren skriver under:</source>
        <translation>The organisation has an approver decide refusals. The approver signs:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="151"/>
        <location filename="../../desktop/ui/decision_dialog.py" line="156"/>
        <source>Beslutar</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="159"/>
        <source>Brevets språk</source>
        <translation>Language of the letter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="164"/>
        <source>Hur besökaren får brevet</source>
        <translation>How the visitor gets the letter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="169"/>
        <source>Skriv ut brevet nu</source>
        <translation>Print the letter now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="171"/>
        <source>Spara brevet som PDF nu</source>
        <translation>Save the letter as PDF now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="173"/>
        <source>Senare (steget står kvar i ärendet)</source>
        <translation>Later (the step stays on the case)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="181"/>
        <source>Brevet som besökaren får</source>
        <translation>The letter the visitor gets</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="187"/>
        <source>Brevet till besökaren</source>
        <translation>The letter to the visitor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="206"/>
        <source>Avslå (Ctrl+Enter)</source>
        <translation>Refuse (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="207"/>
        <source>Förläng (Ctrl+Enter)</source>
        <translation>Extend (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="208"/>
        <source>Återkalla (Ctrl+Enter)</source>
        <translation>Withdraw (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="209"/>
        <source>Avsluta (Ctrl+Enter)</source>
        <translation>Close (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="239"/>
        <source>Begäran avslås. Besökaren ska utan dröjsmål få beslutet med skälen, och veta att de kan klaga hos Integritetsskyddsmyndigheten och gå till domstol (art. 12.4). Insamlade uppgifter släpps ur programmet.</source>
        <translation>The request is refused. The visitor must be given the decision and its reasons without delay, and be told that they can complain to the Swedish Authority for Privacy Protection and go to court (Art. 12.4). Gathered data is let go.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="246"/>
        <source>Svaret ska ges senast %1. Med förlängning: senast %2. Det går en gång, och besökaren ska få veta skälen före %1 (art. 12.3).</source>
        <translation>The answer is due by %1. Extended: by %2. It can be done once, and the visitor must be told the reasons before %1 (Art. 12.3).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="250"/>
        <source>kan inte förlängas</source>
        <translation>cannot be extended</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="253"/>
        <source>Ärendet avslutas utan svar och insamlade uppgifter släpps ur programmet.</source>
        <translation>The case ends without an answer and the gathered data is let go.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="255"/>
        <source>Besökaren har inte fått: %1 (art. 12.3). Ärendet kan inte öppnas igen.</source>
        <translation>The visitor has not had: %1 (Art. 12.3). The case cannot be reopened.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="258"/>
        <source>Besökaren har fått allt. Ärendet avslutas och kan inte öppnas igen.</source>
        <translation>The visitor has had everything. The case is closed and cannot be reopened.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="313"/>
        <source>Granskaren skriver sitt användarnamn och lösenord.</source>
        <translation>The approver types their user name and password.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="18"/>
        <source>Nästa steg</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="65"/>
        <source>Stopp som inte kunde genomföras</source>
        <translation>Stops that could not be carried out</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="69"/>
        <source>Skriv ut kvitto (Ctrl+K)</source>
        <translation>Print receipt (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="70"/>
        <source>Kvittot med ärendenummer och sista svarsdag, som besökaren tar med sig</source>
        <translation>The receipt with the case number and the last day for an answer, which the visitor takes along</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="73"/>
        <source>Spara kvitto …</source>
        <translation>Save receipt …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="74"/>
        <source>Spara kvittot som PDF</source>
        <translation>Save the receipt as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="75"/>
        <source>Förläng svarstiden …</source>
        <translation>Extend the deadline …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="77"/>
        <source>Förläng svarstiden med upp till två månader, med skäl, inom den första månaden (art. 12.3)</source>
        <translation>Extend the time limit by up to two months, with reasons, within the first month (Art. 12.3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="79"/>
        <source>Avslå …</source>
        <translation>Reject …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="81"/>
        <source>Avslå begäran med skäl; besökaren får veta sin rätt att klaga till IMY (art. 12.4)</source>
        <translation>Refuse the request with reasons; the visitor is told of the right to complain to IMY (Art. 12.4)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="83"/>
        <source>Återkalla …</source>
        <translation>Withdraw …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="86"/>
        <source>Besökaren tar tillbaka sin begäran, eller ärendet registrerades av misstag.</source>
        <translation>The visitor takes back the request, or the case was registered by mistake.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="88"/>
        <location filename="../../desktop/ui/decision_dialog.py" line="100"/>
        <source>Avsluta ärendet</source>
        <translation>Close the case</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="89"/>
        <source>Avsluta ärendet när besökaren har fått allt</source>
        <translation>Close the case when the visitor has had everything</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="91"/>
        <source>Brev …</source>
        <translation>Letter …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="93"/>
        <source>Beslut om avslag, förlängd svarstid eller vad vi har gjort med begäran</source>
        <translation>Refusal, extended time to answer, or what was done about the request</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="107"/>
        <source>Ärendets steg</source>
        <translation>The case&apos;s steps</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="161"/>
        <source>Besökarens begäranden</source>
        <translation>The visitor&apos;s requests</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="161"/>
        <source>Besökarens uppgifter</source>
        <translation>What the visitor said</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="161"/>
        <location filename="../../desktop/ui/case_overview.py" line="244"/>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="170"/>
        <source>Registrera utfall för markerad begäran …</source>
        <translation>Record the outcome of the selected request …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="172"/>
        <source>Skriv vad som gjordes med den markerade begäran; det står i utdraget och i brevet</source>
        <translation>Write what was done about the selected request; it is printed in the extract and the letter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="181"/>
        <source>Händelser i ärendet</source>
        <translation>Events in the case</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="113"/>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="114"/>
        <source>1. Insamling</source>
        <translation>1. Gather</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="115"/>
        <source>2. Granskning</source>
        <translation>2. Review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="116"/>
        <source>3. Utlämning</source>
        <translation>3. Deliver</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="118"/>
        <source>4. Åtgärder</source>
        <translation>4. Actions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="222"/>
        <source>(personuppgifterna gallrade)</source>
        <translation>(personal data purged)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="223"/>
        <source>Ärende %1 – %2</source>
        <translation>Case %1 – %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="207"/>
        <source>Företräds av</source>
        <translation>Represented by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="211"/>
        <location filename="../../desktop/ui/new_visit.py" line="350"/>
        <source>Fullmakten omfattar</source>
        <translation>The power of attorney covers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="114"/>
        <source> (skriven av personalen)</source>
        <translation> (typed by staff)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="116"/>
        <source> (från %1)</source>
        <translation> (from %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="134"/>
        <source>klart, inget kvar utan skäl att spara</source>
        <translation>done, nothing left without a ground for keeping it</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_overview.py" line="135"/>
        <source>%Ln uppgifter kvar som inget skäl omfattar</source>
        <translation>
            <numerusform>%Ln item left that no ground covers</numerusform>
            <numerusform>%Ln items left that no ground covers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="32"/>
        <source>skriv in eller bekräfta adressen i folkbokföringen som svaret skickas till (Översikt)</source>
        <translation>type or confirm the population-register address the answer is posted to (Overview)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="37"/>
        <source>genomför begäran i %1: förhandsgranska och låt en granskare godkänna (4. Åtgärder)</source>
        <translation>carry out the request in %1: preview it and have an approver approve it (4. Actions)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="161"/>
        <source>Begäran</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="198"/>
        <source> (förlängd)</source>
        <translation> (extended)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="201"/>
        <source>Skäl för förlängning</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="203"/>
        <source>Skäl för avslag</source>
        <translation>Reason for the rejection</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="204"/>
        <location filename="../../desktop/ui/new_visit.py" line="107"/>
        <source>Id-handling</source>
        <translation>ID document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="225"/>
        <source>Gäller från och med %1</source>
        <translation>In force from %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="99"/>
        <source>Kompletterande utdrag lämnades ut</source>
        <translation>Supplementary extract handed over</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_overview.py" line="129"/>
        <source>%Ln rader</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="23"/>
        <source>samla in uppgifterna (F5)</source>
        <translation>gather the data (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="24"/>
        <source>insamlingen pågår</source>
        <translation>the gather is running</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="25"/>
        <source>samla in uppgifterna igen (F5) – de finns inte längre i programmet</source>
        <translation>gather the data again (F5) – it is no longer in the program</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="26"/>
        <source>besvara den manuella kontrollen: %1</source>
        <translation>answer the manual check: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="27"/>
        <source>%1 system kunde inte sökas: försök igen, eller lämna ut och komplettera sedan</source>
        <translation>%1 systems could not be searched: try again, or hand over and supplement later</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/next_steps.py" line="29"/>
        <source>avgör %Ln möjliga träffar i granskningen</source>
        <translation>
            <numerusform>decide %Ln possible match in the review</numerusform>
            <numerusform>decide %Ln possible matches in the review</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="31"/>
        <source>godkänn utdraget</source>
        <translation>approve the extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="31"/>
        <source>en granskare godkänner utdraget</source>
        <translation>an approver approves the extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="33"/>
        <source>lämna ut utdraget: skriv ut eller spara (3. Utlämning)</source>
        <translation>hand over the extract: print or save (3. Delivery)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="34"/>
        <source>registrera vad som gjordes: %1</source>
        <translation>record what was done: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="35"/>
        <source>kompletterande utdrag: %1 (F5)</source>
        <translation>supplementary extract: %1 (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="36"/>
        <source>stoppet är inte genomfört i %1: samla in igen (F5) så görs det, eller kontakta IT</source>
        <translation>the stop is not carried out in %1: gather again (F5) and it is done, or contact IT</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="38"/>
        <source>meddela mottagaren att uppgifterna ändrats eller raderats (artikel 19): %1</source>
        <translation>tell the recipient that the data was changed or erased (Article 19): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="39"/>
        <source>se till att det görs för hand i %1 och markera det som gjort (4. Åtgärder)</source>
        <translation>have it done by hand in %1 and mark it done (4. Actions)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="41"/>
        <source>raderingen är inte helt genomförd i %1: uppgifter finns kvar som inget skäl att spara omfattar – radera dem (eller låt IT rätta åtgärden) och samla in igen (F5)</source>
        <translation>the erasure is not complete in %1: data remains that no ground for keeping covers – erase it (or have IT correct the action) and gather again (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="44"/>
        <source>avsluta ärendet – allt är lämnat</source>
        <translation>close the case – everything is handed over</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="44"/>
        <source>avsluta ärendet</source>
        <translation>close the case</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="45"/>
        <source>ge besökaren beslutet om avslag med skälen (Brev …)</source>
        <translation>give the visitor the refusal and its reasons (Letter …)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="47"/>
        <source>ge besökaren beskedet om förlängd svarstid med skälen senast %1 (Brev …)</source>
        <translation>tell the visitor of the extension and its reasons by %1 (Letter …)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/next_steps.py" line="82"/>
        <source>Nästa steg: %1.</source>
        <translation>Next steps: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="267"/>
        <source>Kunde inte genomföras i %1: %2. Det gäller ändå från i dag – ärendet har det kvar: samla in igen (F5) eller kontakta IT.</source>
        <translation>Could not be carried out in %1: %2. It applies from today all the same – the case still owes it: gather again (F5) or contact IT.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="307"/>
        <source>Möjliga träffar</source>
        <translation>Possible matches</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_page.py" line="311"/>
        <source>%Ln möjliga träffar är inte avgjorda. Lämna dem utanför utdraget? Utdraget säger då hur många som inte är med och varför.</source>
        <translation>
            <numerusform>%Ln possible match is not decided. Leave it out of the extract? The extract then says that it is not included and why.</numerusform>
            <numerusform>%Ln possible matches are not decided. Leave them out of the extract? The extract then says how many are not included and why.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="317"/>
        <source>Lämna utanför och fortsätt</source>
        <translation>Leave out and continue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="318"/>
        <source>Granska dem först</source>
        <translation>Review them first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="328"/>
        <source>Följer senare – den manuella kontrollen är inte besvarad: %1</source>
        <translation>Follows later – the manual check is not answered: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="329"/>
        <source>Följer senare – systemet kunde inte sökas: %1</source>
        <translation>Follows later – the system could not be searched: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="330"/>
        <source>Stoppet är inte genomfört i %1</source>
        <translation>The stop is not carried out in %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="331"/>
        <source>Begäran är inte genomförd i %1 (4. Åtgärder)</source>
        <translation>The request is not carried out in %1 (4. Actions)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="332"/>
        <source>Det som görs för hand är inte gjort i %1 (4. Åtgärder)</source>
        <translation>What is done by hand is not done in %1 (4. Actions)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="333"/>
        <source>Mottagaren har inte fått besked (artikel 19): %1</source>
        <translation>The recipient has not been told (Article 19): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="334"/>
        <source>Raderingen är inte helt genomförd i %1 (4. Åtgärder)</source>
        <translation>The erasure is not complete in %1 (4. Actions)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="347"/>
        <source>Godkännande av granskare</source>
        <translation>Approval by an approver</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="474"/>
        <source>Inget ärende är öppet.</source>
        <translation>No case is open.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="57"/>
        <source>Inget att göra: besökaren har ingen känd %1 här</source>
        <translation>Nothing to do: the visitor has no known %1 here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="59"/>
        <source>Misslyckades – ärendet har det kvar: %1</source>
        <translation>Failed – the case still owes it: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="61"/>
        <source>Ändras när det godkänts</source>
        <translation>Changed once approved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="61"/>
        <source>Tjänsten anropas när det godkänts</source>
        <translation>The service is called once approved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="63"/>
        <source>Genomfört – inget att ändra här</source>
        <translation>Done – nothing to change here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="64"/>
        <source>Genomfört</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="69"/>
        <source>Inte räknat: besökaren har ingen känd %1 här</source>
        <translation>Not counted: the visitor has no known %1 here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="71"/>
        <source>Kunde inte räknas: %1</source>
        <translation>Could not be counted: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="85"/>
        <source>Åtgärder i systemen</source>
        <translation>Actions in the systems</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="94"/>
        <source>Förhandsgranska vad begäran gör i systemen. Inget ändras förrän det godkänts.</source>
        <translation>Preview what the request does in the systems. Nothing changes until it is approved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="98"/>
        <location filename="../../desktop/ui/actions_view.py" line="102"/>
        <source>Vad som görs</source>
        <translation>What is done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="98"/>
        <location filename="../../desktop/ui/actions_view.py" line="102"/>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="99"/>
        <source>Vad begäran gör i varje system</source>
        <translation>What the request does in each system</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="101"/>
        <source>Det här görs för hand, där Insyn inte kan ändra systemet:</source>
        <translation>Done by hand, where Insyn cannot change the system:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="102"/>
        <source>Så här</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="103"/>
        <source>Åtgärder som görs för hand</source>
        <translation>Actions done by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="105"/>
        <source>Markerad åtgärd är gjord …</source>
        <translation>The selected action is done …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="107"/>
        <source>Registrera vem som gjorde den markerade åtgärden och hur</source>
        <translation>Record who did the selected action and how</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="109"/>
        <source>Det här sparas, och varför:</source>
        <translation>This is kept, and why:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="111"/>
        <source>Sparas</source>
        <translation>Kept</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="111"/>
        <source>Skäl</source>
        <translation>Ground</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="111"/>
        <source>Till</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="113"/>
        <source>Uppgifter som sparas och skälet</source>
        <translation>Data kept and the ground</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="116"/>
        <source>Förhandsgranska (F6)</source>
        <translation>Preview (F6)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="119"/>
        <source>Räkna vad som ändras i varje system och vad som sparas; inget ändras</source>
        <translation>Count what changes in each system and what is kept; nothing changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="120"/>
        <source>Godkänn och genomför …</source>
        <translation>Approve and carry out …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="122"/>
        <source>En granskare godkänner förhandsgranskningen; sedan ändras systemen</source>
        <translation>An approver approves the preview; then the systems are changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="127"/>
        <source>Mottagare som ska få besked (artikel 19):</source>
        <translation>Recipients to be told (Article 19):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="128"/>
        <source>Mottagare</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="129"/>
        <source>Mottagare som ska få besked</source>
        <translation>Recipients to be told</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="131"/>
        <source>Markerad mottagare har fått besked …</source>
        <translation>The selected recipient has been told …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="133"/>
        <source>Registrera hur den markerade mottagaren fick beskedet</source>
        <translation>Record how the selected recipient was told</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="174"/>
        <source>Räknar i systemen …</source>
        <translation>Counting in the systems …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="181"/>
        <source>Rättelse</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="183"/>
        <source>Skriv det rätta värdet för det som ska rättas. Lämna resten tomt.</source>
        <translation>Write the correct value for what is to be corrected. Leave the rest empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="204"/>
        <source>Förhandsgranskning: inget är ändrat. Godkänn för att genomföra.</source>
        <translation>Preview: nothing has changed. Approve to carry it out.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="253"/>
        <source>Genomför i systemen och söker i dem igen …</source>
        <translation>Carrying out in the systems and searching them again …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="264"/>
        <source>Genomfört i systemen.</source>
        <translation>Carried out in the systems.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="266"/>
        <source>Några system kunde inte ändras och är kvar att göra (%1).</source>
        <translation>Some systems could not be changed and are still to be done (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="272"/>
        <source>%1 kunde inte sökas igen efter raderingen: samla in igen (F5).</source>
        <translation>%1 could not be searched again after the erasure: gather again (F5).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/actions_view.py" line="276"/>
        <source>Raderingen är inte helt genomförd i %1: %Ln uppgifter finns kvar som inget skäl att spara omfattar.</source>
        <translation>
            <numerusform>The erasure is not complete in %1: %Ln item remains that no ground for keeping covers.</numerusform>
            <numerusform>The erasure is not complete in %1: %Ln items remain that no ground for keeping covers.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="293"/>
        <source>tjänsten anropas</source>
        <translation>the service is called</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="298"/>
        <source>sparas: %1</source>
        <translation>kept: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="311"/>
        <source>Godkännande av åtgärder</source>
        <translation>Approval of the actions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="314"/>
        <location filename="../../desktop/ui/case_page.py" line="350"/>
        <source>Godkänn</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="330"/>
        <source>Gjort</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="330"/>
        <source>Ska göras</source>
        <translation>To be done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="337"/>
        <source>Vad gjordes, och av vem? (%1)</source>
        <translation>What was done, and by whom? (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="338"/>
        <source>Åtgärd gjord för hand</source>
        <translation>Action done by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="381"/>
        <source>Hur fick %1 beskedet (e-post, portal, brev …)?</source>
        <translation>How was %1 told (e-mail, portal, letter …)?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="382"/>
        <source>Besked till mottagare</source>
        <translation>Notice to a recipient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="386"/>
        <source>Spara kvittot</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="422"/>
        <source>Spara brevet</source>
        <translation>Save the letter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="98"/>
        <source>Förläng svarstiden</source>
        <translation>Extend the deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="97"/>
        <source>Avslå begäran</source>
        <translation>Reject the request</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="99"/>
        <source>Återkalla ärendet</source>
        <translation>Withdraw the case</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_overview.py" line="244"/>
        <source>Vad gjordes? (%1)</source>
        <translation>What was done? (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="498"/>
        <source>utfall för %1</source>
        <translation>the outcome of %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="500"/>
        <source>svar från %1</source>
        <translation>the answer from %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="502"/>
        <source>stoppet i %1</source>
        <translation>the stop in %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="504"/>
        <source>åtgärden i %1</source>
        <translation>the action in %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="506"/>
        <source>det som görs för hand i %1</source>
        <translation>what is done by hand in %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="508"/>
        <source>besked till mottagaren %1 (artikel 19)</source>
        <translation>notice to the recipient %1 (Article 19)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="510"/>
        <source>resten av raderingen i %1</source>
        <translation>the rest of the erasure in %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="513"/>
        <source>beslutet om avslag</source>
        <translation>the refusal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="513"/>
        <source>beskedet om förlängd svarstid</source>
        <translation>the notice of the extension</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="516"/>
        <source>kompletterande utdrag för %1</source>
        <translation>a supplementary extract for %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="518"/>
        <source>registerutdraget</source>
        <translation>the data extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="34"/>
        <source>Registerutdrag (art. 15)</source>
        <translation>Access – data extract (Art. 15)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="35"/>
        <source>Rättelse (art. 16)</source>
        <translation>Rectification (Art. 16)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="36"/>
        <source>Radering (art. 17)</source>
        <translation>Erasure (Art. 17)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="37"/>
        <source>Begränsning (art. 18)</source>
        <translation>Restriction (Art. 18)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="38"/>
        <source>Dataportabilitet (art. 20)</source>
        <translation>Data portability (Art. 20)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="39"/>
        <source>Invändning (art. 21)</source>
        <translation>Objection (Art. 21)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="40"/>
        <source>Stopp för direktmarknadsföring (art. 21)</source>
        <translation>Stop direct marketing (Art. 21)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="41"/>
        <source>Återkalla samtycke (art. 7.3)</source>
        <translation>Withdraw consent (Art. 7(3))</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="47"/>
        <source>Mottaget</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="48"/>
        <source>Identitet kontrollerad</source>
        <translation>Identity verified</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="49"/>
        <source>Insamling</source>
        <translation>Gathering</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="50"/>
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="51"/>
        <source>Klart att lämna ut</source>
        <translation>Ready to deliver</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="52"/>
        <source>Utlämnat</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="53"/>
        <source>Avslutat</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="54"/>
        <source>Avslaget</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="55"/>
        <source>Återkallat</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="61"/>
        <source>Nationellt id-kort</source>
        <translation>National identity card</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="62"/>
        <source>Svenskt pass</source>
        <translation>Swedish passport</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="63"/>
        <source>Svenskt körkort</source>
        <translation>Swedish driving licence</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="64"/>
        <source>Id-kort (SIS-märkt)</source>
        <translation>Identity card (SIS)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="65"/>
        <source>Skatteverkets id-kort</source>
        <translation>Swedish Tax Agency identity card</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="66"/>
        <source>Tjänstekort</source>
        <translation>Service card</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="67"/>
        <source>Utländskt pass</source>
        <translation>Foreign passport</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="68"/>
        <source>Utländskt id-kort (EU/EES)</source>
        <translation>Foreign identity card (EU/EEA)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="69"/>
        <source>Annan handling</source>
        <translation>Other document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="70"/>
        <source>Ingen giltig id-handling – svaret skickas per post till folkbokföringsadressen</source>
        <translation>No valid ID document – the answer is sent by post to the population-register address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="116"/>
        <source>Skriv personnumret.</source>
        <translation>Type the personal identity number.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="117"/>
        <source>Skriv som ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN.</source>
        <translation>Type it as YYMMDD-NNNN or YYYYMMDD-NNNN.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="118"/>
        <source>Personnumret ska ha 10 eller 12 siffror.</source>
        <translation>The number must have 10 or 12 digits.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="119"/>
        <source>Plustecken används bara med tio siffror (över 100 år).</source>
        <translation>A plus sign is only used with ten digits (over 100 years of age).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="120"/>
        <source>Födelsedatumet finns inte.</source>
        <translation>The date of birth does not exist.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="121"/>
        <source>Födelsedatumet ligger i framtiden.</source>
        <translation>The date of birth lies in the future.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="122"/>
        <source>Födelsenumret 000 delas aldrig ut.</source>
        <translation>Birth number 000 is never issued.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="123"/>
        <source>Kontrollsiffran stämmer inte – kontrollera siffrorna.</source>
        <translation>The check digit is wrong – check the digits.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="124"/>
        <source>Personnumret är inte giltigt.</source>
        <translation>The personal identity number is not valid.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="135"/>
        <source>Det ger %1 år – äldre än någon som lever. Kontrollera + eller - och århundradet.</source>
        <translation>That makes %1 years – older than anyone living. Check the + or - and the century.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="138"/>
        <source>Det ger %1 år (plustecken). Kontrollera att det stämmer.</source>
        <translation>That makes %1 years (plus sign). Check that this is right.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="150"/>
        <source>Id-handlingen har gått ut och kan inte godtas.</source>
        <translation>The ID document has expired and cannot be accepted.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="151"/>
        <source>Skriv när id-handlingen går ut, som det står på den.</source>
        <translation>Enter the ID document&apos;s expiry date as printed on it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="161"/>
        <source>Välj vilken sorts id-handling det är.</source>
        <translation>Choose what kind of ID document it is.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="162"/>
        <source>Utfärdarlandet stämmer inte med handlingens typ.</source>
        <translation>The issuing country does not fit the type of document.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="163"/>
        <source>Skriv minst de fyra sista tecknen i handlingens nummer.</source>
        <translation>Type at least the last four characters of the document number.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="164"/>
        <source>Beskriv handlingen när typen är ”Annan handling”.</source>
        <translation>Describe the document when its type is “Other document”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="165"/>
        <source>Beskrivningen är för lång (högst %1 tecken).</source>
        <translation>The description is too long (at most %1 characters).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="166"/>
        <source>Giltighetstiden är mer än %1 år framåt. Kontrollera årtalet.</source>
        <translation>The expiry date is more than %1 years ahead. Check the year.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="183"/>
        <source>Namnet är för långt (högst %1 tecken).</source>
        <translation>The name is too long (at most %1 characters).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="186"/>
        <source>Texten är för lång (högst %1 tecken).</source>
        <translation>The text is too long (at most %1 characters).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="190"/>
        <source>Högst %1 uppgifter att söka på per ärende.</source>
        <translation>At most %1 details to search by per case.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="294"/>
        <source>Skriv vad som hittades och varför det godtas (minst %1 tecken).</source>
        <translation>Write what was found and why it is accepted (at least %1 characters).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="169"/>
        <source>Skriv namnet som det står på id-handlingen.</source>
        <translation>Type the name as it stands on the ID document.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="71"/>
        <source>Ingen egen id-handling – företräds (vårdnadshavare, god man eller ombud)</source>
        <translation>No ID of their own – represented (guardian, trustee or representative)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="78"/>
        <source>Ombud med fullmakt</source>
        <translation>Representative with a power of attorney</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="88"/>
        <source>Besökaren: </source>
        <translation>The visitor: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="90"/>
        <source>Vårdnadshavaren: </source>
        <translation>The guardian: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="91"/>
        <source>Gode mannen eller förvaltaren: </source>
        <translation>The trustee or administrator: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="92"/>
        <source>Företrädaren: </source>
        <translation>The representative: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="100"/>
        <source>Skriv adressen: gatuadress, sedan postnummer och ort.</source>
        <translation>Write the address: street, then postcode and town.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="101"/>
        <source>En adress har 2–%1 rader: gatuadress (och c/o), sist postnummer och ort.</source>
        <translation>An address has 2–%1 lines: street (and c/o), postcode and town last.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="104"/>
        <source>En adressrad får ha högst %1 tecken.</source>
        <translation>An address line may have at most %1 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="105"/>
        <source>Sista raden ska vara postnummer och ort, till exempel ”123 45 Stad”.</source>
        <translation>The last line must be the postcode and town, e.g. “123 45 Town”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="106"/>
        <source>Adressen innehåller osynliga tecken eller styrtecken.</source>
        <translation>The address holds invisible or control characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="107"/>
        <source>En adress sparas bara när svaret skickas per post (ingen id-handling visades).</source>
        <translation>An address is kept only when the answer goes by post (no ID was shown).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="108"/>
        <source>Systemet har ingen adress till besökaren i de insamlade uppgifterna.</source>
        <translation>That system holds no address for the visitor in the data gathered.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="109"/>
        <source>Ärendet är avslutat; adressen kan inte ändras.</source>
        <translation>The case is closed; the address cannot be changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="110"/>
        <source>Kontrollera adressen.</source>
        <translation>Check the address.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="152"/>
        <source>Den som företräder besökaren måste visa en giltig id-handling.</source>
        <translation>Whoever represents the visitor must show a valid ID document.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="154"/>
        <source>Utan egen id-handling måste besökaren företrädas: fyll i vårdnadshavaren, gode mannen eller ombudet nedan.</source>
        <translation>Without an ID of their own the visitor must be represented: fill in the guardian, trustee or representative below.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="157"/>
        <source>En företrädare med giltig id-handling är här: svaret lämnas till hen. Välj ”Ingen egen id-handling – företräds” för besökaren.</source>
        <translation>A representative with a valid ID is here: the answer is given to them. Choose “No ID of their own – represented” for the visitor.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="160"/>
        <source>Skriv vad fullmakten omfattar, som det står i den.</source>
        <translation>Write what the power of attorney covers, as it says.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="170"/>
        <source>Maskinläsbara zonen stämmer inte med det som skrivits in.</source>
        <translation>The machine-readable zone disagrees with what was typed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="171"/>
        <source>En kontrollsiffra i maskinläsbara zonen är fel – läs in den igen.</source>
        <translation>A check digit in the machine-readable zone is wrong – read it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="172"/>
        <source>Maskinläsbara zonen ska vara 2 rader à 44 eller 3 rader à 30 tecken.</source>
        <translation>The machine-readable zone has 2 lines of 44 or 3 lines of 30 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="173"/>
        <source>Maskinläsbara zonen innehåller otillåtna tecken.</source>
        <translation>The machine-readable zone holds characters it may not.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="174"/>
        <source>Uppgifterna om fullmakten eller vårdnaden är ofullständiga.</source>
        <translation>The power of attorney or guardianship details are incomplete.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="181"/>
        <location filename="../../desktop/ui/common.py" line="258"/>
        <source>Välj minst en begäran.</source>
        <translation>Choose at least one request.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="182"/>
        <location filename="../../desktop/ui/common.py" line="259"/>
        <source>Skriv vad besökaren begär.</source>
        <translation>Write what the visitor asks for.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="184"/>
        <source>Namnet innehåller osynliga tecken eller styrtecken. Skriv det som på id-handlingen.</source>
        <translation>The name contains invisible or control characters. Type it as on the ID document.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="185"/>
        <source>Namnet måste innehålla bokstäver.</source>
        <translation>The name must contain letters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="187"/>
        <source>Texten innehåller osynliga tecken eller styrtecken.</source>
        <translation>The text contains invisible or control characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="188"/>
        <source>Det här går inte att söka på – kontrollera e-postadressen, telefonnumret eller numret.</source>
        <translation>This cannot be searched by – check the e-mail address, phone number or number.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="189"/>
        <source>Systemen kan inte sökas på den här sortens uppgift.</source>
        <translation>The systems cannot be searched by this kind of identifier.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="192"/>
        <source>Besökaren har redan ett öppet ärende. Lägg till begäran i det, eller ange varför ett nytt ärende behövs.</source>
        <translation>The visitor already has an open case. Add the request to it, or say why a new case is needed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="194"/>
        <source>Ange varför ett nytt ärende behövs.</source>
        <translation>Say why a new case is needed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="196"/>
        <source>Kontrollera uppgiften.</source>
        <translation>Check this field.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="213"/>
        <source>Utdraget är inte godkänt ännu. Det kan förhandsgranskas men inte lämnas ut.</source>
        <translation>The extract has not been approved yet. It can be previewed but not handed over.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="214"/>
        <source>Utdraget har ändrats sedan det togs fram. Ta fram det igen.</source>
        <translation>The extract has changed since it was produced. Produce it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="215"/>
        <source>En granskare måste godkänna utdraget.</source>
        <translation>An approver must approve the extract.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="216"/>
        <source>Ärendet är inte avslaget; det finns inget beslut att skriva om.</source>
        <translation>The case was not refused; there is no decision to write about.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="217"/>
        <source>Svarstiden är inte förlängd.</source>
        <translation>The time to answer has not been extended.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="218"/>
        <source>Ärendet har ingen annan begäran än registerutdrag.</source>
        <translation>The case has no request besides access.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="219"/>
        <source>Ärendets personuppgifter är gallrade; inget brev kan skrivas.</source>
        <translation>The case&apos;s personal data has been purged; no letter can be written.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="220"/>
        <source>Välj hur besökaren får brevet.</source>
        <translation>Choose how the visitor gets the letter.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="222"/>
        <source>Några möjliga träffar är inte avgjorda. Bekräfta eller uteslut dem i granskningen, eller lämna dem utanför (utdraget säger då hur många som inte är med).</source>
        <translation>Some possible matches are not decided. Confirm or exclude them in the review, or leave them out (the extract then says how many are not included).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="226"/>
        <source>En granskare måste godkänna förhandsgranskningen innan systemen ändras.</source>
        <translation>An approver must approve the preview before the systems are changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="227"/>
        <source>Inga åtgärder är inställda för ärendets begäranden.</source>
        <translation>No actions are configured for the case&apos;s requests.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="228"/>
        <source>Skriv vad som gjordes och av vem (till exempel: HR raderade ansökan).</source>
        <translation>Write what was done and by whom (for example: HR erased the application).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="229"/>
        <source>Den åtgärden väntar inte på något i det här ärendet.</source>
        <translation>That action is not waiting for anything in this case.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="230"/>
        <source>Skriv hur mottagaren fick beskedet (e-post, deras portal, brev …).</source>
        <translation>Write how the recipient was told (e-mail, their portal, a letter …).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="231"/>
        <source>Den mottagaren väntar inte på något besked i det här ärendet.</source>
        <translation>That recipient is not waiting for a notice in this case.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="233"/>
        <source>Skriv skälet till förlängningen – besökaren får veta det.</source>
        <translation>Write the reason for the extension – the visitor is told.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="234"/>
        <source>Skriv skälet till avslaget – besökaren får veta det.</source>
        <translation>Write the reason for the refusal – the visitor is told.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="236"/>
        <source>Inget av det som utdraget lovade har något svar ännu (den manuella kontrollen är obesvarad eller systemet svarar fortfarande inte). Ett kompletterande utdrag skulle inte ge besökaren något nytt.</source>
        <translation>Nothing the extract promised has an answer yet (the manual check is unanswered or the system still does not respond). A supplementary extract would give the visitor nothing new.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="239"/>
        <source>Organisationen låter en granskare besluta om avslag: granskaren skriver under.</source>
        <translation>The organisation has an approver decide refusals: the approver signs.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="240"/>
        <source>Besökaren har inte fått allt ännu. Ange ett skäl för att avsluta ändå.</source>
        <translation>The visitor has not received everything yet. Give a reason to close anyway.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="244"/>
        <source>Den maskinläsbara kopian togs inte fram. Ta fram utdraget igen.</source>
        <translation>The machine-readable copy was not produced. Produce the extract again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="245"/>
        <source>Svaret skickas på papper per post till adressen i folkbokföringen; ingen fil lämnas ut.</source>
        <translation>The answer is sent on paper by post to the address in the population register; no file is handed over.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="246"/>
        <source>Det finns inget sådant brev.</source>
        <translation>There is no such letter.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="247"/>
        <source>Ärendet finns inte.</source>
        <translation>The case does not exist.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="248"/>
        <location filename="../../desktop/ui/common.py" line="305"/>
        <source>Det går inte i ärendets nuvarande läge.</source>
        <translation>That is not possible in the case’s current state.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="249"/>
        <source>Uppgifterna kan inte samlas in i ärendets nuvarande läge.</source>
        <translation>The data cannot be gathered in the case&apos;s present state.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="250"/>
        <source>Det systemet kontrolleras inte manuellt.</source>
        <translation>That system is not checked by hand.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="251"/>
        <source>Skriv vad som finns, som det ska stå i utdraget.</source>
        <translation>Write what there is, as it should read in the extract.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="253"/>
        <source>Ärenderegistret slutade svara under insamlingen; inget av den sparades. Försök igen när det svarar.</source>
        <translation>The case register stopped answering during the gather; nothing of it was saved. Try again when it answers.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="255"/>
        <source>Ärendets personuppgifter är gallrade; inget kvitto kan skrivas.</source>
        <translation>The case&apos;s personal data has been purged; no receipt can be made.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="256"/>
        <source>Skriv vad som gjordes.</source>
        <translation>Write what was done.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="257"/>
        <source>Ärendet har ingen sådan begäran.</source>
        <translation>The case has no such request.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="260"/>
        <source>Ärendet är avslutat; inget kan läggas till.</source>
        <translation>The case is closed; nothing can be added.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="261"/>
        <source>Ärendet har redan den begäran.</source>
        <translation>The case already has that request.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="263"/>
        <source>Svarstiden kan inte förlängas: det går en gång, med skäl, och bara inom den första månaden.</source>
        <translation>The time limit cannot be extended: it can be done once, with reasons, and only within the first month.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="265"/>
        <source>Välj varför ärendet återkallas.</source>
        <translation>Choose why the case is withdrawn.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="267"/>
        <source>Filen kunde inte skrivas (mappen saknas, är skrivskyddad eller full, eller namnet är upptaget). Inget är registrerat som utlämnat.</source>
        <translation>The file could not be written (the folder is missing, read-only or full, or the name is taken). Nothing is recorded as handed over.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="271"/>
        <source>Insyn behöver den filen (ärenderegistret, inställningarna, ett källsystem eller loggen). Välj ett annat namn. Inget är registrerat som utlämnat.</source>
        <translation>Insyn needs that file (the case register, the settings, a source system or the log). Choose another name. Nothing has been recorded as handed over.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="274"/>
        <source>Det finns redan en fil med det namnet. Välj ett annat namn.</source>
        <translation>A file with that name already exists. Choose another name.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="275"/>
        <source>Lösenordet måste ha minst %1 tecken.</source>
        <translation>The password must have at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="278"/>
        <source>Det kontot finns inte.</source>
        <translation>That account does not exist.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="279"/>
        <source>Ett konto behöver minst en roll.</source>
        <translation>An account needs at least one role.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="281"/>
        <source>Du kan inte stänga av ditt eget konto.</source>
        <translation>You cannot deactivate your own account.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="282"/>
        <source>Okänd roll.</source>
        <translation>Unknown role.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="283"/>
        <location filename="../../desktop/ui/common.py" line="297"/>
        <source>Det får bara en administratör göra.</source>
        <translation>Only an administrator may do that.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="284"/>
        <source>Svaret skickas per post till adressen i folkbokföringen.</source>
        <translation>The answer goes by post to the address in the population register.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="285"/>
        <location filename="../../desktop/ui/common.py" line="286"/>
        <source>Skriv in eller bekräfta adressen i folkbokföringen först (Översikt).</source>
        <translation>Type or confirm the population-register address first (Overview).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="287"/>
        <source>Samla in uppgifterna först (F5): åtgärderna behöver besökarens uppgifter.</source>
        <translation>Gather the data first (F5): the actions need the visitor&apos;s details.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="288"/>
        <source>Beslutsfilen går inte att läsa som beslut.</source>
        <translation>The decisions file cannot be read as decisions.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="289"/>
        <source>Beslutsfilen nämner uppgifter som inte finns i det som samlades in nu.</source>
        <translation>The decisions file names records that are not in the data gathered now.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="290"/>
        <source>Beslutsfilen vill maskera ett fält som uppgiften inte har.</source>
        <translation>The decisions file masks a field the record does not have.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="292"/>
        <source>En myndighet kan inte hålla inne utkast och minnesanteckningar med stöd av dataskyddslagen 5 kap. 2 §.</source>
        <translation>An authority cannot withhold drafts and notes under the Data Protection Act, chapter 5, section 2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="298"/>
        <source>Ditt konto har inte rollen Reception: det kan inte registrera eller handlägga ärenden.</source>
        <translation>Your account does not have the Reception role: it cannot register or handle cases.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="299"/>
        <source>Ditt konto har inte rollen Granskare.</source>
        <translation>Your account does not have the Approver role.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="300"/>
        <source>Värdet är inte tillåtet för den regeln.</source>
        <translation>The value is not allowed for that rule.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="311"/>
        <source>Det gick inte att genomföra. Försök igen, eller be IT titta i loggen.</source>
        <translation>It could not be done. Try again, or ask IT to look in the log.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="243"/>
        <source>För många felaktiga lösenord. Försök igen om en stund.</source>
        <translation>Too many wrong passwords. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="76"/>
        <source>Väntar</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="77"/>
        <source>Söker …</source>
        <translation>Searching …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="78"/>
        <source>Inget hittat</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="79"/>
        <source>Misslyckades</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="80"/>
        <source>Svarade inte i tid</source>
        <translation>Did not answer in time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="81"/>
        <source>Avbrutet</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="82"/>
        <source>Manuell kontroll</source>
        <translation>Manual check</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="332"/>
        <source>Insyn</source>
        <translation>Insyn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="56"/>
        <source>Utdragets språk</source>
        <translation>The extract&apos;s language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="160"/>
        <location filename="../../desktop/ui/deliver_view.py" line="57"/>
        <location filename="../../desktop/ui/letter_dialog.py" line="37"/>
        <source>Svenska</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="161"/>
        <location filename="../../desktop/ui/deliver_view.py" line="58"/>
        <location filename="../../desktop/ui/letter_dialog.py" line="38"/>
        <source>Engelska</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="59"/>
        <source>Förhandsgranska utdraget</source>
        <translation>Preview the extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="60"/>
        <source>Visa utdraget som det blir; före godkännandet är det ett utkast</source>
        <translation>Show the extract as it will be; before the approval it is a draft</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="62"/>
        <source>Skriv ut … (Ctrl+P)</source>
        <translation>Print … (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="64"/>
        <source>Skriv ut det godkända utdraget; utlämningen registreras när hela utskriften har gått iväg</source>
        <translation>Print the approved extract; the delivery is recorded when the whole print job has gone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="67"/>
        <location filename="../../desktop/ui/letter_dialog.py" line="49"/>
        <location filename="../../desktop/ui/report_dialog.py" line="59"/>
        <source>Spara som PDF …</source>
        <translation>Save as PDF …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="68"/>
        <source>Spara det godkända utdraget som PDF</source>
        <translation>Save the approved extract as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="70"/>
        <source>Maskinläsbar kopia (ZIP) …</source>
        <translation>Machine-readable copy (ZIP) …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="71"/>
        <source>Uppgifterna som CSV och JSON i en ZIP-fil (art. 20)</source>
        <translation>The data as CSV and JSON in a ZIP file (Art. 20)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="74"/>
        <source>Språk:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="84"/>
        <location filename="../../desktop/ui/deliver_view.py" line="144"/>
        <location filename="../../desktop/ui/deliver_view.py" line="149"/>
        <source>Granska och godkänn först; sedan visas utdraget här.</source>
        <translation>Review and approve first; the extract then appears here.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="90"/>
        <source>Förhandsgranskning av utdraget</source>
        <translation>Preview of the extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="96"/>
        <source>◀ Föregående sida (PgUp)</source>
        <translation>◀ Previous page (PgUp)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="97"/>
        <source>Föregående sida i förhandsgranskningen</source>
        <translation>Previous page of the preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="98"/>
        <source>Nästa sida (PgDn) ▶</source>
        <translation>Next page (PgDn) ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="99"/>
        <source>Nästa sida i förhandsgranskningen</source>
        <translation>Next page of the preview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="158"/>
        <source>Utdraget tas fram …</source>
        <translation>Producing the extract …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="196"/>
        <source>Utdraget har %1 sidor. Det skickas per post: skriv in eller bekräfta adressen i folkbokföringen först (Översikt), så tas det fram med adressen.</source>
        <translation>The extract has %1 pages. It goes by post: type or confirm the population-register address first (Overview), and it is made again with the address.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="201"/>
        <source>Utdraget har %1 sidor. Skriv ut det eller spara det.</source>
        <translation>The extract has %1 pages. Print it or save it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="207"/>
        <source>Utkast – ej godkänt. Utdraget har %1 sidor; det kan lämnas ut först när det är godkänt.</source>
        <translation>Draft – not approved. The extract has %1 pages; it can be handed over once it is approved.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/deliver_view.py" line="216"/>
        <source>%Ln möjliga träffar är inte avgjorda.</source>
        <translation>
            <numerusform>%Ln possible match is not decided.</numerusform>
            <numerusform>%Ln possible matches are not decided.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/deliver_view.py" line="222"/>
        <source>%Ln möjliga träffar lämnas utanför; utdraget säger det.</source>
        <translation>
            <numerusform>%Ln possible match is left out; the extract says so.</numerusform>
            <numerusform>%Ln possible matches are left out; the extract says so.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="232"/>
        <source>Sida %1 av %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="238"/>
        <location filename="../../desktop/ui/deliver_view.py" line="239"/>
        <source>Utdraget kunde inte tas fram.</source>
        <translation>The extract could not be produced.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="248"/>
        <source>Utlämningen är registrerad. De insamlade uppgifterna är släppta; utdraget finns kvar här för fler kopior tills du lämnar ärendet.</source>
        <translation>The delivery is recorded. The gathered data has been let go; the extract stays here for more copies until you leave the case.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="291"/>
        <source>Skriver ut … (Esc avbryter)</source>
        <translation>Printing … (Esc stops)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="308"/>
        <source>Skriver ut sida %1 av %2 … (Esc avbryter)</source>
        <translation>Printing page %1 of %2 … (Esc stops)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="327"/>
        <source>Sidorna %1–%2 skrevs ut som en kopia. Utdraget är inte utlämnat förrän hela har skrivits ut.</source>
        <translation>Pages %1–%2 were printed as a copy. The extract is not handed over until all of it has been printed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="339"/>
        <source>Utskriften avbröts. Inget är registrerat som utlämnat.</source>
        <translation>The print was stopped. Nothing is recorded as delivered.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="341"/>
        <location filename="../../desktop/ui/deliver_view.py" line="342"/>
        <source>Utskriften misslyckades.</source>
        <translation>The print failed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_page.py" line="383"/>
        <location filename="../../desktop/ui/case_page.py" line="418"/>
        <location filename="../../desktop/ui/deliver_view.py" line="315"/>
        <location filename="../../desktop/ui/deliver_view.py" line="316"/>
        <source>Skrivaren kunde inte startas.</source>
        <translation>The printer could not be started.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="369"/>
        <source>Spara utdraget</source>
        <translation>Save the extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/deliver_view.py" line="377"/>
        <source>Spara maskinläsbar kopia</source>
        <translation>Save the machine-readable copy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="74"/>
        <source>Klart – %1</source>
        <translation>Done – %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="83"/>
        <source>Inte sökt</source>
        <translation>Not searched</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="89"/>
        <source>Saknar %1 att söka på</source>
        <translation>No %1 to search by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="89"/>
        <source> eller </source>
        <translation> or </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="104"/>
        <source>Uppgifter finns</source>
        <translation>Data found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="105"/>
        <source>Inget finns</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="112"/>
        <source>Vad som finns, som det ska stå i utdraget</source>
        <translation>What was found, as it should read in the extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="113"/>
        <source>Spara svar</source>
        <translation>Save answer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="153"/>
        <location filename="../../desktop/ui/gather_view.py" line="170"/>
        <source>Insamlingen har inte startat.</source>
        <translation>The gather has not started.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="98"/>
        <location filename="../../desktop/ui/actions_view.py" line="102"/>
        <location filename="../../desktop/ui/actions_view.py" line="111"/>
        <location filename="../../desktop/ui/actions_view.py" line="128"/>
        <location filename="../../desktop/ui/gather_view.py" line="173"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="173"/>
        <source>Orsak</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="180"/>
        <source>Starta insamling (F5)</source>
        <translation>Start gathering (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="215"/>
        <location filename="../../desktop/ui/gather_view.py" line="183"/>
        <source>Avbryt (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="186"/>
        <source>Försök igen med misslyckade</source>
        <translation>Retry the failed ones</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="139"/>
        <source>Ärendet är avslutat. Inga uppgifter finns kvar i programmet.</source>
        <translation>The case is closed. No data is left in the program.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="111"/>
        <source>Svar från %1</source>
        <translation>Answer from %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/actions_view.py" line="293"/>
        <location filename="../../desktop/ui/gather_view.py" line="74"/>
        <location filename="../../desktop/ui/gather_view.py" line="332"/>
        <location filename="../../desktop/ui/review_view.py" line="70"/>
        <location filename="../../desktop/ui/review_view.py" line="375"/>
        <source>%Ln uppgifter</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="114"/>
        <source>Spara svaret i ärendet; det står i utdraget</source>
        <translation>Save the answer in the case; it is printed in the extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="144"/>
        <source>Utdraget lämnades ut %1. Kvar att svara om: %2. Tryck F5 för att söka där igen och ta fram ett kompletterande utdrag.</source>
        <translation>The extract was handed over on %1. Still to answer for: %2. Press F5 to search there again and produce a supplementary extract.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="148"/>
        <source>Utdraget lämnades ut %1 och uppgifterna finns inte längre i programmet.</source>
        <translation>The extract was handed over on %1 and the data is no longer in the program.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="150"/>
        <source>De insamlade uppgifterna finns inte längre i programmet. Tryck F5 för att samla in igen.</source>
        <translation>The gathered data is no longer in the program. Press F5 to gather again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="152"/>
        <source>Insamlingen har inte startat. Tryck F5.</source>
        <translation>The gather has not started. Press F5.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="173"/>
        <source>Systemen och hur sökningen gick</source>
        <translation>The systems and how the search went</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="181"/>
        <source>Sök besökarens uppgifter i organisationens system</source>
        <translation>Search the organisation&apos;s systems for the visitor&apos;s data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="184"/>
        <source>Avbryt sökningen</source>
        <translation>Cancel the search</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="187"/>
        <source>Sök igen i de system som inte svarade</source>
        <translation>Search again in the systems that did not answer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="241"/>
        <source>Inget att försöka igen.</source>
        <translation>Nothing to try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="250"/>
        <source>Söker i organisationens system …</source>
        <translation>Searching the organisation&apos;s systems …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="270"/>
        <source>Avbryter …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="289"/>
        <source>Väntar på tjänsten …</source>
        <translation>Waiting for the service …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="297"/>
        <source>Besvaras nedan</source>
        <translation>Answer below</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="297"/>
        <source>Besvarat – svaret står i utdraget</source>
        <translation>Answered – the answer is in the extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="302"/>
        <source>Tjänsten bad oss vänta en stund; vi frågar igen</source>
        <translation>The service asked us to wait a moment; we will ask again</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="305"/>
        <source>fler än %1 sidor – resten lästes inte</source>
        <translation>more than %1 pages – the rest was not read</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="307"/>
        <source>fler rader än gränsen – resten lästes inte</source>
        <translation>more rows than the limit – the rest was not read</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/gather_view.py" line="312"/>
        <source>%Ln möjliga träffar att avgöra i granskningen</source>
        <translation>
            <numerusform>%Ln possible match to decide in the review</numerusform>
            <numerusform>%Ln possible matches to decide in the review</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="331"/>
        <source>Klart: %1 från %2 system.</source>
        <translation>Done: %1 from %2 systems.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="334"/>
        <source> %1 system kunde inte sökas.</source>
        <translation> %1 systems could not be searched.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="335"/>
        <source> Besvara de manuella kontrollerna nedan.</source>
        <translation> Answer the manual checks below.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="352"/>
        <source>Insamlingen avbröts.</source>
        <translation>The gather was cancelled.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="354"/>
        <source>Insamlingen kunde inte göras.</source>
        <translation>The search could not be done.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="355"/>
        <source>Insamlingen misslyckades.</source>
        <translation>The gather failed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="368"/>
        <source>Välj om uppgifter finns eller inte.</source>
        <translation>Choose whether data was found or not.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="375"/>
        <source>Skriv vad som finns.</source>
        <translation>Write what was found.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gather_view.py" line="377"/>
        <source>Svaret är sparat i ärendet.</source>
        <translation>The answer is saved with the case.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="29"/>
        <source>Insyn – %1</source>
        <translation>Insyn – %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="40"/>
        <source>Huvudmeny</source>
        <translation>Main menu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="46"/>
        <source>Ny besökare (Ctrl+N)</source>
        <translation>New visitor (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="47"/>
        <source>Ärenden (Ctrl+L)</source>
        <translation>Cases (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="48"/>
        <source>Sök (Ctrl+F)</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="49"/>
        <source>Lås (Ctrl+Shift+L)</source>
        <translation>Lock (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="57"/>
        <location filename="../../desktop/ui/staff_dialog.py" line="40"/>
        <source>Personal</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="62"/>
        <location filename="../../desktop/ui/report_dialog.py" line="31"/>
        <location filename="../../desktop/ui/report_dialog.py" line="34"/>
        <source>Årsrapport</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="67"/>
        <source>Regler</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="84"/>
        <location filename="../../desktop/ui/main_window.py" line="261"/>
        <source>In English</source>
        <translation>På svenska</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="93"/>
        <source>%1 (%2) · Insyn %3</source>
        <translation>%1 (%2) · Insyn %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="146"/>
        <source>Utdraget är inte utlämnat</source>
        <translation>The extract has not been handed over</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="148"/>
        <source>Utdraget är godkänt men inte utlämnat. Lämnar du ärendet nu måste det godkännas igen när uppgifterna samlas in på nytt (granskningens beslut finns kvar). Lämna ärendet ändå?</source>
        <translation>The extract is approved but not handed over. If you leave the case now it must be approved again when the data is gathered again (the review&apos;s decisions are kept). Leave the case anyway?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="192"/>
        <source>Lagt till i ärende %1: %2.</source>
        <translation>Added to case %1: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="198"/>
        <source>Ärende %1 registrerat. Svara senast %2.</source>
        <translation>Case %1 registered. Answer by %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="69"/>
        <source>ÅÅMMDD-NNNN</source>
        <translation>YYMMDD-NNNN</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="88"/>
        <source>Minst de fyra sista tecknen</source>
        <translation>At least the last four characters</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="89"/>
        <source>Bara de fyra sista tecknen sparas.</source>
        <translation>Only the last four characters are kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="96"/>
        <source>Beskriv handlingen (bara för ”Annan handling”)</source>
        <translation>Describe the document (only for “Other document”)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="99"/>
        <source>Valfritt: läs in eller skriv maskinläsbara zonen (MRZ)</source>
        <translation>Optional: scan or type the machine-readable zone (MRZ)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="106"/>
        <source>Namn (som på id-handlingen)</source>
        <translation>Name (as on the ID document)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="110"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="114"/>
        <location filename="../../desktop/ui/new_visit.py" line="118"/>
        <source>Utfärdat i (land)</source>
        <translation>Issued in (country)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="115"/>
        <source>Id-handlingens nummer</source>
        <translation>The ID document&apos;s number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="119"/>
        <source>Giltig till och med</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="122"/>
        <source>MRZ</source>
        <translation>MRZ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="144"/>
        <source>Skriv 10 eller 12 siffror.</source>
        <translation>Type 10 or 12 digits.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="149"/>
        <source>Samordningsnummer</source>
        <translation>Coordination number</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="150"/>
        <source>%1 giltigt – född %2</source>
        <translation>%1 valid – born %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="164"/>
        <source>Datumet går inte att läsa. Skriv det som ÅÅÅÅ-MM-DD.</source>
        <translation>The date cannot be read. Write it as YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="167"/>
        <source>Skriv när handlingen går ut, som det står på den.</source>
        <translation>Enter when the document expires, as printed on it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="188"/>
        <source>Inget lämnas ut vid disken: svaret skickas per post till adressen i folkbokföringen.</source>
        <translation>Nothing is handed over at the desk: the answer is sent by post to the address in the population register.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="190"/>
        <source>Företrädaren visar sin id-handling och sin behörighet nedan; svaret lämnas till hen.</source>
        <translation>The representative shows their ID and their mandate below; the answer is given to them.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="208"/>
        <source>Landet i maskinläsbara zonen är okänt.</source>
        <translation>The country in the machine-readable zone is unknown.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="215"/>
        <source>Zonen är läst och kontrollsiffrorna stämmer.</source>
        <translation>The zone is read and its check digits are right.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="241"/>
        <source>Besökaren vill att det hanteras som ett eget ärende</source>
        <translation>The visitor wants it handled as a case of its own</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="242"/>
        <source>Det öppna ärendet är besvarat och ska bara avslutas</source>
        <translation>The open case is answered and is only to be closed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="249"/>
        <source>Handlingen har gått ut och kan inte godtas. Be om en annan giltig id-handling (pass, nationellt id-kort, körkort, SIS-märkt id-kort), eller låt ett ombud med fullmakt företräda besökaren. Utan giltig handling lämnas inget utdrag ut här: välj ”Ingen giltig id-handling”, så registreras begäran och svaret skickas per post till adressen i folkbokföringen.</source>
        <translation>The document has expired and cannot be accepted. Ask for another valid ID document (passport, national ID card, driving licence, SIS-certified ID card), or let a representative with a power of attorney act for the visitor. Without a valid document no extract is handed over here: choose “No valid ID document”, and the request is registered and the answer sent by post to the address in the population register.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="259"/>
        <source>Vad är fel, och vad ska det vara?</source>
        <translation>What is wrong, and what should it be?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="260"/>
        <source>Vilka uppgifter ska raderas?</source>
        <translation>Which data is to be erased?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="261"/>
        <source>Vilken behandling ska begränsas, och varför?</source>
        <translation>Which processing is to be restricted, and why?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="262"/>
        <source>Mot vilken behandling, och av vilket skäl?</source>
        <translation>Against which processing, and on what grounds?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="263"/>
        <source>Valfritt: vilka utskick (annars alla)</source>
        <translation>Optional: which mailings (otherwise all)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="264"/>
        <source>Vilket samtycke?</source>
        <translation>Which consent?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="279"/>
        <location filename="../../desktop/ui/new_visit.py" line="281"/>
        <source>Ny besökare</source>
        <translation>New visitor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="285"/>
        <source>1. Vad begär besökaren?</source>
        <translation>1. What does the visitor ask for?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="309"/>
        <source>2. Kontrollera identiteten</source>
        <translation>2. Check the identity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="319"/>
        <source>Gatuadress
123 45 Ort
(kan också bekräftas ur systemen efter insamlingen)</source>
        <translation>Street
123 45 Town
(can also be confirmed from the systems after the gather)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="325"/>
        <source>Besökaren företräds (vårdnadshavare, god man/förvaltare eller ombud med fullmakt)</source>
        <translation>The visitor is represented (guardian, trustee/administrator or a representative with a power of attorney)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="79"/>
        <source>Vårdnadshavare</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="80"/>
        <source>God man / förvaltare</source>
        <translation>Trustee</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="342"/>
        <source>Vem har skrivit under, eller vad styrker vårdnaden</source>
        <translation>Who signed it, or what shows the guardianship</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="345"/>
        <source>Till exempel: begära registerutdrag och radering hos oss</source>
        <translation>For example: ask us for an extract and for erasure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="347"/>
        <source>Behörighet</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="348"/>
        <source>Daterad</source>
        <translation>Dated</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="349"/>
        <source>Undertecknad av</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="368"/>
        <source>Skriv ut kvittot direkt</source>
        <translation>Print the receipt at once</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="370"/>
        <source>Kvittot visar ärendenummer och sista svarsdag; besökaren tar det med sig.</source>
        <translation>The receipt shows the case number and the last day for the answer; the visitor takes it home.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="377"/>
        <source>Rensa</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="378"/>
        <source>Töm formuläret</source>
        <translation>Clear the form</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="380"/>
        <source>Registrera ärende (Ctrl+Enter)</source>
        <translation>Register case (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="381"/>
        <source>Registrera ärendet med dess svarsdag och skriv ut kvittot</source>
        <translation>Register the case with its deadline and print the receipt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="430"/>
        <source>3. Besökarens egna uppgifter att söka på (frivilligt)</source>
        <translation>3. The visitor&apos;s own identifiers to search by (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="436"/>
        <source>Flera skiljs med semikolon</source>
        <translation>Separate several with semicolons</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="500"/>
        <source>Nytt ärende vid sidan av det öppna</source>
        <translation>New case beside the open one</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="500"/>
        <source>Varför ett nytt ärende?</source>
        <translation>Why a new case?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="633"/>
        <source>Besökaren har redan ett öppet ärende</source>
        <translation>The visitor already has an open case</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="636"/>
        <source>Besökaren har redan ett öppet ärende: %1. Lägg hellre till det nya i det ärendet.</source>
        <translation>The visitor already has an open case: %1. Add the new request to that case instead.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="644"/>
        <source>Lägg till begäran i ärende %1</source>
        <translation>Add the request to case %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="645"/>
        <source>Öppna ärende %1</source>
        <translation>Open case %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="652"/>
        <source>Registrera ett nytt ärende ändå</source>
        <translation>Register a new case anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_visit.py" line="548"/>
        <source>Skriv vad besökaren begär: %1.</source>
        <translation>Write what the visitor asks for: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="89"/>
        <source>Ombudet: </source>
        <translation>Representative: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="43"/>
        <source>Rör en annan person (art. 15.4)</source>
        <translation>Concerns another person (Art. 15(4))</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="44"/>
        <source>Fel person – felaktig träff</source>
        <translation>Wrong person – false match</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="45"/>
        <source>Dubblett</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="46"/>
        <source>Tystnadsplikt (dataskyddslagen 5 kap. 1 §) – besökaren får veta det</source>
        <translation>Duty of confidentiality (Data Protection Act 5:1) – the visitor is told</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="47"/>
        <source>Utkast eller minnesanteckning (dataskyddslagen 5 kap. 2 §) – besökaren får veta det</source>
        <translation>Draft or note (Data Protection Act 5:2) – the visitor is told</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="54"/>
        <source>utesluten – %1</source>
        <translation>excluded – %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="54"/>
        <source>utesluten</source>
        <translation>excluded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="56"/>
        <location filename="../../desktop/ui/review_view.py" line="105"/>
        <source>stark</source>
        <translation>strong</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="57"/>
        <location filename="../../desktop/ui/review_view.py" line="105"/>
        <source>svag – bekräfta</source>
        <translation>weak – confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="58"/>
        <source>bekräftad</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="59"/>
        <source>lämnas utanför obekräftad</source>
        <translation>left out, unconfirmed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="66"/>
        <source>%Ln hittade uppgifter</source>
        <translation>
            <numerusform>%Ln item found</numerusform>
            <numerusform>%Ln items found</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="67"/>
        <source>Utdraget innehåller %1 av %2.</source>
        <translation>The extract holds %1 of %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="73"/>
        <source>Maskerat: fältet %1 i %2 i %3</source>
        <translation>Masked: the field %1 in %2 in %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="76"/>
        <source>Uteslutet: %2 i %3</source>
        <translation>Excluded: %2 in %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="77"/>
        <source>Bekräftade möjliga träffar: %2 i %3</source>
        <translation>Possible matches confirmed: %2 in %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="78"/>
        <source>Lämnas utanför obekräftade: %2 i %3</source>
        <translation>Left out unconfirmed: %2 in %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="79"/>
        <source>Inte avgjorda: %2 i %3</source>
        <translation>Not decided: %2 in %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="83"/>
        <source>Inget är uteslutet, maskerat eller bekräftat för hand.</source>
        <translation>Nothing is excluded, masked or confirmed by hand.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions_view.py" line="98"/>
        <location filename="../../desktop/ui/actions_view.py" line="111"/>
        <location filename="../../desktop/ui/review_view.py" line="221"/>
        <source>Uppgifter</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="221"/>
        <source>Antal / träff</source>
        <translation>Count / match</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="245"/>
        <location filename="../../desktop/ui/review_view.py" line="324"/>
        <source>%1 av %2 med</source>
        <translation>%1 of %2 included</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="290"/>
        <location filename="../../desktop/ui/review_view.py" line="469"/>
        <source>Inget att granska ännu.</source>
        <translation>Nothing to review yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="294"/>
        <source>Skäl för att utesluta eller maskera:</source>
        <translation>Reason to exclude or mask:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="297"/>
        <source>Skäl för att utesluta eller maskera</source>
        <translation>Reason for excluding or masking</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="314"/>
        <source>Uppgifter att granska</source>
        <translation>Data to review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="332"/>
        <source>Fälten i markerad uppgift</source>
        <translation>The fields of the selected item</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="333"/>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="333"/>
        <source>Värde</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="333"/>
        <source>Maskera</source>
        <translation>Mask</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="344"/>
        <source>Godkänn för utlämning …</source>
        <translation>Approve for delivery …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="346"/>
        <source>Släpp utdraget för utlämning; där det krävs godkänner en granskare med sitt lösenord</source>
        <translation>Release the extract for delivery; where required an approver approves with their password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="376"/>
        <source>%1 hittades.</source>
        <translation>%1 found.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="379"/>
        <source>%Ln möjliga träffar (hittade bara via %1) är inte avgjorda: bocka i dem som gäller besökaren; de andra lämnas utanför när du godkänner.</source>
        <translation>
            <numerusform>%Ln possible match (found only through %1) is not decided: tick it if it is the visitor&apos;s; otherwise it is left out when you approve.</numerusform>
            <numerusform>%Ln possible matches (found only through %1) are not decided: tick those that are the visitor&apos;s; the others are left out when you approve.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="387"/>
        <source>%Ln tidigare beslut gäller inte längre eftersom uppgifterna har ändrats i systemet – granska dem igen.</source>
        <translation>
            <numerusform>%Ln earlier decision no longer applies because the data has changed in the system – review it again.</numerusform>
            <numerusform>%Ln earlier decisions no longer apply because the data has changed in the system – review them again.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="392"/>
        <source>Avbocka det som inte gäller besökaren; maskera ett fält som rör någon annan.</source>
        <translation>Untick what is not the visitor&apos;s; mask a field that concerns someone else.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="419"/>
        <source>[maskerat]</source>
        <translation>[masked]</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_view.py" line="454"/>
        <source>Maskera överallt</source>
        <translation>Mask everywhere</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="455"/>
        <source>Samma värde finns på %Ln andra ställen (%1). Maskera det där också?</source>
        <translation>
            <numerusform>The same value appears in %Ln other place (%1). Mask it there too?</numerusform>
            <numerusform>The same value appears in %Ln other places (%1). Mask it there too?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="129"/>
        <source>Reception</source>
        <translation>Reception</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="129"/>
        <source>Granskare</source>
        <translation>Approver</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="129"/>
        <source>Administratör</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="37"/>
        <source>Personal – Insyn</source>
        <translation>Staff – Insyn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="42"/>
        <location filename="../../desktop/ui/staff_dialog.py" line="66"/>
        <source>Roller</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="42"/>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="42"/>
        <source>Låst</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="65"/>
        <source>Lösenord (minst %1 tecken)</source>
        <translation>Password (at least %1 characters)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="72"/>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="74"/>
        <source>Nytt lösenord …</source>
        <translation>New password …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="75"/>
        <source>Aktivera / inaktivera</source>
        <translation>Activate / deactivate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="76"/>
        <source>Ge markerade roller</source>
        <translation>Give the ticked roles</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="78"/>
        <source>Den valda personen får rollerna som är ikryssade ovan.</source>
        <translation>The selected person gets the roles ticked above.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="79"/>
        <source>Lås upp</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="81"/>
        <source>Kontot låstes efter för många felaktiga lösenord.</source>
        <translation>The account was locked after too many wrong passwords.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="164"/>
        <source>Välj en person i listan och minst en roll.</source>
        <translation>Choose a person in the list and at least one role.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/common.py" line="280"/>
        <location filename="../../desktop/ui/staff_dialog.py" line="169"/>
        <source>Du kan inte ta administratörsrollen från dig själv.</source>
        <translation>You cannot take the administrator role from yourself.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="31"/>
        <source>En granskare godkänner varje utdrag</source>
        <translation>An approver approves every extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="32"/>
        <source>En granskare godkänner radering, begränsning och rättelse i systemen</source>
        <translation>An approver approves erasure, restriction and rectification in the systems</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="33"/>
        <source>En granskare beslutar om avslag</source>
        <translation>An approver decides refusals</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="34"/>
        <source>Låses efter (minuter utan användning)</source>
        <translation>Locks after (minutes without use)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="35"/>
        <source>Avslutade ärenden gallras efter (år)</source>
        <translation>Closed cases are purged after (years)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="36"/>
        <source>Kontot låses efter felaktiga lösenord (antal)</source>
        <translation>An account locks after wrong passwords (count)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="37"/>
        <source>Ett låst konto är låst i (minuter)</source>
        <translation>A locked account stays locked for (minutes)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="43"/>
        <source>organisationens regel</source>
        <translation>the organisation’s policy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="44"/>
        <source>strängare på den här disken</source>
        <translation>stricter at this desk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="45"/>
        <source>standard</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="58"/>
        <source>Regler – Insyn</source>
        <translation>Policy – Insyn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="60"/>
        <source>Regler som gäller vid den här disken</source>
        <translation>The policy in force at this desk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="86"/>
        <source>Ändringar gäller alla diskar som använder samma ärenderegister och loggas.</source>
        <translation>Changes apply to every desk that uses the same case register, and are logged.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="88"/>
        <source>Bara en administratör kan ändra reglerna.</source>
        <translation>Only an administrator can change the policy.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="95"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/policy_dialog.py" line="99"/>
        <location filename="../../desktop/ui/staff_dialog.py" line="82"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="104"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="104"/>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="104"/>
        <source>låst</source>
        <translation>locked</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="117"/>
        <source>Välj minst en roll.</source>
        <translation>Choose at least one role.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="136"/>
        <source>Nytt lösenord</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="136"/>
        <source>Nytt lösenord (minst 8 tecken):</source>
        <translation>New password (at least 8 characters):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/staff_dialog.py" line="154"/>
        <source>Du kan inte inaktivera ditt eget konto.</source>
        <translation>You cannot deactivate your own account.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_dialog.py" line="13"/>
        <source>Beslut om avslag (art. 12.4)</source>
        <translation>Refusal (Art. 12(4))</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_dialog.py" line="14"/>
        <source>Förlängd svarstid (art. 12.3)</source>
        <translation>Extended time to answer (Art. 12(3))</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_dialog.py" line="15"/>
        <source>Vad vi har gjort med begäran</source>
        <translation>What was done about the request</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_dialog.py" line="20"/>
        <source>Lämnas i handen här</source>
        <translation>Handed over here</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_dialog.py" line="20"/>
        <source>Skickas per post</source>
        <translation>Sent by post</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_dialog.py" line="20"/>
        <source>Skickas per e-post</source>
        <translation>Sent by e-mail</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_dialog.py" line="44"/>
        <source>Brev</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="189"/>
        <location filename="../../desktop/ui/letter_dialog.py" line="45"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/decision_dialog.py" line="190"/>
        <location filename="../../desktop/ui/letter_dialog.py" line="46"/>
        <source>Besökaren får det</source>
        <translation>The visitor gets it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_dialog.py" line="48"/>
        <source>Skriv ut …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="39"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="43"/>
        <source>Besvarade</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="44"/>
        <source>Besvarade inom tidsfristen</source>
        <translation>Answered within the time limit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="45"/>
        <source>Förlängd svarstid</source>
        <translation>Time to answer extended</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="46"/>
        <source>Avslagna</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="47"/>
        <source>Återkallade</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="48"/>
        <source>Väntar på svar</source>
        <translation>Awaiting an answer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="49"/>
        <source>Begäranden utan registrerat utfall</source>
        <translation>Requests without a recorded outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="50"/>
        <source>Utlämnade utdrag som väntar på komplettering</source>
        <translation>Extracts handed over awaiting a supplement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="51"/>
        <source>Kompletterande utdrag</source>
        <translation>Supplementary extracts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="52"/>
        <source>Median, dagar till svar</source>
        <translation>Median days to answer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_dialog.py" line="94"/>
        <source>Spara årsrapporten</source>
        <translation>Save the annual report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="99"/>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="101"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="105"/>
        <source>Kalender …</source>
        <translation>Calendar …</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="106"/>
        <source>Välj datum i en kalender</source>
        <translation>Choose the date in a calendar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/address_box.py" line="23"/>
        <source>Svaret skickas per post till</source>
        <translation>The answer is posted to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/address_box.py" line="30"/>
        <source>Adressen svaret skickas till</source>
        <translation>The address the answer is posted to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/fields.py" line="55"/>
        <location filename="../../desktop/ui/new_visit.py" line="321"/>
        <source>Adress i folkbokföringen</source>
        <translation>Population-register address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/address_box.py" line="34"/>
        <source>Gatuadress
123 45 Ort</source>
        <translation>Street
123 45 Town</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/address_box.py" line="37"/>
        <location filename="../../desktop/ui/address_box.py" line="70"/>
        <source>Spara adressen</source>
        <translation>Keep the address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/address_box.py" line="39"/>
        <source>Adressen i folkbokföringen, som besökaren uppgav den; den står på brev och utdrag</source>
        <translation>The population-register address as the visitor gave it; it is printed on letters and the extract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/address_box.py" line="63"/>
        <source>Ingen adress ännu. Skriv adressen i folkbokföringen nedan, eller bekräfta en adress som systemen har (efter insamlingen).</source>
        <translation>No address yet. Type the population-register address below, or confirm an address the systems hold (after the gather).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/address_box.py" line="70"/>
        <source>Ändra adressen</source>
        <translation>Change the address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/address_box.py" line="81"/>
        <source>Använd adressen i %1: %2</source>
        <translation>Use the address in %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/address_box.py" line="86"/>
        <source>Kontrollera adressen med besökaren innan du använder den</source>
        <translation>Check the address with the visitor before using it</translation>
    </message>
</context>
</TS>
