"""KS's overview, a remiss matrix and its XLSX export with 1,000 remisser × 25 instanser
(issue 3, "Speed").

Generates the rows with bulk_create in a throw-away database (tests/benchmarks/remissdata.py),
then requests each page through Django's test Client in a warm process: the number of SQL
queries, and the median server-side time (middleware, view, template) over ``VARV`` runs, with
the bare login-required view measured the same way as the baseline. ``python -m
tests.benchmarks remisser`` runs it alone; ``BENCH_REMISSER=20 BENCH_VARV=3`` makes it small.
"""

import os
import time

from tests.benchmarks import mal, remissdata, sidmatning
from tests.benchmarks.databas import benchmarkdatabas

ANTAL_REMISSER = int(os.environ.get("BENCH_REMISSER", "1000"))
VARV = int(os.environ.get("BENCH_VARV", "30"))
MÅL_SIDA = 0.100  # seconds, median
MÅL_EXPORT = 0.300
MÅL_FRÅGOR = 10


def main():
    with benchmarkdatabas():
        from django.test import Client
        from django.urls import reverse

        from remiss.models import Remiss

        sidmatning.använd_benchmarkadresser()
        start = time.perf_counter()
        grund = remissdata.grund()
        antal = remissdata.lägg_till(grund, 0, ANTAL_REMISSER)
        print(
            f"{ANTAL_REMISSER} remisser, {antal} remissinstanser skapade på "
            f"{time.perf_counter() - start:.1f} s"
        )
        client = Client()
        client.force_login(grund.samordnare)
        remiss = Remiss.objects.öppna().order_by("-remissdatum", "-pk").first()
        översikt = reverse("remisser:översikt")
        mätningar = [
            (f"KS översikt, första sidan av {ANTAL_REMISSER} remisser", översikt, MÅL_SIDA),
            (
                "KS översikt, öppna sorterade efter svarsläge",
                f"{översikt}?status=oppna&sortera=svarslage",
                MÅL_SIDA,
            ),
            (
                "Remissmatris (25 instanser)",
                reverse("remisser:detalj", args=[remiss.pk]),
                MÅL_SIDA,
            ),
            (
                "XLSX-export av en remiss",
                reverse("remisser:export", args=[remiss.pk, "xlsx"]),
                MÅL_EXPORT,
            ),
        ]
        bar = sidmatning.bar(client, VARV)
        for namn, url, mål in mätningar:
            frågor, median = sidmatning.mät(client, url, VARV)
            mal.högst(namn, median, mål, ("bar vy", bar))
            mal.högst(f"{namn}, SQL-frågor", frågor, MÅL_FRÅGOR, enhet="")
