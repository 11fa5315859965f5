"""Every list as the years pile up (issue 17): 100, 1,000, 5,000 and 20,000 remisser × 25
instanser in one run, the newest 60 still open and everything older answered and closed.

At each size, every list page (KS's overview in every sort and status filter, the matrix, the
instans page, the nämnd inbox and "Våra remisser" in every filter, the handläggare's, the
avdelningschef's and the direktör's lists, the start pages), first and last page, is requested
through Django's test client in a warm process. Target: every median within 1.5× of the same
page's median at 100 remisser, with the same number of SQL queries. At the largest size the
slowest query of the heaviest pages is shown with EXPLAIN ANALYZE: an index range and a LIMIT,
never a sort or a count of the whole history. ``python -m tests.benchmarks listor`` runs it
alone; ``BENCH_STORLEKAR=100,1000`` picks the sizes, ``BENCH_VARV`` the runs per page.
"""

import os
import time

from tests.benchmarks import mal, remissdata, sidmatning
from tests.benchmarks.databas import benchmarkdatabas

STORLEKAR = [int(n) for n in os.environ.get("BENCH_STORLEKAR", "100,1000,5000,20000").split(",")]
VARV = int(os.environ.get("BENCH_VARV", "11"))
MÅL_TILLVÄXT = 1.5  # median at a size ÷ median at the smallest, each over the bare view's
BAR = "bar vy"
SISTA = "999999"  # past the end: the paginator shows the last page
SORTERINGAR = [
    "-remissdatum",
    "remissdatum",
    "svarsdatum",
    "-svarsdatum",
    "dnr",
    "-dnr",
    "svarslage",
    "-svarslage",
]
# The pages whose plans are printed at the largest size: one per list and filter, the last page
# where there is one (the first is the same index range read forwards).
FÖRKLARA = [
    *(f"översikt sortera={sortering} sista" for sortering in SORTERINGAR),
    "översikt status=oppna sista",
    "översikt status=forsenade sista",
    "översikt status=avslutade sista",
    "remissmatris",
    "instanssidan",
    "inkorg visa=nya sista",
    "inkorg visa=oppna sista",
    "inkorg visa=alla sista",
    "lista visa=oppna sista",
    "lista visa=forsenade sista",
    "lista visa=mina sista",
    "lista visa=alla sista",
    "att granska",
    "att attestera",
    "mina utkast",
    "startsidan (handläggare)",
]


def _sidor(g):
    """{name: (person, url)} for every list page, first and last."""
    from django.urls import reverse

    from remiss.models import Remiss

    nyaste = Remiss.objects.öppna().order_by("-remissdatum", "-pk").first()
    instans = nyaste.instanser.get(nämnd=g.nämnder[0])
    sidor = {}
    översikt = reverse("remisser:översikt")
    for sortering in SORTERINGAR:
        for del_, sida in [("första", "1"), ("sista", SISTA)]:
            url = f"{översikt}?sortera={sortering}&sida={sida}"
            sidor[f"översikt sortera={sortering} {del_}"] = (g.läsare, url)
    for status in ["oppna", "forsenade", "avslutade"]:
        for del_, sida in [("första", "1"), ("sista", SISTA)]:
            url = f"{översikt}?status={status}&sida={sida}"
            sidor[f"översikt status={status} {del_}"] = (g.läsare, url)
    sidor["översikt status=utkast (samordnare)"] = (g.samordnare, f"{översikt}?status=utkast")
    sidor["remissmatris"] = (g.samordnare, reverse("remisser:detalj", args=[nyaste.pk]))
    sidor["instanssidan"] = (g.registrator, reverse("instanser:detalj", args=[instans.pk]))
    for lista, person, val in [
        ("inkorg", g.registrator, ["nya", "oppna", "alla"]),
        ("lista", g.handläggare[0], ["oppna", "forsenade", "mina", "alla"]),
    ]:
        bas = reverse(f"instanser:{lista}")
        for visa in val:
            for del_, sida in [("första", "1"), ("sista", SISTA)]:
                sidor[f"{lista} visa={visa} {del_}"] = (person, f"{bas}?visa={visa}&sida={sida}")
    sidor["att granska"] = (g.avdelningschef, reverse("yttranden:att_granska"))
    sidor["att attestera"] = (g.direktör, reverse("yttranden:att_attestera"))
    sidor["mina utkast"] = (g.handläggare[0], reverse("yttranden:mina_utkast"))
    for namn, person in [
        ("samordnare", g.samordnare),
        ("registrator", g.registrator),
        ("handläggare", g.handläggare[0]),
    ]:
        sidor[f"startsidan ({namn})"] = (person, reverse("start"))
    return sidor


