"""From a document to the sealed PDF an archive keeps: what the Celery task calls.

The task (which owns idempotency through the stored-document row) passes the document, gets
bytes and their SHA-256 back, and stores them; nothing here touches the database.
"""

import hashlib
from dataclasses import dataclass

from django.utils import timezone
from pyhanko.sign.timestamps import TimestampRequestError

from yttranden.pdf.rendering import EjAttesteratFel, rendera_pdf, skriv_pdf
from yttranden.pdf.sigill import försegla

# What the task may retry (with backoff): the timestamp authority did not answer. Everything
# else (a draft, a bad seal, a template error) fails the same way every time.
TILLFÄLLIGA_FEL = (TimestampRequestError,)


@dataclass(frozen=True)
class SigneradPdf:
    innehåll: bytes
    sha256: str


def _postort(brevhuvud):
    # "104 22 Stockholm" → "Stockholm": the signature's location is a place, not an address.
    return brevhuvud.postadress.split(maxsplit=2)[-1] if brevhuvud.postadress else ""


def skapa_signerad_pdf(dokument, *, identitet="", attesterad=None, sigill=None):
    """Render the attested ``Tjänsteutlåtandedokument`` and seal it.

    ``attesterad`` (the attest's datetime, if the caller has it) is more precise than the
    date in the document's attest table; ``identitet`` names the stored document (see
    ``rendera_pdf``). Raises ``EjAttesteratFel`` for a draft, ``SigillFel`` when the seal
    cannot be used and one of ``TILLFÄLLIGA_FEL`` when the timestamp authority fails.
    """
    if dokument.utkast or not dokument.attester:
        raise EjAttesteratFel("Tjänsteutlåtandet är inte attesterat och kan inte bli en PDF.")
    attest = dokument.attester[-1]
    pdf = rendera_pdf(dokument, skapad=timezone.now(), identitet=identitet)
    förseglad = försegla(
        pdf,
        förvaltning=dokument.brevhuvud.förvaltning,
        attesterad_av=", ".join(filter(None, (attest.namn, attest.befattning)))
        + (f" (inloggning: {attest.inloggning})" if attest.inloggning else ""),
        attesterad=attesterad or attest.datum,
        plats=_postort(dokument.brevhuvud),
        sigill=sigill,
    )
    return SigneradPdf(innehåll=förseglad, sha256=hashlib.sha256(förseglad).hexdigest())


def skapa_signerad_pdf_av_html(html, *, förvaltning, anledning, plats="", sigill=None):
    """Render finished HTML of one of our other document templates (a protokollsutdrag, KS's
    sammanställning) with the same stylesheet, fonts, fetcher and PDF/A settings, and seal it
    with ``anledning`` as the signature's reason. Raises what ``skapa_signerad_pdf`` raises,
    except the attest check, which is the caller's."""
    förseglad = försegla(
        skriv_pdf(html), förvaltning=förvaltning, anledning=anledning, plats=plats, sigill=sigill
    )
    return SigneradPdf(innehåll=förseglad, sha256=hashlib.sha256(förseglad).hexdigest())
