<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_list.py" line="181"/>
        <source>%Ln ärenden</source>
        <translation>
            <numerusform>%Ln ärende</numerusform>
            <numerusform>%Ln ärenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_overview.py" line="129"/>
        <source>%Ln rader</source>
        <translation>
            <numerusform>%Ln rad</numerusform>
            <numerusform>%Ln rader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_overview.py" line="135"/>
        <source>%Ln uppgifter kvar som inget skäl omfattar</source>
        <translation>
            <numerusform>%Ln uppgift kvar som inget skäl omfattar</numerusform>
            <numerusform>%Ln uppgifter kvar som inget skäl omfattar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/next_steps.py" line="29"/>
        <source>avgör %Ln möjliga träffar i granskningen</source>
        <translation>
            <numerusform>avgör %Ln möjlig träff i granskningen</numerusform>
            <numerusform>avgör %Ln möjliga träffar i granskningen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_page.py" line="311"/>
        <source>%Ln möjliga träffar är inte avgjorda. Lämna dem utanför utdraget? Utdraget säger då hur många som inte är med och varför.</source>
        <translation>
            <numerusform>%Ln möjlig träff är inte avgjord. Lämna den utanför utdraget? Utdraget säger då att den inte är med och varför.</numerusform>
            <numerusform>%Ln möjliga träffar är inte avgjorda. Lämna dem utanför utdraget? Utdraget säger då hur många som inte är med och varför.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/deliver_view.py" line="216"/>
        <source>%Ln möjliga träffar är inte avgjorda.</source>
        <translation>
            <numerusform>%Ln möjlig träff är inte avgjord.</numerusform>
            <numerusform>%Ln möjliga träffar är inte avgjorda.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/deliver_view.py" line="222"/>
        <source>%Ln möjliga träffar lämnas utanför; utdraget säger det.</source>
        <translation>
            <numerusform>%Ln möjlig träff lämnas utanför; utdraget säger det.</numerusform>
            <numerusform>%Ln möjliga träffar lämnas utanför; utdraget säger det.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/actions_view.py" line="276"/>
        <source>Raderingen är inte helt genomförd i %1: %Ln uppgifter finns kvar som inget skäl att spara omfattar.</source>
        <translation>
            <numerusform>Raderingen är inte helt genomförd i %1: %Ln uppgift finns kvar som inget skäl att spara omfattar.</numerusform>
            <numerusform>Raderingen är inte helt genomförd i %1: %Ln uppgifter finns kvar som inget skäl att spara omfattar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/actions_view.py" line="293"/>
        <location filename="../../desktop/ui/gather_view.py" line="74"/>
        <location filename="../../desktop/ui/gather_view.py" line="332"/>
        <location filename="../../desktop/ui/review_view.py" line="70"/>
        <location filename="../../desktop/ui/review_view.py" line="375"/>
        <source>%Ln uppgifter</source>
        <translation>
            <numerusform>%Ln uppgift</numerusform>
            <numerusform>%Ln uppgifter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/gather_view.py" line="312"/>
        <source>%Ln möjliga träffar att avgöra i granskningen</source>
        <translation>
            <numerusform>%Ln möjlig träff att avgöra i granskningen</numerusform>
            <numerusform>%Ln möjliga träffar att avgöra i granskningen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="66"/>
        <source>%Ln hittade uppgifter</source>
        <translation>
            <numerusform>%Ln hittad uppgift</numerusform>
            <numerusform>%Ln hittade uppgifter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="379"/>
        <source>%Ln möjliga träffar (hittade bara via %1) är inte avgjorda: bocka i dem som gäller besökaren; de andra lämnas utanför när du godkänner.</source>
        <translation>
            <numerusform>%Ln möjlig träff (hittad bara via %1) är inte avgjord: bocka i den om den gäller besökaren; annars lämnas den utanför när du godkänner.</numerusform>
            <numerusform>%Ln möjliga träffar (hittade bara via %1) är inte avgjorda: bocka i dem som gäller besökaren; de andra lämnas utanför när du godkänner.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="387"/>
        <source>%Ln tidigare beslut gäller inte längre eftersom uppgifterna har ändrats i systemet – granska dem igen.</source>
        <translation>
            <numerusform>%Ln tidigare beslut gäller inte längre eftersom uppgifterna har ändrats i systemet – granska det igen.</numerusform>
            <numerusform>%Ln tidigare beslut gäller inte längre eftersom uppgifterna har ändrats i systemet – granska dem igen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="455"/>
        <source>Samma värde finns på %Ln andra ställen (%1). Maskera det där också?</source>
        <translation>
            <numerusform>Samma värde finns på %Ln annat ställe (%1). Maskera det där också?</numerusform>
            <numerusform>Samma värde finns på %Ln andra ställen (%1). Maskera det där också?</numerusform>
        </translation>
    </message>
</context>
</TS>