def _klienter(g):
    from django.test import Client

    klienter = {}
    for person in {g.läsare, g.samordnare, g.registrator, g.handläggare[0], g.avdelningschef,
                   g.direktör}:  # fmt: skip
        klient = Client()
        klient.force_login(person)
        klienter[person.pk] = klient
    return klienter


def _förklara(klient, url):
    """(the database's own time for all of a request's queries, the plan of the slowest), by
    EXPLAIN ANALYZE of each query the request runs: free of the Python and machine-load noise
    in the page's wall-clock time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as frågor:
        klient.get(url)
    planer = []
    with connection.cursor() as markör:
        for fråga in frågor.captured_queries:
            # A query may start with its common table expressions (KS overview's filter choices
            # and count, remiss/sidor.py); SET, SAVEPOINT and the like have no plan.
            if not fråga["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            markör.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {fråga['sql']}")
            plan = [rad for (rad,) in markör.fetchall()]
            tid = sum(
                float(rad.split(":")[1].split()[0])
                for rad in plan
                if rad.startswith(("Planning Time", "Execution Time"))
            )
            planer.append((tid, plan))
    return sum(t for t, _p in planer) / 1000, max(planer, key=lambda p: p[0])[1]


def _tillväxt(medianer, bar=None):
    """The largest of a page's medians at the larger sizes over its median at the smallest; with
    ``bar``, each median first over the bare view's in the same rounds (the machine's speed
    while that size was measured: on a shared VM it drifts by a third over a run)."""
    if bar is not None:
        medianer = [m / bar[n] for m, n in zip(medianer, STORLEKAR, strict=True)]
    return max(medianer[1:], default=medianer[0]) / medianer[0]


def main():
    with benchmarkdatabas():
        sidmatning.använd_benchmarkadresser()
        g = remissdata.grund()
        klienter = None
        resultat = {}  # size → {page: (queries, median)}
        bar, sql_tid = {}, {}
        gjorda = 0
        for storlek in STORLEKAR:
            start = time.perf_counter()
            remissdata.lägg_till(g, gjorda, storlek)
            gjorda = storlek
            print(f"{storlek} remisser ({time.perf_counter() - start:.0f} s att skapa)")
            sidor = _sidor(g)
            klienter = klienter or _klienter(g)
            # The bare view in the same rounds as the pages: the machine's speed at this size.
            mätta = sidmatning.mät_omväxlande(
                {
                    BAR: (klienter[g.läsare.pk], sidmatning.BAR),
                    **{namn: (klienter[p.pk], url) for namn, (p, url) in sidor.items()},
                },
                VARV,
            )
            bar[storlek] = mätta.pop(BAR)[1]
            resultat[storlek] = mätta
            sql_tid[storlek] = {
                namn: _förklara(klienter[person.pk], url) for namn, (person, url) in sidor.items()
            }
        minsta, största = STORLEKAR[0], STORLEKAR[-1]
        print(f"belastning (1, 5, 15 min): {mal.belastning()}")
        print(
            f"{'sida':<45} {'frågor':>7} " + " ".join(f"{n:>8}" for n in STORLEKAR)
            + "  kvot (rå / mot bar vy)"
        )  # fmt: skip
        print(f"{'bar vy (baslinje)':<45} {1:>7} " + " ".join(
            f"{bar[n] * 1000:>6.1f}ms" for n in STORLEKAR))  # fmt: skip
        for namn in resultat[minsta]:
            medianer = [resultat[n][namn][1] for n in STORLEKAR]
            frågor = sorted({resultat[n][namn][0] for n in STORLEKAR})
            sql = [sql_tid[n][namn][0] for n in STORLEKAR]
            print(
                f"{namn:<45} {'/'.join(map(str, frågor)):>7} "
                + " ".join(f"{m * 1000:>6.1f}ms" for m in medianer)
                + f"  {_tillväxt(medianer):.2f} / {_tillväxt(medianer, bar):.2f}   SQL: "
                + " ".join(f"{t * 1000:.1f}" for t in sql)
                + " ms"
            )
        print()
        for namn in resultat[minsta]:
            medianer = [resultat[n][namn][1] for n in STORLEKAR]
            kvot = _tillväxt(medianer, bar)
            mal.högst(
                f"{namn}: median vid {största} ÷ vid {minsta}, mot bar vy",
                kvot,
                MÅL_TILLVÄXT,
                (
                    f"{minsta} → {största}",
                    f"{medianer[0] * 1000:.1f} → {medianer[-1] * 1000:.1f} ms",
                ),
                enhet="",
            )
            antal = {resultat[n][namn][0] for n in STORLEKAR}
            mal.högst(f"{namn}: SQL-frågor som växer", len(antal) - 1, 0, enhet="")
        for namn in FÖRKLARA:
            print(f"\nEXPLAIN ANALYZE, {namn} vid {största} remisser, långsammaste frågan:")
            for rad in sql_tid[största][namn][1]:
                print(f"  {rad}")
