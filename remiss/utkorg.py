"""The one way Remiss does background work reliably (the model: remiss/models/utkorg.py).

Putting work in the outbox: ``lägg(uppdrag, ...)`` inside the transaction of the state change
writes the row; after commit the row's Celery task is published (the fast path). A broker that
is down is logged and forgotten here: the row waits, and the sweep publishes it.

Doing the work (``utför``, run by the Celery task ``remiss.tasks.utkorg.utför``):

1. Claim the row by a conditional UPDATE with a fresh token and a lease
   (REMISS_UTKORG_LASTID_SEKUNDER). A duplicate message, a redelivery, two sweeps, or "Försök
   igen" pressed twice find it claimed or done, and do nothing. The worker dies before this
   point: the row is still free; the message is delivered again (``acks_late``), or else the
   sweep publishes it again.
2. Run the uppdrag's function outside any transaction: no database transaction is held open
   across SMTP or rendering. The worker dies here (mid-render, mid-SMTP): the lease runs out
   and the sweep hands the row to another worker. For an e-mail, dying between the SMTP
   server's "250 OK" and step 3 (one database round trip) is the one way a message goes out
   twice; taking claims back is still the right choice, because dying anywhere in the far
   longer SMTP conversation would otherwise lose the mail, and a lost notice costs more than a
   rare duplicate (which carries the same Message-ID, so mail systems can drop it).
3. Mark the row klar by an UPDATE that repeats the token. A worker that lost its claim (its
   lease ran out while it was still working) changes nothing.

Errors: ``tillfälligt(fel)`` is the one classifier. SMTP 4xx answers, an HTTP receiver's 5xx,
408 or 429 (a webhook, remiss/webbkrokar.py), a dropped or refused connection and timeouts are
transient: the claim is given back and the row is due again after
1, 2, 4 … times REMISS_UTKORG_BACKOFF_SEKUNDER (at most an hour), up to MAX_FÖRSÖK attempts;
the worker publishes the retry with that delay itself, and the sweep is the backstop.
SMTP 5xx answers (the server refuses this message or recipient), any other HTTP answer than
2xx and every other error fail the row for good, with a Swedish message that the admin and the
page concerned show; a person can ask again from either.

The sweep (``svep``, run by beat every minute) publishes every free row with no message on the
way: never published, due again after a backoff, claimed by a worker whose lease ran out, or
published so long ago (KÖMARGINAL) that its message must be lost.

Kinds of work are registered by name (``@uppdrag("namn")``) by the module that knows how to do
them, imported explicitly by its app's ``ready()``: remiss never imports yttranden, but a row
written by yttranden names work that yttranden registered.
"""

import logging
import random
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parsedate_to_datetime

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from nämnder.kompilerade import kompilerad
from nämnder.sqlbland import Bland
from remiss.models.utkorg import Utkorgspost

logger = logging.getLogger(__name__)

MAX_FÖRSÖK = 20


@dataclass(frozen=True)
class Uppdrag:
    namn: str
    utför: object  # function(post): does the work; raises to fail or retry
    # function(post, fel, text): told when the row fails for good; may return a better text
    misslyckades: object = None


UPPDRAG = {}


def uppdrag(namn, misslyckades=None):
    """Register the decorated function as the way to do the work named ``namn``."""

    def registrera(funktion):
        UPPDRAG[namn] = Uppdrag(namn, funktion, misslyckades)
        return funktion

    return registrera


class Tillfälligt(Exception):
    """Raised by an uppdrag for a transient error of its own (a timestamp authority down)."""


class HttpSvar(Exception):
    """Raised by an uppdrag when an HTTP receiver answered anything but 2xx; ``vänta`` is the
    receiver's own Retry-After (seconds, from ``vänta_enligt``), or None."""

    def __init__(self, kod, orsak="", vänta=None):
        super().__init__(f"{kod} {orsak}".strip())
        self.kod, self.vänta = kod, vänta


