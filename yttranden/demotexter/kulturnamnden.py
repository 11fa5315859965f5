"""Kulturförvaltningens tjänsteutlåtande över KS 2019/656, as in
tests/fixtures/seeds/kulturnamnden_KS_2019-656.txt. Kulturförvaltningen keeps its own mall:
"Underlag för beslut" and "Remissen" instead of the standard Bakgrund and Ärendet."""

MALL_NAMN = "Kulturförvaltningens mall"
MALL = [
    (
        "Förslag till beslut",
        "<p>Kulturförvaltningen föreslår att kulturnämnden beslutar:</p>"
        "<ol><li><p>Att godkänna och överlämna förvaltningens tjänsteutlåtande till "
        "kommunstyrelsen som svar på remissen</p></li>"
        "<li><p>Att förklara beslutet omedelbart justerat</p></li></ol>",
        True,
    ),
    ("Sammanfattning", "", True),
    (
        "Underlag för beslut",
        "<p>Remiss från kommunstyrelsen, {avsändare}, av {remiss_titel}, dnr. {remiss_dnr}, som "
        "inkom {remissdatum}. Remisstid {svarsdatum}.</p>",
        True,
    ),
    ("Remissen", "", True),
    ("Ärendets beredning", "", True),
    ("Förvaltningens synpunkter och förslag", "", True),
]

