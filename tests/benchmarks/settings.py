"""The project's settings with the benchmarks' URLconf (the bare baseline view); used by the
load benchmark's gunicorn only."""

from remiss.settings import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.urls"