# The longest a receiver's Retry-After may put off the next attempt: longer is read as this.
LÄNGSTA_BEGÄRDA_VÄNTAN = 24 * 3600


def vänta_enligt(retry_after, nu=None):
    """Seconds a Retry-After header asks for (RFC 9110: a number of seconds or an HTTP date),
    at most LÄNGSTA_BEGÄRDA_VÄNTAN; None for a missing or unreadable one."""
    if not retry_after:
        return None
    text = retry_after.strip()
    if text.isdigit():
        sekunder = int(text)
    else:
        try:
            tidpunkt = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        if tidpunkt.tzinfo is None:
            return None
        sekunder = (tidpunkt - (nu or timezone.now())).total_seconds()
    return min(max(sekunder, 0), LÄNGSTA_BEGÄRDA_VÄNTAN)


# HTTP answers worth trying again later: the receiver is down, overloaded or slow.
TILLFÄLLIGA_HTTP_SVAR = {408, 429}


class HoppasÖver(Exception):
    """Raised by an uppdrag when the work is no longer to be done (the reason is kept)."""


# --- putting work in the outbox -----------------------------------------------------------


def lägg(namn, *, gäller=None, nyckel=None, beskrivning="", **argument):
    """Write one row in the current transaction; published after commit. With ``nyckel``, a
    row that exists already is returned instead (the work is asked for once)."""
    if namn not in UPPDRAG:
        raise LookupError(f"Okänt uppdrag i utkorgen: {namn}")
    fält = {
        "uppdrag": namn,
        "argument": argument,
        "gäller": Utkorgspost.nyckel_för(gäller) if gäller is not None else "",
        "beskrivning": beskrivning[:300],
    }
    if nyckel:
        post, ny = Utkorgspost.objects.get_or_create(nyckel=nyckel, defaults=fält)
    else:
        post, ny = Utkorgspost.objects.create(**fält), True
    if ny:
        publicera_efter_commit([post.pk])
    return post


def lägg_många(poster, publicera=True):
    """Write many unsaved rows at once (a remiss sent to thirty nämnder)."""
    for post in poster:
        if post.uppdrag not in UPPDRAG:
            raise LookupError(f"Okänt uppdrag i utkorgen: {post.uppdrag}")
    skapade = Utkorgspost.objects.bulk_create(poster)
    if publicera:
        publicera_efter_commit([p.pk for p in skapade])
    return skapade


def publicera_efter_commit(pks):
    if pks:
        pks = list(pks)
        transaction.on_commit(lambda: publicera_i_delar(pks))


# Each message is one round trip to the broker. Up to this many rows are published here; a
# larger batch (the reminder sweep after a long stop: tens of thousands) is published as chunks,
# each one message whose task publishes that chunk's rows, in parallel and off the caller's path.
KÖA_DIREKT = 200


def publicera_i_delar(pks):
    from remiss.tasks.utkorg import publicera_del

    if len(pks) <= KÖA_DIREKT or publicera_del.app.conf.task_always_eager:
        return publicera(pks)
    delar = [pks[i : i + KÖA_DIREKT] for i in range(0, len(pks), KÖA_DIREKT)]
    try:
        with publicera_del.app.producer_or_acquire() as producer:
            for del_ in delar:
                publicera_del.apply_async((del_,), producer=producer, retry=False)
    except Exception:
        logger.warning("Utkorgen: delarna kunde inte köas nu; svepet köar dem.", exc_info=True)
    return pks


