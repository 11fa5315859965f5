"""The whole chain in a real browser: the handläggare writes in the editor (typing and pasting
formatted text), autosave shows "Sparat", she sends it for review; the avdelningschef comments
and returns it; she fixes it and resends; the avdelningschef approves; the direktör attests;
the preview shows the "Attesterat av" table; editing is then refused."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import RemissFactory
from yttranden.models import Tjänsteutlåtande

WORD_HTML = (
    '<p class="MsoNormal" style="margin:0cm;font-family:Calibri">Förvaltningen ser '
    "<b>mycket positivt</b> på <i>samverkansöverenskommelsen</i>"
    '<span style="color:red;mso-bidi-font-family:Arial"> i sin helhet</span>.</p>'
    '<ul><li class="MsoListParagraph">Unga i riskzon</li><li>Otrygga platser</li></ul>'
    '<img src="data:image/png;base64,AAAA"><script>window.hackad = true</script>'
)


@pytest.fixture
def instans(ks, un, ks_samordnare, registrator, handläggare, avdelningschef, direktör):
    remiss = RemissFactory(
        nämnd=ks, diarienummer="KS 2023/740", skapad_av=ks_samordnare, mottagare=[un]
    )
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get()
    instans.registrera("UN 2023/1234", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    return instans


def byt_person(page, användarnamn):
    page.get_by_role("button", name="Logga ut").click()
    logga_in(page, användarnamn)


def textruta(page, rubrik):
    return page.get_by_role("textbox", name=f"Text: {rubrik}", exact=True)


def skriv(page, rubrik, text):
    ruta = textruta(page, rubrik)
    ruta.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def klistra_in(page, rubrik, html):
    textruta(page, rubrik).click()
    textruta(page, rubrik).evaluate(
        """(yta, html) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "inklistrat");
            yta.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                            cancelable: true}));
        }""",
        html,
    )


def vänta_på_sparat(page):
    expect(page.locator("#sparstatus")).to_have_text(re.compile(r"^Sparat \d\d:\d\d$"))


def test_an_utlåtande_is_written_reviewed_returned_approved_and_attested(page, instans):
    idag = datetime.date.today().strftime("%Y-%m-%d")

    # The handläggare starts the utlåtande and writes it in the editor.
    logga_in(page, "joakim")
    page.goto(f"/instanser/{instans.pk}/")
    page.get_by_role("link", name="Skriv tjänsteutlåtande").click()
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Skriv tjänsteutlåtande").click()
    expect(page.get_by_role("heading", name="Skriv tjänsteutlåtande")).to_be_visible()
    expect(page.locator(".ProseMirror")).to_have_count(8)
    expect(textruta(page, "Förvaltningens förslag till beslut")).to_contain_text(
        "Utbildningsnämnden godkänner förvaltningens tjänsteutlåtande"
    )
    kontrollera_tillgänglighet(page)

    skriv(page, "Sammanfattning", "Kommunstyrelsen har remitterat överenskommelsen.")
    vänta_på_sparat(page)
    assert page.evaluate("document.activeElement.classList.contains('ProseMirror')"), (
        "Autosparningen tog fokus från texten"
    )
    klistra_in(page, "Förvaltningens synpunkter och förslag", WORD_HTML)
    synpunkter = textruta(page, "Förvaltningens synpunkter och förslag")
    expect(synpunkter.locator("strong")).to_have_text("mycket positivt")
    expect(synpunkter.locator("em")).to_have_text("samverkansöverenskommelsen")
    expect(synpunkter.locator("li")).to_have_count(2)
    skriv(page, "Ärendet", "Överenskommelsen gäller från ")
    page.get_by_role("toolbar", name="Formatering: Text: Ärendet", exact=True).get_by_role(
        "button", name="Kursiv"
    ).click()
    page.keyboard.type("1 januari 2024")
    expect(textruta(page, "Ärendet").locator("em")).to_have_text("1 januari 2024")
    skriv(
        page, "Ärendets beredning", "Ärendet har beretts inom avdelningen för ekonomi och styrning."
    )
    vänta_på_sparat(page)
    page.get_by_role("button", name="Skicka till granskning").click()
    expect(
        page.get_by_text("Utlåtandet är skickat till Ulrika Klemets för granskning.")
    ).to_be_visible()
    kontrollera_tillgänglighet(page)
    utlåtande = Tjänsteutlåtande.objects.get()
    synpunkter_html = utlåtande.sektioner.get(rubrik="Förvaltningens synpunkter och förslag").html
    assert "<strong>mycket positivt</strong>" in synpunkter_html
    assert "<li><p>Unga i riskzon</p></li>" in synpunkter_html
    assert not re.search(r"style|class=|<img|<script|<span", synpunkter_html)
    assert page.evaluate("window.hackad === undefined")

    # The avdelningschef comments on a section and returns it with a reason.
    byt_person(page, "ulrika")
    expect(page.get_by_text("1 tjänsteutlåtande väntar på din granskning.")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name="KS 2023/740").click()
    expect(page.get_by_role("heading", name=re.compile("^Tjänsteutlåtande:"))).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Gäller").select_option(label="Sammanfattning")
    page.get_by_label("Kommentar").fill("Nämn svarsdatumet i sammanfattningen.")
    page.get_by_role("button", name="Spara kommentaren").click()
    expect(page.get_by_text("Kommentaren är sparad.")).to_be_visible()
    page.get_by_label("Skäl till återremissen").fill("Se min kommentar om sammanfattningen.")
    page.get_by_role("button", name="Återremittera till handläggaren").click()
    expect(page.get_by_text("Utlåtandet är återremitterat till handläggaren.")).to_be_visible()
    kontrollera_tillgänglighet(page)

    # The handläggare sees the comment, fixes the text and sends it again.
    byt_person(page, "joakim")
    page.goto(f"/utlatanden/{utlåtande.pk}/")
    page.get_by_role("link", name="Redigera texten").click()
    expect(page.get_by_text("Se min kommentar om sammanfattningen.")).to_be_visible()
    expect(page.get_by_text("Nämn svarsdatumet i sammanfattningen.")).to_be_visible()
    skriv(page, "Sammanfattning", " Svar senast 27 oktober 2023.")
    vänta_på_sparat(page)
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Skicka till granskning").click()
    expect(page.get_by_text("Utlåtandet är skickat till Ulrika Klemets")).to_be_visible()

    # The avdelningschef approves; the direktör attests.
    byt_person(page, "ulrika")
    page.goto(f"/utlatanden/{utlåtande.pk}/")
    expect(page.get_by_text("Svar senast 27 oktober 2023.")).to_be_visible()
    page.get_by_role("button", name="Godkänn").click()
    expect(page.get_by_text("Utlåtandet är godkänt")).to_be_visible()

    byt_person(page, "lena")
    expect(page.get_by_text("1 tjänsteutlåtande väntar på din attest.")).to_be_visible()
    page.get_by_role("link", name="KS 2023/740").click()
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Attestera").click()
    expect(page.get_by_text("Utlåtandet är attesterat. Texten är nu låst.")).to_be_visible()
    kontrollera_tillgänglighet(page)

    # The preview shows who attested, with title and today's date.
    page.get_by_role("link", name="Förhandsgranska dokumentet").click()
    expect(page.get_by_role("heading", name="Attesterat av")).to_be_visible()
    expect(
        page.get_by_text("Detta dokument har godkänts digitalt av följande personer:")
    ).to_be_visible()
    rad = page.get_by_role("row", name=re.compile("Lena Holmdahl, Utbildningsdirektör"))
    expect(rad).to_contain_text(idag)
    kontrollera_tillgänglighet(page)

    # Any further edit is refused.
    byt_person(page, "joakim")
    page.goto(f"/utlatanden/{utlåtande.pk}/redigera/")
    expect(page.get_by_text("Tjänsteutlåtandet är attesterat och kan inte ändras.")).to_be_visible()
    expect(page.get_by_role("link", name="Redigera texten")).to_have_count(0)
    expect(page.locator(".ProseMirror")).to_have_count(0)
    kontrollera_tillgänglighet(page)
