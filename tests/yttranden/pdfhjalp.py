"""Helpers for the PDF tests: a demo seal on disk, the sealed UN seed, poppler and qpdf.

Made once per test process (RSA keys and a render take a while) and removed at exit.
"""

import atexit
import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.yttranden.seedtext import utbildningsnämndens_utlåtande
from yttranden.pdf import democertifikat
from yttranden.pdf.framstallning import skapa_signerad_pdf
from yttranden.pdf.sigill import läs_sigill

IDENTITET = "utlåtande-7"


def _tillfällig_katalog():
    katalog = Path(tempfile.mkdtemp(prefix="remiss-pdf-"))
    atexit.register(shutil.rmtree, katalog, ignore_errors=True)
    return katalog


def skriv_democertifikat(katalog, organisation="Remiss demokommun", lösenord=""):
    """A demo CA and seal in ``katalog``: ca.pem, sigill.pem (chain), sigill-nyckel.pem."""
    skapat = democertifikat.skapa(organisation, lösenord=lösenord)
    (katalog / "ca.pem").write_bytes(skapat.ca_pem)
    (katalog / "sigill.pem").write_bytes(skapat.certifikat_pem)
    (katalog / "sigill-nyckel.pem").write_bytes(skapat.nyckel_pem)
    return katalog


@functools.cache
def demokatalog():
    return skriv_democertifikat(_tillfällig_katalog())


@functools.cache
def demosigill():
    katalog = demokatalog()
    return läs_sigill(katalog / "sigill.pem", katalog / "sigill-nyckel.pem")


@functools.cache
def främmande_sigill():
    """A seal by someone else, equally valid in itself."""
    katalog = skriv_democertifikat(_tillfällig_katalog(), organisation="Annan kommun")
    return läs_sigill(katalog / "sigill.pem", katalog / "sigill-nyckel.pem")


@functools.cache
def nss_katalog():
    """An NSS database trusting the demo CA, so pdfsig can validate the certificate too."""
    katalog = _tillfällig_katalog()
    kör("certutil", "-N", "-d", f"sql:{katalog}", "--empty-password")
    kör(
        "certutil",
        "-A",
        "-d",
        f"sql:{katalog}",
        "-n",
        "remiss-demo-ca",
        "-t",
        "CT,C,C",
        "-i",
        str(demokatalog() / "ca.pem"),
    )
    return katalog


@functools.cache
def un_signerad():
    """The utbildningsnämnden seed, rendered and sealed: a ``SigneradPdf``."""
    return skapa_signerad_pdf(
        utbildningsnämndens_utlåtande(), identitet=IDENTITET, sigill=demosigill()
    )


def som_fil(data, namn="handling.pdf"):
    sökväg = _tillfällig_katalog() / namn
    sökväg.write_bytes(data)
    return sökväg


def kör(*kommando, kontrollera=True):
    """Run a command-line tool as an outsider would; text output."""
    return subprocess.run(kommando, capture_output=True, text=True, check=kontrollera, timeout=60)