def publicera(pks, om=0):
    """Send one message per row to the broker, to be run in ``om`` seconds. A broker that is
    down is logged, never raised: the state change is saved, and the sweep publishes the rows
    once the broker is back."""
    from remiss.tasks.utkorg import utför as uppgift

    if uppgift.app.conf.task_always_eager:
        # The demo without a broker: the work runs here and now, once the change is committed.
        for pk in pks:
            uppgift.apply_async((pk,))
        return pks
    publicerade = []
    try:
        with uppgift.app.producer_or_acquire() as producer:
            for pk in pks:
                uppgift.apply_async((pk,), producer=producer, retry=False, countdown=om or None)
                publicerade.append(pk)
    except Exception:
        logger.warning(
            "Utkorgen: %s av %s jobb kunde inte köas nu; svepet köar dem senare.",
            len(pks) - len(publicerade),
            len(pks),
            exc_info=True,
        )
    if publicerade:
        när = timezone.now() + timedelta(seconds=om)
        Utkorgspost.objects.filter(pk__in=publicerade).update(publicerad=när)
    return publicerade


# --- doing the work -----------------------------------------------------------------------


def tillfälligt(fel):
    """The one SMTP, HTTP and network error classifier: True when trying again later may work."""
    if isinstance(fel, Tillfälligt):
        return True
    if isinstance(fel, HttpSvar):
        return fel.kod >= 500 or fel.kod in TILLFÄLLIGA_HTTP_SVAR
    if isinstance(fel, requests.RequestException):
        # A refused or dropped connection, a timeout; not a malformed address (also an OSError).
        return isinstance(fel, requests.ConnectionError | requests.Timeout)
    if isinstance(fel, smtplib.SMTPRecipientsRefused):
        return any(kod < 500 for kod, _svar in fel.recipients.values())
    if isinstance(fel, smtplib.SMTPResponseException):
        return fel.smtp_code < 500  # 4xx: try later; 5xx: refused for good
    # Dropped and refused connections, timeouts, name lookups; SMTPServerDisconnected too.
    return isinstance(fel, OSError)


def väntetid(försök):
    """Seconds until the next attempt after ``försök`` attempts: 1, 2, 4 … times the base, at
    most an hour, with jitter so that a backlog does not come back all at once."""
    bas = settings.REMISS_UTKORG_BACKOFF_SEKUNDER
    return min(bas * 2 ** max(försök - 1, 0), 3600) * random.uniform(0.8, 1.2)


def feltext(fel):
    if isinstance(fel, smtplib.SMTPRecipientsRefused):
        svar = "; ".join(
            f"{adress}: {kod} {text.decode(errors='replace')}"
            for adress, (kod, text) in fel.recipients.items()
        )
        return f"E-postservern avvisade mottagaren ({svar})."
    if isinstance(fel, smtplib.SMTPResponseException):
        svar = fel.smtp_error
        svar = svar.decode(errors="replace") if isinstance(svar, bytes) else str(svar)
        return f"E-postservern svarade {fel.smtp_code} {svar}"
    if isinstance(fel, HttpSvar):
        return f"Mottagaren svarade {fel}."
    if isinstance(fel, requests.Timeout):
        return f"Mottagaren svarade inte i tid ({fel})."
    if isinstance(fel, requests.ConnectionError):
        return f"Kunde inte ansluta till mottagaren ({fel})."
    return f"{type(fel).__name__}: {fel}"


def utför(pk):
    """Claim the row ``pk``, do its work and record how it went. Returns the new status, or
    None when the row was not this worker's to do."""
    post = Utkorgspost.ta(pk)
    if post is None:
        return None
    uppdraget = UPPDRAG.get(post.uppdrag)
    try:
        if uppdraget is None:
            raise LookupError(f"Okänt uppdrag: {post.uppdrag}")
        uppdraget.utför(post)
    except HoppasÖver as orsak:
        post.hoppa_över(str(orsak))
        return Utkorgspost.S.HOPPADES_ÖVER
    except Exception as fel:
        return _fel(post, uppdraget, fel)
    post.klarmarkera()
    return Utkorgspost.S.KLAR


