"""Helpers for the stored-PDF tests: the demo seal in settings, an archive of one's own, waiting
for the worker, and the answer built step by step."""

import hashlib

from django.utils import timezone

from remiss.models import Utkorgspost
from tests.factories import SammanträdeFactory
from tests.vanta import vänta_tills
from tests.yttranden.pdfhjalp import demokatalog, kör, som_fil
from yttranden.models import Beslut, Pdfdokument, Svar, Uttalande, Ärende
from yttranden.pdf import sigill as sigillmodul
from yttranden.pdf.framstallning import SigneradPdf

UTTALANDET = "Vi vill betona skolans roll i samverkan."


def använd_demosigill(settings):
    """Seal with the demo certificate; the loaded seal is cached per process, so clear it."""
    katalog = demokatalog()
    settings.REMISS_SIGILL_CERT = katalog / "sigill.pem"
    settings.REMISS_SIGILL_NYCKEL = katalog / "sigill-nyckel.pem"
    settings.REMISS_SIGILL_LOSENORD = ""
    sigillmodul.ladda_sigill.cache_clear()


def färdig(dokument, sekunder=30):
    """Wait until the worker has finished ``dokument`` (klar or misslyckad); return it fresh."""

    def klart():
        dokument.refresh_from_db()
        return dokument.status in (Pdfdokument.Status.KLAR, Pdfdokument.Status.MISSLYCKAD)

    vänta_tills(klart, sekunder)
    return dokument


def lagrad_fil(dokument):
    """The stored file as an outsider would open it: a path on disk."""
    with dokument.fil.storage.open(dokument.fil.name, "rb") as fil:
        return som_fil(fil.read(), f"{dokument.pk}.pdf")


def text(dokument):
    return " ".join(kör("pdftotext", str(lagrad_fil(dokument)), "-").stdout.split())


def låtsas_klar(dokument, innehåll=b"%PDF-1.7\n% en attrapp\n"):
    """Mark a row klar with a stand-in file, for tests about access rather than content."""
    post = Utkorgspost.ta(Utkorgspost.objects.get(nyckel=dokument.utkorgsnyckel).pk)
    dokument.påbörja()
    dokument.spara(post, SigneradPdf(innehåll, hashlib.sha256(innehåll).hexdigest()))
    post.klarmarkera()
    dokument.refresh_from_db()
    return dokument


def besluta(utlåtande, sekreterare, *, uttalande=True, skicka=True):
    """Put the utlåtande on a meeting as ärende 10, decide, add a statement, send to KS."""
    möte = SammanträdeFactory(nämnd=utlåtande.instans.nämnd, datum=timezone.localdate())
    ärende = Ärende.lägg_på_dagordning(utlåtande, möte, 10, av=sekreterare)
    beslut = Beslut.registrera(
        ärende, "1. Nämnden godkänner förslaget.", av=sekreterare, justeras_omedelbart=True
    )
    if uttalande:
        Uttalande.lägg_till(
            beslut,
            Uttalande.Typ.SÄRSKILT_UTTALANDE,
            ["L", "C"],
            "Anna Andersson (L)\nBo Berg (C)",
            UTTALANDET,
            av=sekreterare,
        )
    if skicka:
        Svar.skicka(beslut, av=sekreterare)
    return ärende


def protokollsutdrag(ärende):
    return Pdfdokument.objects.filter(ärende=ärende).senaste()
