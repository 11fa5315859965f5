"""Documents as a person handles them in the browser: a Word draft read into the right
sections, the utlåtande downloaded as Word with its headings in order, text pasted from Word
kept to headings, lists, bold and italics, a beslut for a meeting still to come refused, and
the nämndsekreterare's way from the start page through the case to the answer package."""

import datetime
import io
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.browser.test_utlatande import instans, klistra_in, textruta  # noqa: F401 (fixture)
from tests.factories import SammanträdeFactory
from tests.yttranden.wordhjalp import rubriker_i, seedens_docx
from yttranden.models import Tjänsteutlåtande

WORD_KLIPP = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>'
    '<h1 style="mso-outline-level:1">Lokala arbetsgrupper</h1>'
    '<p class="MsoNormal"><span style="font-family:Arial;color:red">Förvaltningen ser '
    "<b>mycket positivt</b> på <i>samverkan</i>.</span></p>"
    '<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1">'
    '<span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Unga i riskzon</p>'
    '<p class="MsoListParagraphCxSpLast" style="mso-list:l0 level1 lfo1">'
    '<span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Otrygga platser</p>'
    '<p class="MsoNormal" style="font-size:20pt"><span style="font-weight:bold">Fet</span> slut'
    "</p></body></html>"
)


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def utkast(instans, handläggare):  # noqa: F811
    return Tjänsteutlåtande.påbörja(instans, av=handläggare)


def test_a_word_draft_goes_into_the_sections_by_heading(page, utkast, tmp_path):
    fil = tmp_path / "Utkast tjänsteutlåtande.docx"
    fil.write_bytes(seedens_docx())
    logga_in(page, "joakim")
    page.goto(f"/utlatanden/{utkast.pk}/redigera/")
    kontrollera_tillgänglighet(page)

    page.get_by_label("Word-dokument (DOCX)").set_input_files(str(fil))
    page.get_by_role("button", name="Läs in Word-dokumentet").click()

    expect(page.get_by_text("Word-dokumentet är inläst i", exact=False)).to_be_visible()
    expect(page.get_by_text("Rubriken ”Bakgrund/Ärendet” finns inte i utlåtandet.", exact=False))
    expect(textruta(page, "Förvaltningens förslag till beslut").locator("li")).to_have_count(2)
    expect(textruta(page, "Sammanfattning")).to_contain_text("Kommunstyrelsen har remitterat")
    expect(textruta(page, "Sammanfattning").locator("em").first).to_have_text(
        "Unga i riskzon för destruktivt beteende"
    )
    expect(textruta(page, "Ärendets beredning")).to_contain_text("Ärendet har beretts inom")
    expect(textruta(page, "Förslag till beslut")).to_contain_text("Med hänsyn till remisstiden")
    expect(page.locator("#bilagor-sektion li")).to_have_count(2)
    kontrollera_tillgänglighet(page)


def test_a_file_that_is_not_word_is_refused_in_swedish(page, utkast, tmp_path):
    fil = tmp_path / "utkast.docx"
    fil.write_bytes(b"%PDF-1.4\n%%EOF\n")
    logga_in(page, "joakim")
    page.goto(f"/utlatanden/{utkast.pk}/redigera/")
    page.get_by_label("Word-dokument (DOCX)").set_input_files(str(fil))
    page.get_by_role("button", name="Läs in Word-dokumentet").click()
    expect(page.locator("#id_word-fil_fel")).to_contain_text("innehållet är något annat")
    kontrollera_tillgänglighet(page)


def test_the_utlåtande_downloads_as_word_with_its_headings_in_order(page, utkast):
    logga_in(page, "joakim")
    page.goto(f"/utlatanden/{utkast.pk}/")
    with page.expect_download() as hämtning:
        page.get_by_role("link", name="Som Word-dokument (DOCX)").click()
    assert hämtning.value.suggested_filename == "Tjänsteutlåtande UN 2023-1234 version 1.docx"
    innehåll = Path(hämtning.value.path()).read_bytes()

    rubriker = rubriker_i(innehåll)
    assert rubriker[0] == (1, utkast.instans.remiss.titel)
    assert [r for nivå, r in rubriker if nivå == 2] == [s.rubrik for s in utkast.sektioner.all()]
    text = "\n".join(s.text for s in Document(io.BytesIO(innehåll)).paragraphs)
    assert "UTKAST – ej attesterat, version 1" in text


