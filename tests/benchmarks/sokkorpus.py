"""A corpus of tjänsteutlåtanden for the search benchmark, generated from the seed texts.

Every seed is about one remiss (the samverkansöverenskommelse with the police), so the generator
gives each remiss a subject of its own from ``ÄMNEN`` and writes it into the borrowed sentences
where the seeds name theirs: most remisser are then about something else, as in a real diary,
and a search for one subject does not match every document. Sections are built from sentences
drawn from all the seeds, so no two documents are alike. Rows are written with bulk_create: the
point is the search, not the workflow.
"""

import datetime
import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
RUBRIKER = [
    "Förvaltningens förslag till beslut",
    "Sammanfattning",
    "Bakgrund",
    "Ärendet",
    "Ärendets beredning",
    "Förvaltningens synpunkter och förslag",
    "Konsekvenser för barns rättigheter samt jämställdhetsanalys",
    "Förslag till beslut",
]
ÄMNEN = [
    (
        "samverkansöverenskommelse",
        "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm",
    ),
    ("trafikstrategi", "Trafikstrategi för en växande stad"),
    ("cykelplan", "Cykelplan med åtgärder för säkrare cykelvägar"),
    ("äldreomsorgsprogram", "Program för äldreomsorg och hemtjänst"),
    ("klimathandlingsplan", "Klimathandlingsplan för ett fossilfritt Stockholm"),
    ("näringslivspolicy", "Näringslivspolicy för Stockholms stad"),
    ("bostadsförsörjningsprogram", "Riktlinjer för bostadsförsörjning"),
    ("digitaliseringsstrategi", "Strategi för digitalisering av stadens tjänster"),
    ("kulturstrategi", "Kulturstrategi och konstnärlig gestaltning"),
    ("idrottspolitiskt program", "Idrottspolitiskt program för ökad fysisk aktivitet"),
    ("vattenprogram", "Vattenprogram för Stockholms stad"),
    ("grönplan", "Grönplan för parker och naturområden"),
    ("skolplan", "Skolplan och lokalförsörjning för grundskolan"),
    ("folkhälsopolicy", "Folkhälsopolicy med mål för jämlik hälsa"),
    ("jämställdhetsplan", "Handlingsplan för jämställdhet i stadens verksamheter"),
    ("krisberedskapsprogram", "Program för krisberedskap och civilt försvar"),
    ("upphandlingspolicy", "Upphandlingspolicy med sociala hänsyn"),
    ("avfallsplan", "Avfallsplan för en cirkulär stad"),
    ("arkitekturprogram", "Arkitekturprogram för offentliga miljöer"),
    ("biblioteksplan", "Biblioteksplan för folkbiblioteken"),
    ("funktionshinderprogram", "Program för tillgänglighet och delaktighet"),
    ("integrationsprogram", "Integrationsprogram för nyanlända"),
    ("energiplan", "Energiplan med solceller på stadens tak"),
    ("parkeringspolicy", "Parkeringspolicy och avgifter för boendeparkering"),
]
_NAMNGIVNA = re.compile(r"samverkansöverenskommelse(n|rna|r)?", re.IGNORECASE)


def meningar():
    """Every sentence of at least six words in the four seeds, with their subject marked."""
    alla = []
    for fil in sorted(SEEDS.glob("*.txt")):
        text = re.sub(r"\s+", " ", fil.read_text(encoding="utf-8"))
        for mening in re.split(r"(?<=[.!?])\s+", text):
            if len(mening.split()) >= 6 and "@" not in mening and "http" not in mening:
                alla.append(_NAMNGIVNA.sub("{ämne}", mening))
    return alla


def _stycke(slump, källa, ämne, n):
    return " ".join(slump.choice(källa) for _ in range(n)).replace("{ämne}", ämne)


def sektioner(slump, källa, ämne, nämnd):
    """Eight sections of 900 words or so, like the seeds."""
    texter = []
    for rubrik in RUBRIKER:
        if rubrik.startswith(("Förvaltningens förslag", "Förslag till")):
            html = (
                f"<ol><li>{nämnd} godkänner förvaltningens tjänsteutlåtande och överlämnar det "
                "till kommunstyrelsen som svar på remissen.</li>"
                "<li>Beslutet justeras omedelbart.</li></ol>"
            )
        else:
            html = "".join(
                f"<p>{_stycke(slump, källa, ämne, slump.randint(2, 4))}</p>"
                for _ in range(slump.randint(2, 3))
            )
        texter.append((rubrik, html))
    return texter


