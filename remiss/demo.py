"""Demo remisser for ``manage.py seed_demo``: the three real remisser the seeds come from (KS
2023/740, KS 2023/739 and KS 2019/656) and one fresh remiss with its deadline ahead, with
remissinstanser in realistic mixed states.

Every state is reached through the model methods, so each remiss has a full history; the history
is then dated to when it happened. Running it twice changes nothing: a remiss that exists is
left as it is.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from nämnder import historikskydd
from nämnder.demo import KÄLLA
from nämnder.models import Avdelning, Nämnd
from nämnder.roller import Roll, ge_roll
from remiss.models import Anstånd, Remiss, Remisshändelse, Remissinstans

S = Remissinstans.Status
SAMVERKAN = (
    "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm"
)
STADSDELAR_2019 = [
    "RIK", "SPT", "HÄV", "BRO", "KUN", "NOR", "ÖST", "SOD", "EÅV", "SKA", "FAR", "ÄLV", "HLI",
    "SKÄ",
]  # fmt: skip

# What the history says of an answer prepared outside Remiss (no tjänsteutlåtande here).
UTANFÖR_BEREDNING = "Tjänsteutlåtandet skrevs utanför Remiss."
UTANFÖR_ATTEST = "Tjänsteutlåtandet attesterades utanför Remiss."
UTANFÖR_BESLUT = "Beslutet fattades utanför Remiss."
UTANFÖR_SVAR = "Svaret lämnades utanför Remiss."

# Invented colleagues for the nämnder that have no demo login, so each step has a doer.
FÖRNAMN = ["Anna", "Mikael", "Sara", "Johan", "Eva", "Ahmed", "Karin", "Per", "Lina", "Omar"]
EFTERNAMN = ["Lindberg", "Nyström", "Karlsson", "Hassan", "Berg", "Wallin", "Ek", "Sundqvist"]
BEFATTNING = {
    Roll.REGISTRATOR: "Registrator",
    Roll.HANDLÄGGARE: "Utredare",
    Roll.DIREKTÖR: "Förvaltningsdirektör",
}


@dataclass
class Steg:
    """Where one remissinstans has got to, and when (days after the remiss was sent)."""

    prefix: str
    läge: str = S.MOTTAGEN
    löpnummer: int | None = None
    registrerad: int = 3
    svar: int | None = None
    motivering: str = ""
    anstånd: tuple | None = None  # (new deadline, reason, granted?) asked for on day `svar - 20`


def _tid(dag, klockan=10):
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(klockan)))


@contextmanager
def _den(dag, klockan=10):
    """Whatever the block records in the history happened on ``dag``."""
    före = Remisshändelse.objects.aggregate(störst=Max("pk"))["störst"] or 0
    yield _tid(dag, klockan)
    with historikskydd.dateras_om():
        Remisshändelse.objects.filter(pk__gt=före).update(tidpunkt=_tid(dag, klockan))


def _kollega(nämnd, roll, index):
    namn = f"{slugify(nämnd.kortnamn)}.{roll.value}"
    person, skapad = get_user_model().objects.get_or_create(
        username=namn,
        defaults={
            "first_name": FÖRNAMN[index % len(FÖRNAMN)],
            "last_name": EFTERNAMN[(index * 3 + len(roll.value)) % len(EFTERNAMN)],
            "befattning": BEFATTNING[roll],
            "email": f"{namn}@demo.remiss.invalid",
        },
    )
    if skapad:
        # Not a demo login (those are in nämnder/demo.py): only a name in the history.
        person.set_unusable_password()
        person.save(update_fields=["password"])
        ge_roll(person, nämnd, roll, av=None, källa=KÄLLA)
    return person


class Folk:
    """Who does what in each nämnd: the demo logins where they exist, invented colleagues
    elsewhere."""

    def __init__(self, personer):
        self.personer = personer

    def __call__(self, nämnd, roll):
        prefix = {"ÄLV": "alv"}.get(nämnd.diarieprefix, nämnd.diarieprefix.lower())
        känd = self.personer.get(f"{prefix}.{roll.value}")
        return känd or _kollega(nämnd, roll, nämnd.pk)


def _d(dagar):
    return datetime.timedelta(days=dagar)


def _avdelning(nämnd):
    return Avdelning.objects.filter(nämnd=nämnd).order_by("pk").first()


def _för_fram(instans, steg, skickad, folk, personer):
    """Take one instans to ``steg.läge`` through its model methods, each step on its day."""
    nämnd = instans.nämnd
    registrator, handläggare = folk(nämnd, Roll.REGISTRATOR), folk(nämnd, Roll.HANDLÄGGARE)
    dag = skickad + datetime.timedelta(days=steg.registrerad)
    svar = skickad + datetime.timedelta(days=steg.svar or 40)
    if steg.läge == S.MOTTAGEN:
        return
    with _den(dag, 9):
        nummer = steg.löpnummer or 100 + instans.pk
        instans.registrera(f"{nämnd.diarieprefix} {skickad.year}/{nummer}", av=registrator)
    if steg.läge == S.AVSTÅR:
        with _den(dag, 11):
            instans.avstå(steg.motivering, av=registrator)
        return
    with _den(dag + datetime.timedelta(days=1)):
        medhandläggare = [personer["kul.handlaggare2"]] if nämnd.diarieprefix == "KUL" else []
        instans.tilldela(handläggare, registrator, _avdelning(nämnd), medhandläggare)
    if steg.anstånd:
        _anstånd(instans, steg, svar, folk)
    # Past tilldelad, this demo takes an instans only when its answer was prepared outside
    # Remiss, and says so in the history; the utlåtanden that exist in Remiss (yttranden/demo.py)
    # take their instanser forward themselves.
    följd = [
        (S.UNDER_BEREDNING, instans.påbörja_beredning, handläggare, dag + _d(3), UTANFÖR_BEREDNING),
        (S.ATTESTERAD, instans.markera_attesterad, folk(nämnd, Roll.DIREKTÖR), svar - _d(12),
         UTANFÖR_ATTEST),
        (S.BESLUTAD, instans.markera_beslutad, registrator, svar - _d(2), UTANFÖR_BESLUT),
        (S.BESVARAD, instans.markera_besvarad, registrator, svar, UTANFÖR_SVAR),
    ]  # fmt: skip
    for läge, metod, av, när, anteckning in följd:
        if list(S).index(läge) > list(S).index(steg.läge):
            return
        with _den(när, 14) as tid:
            metod(av=av, anteckning=anteckning)
    Remissinstans.objects.filter(pk=instans.pk).update(besvarad=tid)


def _anstånd(instans, steg, svar, folk):
    nytt_datum, motivering, beviljat = steg.anstånd
    begärt = svar - _d(20)
    with _den(begärt) as tid:
        anstånd = Anstånd.begär(
            instans, nytt_datum, motivering, folk(instans.nämnd, Roll.REGISTRATOR)
        )
    Anstånd.objects.filter(pk=anstånd.pk).update(begärt=tid)
    if beviljat is None:
        return
    ks = instans.remiss.nämnd
    with _den(begärt + _d(2)) as tid:
        samordnare = folk(ks, Roll.REMISSAMORDNARE)
        if beviljat:
            anstånd.bevilja(samordnare)
        else:
            anstånd.avslå(samordnare, "Svaren behövs inför kommunstyrelsens beslut.")
    Anstånd.objects.filter(pk=anstånd.pk).update(beslutat=tid)


def _remiss(ks, dnr, titel, beskrivning, remissdatum, svar_senast, mottagare, samordnare):
    with _den(remissdatum - _d(3), 15) as tid:
        remiss = Remiss(
            nämnd=ks,
            diarienummer=dnr,
            titel=titel,
            beskrivning=beskrivning,
            avsändare="Rotel I",
            kontaktperson=samordnare,
            remissdatum=remissdatum,
            sista_svarsdatum=svar_senast,
        )
        remiss.full_clean(exclude=["skapad_av"])
        remiss.spara_utkast(samordnare, ny=True)
        remiss.mottagare.set(mottagare)
    Remiss.objects.filter(pk=remiss.pk).update(skapad=tid)
    return remiss


def _skicka(remiss, samordnare):
    with _den(remiss.remissdatum, 8) as tid:
        remiss.skicka(av=samordnare, dag=remiss.remissdatum)
    Remiss.objects.filter(pk=remiss.pk).update(utskickad=tid)
    remiss.instanser.update(mottagen=tid)


def _avsluta(remiss, samordnare, dag):
    with _den(dag, 16) as tid:
        remiss.avsluta(av=samordnare)
    Remiss.objects.filter(pk=remiss.pk).update(avslutad=tid)


def _bygg(nämnder, personer, dnr, titel, beskrivning, datum, steg, avslutad=None):
    """Create, send and advance one remiss, unless it is already there."""
    if Remiss.objects.filter(diarienummer=dnr).exists():
        return None
    ks, samordnare = nämnder["KS"], personer["ks.remissamordnare"]
    remissdatum, svar_senast = datum
    mottagare = [nämnder[s.prefix] for s in steg]
    remiss = _remiss(ks, dnr, titel, beskrivning, remissdatum, svar_senast, mottagare, samordnare)
    _skicka(remiss, samordnare)
    folk = Folk(personer)
    per_prefix = {i.nämnd.diarieprefix: i for i in remiss.instanser.select_related("nämnd")}
    for s in steg:
        _för_fram(per_prefix[s.prefix], s, remissdatum, folk, personer)
    if avslutad:
        _avsluta(remiss, samordnare, avslutad)
    return remiss


def _ks_2023_740(nämnder, personer):
    stadsdelar = [n.diarieprefix for n in Nämnd.objects.aktiva().av_typ(Nämnd.Typ.STADSDELSNÄMND)]
    # Sent 1 September, answers by 27 October 2023 (day 56).
    läge = {
        "UN": Steg("UN", S.TILLDELAD, 1897, registrerad=4),
        "SOD": Steg("SOD", S.TILLDELAD, 713, registrerad=5),
        "SN": Steg("SN", S.BESVARAD, 2210, svar=54),
        "TN": Steg(
            "TN",
            S.AVSTÅR,
            motivering="Trafiknämnden avstår från att yttra sig. Överenskommelsen berör inte "
            "nämndens ansvarsområde i den grad att ett eget yttrande behövs.",
        ),
        "SHAB": Steg(
            "SHAB",
            S.AVSTÅR,
            motivering="Stockholms Stadshus AB avstår. Koncernens synpunkter lämnas av de "
            "berörda dotterbolagen.",
        ),
        "RIK": Steg("RIK", S.BESVARAD, svar=50),
        "SPT": Steg("SPT", S.BESVARAD, svar=49),
        "HÄV": Steg("HÄV", S.BESVARAD, svar=55),
        "BRO": Steg("BRO", S.BESVARAD, svar=48),
        "KUN": Steg("KUN", S.BESVARAD, svar=53),
        "NOR": Steg("NOR", S.BESVARAD, svar=56),
        "ÖST": Steg("ÖST", S.BESVARAD, svar=52),
        "FAR": Steg("FAR", S.BESLUTAD, svar=58),
        "EÅV": Steg(
            "EÅV",
            S.BESVARAD,
            svar=76,
            anstånd=(
                datetime.date(2023, 11, 17),
                "Nämndens sammanträde i oktober är inställt; nästa är den 16 november.",
                True,
            ),
        ),
        "SKA": Steg("SKA", S.TILLDELAD, registrerad=6),  # yttranden/demo.py starts its utlåtande
    }
    steg = [läge.get(p) or Steg(p) for p in ["UN", "SN", "TN", "SHAB", *stadsdelar]]
    return _bygg(
        nämnder,
        personer,
        "KS 2023/740",
        SAMVERKAN,
        "Stadsledningskontoret har tillsammans med Polisregion Stockholm tagit fram en ny "
        "övergripande samverkansöverenskommelse som gäller från och med den 1 januari 2024. "
        "Målet är att stockholmarnas trygghet ska öka och brottsligheten minska. Överenskommelsen "
        "pekar ut fem prioriterade samverkansområden, bland dem unga i riskzon för destruktivt "
        "beteende och kriminella miljöer och livsstilar. Kommunstyrelsen remitterar den för "
        "yttrande.",
        (datetime.date(2023, 9, 1), datetime.date(2023, 10, 27)),
        steg,
    )


def _ks_2023_739(nämnder, personer):
    """Sent and still open: utbildningsnämnden has registered it and assigned un.handlaggare,
    and no utlåtande is started, so a visitor can write it."""
    stadsdelar = [n.diarieprefix for n in Nämnd.objects.aktiva().av_typ(Nämnd.Typ.STADSDELSNÄMND)]
    avstår = "Nämnden avstår och hänvisar till sitt yttrande över samverkansöverenskommelsen."
    steg = [Steg("UN", S.TILLDELAD, 1902, registrerad=4)]
    steg += [Steg(p, S.BESVARAD, svar=55 + i % 6) for i, p in enumerate(["SN", "KUL"])]
    steg += [Steg(p, S.BESVARAD, svar=50 + i % 8) for i, p in enumerate(stadsdelar)]
    steg += [Steg("TN", S.AVSTÅR, motivering=avstår)]
    return _bygg(
        nämnder,
        personer,
        "KS 2023/739",
        "Stockholms stads trygghetsprogram 2024–2027",
        "Programmet anger inriktningen för stadens brottsförebyggande och trygghetsskapande "
        "arbete under mandatperioden och ska läsas tillsammans med samverkansöverenskommelsen "
        "med Polisregion Stockholm (KS 2023/740).",
        (datetime.date(2023, 9, 1), datetime.date(2023, 10, 31)),
        steg,
    )


def _ks_2019_656(nämnder, personer):
    avstår = "Bolagets synpunkter lämnas av de berörda dotterbolagen."
    # Inkom 2019-06-03, remisstid 2019-09-04 (day 93). Älvsjö and Hägersten-Liljeholmen were
    # still nämnder of their own; both were merged into Hägersten-Älvsjö on 2020-01-01.
    läge = {
        # Tilldelad only: their utlåtanden, beslut and answers are in Remiss and take them
        # on (yttranden/demo.py, yttranden/demo_beslut.py).
        "KUL": Steg("KUL", S.TILLDELAD, 512, registrerad=8),
        "ÄLV": Steg("ÄLV", S.TILLDELAD, 229, registrerad=10),
        "SHAB": Steg("SHAB", S.AVSTÅR, motivering=avstår),
    }
    prefix = ["SN", "UN", "KUL", "SHAB", *STADSDELAR_2019]
    steg = [
        läge.get(p) or Steg(p, S.BESVARAD, svar=85 + len(p) + i % 7) for i, p in enumerate(prefix)
    ]
    return _bygg(
        nämnder,
        personer,
        "KS 2019/656",
        SAMVERKAN,
        "En övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
        "Stockholm har tagits fram av stadsledningskontoret tillsammans med polisen. Den ersätter "
        "samverkansavtalet för 2015–2019 och pekar ut prioriterade samverkansområden, bland dem "
        "unga i risk för kriminalitet och arbetet mot våldsbejakande extremism.",
        (datetime.date(2019, 6, 3), datetime.date(2019, 9, 4)),
        steg,
        avslutad=datetime.date(2019, 10, 14),
    )


def _pågående(nämnder, personer):
    """A remiss out now, so the demo shows live work: inboxes, a case being drafted, an
    anstånd waiting for KS."""
    idag = timezone.localdate()
    skickad = idag - _d(12)
    steg = [
        # Assigned, so un.handlaggare has a case to start an utlåtande on; Södermalm's is
        # still in its registrator's inbox.
        Steg("UN", S.TILLDELAD, registrerad=1),
        Steg("SOD"),
        Steg("KUL", S.TILLDELAD, registrerad=2),  # yttranden/demo.py starts its utlåtande
        Steg(
            "SN",
            S.TILLDELAD,
            registrerad=3,
            anstånd=(
                idag + _d(60),
                "Socialnämnden sammanträder först efter remisstidens slut.",
                None,
            ),
            svar=32,
        ),
        Steg("SKÄ", S.TILLDELAD, registrerad=4),
        Steg("FAR", S.AVSTÅR, motivering="Frågan berör inte stadsdelsnämndens ansvarsområde."),
    ]
    return _bygg(
        nämnder,
        personer,
        f"KS {idag.year}/412",
        "Riktlinjer för stadens arbete mot våldsbejakande extremism",
        "Stadsledningskontoret har reviderat stadens riktlinjer mot våldsbejakande extremism. "
        "Kommunstyrelsen vill särskilt veta hur riktlinjerna kan omsättas i skolan och i det "
        "lokala trygghetsarbetet.",
        (skickad, idag + _d(33)),
        steg,
    )


def _utkast(nämnder, personer):
    """A draft the remissamordnare can finish and send in the demo."""
    idag = timezone.localdate()
    dnr = f"KS {idag.year}/450"
    if Remiss.objects.filter(diarienummer=dnr).exists():
        return None
    mottagare = [nämnder[p] for p in ("UN", "SOD", "KUL", "SN")]
    return _remiss(
        nämnder["KS"],
        dnr,
        "Stockholms stads strategi för trygga offentliga miljöer",
        "Strategin beskriver hur staden planerar, gestaltar och förvaltar offentliga platser så "
        "att de upplevs som trygga. Remissen skickas när bilagorna är klara.",
        idag + _d(3),
        idag + _d(60),
        mottagare,
        personer["ks.remissamordnare"],
    )


def skapa_remisser(nämnder, personer):
    """Create the demo remisser that are not there yet; return how many there are."""
    for bygg in (_ks_2019_656, _ks_2023_739, _ks_2023_740, _pågående, _utkast):
        bygg(nämnder, personer)
    return Remiss.objects.filter(nämnd=nämnder["KS"]).count()
