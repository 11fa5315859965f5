"""One function per message; each renders templates/emails/<namn>-subject.txt, -body.txt and
-body.html. Called by the outbox's work in yttranden/uppdrag.py, never directly from a request."""

from django.conf import settings
from django.urls import reverse

from remiss.emails.instans import bygg_meddelande


def _skicka(namn, mottagare, context, adress, rubriker):
    context = {"mottagare": mottagare, "site_url": settings.SITE_URL, **context}
    bygg_meddelande(namn, context, [adress], rubriker=rubriker).send()


def _context(utlåtande, händelse):
    return {
        "utlåtande": utlåtande,
        "instans": utlåtande.instans,
        "remiss": utlåtande.instans.remiss,
        "händelse": händelse,
        "länk": settings.SITE_URL + reverse("yttranden:detalj", args=[utlåtande.pk]),
    }


def utlåtande_att_granska(mottagare, utlåtande, händelse, adress, rubriker=None):
    _skicka("utlatande-att-granska", mottagare, _context(utlåtande, händelse), adress, rubriker)


def utlåtande_återremitterat(mottagare, utlåtande, händelse, adress, rubriker=None):
    context = _context(utlåtande, händelse)
    _skicka("utlatande-aterremitterat", mottagare, context, adress, rubriker)


def utlåtande_godkänt(mottagare, utlåtande, händelse, adress, rubriker=None):
    _skicka("utlatande-godkant", mottagare, _context(utlåtande, händelse), adress, rubriker)


def utlåtande_att_attestera(mottagare, utlåtande, händelse, adress, rubriker=None):
    _skicka("utlatande-att-attestera", mottagare, _context(utlåtande, händelse), adress, rubriker)
