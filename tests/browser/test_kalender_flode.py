"""A person finds their calendar feed address, copies it, and makes a new one when the old has
been shared too widely: the old address stops working at once."""

from playwright.sync_api import expect

from remiss.models import Kalendernyckel
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in


def test_a_person_copies_and_renews_their_feed_address(page, handläggare, un):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    logga_in(page, "joakim")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Kalender").click()
    expect(page.get_by_role("heading", name="Kalender", exact=True)).to_be_visible()
    kontrollera_tillgänglighet(page)

    page.get_by_role("button", name="Skapa adress för mina svarsdatum").click()
    fält = page.get_by_label("Adress till flödet med mina svarsdatum")
    adress = fält.input_value()
    assert adress.endswith(".ics") and "/kalender/flode/" in adress
    kontrollera_tillgänglighet(page)

    page.get_by_role("button", name="Kopiera adressen med mina svarsdatum").click()
    expect(page.get_by_role("status").filter(has_text="Adressen är kopierad")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == adress
    assert page.request.get(adress).status == 200

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Skapa ny adress för mina svarsdatum").click()
    expect(page.get_by_text("Kalenderflödet har en ny adress.")).to_be_visible()
    ny = page.get_by_label("Adress till flödet med mina svarsdatum").input_value()
    assert ny != adress
    assert page.request.get(adress).status == 404
    svar = page.request.get(ny)
    assert svar.status == 200 and svar.headers["content-type"].startswith("text/calendar")
    assert Kalendernyckel.objects.get(användare=handläggare).nyckel in ny
    kontrollera_tillgänglighet(page)
