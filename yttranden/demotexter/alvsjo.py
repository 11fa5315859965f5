"""Älvsjö stadsdelsnämnd on KS 2019/656. The särskilt uttalande by L, M, C and MP at the
meeting of 2019-08-29, ärende 10, is the text of tests/fixtures/seeds/alvsjo_sarskilt_uttalande_
KS_2019-656.txt. The seeds hold no tjänsteutlåtande from Älvsjö: the short one here is written
for the demo in the form the other seeds show, so the beslut has something to decide on."""

LEDAMÖTER = (
    "Pernilla Enebrink m.fl. (L)\n"
    "Johan Nilsson m.fl. (M)\n"
    "Evy Kjellberg m.fl. (C)\n"
    "Holger von Fircks (MP)"
)
PARTIER = ["L", "M", "C", "MP"]

UTTALANDE = "\n\n".join(
    [
        (
            "Stockholms stad håller på att ta fram en ny samverkansöverenskommelse med "
            "Polisen. Detta är en mycket viktig överenskommelse som i grunden definierar vad "
            "respektive organisation ska prioritera i vårt gemensamma arbete för att göra "
            "Stockholm till en bättre stad att leva i. Det är också det dokument i vilket vi "
            "lägger fast hur vi övergripande ska arbeta tillsammans."
        ),
        (
            "Förslaget till samverkansöverenskommelse innehåller i grunden en mycket bra "
            "struktur och lägger fokus på de viktigaste områden för stockholmarna. Arbetet i "
            "stadsdelsnämnderna kommer också konkretiseras genom lokala "
            "samverkansöverenskommelser."
        ),
        (
            "På ett par punkter anser vi det dock vara angeläget att göra vissa tillägg till "
            "den övergripande överenskommelsen."
        ),
        (
            "- 1) Det är viktigt att det finns fasta lokala arbetsgrupper på operativ nivå "
            "kring barn och unga. som innefattar polis, socialtjänst och skola. Strukturen "
            "som den beskrivs idag definierar de lokala arbetsgrupperna som tillfälliga. Just"
            " kring barn och unga kan man konstatera att det löpande kommer finnas barn och "
            "unga i alla stadsdelar, vars beteende bör uppmärksammas och mötas med åtgärder "
            "från samhällets samlade aktörer. En fast struktur för operativ samverkan krävs "
            "av flera skäl. Samarbetet blir funktions- istället för personberoende. Att "
            "löpande dela lägesbilder kring situationer utvecklar förståelse för respektive "
            "funktions mandat och möjligheter att agera. Detta möjliggör systematiska, "
            "tidiga, fungerande interventioner vilket både spelar roll på individnivå och för"
            " trygghetsnivån i samhället. En fast upparbetad struktur är också ett fungerande"
            " verktyg att aktivera när det blir stökigt och mycket oro eftersom den, "
            "tillskillnad från en tillfällig grupp, har ett upparbetat relations- och "
            "strukturkapital."
        ),
        (
            "- 2) Skolans/utbildningsförvaltningens roll kan med fördel förtydligas i vissa "
            "av de strukturer som etableras i överenskommelsen. Skolan är den plats där en "
            "stor del av barns och ungdomars liv utspelar sig och det är därför prioriterat "
            "att förbygga, utreda och beivra brott i skolmiljö. Skolan är den viktigaste "
            "skyddsfaktorn för unga men brott i skolan gör att offer och förövare möts varje "
            "dag tills brottet är utrett och åtgärder vidtagna. Eftersom stadens organisation"
            " är sådan att ansvaret för skolans verksamhet ligger på fackförvaltning, finns "
            "det all anledning att vara tydlig med att utbildningsförvaltningen ska vara "
            "representerad med lämplig funktion i de lokala styr- och beredningsgrupperna."
        ),
    ]
)

SEKTIONER = [
    (
        "Förvaltningens förslag till beslut",
        "<ol><li><p>Stadsdelsnämnden godkänner förvaltningens tjänsteutlåtande och överlämnar "
        "det till kommunstyrelsen som svar på remissen.</p></li>"
        "<li><p>Beslutet justeras omedelbart.</p></li></ol>",
    ),
    (
        "Sammanfattning",
        "<p>Kommunstyrelsen har remitterat förslaget till övergripande "
        "samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm till "
        "Älvsjö stadsdelsnämnd. Förvaltningen ser positivt på att samverkan mellan staden och "
        "polisen får en tydlig struktur på både central och lokal nivå, och att de lokala "
        "samverkansöverenskommelserna utgår från en gemensam lägesbild.</p>",
    ),
    (
        "Bakgrund",
        "<p>Samverkansavtalet för 2015–2019 mellan Stockholms stad och Polisregion Stockholm "
        "löpte ut i maj 2019. Stadsledningskontoret har tillsammans med polisen tagit fram en "
        "ny överenskommelse.</p>",
    ),
    (
        "Ärendet",
        "<p>Överenskommelsen pekar ut prioriterade samverkansområden och en struktur med "
        "lokala styrgrupper och arbetsgrupper i varje stadsdelsområde.</p>",
    ),
    (
        "Ärendets beredning",
        "<p>Ärendet har beretts av avdelningen för ledning och stöd.</p>",
    ),
    (
        "Förvaltningens synpunkter och förslag",
        "<p>Förvaltningen delar överenskommelsens inriktning och föreslår att nämnden "
        "godkänner tjänsteutlåtandet som svar på remissen.</p>",
    ),
    (
        "Konsekvenser för barns rättigheter samt jämställdhetsanalys",
        "<p>Då ärendet är på remiss från kommunstyrelsen gör förvaltningen ingen egen analys.</p>",
    ),
    (
        "Förslag till beslut",
        "<p>Förvaltningen föreslår att stadsdelsnämnden godkänner förvaltningens "
        "tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.</p>",
    ),
]
BILAGOR = [
    "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm"
]
