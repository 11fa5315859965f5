"""Södermalms stadsdelsförvaltnings tjänsteutlåtande över KS 2023/740. The seed
(tests/fixtures/seeds/sodermalm_KS_2023-740_ocr.txt) is an OCR scan with å/ä/ö garbled
("Sodermalms stadsdelsférvaltning", "1 lokala" for "i lokala", "métbara métt" for "mätbara
mått"); this is the text repaired by hand, word by word, with the line breaks of the scan
joined into paragraphs."""

SEKTIONER = [
    (
        "Förvaltningens förslag till beslut",
        "<p>Stadsdelsnämnden överlämnar förvaltningens tjänsteutlåtande som svar på remissen.</p>",
    ),
    (
        "Sammanfattning",
        "<p>Stadsledningskontoret har tillsammans med Polisregion Stockholm tagit fram en ny "
        "övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm "
        "som gäller från och med 1 januari 2024. Det övergripande målet med "
        "samverkansöverenskommelsen är att stockholmarnas trygghet ska öka och att den faktiska "
        "brottsligheten ska minska. Ett antal prioriterade utmaningar lyfts fram i en bilaga till "
        "överenskommelsen där samverkan är särskilt påkallad på såväl lokal som central nivå. De "
        "prioriterade samverkansområdena är unga i riskzon för destruktivt beteende, otrygga och "
        "brottsutsatta platser, systemhotande brottslighet, särskilt utsatta och sårbara "
        "brottsoffer samt kriminella miljöer och livsstilar. I lokala "
        "samverkansöverenskommelser fastställs samverkansområden utifrån lokal lägesbild. Den "
        "lokala nivån ska beröra de fem stadsövergripande prioriterade samverkansområdena i "
        "framtagande av lokal lägesbild, åtgärder och mål.</p>"
        "<p>Förvaltningens uppfattning är att samverkansöverenskommelsen med Polisregion "
        "Stockholm utgör en viktig del i arbetet med att skapa förutsättningar för ett gemensamt "
        "och systematiskt arbete inom prioriterade samverkansområden både på lokal och central "
        "nivå i staden. De prioriterade samverkansområden som tagits fram i överenskommelsen "
        "stämmer väl överens med det trygghetsskapande och brottsförebyggande arbete som utförs "
        "på Södermalms stadsdelsförvaltning utifrån hur problembilden ser ut inom "
        "stadsdelsområdet.</p>",
    ),
    (
        "Bakgrund",
        "<p>Kommunstyrelsen har remitterat ärendet Övergripande samverkansöverenskommelse mellan "
        "Stockholms stad och Polisregion Stockholm till Södermalms stadsdelsnämnd för yttrande "
        "senast 27 oktober 2023. Ärendet har remitterats till socialnämnden, trafiknämnden, "
        "utbildningsnämnden, samtliga stadsdelsnämnder och Stockholms Stadshus AB.</p>",
    ),
    (
        "Ärendet",
        "<p>Den nu gällande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
        "Stockholm undertecknades i november 2019. Revidering av överenskommelsen ska ske vart "
        "fjärde år vilket innebär att revidering ska ske under 2023. Stadsledningskontoret har "
        "tillsammans med Polisregion Stockholm tagit fram en ny övergripande "
        "samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm som gäller "
        "från och med 1 januari 2024.</p>"
        "<p>Det övergripande målet med samverkansöverenskommelsen är att stockholmarnas "
        "trygghet ska öka och att den faktiska brottsligheten ska minska. Överenskommelsen ska "
        "skapa förutsättningar och mandat för att stärka det gemensamma brottsförebyggande och "
        "trygghetsskapande arbetet både centralt och lokalt. Arbetet utgår från berörda parters "
        "ansvarsområde, organisation och gällande lagstiftning. Stadens och polisens arbete "
        "behöver kontinuerligt stämmas av med berörda parter, utvecklas och intensifieras med "
        "utgångspunkt i lokala lägesbilder, trygghetsmätningar, andra statistiska underlag och "
        "orsaksanalyser.</p>"
        "<p>Ett antal prioriterade utmaningar lyfts fram i en bilaga till överenskommelsen där "
        "samverkan är särskilt påkallad på såväl lokal som central nivå. De prioriterade "
        "samverkansområdena har arbetats fram i samråd med den centrala styrgruppen, styrgrupper "
        "för de lokala samverkansöverenskommelserna, lokala trygghetssamordnare samt andra "
        "nyckelfunktioner i staden och representanter från lokalpolisområdena. Flera av tidigare "
        "prioriterade områden bedrivs numera inom ramen för ordinarie linjearbete eller har "
        "inkluderats inom de nya fokusområdena, varför antalet områden har minskat i antal. Att "
        "ha färre antal områden underlättar arbetet i stadsdelsnämndsområdena då det blir "
        "tydligt att prioriteringarna struktureras upp i den arbetsgång som beskrivs i enlighet "
        "med samverkansöverenskommelsen. Det underlättar också uppföljningen av arbetet och "
        "möjlighet att se resultat.</p>"
        "<p>De prioriterade samverkansområdena är:</p>"
        "<ul><li><p>Unga i riskzon för destruktivt beteende</p></li>"
        "<li><p>Otrygga och brottsutsatta platser</p></li>"
        "<li><p>Systemhotande brottslighet</p></li>"
        "<li><p>Särskilt utsatta och sårbara brottsoffer</p></li>"
        "<li><p>Kriminella miljöer och livsstilar</p></li></ul>"
        "<p>I lokala samverkansöverenskommelser fastställs samverkansområden utifrån lokal "
        "lägesbild. Den lokala nivån ska beröra de fem stadsövergripande prioriterade "
        "samverkansområdena i framtagande av lokal lägesbild, åtgärder och mål. För att nå goda "
        "resultat ska den lokala nivån ha en kontinuerligt uppdaterad lägesbild. Orsaksanalyser "
        "ska utgöra grunden för vilka åtgärder eller aktiviteter som vidtas och relevanta mål för "
        "dessa ska följas upp. I åtgärdsplanen ska de aktiviteter som ska genomföras "
        "specificeras, hur de ska utföras, hur de ska följas upp, ansvariga samt tidsplan. Den "
        "lokala samverkansorganisationen följer upp resultat och rapporterar genomförandet av "
        "lokala åtgärdsplaner till lokal styrgrupp samt den stadsövergripande "
        "beredningsgruppen. För uppföljning av resultat gällande minskad brottslighet och ökad "
        "trygghet analyseras relevanta datakällor inklusive indikatorer som kopplas till de "
        "prioriterade samverkansområdena.</p>"
        "<p>Till den övergripande samverkansöverenskommelsen kopplas en stadsövergripande "
        "handlingsplan med syfte att formulera en struktur för den stadsövergripande nivåns "
        "aktiviteter. Handlingsplanen följs upp löpande och i slutet av varje år sammanställer "
        "den övergripande beredningsgruppen resultat och genomförda åtgärder samt tar fram en "
        "plan för kommande år. Resultatet av sammanställningen redovisas även till de lokala "
        "samverkansorganisationerna.</p>"
        "<p>I samverkansöverenskommelsen framhålls att Stockholms stad och Polisregion "
        "Stockholm ska sträva efter att kommunicera gemensamt i frågor som berör båda parter och "
        "är kopplade till samverkansöverenskommelsen. Det gäller partsgemensam intern "
        "kommunikation och extern kommunikation på såväl lokal som stadsövergripande nivå.</p>",
    ),
    (
        "Ärendets beredning",
        "<p>Ärendet har beretts i stadsdelsdirektörens stab- och kansli i samverkan med sociala "
        "avdelningen. Ärendet har behandlats i förvaltningsgruppen och pensionärsrådet den 9 "
        "oktober 2023.</p>",
    ),
    (
        "Förvaltningens synpunkter och förslag",
        "<p>Förvaltningens uppfattning är att samverkansöverenskommelsen med Polisregion "
        "Stockholm utgör en viktig del i arbetet med att skapa förutsättningar för ett gemensamt "
        "och systematiskt arbete inom prioriterade samverkansområden både på lokal och central "
        "nivå i staden. Därutöver skapar parternas arbete med att gemensamt följa upp pågående "
        "arbete förutsättningar för att ytterligare vidareutveckla samarbetet.</p>"
        "<p>De prioriterade samverkansområden som tagits fram i överenskommelsen utgår i hög grad "
        "från den inriktning av de brottsförebyggande och trygghetsskapande insatser som lyfts "
        "fram i kommunfullmäktiges mål 3.6. Tryggheten ska öka genom förebyggande insatser och "
        "ligger även i linje med stadens trygghetsprogram samt stadens strategi för att "
        "förhindra att barn, unga och unga vuxna dras in i kriminalitet. Områdena stämmer väl "
        "överens med det trygghetsskapande och brottsförebyggande arbete som utförs på "
        "Södermalms stadsdelsförvaltning utifrån hur problembilden ser ut inom "
        "stadsdelsområdet. Förvaltningen anser också att det är bra att de prioriterade "
        "samverkansområdena har blivit färre till antalet.</p>"
        "<p>Förvaltningen anser att det är bra och viktigt att det framgår i "
        "samverkansöverenskommelsen att ett effektivt brottsförebyggande och "
        "trygghetsskapande arbete innebär både långsiktiga och kortsiktiga åtgärder som riktas "
        "såväl till den universella (för alla) som till den selektiva (för utpekade grupper) och "
        "indikerade (för individer) preventionsnivån. Överenskommelsen visar även på vikten av "
        "fortsatt utveckling av samordnade insatser från olika huvudmän på såväl grupp- som "
        "individnivå och att arbetet ska minska riskfaktorer och öka skyddsfaktorer genom såväl "
        "social som situationell prevention.</p>"
        "<p>Förvaltningen vill lyfta vikten av tydliga rutiner och strukturer för "
        "åtgärdsplanerna samt att arbetet med att formulera gemensamma mätbara mått/indikatorer "
        "för att underlätta uppföljning av resultat fortsätter.</p>"
        "<p>Förvaltningen föreslår att stadsdelsnämnden överlämnar tjänsteutlåtandet till "
        "kommunstyrelsen som svar på remissen.</p>",
    ),
]

BILAGOR = [
    "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm.",
    "Prioriterade samverkansområden.",
]
