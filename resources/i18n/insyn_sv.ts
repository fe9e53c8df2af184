<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="sv_SE">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_list.py" line="178"/>
        <source>%Ln ärenden</source>
        <translation>
            <numerusform>%Ln ärende</numerusform>
            <numerusform>%Ln ärenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_page.py" line="336"/>
        <source>avgör %Ln möjliga träffar i granskningen</source>
        <translation>
            <numerusform>avgör %Ln möjlig träff i granskningen</numerusform>
            <numerusform>avgör %Ln möjliga träffar i granskningen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/case_page.py" line="424"/>
        <source>%Ln möjliga träffar är inte avgjorda. Lämna dem utanför utdraget? Utdraget säger då hur många som inte är med och varför.</source>
        <translation>
            <numerusform>%Ln möjlig träff är inte avgjord. Lämna den utanför utdraget? Utdraget säger då att den inte är med och varför.</numerusform>
            <numerusform>%Ln möjliga träffar är inte avgjorda. Lämna dem utanför utdraget? Utdraget säger då hur många som inte är med och varför.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/deliver_view.py" line="198"/>
        <source>%Ln möjliga träffar är inte avgjorda.</source>
        <translation>
            <numerusform>%Ln möjlig träff är inte avgjord.</numerusform>
            <numerusform>%Ln möjliga träffar är inte avgjorda.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/deliver_view.py" line="204"/>
        <source>%Ln möjliga träffar lämnas utanför; utdraget säger det.</source>
        <translation>
            <numerusform>%Ln möjlig träff lämnas utanför; utdraget säger det.</numerusform>
            <numerusform>%Ln möjliga träffar lämnas utanför; utdraget säger det.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/gather_view.py" line="79"/>
        <location filename="../../desktop/ui/gather_view.py" line="326"/>
        <location filename="../../desktop/ui/review_view.py" line="68"/>
        <location filename="../../desktop/ui/review_view.py" line="361"/>
        <source>%Ln uppgifter</source>
        <translation>
            <numerusform>%Ln uppgift</numerusform>
            <numerusform>%Ln uppgifter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/gather_view.py" line="306"/>
        <source>%Ln möjliga träffar att avgöra i granskningen</source>
        <translation>
            <numerusform>%Ln möjlig träff att avgöra i granskningen</numerusform>
            <numerusform>%Ln möjliga träffar att avgöra i granskningen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="64"/>
        <source>%Ln hittade uppgifter</source>
        <translation>
            <numerusform>%Ln hittad uppgift</numerusform>
            <numerusform>%Ln hittade uppgifter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/review_view.py" line="365"/>
        <source>%Ln möjliga träffar (hittade bara via %1) är inte avgjorda: bocka i dem som gäller besökaren; de andra lämnas utanför när du godkänner.</source>
        <translation>
            <numerusform>%Ln möjlig träff (hittad bara via %1) är inte avgjord: bocka i den om den gäller besökaren; annars lämnas den utanför när du godkänner.</numerusform>
            <numerusform>%Ln möjliga träffar (hittade bara via %1) är inte avgjorda: bocka i dem som gäller besökaren; de andra lämnas utanför när du godkänner.</numerusform>
        </translation>
    </message>
</context>
</TS>
