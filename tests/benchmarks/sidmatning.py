"""Timing pages in-process through Django's test client, beside the bare baseline view."""

import gc
import statistics
import time

BAR = "/bench/bar/"


def använd_benchmarkadresser():
    """Route this process through tests/benchmarks/urls.py (the project's URLs plus the bare
    view) and render templates as a server does, not as the test environment records them."""
    from django.conf import settings
    from django.template import Template
    from django.test.utils import _TestState
    from django.urls import clear_url_caches

    settings.ROOT_URLCONF = "tests.benchmarks.urls"
    clear_url_caches()
    if getattr(_TestState, "saved_data", None):
        Template._render = _TestState.saved_data.template_render


def _värm_och_räkna(client, url, uppvärmning):
    """Warm-up requests (five or more, and psycopg has prepared the page's queries, as in a
    server that has run for a while), then the page's SQL queries, counted at the cursor (each
    request resets Django's own query log)."""
    from django.db import connection

    for _ in range(uppvärmning):  # warm: templates, content types, connection
        svar = client.get(url)
        assert svar.status_code == 200, (url, svar.status_code)
    frågor = []
    with connection.execute_wrapper(lambda execute, *args: frågor.append(1) or execute(*args)):
        client.get(url)
    return len(frågor)


def mät(client, url, varv=30, uppvärmning=5):
    """(SQL queries, median seconds) of ``url``, after warm-up requests."""
    return mät_omväxlande({url: (client, url)}, varv, uppvärmning)[url]


def mät_omväxlande(sidor, varv=30, uppvärmning=5):
    """``{name: (SQL queries, median seconds)}`` of ``sidor`` (``{name: (client, url)}``), timed
    in rounds of one request to each page in turn, so that a machine whose speed drifts over the
    run (a shared VM) slows every page alike rather than the pages measured in a slow minute."""
    frågor = {namn: _värm_och_räkna(c, url, uppvärmning) for namn, (c, url) in sidor.items()}
    # Garbage from building the data (or the page before) collected now, not inside a timing.
    gc.collect()
    tider = {namn: [] for namn in sidor}
    for _ in range(varv):
        for namn, (client, url) in sidor.items():
            start = time.perf_counter()
            client.get(url)
            tider[namn].append(time.perf_counter() - start)
    return {namn: (frågor[namn], statistics.median(tider[namn])) for namn in sidor}


def bar(client, varv=30):
    """The median of the bare login-required view: the floor under every page."""
    return mät(client, BAR, varv)[1]
