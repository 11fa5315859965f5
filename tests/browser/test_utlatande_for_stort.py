"""A paste larger than the request limit, as the handläggare meets it in the editor: the
autosave says in Swedish what the limit is and does not retry on its own; shortening the text
saves it again. Nothing earlier is lost."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.vanta import vänta_tills


def sammanfattningen(utlåtande):
    return utlåtande.sektioner.get(rubrik="Sammanfattning").html


def avsnittet(utlåtande, rubrik):
    return utlåtande.sektioner.get(rubrik=rubrik).html


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


def test_one_section_too_large_does_not_stop_the_others_from_saving(page, utlåtande, settings):
    """Autosave per section: the oversized paste is named on its own section, with the limit,
    while an edit in another section is saved as usual."""
    settings.REMISS_MAX_FORMULAR_MB = 1
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    page.set_default_timeout(30_000)
    logga_in(page, "joakim")
    page.goto(f"/utlatanden/{utlåtande.pk}/redigera/")
    sammanfattning = page.get_by_role("textbox", name="Text: Sammanfattning", exact=True)
    bakgrund = page.get_by_role("textbox", name="Text: Bakgrund", exact=True)
    status = page.locator("#sparstatus")
    före = avsnittet(utlåtande, "Sammanfattning")

    sammanfattning.fill("Inklistrad text från Word. " * 45_000)  # about 1.2 MB
    bakgrund.fill("Bakgrunden i korthet.")

    vänta_tills(lambda: avsnittet(utlåtande, "Bakgrund") == "<p>Bakgrunden i korthet.</p>")
    expect(status).to_contain_text("Avsnittet ”Sammanfattning” sparades inte")
    expect(status).to_contain_text("för stort: högst 1 MB åt gången")
    fel = page.locator(f"#avsnittsfel-{utlåtande.sektioner.get(rubrik='Sammanfattning').pk}")
    expect(fel).to_be_visible()
    expect(fel).to_contain_text("högst 1 MB")
    kontrollera_tillgänglighet(page)
    assert avsnittet(utlåtande, "Sammanfattning") == före

    # Editing another section again still saves; the too-large one waits for its own edit.
    bakgrund.fill("Bakgrunden i korthet. Mer.")
    vänta_tills(lambda: "Mer." in avsnittet(utlåtande, "Bakgrund"))
    sammanfattning.fill("Kort sammanfattning.")
    expect(status).to_have_text(re.compile(r"^Sparat \d\d:\d\d$"))
    vänta_tills(lambda: avsnittet(utlåtande, "Sammanfattning") == "<p>Kort sammanfattning.</p>")
    expect(fel).to_be_hidden()
