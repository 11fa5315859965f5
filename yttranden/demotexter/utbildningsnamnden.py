"""Utbildningsförvaltningens tjänsteutlåtande över KS 2023/740, as in
tests/fixtures/seeds/utbildningsnamnden_KS_2023-740.txt (the letterhead block that the text
extraction put in the middle of the summary is the page footer, not text)."""

SEKTIONER = [
    (
        "Förvaltningens förslag till beslut",
        "<ol><li><p>Utbildningsnämnden godkänner förvaltningens tjänsteutlåtande och överlämnar "
        "det till kommunstyrelsen som svar på remissen.</p></li>"
        "<li><p>Beslutet justeras omedelbart.</p></li></ol>",
    ),
    (
        "Sammanfattning",
        "<p>Kommunstyrelsen har remitterat den övergripande samverkansöverenskommelsen mellan "
        "Stockholms stad och Polisregion Stockholm till utbildningsnämnden för yttrande.</p>"
        "<p>Målet med samverkansöverenskommelsen är att stockholmarnas trygghet ska öka och den "
        "faktiska brottsligheten ska minska. Parterna ska genom överenskommelsen skapa "
        "förutsättningar och mandat för att stärka det gemensamma brottsförebyggande och "
        "trygghetskapande arbetet på både central och lokal nivå. I samverkansöverenskommelsen "
        "lyfts fem prioriterade samverkansområden fram där vikten av samverkan är särskilt "
        "påkallad på såväl central som lokal nivå. Stadsledningskontoret anger att en central "
        "fråga för staden är att förebygga att barn och ungdomar involveras i gängkriminalitet och "
        "det ska ses mot bakgrund utifrån rådande läge med ökat antal skjutningar och "
        "sprängningar kopplat till den kriminella gängmiljön. Två av de fem prioriterade "
        "samverkansområdena, <em>Unga i riskzon för destruktivt beteende</em> och <em>Kriminella "
        "miljöer och livsstilar</em> bedöms särskilt viktiga för att motverka detta.</p>"
        "<p>Förvaltningen stödjer avgränsningen till fem prioriterade områden i den nya "
        "överenskommelsen och delar uppfattningen att de för skolan specifika intresseområdena "
        "kommer omhändertas i den nya strukturens formuleringar. Förvaltningen föreslår att "
        "nämnden godkänner förvaltningens tjänsteutlåtande och överlämnar det till "
        "kommunstyrelsen som svar på remissen.</p>",
    ),
    (
        "Bakgrund/Ärendet",
        "<p>Staden och polisen samverkar kring en mängd olika frågor rörande brottsförebyggande "
        "och trygghetsskapande åtgärder, krisberedskap samt särskilda evenemang som kräver "
        "säkerhetsmässig planering, ofta av större publik karaktär.</p>"
        "<p>Otrygghet kopplat till brottslighet påverkas av faktorer som exempelvis ålder, kön och "
        "geografisk hemvist. Trygghet relaterar till upplevd tillit och goda relationer till "
        "samhället. Exempelvis genom trygg uppväxt, lyckad skolgång och möjlighet till "
        "sysselsättning därefter.</p>"
        "<p>Med en övergripande samverkansöverenskommelse sätts ramar och struktur för ett "
        "långsiktigt och varaktigt samarbete mellan parterna. Att minska brottsligheten och öka "
        "tryggheten är ett prioriterat mål för både staden och polisen.</p>"
        "<p>Det övergripande målet med samverkansöverenskommelsen är att stockholmarnas trygghet "
        "ska öka och brottsligheten minska.</p>"
        "<p>Överenskommelsen ska skapa mandat och förutsättningar för att detta ska lyckas såväl "
        "centralt som lokalt utifrån berörda parter ansvarsområden, organisation samt gällande "
        "lagstiftning. Detta förutsätter kontinuerligt samarbete med utgångspunkt i aktuella "
        "lägesbilder, trygghetsmätningar samt andra statistiska underlag och orsaksanalyser.</p>"
        "<p>I den nu gällande samverkansöverenskommelsen från 2019 så angavs tio prioriterade "
        "samverkansområden. I den nya samverkansöverenskommelsen så har antalet minskats till fem. "
        "Anledningen till detta är att flera av de tidigare prioriterade områdena numera bedrivs "
        "inom ramen för ordinarie linjearbete eller inkluderas inom ramen för de nya "
        "fokusområdena.</p>"
        "<p>Färre antal samverkansområden bedöms också underlätta stadsdelsförvaltningarnas "
        "uppdrag att följa upp resultatet av arbetet.</p>"
        "<p>De prioriterade stadsövergripande samverkansområdena är:</p>"
        "<ul><li><p>Unga i riskzon för destruktivt beteende</p></li>"
        "<li><p>Otrygga och brottsutsatta platser</p></li>"
        "<li><p>Systemhotande brottslighet</p></li>"
        "<li><p>Särskilt utsatta och sårbara brottsoffer</p></li>"
        "<li><p>Kriminella miljöer och livsstilar</p></li></ul>"
        "<p>I de lokala samverkansöverenskommelserna fastställs samverkansområden utifrån den "
        "lokala lägesbilden. Den lokala nivån ska beröra de fem stadsövergripande områdena i "
        "framtagandet av den lokala lägesbilden och det lokala arbetet.</p>"
        "<p>Den lokala samverkansorganisationen ska följa upp resultat genom lägesbild och "
        "orsaksanalyser och rapportera till lokal styrgrupp samt till en stadsövergripande "
        "beredningsgrupp avseende koppling mot de fem stadsövergripande "
        "samverkansområdena.</p>"
        "<p>En handlingsplan kopplas till den övergripande samverkansöverenskommelsen med syfte "
        "att formulera en struktur för den stadsövergripande nivåns aktiviteter. Handlingsplanen "
        "följs upp löpande. I slutet av varje år sammanställer den stadsövergripande "
        "beredningsgruppen resultat och genomförda åtgärder samt tar fram en plan för kommande "
        "år.</p>"
        "<p>Samtliga involverade parter ska bära ett särskilt ansvar för att "
        "samverkansöverenskommelsen respekteras, utvecklas och hålls vid liv. Likaså skall såväl "
        "staden som polisen sträva efter att kommunicera gemensamt i frågor som berör båda parter "
        "och är kopplade till samverkansöverenskommelsen.</p>",
    ),
    (
        "Ärendets beredning",
        "<p>Ärendet har beretts inom avdelningen för ekonomi och styrning i samverkan med "
        "grundskoleavdelningen och gymnasieavdelningen.</p>"
        "<p>Ärendet kommer att behandlas i samverkan med de fackliga organisationerna den 16 "
        "oktober 2023. Funktionshindersrådet kommer att få möjlighet att behandla ärendet vid "
        "sammanträdet den 18 oktober 2023.</p>",
    ),
    (
        "Förvaltningens synpunkter och förslag",
        "<p>I den nya samverkansöverenskommelsen pekas fem särskilt prioriterade "
        "samverkansområden ut till skillnad mot tio i nuvarande samverkansöverenskommelse. Denna "
        "revidering innebär att det tidigare prioriterade området <em>Skolan som brottsplats</em> "
        "i stället inryms i den nya överenskommelsens prioriterade mål <em>Unga i riskzon för "
        "destruktivt beteende</em>.</p>"
        "<p>Förvaltningen stödjer avgränsningen till fem prioriterade områden i den nya "
        "överenskommelsen och delar uppfattningen att de för skolan specifika intresseområdena "
        "kommer omhändertas i den nya strukturens formuleringar.</p>"
        "<p>Vid framtagandet av den nya samverkansöverenskommelsen fick samtliga befintliga "
        "beredningsgrupper inom gällande struktur medverka genom att besvara en enkät till "
        "stadsledningskontoret. Den nya överenskommelsen ligger i linje med vad som framkom av "
        "enkätens resultat.</p>"
        "<p>Förvaltningens uppfattning är att med färre antal samverkansområden i den nya "
        "samverkansöverenskommelsen så kommer det bli lättare att upprätta lokala "
        "handlingsplaner. Dessutom anser förvaltningen att både uppföljning och likvärdigheten "
        "jämfört med tidigare handlingsplaner kommer att gynnas av den nya "
        "samverkansöverenskommelsen.</p>",
    ),
    (
        "Konsekvenser för barns rättigheter samt jämställdhetsanalys",
        "<p>Då ärendet är på remiss från kommunstyrelsen gör förvaltningen ingen egen analys av "
        "ärendets konsekvenser för barns rättigheter eller jämställdhet.</p>",
    ),
    (
        "Förslag till beslut",
        "<p>Förvaltningen föreslår att utbildningsnämnden godkänner förvaltningens "
        "tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen. Med "
        "hänsyn till remisstiden ska ärendet justeras omedelbart.</p>",
    ),
]

BILAGOR = [
    "Stadsövergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm",
    "Prioriterade samverkansområden.",
]
