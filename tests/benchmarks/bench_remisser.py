"""KS's overview, a remiss matrix and its XLSX export with 1,000 remisser × 25 instanser
(issue 3, "Speed").

Generates the rows with bulk_create in a throw-away database, then requests each page through
Django's test Client in a warm process: the number of SQL queries, and the median server-side
time (middleware, view, template) over ``VARV`` runs. ``python -m tests.benchmarks remisser``
runs it alone.
"""

import datetime
import random
import statistics
import time

from tests.benchmarks.databas import benchmarkdatabas

ANTAL_REMISSER = 1_000
INSTANSER_PER_REMISS = 25
VARV = 30
MÅL_SIDA = 0.100  # seconds, median
MÅL_EXPORT = 0.300
MÅL_FRÅGOR = 10


def _skapa_data():
    """1,000 remisser from KS to the same 25 nämnder, in realistic mixed states, with history."""
    from django.db import connection

    from nämnder.models import Användare, Nämnd
    from nämnder.roller import Roll
    from remiss.models import Remiss, Remisshändelse, Remissinstans

    slump = random.Random(740)
    idag = datetime.date.today()
    ks = Nämnd.objects.create(
        namn="Kommunstyrelsen", kortnamn="KS", diarieprefix="KS", typ=Nämnd.Typ.KOMMUNSTYRELSE
    )
    nämnder = Nämnd.objects.bulk_create(
        Nämnd(
            namn=f"Nämnd {nr}",
            kortnamn=f"N{nr}",
            diarieprefix="N" + "ABCDEFGHIJ"[nr // 10] + "ABCDEFGHIJ"[nr % 10],
            typ=Nämnd.Typ.STADSDELSNÄMND,
            förvaltning=f"Förvaltning {nr}",
        )
        for nr in range(INSTANSER_PER_REMISS)
    )
    samordnare = Användare.objects.create_user("samordnare", first_name="Karin")
    ks.tilldela_roll(samordnare, Roll.REMISSAMORDNARE)
    handläggare = Användare.objects.bulk_create(
        Användare(username=f"hl{nr}", first_name="Kim", last_name=f"Handläggare {nr}")
        for nr in range(INSTANSER_PER_REMISS)
    )
    S, R = Remissinstans.Status, Remiss.Status
    remisser = Remiss.objects.bulk_create(
        Remiss(
            nämnd=ks,
            diarienummer=f"KS {2016 + nr // 125}/{nr + 1}",
            titel=f"Remiss nummer {nr + 1} om stadens verksamhet",
            avsändare=f"Rotel {nr % 9 + 1}",
            remissdatum=idag - datetime.timedelta(days=2_000 - 2 * nr),
            sista_svarsdatum=idag - datetime.timedelta(days=1_940 - 2 * nr),
            status=R.UTKAST if nr >= ANTAL_REMISSER else R.AVSLUTAD if nr < 800 else R.UTSKICKAD,
            skapad_av=samordnare,
        )
        for nr in range(ANTAL_REMISSER + 10)  # and ten drafts, which have no instanser yet
    )
    skickade = [r for r in remisser if r.status != R.UTKAST]
    statusar = [S.MOTTAGEN, S.TILLDELAD, S.UNDER_BEREDNING, S.BESLUTAD, S.BESVARAD, S.AVSTÅR]
    instanser = []
    for remiss in skickade:
        for nr, nämnd in enumerate(nämnder):
            status = S.BESVARAD if remiss.status == R.AVSLUTAD else slump.choice(statusar)
            instanser.append(
                Remissinstans(
                    remiss=remiss,
                    nämnd=nämnd,
                    status=status,
                    svarsdatum=remiss.sista_svarsdatum,
                    diarienummer=f"{nämnd.diarieprefix} {remiss.remissdatum.year}/{remiss.pk}"
                    if status != S.MOTTAGEN
                    else "",
                    handläggare=handläggare[nr] if status != S.MOTTAGEN else None,
                )
            )
    instanser = Remissinstans.objects.bulk_create(instanser, batch_size=2_000)
    Remisshändelse.objects.bulk_create(
        (
            Remisshändelse(
                remiss_id=instans.remiss_id, instans=instans, typ=typ, utförd_av=samordnare
            )
            for instans in instanser
            for typ in (Remisshändelse.Typ.REGISTRERAD, Remisshändelse.Typ.TILLDELAD)
        ),
        batch_size=5_000,
    )
    with connection.cursor() as markör:
        # What autovacuum does on a live database after a bulk load: fresh planner statistics.
        markör.execute("ANALYZE")
    mest_aktuell = max(
        (r for r in skickade if r.status == R.UTSKICKAD), key=lambda r: r.remissdatum
    )
    return samordnare, mest_aktuell, len(instanser)


def _mät(client, url):
    from django.db import connection

    for _ in range(3):  # warm: templates, content types, connection
        svar = client.get(url)
        assert svar.status_code == 200, (url, svar.status_code)
    frågor = []
    # Counted at the cursor: each request resets Django's own query log.
    with connection.execute_wrapper(lambda execute, *args: frågor.append(1) or execute(*args)):
        client.get(url)
    tider = []
    for _ in range(VARV):
        start = time.perf_counter()
        client.get(url)
        tider.append(time.perf_counter() - start)
    return len(frågor), statistics.median(tider)


def main():
    with benchmarkdatabas():
        from django.template import Template
        from django.test import Client
        from django.test.utils import _TestState
        from django.urls import reverse

        # The test environment wraps template rendering to record every context for tests; a
        # server does not, so measure the plain render path.
        Template._render = _TestState.saved_data.template_render
        start = time.perf_counter()
        samordnare, remiss, antal = _skapa_data()
        print(
            f"{ANTAL_REMISSER} remisser, {antal} remissinstanser skapade på "
            f"{time.perf_counter() - start:.1f} s"
        )
        client = Client()
        client.force_login(samordnare)
        översikt = reverse("remisser:översikt")
        mätningar = [
            ("KS översikt, första sidan (50 av 1 000)", översikt, MÅL_SIDA),
            (
                "KS översikt, öppna sorterade efter svarsläge",
                f"{översikt}?status=oppna&sortera=svarslage",
                MÅL_SIDA,
            ),
            (
                "Remissmatris (25 instanser, 50 händelser)",
                reverse("remisser:detalj", args=[remiss.pk]),
                MÅL_SIDA,
            ),
            (
                "XLSX-export av en remiss",
                reverse("remisser:export", args=[remiss.pk, "xlsx"]),
                MÅL_EXPORT,
            ),
        ]
        fel = []
        print(f"{'vad':<50} {'frågor':>7} {'median':>9} {'mål':>8}")
        for namn, url, mål in mätningar:
            frågor, median = _mät(client, url)
            print(f"{namn:<50} {frågor:>7} {median * 1000:>7.1f} ms {mål * 1000:>5.0f} ms")
            if median > mål or frågor > MÅL_FRÅGOR:
                fel.append(namn)
        if fel:
            print(f"Över målet: {', '.join(fel)}")