def _fel(post, uppdraget, fel):
    text = feltext(fel)
    if tillfälligt(fel) and post.försök < MAX_FÖRSÖK:
        # A receiver that says when to come back (429 or 503 with Retry-After) is not asked
        # sooner than that; the backoff still holds when it asks for less.
        sekunder = max(väntetid(post.försök), getattr(fel, "vänta", None) or 0)
        logger.info("Utkorgspost %s (%s) försöks igen om %.0f s: %s", post.pk, post, sekunder, text)
        post.släpp(text, timezone.now() + timedelta(seconds=sekunder))
        publicera([post.pk], om=sekunder)  # the sweep is the backstop, should this be lost
        return Utkorgspost.S.VÄNTAR
    if tillfälligt(fel):
        text = f"Gav upp efter {post.försök} försök. Senast: {text}"
        logger.warning("Utkorgspost %s (%s): %s", post.pk, post, text)
    else:
        logger.error("Utkorgspost %s (%s) misslyckades: %s", post.pk, post, text, exc_info=fel)
    if uppdraget and uppdraget.misslyckades:
        text = uppdraget.misslyckades(post, fel, text) or text
    post.misslyckas(text)
    return Utkorgspost.S.MISSLYCKAD


# --- the sweep and a person asking again --------------------------------------------------


def svep(nu=None):
    """Publish every free row with no message on the way (see the module docstring); returns
    their keys."""
    nu = nu or timezone.now()
    kömarginal = timedelta(seconds=settings.REMISS_UTKORG_KOMARGINAL_SEKUNDER)
    # Two sweeps at once may publish a row twice; the claim makes the second message harmless.
    pks = list(
        Utkorgspost.objects.opublicerade(nu, kömarginal)
        .order_by("nästa_försök")
        .values_list("pk", flat=True)[: settings.REMISS_UTKORG_SVEP_HOGST]
    )
    if pks:
        publicera(pks)
    return pks


def hoppa_över_epost(sedan, orsak):
    """Mark the e-mails written since ``sedan`` (in this transaction) as not to be sent."""
    return Utkorgspost.objects.filter(
        status=Utkorgspost.S.VÄNTAR, uppdrag__startswith="epost.", skapad__gte=sedan
    ).update(status=Utkorgspost.S.HOPPADES_ÖVER, fel=orsak)


def misslyckad_epost(nycklar, rubriker):
    """The mails about the objects ``nycklar`` (Utkorgspost.nyckel_för) that failed for good,
    grouped under a Swedish heading for the page where the person who caused them expects the
    result: ``[(rubrik, [post, …]), …]``. ``rubriker`` maps an uppdrag, or (uppdrag,
    meddelande), to its heading; mails the page does not concern are left out."""
    grupper = {}
    uppdrag = tuple(
        sorted({nyckel[0] if isinstance(nyckel, tuple) else nyckel for nyckel in rubriker})
    )
    for post in _misslyckade(uppdrag, nycklar=list(nycklar)) if nycklar else []:
        meddelande = (post.uppdrag, post.argument.get("meddelande"))
        if rubrik := rubriker.get(meddelande) or rubriker.get(post.uppdrag):
            grupper.setdefault(rubrik, []).append(post)
    return list(grupper.items())


@kompilerad
def _misslyckade(uppdrag, nycklar):
    # Compiled once per page kind: asked on each matrix, instans, utlåtande and beslut page,
    # where it almost always finds nothing, and building it took longer than running it.
    return (
        Utkorgspost.objects.filter(Bland("gäller", nycklar), uppdrag__in=uppdrag)
        .misslyckade()
        .order_by("pk")
    )


def gör_om(queryset, orsak):
    """Queue done work again because what it made was lost (kontrollera_arkiv --laga)."""
    pks = Utkorgspost.gör_om(queryset, orsak)
    publicera_efter_commit(pks)
    return pks


def försök_igen(queryset):
    """Queue failed rows again (the admin's action, a page's "Försök igen")."""
    with transaction.atomic():
        pks = Utkorgspost.försök_igen(queryset)
        publicera_efter_commit(pks)
    return pks
