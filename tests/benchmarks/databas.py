"""A throw-away database for benchmarks, made the way Django's test runner makes one."""

import contextlib
import os

import django


@contextlib.contextmanager
def benchmarkdatabas():
    """Set up Django against a fresh ``<name>_bench`` database, yield, then drop it.

    Its own name, so a benchmark never wipes the ``test_<name>`` database pytest may reuse
    (``BENCH_DATABAS`` names it, for the test that runs a benchmark beside the suite)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "remiss.settings")
    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    connection.settings_dict.setdefault("TEST", {})["NAME"] = os.environ.get(
        "BENCH_DATABAS", f"{connection.settings_dict['NAME']}_bench"
    )
    setup_test_environment()
    gammalt_namn = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(gammalt_namn, verbosity=0)
        teardown_test_environment()
