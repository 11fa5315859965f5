"""An external organisation answers through its personal link, in a real browser: KS registers
the organisation with a contact, adds it to a remiss and sends; the link is read from the real
e-mail (aiosmtpd, sent by a real Celery worker) and opened with no account; the contact reads the
remiss, downloads its handling, saves a draft and submits; the receipt arrives with the answer
as a sealed PDF (pdfsig: valid); KS sees the answer in the matrix. Axe on every link page."""

import io
import re

import docx
import openpyxl
import pytest
from aiosmtpd.controller import Controller
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from remiss.models import Förslag, Kontaktperson, Organisation, Remissinstans
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import RemissFactory
from tests.remiss.paminnelse_smtp import Postlåda, ledig_port
from tests.remiss.test_forslagssammanstallning import FÖRSLAG, _svara
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


def test_an_organisation_and_a_nämnd_answer_per_förslag_and_ks_compiles_both(
    browser, page, live_server, celeryarbetare, postlåda, ks, un, ks_samordnare
):
    """Issue 15's flow with förslag: KS adds an organisation beside a nämnd to a remiss with
    three förslag; the contact answers each from the real e-mail's link (one missing is refused
    in Swedish); the nämnd's svar arrives (its chain: test_forslag_flode.py); KS sees both by
    förslag and in the XLSX and DOCX."""
    org = Organisation.objects.create(namn="Pensionärsrådet", organisationsnummer="2120000142")
    Kontaktperson.objects.create(organisation=org, namn="Bo Ahl", epost=ADRESS)
    remiss = RemissFactory(
        nämnd=ks, diarienummer="KS 2031/78", mottagare=[un], skapad_av=ks_samordnare
    )
    for nr, rubrik in enumerate(FÖRSLAG, start=1):
        Förslag.objects.create(remiss=remiss, nummer=nr, rubrik=rubrik)

    logga_in(page, "karin")
    page.goto(f"/remisser/{remiss.pk}/andra/")
    page.get_by_label("Pensionärsrådet").check()
    page.get_by_role("button", name="Spara ändringarna").click()
    page.get_by_role("button", name="Skicka remissen till 2 remissinstanser").click()
    expect(page.get_by_text("Remissen är skickad till 2 remissinstanser")).to_be_visible()

    brev = _brev(postlåda, "Remiss till Pensionärsrådet")
    länk = re.search(r"https?://\S+/svar/\S+/", brev.get_body(("plain",)).get_content())[0]
    extern = browser.new_context(base_url=live_server.url, locale="sv-SE")
    extern.set_default_timeout(10_000)
    sida = extern.new_page()
    sida.goto(länk)

    def grupp(nummer):
        return sida.get_by_role("group", name=f"Förslag {nummer}. {FÖRSLAG[nummer - 1]}")

    sida.get_by_role("textbox", name="Organisationens svar").click()
    sida.keyboard.type("Pensionärsrådet svarar per förslag.")
    grupp(1).get_by_label("Tillstyrker", exact=True).check()
    grupp(2).get_by_label("Avstyrker", exact=True).check()
    grupp(2).get_by_label("Kommentar till förslag 2").fill("Glöm inte de äldre.")
    sida.get_by_role("button", name="Skicka in svaret").click()
    expect(
        sida.get_by_text(f"Välj ett ställningstagande till förslag 3 ”{FÖRSLAG[2]}”.")
    ).to_be_visible()
    kontrollera_tillgänglighet(sida)
    expect(grupp(2).get_by_label("Avstyrker", exact=True)).to_be_checked()
    grupp(3).get_by_label("Avstår", exact=True).check()
    sida.get_by_role("button", name="Skicka in svaret").click()
    expect(sida.get_by_text("Svar 1 är inskickat till kommunstyrelsen.")).to_be_visible()
    _brev(postlåda, "Kvitto: svar 1 från Pensionärsrådet")
    extern.close()

    _svara(
        remiss.instanser.get(nämnd=un),
        ("tillstyrker", ""),
        ("tillstyrker_med_andringar", "Lägg till skolans roll."),
        ("avstyrker", ""),
    )
    page.goto(f"/remisser/{remiss.pk}/")
    page.get_by_role("link", name="Remissvaren per förslag").click()
    expect(
        page.get_by_text("2 av 2 remissinstanser har lämnat ställningstaganden.")
    ).to_be_visible()
    förslag2 = page.get_by_role("table", name="Ställningstaganden till förslag 2")
    expect(förslag2.get_by_role("row", name=re.compile("^Avstyrker"))).to_contain_text(
        "Pensionärsrådet"
    )
    expect(page.get_by_text("Pensionärsrådet (avstyrker): Glöm inte de äldre.")).to_be_visible()
    kontrollera_tillgänglighet(page)

    with page.expect_download() as nedladdning:
        page.get_by_role("link", name="Excel (XLSX)").click()
    bok = openpyxl.load_workbook(io.BytesIO(nedladdning.value.path().read_bytes()))
    matris = {rad[0]: rad for rad in bok["Matris"].values}
    assert matris["Pensionärsrådet"][2:] == ("Tillstyrker", "Avstyrker", "Avstår")
    assert matris["Utbildningsnämnden"][2:] == (
        "Tillstyrker",
        "Tillstyrker med ändringar",
        "Avstyrker",
    )
    with page.expect_download() as nedladdning:
        page.get_by_role("link", name="Word (DOCX) att klistra in i ett tjänsteutlåtande").click()
    text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(nedladdning.value.path().read_bytes())).paragraphs
    )
    assert "Pensionärsrådet (avstyrker): Glöm inte de äldre." in text
    assert "Utbildningsnämnden (tillstyrker med ändringar): Lägg till skolans roll." in text
