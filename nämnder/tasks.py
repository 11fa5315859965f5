"""The nämnder app's background work: clearing the API's idempotency keys once no client will
send the same request again."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from nämnder.models import Idempotensnyckel

logger = logging.getLogger(__name__)


def rensa_idempotensnycklar(nu=None):
    """Delete the keys older than REMISS_API_IDEMPOTENS_TIMMAR; returns how many. Idempotent: a
    second run finds nothing to delete."""
    gräns = (nu or timezone.now()) - timedelta(hours=settings.REMISS_API_IDEMPOTENS_TIMMAR)
    antal, _per_modell = Idempotensnyckel.objects.filter(skapad__lt=gräns).delete()
    return antal


@shared_task(ignore_result=True)
def rensa_idempotens():
    if antal := rensa_idempotensnycklar():
        logger.info("API: %s gamla idempotensnycklar borttagna.", antal)