def skapa(antal, slump=None, instanser_per_remiss=29, andel_attesterade=0.7):
    """``antal`` tjänsteutlåtanden on ``antal / instanser_per_remiss`` remisser from KS, one per
    remissinstans, with their sections. Returns the people the benchmark searches as."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from nämnder.models import Nämnd
    from nämnder.roller import Roll, ge_roll
    from remiss.models import Remiss, Remissinstans
    from yttranden.models import Sektion, Tjänsteutlåtande

    slump = slump or random.Random(740)
    källa = meningar()
    ks = Nämnd.objects.create(
        namn="Kommunstyrelsen",
        kortnamn="KS",
        diarieprefix="KS",
        typ=Nämnd.Typ.KOMMUNSTYRELSE,
        förvaltning="Stadsledningskontoret",
    )
    nämnder = Nämnd.objects.bulk_create(
        Nämnd(
            namn=f"Nämnd {nr}",
            kortnamn=f"N{nr}",
            diarieprefix="N" + "ABCDEFGHIJ"[nr // 10] + "ABCDEFGHIJ"[nr % 10],
            typ=Nämnd.Typ.FACKNÄMND,
            förvaltning=f"Förvaltning {nr}",
        )
        for nr in range(instanser_per_remiss)
    )
    Användare = get_user_model()
    skapare = Användare.objects.create(username="bench-skapare")
    ks_läsare = Användare.objects.create(username="bench-ks")
    ge_roll(ks_läsare, ks, Roll.LÄSARE, av=None, källa="mätdata")
    handläggare = Användare.objects.create(username="bench-handlaggare")
    ge_roll(handläggare, nämnder[0], Roll.HANDLÄGGARE, av=None, källa="mätdata")

    antal_remisser = -(-antal // instanser_per_remiss)
    remisser = Remiss.objects.bulk_create(
        Remiss(
            nämnd=ks,
            diarienummer=f"KS {2015 + nr % 10}/{100 + nr}",
            titel=ÄMNEN[nr % len(ÄMNEN)][1],
            beskrivning=_stycke(slump, källa, ÄMNEN[nr % len(ÄMNEN)][0], 2),
            remissdatum=datetime.date(2015 + nr % 10, 1 + nr % 12, 1 + nr % 28),
            sista_svarsdatum=datetime.date(2015 + nr % 10, 1 + nr % 12, 1 + nr % 28)
            + datetime.timedelta(days=60),
            status=Remiss.Status.AVSLUTAD,
            skapad_av=skapare,
        )
        for nr in range(antal_remisser)
    )
    gjorda = 0
    for remiss_nr, remiss in enumerate(remisser):
        ämne = ÄMNEN[remiss_nr % len(ÄMNEN)][0]
        mottagare = nämnder[: min(instanser_per_remiss, antal - gjorda)]
        instanser = Remissinstans.objects.bulk_create(
            Remissinstans(
                remiss=remiss,
                nämnd=nämnd,
                diarienummer=f"{nämnd.diarieprefix} {remiss.remissdatum.year}/{remiss_nr + 1}",
                svarsdatum=remiss.sista_svarsdatum,
                status=Remissinstans.Status.BESVARAD,
            )
            for nämnd in mottagare
        )
        utlåtanden = Tjänsteutlåtande.objects.bulk_create(
            Tjänsteutlåtande(
                instans=instans,
                status=(
                    Tjänsteutlåtande.Status.ATTESTERAD
                    if slump.random() < andel_attesterade
                    else Tjänsteutlåtande.Status.UTKAST
                ),
                datum=remiss.remissdatum + datetime.timedelta(days=slump.randint(10, 50)),
                skapad_av=skapare,
            )
            for instans in instanser
        )
        Sektion.objects.bulk_create(
            Sektion(utlåtande=utlåtande, ordning=ordning, rubrik=rubrik, html=html)
            for utlåtande, instans in zip(utlåtanden, instanser, strict=True)
            for ordning, (rubrik, html) in enumerate(
                sektioner(slump, källa, ämne, instans.nämnd.namn), start=1
            )
        )
        gjorda += len(utlåtanden)
    # bulk_create stamps every instans as received now; they were received with their remiss.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE remiss_remissinstans i SET mottagen = r.remissdatum FROM remiss_remiss r "
            "WHERE r.id = i.remiss_id"
        )
    return {"ks_läsare": ks_läsare, "handläggare": handläggare}