SEKTIONER = [
    (
        "Förslag till beslut",
        "<p>Kulturförvaltningen föreslår att kulturnämnden beslutar:</p>"
        "<ol><li><p>Att godkänna och överlämna förvaltningens tjänsteutlåtande till "
        "kommunstyrelsen som svar på remissen</p></li>"
        "<li><p>Att förklara beslutet omedelbart justerat</p></li></ol>",
    ),
    (
        "Sammanfattning",
        "<p>En övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
        "Stockholm har tagits fram av stadsledningskontoret tillsammans med Polisregion "
        "Stockholm. Målet med samverkansöverenskommelsen är att stockholmarnas upplevda trygghet "
        "ska öka och att den faktiska brottsligheten ska minska. Arbetet bedrivs både "
        "stadsövergripande och på lokal nivå. Ett antal prioriterade samverkansområden beskrivs, "
        "vilka har sin utgångspunkt i de brottsförebyggande och trygghetsskapande insatser som "
        "lyfts fram i kommunfullmäktiges mål 1.2: Stockholm är en trygg, säker och välskött stad "
        "att bo och vistas i.</p>"
        "<p>Kulturförvaltningen ser mycket positivt på samverkansöverenskommelsen mellan "
        "Stockholms stad och Polisregion Stockholm. Kanske framför allt på lokal nivå anser vi "
        "dock att kulturförvaltningen bör involveras mer än vad som beskrivs i "
        "samverkansöverenskommelsen. Detta på grund av förvaltningens närvaro med minst en "
        "publik verksamhet i varje stadsdel, samt de stora evenemang som förvaltningen ansvarar "
        "för.</p>",
    ),
    (
        "Underlag för beslut",
        "<p>Remiss från kommunstyrelsen, Rotel I, av Övergripande samverkansöverenskommelse "
        "mellan Stockholms stad och Polisregion Stockholm, dnr. 2019/656, som inkom 2019-06-03. "
        "Remisstid 2019-09-04.</p>",
    ),
    (
        "Remissen",
        "<p>En övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
        "Stockholm har tagits fram av stadsledningskontoret tillsammans med Polisregion "
        "Stockholm. Den ersätter tidigare samverkansavtal för 2015-2019, dnr 320-845/2015 mellan "
        "Stockholms stad och Polisregion Stockholm som löpte ut i maj 2019.</p>"
        "<p>Syftet med samverkansöverenskommelsen är att skapa förutsättningar för att stärka det "
        "gemensamma brottsförebyggande och trygghetskapande arbetet. Detta arbete ska ske på "
        "både stadsövergripande nivå, mellan Stockholms stad och Polisregion Stockholm, och på "
        "lokal nivå, bland annat i lokala styrgrupper, mellan sju lokalpolisområden och stadens "
        "14 stadsdelsförvaltningar samt relevanta fackförvaltningar. Samverkan sker idag i en "
        "mängd olika frågor lokalt och centralt, från långsiktiga strukturer kopplade till lokalt "
        "trygghetsarbete och krisberedskap till andra uppdrag av mer tillfällig karaktär som "
        "särskilda evenemang.</p>"
        "<p>Det övergripande målet med arbetet är att stockholmarnas upplevda trygghet ska öka "
        "och att den faktiska brottsligheten ska minska. Följande prioriterade "
        "samverkansområden pekas ut i överenskommelsen: unga i risk för kriminalitet, "
        "avhoppbarverksamhet för kriminella, arbetet mot våldsbejakande extremism, särskilt "
        "utsatta och sårbara brottsoffer, otillåten påverkan (avser exempelvis påtryckningar på "
        "tjänstemän eller politiker i deras beslutsfattande och yrkesutövning), riktat arbete mot "
        "avgränsade platser och utsatta områden. De prioriterade samverkansområdena utgår i hög "
        "grad från inriktningen för de brottsförebyggande och trygghetskapande insatser som "
        "lyfts fram i kommunfullmäktiges mål 1.2: Stockholm är en trygg, säker och välskött stad "
        "att bo och vistas i.</p>"
        "<p>Till samverkansöverenskommelsen ska kopplas en handlingsplan med syfte att formulera "
        "en struktur för de prioriterade samverkansområdena och andra stadsövergripande "
        "samverkansinsatser där stadens fackförvaltningar och bolag är involverade tillsammans "
        "med polisen. I handlingsplanen specificeras mål, inriktning, ansvarsfördelning, "
        "aktiviteter, åtaganden, tidsplan och uppföljning av respektive samverkansområde.</p>"
        "<p>Ett effektivt arbete mot brott och för skapande av trygghet kräver både långsiktiga "
        "och kortsiktiga åtgärder vilka riktas till den generella, allmänna nivån, till särskilda "
        "individer och grupper eller specifikt otrygga platser. Det är viktigt att kunna minska "
        "riskfaktorer och öka skyddsfaktorer både genom ett långsiktigt brottsförebyggande arbete "
        "men också genom skyndsamt samordnade insatser.</p>",
    ),
    (
        "Ärendets beredning",
        "<p>Ärendet har beretts av administrativa staben med hjälp av Evenemangsavdelningen inom "
        "kulturförvaltningen.</p>",
    ),
    (
        "Förvaltningens synpunkter och förslag",
        "<p>Kulturförvaltningen ställer sig positiv till samverkansöverenskommelsen mellan "
        "Stockholms stad och Polisregion Stockholm. En överenskommelse om samverkan mellan dessa "
        "aktörer ser vi som en självklarhet. Ett strukturerat samarbete mellan stadens "
        "verksamheter och polismyndigheten är mycket värdefullt.</p>"
        "<p>Vi vill betona vikten av att kulturförvaltningen involveras i detta arbete, "
        "exempelvis på lokal styrgruppsnivå. De lokala styrgrupperna är tänkta att bestå av "
        "stadsdelsdirektör, lokalpolisområdeschef och chef eller annan befattning med mandat "
        "från relevanta fackförvaltningar och bolag. Kulturförvaltningen finns representerad i "
        "varje stadsdel med minst en publik verksamhet, driver aktiviteter i Kungsträdgården samt "
        "håller i stora publika evenemang. Därmed kan förvaltningen utgöra en naturlig part i ett "
        "konstruktivt samverkansarbete.</p>"
        "<p>Exempelvis står det i samverkansöverenskommelsen, under rubriken prioriterade "
        "samverkansområden, att ”samverkan sker idag mellan staden och polisen i en mängd olika "
        "frågor lokalt och centralt, alltifrån långsiktiga strukturer kring lokalt "
        "trygghetsarbete och krisberedskap till mer för stunden påkallade uppdrag som särskilda "
        "evenemang”.</p>"
        "<p>Dessa särskilda evenemang kan mycket väl vara sådana som kulturförvaltningen "
        "hanterar. Därför kan kulturförvaltningen och inte minst Evenemangsavdelningen "
        "involveras.</p>"
        "<p>Vidare beskrivs i samverkansöverenskommelsen att de åtgärder som genomförs ska vara "
        "evidensbaserade och utgå från en kontinuerligt uppdaterad lägesbild och "
        "orsaksanalys.</p>"
        "<p>Det är bra att man utifrån lägesbilderna kan ta fram åtgärdsplaner och genomföra "
        "insatser. Dessa lägesbilder kan tas fram genom att underlag begärs in från samtliga "
        "stadsdels- och fackförvaltningar.</p>",
    ),
]

BILAGOR = [
    "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm "
    "(KS 2019/656)",
    "Kopia av godkänt tjänsteutlåtande: KS 2019/656: Övergripande samverkansöverenskommelse "
    "mellan Stockholms stad och Polisregion Stockholm",
    "Följebrev Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
    "Stockholm (KS 2019/656)",
]
