"""A throw-away database for benchmarks, made the way Django's test runner makes one."""

import contextlib
import os

import django


@contextlib.contextmanager
def benchmarkdatabas():
    """Set up Django against a fresh ``<name>_bench`` database, yield, then drop it.

    Its own name, so a benchmark never wipes the ``test_<name>`` database pytest may reuse
    (``BENCH_DATABAS`` names it, for the test that runs a benchmark beside the suite).
    ``BENCH_BEHALL=1`` keeps it after the run and reuses it in the next, for a benchmark that
    builds a large corpus once and is then run again while its code changes (``behållen``)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "remiss.settings")
    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    behåll = behållen()
    # A kept database has a name of its own, so that another benchmark never drops it.
    ändelse = "_bench_behallen" if behåll else "_bench"
    connection.settings_dict.setdefault("TEST", {})["NAME"] = os.environ.get(
        "BENCH_DATABAS", f"{connection.settings_dict['NAME']}{ändelse}"
    )
    setup_test_environment()
    # Not serialized: nothing restores it, and a kept corpus of 100,000 utlåtanden would be read
    # whole into memory as JSON before each run.
    gammalt_namn = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=behåll, serialize=False
    )
    try:
        yield connection
    finally:
        if behåll:
            connection.close()
            connection.settings_dict["NAME"] = gammalt_namn
        else:
            connection.creation.destroy_test_db(gammalt_namn, verbosity=0)
        teardown_test_environment()


def behållen():
    """Whether the benchmark database is kept between runs (``BENCH_BEHALL=1``)."""
    return os.environ.get("BENCH_BEHALL") == "1"
