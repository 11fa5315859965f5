"""Webhooks (the models: remiss/models/webbkrok.py): telling an API client's system what happens
in Remiss, signed by the Standard Webhooks specification and delivered through the outbox.

An event: ``registrera_händelse(typ, objekt)``, called by the model method of the state change
inside its transaction (``Remiss.skicka``, ``Remissinstans.tilldela``,
``Tjänsteutlåtande.attestera`` …), so a change made on a page and one made through the API tell
the same. It writes one event
with a fresh ``msg_…`` id and, for each active subscription that wants the type and whose client
may see the object now (the ordinary access policy asked for the client's service user), one
outbox row and one delivery. A change that rolls back tells no one; one that commits is never
forgotten.

A delivery (``webbkrok.leverera``, done by the outbox's worker outside any transaction): an HTTP
POST of the event's JSON with the headers ``webhook-id`` (the event's id, the same on every retry
and replay), ``webhook-timestamp`` (this attempt, in seconds) and ``webhook-signature``
(``v1,`` + base64 of HMAC-SHA256 over ``id.timestamp.body`` with the subscription's secret). A 2xx
answer delivers it; 5xx, 408, 429, a timeout or a connection that fails are retried by the
outbox's one rule (``utkorg.tillfälligt``), not sooner than the receiver's Retry-After asks (at
most a day); any other answer (a 3xx too: redirects are not
followed) fails the row for good, shown in the admin with the answer's code, and a person can
send it again from there.

The payload carries ids and links to the web page and the API, never the documents: a receiver
reads what it needs through the API, which asks the same access policy.
"""

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from datetime import UTC

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nämnder.permissions import kan_se
from remiss import utkorg
from remiss.models import Anstånd, Remiss, Remissinstans, Utkorgspost
from remiss.models.webbkrok import (
    HÄNDELSENAMN,
    Webbkrok,
    Webbkrokshändelse,
    Webbkroksleverans,
    validera_mottagare,
)
from remiss.utkorg import HoppasÖver, uppdrag

UPPDRAG = "webbkrok.leverera"
# Connect and read timeouts of one attempt (seconds): a slow receiver is retried later rather
# than holding a worker.
TIDSGRÄNS = (5, 15)
LÄNGSTA_SVAR = 500  # characters of the receiver's answer kept in the log


# --- what an event says about an object ---------------------------------------------------


@dataclass(frozen=True)
class Beskrivning:
    data: object  # function(objekt): the payload's ``data``, ids and links
    åtkomst: object  # function(objekt): the object whose visibility decides who is told


BESKRIVNINGAR = {}


def beskrivning(modell, åtkomst=None):
    """Register the decorated function as the payload of events about ``modell``; the app that
    owns the model registers it (yttranden/webbkrokar.py), so remiss never imports yttranden."""

    def registrera(funktion):
        BESKRIVNINGAR[modell._meta.label_lower] = Beskrivning(funktion, åtkomst or (lambda o: o))
        return funktion

    return registrera


def länkar(objekt, webbadress, api, **fält):
    """An object in a payload: its id, a few identifying fields, its page and its API address
    (``api`` names the API's detail URL, e.g. "remiss" for /api/v1/remisser/<id>/)."""
    return {
        "id": objekt.pk,
        **fält,
        "url": settings.SITE_URL + webbadress,
        "api": settings.SITE_URL + reverse(f"api:{api}", args=[objekt.pk]),
    }


@beskrivning(Remiss)
def om_remiss(remiss):
    webb = reverse("remisser:detalj", args=[remiss.pk])
    return {"remiss": länkar(remiss, webb, "remiss", diarienummer=remiss.diarienummer)}


@beskrivning(Remissinstans)
def om_instans(instans):
    webb = reverse("instanser:detalj", args=[instans.pk])
    return {
        "remissinstans": länkar(
            instans,
            webb,
            "instans",
            namnd=instans.nämnd_id,
            diarienummer=instans.diarienummer,
            status=instans.status,
        ),
        **om_remiss(instans.remiss),
    }


@beskrivning(Anstånd, åtkomst=lambda anstånd: anstånd.instans)
def om_anstånd(anstånd):
    return {
        "anstand": {"id": anstånd.pk, "svarsdatum": f"{anstånd.begärt_datum:%Y-%m-%d}"},
        **om_instans(anstånd.instans),
    }


# --- an event -----------------------------------------------------------------------------


def klient_får_se(klient, objekt):
    """Whether the API client may see ``objekt`` now: the same question as for a person, asked
    for the client's service user (whose roles are the client's scope)."""
    return klient.gäller() and kan_se(klient.användare, objekt)


