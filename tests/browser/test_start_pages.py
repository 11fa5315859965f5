import pytest
from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in

ROLLER = [
    ("handläggare", "Som handläggare"),
    ("avdelningschef", "Som avdelningschef"),
    ("direktör", "Som direktör"),
    ("registrator", "Som registrator"),
    ("nämndsekreterare", "Som nämndsekreterare"),
    ("ks_samordnare", "Som remissamordnare"),
    ("ks_läsare", "Som läsare i kommunstyrelsen"),
]


def test_the_login_page_is_swedish_and_accessible(page):
    page.goto("/")
    expect(page.get_by_role("heading", name="Logga in i Remiss")).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_a_wrong_password_is_explained(page, handläggare):
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("joakim")
    page.get_by_label("Lösenord").fill("fel-lösenord")
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_text("Ange ett korrekt användarnamn och lösenord")).to_be_visible()
    kontrollera_tillgänglighet(page)


@pytest.mark.parametrize(("person", "rubrik"), ROLLER)
def test_each_role_logs_in_and_sees_its_start_page(page, request, person, rubrik):
    användare = request.getfixturevalue(person)
    logga_in(page, användare.username)
    expect(page.get_by_role("heading", name=rubrik)).to_be_visible()
    expect(page.get_by_role("navigation", name="Huvudmeny")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", name="Logga in i Remiss")).to_be_visible()


def test_a_person_without_a_role_is_told_what_to_do(page, db):
    from tests.factories import AnvändareFactory

    AnvändareFactory(username="ny")
    logga_in(page, "ny")
    expect(page.get_by_role("heading", name="Du har ännu ingen roll")).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_the_skip_link_takes_keyboard_users_to_the_content(page, handläggare):
    logga_in(page, "joakim")
    page.keyboard.press("Tab")
    länk = page.get_by_role("link", name="Hoppa till huvudinnehållet")
    expect(länk).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_the_layout_works_at_200_percent_zoom(browser, live_server, handläggare):
    # 200 % zoom on a 1280 px wide window is the same CSS viewport as 640 px at scale 2.
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 640, "height": 720}, device_scale_factor=2
    )
    page = context.new_page()
    logga_in(page, "joakim")
    bredd = page.evaluate("document.documentElement.scrollWidth")
    assert bredd <= 640, f"Sidan rullar i sidled vid 200 % zoom ({bredd} px)"
    expect(page.get_by_role("link", name="Nämnder")).to_be_visible()
    context.close()


def test_a_nämndsekreterare_adds_a_meeting_in_the_browser(page, nämndsekreterare, un):
    logga_in(page, "erik")
    page.get_by_role("link", name="Sammanträden i utbildningsnämnden").click()
    expect(page.get_by_role("heading", name="Utbildningsnämnden", exact=True)).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Datum").fill("2099-03-19")
    page.get_by_label("Tid").fill("17:30")
    page.get_by_label("Plats").fill("Stadshuset, rum 315")
    page.get_by_role("button", name="Lägg in sammanträdet").click()
    expect(page.get_by_text("Sammanträdet 2099-03-19 är inlagt.")).to_be_visible()
    expect(page.get_by_role("cell", name="Stadshuset, rum 315")).to_be_visible()
    page.get_by_label("Datum").fill("2099-03-19")
    page.get_by_role("button", name="Lägg in sammanträdet").click()
    expect(page.get_by_role("alert")).to_contain_text("Nämnden har redan ett sammanträde den dagen")
    kontrollera_tillgänglighet(page)
