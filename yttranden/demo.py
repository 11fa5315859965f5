"""The three tjänsteutlåtanden in tests/fixtures/seeds as real documents, for ``manage.py
seed_demo``: utbildningsnämndens and kulturnämndens attested on the dates they show,
Södermalms (its OCR damage repaired in ``yttranden.demotexter.sodermalm``) under review.

Each goes through the model methods, so it has its versions, history and attest checksum; the
history is then dated to when it happened. Running it twice changes nothing.
"""

import datetime
from contextlib import contextmanager

from django.db.models import Max, QuerySet
from django.utils import timezone

from nämnder import historikskydd
from nämnder.models import Sammanträde
from remiss.models import Remiss, Remisshändelse, Remissinstans
from yttranden.demotexter import kulturnamnden, sodermalm, utbildningsnamnden
from yttranden.models import (
    Attest,
    Mall,
    Mallavsnitt,
    Tjänsteutlåtande,
    Utlåtandehändelse,
    Version,
)

SAMVERKAN = (
    "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm"
)


def _tid(dag, klockan):
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(klockan)))


@contextmanager
def _den(dag, klockan=10):
    """Whatever the block records (history, versions, attests) happened on ``dag``."""
    modeller = [Utlåtandehändelse, Remisshändelse, Version, Attest]
    före = {m: m.objects.aggregate(störst=Max("pk"))["störst"] or 0 for m in modeller}
    yield
    tid = _tid(dag, klockan)
    with historikskydd.dateras_om():
        Utlåtandehändelse.objects.filter(pk__gt=före[Utlåtandehändelse]).update(tidpunkt=tid)
        Remisshändelse.objects.filter(pk__gt=före[Remisshändelse]).update(tidpunkt=tid)
    Attest.objects.filter(pk__gt=före[Attest]).update(tidpunkt=tid)
    # Saved versions refuse every update; dating the demo's own, just made, is the exception.
    QuerySet.update(Version.objects.filter(pk__gt=före[Version]), sparad=tid)


def _instans(dnr, prefix, nämnder, personer, remissdatum, svar_senast):
    """The remissinstans remiss/demo.py made, or (if it has not) a minimal one of our own."""
    nämnd = nämnder[prefix]
    instans = Remissinstans.objects.filter(remiss__diarienummer=dnr, nämnd=nämnd).first()
    if instans is not None:
        return instans
    samordnare = personer["ks.remissamordnare"]
    remiss, _ = Remiss.objects.get_or_create(
        diarienummer=dnr,
        defaults={
            "nämnd": nämnder["KS"],
            "titel": SAMVERKAN,
            "avsändare": "Rotel I",
            "remissdatum": remissdatum,
            "sista_svarsdatum": svar_senast,
            "skapad_av": samordnare,
        },
    )
    remiss.mottagare.add(nämnd)
    if remiss.är_utkast:
        remiss.skicka(av=samordnare, dag=remiss.remissdatum)
    instans, _ = remiss.instanser.get_or_create(
        nämnd=nämnd, defaults={"svarsdatum": remiss.sista_svarsdatum}
    )
    kod = prefix.lower()
    if instans.status == Remissinstans.Status.MOTTAGEN:
        instans.tilldela(personer[f"{kod}.handlaggare"], av=personer[f"{kod}.registrator"])
    return instans


def _sammanträde(nämnd, dag):
    möte, _ = Sammanträde.objects.get_or_create(
        nämnd=nämnd, datum=dag, defaults={"tid": datetime.time(17, 30), "plats": "Stadshuset"}
    )
    return möte


def _kulturförvaltningens_mall(nämnd):
    mall, skapad = Mall.objects.get_or_create(
        nämnd=nämnd, defaults={"namn": kulturnamnden.MALL_NAMN}
    )
    if skapad:
        for nr, (rubrik, text, obligatoriskt) in enumerate(kulturnamnden.MALL, start=1):
            Mallavsnitt.objects.create(
                mall=mall,
                ordning=nr,
                rubrik=rubrik,
                förifylld_text=text,
                obligatoriskt=obligatoriskt,
            )


