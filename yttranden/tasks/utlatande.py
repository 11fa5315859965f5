import smtplib

from celery import shared_task
from django.db import IntegrityError, transaction

from yttranden.emails import utlatande as emails
from yttranden.models import Utlåtandehändelse, Utskick

TILLFÄLLIGA_FEL = (smtplib.SMTPException, ConnectionError, TimeoutError)


def mottagare(händelse):
    """Who is told what, for each kind of history event: (meddelande, person, function)."""
    utlåtande = händelse.utlåtande
    instans = utlåtande.instans
    handläggare = [p for p in [instans.handläggare, *instans.medhandläggare.all()] if p]
    T = Utlåtandehändelse.Typ
    if händelse.typ == T.SKICKAT and utlåtande.granskare:
        return [("att_granska", utlåtande.granskare, emails.utlåtande_att_granska)]
    if händelse.typ == T.ÅTERREMITTERAT:
        return [("aterremitterat", p, emails.utlåtande_återremitterat) for p in handläggare]
    if händelse.typ == T.GODKÄNT:
        attestant = [utlåtande.attestant] if utlåtande.attestant else []
        return [("godkant", p, emails.utlåtande_godkänt) for p in handläggare] + [
            ("att_attestera", p, emails.utlåtande_att_attestera) for p in attestant
        ]
    return []


@shared_task(autoretry_for=TILLFÄLLIGA_FEL, retry_backoff=30, retry_backoff_max=600, max_retries=8)
def skicka_meddelanden(händelse_pk):
    """E-mail the people a history event concerns. Each (event, person, message) is claimed by
    a unique Utskick row in the same transaction as the sending, so a rerun sends nothing twice
    and a failed send is retried."""
    händelse = (
        Utlåtandehändelse.objects.select_related(
            "utlåtande__instans__remiss",
            "utlåtande__instans__handläggare",
            "utlåtande__granskare",
            "utlåtande__attestant",
        )
        .filter(pk=händelse_pk)
        .first()
    )
    if händelse is None:
        return
    for meddelande, person, skicka in mottagare(händelse):
        if not person.email or not person.is_active:
            continue
        try:
            with transaction.atomic():
                Utskick.objects.create(händelse=händelse, mottagare=person, meddelande=meddelande)
                skicka(person, händelse.utlåtande, händelse)
        except IntegrityError:
            continue  # already sent by an earlier run
