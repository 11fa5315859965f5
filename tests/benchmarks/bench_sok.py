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

MÅL_MEDIAN = 0.025  # seconds, the whole search page (issue 17)
MÅL_P95 = 0.080
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


def _golv(parametrar):
    """The floor: a bare ``@@ websearch_to_tsquery … LIMIT 20`` on the same table, nothing
    else (no permissions, ranking, snippets, page or template)."""
    from django.db import connection

    from remiss.sok.index import KONFIGURATION

    början = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            'SELECT "id" FROM "remiss_sökpost" WHERE "vektor" @@ websearch_to_tsquery(%s, %s) '
            "LIMIT 20",
            [KONFIGURATION, parametrar["q"]],
        )
        cursor.fetchall()
    return time.perf_counter() - början


def _sök(klient, parametrar):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as frågor:
        början = time.perf_counter()
        svar = klient.get("/sok/", parametrar)
        tid = time.perf_counter() - början
    assert svar.status_code == 200, svar.status_code
    return tid, len(frågor)


def _sql_tid(klient, parametrar):
    """The database's own time for all of a search page's queries (EXPLAIN ANALYZE of each, with
    the search's own setting): free of the noise a shared machine puts in the page's time."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as frågor:
        klient.get("/sok/", parametrar)
    tid = 0.0
    # In one transaction, as the page's own queries are: the search's SET LOCAL and the way
    # it chose to read the matches (set_config in a SELECT, run here for real) hold for the
    # queries after them.
    with transaction.atomic(), connection.cursor() as markör:
        for fråga in frågor.captured_queries:
            sql = fråga["sql"].lstrip()
            if sql.upper().startswith(("SET LOCAL", "EXPLAIN")) or "set_config(" in sql:
                början = time.perf_counter()  # the planner's estimate: its own time, as it runs
                markör.execute(sql)
                tid += (time.perf_counter() - början) * 1000 if "EXPLAIN" in sql[:8] else 0
            elif sql.upper().startswith(("SELECT", "WITH")):
                markör.execute(f"EXPLAIN (ANALYZE, TIMING OFF) {sql}")
                tid += sum(
                    float(rad.split(":")[1].split()[0])
                    for (rad,) in markör.fetchall()
                    if rad.startswith(("Planning Time", "Execution Time"))
                )
    return tid / 1000


def main():
    from tests.benchmarks import sokkorpus
    from tests.benchmarks.databas import benchmarkdatabas

    antal = int(os.environ.get("SOK_ANTAL", "100000"))
    with benchmarkdatabas():
        from django.test import Client

        if folk := sokkorpus.behållen(antal):
            print(f"Korpus: {antal} tjänsteutlåtanden från förra körningen (BENCH_BEHALL=1)")
            tider = None
        else:
            början = time.perf_counter()
            folk = sokkorpus.skapa(antal)
            print(f"Korpus: {antal} tjänsteutlåtanden på {time.perf_counter() - början:.0f} s")
            tider = _indexera()
            for namn, (n, s) in tider.items():
                print(f"Indexering, {namn}: {n} dokument på {s:.1f} s, {n / s:.0f} dokument/s")

        from tests.benchmarks import mal, sidmatning

        sidmatning.använd_benchmarkadresser()
        mätningar, golv, antal_frågor, sql_tider = [], [], set(), []
        for vem, user in folk.items():
            klient = Client()
            klient.force_login(user)
            for parametrar in FRÅGOR:
                _sök(klient, parametrar)
                _golv(parametrar)
                serie, golvserie = [], []
                for _ in range(VARV):  # interleaved, so both see the same machine load
                    serie.append(_sök(klient, parametrar))
                    golvserie.append(_golv(parametrar))
                mätningar += [t for t, _n in serie]
                golv += golvserie
                antal_frågor |= {n for _t, n in serie}
                sql = _sql_tid(klient, parametrar)
                sql_tider.append(sql)
                sida, golvet = statistics.median(t for t, _n in serie), statistics.median(golvserie)
                print(
                    f"{vem:12} {str(parametrar):80} median {sida * 1000:6.0f} ms "
                    f"(golv {golvet * 1000:5.1f} ms, {sida / golvet:4.0f}×), "
                    f"databasen {sql * 1000:5.1f} ms, {serie[0][1]} SQL-frågor"
                )
        bar = sidmatning.bar(klient)
        median = statistics.median(mätningar)
        p95 = statistics.quantiles(mätningar, n=20)[-1]
        golv_median = statistics.median(golv)
        golv_p95 = statistics.quantiles(golv, n=20)[-1]
        print(f"SQL-frågor per sida: {sorted(antal_frågor)}; bar vy: {bar * 1000:.1f} ms")
        print(
            f"Sidan ÷ golvet: median {median / golv_median:.0f}×, p95 {p95 / golv_p95:.0f}×; "
            f"databasens tid per sida: median {statistics.median(sql_tider) * 1000:.1f} ms, "
            f"p95 {statistics.quantiles(sql_tider, n=20)[-1] * 1000:.1f} ms; "
            f"belastning {mal.belastning()}"
        )
        mal.högst("Sök, första sidan, median", median, MÅL_MEDIAN,
                  ("golv @@ websearch_to_tsquery LIMIT 20", golv_median))  # fmt: skip
        mal.högst("Sök, första sidan, p95", p95, MÅL_P95,
                  ("golv @@ websearch_to_tsquery LIMIT 20", golv_p95))  # fmt: skip
        if tider:
            alla = sum(n for n, _s in tider.values()) / sum(s for _n, s in tider.values())
            mal.minst("Indexering, allt", alla, MÅL_INDEXERING, enhet="dokument/s")
            utlåtanden = tider["tjänsteutlåtanden"]
            print(
                f"Indexering av tjänsteutlåtanden: {utlåtanden[0] / utlåtanden[1]:.0f} dokument/s"
            )


if __name__ == "__main__":
    main()
