"""The remiss app's background work: the e-mails that tell people about a remiss.

Every task takes primary keys and returns quietly when the row is gone. Before it sends, it
claims the work with a conditional UPDATE of a timestamp (only the run that changes the row
from empty sends), so a retry or a duplicate delivery never tells anyone twice. Only named
transient errors are retried; the claim is released first so the retry can take it again.
"""

import logging
import smtplib

from celery import shared_task
from django.utils import timezone

from nämnder.permissions import personer_med_roll
from nämnder.roller import Roll
from remiss.emails import instans as emails
from remiss.models import Anstånd, Remissinstans

logger = logging.getLogger(__name__)

TRANSIENTA_FEL = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    ConnectionError,
    TimeoutError,
)
FÖRSÖK = {
    "autoretry_for": TRANSIENTA_FEL,
    "retry_backoff": 30,
    "retry_backoff_max": 30 * 60,
    "retry_jitter": True,
    "max_retries": 8,
}


def en_gång(rader, fält, skicka):
    """Run ``skicka`` if this call is the one that fills ``fält`` on the single row in ``rader``.

    Returns True when it sent. If ``skicka`` fails, the claim is released and the error raised.
    """
    stämpel = timezone.now()
    if rader.filter(**{f"{fält}__isnull": True}).update(**{fält: stämpel}) != 1:
        return False
    try:
        skicka()
    except Exception:
        rader.filter(**{fält: stämpel}).update(**{fält: None})
        raise
    return True


def _adresser(personer, reserv=""):
    adresser = list(dict.fromkeys(p.email for p in personer if p.email))
    return adresser or ([reserv] if reserv else [])


@shared_task(**FÖRSÖK)
def notifiera_registratorer(instans_pk):
    """Tell the registrators of a recipient nämnd that a remiss has arrived."""
    instans = (
        Remissinstans.objects.select_related("remiss__kontaktperson", "nämnd")
        .filter(pk=instans_pk)
        .first()
    )
    if instans is None:
        return False
    registratorer = personer_med_roll(instans.nämnd, Roll.REGISTRATOR).order_by("pk")
    # With no registrator who has an address, the förvaltning's registry mailbox is told.
    adresser = _adresser(registratorer, reserv=instans.nämnd.epost)
    if not adresser:
        logger.warning("Ingen att underrätta om remissinstans %s (%s).", instans.pk, instans)
    rader = Remissinstans.objects.filter(pk=instans_pk)
    return en_gång(rader, "notifierad", lambda: emails.remiss_inkommen(instans, adresser))


@shared_task(**FÖRSÖK)
def notifiera_handläggare(instans_pk, handläggare_pk):
    """Tell a newly assigned handläggare (copying the medhandläggare) about their remiss."""
    instans = (
        Remissinstans.objects.select_related("remiss", "nämnd", "handläggare", "avdelning")
        .filter(pk=instans_pk, handläggare_id=handläggare_pk)
        .first()
    )
    # Reassigned before this ran: the newer assignment's own task tells the new person.
    if instans is None or not instans.handläggare.email:
        return False
    cc = _adresser(instans.medhandläggare.exclude(pk=handläggare_pk))
    rader = Remissinstans.objects.filter(pk=instans_pk, handläggare_id=handläggare_pk)
    return en_gång(
        rader, "handläggare_notifierad", lambda: emails.handläggare_tilldelad(instans, cc)
    )


@shared_task(**FÖRSÖK)
def notifiera_anståndsbeslut(anstånd_pk):
    """Tell the nämnd's registrators and the person who asked what KS decided on an anstånd."""
    anstånd = (
        Anstånd.objects.select_related("instans__remiss", "instans__nämnd", "begärt_av")
        .exclude(status=Anstånd.Status.BEGÄRT)
        .filter(pk=anstånd_pk)
        .first()
    )
    if anstånd is None:
        return False
    registratorer = personer_med_roll(anstånd.instans.nämnd, Roll.REGISTRATOR).order_by("pk")
    adresser = _adresser([*registratorer, anstånd.begärt_av], reserv=anstånd.instans.nämnd.epost)
    rader = Anstånd.objects.filter(pk=anstånd_pk)
    return en_gång(rader, "beslut_notifierat", lambda: emails.anståndsbeslut(anstånd, adresser))
