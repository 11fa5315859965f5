"""The outbox's two Celery tasks (the mechanism is described in remiss/utkorg.py).

``utför`` takes a row's primary key and does nothing unless it claims the row, so a duplicate
message, a redelivery after a worker died (``acks_late``) or the sweep publishing a row again are
harmless. Its hard time limit stays below the lease (REMISS_UTKORG_LASTID_SEKUNDER): a worker
still working never has its row taken over. ``svep`` is run by beat every minute;
``publicera_del`` publishes one chunk of a large batch.
"""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings

from remiss import utkorg

logger = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    soft_time_limit=settings.REMISS_UTKORG_MJUK_TIDSGRANS,
    time_limit=settings.REMISS_UTKORG_TIDSGRANS,
    throws=(SoftTimeLimitExceeded,),
)
def utför(pk):
    """Do the outbox row ``pk`` if this worker can claim it."""
    return utkorg.utför(pk)


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def publicera_del(pks):
    """Publish one chunk of a large batch (utkorg.KÖA_DIREKT). Run twice, it publishes twice,
    which the claim makes harmless."""
    utkorg.publicera(pks)


@shared_task(ignore_result=True)
def svep():
    """Publish the outbox rows that are due and have no message on the way."""
    if pks := utkorg.svep():
        logger.info("Utkorgen: %s jobb köade av svepet.", len(pks))
