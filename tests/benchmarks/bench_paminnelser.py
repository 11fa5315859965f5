"""The reminder sweep with 100,000 open remissinstanser (issue 7, "Speed").

Loads the rows with bulk_create in a throw-away database: 2,000 remisser from KS to the same 50
nämnder, deadlines spread from 30 days ago to 90 days ahead, most instanser with a handläggare,
every nämnd with a registrator. Then sweeps twice, as beat would: the first claims everything
that is due and queues it; the second, straight after, must claim and queue nothing. Reports the
SQL queries and the time to decide who is due, to claim (insert) and to queue, and checks that the
number of queries does not grow with the number of instanser. ``python -m tests.benchmarks
paminnelser`` runs it alone.
"""

import datetime
import random
import time

from tests.benchmarks.databas import benchmarkdatabas

ANTAL_REMISSER = 2_000
NÄMNDER = 50
MÅL_BESLUT = 2.0  # seconds to decide who is due
MÅL_FRÅGOR = 12  # queries to decide, whatever the number of instanser
KÖ = "paminnelser-benchmark"


def _skapa_data(antal_remisser):
    from django.db import connection
    from django.utils import timezone

    from nämnder.models import Användare, Nämnd
    from nämnder.roller import Roll, ge_roll
    from remiss.models import Remiss, Remissinstans

    slump = random.Random(740)
    idag = timezone.localdate()
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
        for nr in range(NÄMNDER)
    )
    samordnare = Användare.objects.create_user("samordnare", email="karin@example.se")
    ge_roll(samordnare, ks, Roll.REMISSAMORDNARE, av=None, källa="mätdata")
    handläggare = []
    for nr, nämnd in enumerate(nämnder):
        registrator = Användare.objects.create_user(f"reg{nr}", email=f"reg{nr}@example.se")
        ge_roll(registrator, nämnd, Roll.REGISTRATOR, av=None, källa="mätdata")
        handläggare.append(Användare.objects.create_user(f"hl{nr}", email=f"hl{nr}@example.se"))
    remisser = Remiss.objects.bulk_create(
        Remiss(
            nämnd=ks,
            diarienummer=f"KS 2031/{nr + 1}",
            titel=f"Remiss nummer {nr + 1}",
            remissdatum=idag - datetime.timedelta(days=60),
            sista_svarsdatum=idag,
            status=Remiss.Status.UTSKICKAD,
            skapad_av=samordnare,
        )
        for nr in range(antal_remisser)
    )
    S = Remissinstans.Status
    instanser = (
        Remissinstans(
            remiss=remiss,
            nämnd=nämnd,
            svarsdatum=idag + datetime.timedelta(days=slump.randint(-30, 90)),
            **(
                {"status": S.UNDER_BEREDNING, "handläggare": handläggare[nr]}
                if slump.random() < 0.7
                else {"status": S.MOTTAGEN}
            ),
        )
        for remiss in remisser
        for nr, nämnd in enumerate(nämnder)
    )
    antal = len(Remissinstans.objects.bulk_create(instanser, batch_size=5_000))
    Remissinstans.objects.update(mottagen=timezone.now() - datetime.timedelta(days=60))
    with connection.cursor() as markör:
        markör.execute("ANALYZE")  # as autovacuum would on a live database
    return antal


def _svep(nu):
    """One sweep at ``nu``, timed in its parts, with the queries counted at the cursor."""
    import uuid

    from django.db import connection, transaction

    from remiss import paminnelser, utkorg

    frågor, tider = [], {}
    räknare = lambda execute, *args: frågor.append(1) or execute(*args)  # noqa: E731
    omgång = uuid.uuid4()
    with connection.execute_wrapper(räknare), transaction.atomic():
        start = time.perf_counter()
        rader = paminnelser._påminnelser(nu)
        tider["beslut"] = time.perf_counter() - start
        beslutsfrågor = len(frågor)
        start = time.perf_counter()
        paminnelser._gör_anspråk(rader, omgång, nu)
        nya, poster = paminnelser._till_utkorgen(omgång)  # one outbox row per mail
        tider["anspråk"] = time.perf_counter() - start
    start = time.perf_counter()
    if poster:
        utkorg.publicera_i_delar(poster)
    tider["kö"] = time.perf_counter() - start
    return beslutsfrågor, len(frågor), len(nya), tider


def _publiceringstid(antal):
    from remiss import utkorg

    start = time.perf_counter()
    utkorg.publicera([0] * antal)
    tid = time.perf_counter() - start
    _töm_kön()
    return tid


def _töm_kön():
    from remiss.celery import app

    with app.connection_for_write() as anslutning:
        anslutning.default_channel.queue_purge(KÖ)


def main():
    with benchmarkdatabas():
        from django.conf import settings
        from django.utils import timezone

        from remiss.celery import app
        from remiss.models import Påminnelse, Remissinstans

        app.conf.task_default_queue = KÖ  # nothing here runs them; the queue is emptied after
        settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 0
        if app.conf.task_always_eager:
            print("REDIS_URL saknas: mäter utan att köa (uppgifterna skulle annars köras här).")
            from remiss import utkorg

            utkorg.publicera_i_delar = lambda pks: None
        start = time.perf_counter()
        antal = _skapa_data(ANTAL_REMISSER)
        print(f"{antal} öppna remissinstanser skapade på {time.perf_counter() - start:.1f} s")
        nu = timezone.now()
        svep = [
            ("igår: allt på en gång (kallstart)", nu - datetime.timedelta(days=1)),
            ("idag: det som blivit aktuellt sedan igår", nu),
            ("idag igen, direkt efter", nu),
        ]
        resultat = []
        try:
            for namn, tid in svep:
                resultat.append((namn, *_svep(tid)))
        finally:
            if not app.conf.task_always_eager:
                _töm_kön()
        print(f"{'svep':<42} {'frågor':>7} {'köade':>7} {'beslut':>8} {'anspråk':>8} {'köa':>8}")
        for namn, beslut, alla, köade, tider in resultat:
            print(
                f"{namn:<42} {beslut:>3}/{alla:<3} {köade:>7} {tider['beslut']:>7.2f}s "
                f"{tider['anspråk']:>7.2f}s {tider['kö']:>7.2f}s"
            )
        print(f"påminnelser totalt: {Påminnelse.objects.count()}")
        if not app.conf.task_always_eager:
            print(f"köa 1 000 e-postuppgifter en och en: {_publiceringstid(1_000):.2f} s")
        from tests.benchmarks import mal

        start = time.perf_counter()
        # The baseline: reading every open instans's deadline and people once, nothing decided.
        list(Remissinstans.objects.öppna().values_list("pk", "svarsdatum", "handläggare", "nämnd"))
        läsa = ("läsa alla öppna instanser en gång", time.perf_counter() - start)
        for namn, beslut, _alla, _köade, tider in resultat:
            mal.högst(f"Beslut, {namn}", tider["beslut"], MÅL_BESLUT, läsa)
            mal.högst(f"Beslut, {namn}, SQL-frågor", beslut, MÅL_FRÅGOR, enhet="")
        mal.högst("Köade i svepet direkt efter", resultat[-1][3], 0, enhet="")