def registrera_händelse(typ, objekt):
    """Tell every subscription that wants ``typ`` and whose client may see ``objekt`` (see the
    module docstring). Call it inside the transaction of the change; returns the event, or None
    when no one is told."""
    if typ not in HÄNDELSENAMN:
        raise LookupError(f"Okänd webbkrokshändelse: {typ}")
    krokar = [
        krok
        for krok in Webbkrok.objects.filter(aktiv=True).select_related("klient__användare")
        if krok.vill_ha(typ)
    ]
    if not krokar:
        return None
    # Read again as this transaction has it: the caller's copy may hold related objects as they
    # were before the change (the policy reads the instans's status through them).
    objekt = type(objekt)._default_manager.get(pk=objekt.pk)
    sätt = BESKRIVNINGAR[objekt._meta.label_lower]
    åtkomst = sätt.åtkomst(objekt)
    mottagare = [krok for krok in krokar if klient_får_se(krok.klient, åtkomst)]
    if not mottagare:
        return None
    nu = timezone.now()
    innehåll = {"type": typ, "timestamp": _tid(nu), "data": sätt.data(objekt)}
    händelse = Webbkrokshändelse.objects.create(
        typ=typ, tidpunkt=nu, kropp=json.dumps(innehåll, ensure_ascii=False)
    )
    poster = utkorg.lägg_många(
        [
            Utkorgspost(
                uppdrag=UPPDRAG,
                argument={"handelse": händelse.meddelande_id, "webbkrok": krok.pk},
                nyckel=f"webbkrok:{händelse.pk}:{krok.pk}",
                gäller=Utkorgspost.nyckel_för(krok),
                beskrivning=f"{typ} {händelse.meddelande_id} → {krok.url}"[:300],
            )
            for krok in mottagare
        ]
    )
    Webbkroksleverans.objects.bulk_create(
        Webbkroksleverans(händelse=händelse, webbkrok=krok, post=post)
        for krok, post in zip(mottagare, poster, strict=True)
    )
    return händelse


def _tid(ögonblick):
    return ögonblick.astimezone(UTC).isoformat().replace("+00:00", "Z")


# --- signing and delivering ---------------------------------------------------------------


def signatur(hemlighet, meddelande_id, tidpunkt, kropp):
    """``v1,<base64 HMAC-SHA256>`` of ``id.timestamp.body`` (Standard Webhooks, symmetric)."""
    nyckel = base64.b64decode(hemlighet.removeprefix("whsec_"))
    innehåll = f"{meddelande_id}.{tidpunkt}.".encode() + kropp
    return "v1," + base64.b64encode(hmac.new(nyckel, innehåll, hashlib.sha256).digest()).decode()


def rubriker(hemlighet, meddelande_id, kropp, tidpunkt=None):
    tidpunkt = int(time.time()) if tidpunkt is None else tidpunkt
    return {
        "content-type": "application/json",
        "user-agent": "Remiss-webbkrok/1",
        "webhook-id": meddelande_id,
        "webhook-timestamp": str(tidpunkt),
        "webhook-signature": signatur(hemlighet, meddelande_id, tidpunkt, kropp),
    }


def _misslyckades(post, fel, text):
    if isinstance(fel, ValidationError):
        return " ".join(fel.messages)
    return text


@uppdrag(UPPDRAG, misslyckades=_misslyckades)
def _leverera(post):
    leverans = (
        Webbkroksleverans.objects.select_related("händelse", "webbkrok__klient")
        .filter(post_id=post.pk)
        .first()
    )
    if leverans is None:
        raise HoppasÖver(_("Webbkroken finns inte längre."))
    krok = leverans.webbkrok
    if not krok.aktiv:
        raise HoppasÖver(_("Webbkroken är avstängd."))
    if not krok.klient.gäller():
        raise HoppasÖver(_("API-klienten är spärrad eller har gått ut."))
    validera_mottagare(krok.url)  # the rule may have tightened since it was registered
    kropp = leverans.händelse.kropp.encode()
    try:
        with requests.post(
            krok.url,
            data=kropp,
            headers=rubriker(krok.hemlighet, leverans.händelse.meddelande_id, kropp),
            timeout=TIDSGRÄNS,
            allow_redirects=False,
            stream=True,  # read only the start of the answer, however long it is
        ) as svar:
            text = svar.raw.read(LÄNGSTA_SVAR * 4, decode_content=True)
    except requests.RequestException as fel:
        _notera(leverans, None, utkorg.feltext(fel))
        raise
    _notera(leverans, svar.status_code, text.decode(errors="replace"))
    if not 200 <= svar.status_code < 300:
        vänta = utkorg.vänta_enligt(svar.headers.get("Retry-After"))
        raise utkorg.HttpSvar(svar.status_code, svar.reason, vänta=vänta)


def _notera(leverans, kod, text):
    Webbkroksleverans.objects.filter(pk=leverans.pk).update(
        svarskod=kod, svar=text[:LÄNGSTA_SVAR], senast=timezone.now()
    )
