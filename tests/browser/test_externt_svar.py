"""An external organisation answers through its personal link, in a real browser: KS registers
the organisation with a contact, adds it to a remiss and sends; the link is read from the real
e-mail (aiosmtpd, sent by a real Celery worker) and opened with no account; the contact reads the
remiss, downloads its handling, saves a draft and submits; the receipt arrives with the answer
as a sealed PDF (pdfsig: valid); KS sees the answer in the matrix. Axe on every link page."""

import re

import pytest
from aiosmtpd.controller import Controller
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from remiss.models import Remissinstans
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import RemissFactory
from tests.remiss.paminnelse_smtp import Postlåda, ledig_port
from tests.remiss.test_handlingar import PDF
from tests.vanta import vänta_tills
from tests.yttranden.pdfdokumenthjalp import använd_demosigill
from tests.yttranden.pdfhjalp import kör
from yttranden.pdf import sigill as sigillmodul

ADRESS = "bo.ahl@pro.example"


@pytest.fixture
def postlåda(settings, live_server, tmp_path):
    använd_demosigill(settings)
    settings.MEDIA_ROOT = tmp_path / "handlingar"
    settings.SITE_URL = live_server.url
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", ledig_port(), 5
    låda = Postlåda(settings.EMAIL_PORT)
    server = Controller(låda, hostname="127.0.0.1", port=låda.port)
    server.start()
    yield låda
    server.stop()
    sigillmodul.ladda_sigill.cache_clear()


def _brev(postlåda, ämne):
    return vänta_tills(
        lambda: next(
            (m for m in postlåda.alla if m["To"] == ADRESS and ämne in m["Subject"]), None
        ),
        sekunder=60,
    )


def test_an_organisation_answers_through_the_link_in_its_email_and_ks_sees_it(
    browser, page, live_server, celeryarbetare, postlåda, ks, un, ks_samordnare, tmp_path
):
    remiss = RemissFactory(
        nämnd=ks, diarienummer="KS 2031/77", mottagare=[un], skapad_av=ks_samordnare
    )
    remiss.bifoga(SimpleUploadedFile("programmet.pdf", PDF), "application/pdf", av=ks_samordnare)

    logga_in(page, "karin")
    page.goto("/organisationer/ny/")
    kontrollera_tillgänglighet(page)
    page.locator("#id_namn").fill("Pensionärsrådet")
    page.locator("#id_organisationsnummer").fill("2120000142")
    page.locator("#id_kontakt-0-namn").fill("Bo Ahl")
    page.locator("#id_kontakt-0-epost").fill(ADRESS)
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Pensionärsrådet är sparad.")).to_be_visible()

    page.goto(f"/remisser/{remiss.pk}/andra/")
    page.get_by_label("Pensionärsrådet").check()
    page.get_by_role("button", name="Spara ändringarna").click()
    page.get_by_role("button", name="Skicka remissen till 2 remissinstanser").click()
    expect(page.get_by_text("Remissen är skickad till 2 remissinstanser")).to_be_visible()

    brev = _brev(postlåda, "Remiss till Pensionärsrådet")
    text = brev.get_body(preferencelist=("plain",)).get_content()
    länk = re.search(r"https?://\S+/svar/\S+/", text)[0]
    assert länk.startswith(live_server.url)

    extern = browser.new_context(base_url=live_server.url, locale="sv-SE")
    extern.set_default_timeout(10_000)
    sida = extern.new_page()
    sida.goto(länk)
    expect(sida.get_by_role("heading", level=1)).to_have_text(remiss.titel)
    assert sida.url.endswith("/svar/")  # the secret left the address bar at once
    kontrollera_tillgänglighet(sida)
    with sida.expect_download() as nedladdning:
        sida.get_by_role("link", name="programmet.pdf").click()
    assert nedladdning.value.suggested_filename == "programmet.pdf"

    ruta = sida.get_by_role("textbox", name="Organisationens svar")
    ruta.click()
    sida.keyboard.type("Pensionärsrådet tillstyrker programmet.")
    sida.get_by_role("button", name="Spara utkast").click()
    expect(sida.get_by_text("Utkastet är sparat (version 1).")).to_be_visible()
    kontrollera_tillgänglighet(sida)
    sida.get_by_role("textbox", name="Organisationens svar").click()
    sida.keyboard.press("Control+End")
    sida.keyboard.type(" Särskilt fokusområde 2.")
    sida.get_by_role("button", name="Skicka in svaret").click()
    expect(sida.get_by_text("Svar 1 är inskickat till kommunstyrelsen.")).to_be_visible()
    expect(sida.get_by_text("Särskilt fokusområde 2.")).to_be_visible()
    kontrollera_tillgänglighet(sida)

    kvitto = _brev(postlåda, "Kvitto: svar 1 från Pensionärsrådet")
    bilaga = next(kvitto.iter_attachments())
    assert bilaga.get_content_type() == "application/pdf"
    pdf = tmp_path / "kvitto.pdf"
    pdf.write_bytes(bilaga.get_content())
    assert "Signature is Valid." in kör("pdfsig", str(pdf)).stdout
    sida.reload()
    expect(sida.get_by_role("link", name="Ladda ned svar 1 som PDF")).to_be_visible()
    kontrollera_tillgänglighet(sida)
    extern.close()

    page.goto(f"/remisser/{remiss.pk}/")
    rad = page.locator("table.matris").get_by_role("row").filter(has_text="Pensionärsrådet")
    expect(rad).to_contain_text("Besvarad")
    rad.get_by_role("link", name="Pensionärsrådet").click()
    expect(page.get_by_text("Pensionärsrådet tillstyrker programmet.")).to_be_visible()
    expect(page.get_by_text("via personlig länk").first).to_be_visible()
    kontrollera_tillgänglighet(page)
    assert Remissinstans.objects.get(organisation__namn="Pensionärsrådet").status == "besvarad"
