"""The WSGI application gunicorn serves: loaded whole before the first request, then kept out
of the garbage collector's way (remiss/wsgi.py, issue 17)."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJEKT = Path(__file__).resolve().parent.parent

SKRIPT = """
import gc, json, sys
import remiss.wsgi
from django.test import Client
svar = Client().get("/logga-in/")
print(json.dumps({
    "frysta": gc.get_freeze_count(),
    "vyer": "remiss.views.oversikt" in sys.modules,
    "status": svar.status_code,
}))
"""


def test_the_application_is_loaded_and_frozen_before_its_first_request():
    bas = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    körning = subprocess.run(
        [sys.executable, "-c", SKRIPT],
        cwd=PROJEKT,
        env={**bas, "DEBUG": "true", "ALLOWED_HOSTS": "testserver"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert körning.returncode == 0, körning.stderr[-2000:]
    utfall = json.loads(körning.stdout.strip().splitlines()[-1])
    # Every view module imported at load, not at its first request …
    assert utfall["vyer"] is True
    # … and what was loaded is frozen: a full collection no longer walks it (Django and the
    # project are well over 100,000 objects; an unfrozen process has none here).
    assert utfall["frysta"] > 100_000
    # The application still answers.
    assert utfall["status"] == 200
