"""Renders and seals one stored PDF (yttranden/models/pdfdokument.py) in a Celery worker.

Exactly one stored document per row, whatever happens to the workers:

- Queued after commit with the row's primary key; a row that is gone makes the task return.
- The task claims the row with a conditional UPDATE (väntar → renderas, with a fresh token) and
  renders only when that changed one row. A second message for the same row (a duplicate, a
  redelivery, "Försök igen" pressed twice) finds it claimed or done and does nothing.
- The file is written under a random name first; the row becomes klar only by an UPDATE that
  repeats the token. A worker that lost its claim deletes its file instead.
- The worker dies mid-render: ``acks_late`` with ``reject_on_worker_lost`` (settings) gets the
  message delivered again: at once when a pool process dies, after Redis's visibility timeout
  (an hour) when the whole worker is killed. A claim older than LASTID (5 minutes, longer than
  TIDSGRÄNS, so never a live worker's) may be taken over, so the redelivered message renders
  it; one that arrives while the claim is still fresh checks again once it has gone stale.
  Meanwhile, and should the message be lost as well, the page offers "Försök igen" once LASTID
  has passed.
- Only the timestamp authority not answering (framstallning.TILLFÄLLIGA_FEL) is retried, with
  backoff: the claim is released first, so the retry claims it again. Everything else (no seal,
  a draft, a template error) fails the same way every time: the row becomes misslyckad with a
  Swedish message that the page and the admin show, and the error is logged.
"""

import logging
import random

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.utils import timezone

from yttranden.models import Pdfdokument
from yttranden.models.pdfdokument import LASTID

logger = logging.getLogger(__name__)

# A render takes well under a second; a timestamp authority may be slow. The hard limit stays
# below LASTID so that no claim is taken over while its worker still uses it.
TIDSGRÄNS = 180
MJUK_TIDSGRÄNS = 150
MAX_FÖRSÖK = 6


def _väntetid(försök):
    return min(30 * 2**försök, 900) * random.uniform(0.8, 1.2)


def _feltext(fel):
    from yttranden.pdf.rendering import EjAttesteratFel
    from yttranden.pdf.sigill import SigillFel

    if isinstance(fel, SigillFel | EjAttesteratFel):
        return str(fel)  # already Swedish and says what to do
    if isinstance(fel, SoftTimeLimitExceeded):
        return "PDF:en tog för lång tid att skapa och avbröts. Försök igen."
    return (
        "PDF:en kunde inte skapas på grund av ett tekniskt fel "
        f"({type(fel).__name__}). Försök igen, och kontakta systemförvaltningen om det upprepas."
    )


def _kontrollera_senare(task, dokument):
    """Someone else holds a fresh claim: look again once it would be stale, in case its
    worker has died (a redelivered message arrives while the claim is still fresh)."""
    if dokument.status != Pdfdokument.Status.RENDERAS:
        return
    kvar = (dokument.status_ändrad + LASTID - timezone.now()).total_seconds()
    task.apply_async((dokument.pk,), countdown=max(kvar, 0) + 5)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    time_limit=TIDSGRÄNS,
    soft_time_limit=MJUK_TIDSGRÄNS,
)
def skapa_pdf(self, pk):
    """Render and seal the Pdfdokument ``pk`` and store it (see the module docstring)."""
    from yttranden import pdfinnehall
    from yttranden.pdf.framstallning import TILLFÄLLIGA_FEL
    from yttranden.pdf.rendering import EjAttesteratFel
    from yttranden.pdf.sigill import SigillFel, ladda_sigill

    dokument = Pdfdokument.objects.filter(pk=pk).first()
    if dokument is None or dokument.status == Pdfdokument.Status.KLAR:
        return
    token = Pdfdokument.ta(pk)
    if token is None:
        return _kontrollera_senare(self, dokument)
    try:
        ladda_sigill()  # no seal: fail at once, not after rendering
        pdf = pdfinnehall.rendera(dokument)
    except TILLFÄLLIGA_FEL as fel:
        if self.request.retries >= MAX_FÖRSÖK:
            logger.warning("PDF %s: tidsstämpeltjänsten svarar inte, ger upp: %s", pk, fel)
            dokument.misslyckas(
                token, "Tidsstämpeltjänsten svarade inte, inte heller efter flera försök."
            )
            return
        dokument.släpp(token, "Tidsstämpeltjänsten svarade inte; ett nytt försök görs snart.")
        raise self.retry(exc=fel, countdown=_väntetid(self.request.retries)) from None
    except Exception as fel:
        if isinstance(fel, SigillFel | EjAttesteratFel):
            logger.warning("PDF %s (%s) kunde inte skapas: %s", pk, dokument.nyckel, fel)
        else:
            logger.exception("PDF %s (%s) kunde inte skapas", pk, dokument.nyckel)
        dokument.misslyckas(token, _feltext(fel))
        return
    dokument.spara(token, pdf)
