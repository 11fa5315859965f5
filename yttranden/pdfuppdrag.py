"""Renders and seals one stored PDF (yttranden/models/pdfdokument.py): the outbox's work
``pdf.skapa`` (remiss/utkorg.py does the claiming, the lease, the retries and the sweep).

Exactly one stored document per row, whatever happens to the workers:

- The attest, the beslut or KS's request writes the Pdfdokument and its outbox row in one
  transaction; Redis being down then only delays the render until the sweep publishes it.
- A worker claims the outbox row (conditional UPDATE with a token and a lease) and renders only
  when it got it. A second message for the same row (a duplicate, a redelivery, "Försök igen"
  pressed twice) finds it claimed or done and does nothing.
- The file is written under a random name first; the Pdfdokument becomes klar only while the
  outbox claim is still this worker's (``Pdfdokument.spara`` holds that row locked for the
  UPDATE). A worker that lost its claim deletes its file instead.
- The worker dies mid-render (the pool process, or the whole worker SIGKILLed): nothing is
  stored; once the lease (REMISS_UTKORG_LASTID_SEKUNDER, longer than the task's hard time
  limit, so never a live worker's) has run out, the sweep publishes the row and another worker
  renders it. Nobody has to press a button.
- Only the timestamp authority not answering (framstallning.TILLFÄLLIGA_FEL) is retried, with
  the outbox's backoff. Everything else (no seal, a draft, a template error, the time limit)
  fails the same way every time: the row becomes misslyckad with a Swedish message that the
  page and the admin show, and the error is logged.
"""

import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.utils.translation import gettext as _

from remiss.utkorg import HoppasÖver, Tillfälligt, uppdrag
from yttranden.models import Pdfdokument

logger = logging.getLogger(__name__)


def _feltext(post, fel, text):
    """The Swedish message the page shows, and the Pdfdokument marked misslyckad."""
    from yttranden.pdf.rendering import EjAttesteratFel
    from yttranden.pdf.sigill import SigillFel

    if isinstance(fel, SigillFel | EjAttesteratFel):
        meddelande = str(fel)  # already Swedish and says what to do
    elif isinstance(fel, SoftTimeLimitExceeded):
        meddelande = _("PDF:en tog för lång tid att skapa och avbröts. Försök igen.")
    elif isinstance(fel, Tillfälligt):
        meddelande = _("Tidsstämpeltjänsten svarade inte, inte heller efter flera försök.")
    else:
        meddelande = _(
            "PDF:en kunde inte skapas på grund av ett tekniskt fel (%(fel)s). Försök igen, och "
            "kontakta systemförvaltningen om det upprepas."
        ) % {"fel": type(fel).__name__}
    Pdfdokument(pk=post.argument["dokument"]).misslyckas(meddelande)
    return meddelande


@uppdrag("pdf.skapa", misslyckades=_feltext)
def skapa_pdf(post):
    """Render and seal the Pdfdokument named by the outbox row ``post``, and store it."""
    from yttranden import pdfinnehall
    from yttranden.pdf.framstallning import TILLFÄLLIGA_FEL
    from yttranden.pdf.sigill import ladda_sigill

    dokument = Pdfdokument.objects.filter(pk=post.argument["dokument"]).first()
    if dokument is None:
        raise HoppasÖver(_("PDF-handlingen finns inte längre."))
    if dokument.status == Pdfdokument.Status.KLAR:
        efter_klar(dokument)  # the worker that stored it may have died before this
        return  # stored by a worker whose claim ran out just as it finished
    dokument.påbörja()
    try:
        ladda_sigill()  # no seal: fail at once, not after rendering
        pdf = pdfinnehall.rendera(dokument)
    except TILLFÄLLIGA_FEL as fel:
        raise Tillfälligt(_("Tidsstämpeltjänsten svarade inte: %(fel)s") % {"fel": fel}) from fel
    if dokument.spara(post, pdf):
        efter_klar(dokument)


def efter_klar(dokument):
    """What follows a stored document: an external answer's receipt to the contact who sent
    it, with the PDF. The outbox row's key makes it one receipt however often this runs."""
    if dokument.typ != Pdfdokument.Typ.EXTERNT_SVAR:
        return
    from remiss import utkorg

    svar = dokument.externt_svar
    utkorg.lägg(
        "epost.externt_kvitto",
        nyckel=f"kvitto:externt_svar:{svar.pk}",
        gäller=svar.instans,
        beskrivning=_("Kvitto på svar %(nr)s till %(namn)s")
        % {"nr": svar.nummer, "namn": svar.inskickat_av.namn},
        svar=svar.pk,
        dokument=dokument.pk,
        adress=svar.inskickat_av.epost,
    )
