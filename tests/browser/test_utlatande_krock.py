"""Two people in the same draft at once: the second save is refused, the text stays in the
editor and is shown to copy, nothing is overwritten. Then the versions page compares them."""

import re

import pytest
from playwright.sync_api import expect

from nämnder.roller import Roll
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import AnvändareFactory, RemissFactory
from yttranden.models import Tjänsteutlåtande


@pytest.fixture
def utlåtande(ks, un, ks_samordnare, registrator, handläggare, avdelningschef, direktör):
    remiss = RemissFactory(
        nämnd=ks, diarienummer="KS 2023/740", skapad_av=ks_samordnare, mottagare=[un]
    )
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get()
    instans.tilldela(handläggare, av=registrator)
    kollega = AnvändareFactory(
        username="stefan", first_name="Stefan", last_name="Elm", roller=[(un, Roll.HANDLÄGGARE)]
    )
    instans.medhandläggare.add(kollega)
    return Tjänsteutlåtande.påbörja(instans, av=handläggare)


@pytest.fixture
def öppna(browser, live_server, utlåtande):
    """Open the editor as someone, each in a browser of their own (closed after the test)."""
    kontexter = []

    def öppna(användarnamn):
        context = browser.new_context(base_url=live_server.url, locale="sv-SE")
        kontexter.append(context)
        return _öppna(context, användarnamn, utlåtande)

    yield öppna
    for context in kontexter:
        context.close()


def _öppna(context, användarnamn, utlåtande):
    context.set_default_timeout(10_000)
    page = context.new_page()
    logga_in(page, användarnamn)
    page.goto(f"/utlatanden/{utlåtande.pk}/redigera/")
    expect(page.locator(".ProseMirror")).to_have_count(8)
    return page


def _skriv(page, text):
    page.get_by_role("textbox", name="Text: Sammanfattning", exact=True).click()
    page.keyboard.type(text)


def test_the_second_of_two_writers_is_told_and_keeps_his_text(öppna, utlåtande):
    joakim = öppna("joakim")
    stefan = öppna("stefan")

    _skriv(joakim, "Joakims sammanfattning.")
    expect(joakim.locator("#sparstatus")).to_have_text(re.compile(r"^Sparat \d\d:\d\d$"))

    _skriv(stefan, "Stefans sammanfattning.")
    expect(stefan.get_by_role("heading", name="Din senaste ändring sparades inte")).to_be_visible()
    expect(stefan.get_by_role("alert")).to_contain_text(
        "Någon annan har sparat utlåtandet (version 2, Joakim Länninge)"
    )
    expect(stefan.locator(".krocktext")).to_contain_text("Stefans sammanfattning.")
    expect(stefan.get_by_role("textbox", name="Text: Sammanfattning", exact=True)).to_have_text(
        "Stefans sammanfattning."
    )
    kontrollera_tillgänglighet(stefan)
    sammanfattning = utlåtande.sektioner.get(rubrik="Sammanfattning")
    assert sammanfattning.html == "<p>Joakims sammanfattning.</p>"

    # The refused text is kept on the versions page too, and the two versions compare.
    stefan.get_by_role("link", name="Se vad som ändrades").click()
    expect(stefan.get_by_role("heading", name="Sparningar som inte gick igenom")).to_be_visible()
    jämförelse = "Textversion 1 jämförd med textversion 2"
    expect(stefan.get_by_role("heading", name=jämförelse)).to_be_visible()
    expect(stefan.locator(".stycke ins")).to_contain_text("Joakims sammanfattning.")
    kontrollera_tillgänglighet(stefan)

    # Reloading gives him the current text to go on from.
    stefan.goto(f"/utlatanden/{utlåtande.pk}/redigera/")
    expect(stefan.get_by_role("textbox", name="Text: Sammanfattning", exact=True)).to_have_text(
        "Joakims sammanfattning."
    )


def test_the_header_data_page_is_accessible(page, utlåtande, un):
    logga_in(page, "joakim")
    page.goto(f"/utlatanden/{utlåtande.pk}/redigera/")
    page.get_by_role("link", name="Ändra uppgifterna").click()
    expect(page.get_by_role("heading", name="Uppgifter i tjänsteutlåtandet")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Datum").fill("2023-10-17")
    page.get_by_role("button", name="Spara uppgifterna").click()
    expect(page.get_by_text("Uppgifterna är sparade.")).to_be_visible()
    page.get_by_role("link", name="Förhandsgranska").click()
    expect(page.get_by_text("UTKAST", exact=True)).to_be_visible()
    expect(page.get_by_text("2023-10-17")).to_be_visible()
    kontrollera_tillgänglighet(page)
