"""A handläggare finds remisser and her own draft from the search box in the header; a
handläggare in another förvaltning searching for the draft's words finds nothing."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import RemissFactory
from yttranden.models import Tjänsteutlåtande

UTKAST = "Förvaltningen vill utreda fritidsgårdarnas kvällsöppettider i Hässelby."


@pytest.fixture
def remisser(ks, un, sod, ks_samordnare, handläggare, registrator):
    """Two remisser on samverkan, 2021 and 2023, and utbildningsförvaltningen's draft."""
    skickade = []
    for dnr, titel, år in [
        ("KS 2021/112", "Samverkan kring skolskjutsar", 2021),
        ("KS 2023/740", "Övergripande samverkansöverenskommelse med polisen", 2023),
    ]:
        remiss = RemissFactory.build(
            nämnd=ks,
            diarienummer=dnr,
            titel=titel,
            beskrivning="Kommunstyrelsen vill ha synpunkter på samverkan mellan förvaltningarna.",
            skapad_av=ks_samordnare,
            remissdatum=datetime.date(år, 3, 1),
            sista_svarsdatum=datetime.date(år, 5, 1),
        )
        remiss.spara_utkast(av=ks_samordnare, ny=True)
        remiss.mottagare.set([un, sod])
        remiss.skicka(av=ks_samordnare, dag=remiss.remissdatum)
        skickade.append(remiss)
    instans = skickade[1].instanser.get(nämnd=un)
    instans.tilldela(handläggare, av=registrator)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    texter = {s.pk: (s.rubrik, f"<p>{UTKAST}</p>") for s in utlåtande.sektioner.all()[:1]}
    utlåtande.spara(texter, utlåtande.versionsnummer, av=handläggare)
    return skickade


def sök_i_sidhuvudet(page, fråga):
    sökruta = page.get_by_role("search")
    sökruta.get_by_label("Sök i remisser och svar").fill(fråga)
    sökruta.get_by_role("button", name="Sök").click()


def test_the_handläggare_searches_filters_by_year_and_opens_a_remiss(page, handläggare, remisser):
    logga_in(page, "joakim")
    sök_i_sidhuvudet(page, "samverkan")
    expect(page.get_by_role("heading", name="Sök", exact=True)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("träffar för ”samverkan”")
    träffar = page.locator(".sokresultat__post")
    expect(träffar.first.get_by_role("link")).to_have_text(
        "Samverkan kring skolskjutsar"
    )  # the word in the title ranks first
    expect(page.locator("mark", has_text="samverkan").first).to_be_visible()
    kontrollera_tillgänglighet(page)

    page.get_by_label("År").select_option("2021")
    page.get_by_role("button", name="Sök", exact=True).last.click()
    expect(page.get_by_label("År")).to_have_value("2021")
    expect(träffar.filter(has_text="KS 2023/740")).to_have_count(0)
    expect(träffar.filter(has_text="KS 2021/112").first).to_be_visible()
    kontrollera_tillgänglighet(page)

    träffar.get_by_role("link", name="Samverkan kring skolskjutsar").first.click()
    expect(page.get_by_role("heading", name="Samverkan kring skolskjutsar")).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_the_handläggare_finds_her_draft_by_a_misspelled_word(page, handläggare, remisser):
    logga_in(page, "joakim")
    sök_i_sidhuvudet(page, "kvällsöppetider")
    expect(page.get_by_role("status")).to_contain_text("1 träff")
    expect(page.locator("mark", has_text="kvällsöppettider")).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_an_outsider_searching_for_the_drafts_words_finds_nothing(page, outsider, remisser):
    logga_in(page, "josefin")
    sök_i_sidhuvudet(page, "fritidsgårdarnas kvällsöppettider")
    expect(page.get_by_role("status")).to_have_text(
        "Inga träffar för ”fritidsgårdarnas kvällsöppettider”. Pröva färre ord, ett annat ord "
        "eller ta bort ett filter."
    )
    expect(page.get_by_text("Hässelby")).to_have_count(0)
    kontrollera_tillgänglighet(page)


def test_anonymous_visitors_are_asked_to_log_in(page):
    page.goto("/sok/?q=samverkan")
    expect(page.get_by_label("Användarnamn")).to_be_visible()
