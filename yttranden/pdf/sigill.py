"""Seals a rendered PDF with the organisation's certificate (an e-stämpel) as a PAdES signature.

The förvaltning stands behind the document; the director who attested it and when are in the
signature's reason. With ``REMISS_TSA_URL`` set, an RFC 3161 timestamp makes it PAdES B-T.
"""

import asyncio
import datetime
import functools
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from asn1crypto import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import ECDSA
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from django.conf import settings
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata.model import VENDOR
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko_certvalidator.registry import SimpleCertificateStore

FÄLTNAMN = "Remiss-sigill"


def utan_händelseloop(funktion, *args, **kwargs):
    """Call one of pyHanko's synchronous functions, which run ``asyncio.run()`` inside.

    That refuses to start under a running event loop (an async view; Playwright's sync API in
    the tests), so there the call gets a thread, and a loop, of its own.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return funktion(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as tråd:
        return tråd.submit(funktion, *args, **kwargs).result()


class SigillFel(Exception):
    """The seal's certificate or key cannot be used; the message says what to fix."""


class _Signerare(signers.SimpleSigner):
    """pyHanko's SimpleSigner, keeping the parsed key.

    SimpleSigner parses its key again for every signature it makes (twice per document), and
    parsing an RSA key includes cryptography's key check, about 0.1 s: that alone would make
    sealing cost as much as rendering.
    """

    def __init__(self, *, nyckel, **kwargs):
        self._nyckel = nyckel
        super().__init__(**kwargs)

    def sign_raw(self, data, digest_algorithm):
        mekanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        hash_algoritm = get_pyca_cryptography_hash(digest_algorithm)
        if mekanism == "rsassa_pkcs1v15":
            return self._nyckel.sign(data, PKCS1v15(), hash_algoritm)
        if mekanism == "ecdsa":
            return self._nyckel.sign(data, ECDSA(hash_algoritm))
        return super().sign_raw(data, digest_algorithm)


@dataclass(frozen=True)
class Sigill:
    """The loaded certificate chain and key: read once per process (see ``ladda_sigill``)."""

    certifikat: x509.Certificate
    kedja: tuple[x509.Certificate, ...]
    signerare: signers.SimpleSigner

    def platsbehov(self, *, tidsstämpel):
        """Bytes to reserve for the signature container.

        Given up front, pyHanko skips its dry-run signature (and, with a timestamp authority,
        a second request to it). Certificates dominate the size; a timestamp token carries
        the authority's own chain.
        """
        certifikat = sum(len(c.dump()) for c in self.kedja)
        behov = certifikat + 4096 + (16384 if tidsstämpel else 0)
        return behov + behov % 2  # pyHanko wants an even number (hex digits come in pairs)


def _läs(sökväg, vad, variabel):
    try:
        return sökväg.read_bytes()
    except FileNotFoundError:
        raise SigillFel(
            f"{vad} {sökväg} finns inte. Ange sökvägen med {variabel}, eller skapa ett "
            "democertifikat med `python manage.py create_demo_certificate`."
        ) from None
    except OSError as fel:
        raise SigillFel(f"{vad} {sökväg} kan inte läsas ({variabel}): {fel.strerror}.") from None


def _certifikat(data, sökväg):
    try:
        certifikat = list(load_certs_from_pemder_data(data))
    except ValueError:
        certifikat = []
    if not certifikat:
        raise SigillFel(
            f"Sigillcertifikatet {sökväg} innehåller inget läsbart certifikat (REMISS_SIGILL_CERT)."
        )
    return certifikat


def _nyckel(data, sökväg, lösenord):
    try:
        return serialization.load_pem_private_key(data, password=lösenord.encode() or None)
    except TypeError:
        # cryptography says TypeError both for "password needed" and "password given but unused"
        if lösenord:
            raise SigillFel(
                f"Sigillnyckeln {sökväg} är inte krypterad, men REMISS_SIGILL_LOSENORD är satt."
            ) from None
        raise SigillFel(
            f"Sigillnyckeln {sökväg} är krypterad: ange lösenordet i REMISS_SIGILL_LOSENORD."
        ) from None
    except ValueError:
        raise SigillFel(
            f"Sigillnyckeln {sökväg} kan inte öppnas: fel lösenord (REMISS_SIGILL_LOSENORD) "
            "eller ingen PEM-nyckel."
        ) from None


