"""A paste larger than the request limit, as the handläggare meets it in the editor: the
autosave says in Swedish what the limit is and does not retry on its own; shortening the text
saves it again. Nothing earlier is lost."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import RemissFactory
from tests.vanta import vänta_tills
from yttranden.models import Tjänsteutlåtande


@pytest.fixture
def utlåtande(ks, un, ks_samordnare, registrator, handläggare, avdelningschef, direktör):
    remiss = RemissFactory(
        nämnd=ks, diarienummer="KS 2023/740", skapad_av=ks_samordnare, mottagare=[un]
    )
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get()
    instans.tilldela(handläggare, av=registrator)
    return Tjänsteutlåtande.påbörja(instans, av=handläggare)


def sammanfattningen(utlåtande):
    return utlåtande.sektioner.get(rubrik="Sammanfattning").html


def test_a_paste_over_the_limit_is_named_and_the_shortened_text_saves(page, utlåtande, settings):
    settings.REMISS_MAX_FORMULAR_MB = 1
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    page.set_default_timeout(30_000)
    logga_in(page, "joakim")
    page.goto(f"/utlatanden/{utlåtande.pk}/redigera/")
    sammanfattning = page.get_by_role("textbox", name="Text: Sammanfattning", exact=True)
    sammanfattning.click()
    page.keyboard.type("Kort sammanfattning.")
    status = page.locator("#sparstatus")
    expect(status).to_have_text(re.compile(r"^Sparat \d\d:\d\d$"))
    vänta_tills(lambda: sammanfattningen(utlåtande) == "<p>Kort sammanfattning.</p>")

    sammanfattning.fill("Inklistrad text från Word. " * 45_000)  # about 1.2 MB

    expect(status).to_contain_text("för stort: högst 1 MB åt gången")
    kontrollera_tillgänglighet(page)
    assert utlåtande.sektioner.get(rubrik="Sammanfattning").html == "<p>Kort sammanfattning.</p>"

    sammanfattning.fill("Kortare sammanfattning.")
    expect(status).to_have_text(re.compile(r"^Sparat \d\d:\d\d$"))
    vänta_tills(lambda: sammanfattningen(utlåtande) == "<p>Kortare sammanfattning.</p>")
