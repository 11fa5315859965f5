"""The API's list endpoints with 1,000 remisser × 25 instanser (issue 14): every list, for KS's
system (remissamordnare: every remiss and instans) and a nämnd's diarium (registrator in nämnd
0), at the first page, a page deep in the list (the tenth, followed through ``next``) and the
largest page size, through Django's test client in a warm process with the client's token.

Targets: the median of each page under 50 ms (150 ms for a page of 200), and the same number of
SQL queries on every page and size of a list (cursor pages: no COUNT, no OFFSET). The baseline
printed beside is the bare API view (token, rate limit and JSON, no work:
``tests/benchmarks/urls.py``), measured the same way. ``python -m tests.benchmarks api`` runs it
alone; ``BENCH_REMISSER=20 BENCH_VARV=3`` makes it small.
"""

import os
import time
from urllib.parse import urlsplit

from tests.benchmarks import mal, remissdata, sidmatning
from tests.benchmarks.databas import benchmarkdatabas

ANTAL_REMISSER = int(os.environ.get("BENCH_REMISSER", "1000"))
VARV = int(os.environ.get("BENCH_VARV", "30"))
MÅL_SIDA = 0.050  # seconds, median of a page of the default size (50)
MÅL_STOR_SIDA = 0.150  # a page four times as large
DJUP = 10  # the deep page: the tenth
LISTOR = ["remisser", "remissinstanser", "tjansteutlatanden", "svar"]
API_BAR = "/bench/api-bar/"


def _djup_sida(client, url):
    """The address of the ``DJUP``:th page, following ``next`` (or the last one, if fewer)."""
    for _ in range(DJUP - 1):
        nästa = client.get(url).json()["next"]
        if not nästa:
            break
        url = urlsplit(nästa)._replace(scheme="", netloc="").geturl()
    return url


def _klient(namn, par):
    from django.test import Client

    from nämnder.models import ApiKlient

    _klienten, token = ApiKlient.skapa(namn, av=None, omfång=par)
    return Client(headers={"Authorization": f"Bearer {token}"})


def main():
    with benchmarkdatabas():
        from django.conf import settings

        from nämnder.roller import Roll

        sidmatning.använd_benchmarkadresser()
        settings.REMISS_API_GRANS = "100000000/minute"  # measuring speed, not the rate limit
        start = time.perf_counter()
        grund = remissdata.grund()
        antal = remissdata.lägg_till(grund, 0, ANTAL_REMISSER)
        print(
            f"{ANTAL_REMISSER} remisser, {antal} remissinstanser skapade på "
            f"{time.perf_counter() - start:.1f} s"
        )
        klienter = {
            "KS system": _klient("KS system", [(grund.ks, Roll.REMISSAMORDNARE)]),
            "nämndens diarium": _klient(
                "Diariet",
                [(grund.nämnder[0], Roll.REGISTRATOR), (grund.nämnder[0], Roll.HANDLÄGGARE)],
            ),
        }
        for vem, client in klienter.items():
            _frågor, bar = sidmatning.mät(client, API_BAR, VARV)
            print(f"{vem}: bar API-vy {bar * 1000:.1f} ms")
            for lista in LISTOR:
                första = f"/api/v1/{lista}/"
                sidor = [
                    ("första sidan", första, MÅL_SIDA),
                    (f"sida {DJUP}", _djup_sida(client, första), MÅL_SIDA),
                    ("200 per sida", f"{första}?antal=200", MÅL_STOR_SIDA),
                ]
                antal_frågor = set()
                for namn, url, mål in sidor:
                    frågor, median = sidmatning.mät(client, url, VARV)
                    antal_frågor.add(frågor)
                    mal.högst(f"{vem}, {lista}, {namn}", median, mål, ("bar API-vy", bar))
                mal.högst(
                    f"{vem}, {lista}, olika antal SQL-frågor mellan sidorna",
                    len(antal_frågor),
                    1,
                    ("frågor", "/".join(map(str, sorted(antal_frågor)))),
                    enhet="",
                )