def läs_sigill(cert_sökväg, nyckel_sökväg, lösenord=""):
    """Load and cross-check certificate and key; raise ``SigillFel`` saying what is wrong."""
    kedja = _certifikat(_läs(cert_sökväg, "Sigillcertifikatet", "REMISS_SIGILL_CERT"), cert_sökväg)
    nyckel = _nyckel(
        _läs(nyckel_sökväg, "Sigillnyckeln", "REMISS_SIGILL_NYCKEL"), nyckel_sökväg, lösenord
    )
    certifikat = kedja[0]
    if (
        nyckel.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        != certifikat.public_key.dump()
    ):
        raise SigillFel(
            f"Sigillnyckeln {nyckel_sökväg} hör inte till certifikatet {cert_sökväg}: "
            "certifikatet måste stå först i filen."
        )
    nu = datetime.datetime.now(datetime.UTC)
    if not certifikat.not_valid_before <= nu <= certifikat.not_valid_after:
        raise SigillFel(
            f"Sigillcertifikatet {cert_sökväg} gäller {certifikat.not_valid_before:%Y-%m-%d}–"
            f"{certifikat.not_valid_after:%Y-%m-%d}, inte i dag."
        )
    signerare = _Signerare(
        nyckel=nyckel,
        signing_cert=certifikat,
        signing_key=translate_pyca_cryptography_key_to_asn1(nyckel),
        cert_registry=SimpleCertificateStore.from_certs(kedja[1:]),
    )
    return Sigill(certifikat=certifikat, kedja=tuple(kedja), signerare=signerare)


@functools.cache
def ladda_sigill():
    """The configured seal, loaded once per process (a worker seals many documents)."""
    return läs_sigill(
        settings.REMISS_SIGILL_CERT, settings.REMISS_SIGILL_NYCKEL, settings.REMISS_SIGILL_LOSENORD
    )


def _tidsstämplare():
    if settings.REMISS_TSA_URL:
        return timestamps.HTTPTimeStamper(settings.REMISS_TSA_URL)
    return None


def _samma_producent(skrivare):
    """Keep PDF/A's rule that the Info dictionary and the XMP metadata agree.

    pyHanko sets XMP ``pdf:Producer`` to itself but appends itself to Info ``/Producer``
    ("WeasyPrint …; pyHanko …"), so the two would differ. WeasyPrint is still named in
    ``/Creator`` (see the PDF template).
    """
    if "/Info" in skrivare.prev.trailer_view:
        skrivare.prev.trailer_view["/Info"]["/Producer"] = generic.TextStringObject(VENDOR)


def försegla(
    pdf, *, förvaltning, attesterad_av="", attesterad=None, plats="", sigill=None, anledning=""
):
    """The PDF with a PAdES signature by the organisation seal, as bytes.

    ``attesterad_av`` names the director ("Lena Holmdahl, Utbildningsdirektör") and
    ``attesterad`` is the attest's date or time; both go into the signature's reason. A
    document that is not attested (a protokollsutdrag, a sammanställning) gives its own
    ``anledning`` instead.
    """
    sigill = sigill or ladda_sigill()
    if not anledning:
        när = (
            attesterad.strftime("%Y-%m-%d %H:%M")
            if isinstance(attesterad, datetime.datetime)
            else attesterad.isoformat()
        )
        anledning = f"Attesterat {när} av {attesterad_av}"
    metadata = signers.PdfSignatureMetadata(
        field_name=FÄLTNAMN,
        name=förvaltning,
        reason=anledning,
        location=plats or None,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    skrivare = IncrementalPdfFileWriter(io.BytesIO(pdf))
    _samma_producent(skrivare)
    tidsstämplare = _tidsstämplare()
    ut = utan_händelseloop(
        signers.sign_pdf,
        skrivare,
        metadata,
        signer=sigill.signerare,
        timestamper=tidsstämplare,
        bytes_reserved=sigill.platsbehov(tidsstämpel=tidsstämplare is not None),
    )
    return ut.getvalue()
