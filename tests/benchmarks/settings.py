"""The project's settings with the benchmarks' URLconf (the bare baseline view); used by the
load benchmark's gunicorn only."""

from remiss.settings import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.urls"
# The benchmark's users log in once each; a deliberately slow hash would only measure the login.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
