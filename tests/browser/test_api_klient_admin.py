"""The system administrator creates an API client for utbildningsnämndens diarium in the admin:
picks its scope, sees the token once, and the token works; "Byt token" shows a new one and the
old one stops working. The page with the token and the form pass axe."""

import pytest
from playwright.sync_api import expect

from nämnder.models import ApiKlient
from nämnder.roller import Roll
from tests.api.conftest import api
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import AnvändareFactory


@pytest.fixture
def admin(db):
    return AnvändareFactory(
        username="admin", first_name="Ada", last_name="Admin", is_staff=True, is_superuser=True
    )


def _token(page):
    fält = page.get_by_label("Token")
    expect(fält).to_be_visible()
    return fält.input_value()


def test_the_administrator_creates_a_client_and_sees_its_token_once(page, admin, ks, un, remiss):
    logga_in(page, "admin")
    page.goto("/admin/")
    page.get_by_role("link", name="API-klienter").click()
    page.get_by_role("link", name="Lägg till API-klient").click()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Namn").fill("Diariet UBF")
    page.get_by_label("Utbildningsnämnden – Registrator").check()
    page.get_by_role("button", name="Spara", exact=True).click()

    expect(page.get_by_text("den visas bara den här gången")).to_be_visible()
    kontrollera_tillgänglighet(page)
    token = _token(page)
    klient = ApiKlient.objects.get(namn="Diariet UBF")
    assert token.startswith(klient.token_prefix) and token not in klient.token_hash
    assert klient.omfång() == {(un, Roll.REGISTRATOR)}
    assert api(token).get("/api/v1/remissinstanser/").json()["results"][0]["namnd"] == {
        "id": un.pk,
        "namn": "Utbildningsnämnden",
    }

    # Back on the client, nothing shows the token again; "Byt token" makes a new one.
    page.get_by_role("link", name="Tillbaka till API-klienten").click()
    expect(page.get_by_text(token)).to_have_count(0)
    page.get_by_role("button", name="Byt token").click()
    ny = _token(page)
    assert ny != token
    assert api(token).get("/api/v1/remisser/").status_code == 401
    assert api(ny).get("/api/v1/remisser/").status_code == 200


def test_the_api_documentation_is_served_from_here_and_passes_axe(page, live_server):
    anrop = []  # what the browser fetched (a request the page's policy refuses is not fetched)
    page.on("requestfinished", lambda r: anrop.append(r.url))
    page.goto("/api/v1/dokumentation/")
    rubrik = page.get_by_role("heading", name="Remiss API").first
    expect(rubrik).to_be_visible(timeout=30_000)  # Redoc reads and lays out the whole schema
    kontrollera_tillgänglighet(page)
    utifrån = [u for u in anrop if not u.startswith((live_server.url, "data:", "blob:"))]
    assert utifrån == []
    expect(page.get_by_role("link", name="remisser").first).to_be_visible()  # the operations
