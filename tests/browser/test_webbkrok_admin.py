"""The kommun's administrator registers a webhook for utbildningsnämndens diarium in the admin,
copies the secret from the page shown once, finds a refused delivery in the log with the
receiver's answer, and sends it again."""

import pytest
from playwright.sync_api import expect

from nämnder.models import ApiKlient
from nämnder.roller import Roll
from remiss import utkorg
from remiss.models import Utkorgspost, Webbkrok, Webbkroksleverans
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import AnvändareFactory
from tests.vanta import vänta_tills
from tests.webbkrokar.mottagare import Mottagare


def _leverera(pk):
    """The worker's step, done here (unless a worker of this process took the message first);
    returns how it ended."""
    utkorg.utför(pk)
    ogjorda = (Utkorgspost.S.VÄNTAR, Utkorgspost.S.PÅGÅR)
    return vänta_tills(
        lambda: (status := Utkorgspost.objects.get(pk=pk).status) not in ogjorda and status
    )


@pytest.fixture
def admin(db):
    return AnvändareFactory(
        username="admin", first_name="Ada", last_name="Admin", is_staff=True, is_superuser=True
    )


def test_the_administrator_registers_a_webhook_and_sends_a_refused_delivery_again(
    page, settings, admin, instans, handläggare, registrator, un
):
    settings.REMISS_WEBBKROK_TILLAT_HTTP = True
    ApiKlient.skapa("Diariet UBF", av=admin, omfång=[(un, Roll.REGISTRATOR)])
    with Mottagare(fel=1, felkod=410) as mottagaren:
        logga_in(page, "admin")
        page.goto("/admin/")
        page.get_by_role("link", name="Webbkrokar").click()
        kontrollera_tillgänglighet(page)
        page.get_by_role("link", name="Lägg till webbkrok").click()
        kontrollera_tillgänglighet(page)
        page.get_by_label("API-klient").select_option(label="Diariet UBF")
        page.get_by_label("Mottagarens adress").fill(mottagaren.url)
        page.get_by_label("Remissinstans tilldelad").check()
        page.get_by_role("button", name="Spara", exact=True).click()

        webbkrok = Webbkrok.objects.get()
        expect(page.locator("#hemlighet")).to_have_text(webbkrok.hemlighet)
        kontrollera_tillgänglighet(page)
        mottagaren.hemlighet = page.locator("#hemlighet").inner_text()

        instans.tilldela(handläggare, av=registrator)
        leverans = Webbkroksleverans.objects.get()
        assert _leverera(leverans.post_id) == Utkorgspost.S.MISSLYCKAD

        page.goto("/admin/remiss/webbkrok/")
        page.get_by_role("link", name="1, varav 1 misslyckade").click()
        rad = page.get_by_role("row").filter(has_text=leverans.händelse.meddelande_id)
        expect(rad).to_contain_text("Mottagaren svarade 410 Gone.")
        expect(rad).to_contain_text("Misslyckades")
        kontrollera_tillgänglighet(page)
        rad.get_by_role("checkbox").check()
        page.locator("select[name=action]").select_option(label="Skicka igen")
        page.get_by_role("button", name="Utför").click()
        expect(page.locator(".messagelist")).to_contain_text("1 leverans skickas igen.")

        assert _leverera(leverans.post_id) == Utkorgspost.S.KLAR
    assert mottagaren.ids() == [leverans.händelse.meddelande_id]
