"""Search over 100,000 tjänsteutlåtanden (issue 8, "Speed").

Builds the corpus from the seed texts (tests/benchmarks/sokkorpus.py: 100,000 utlåtanden of
about 900 words on 3,449 remisser, each utlåtande on its own remissinstans, 70 % attested),
indexes it with the reindexing command's own machinery and measures the documents per second,
then times the first page of the search page (the whole view, through Django's test client)
for a KS läsare, who may find most of it, and a handläggare, who may find her nämnd's share, over
a mix of queries: common and rare words, a compound's part, a misspelling, a whole and a partial
diarienummer, filters and date order. Each query is run once to warm up, then five times.

``python -m tests.benchmarks sok`` runs it alone; ``SOK_ANTAL=20000`` makes a smaller corpus.
"""

import os
import statistics
import time

MÅL_MEDIAN = 0.100  # seconds
MÅL_P95 = 0.250
MÅL_INDEXERING = 500  # documents per second
VARV = 5
FRÅGOR = [
    {"q": "samverkan"},
    {"q": "samverkansöverenskommelse"},
    {"q": "samverkansöverenskomelse"},
    {"q": "KS 2019/104"},
    {"q": "2019/10"},
    {"q": "trafikstrategi"},
    {"q": "förslag till beslut"},
    {"q": "trygghet brottsförebyggande"},
    {"q": "cykelplan", "ar": "2021"},
    {"q": "kulturstrategi", "typ": "tjansteutlatande", "status": "Attesterat"},
    {"q": "samverkan", "sortera": "datum"},
    {"q": '"barn och unga" -polisen'},
]


def _indexera():
    """Index everything as ``manage.py reindexera`` does; returns {kind: (documents, seconds)}."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    from remiss.management.commands.reindexera import SKRIVARE, Command
    from remiss.sok import typer
    from remiss.sok.index import Indexerare

    kommando, indexerare, tider = Command(), Indexerare(), {}
    with ThreadPoolExecutor(max_workers=SKRIVARE) as skrivare:
        for dokumenttyp in typer.alla():
            början = time.perf_counter()
            antal = kommando._typ(dokumenttyp, indexerare, skrivare, 500, 0)
            tider[str(dokumenttyp.modell._meta.verbose_name_plural)] = (
                antal,
                time.perf_counter() - början,
            )
    with connection.cursor() as cursor:
        cursor.execute('VACUUM ANALYZE "remiss_sökpost"')
    return tider


def _sök(klient, parametrar):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as frågor:
        början = time.perf_counter()
        svar = klient.get("/sok/", parametrar)
        tid = time.perf_counter() - början
    assert svar.status_code == 200, svar.status_code
    return tid, len(frågor)


def main():
    from tests.benchmarks import sokkorpus
    from tests.benchmarks.databas import benchmarkdatabas

    antal = int(os.environ.get("SOK_ANTAL", "100000"))
    with benchmarkdatabas():
        from django.test import Client

        början = time.perf_counter()
        folk = sokkorpus.skapa(antal)
        print(f"Korpus: {antal} tjänsteutlåtanden på {time.perf_counter() - början:.0f} s")
        tider = _indexera()
        for namn, (n, s) in tider.items():
            print(f"Indexering, {namn}: {n} dokument på {s:.1f} s, {n / s:.0f} dokument/s")
        alla = sum(n for n, _s in tider.values()) / sum(s for _n, s in tider.values())
        utlåtanden = tider["tjänsteutlåtanden"]
        print(f"Indexering, allt: {alla:.0f} dokument/s (mål ≥ {MÅL_INDEXERING})")

        mätningar, antal_frågor = [], set()
        for vem, user in folk.items():
            klient = Client()
            klient.force_login(user)
            for parametrar in FRÅGOR:
                _sök(klient, parametrar)
                serie = [_sök(klient, parametrar) for _ in range(VARV)]
                mätningar += [t for t, _n in serie]
                antal_frågor |= {n for _t, n in serie}
                print(
                    f"{vem:12} {str(parametrar):80} median "
                    f"{statistics.median(t for t, _n in serie) * 1000:6.0f} ms, "
                    f"{serie[0][1]} SQL-frågor"
                )
        median = statistics.median(mätningar)
        p95 = statistics.quantiles(mätningar, n=20)[-1]
        print(
            f"Första sidan: median {median * 1000:.0f} ms (mål < {MÅL_MEDIAN * 1000:.0f}), "
            f"p95 {p95 * 1000:.0f} ms (mål < {MÅL_P95 * 1000:.0f}), "
            f"SQL-frågor per sida: {sorted(antal_frågor)}"
        )
        print(f"Indexering av tjänsteutlåtanden: {utlåtanden[0] / utlåtanden[1]:.0f} dokument/s")


if __name__ == "__main__":
    main()