def test_pasting_from_word_keeps_headings_lists_bold_and_italics(page, utkast):
    logga_in(page, "joakim")
    page.goto(f"/utlatanden/{utkast.pk}/redigera/")
    klistra_in(page, "Ärendet", WORD_KLIPP)
    ruta = textruta(page, "Ärendet")

    expect(ruta.locator("h3")).to_have_text("Lokala arbetsgrupper")
    expect(ruta.locator("strong").first).to_have_text("mycket positivt")
    expect(ruta.locator("em")).to_have_text("samverkan")
    expect(ruta.locator("ul > li")).to_have_count(2)
    expect(ruta.locator("ul > li").first).to_have_text("Unga i riskzon")
    expect(ruta.locator("strong").last).to_have_text("Fet")
    assert "·" not in ruta.inner_text()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Sparat", exact=False).first).to_be_visible()
    html = utkast.sektioner.get(rubrik="Ärendet").html
    assert "<h3>Lokala arbetsgrupper</h3>" in html
    assert "<ul><li><p>Unga i riskzon</p></li><li><p>Otrygga platser</p></li></ul>" in html
    assert "style" not in html and "class" not in html and "span" not in html


def test_a_beslut_for_a_meeting_still_to_come_is_refused(
    page,
    attesterat,  # noqa: F811
    un,
    nämndsekreterare,
):
    möte = SammanträdeFactory(nämnd=un, datum=timezone.localdate() + datetime.timedelta(days=7))
    logga_in(page, "erik")
    page.goto(f"/beslut/sammantraden/{möte.pk}/")
    page.get_by_role("combobox", name="Attesterat tjänsteutlåtande").select_option(index=1)
    page.get_by_label("Ärendenummer").fill("4")
    page.get_by_role("button", name="Lägg på föredragningslistan").click()

    expect(page.get_by_role("heading", name="Ärende 4:", exact=False)).to_be_visible()
    expect(
        page.get_by_text(
            f"Sammanträdet den {möte.datum:%Y-%m-%d} har inte ägt rum än. Beslutet registreras "
            "efter sammanträdet, när nämnden har beslutat."
        )
    ).to_be_visible()
    expect(page.get_by_role("button", name="Registrera beslutet")).to_have_count(0)
    kontrollera_tillgänglighet(page)
    # Posted anyway (a stale page, a second tab): refused with the same reason.
    svar = page.request.post(
        page.url.rstrip("/") + "/beslut/",
        form={"text": "1. Godkänns.", "justeras_omedelbart": "on"},
        headers={"X-CSRFToken": page.context.cookies()[0]["value"]},
    )
    assert svar.status == 400 and "har inte ägt rum än" in svar.text()
    assert not hasattr(Tjänsteutlåtande.objects.get(pk=attesterat.pk).ärende, "beslut")


def test_the_secretary_walks_from_the_start_page_to_the_answer_package(
    page,
    attesterat,  # noqa: F811
    un,
    nämndsekreterare,
):
    möte = SammanträdeFactory(nämnd=un, datum=timezone.localdate(), plats="Hantverkargatan 2F")
    remiss = attesterat.instans.remiss
    logga_in(page, "erik")

    page.get_by_role("link", name=f"{remiss.diarienummer} {remiss.titel}").click()
    expect(page.get_by_role("heading", name="Nästa steg för nämndsekreteraren")).to_be_visible()
    expect(page.get_by_text("Lägg utlåtandet på föredragningslistan.")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name=f"Sammanträdet {möte.datum:%Y-%m-%d}").click()

    expect(page.get_by_role("combobox", name="Attesterat tjänsteutlåtande")).to_have_value(
        str(attesterat.pk)
    )
    page.get_by_role("button", name="Lägg på föredragningslistan").click()
    page.get_by_role("link", name=f"{remiss.diarienummer}, {attesterat.instans.nämnd.namn}").click()
    expect(page.get_by_text("Registrera nämndens beslut i ärende 1.")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name="Registrera beslutet").click()

    expect(page.get_by_label("Paragraf (§) i protokollet")).to_have_value("1")
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.get_by_text("Beslutet är registrerat.")).to_be_visible()
    ärendet = f"{remiss.diarienummer}, {attesterat.instans.nämnd.namn}"
    page.get_by_role("link", name=ärendet).click()
    expect(page.get_by_text("Skicka nämndens svar till kommunstyrelsen.")).to_be_visible()
    page.get_by_role("link", name="Skicka svaret").click()
    page.get_by_role("button", name="Skicka svaret till kommunstyrelsen").click()
    expect(page.get_by_text("Svar 1 är skickat till kommunstyrelsen.")).to_be_visible()

    page.get_by_role("link", name=ärendet).click()
    expect(page.get_by_text("Svaret är skickat till kommunstyrelsen.")).to_be_visible()
    expect(page.get_by_role("link", name="Protokollsutdrag")).to_be_visible()
    expect(page.get_by_role("link", name="Svarspaket till kommunstyrelsen (ZIP)")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name="Beslutet, ärende 1", exact=False).click()
    expect(page.get_by_role("heading", name="Ärende 1:", exact=False)).to_be_visible()
