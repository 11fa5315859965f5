"""Is this file an unaltered document that Remiss issued?

A yes needs all of: one seal, cryptographically valid, over the whole file, made with our own
certificate (and chaining to the configured chain); and, where the stored documents can be
asked, a SHA-256 that we stored. The document information names the utlåtande and version.
"""

import hashlib
import io
import logging
from dataclasses import dataclass, field

from asn1crypto import parser
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from yttranden.pdf.sigill import FÄLTNAMN, ladda_sigill, utan_händelseloop

logger = logging.getLogger(__name__)

# The keys rendering.py writes into the document information (WeasyPrint lowercases them).
INFO_NYCKLAR = {
    "diarienummer": "/remissdiarienummer",
    "version": "/remissversion",
    "identitet": "/remissidentitet",
}


@dataclass
class Verifiering:
    sha256: str
    giltig: bool = False
    skäl: list[str] = field(default_factory=list)  # why not, in Swedish, one line each
    undertecknare: str = ""
    signerad: object = None  # datetime of the seal, from the signature
    tidsstämpel: object = None  # datetime from the timestamp authority (PAdES B-T), if any
    anledning: str = ""  # the signature's reason: who attested, when
    diarienummer: str = ""
    version: str = ""
    identitet: str = ""
    hash_känd: bool | None = None  # None: no stored documents were asked
    lagrad: object = None  # whatever the lookup returned for a known hash

    def rader(self):
        """A human-readable report, one line per fact."""
        rader = [
            "GILTIG: handlingen är utfärdad av Remiss och oförändrad."
            if self.giltig
            else "INTE GILTIG: handlingen kan inte styrkas som en oförändrad handling från Remiss."
        ]
        rader += [f"  - {skäl}" for skäl in self.skäl]
        rader.append(f"SHA-256: {self.sha256}")
        if self.hash_känd is None:
            rader.append("Lagrad handling: kunde inte kontrolleras (ingen uppslagning).")
        else:
            rader.append(f"Lagrad handling: {'känd' if self.hash_känd else 'okänd'}.")
        for etikett, värde in (
            ("Förseglad av", self.undertecknare),
            ("Förseglad", self.signerad and f"{self.signerad:%Y-%m-%d %H:%M:%S %Z}"),
            ("Tidsstämpel", self.tidsstämpel and f"{self.tidsstämpel:%Y-%m-%d %H:%M:%S %Z}"),
            ("Anledning", self.anledning),
            ("Diarienummer", self.diarienummer),
            ("Version", self.version),
            ("Identitet", self.identitet),
        ):
            if värde:
                rader.append(f"{etikett}: {värde}")
        return rader


def _kontext(sigill):
    # Only our own chain is trusted: a seal by anyone else is not ours, however valid.
    return ValidationContext(trust_roots=list(sigill.kedja), allow_fetching=False)


def _läs_info(läsare, resultat):
    info = läsare.trailer_view.get("/Info")
    info = info.get_object() if info is not None else {}
    for attribut, nyckel in INFO_NYCKLAR.items():
        if nyckel in info:
            setattr(resultat, attribut, str(info[nyckel]))


def _granska_signatur(signatur, sigill, resultat):
    status = utan_händelseloop(
        validate_pdf_signature,
        signatur,
        signer_validation_context=_kontext(sigill),
        # The timestamp authority has a chain of its own: its token must be intact and valid
        # (see below); who vouches for the authority is the deployment's business.
        ts_validation_context=_kontext(sigill),
    )
    namn = status.signing_cert.subject.native
    resultat.undertecknare = namn.get("common_name") or status.signing_cert.subject.human_friendly
    resultat.signerad = status.signer_reported_dt
    resultat.anledning = str(signatur.sig_object.get("/Reason", ""))
    if not (status.intact and status.valid):
        resultat.skäl.append("Signaturen stämmer inte: filen har ändrats efter förseglingen.")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        resultat.skäl.append("Något har lagts till i filen efter förseglingen.")
    if status.signing_cert.dump() != sigill.certifikat.dump():
        resultat.skäl.append("Förseglad med ett annat certifikat än Remiss sigill.")
    elif status.intact and status.valid and not status.trusted:
        resultat.skäl.append(
            "Sigillcertifikatet kunde inte valideras mot den konfigurerade kedjan."
        )
    ts = status.timestamp_validity
    if ts is not None:
        resultat.tidsstämpel = ts.timestamp
        if not (ts.intact and ts.valid):
            resultat.skäl.append("Tidsstämpeln stämmer inte.")


def _granska_utfyllnad(signatur, resultat):
    """The signature value sits in a zero-padded hex string: a changed padding byte leaves the
    signature valid but the file altered, so the padding must be untouched too."""
    innehåll = signatur.pkcs7_content
    _, _, _, huvud, kropp, _ = parser.parse(innehåll)
    if innehåll[len(huvud) + len(kropp) :].strip(b"\x00"):
        resultat.skäl.append("Signaturfältets utfyllnad har ändrats.")


def verifiera(data, *, uppslagning=None, sigill=None):
    """Check ``data`` (the file's bytes); ``uppslagning(sha256)`` returns the stored document
    with that hash or ``None``. Never raises for a bad file: the result says what is wrong."""
    resultat = Verifiering(sha256=hashlib.sha256(data).hexdigest())
    sigill = sigill or ladda_sigill()
    try:
        läsare = PdfFileReader(io.BytesIO(data), strict=False)
        signaturer = läsare.embedded_regular_signatures
        _läs_info(läsare, resultat)
        if len(signaturer) != 1 or signaturer[0].field_name != FÄLTNAMN:
            resultat.skäl.append("Filen har inte exakt ett sigill från Remiss.")
        else:
            _granska_signatur(signaturer[0], sigill, resultat)
            _granska_utfyllnad(signaturer[0], resultat)
    except (PdfReadError, ValueError, KeyError, TypeError) as fel:
        logger.info("Verifiering: filen kunde inte läsas: %s", fel)
        resultat.skäl.append("Filen kan inte läsas som en signerad PDF.")
    if uppslagning is not None:
        resultat.lagrad = uppslagning(resultat.sha256)
        resultat.hash_känd = resultat.lagrad is not None
        if not resultat.hash_känd:
            resultat.skäl.append("Ingen lagrad handling har denna SHA-256.")
    resultat.giltig = not resultat.skäl
    return resultat
