"""The API's idempotency keys are kept for REMISS_API_IDEMPOTENS_TIMMAR, then cleared every hour
by a background task; a key cleared is a new request."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from nämnder.models import Idempotensnyckel
from nämnder.tasks import rensa_idempotensnycklar
from remiss.celery import app
from remiss.models import Remiss
from tests.api.test_mekanik import _skapa

pytestmark = pytest.mark.django_db


def _åldra(nyckel, timmar):
    Idempotensnyckel.objects.filter(nyckel=nyckel).update(
        skapad=timezone.now() - datetime.timedelta(hours=timmar)
    )


def test_keys_older_than_the_limit_are_cleared_and_younger_ones_kept(ks, som):
    ks_system = som("samordnare")
    _skapa(ks_system, "gammal", diarienummer="KS 2031/71")
    _skapa(ks_system, "ung", diarienummer="KS 2031/72")
    _åldra("gammal", settings.REMISS_API_IDEMPOTENS_TIMMAR + 1)
    _åldra("ung", settings.REMISS_API_IDEMPOTENS_TIMMAR - 1)

    assert rensa_idempotensnycklar() == 1
    assert list(Idempotensnyckel.objects.values_list("nyckel", flat=True)) == ["ung"]
    assert rensa_idempotensnycklar() == 0  # nothing left to clear

    # The cleared key is a new request (another remiss); the kept one still replays.
    ny = _skapa(ks_system, "gammal", diarienummer="KS 2031/73")
    assert ny.status_code == 201 and "Idempotent-Replayed" not in ny
    igen = _skapa(ks_system, "ung", diarienummer="KS 2031/72")
    assert igen.status_code == 201 and igen["Idempotent-Replayed"] == "true"
    assert Remiss.objects.count() == 3


def test_the_clearing_runs_every_hour_from_the_beat_schedule():
    schema = settings.CELERY_BEAT_SCHEDULE["idempotensnycklar"]
    assert schema["schedule"] == datetime.timedelta(hours=1)
    app.loader.import_default_modules()
    assert schema["task"] in app.tasks