def _skriv(instans, texter, dagar, datum, möte, personer, kod, till):
    """Start, write, and take one utlåtande as far as ``till`` on the days given."""
    handläggare = personer[f"{kod}.handlaggare"]
    chef, direktör = personer[f"{kod}.avdelningschef"], personer[f"{kod}.direktor"]
    with _den(dagar["påbörjat"], 9):
        utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
        utlåtande.importera(texter.SEKTIONER, av=handläggare, bilagor=texter.BILAGOR)
    Tjänsteutlåtande.objects.filter(pk=utlåtande.pk).update(
        datum=datum, sammanträde=möte, granskare=chef, attestant=direktör
    )
    utlåtande.refresh_from_db()
    with _den(dagar["skickat"], 15):
        utlåtande.skicka_till_granskning(av=handläggare)
    if till == Tjänsteutlåtande.Status.GRANSKNING:
        return utlåtande
    with _den(dagar["godkänt"], 11):
        utlåtande.godkänn(av=chef, datum=dagar["godkänt"])
    with _den(dagar["attesterat"], 14):
        utlåtande.attestera(av=direktör, datum=dagar["attesterat"])
    return utlåtande


def _påbörja_tilldelade(nämnder):
    """The cases under beredning in the demo: Skärholmen's on KS 2023/740 and kulturnämndens
    on the remiss out now each have an utlåtande started by their handläggare two days after
    it was assigned, so page and history agree."""
    idag = timezone.localdate()
    for dnr, prefix in [("KS 2023/740", "SKA"), (f"KS {idag.year}/412", "KUL")]:
        instans = Remissinstans.objects.filter(
            remiss__diarienummer=dnr, nämnd=nämnder[prefix], status=Remissinstans.Status.TILLDELAD
        ).first()
        if instans is None or Tjänsteutlåtande.objects.filter(instans=instans).exists():
            continue
        tilldelad = instans.händelser.filter(typ=Remisshändelse.Typ.TILLDELAD).last()
        with _den(timezone.localdate(tilldelad.tidpunkt) + datetime.timedelta(days=2), 9):
            Tjänsteutlåtande.påbörja(instans, av=instans.handläggare)


def skapa_utlåtanden(nämnder, personer):
    """Create the seeds' three tjänsteutlåtanden that are not there yet; return how many
    tjänsteutlåtanden there are."""
    d = datetime.date
    _kulturförvaltningens_mall(nämnder["KUL"])
    dokument = [
        (
            "KS 2023/740", "UN", utbildningsnamnden, Tjänsteutlåtande.Status.ATTESTERAD,
            (d(2023, 9, 1), d(2023, 10, 27)), d(2023, 10, 17), d(2023, 10, 26),
            {"påbörjat": d(2023, 9, 11), "skickat": d(2023, 10, 11),
             "godkänt": d(2023, 10, 13), "attesterat": d(2023, 10, 17)},
        ),
        (
            "KS 2023/740", "SOD", sodermalm, Tjänsteutlåtande.Status.GRANSKNING,
            (d(2023, 9, 1), d(2023, 10, 27)), d(2023, 9, 29), d(2023, 10, 19),
            {"påbörjat": d(2023, 9, 12), "skickat": d(2023, 9, 29)},
        ),
        (
            "KS 2019/656", "KUL", kulturnamnden, Tjänsteutlåtande.Status.ATTESTERAD,
            (d(2019, 6, 3), d(2019, 9, 4)), d(2019, 8, 27), d(2019, 8, 27),
            {"påbörjat": d(2019, 6, 17), "skickat": d(2019, 8, 12),
             "godkänt": d(2019, 8, 14), "attesterat": d(2019, 8, 27)},
        ),
    ]  # fmt: skip
    for dnr, prefix, texter, till, remissdatum, datum, mötesdag, dagar in dokument:
        instans = _instans(dnr, prefix, nämnder, personer, *remissdatum)
        if Tjänsteutlåtande.objects.filter(instans=instans).exists():
            continue
        möte = _sammanträde(nämnder[prefix], mötesdag)
        _skriv(instans, texter, dagar, datum, möte, personer, prefix.lower(), till)
    _påbörja_tilldelade(nämnder)
    return Tjänsteutlåtande.objects.count()
