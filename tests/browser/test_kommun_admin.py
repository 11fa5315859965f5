"""The system administrator enters the kommun in the admin (name, date style, logo) and a
handläggare sees the logo on the letterhead of the preview; a file that is no image is refused
in Swedish."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from nämnder.models import Kommun
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import AnvändareFactory, RemissFactory
from tests.kommunhjalp import png_logotyp
from yttranden.models import Tjänsteutlåtande


@pytest.fixture
def admin(db):
    return AnvändareFactory(
        username="admin", first_name="Ada", last_name="Admin", is_staff=True, is_superuser=True
    )


@pytest.fixture
def kommun(db):
    return Kommun.objects.create(namn="Stockholms stad")


def test_the_administrator_edits_the_kommun_and_the_letterhead_shows_it(
    page, admin, kommun, ks, un, ks_samordnare, registrator, handläggare
):
    logga_in(page, "admin")
    page.goto("/admin/")
    page.get_by_role("link", name="Kommuner").click()
    page.get_by_role("link", name="Stockholms stad").click()
    kontrollera_tillgänglighet(page)

    page.get_by_label("Namn").fill("Exempelby kommun")
    page.get_by_label("Datum i handlingar").select_option(label="26 oktober 2023")
    page.get_by_label("Ny logotyp").set_input_files(
        files=[{"name": "logotyp.png", "mimeType": "image/png", "buffer": png_logotyp()}]
    )
    page.get_by_role("button", name="Spara och fortsätt redigera").click()
    expect(page.locator(".messagelist")).to_contain_text("Exempelby kommun")
    logotyp = page.get_by_role("img", name="Logotyp för Exempelby kommun")
    expect(logotyp).to_be_visible()
    assert logotyp.evaluate("bild => bild.naturalWidth") == 240
    kontrollera_tillgänglighet(page)

    # A program renamed to .png is no logo.
    page.get_by_label("Ny logotyp").set_input_files(
        files=[{"name": "logotyp.png", "mimeType": "image/png", "buffer": b"MZ\x90\x00program"}]
    )
    page.get_by_role("button", name="Spara och fortsätt redigera").click()
    expect(page.get_by_text("Logotypen ska vara en PNG- eller SVG-bild.")).to_be_visible()
    kontrollera_tillgänglighet(page)
    kommun.refresh_from_db()
    assert (kommun.namn, kommun.datumstil, kommun.logotyp_typ) == (
        "Exempelby kommun",
        "text",
        "image/png",
    )

    # The handläggare's preview carries the new letterhead.
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get()
    instans.registrera("UN 2031/12", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    page.context.clear_cookies()
    logga_in(page, handläggare.username)
    page.goto(reverse("yttranden:förhandsgranska", args=[utlåtande.pk]))
    brevhuvud = page.get_by_role("img", name="Exempelby kommun")
    expect(brevhuvud).to_be_visible()
    assert brevhuvud.evaluate("bild => bild.naturalWidth") == 240
    kontrollera_tillgänglighet(page)
