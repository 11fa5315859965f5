"""Renders a tjänsteutlåtande to PDF/A-2b with WeasyPrint, from the template the preview uses.

The stylesheet and font configuration are parsed once per process and reused, so a warm worker
pays only for layout. The renderer fetches nothing but our own static files: section text comes
from users, and a remote URL in it must never make the worker call out.
"""

import datetime
import functools
import logging
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from nämnder.models import Kommun

logger = logging.getLogger(__name__)

MALL = "yttranden/dokument/tjansteutlatande_pdf.html"
STILMALL = "css/dokument.css"
# Relative URLs in the document resolve against this made-up origin; only its static path is
# served (from disk), so nothing the content names can reach the network.
BAS_URL = "https://remiss.invalid/"

PDF_INSTÄLLNINGAR = {
    "pdf_variant": "pdf/a-2b",
    # Tagged too (structure tree with headings, lists, tables; /Lang): the same tags
    # WeasyPrint's pdf/ua-1 variant writes, but a file declares one variant and the archive's
    # is PDF/A-2b. Page headers and footers are left out of the tree as artifacts.
    "pdf_tags": True,
    "custom_metadata": True,
}


class EjAttesteratFel(ValueError):
    """Only an attested utlåtande becomes a PDF: a draft is never archived."""


class EndastStatiskaFiler(URLFetcher):
    """Serves our static files from disk and the kommun's logo from the database, and refuses
    every other URL."""

    def fetch(self, url, headers=None):
        delar = urlsplit(url)
        egen = f"{delar.scheme}://{delar.netloc}/" == BAS_URL
        if egen and delar.path.startswith(settings.STATIC_URL):
            sökväg = finders.find(unquote(delar.path.removeprefix(settings.STATIC_URL)))
            if sökväg:
                with open(sökväg, "rb") as fil:
                    return URLFetcherResponse(url, fil.read())
        if egen and (logotyp := _logotyp(delar.path)):
            typ = {"Content-Type": logotyp.logotyp_typ}
            return URLFetcherResponse(url, bytes(logotyp.logotyp), headers=typ)
        logger.warning("PDF-renderingen hämtar inte %s", url)
        raise ValueError(f"Hämtar inte {url}: endast Remiss egna statiska filer används.")


def _logotyp(sökväg):
    """The kommun whose logo the path names (its checksum is in it), or None."""
    kommun = Kommun.aktuell()
    if kommun.har_logotyp and sökväg == kommun.logotyp_url:
        return kommun
    return None


@functools.cache
def _typsnitt():
    return FontConfiguration()


@functools.cache
def _hämtare():
    return EndastStatiskaFiler(allowed_protocols=("https",))


@functools.cache
def stilmall():
    """dokument.css, parsed once per process."""
    sökväg = finders.find(STILMALL)
    if not sökväg:
        raise FileNotFoundError(f"Stilmallen {STILMALL} saknas bland de statiska filerna.")
    with open(sökväg, encoding="utf-8") as fil:
        return CSS(
            string=fil.read(), base_url=BAS_URL, url_fetcher=_hämtare(), font_config=_typsnitt()
        )


def rendera_html(dokument, *, skapad=None, identitet=""):
    """The PDF's HTML: the shared document body in a standalone page with its metadata."""
    return render_to_string(
        MALL,
        {
            "dokument": dokument,
            # Whole seconds: the Info dictionary cannot hold more, and PDF/A wants it and the
            # XMP metadata to agree.
            "skapad": (skapad or timezone.now()).replace(microsecond=0),
            "identitet": identitet,
            "weasyprint": weasyprint.__version__,
        },
    )


def skriv_pdf(html):
    """WeasyPrint on finished HTML with our stylesheet, fonts and fetcher."""
    return HTML(string=html, base_url=BAS_URL, url_fetcher=_hämtare()).write_pdf(
        stylesheets=[stilmall()], font_config=_typsnitt(), **PDF_INSTÄLLNINGAR
    )


def rendera_pdf(dokument, *, skapad: datetime.datetime | None = None, identitet=""):
    """PDF/A-2b bytes of an attested tjänsteutlåtande.

    ``identitet`` is written into the document information (``RemissIdentitet``) so that
    verification can name the stored document, e.g. its primary key.
    """
    if dokument.utkast or not dokument.attester:
        raise EjAttesteratFel("Tjänsteutlåtandet är inte attesterat och kan inte bli en PDF.")
    return skriv_pdf(rendera_html(dokument, skapad=skapad, identitet=identitet))
