import smtplib

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from nämnder.permissions import personer_med_roll
from nämnder.roller import Roll
from yttranden.emails import beslut as emails_beslut
from yttranden.models import Svar

TILLFÄLLIGA_FEL = (smtplib.SMTPException, ConnectionError, TimeoutError)


@shared_task(autoretry_for=TILLFÄLLIGA_FEL, retry_backoff=30, retry_backoff_max=600, max_retries=8)
def meddela_ks_om_svar(svar_pk):
    """Tell KS that an answer has arrived. The row is claimed with a conditional UPDATE in the
    same transaction as the sending: a rerun after success sends nothing, a failure rolls the
    claim back so the retry sends."""
    with transaction.atomic():
        tagna = Svar.objects.filter(pk=svar_pk, notifierat__isnull=True).update(
            notifierat=timezone.now()
        )
        if tagna != 1:
            return 0
        svar = Svar.objects.select_related("instans__remiss__nämnd", "instans__nämnd").get(
            pk=svar_pk
        )
        ks = svar.instans.remiss.nämnd
        adresser = [
            p.email
            for p in personer_med_roll(ks, Roll.REMISSAMORDNARE, Roll.REGISTRATOR)
            if p.email
        ]
        return emails_beslut.svar_inkommet(svar, adresser) if adresser else 0
