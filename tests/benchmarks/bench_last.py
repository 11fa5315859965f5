"""The pages under load, as a user feels them (issue 17): gunicorn with 2 sync workers and
DEBUG=false on the benchmark data (1,000 remisser × 25 instanser), locust headless on the same
machine, one page at a time at concurrency 4, 8 and 16, as a logged-in KS läsare and as a
handläggare, with the bare login-required view (tests/benchmarks/urls.py, never in production
URLs) measured in the same run as the baseline: right before and right after each page, as
the same person, each page's ratio against the mean of the two (``_mät``).

Prints per page and concurrency the throughput, its ratio to the bare view's, p50/p95 and
errors. Targets at c=8: overview, matrix and instans page ≥ 0.25 of the bare view's
throughput, search ≥ 0.15; p95 under 200 ms for every page; no errors at any concurrency.
Only 127.0.0.1 is contacted; every run is bounded (``BENCH_LAST_SEKUNDER`` each, 10 by
default). ``python -m tests.benchmarks last`` (or ``make bench-load``) runs it alone.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.benchmarks import mal, remissdata, sidmatning
from tests.benchmarks.databas import benchmarkdatabas

ANTAL_REMISSER = int(os.environ.get("BENCH_REMISSER", "1000"))
SEKUNDER = int(os.environ.get("BENCH_LAST_SEKUNDER", "10"))
SAMTIDIGA = [int(n) for n in os.environ.get("BENCH_SAMTIDIGA", "4,8,16").split(",")]
MÅL_C = 8 if 8 in SAMTIDIGA else SAMTIDIGA[len(SAMTIDIGA) // 2]
MÅL_KVOT = {"översikt": 0.25, "matris": 0.25, "instans": 0.25, "sök": 0.15}
MÅL_P95 = 0.200
ROT = Path(__file__).resolve().parents[2]


def _ledig_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _miljö(databas):
    from django.conf import settings

    inställning = settings.DATABASES["default"]
    miljö = dict(os.environ)
    miljö.update(
        DJANGO_SETTINGS_MODULE="tests.benchmarks.settings",
        DEBUG="false",
        STATIC_MANIFEST="false",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        ALLOWED_HOSTS="127.0.0.1",
        AXES_FAILURE_LIMIT="1000",
        DATABASE_URL=(
            f"postgres://{inställning['USER']}@{inställning['HOST'] or '127.0.0.1'}:"
            f"{inställning['PORT'] or 5432}/{databas}"
        ),
    )
    miljö.setdefault("SECRET_KEY", "benchmark-nyckel-som-bara-anvands-lokalt-0123456789-abcdef")
    return miljö


def _starta_gunicorn(miljö, port, logg):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "remiss.wsgi", "--workers", "2",
         "--worker-class", "sync", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROT, env=miljö, stdout=logg, stderr=subprocess.STDOUT,
    )  # fmt: skip
    slut = time.monotonic() + 180  # a loaded machine boots Django slowly
    while time.monotonic() < slut:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/logga-in/", timeout=5)
            return process
        except urllib.error.HTTPError as fel:
            process.terminate()
            raise RuntimeError(f"gunicorn svarade {fel.code} på inloggningssidan") from fel
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("gunicorn avslutades innan den svarade") from None
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("gunicorn svarade inte inom 180 s")


def _percentil(histogram, andel):
    """The response time (seconds) below which ``andel`` of the requests fell."""
    tider = sorted((float(ms), antal) for ms, antal in histogram.items())
    gräns, sett = andel * sum(antal for _ms, antal in tider), 0
    for ms, antal in tider:
        sett += antal
        if sett >= gräns:
            return ms / 1000
    return 0.0


def _locust(miljö, port, användare, sida, samtidiga):
    """One headless locust run against one page; its figures from locust's JSON statistics.
    Throughput is counted from the page's first to its last request, so the logins before
    (statistics are reset once every user is spawned) are not in it."""
    körning = subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(ROT / "tests/benchmarks/locustfil.py"),
         "--headless", "--users", str(samtidiga), "--spawn-rate", str(samtidiga),
         "--run-time", f"{SEKUNDER}s", "--stop-timeout", "5", "--host", f"http://127.0.0.1:{port}",
         "--json", "--only-summary", "--loglevel", "ERROR", "--reset-stats"],
        cwd=ROT, env={**miljö, "BENCH_ANVANDARE": användare, "BENCH_SIDA": sida},
        timeout=SEKUNDER + 120, check=False, capture_output=True, text=True,
    )  # fmt: skip
    try:
        statistik = json.loads(körning.stdout)
    except ValueError:
        statistik = []
    for rad in statistik:
        if rad["name"] == "sida" and rad["num_requests"]:
            tid = max(rad["last_request_timestamp"] - rad["start_time"], 1e-3)
            return {
                "rps": rad["num_requests"] / tid,
                "p50": _percentil(rad["response_times"], 0.50),
                "p95": _percentil(rad["response_times"], 0.95),
                "fel": rad["num_failures"],
                "antal": rad["num_requests"],
            }
    print(f"locust gav inga mätvärden för {sida}:\n{körning.stderr[-2000:]}")
    return {"rps": 0.0, "p50": 0.0, "p95": 0.0, "fel": 1, "antal": 0}


def _mät(miljö, port, sidor, samtidiga):
    """Each page between two runs of the bare view as the same person, its baseline their
    mean: the machine's speed drifts over a run of minutes (a shared machine: the bare view at
    560 and at 810 svar/s in two runs the same hour), and a baseline measured minutes before a
    page made its ratio swing by a fifth."""
    resultat = {}
    for användare in dict.fromkeys(a for _namn, a, _url in sidor):
        bar = next(url for namn, a, url in sidor if a == användare and namn == "bar")
        barer = [_locust(miljö, port, användare, bar, samtidiga)]
        for namn, a, url in sidor:
            if a != användare or namn == "bar":
                continue
            sida = _locust(miljö, port, användare, url, samtidiga)
            barer.append(_locust(miljö, port, användare, bar, samtidiga))
            resultat[(namn, användare, samtidiga)] = {
                **sida,
                "bar_rps": (barer[-2]["rps"] + barer[-1]["rps"]) / 2,
            }
        resultat[("bar", användare, samtidiga)] = {
            "rps": sum(b["rps"] for b in barer) / len(barer),
            "bar_rps": sum(b["rps"] for b in barer) / len(barer),
            "p50": sorted(b["p50"] for b in barer)[len(barer) // 2],
            "p95": max(b["p95"] for b in barer),
            "fel": sum(b["fel"] for b in barer),
            "antal": sum(b["antal"] for b in barer),
            "spann": (min(b["rps"] for b in barer), max(b["rps"] for b in barer)),
            "körningar": len(barer),
        }
    return resultat


def _sidor(g):
    from django.urls import reverse

    from remiss.models import Remiss

    nyaste = Remiss.objects.öppna().order_by("-remissdatum", "-pk").first()
    instans = nyaste.instanser.get(nämnd=g.nämnder[0])
    läsare, hl = g.läsare.username, g.handläggare[0].username
    return [
        ("bar", läsare, sidmatning.BAR),
        ("översikt", läsare, reverse("remisser:översikt")),
        ("matris", läsare, reverse("remisser:detalj", args=[nyaste.pk])),
        ("instans", läsare, reverse("instanser:detalj", args=[instans.pk])),
        ("sök", läsare, reverse("sok:sök") + "?q=stadens+verksamhet"),
        ("bar", hl, sidmatning.BAR),
        ("lista", hl, reverse("instanser:lista")),
        ("instans", hl, reverse("instanser:detalj", args=[instans.pk])),
        ("sök", hl, reverse("sok:sök") + "?q=stadens+verksamhet"),
    ]


def main():
    import signal
    import tempfile

    # Stopped from outside (timeout, kill), still stop gunicorn and drop the database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("avbruten"))

    with benchmarkdatabas() as anslutning:
        from django.conf import settings
        from django.core.management import call_command

        from tests.benchmarks import settings as benchmarkinställningar

        settings.PASSWORD_HASHERS = benchmarkinställningar.PASSWORD_HASHERS
        start = time.perf_counter()
        g = remissdata.grund()
        remissdata.lägg_till(g, 0, ANTAL_REMISSER)
        call_command("reindexera", verbosity=0)
        print(
            f"{ANTAL_REMISSER} remisser skapade och indexerade på "
            f"{time.perf_counter() - start:.0f} s"
        )
        sidor = _sidor(g)
        miljö = _miljö(anslutning.settings_dict["NAME"])
        anslutning.close()  # gunicorn's workers are the database's clients now
        port = _ledig_port()
        resultat = {}
        with tempfile.TemporaryDirectory() as katalog:
            logg = open(Path(katalog) / "gunicorn.log", "w+")  # noqa: SIM115 - read on failure
            try:
                gunicorn = _starta_gunicorn(miljö, port, logg)
            except RuntimeError:
                logg.seek(0)
                print(logg.read()[-3000:])
                raise
            try:
                for samtidiga in SAMTIDIGA:
                    resultat.update(_mät(miljö, port, sidor, samtidiga))
            finally:
                gunicorn.terminate()
                gunicorn.wait(timeout=30)
                if any(r["fel"] for r in resultat.values()):
                    # What failed, from the server's side (a 500's traceback, a worker timeout).
                    logg.seek(0)
                    print(f"gunicorns logg, slutet:\n{logg.read()[-3000:]}")
                logg.close()
        _rapport(sidor, resultat)


def _rapport(sidor, resultat):
    print(f"belastning (1, 5, 15 min): {mal.belastning()}")
    print(
        f"{'sida':<10} {'som':<10} {'c':>3} {'svar/s':>8} {'÷ bar':>6} {'p50':>8} {'p95':>8} "
        f"{'fel':>4}  bar vy runt sidan"
    )
    for samtidiga in SAMTIDIGA:
        for namn, användare, _url in sidor:
            r = resultat[(namn, användare, samtidiga)]
            if namn == "bar":
                lägst, högst = r["spann"]
                runt = f"{r['körningar']} körningar, {lägst:.0f}–{högst:.0f} svar/s"
            else:
                runt = f"{r['bar_rps']:.1f} svar/s"
            print(
                f"{namn:<10} {användare:<10} {samtidiga:>3} {r['rps']:>8.1f} "
                f"{r['rps'] / (r['bar_rps'] or 1):>6.2f} "
                f"{r['p50'] * 1000:>6.0f}ms {r['p95'] * 1000:>6.0f}ms {r['fel']:>4}  {runt}"
            )
    for namn, användare, _url in sidor:
        r = resultat[(namn, användare, MÅL_C)]
        bar = resultat[("bar", användare, MÅL_C)]
        if namn in MÅL_KVOT:
            mal.minst(
                f"last c={MÅL_C}, {namn} ({användare}): svar/s ÷ bar vy",
                r["rps"] / (r["bar_rps"] or 1),
                MÅL_KVOT[namn],
                ("bar vy före och efter", f"{r['bar_rps']:.1f} svar/s"),
            )
        mal.högst(
            f"last c={MÅL_C}, {namn} ({användare}): p95",
            r["p95"],
            MÅL_P95,
            ("bar vy p95", bar["p95"]),
        )
    fel = sum(r["fel"] for r in resultat.values())
    mal.högst("last: fel, alla sidor och samtidigheter", fel, 0, enhet="")
