"""One function per message; each renders templates/emails/<namn>-subject.txt, -body.txt and
-body.html. Called by the tasks in yttranden/tasks/utlatande.py, never directly from a request."""

from django.conf import settings
from django.urls import reverse

from remiss.emails.instans import bygg_meddelande


def _skicka(namn, mottagare, context):
    context = {"mottagare": mottagare, "site_url": settings.SITE_URL, **context}
    bygg_meddelande(namn, context, [mottagare.email]).send()


def _context(utlåtande, händelse):
    return {
        "utlåtande": utlåtande,
        "instans": utlåtande.instans,
        "remiss": utlåtande.instans.remiss,
        "händelse": händelse,
        "länk": settings.SITE_URL + reverse("yttranden:detalj", args=[utlåtande.pk]),
    }


def utlåtande_att_granska(mottagare, utlåtande, händelse):
    _skicka("utlatande-att-granska", mottagare, _context(utlåtande, händelse))


def utlåtande_återremitterat(mottagare, utlåtande, händelse):
    _skicka("utlatande-aterremitterat", mottagare, _context(utlåtande, händelse))


def utlåtande_godkänt(mottagare, utlåtande, händelse):
    _skicka("utlatande-godkant", mottagare, _context(utlåtande, händelse))


def utlåtande_att_attestera(mottagare, utlåtande, händelse):
    _skicka("utlatande-att-attestera", mottagare, _context(utlåtande, händelse))
