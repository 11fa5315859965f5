"""Where the heaviest pages spend their time (issue 17, "Pages rendered cheaply").

Not a benchmark with targets (``make bench`` skips it: its name does not start with
``bench_``), but the tool the figures in README came from: builds the benchmark data
(tests/benchmarks/remissdata.py, ``PROFIL_REMISSER`` remisser × 25 instanser, 1,000 by
default), indexes it for search, adds a 10-page tjänsteutlåtande for the editor, then requests
the KS overview, a remiss matrix, the search page, an instans page and the editor through
Django's test client under the cached template loader (DEBUG off, as in production), first
``VARV`` times for the median and the number of queries, then once more under cProfile,
printing the functions with the most time of their own and the most time in all.

``python -m tests.benchmarks.profil`` runs it; ``PROFIL_SIDA=översikt`` profiles one page,
``PROFIL_RADER`` sets how many functions are printed, ``PROFIL_SQL=1`` prints each page's
queries with their time.
"""

import cProfile
import io
import os
import pstats

ANTAL_REMISSER = int(os.environ.get("PROFIL_REMISSER", "1000"))
VARV = int(os.environ.get("PROFIL_VARV", "15"))
RADER = int(os.environ.get("PROFIL_RADER", "25"))
VISA_SQL = os.environ.get("PROFIL_SQL") == "1"


def _sidor(g, utlåtande):
    from django.urls import reverse

    from remiss.models import Remiss

    nyaste = (
        Remiss.objects.öppna()
        .filter(instanser__nämnd=g.nämnder[0])
        .order_by("-remissdatum", "-pk")
        .first()
    )
    instans = nyaste.instanser.get(nämnd=g.nämnder[0])
    return {
        "översikt": (g.läsare, reverse("remisser:översikt")),
        "matris": (g.samordnare, reverse("remisser:detalj", args=[nyaste.pk])),
        "sök": (g.läsare, reverse("sok:sök") + "?q=stadens+verksamhet"),
        "instans": (g.registrator, reverse("instanser:detalj", args=[instans.pk])),
        "redigerare": (utlåtande.skapad_av, reverse("yttranden:redigera", args=[utlåtande.pk])),
    }


def _utlåtande(g):
    """A 10-page draft on the newest open remiss's instans of a nämnd of its own."""
    import datetime

    from nämnder.roller import Roll
    from tests.benchmarks.bench_utlatande import SIDOR, TECKEN_PER_SIDA, _text
    from tests.factories import AnvändareFactory, NämndFactory, RemissFactory
    from yttranden.models import Tjänsteutlåtande

    nämnd = NämndFactory(namn="Utbildningsnämnden", kortnamn="UN", diarieprefix="UN")
    handläggare = AnvändareFactory(username="profil-hl", roller=[(nämnd, Roll.HANDLÄGGARE)])
    remiss = RemissFactory(
        nämnd=g.ks, skapad_av=g.samordnare, mottagare=[nämnd],
        sista_svarsdatum=datetime.date.today() + datetime.timedelta(days=40),
    )  # fmt: skip
    remiss.skicka(av=g.samordnare)
    instans = remiss.instanser.get()
    instans.tilldela(handläggare, av=g.samordnare)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    per_avsnitt = SIDOR * TECKEN_PER_SIDA // utlåtande.sektioner.count()
    texter = {s.pk: (s.rubrik, _text(s.rubrik, per_avsnitt)) for s in utlåtande.sektioner.all()}
    utlåtande.spara(texter, utlåtande.versionsnummer, av=handläggare)
    return utlåtande


def _indexera():
    from django.db import connection

    from remiss.models import Sökpost
    from remiss.sok import typer
    from remiss.sok.index import Indexerare

    indexerare = Indexerare()
    for dokumenttyp in typer.alla():
        rader = list(dokumenttyp.urval())
        for början in range(0, len(rader), 1000):
            indexerare.skriv(rader[början : början + 1000])
    with connection.cursor() as markör:
        # As reindexera does: the search's choice of path reads the planner's statistics.
        markör.execute(f'ANALYZE "{Sökpost._meta.db_table}"')


def profilera(klient, url):
    """(median seconds, queries, cProfile text) for ``url`` in a warm process."""
    from tests.benchmarks import sidmatning

    frågor, median = sidmatning.mät(klient, url, VARV)
    profil = cProfile.Profile()
    profil.enable()
    for _ in range(5):
        klient.get(url)
    profil.disable()
    ut = io.StringIO()
    if VISA_SQL:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as frågelogg:
            klient.get(url)
        for fråga in frågelogg.captured_queries:
            print(f"{float(fråga['time']) * 1000:6.2f} ms  {fråga['sql'][:600]}", file=ut)
    stat = pstats.Stats(profil, stream=ut).strip_dirs()
    stat.sort_stats("tottime").print_stats(RADER)
    stat.sort_stats("cumulative").print_stats(RADER)
    return median, frågor, ut.getvalue()


def main():
    from tests.benchmarks import mal, remissdata, sidmatning
    from tests.benchmarks.databas import benchmarkdatabas

    with benchmarkdatabas():
        from django.conf import settings
        from django.test import Client

        sidmatning.använd_benchmarkadresser()
        assert not settings.DEBUG, "profilera med DEBUG av (cachad mallinläsare)"
        g = remissdata.grund()
        remissdata.lägg_till(g, 0, ANTAL_REMISSER)
        utlåtande = _utlåtande(g)
        _indexera()
        valda = os.environ.get("PROFIL_SIDA", "")
        resultat = {}
        for namn, (person, url) in _sidor(g, utlåtande).items():
            if valda and namn not in valda.split(","):
                continue
            klient = Client()
            klient.force_login(person)
            median, frågor, text = profilera(klient, url)
            resultat[namn] = (median, frågor)
            print(f"===== {namn} {url}: median {median * 1000:.1f} ms, {frågor} SQL-frågor")
            print(text)
        klient = Client()
        klient.force_login(g.läsare)
        bar = sidmatning.bar(klient, VARV)
        print(f"belastning (1, 5, 15 min): {mal.belastning()}")
        print(f"bar vy: {bar * 1000:.1f} ms")
        for namn, (median, frågor) in resultat.items():
            print(f"{namn:<12} {median * 1000:7.1f} ms  {frågor:3} SQL-frågor")


if __name__ == "__main__":
    main()
