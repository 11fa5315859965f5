"""What the renderer and the seal refuse, and what a timestamp authority adds."""

import asyncio
import dataclasses
import datetime
import http.server
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.sign.timestamps import DummyTimeStamper

from tests.yttranden.pdfhjalp import demosigill, kör, som_fil
from tests.yttranden.seedtext import utbildningsnämndens_utlåtande
from yttranden.dokument import Sektion
from yttranden.pdf.framstallning import TILLFÄLLIGA_FEL, skapa_signerad_pdf
from yttranden.pdf.rendering import BAS_URL, EjAttesteratFel, EndastStatiskaFiler, rendera_pdf
from yttranden.pdf.verifiering import verifiera


class _Server(http.server.ThreadingHTTPServer):
    """A server on this machine's loopback that notes every request it gets."""

    def __init__(self, hanterare):
        super().__init__(("127.0.0.1", 0), hanterare)
        self.anrop = []
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Noterande(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.anrop.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    server = _Server(_Noterande)
    yield server
    server.shutdown()
    server.server_close()


def test_a_draft_never_becomes_a_pdf():
    utkast = utbildningsnämndens_utlåtande(utkast=True)

    with pytest.raises(EjAttesteratFel, match="inte attesterat"):
        skapa_signerad_pdf(utkast, sigill=demosigill())
    with pytest.raises(EjAttesteratFel):
        rendera_pdf(utkast)


def test_an_utlåtande_without_attest_is_refused_even_if_not_marked_draft():
    utan_attest = dataclasses.replace(utbildningsnämndens_utlåtande(), attester=[])

    with pytest.raises(EjAttesteratFel):
        skapa_signerad_pdf(utan_attest, sigill=demosigill())


def test_remote_urls_in_the_content_are_never_fetched(server):
    dokument = utbildningsnämndens_utlåtande()
    elak = Sektion(
        "Bilder",
        f'<p><img src="{server.url}/bild.png" alt="x"></p>'
        f'<p style="background: url({server.url}/bakgrund.png)">Text</p>'
        f'<p><img src="file:///etc/hostname" alt="y"></p>'
        f"<style>@import url({server.url}/stil.css);</style>",
    )
    dokument = dataclasses.replace(dokument, sektioner=[*dokument.sektioner, elak])

    pdf = rendera_pdf(dokument)

    assert pdf.startswith(b"%PDF")
    assert server.anrop == []


def test_the_fetcher_serves_our_static_files_and_nothing_else():
    hämtare = EndastStatiskaFiler()

    svar = hämtare.fetch(f"{BAS_URL}static/css/dokument.css")
    assert b"@page" in svar.read()
    for url in (
        f"{BAS_URL}static/../remiss/settings.py",
        "https://example.org/static/css/dokument.css",
        "file:///etc/passwd",
        "data:text/plain,hej",
    ):
        with pytest.raises(Exception):  # noqa: B017 - any refusal will do; WeasyPrint skips it
            hämtare.fetch(url)


def _tsa_certifikat():
    nyckel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    namn = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Remiss test-TSA")])
    nu = datetime.datetime.now(datetime.UTC)
    certifikat = (
        x509.CertificateBuilder()
        .subject_name(namn)
        .issuer_name(namn)
        .public_key(nyckel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(days=1))
        .not_valid_after(nu + datetime.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(nyckel, hashes.SHA256())
    )
    return DummyTimeStamper(
        tsa_cert=translate_pyca_cryptography_cert_to_asn1(certifikat),
        tsa_key=translate_pyca_cryptography_key_to_asn1(nyckel),
    )


class _Tidsstämpelserver(http.server.BaseHTTPRequestHandler):
    """An RFC 3161 timestamp authority on loopback, signing with a throw-away certificate."""

    def do_POST(self):
        begäran = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.anrop.append(self.path)
        svar = self.server.tsa.request_tsa_response(begäran).dump()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(svar)))
        self.end_headers()
        self.wfile.write(svar)

    def log_message(self, *args):
        pass


@pytest.fixture
def tidsstämpelserver():
    server = _Server(_Tidsstämpelserver)
    server.tsa = _tsa_certifikat()
    yield server
    server.shutdown()
    server.server_close()


def test_a_timestamp_authority_makes_the_seal_pades_b_t(settings, tidsstämpelserver):
    settings.REMISS_TSA_URL = f"{tidsstämpelserver.url}/tsa"

    signerad = skapa_signerad_pdf(utbildningsnämndens_utlåtande(), sigill=demosigill())

    # One request: the signature's size is reserved up front, not found by a dry run.
    assert tidsstämpelserver.anrop == ["/tsa"]
    assert "Signature is Valid." in kör("pdfsig", str(som_fil(signerad.innehåll))).stdout
    verifiering = verifiera(signerad.innehåll, sigill=demosigill())
    assert verifiering.giltig
    assert verifiering.tidsstämpel is not None
    assert any(rad.startswith("Tidsstämpel: ") for rad in verifiering.rader())


def test_without_a_timestamp_authority_the_seal_has_no_timestamp(settings):
    settings.REMISS_TSA_URL = None

    signerad = skapa_signerad_pdf(utbildningsnämndens_utlåtande(), sigill=demosigill())

    assert verifiera(signerad.innehåll, sigill=demosigill()).tidsstämpel is None


def test_an_unreachable_timestamp_authority_is_a_transient_error_the_task_can_retry(
    settings, server
):
    settings.REMISS_TSA_URL = f"{server.url}/tsa"  # then closed: nobody answers there
    server.shutdown()
    server.server_close()

    with pytest.raises(TILLFÄLLIGA_FEL):
        skapa_signerad_pdf(utbildningsnämndens_utlåtande(), sigill=demosigill())


def test_sealing_and_verifying_work_under_a_running_event_loop():
    # pyHanko runs asyncio.run() inside; an async caller (or Playwright in the same test
    # process) already has a loop running.
    async def i_en_händelseloop():
        signerad = skapa_signerad_pdf(utbildningsnämndens_utlåtande(), sigill=demosigill())
        return verifiera(signerad.innehåll, sigill=demosigill())

    # A thread of its own, since this test process may already have a loop (Playwright).
    with ThreadPoolExecutor(max_workers=1) as tråd:
        assert tråd.submit(asyncio.run, i_en_händelseloop()).result().giltig
