"""Sealed PDFs in a real browser with a real Celery worker: the direktör attests, sees "PDF
skapas…" and then the download link, downloads the PDF and checks it on Verifiera handling; KS
asks for the sammanställning as a PDF and downloads the answer package. Axe on every page."""

import io
import threading
import zipfile

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.yttranden.pdfdokumenthjalp import använd_demosigill, besluta, vänta_tills
from tests.yttranden.pdfhjalp import kör
from yttranden import pdfinnehall
from yttranden.models import Pdfdokument
from yttranden.pdf import sigill as sigillmodul


@pytest.fixture
def sigill(settings, tmp_path):
    använd_demosigill(settings)
    settings.MEDIA_ROOT = tmp_path / "handlingar"
    yield
    sigillmodul.ladda_sigill.cache_clear()


@pytest.fixture
def hållen_rendering(monkeypatch):
    """The worker (a thread of this process) renders only when the test lets it, so the page is
    sure to show the document being made before it shows the link."""
    rendera = pdfinnehall.rendera
    släpp = threading.Event()

    def när_testet_släpper(dokument):
        assert släpp.wait(60), "Testet släppte aldrig renderingen."
        return rendera(dokument)

    monkeypatch.setattr(pdfinnehall, "rendera", när_testet_släpper)
    yield släpp
    släpp.set()


def test_the_direktör_attests_and_downloads_the_sealed_pdf_then_verifies_it(
    page, celeryarbetare, sigill, hållen_rendering, godkänt, tmp_path
):
    logga_in(page, "lena")
    page.goto(f"/utlatanden/{godkänt.pk}/")
    page.get_by_role("button", name="Attestera").click()

    status = page.get_by_role("status").filter(has_text="PDF")
    expect(status).to_contain_text("PDF skapas…")
    kontrollera_tillgänglighet(page)
    hållen_rendering.set()
    länk = page.get_by_role("link", name="Ladda ned Tjänsteutlåtande UN 2031/1234, version 1")
    expect(länk).to_be_visible(timeout=20_000)
    kontrollera_tillgänglighet(page)

    with page.expect_download() as nedladdning:
        länk.click()
    fil = tmp_path / nedladdning.value.suggested_filename
    nedladdning.value.save_as(fil)
    assert fil.name == "Tjänsteutlåtande UN 2031-1234 version 1.pdf"
    assert "Signature is Valid." in kör("pdfsig", str(fil)).stdout

    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Verifiera handling"
    ).click()
    kontrollera_tillgänglighet(page)
    page.get_by_label("PDF-fil").set_input_files(str(fil))
    page.get_by_role("button", name="Kontrollera handlingen").click()
    expect(
        page.get_by_text("Giltig. Handlingen är utfärdad av Remiss och oförändrad")
    ).to_be_visible()
    expect(page.get_by_text("Tjänsteutlåtande UN 2031/1234, version 1").first).to_be_visible()
    kontrollera_tillgänglighet(page)

    ändrad = tmp_path / "ändrad.pdf"
    data = bytearray(fil.read_bytes())
    data[len(data) // 3] ^= 1
    ändrad.write_bytes(bytes(data))
    page.get_by_label("PDF-fil").set_input_files(str(ändrad))
    page.get_by_role("button", name="Kontrollera handlingen").click()
    expect(page.get_by_text("Inte giltig.")).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_ks_asks_for_the_sammanställning_and_downloads_the_answer_package(
    page, celeryarbetare, sigill, godkänt, direktör, nämndsekreterare
):
    godkänt.attestera(av=direktör)
    besluta(godkänt, nämndsekreterare)

    logga_in(page, "karin")
    page.goto(f"/beslut/sammanstallningar/{godkänt.instans.remiss_id}/")
    page.get_by_role("button", name="Skapa sammanställningen som PDF").click()
    expect(page.get_by_text("Sammanställningen skapas som PDF.")).to_be_visible()
    länk = page.get_by_role("link", name="Ladda ned Sammanställning av remissvar KS 2023/740")
    expect(länk).to_be_visible(timeout=20_000)
    kontrollera_tillgänglighet(page)

    vänta_tills(lambda: all(d.status == "klar" for d in Pdfdokument.objects.all()))
    with page.expect_download() as nedladdning:
        page.get_by_role("link", name="Svarspaket (ZIP) från Utbildningsnämnden").click()
    paket = zipfile.ZipFile(io.BytesIO(nedladdning.value.path().read_bytes()))
    assert [namn.split(" ")[0] for namn in paket.namelist()] == [
        "Tjänsteutlåtande",
        "Protokollsutdrag",
    ]
