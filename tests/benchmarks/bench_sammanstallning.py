"""KS's sammanställning of a remiss with 30 answers of about four pages each (issue 5, "Speed").

Each answer goes the whole way through the model methods — registered, assigned, the seed's
four-page utlåtande from utbildningsnämnden imported, reviewed, attested, decided with a
särskilt uttalande and sent — then the page is requested through Django's test Client in a warm
process: the number of SQL queries and the median server-side time over ``VARV`` runs.
``python -m tests.benchmarks sammanstallning`` runs it alone.
"""

import time

from tests.benchmarks import mal, sidmatning
from tests.benchmarks.databas import benchmarkdatabas

ANTAL_SVAR = 30
MÅL = 0.300  # seconds, median
MÅL_FRÅGOR = 14


def _besvara(instans, personal):
    from django.utils import timezone

    from nämnder.roller import Roll
    from yttranden.demotexter import utbildningsnamnden
    from yttranden.models import Beslut, Svar, Tjänsteutlåtande, Uttalande, Ärende

    registrator, handläggare = personal[Roll.REGISTRATOR], personal[Roll.HANDLÄGGARE]
    instans.registrera(f"{instans.nämnd.diarieprefix} 2031/{instans.pk}", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    utlåtande.importera(
        utbildningsnamnden.SEKTIONER, av=handläggare, bilagor=utbildningsnamnden.BILAGOR
    )
    utlåtande.skicka_till_granskning(av=handläggare)
    utlåtande.godkänn(av=personal[Roll.AVDELNINGSCHEF])
    utlåtande.attestera(av=personal[Roll.DIREKTÖR])
    möte = instans.nämnd.sammanträden.create(datum=timezone.localdate())
    sekreterare = personal[Roll.NÄMNDSEKRETERARE]
    ärende = Ärende.lägg_på_dagordning(utlåtande, möte, 10, av=sekreterare)
    beslut = Beslut.registrera(ärende, "1. Godkänns.", av=sekreterare, justeras_omedelbart=True)
    Uttalande.lägg_till(
        beslut, Uttalande.Typ.SÄRSKILT_UTTALANDE, ["L", "M"], "Anna Andersson (L)\nBo Berg (M)",
        "Vi vill betona skolans roll i de lokala styrgrupperna. " * 20, av=sekreterare,
    )  # fmt: skip
    Svar.skicka(beslut, av=sekreterare)


def _skapa_data():
    from nämnder.models import Nämnd
    from nämnder.roller import Roll
    from tests.factories import AnvändareFactory, NämndFactory, RemissFactory
    from tests.yttranden.beslutshjalp import nämnd_med_personal

    ks = NämndFactory(namn="Kommunstyrelsen", diarieprefix="KS", typ=Nämnd.Typ.KOMMUNSTYRELSE)
    läsare = AnvändareFactory(roller=[(ks, Roll.LÄSARE)])
    samordnare = AnvändareFactory(roller=[(ks, Roll.REMISSAMORDNARE)])
    nämnder = [nämnd_med_personal() for _ in range(ANTAL_SVAR)]
    remiss = RemissFactory(nämnd=ks, skapad_av=samordnare, mottagare=[n for n, _ in nämnder])
    remiss.skicka(av=samordnare)
    for nämnd, personal in nämnder:
        _besvara(remiss.instanser.get(nämnd=nämnd), personal)
    return läsare, remiss


def main():
    with benchmarkdatabas():
        from django.conf import settings
        from django.test import Client
        from django.urls import reverse

        sidmatning.använd_benchmarkadresser()
        # The e-mails the steps queue are not what is measured.
        settings.CELERY_TASK_ALWAYS_EAGER = True
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        start = time.perf_counter()
        läsare, remiss = _skapa_data()
        print(f"{ANTAL_SVAR} fullständiga svar skapade på {time.perf_counter() - start:.1f} s")
        client = Client()
        client.force_login(läsare)
        url = reverse("beslut:sammanställning", args=[remiss.pk])
        frågor, median = sidmatning.mät(client, url)
        storlek = len(client.get(url).content)
        vad = f"Sammanställning, {ANTAL_SVAR} svar ({storlek // 1024} kB HTML)"
        mal.högst(vad, median, MÅL, ("bar vy", sidmatning.bar(client)))
        mal.högst(f"{vad}, SQL-frågor", frågor, MÅL_FRÅGOR, enhet="")
