"""Reminder tasks: the sweep beat runs, and the e-mail for one claimed reminder.

Exactly once, and where it cannot be. A reminder row is inserted once (its unique key), and
moved väntar → skickas by a conditional UPDATE before anything is sent: only the task for which
that UPDATE changed one row sends, so a duplicate message, a retry racing a redelivery or two
workers never send the same reminder twice. After the SMTP server has accepted the mail the row
becomes skickad and nothing sends it again.

The crash windows, and the choice made:

- The worker dies before the claim: the row is still väntar. With ``acks_late`` and
  ``reject_on_worker_lost`` the broker delivers the message again; and should the message be lost
  too, the sweep queues every row left waiting past REMISS_PAMINNELSER_KOMARGINAL.
- The worker dies between the claim and the SMTP server's "250 OK" (the whole SMTP
  conversation: connecting, TLS, sending): the mail did not go out, but the row says skickas.
  The redelivered message finds it claimed and does nothing; the sweep takes the row back once
  REMISS_PAMINNELSER_LASTID has passed (longer than any SMTP conversation can take) and queues it
  again. Nothing is lost.
- The worker dies between "250 OK" and the UPDATE to skickad (one database round trip): the
  mail went out, the row says skickas, and the sweep will send it again. This is the only way a
  reminder goes out twice. Choosing instead never to take back a skickas row would make that
  window safe but lose every reminder whose worker died anywhere in the far longer SMTP
  conversation; a lost deadline reminder costs more than a rare duplicate, so we take rows back.
  The duplicate carries the same Message-ID as the first.

SMTP errors are transient unless the server refused this message or recipient (5xx): the claim is
released (skickas → väntar) and the task retried with exponential backoff. After the last retry
the row simply stays väntar and the sweep queues it again, so an SMTP outage of any length loses
nothing and sends nothing twice.
"""

import datetime
import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from nämnder.models import Nämnd
from nämnder.permissions import nämnder_för
from nämnder.roller import Roll
from remiss import paminnelser, utkorg
from remiss.emails import paminnelser as emails_paminnelser
from remiss.models import Påminnelse

logger = logging.getLogger(__name__)
P = Påminnelse


@shared_task(ignore_result=True)
def svep():
    """Claim and queue every reminder that is due (run by beat every few minutes)."""
    resultat = paminnelser.svep()
    if resultat.köade or resultat.hoppade:
        logger.info(
            "Påminnelser: %s nya, %s återtagna, %s utan e-postadress.",
            len(resultat.nya),
            len(resultat.återtagna),
            resultat.hoppade,
        )


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def köa_påminnelser(pks):
    """Queue the mail tasks of one chunk of a large backlog (see paminnelser.KÖA_DIREKT). Run
    twice, it queues twice, which the claim makes harmless."""
    paminnelser.köa(pks)


def _varför_inte(påminnelse):
    """Why this reminder should no longer be sent, or "" when it should."""
    if not påminnelse.mottagare.is_active:
        return P.Orsak.INAKTIV
    if not påminnelse.mottagare.email.strip():
        return P.Orsak.INGEN_EPOST
    instans = påminnelse.instans
    if instans is None:
        return ""
    if instans.status in instans.KLARA:
        return P.Orsak.AVSLUTAD
    if instans.svarsdatum != påminnelse.datum:
        return P.Orsak.NYTT_SVARSDATUM
    if påminnelse.typ == P.Typ.OTILLDELAD and instans.handläggare_id:
        return P.Orsak.TILLDELAD
    return ""


def _sammanställning(påminnelse):
    ks = nämnder_för(
        påminnelse.mottagare,
        Roll.REGISTRATOR,
        Roll.REMISSAMORDNARE,
        queryset=Nämnd.objects.filter(typ=Nämnd.Typ.KOMMUNSTYRELSE),
    )
    instanser = list(
        paminnelser.sammanställning_gäller(påminnelse.datum)
        .filter(remiss__nämnd__in=ks)
        .select_related("remiss", "nämnd")
        .order_by("svarsdatum", "remiss__diarienummer", "nämnd__namn")
    )
    försenade = [i for i in instanser if i.svarsdatum < påminnelse.datum]
    i_riskzon = [i for i in instanser if i.svarsdatum >= påminnelse.datum]
    if not instanser:
        return False
    return emails_paminnelser.sammanställning(påminnelse, försenade, i_riskzon)


def _skicka(påminnelse):
    påminnelse.epost = påminnelse.mottagare.email.strip()
    if påminnelse.typ == P.Typ.SAMMANSTÄLLNING:
        return _sammanställning(påminnelse)
    if påminnelse.typ == P.Typ.OTILLDELAD:
        return emails_paminnelser.otilldelad(påminnelse)
    return emails_paminnelser.frist(påminnelse)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def skicka_påminnelse(self, pk):
    """Send one claimed reminder; returns True when this run sent it."""
    påminnelse = P.ta_anspråk(pk)
    if påminnelse is None:
        return False  # gone, done, or being sent by someone else
    orsak = _varför_inte(påminnelse)
    if orsak:
        påminnelse.hoppa_över(orsak)
        return False
    try:
        skickat = _skicka(påminnelse)
    except Exception as fel:
        # The outbox's one SMTP classifier (remiss/utkorg.py): 4xx and network errors retry,
        # a 5xx refusal of this message or recipient does not.
        if utkorg.tillfälligt(fel):
            return _försök_senare(self, påminnelse, fel)
        if isinstance(fel, smtplib.SMTPException):
            påminnelse.misslyckas(repr(fel), P.Orsak.AVVISAD)
            return False
        # A fault in our own code: shown as failed in the admin, which can queue it again.
        påminnelse.misslyckas(repr(fel))
        raise
    if skickat is False:
        påminnelse.hoppa_över(P.Orsak.INGET_ATT_RAPPORTERA)
        return False
    påminnelse.markera_skickad()
    return True


def _försök_senare(task, påminnelse, fel):
    försök = task.request.retries
    if försök >= settings.REMISS_PAMINNELSER_MAX_FORSOK:
        # Left waiting: the sweep queues it again, for as long as the SMTP server is down.
        påminnelse.släpp(repr(fel), timezone.now())
        logger.warning("Påminnelse %s väntar på e-postservern: %r", påminnelse.pk, fel)
        return False
    väntetid = utkorg.väntetid(försök + 1)
    påminnelse.släpp(repr(fel), timezone.now() + datetime.timedelta(seconds=väntetid))
    raise task.retry(exc=fel, countdown=väntetid, max_retries=None)
