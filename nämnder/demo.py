"""Stockholms stad as the seeds in tests/fixtures/seeds show it: nämnder, förvaltningar, letterhead
data and one demo login per role in the demo nämnder. Used by ``manage.py seed_demo``."""

import calendar
import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from nämnder.models import Avdelning, Nämnd, Sammanträde
from nämnder.roller import Roll, ge_roll

STOCKHOLM_WEBB = "https://start.stockholm/"
STOCKHOLM_VÄXEL = "08-508 00 000"
DEMO_LÖSENORD = "demo"
KÄLLA = "demodata"  # the role history says where the demo's roles came from

F, S, K, B = (
    Nämnd.Typ.FACKNÄMND,
    Nämnd.Typ.STADSDELSNÄMND,
    Nämnd.Typ.KOMMUNSTYRELSE,
    Nämnd.Typ.BOLAG,
)

# (namn, kortnamn, diarieprefix, typ, förvaltning, avdelningar, letterhead overrides, aktiv)
NÄMNDER = [
    (
        "Kommunstyrelsen",
        "Kommunstyrelsen",
        "KS",
        K,
        "Stadsledningskontoret",
        ["Avdelningen för kansli och juridik", "Avdelningen för trygghet och säkerhet"],
        {"besöksadress": "Stadshuset, Ragnar Östbergs plan 1", "postnummer": "105 35"},
        True,
    ),
    (
        "Utbildningsnämnden",
        "Utbildning",
        "UN",
        F,
        "Utbildningsförvaltningen",
        ["Avdelningen för ekonomi och styrning", "Grundskoleavdelningen", "Gymnasieavdelningen"],
        {
            "besöksadress": "Hantverkargatan 2F",
            "box": "Box 22049",
            "postnummer": "104 22",
            "växel": "08-508 33 000",
            "epost": "registrator.utbildning@edu.stockholm.se",
        },
        True,
    ),
    (
        "Socialnämnden",
        "Social",
        "SN",
        F,
        "Socialförvaltningen",
        ["Avdelningen för stadsövergripande sociala frågor"],
        {},
        True,
    ),
    ("Trafiknämnden", "Trafik", "TN", F, "Trafikkontoret", ["Stab och kansli"], {}, True),
    (
        "Kulturnämnden",
        "Kultur",
        "KUL",
        F,
        "Kulturförvaltningen",
        ["Administrativa staben", "Evenemangsavdelningen"],
        {},
        True,
    ),
    (
        "Rinkeby-Kista stadsdelsnämnd",
        "Rinkeby-Kista",
        "RIK",
        S,
        "Rinkeby-Kista stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    (
        "Spånga-Tensta stadsdelsnämnd",
        "Spånga-Tensta",
        "SPT",
        S,
        "Spånga-Tensta stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    (
        "Hässelby-Vällingby stadsdelsnämnd",
        "Hässelby-Vällingby",
        "HÄV",
        S,
        "Hässelby-Vällingby stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    ("Bromma stadsdelsnämnd", "Bromma", "BRO", S, "Bromma stadsdelsförvaltning", [], {}, True),
    (
        "Kungsholmens stadsdelsnämnd",
        "Kungsholmen",
        "KUN",
        S,
        "Kungsholmens stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    (
        "Norrmalms stadsdelsnämnd",
        "Norrmalm",
        "NOR",
        S,
        "Norrmalms stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    (
        "Östermalms stadsdelsnämnd",
        "Östermalm",
        "ÖST",
        S,
        "Östermalms stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    (
        "Södermalms stadsdelsnämnd",
        "Södermalm",
        "SOD",
        S,
        "Södermalms stadsdelsförvaltning",
        ["Stadsdelsdirektörens stab och kansli", "Sociala avdelningen"],
        {
            "besöksadress": "Virkesvägen 3",
            "box": "Box 90 185",
            "postnummer": "120 22",
            "växel": "08-508 12 000",
            "epost": "soder@stockholm.se",
        },
        True,
    ),
    (
        "Enskede-Årsta-Vantörs stadsdelsnämnd",
        "Enskede-Årsta-Vantör",
        "EÅV",
        S,
        "Enskede-Årsta-Vantörs stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    (
        "Skarpnäcks stadsdelsnämnd",
        "Skarpnäck",
        "SKA",
        S,
        "Skarpnäcks stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    ("Farsta stadsdelsnämnd", "Farsta", "FAR", S, "Farsta stadsdelsförvaltning", [], {}, True),
    (
        "Hägersten-Älvsjö stadsdelsnämnd",
        "Hägersten-Älvsjö",
        "HÄL",
        S,
        "Hägersten-Älvsjö stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    (
        "Skärholmens stadsdelsnämnd",
        "Skärholmen",
        "SKÄ",
        S,
        "Skärholmens stadsdelsförvaltning",
        [],
        {},
        True,
    ),
    # Merged into Hägersten-Älvsjö on 2020-01-01; kept for the 2019 remiss KS 2019/656.
    (
        "Älvsjö stadsdelsnämnd",
        "Älvsjö",
        "ÄLV",
        S,
        "Älvsjö stadsdelsförvaltning",
        ["Avdelningen för ledning och stöd"],
        {},
        False,
    ),
    (
        "Hägersten-Liljeholmens stadsdelsnämnd",
        "Hägersten-Liljeholmen",
        "HLI",
        S,
        "Hägersten-Liljeholmens stadsdelsförvaltning",
        [],
        {},
        False,
    ),
    ("Stockholms Stadshus AB", "Stadshus AB", "SHAB", B, "Stockholms Stadshus AB", [], {}, True),
]

R = Roll
# (användarnamn, förnamn, efternamn, befattning, telefon, diarieprefix, roller)
DEMO_ANVÄNDARE = [
    (
        "ks.remissamordnare",
        "Karin",
        "Sjöberg",
        "Remissamordnare",
        "08-508 29 000",
        "KS",
        [R.REMISSAMORDNARE],
    ),
    ("ks.registrator", "Oskar", "Lindqvist", "Registrator", "08-508 29 010", "KS", [R.REGISTRATOR]),
    ("ks.lasare", "Åsa", "Bergström", "Kommunalråd", "", "KS", [R.LÄSARE]),
    # Writes KS's own tjänsteutlåtande on a remiss, built from the answers (yttranden/eget.py).
    ("ks.handlaggare", "Nils", "Forsberg", "Utredare", "08-508 29 030", "KS", [R.HANDLÄGGARE]),
    ("un.handlaggare", "Joakim", "Länninge", "Utredare", "08-508 33 750", "UN", [R.HANDLÄGGARE]),
    ("un.avdelningschef", "Ulrika", "Klemets", "Avdelningschef", "", "UN", [R.AVDELNINGSCHEF]),
    ("un.direktor", "Lena", "Holmdahl", "Utbildningsdirektör", "", "UN", [R.DIREKTÖR]),
    ("un.registrator", "Maja", "Öberg", "Registrator", "08-508 33 100", "UN", [R.REGISTRATOR]),
    (
        "un.namndsekreterare",
        "Erik",
        "Håkansson",
        "Nämndsekreterare",
        "08-508 33 120",
        "UN",
        [R.NÄMNDSEKRETERARE],
    ),
    ("sod.handlaggare", "Josefin", "Lokvist", "Utredare", "08-508 12 197", "SOD", [R.HANDLÄGGARE]),
    (
        "sod.avdelningschef",
        "Maria",
        "Klemets Hellberg",
        "Avdelningschef",
        "",
        "SOD",
        [R.AVDELNINGSCHEF],
    ),
    ("sod.direktor", "Alexandra", "Wynn", "Stadsdelsdirektör", "", "SOD", [R.DIREKTÖR]),
    ("sod.registrator", "Ali", "Yilmaz", "Registrator", "08-508 12 010", "SOD", [R.REGISTRATOR]),
    (
        "sod.namndsekreterare",
        "Sofia",
        "Ekström",
        "Nämndsekreterare",
        "08-508 12 020",
        "SOD",
        [R.NÄMNDSEKRETERARE],
    ),
    ("kul.handlaggare", "Fabian", "Lind", "Utredare", "08-508 31 945", "KUL", [R.HANDLÄGGARE]),
    ("kul.handlaggare2", "Stefan", "Elm", "Utredare", "08-508 31 977", "KUL", [R.HANDLÄGGARE]),
    ("kul.avdelningschef", "Lena", "Nilsson", "Administrativ chef", "", "KUL", [R.AVDELNINGSCHEF]),
    ("kul.direktor", "Robert", "Olsson", "Kulturdirektör", "", "KUL", [R.DIREKTÖR]),
    ("kul.registrator", "Nils", "Åström", "Registrator", "08-508 31 900", "KUL", [R.REGISTRATOR]),
    (
        "kul.namndsekreterare",
        "Hanna",
        "Forsberg",
        "Nämndsekreterare",
        "08-508 31 910",
        "KUL",
        [R.NÄMNDSEKRETERARE],
    ),
    ("alv.handlaggare", "Mikael", "Strand", "Utredare", "", "ÄLV", [R.HANDLÄGGARE]),
    ("alv.avdelningschef", "Eva", "Lundgren", "Avdelningschef", "", "ÄLV", [R.AVDELNINGSCHEF]),
    ("alv.direktor", "Anders", "Bergqvist", "Stadsdelsdirektör", "", "ÄLV", [R.DIREKTÖR]),
    ("alv.registrator", "Pernilla", "Sandberg", "Registrator", "", "ÄLV", [R.REGISTRATOR]),
    (
        "alv.namndsekreterare",
        "Johan",
        "Wikström",
        "Nämndsekreterare",
        "",
        "ÄLV",
        [R.NÄMNDSEKRETERARE],
    ),
]

# Demo nämnder meet on the third Thursday of each month but July.
DEMO_SAMMANTRÄDESNÄMNDER = ["KS", "UN", "SOD", "KUL"]


def tredje_torsdagen(år, månad):
    torsdagar = [
        vecka[calendar.THURSDAY]
        for vecka in calendar.monthcalendar(år, månad)
        if vecka[calendar.THURSDAY]
    ]
    return datetime.date(år, månad, torsdagar[2])


def skapa_nämnder():
    """Create or update every nämnd; return them by diarieprefix."""
    nämnder = {}
    for namn, kortnamn, prefix, typ, förvaltning, avdelningar, brevhuvud, aktiv in NÄMNDER:
        fält = {
            "namn": namn,
            "kortnamn": kortnamn,
            "typ": typ,
            "aktiv": aktiv,
            "förvaltning": förvaltning,
            "postort": "Stockholm",
            "växel": STOCKHOLM_VÄXEL,
            "webbplats": STOCKHOLM_WEBB,
            **brevhuvud,
        }
        nämnd, _ = Nämnd.objects.update_or_create(diarieprefix=prefix, defaults=fält)
        for avdelning in avdelningar:
            Avdelning.objects.get_or_create(nämnd=nämnd, namn=avdelning)
        nämnder[prefix] = nämnd
    return nämnder


def skapa_användare(nämnder):
    """Create or update the demo logins and give them their roles; return them by username."""
    User = get_user_model()
    personer = {}
    for namn, förnamn, efternamn, befattning, telefon, prefix, roller in DEMO_ANVÄNDARE:
        person, skapad = User.objects.update_or_create(
            username=namn,
            defaults={
                "first_name": förnamn,
                "last_name": efternamn,
                "befattning": befattning,
                "telefon": telefon,
                "email": f"{namn}@demo.remiss.invalid",
                "is_active": True,
            },
        )
        if skapad or not person.check_password(DEMO_LÖSENORD):
            person.set_password(DEMO_LÖSENORD)
            person.save(update_fields=["password"])
        for roll in roller:
            ge_roll(person, nämnder[prefix], roll, av=None, källa=KÄLLA)
        personer[namn] = person
    return personer


def skapa_sammanträden(nämnder):
    i_år = timezone.localdate().year
    for prefix in DEMO_SAMMANTRÄDESNÄMNDER:
        for år in (i_år, i_år + 1):
            for månad in range(1, 13):
                if månad == 7:
                    continue
                Sammanträde.objects.get_or_create(
                    nämnd=nämnder[prefix],
                    datum=tredje_torsdagen(år, månad),
                    defaults={"tid": datetime.time(17, 30), "plats": "Stadshuset"},
                )
