import time

import pytest


def vänta_tills(villkor, sekunder=30):
    """Poll ``villkor()`` until it is true, and return what it returned; fail after
    ``sekunder``. For work a real Celery worker or SMTP server does beside the test."""
    slut = time.monotonic() + sekunder
    while time.monotonic() < slut:
        if resultat := villkor():
            return resultat
        time.sleep(0.05)
    pytest.fail(f"Det blev inte klart inom {sekunder} s.")
