"""An external organisation's contact person is reminded and asks for anstånd, in a real
browser: the reminder sweep sends the reminder (a real Celery worker, aiosmtpd), the link in
that e-mail opens the answer page with no account, the contact asks for a later svarsdatum, KS's
remissamordnare grants it on the Anstånd page, and the answer page shows the new date. Axe on
every page."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from remiss import paminnelser
from remiss.models import Anstånd, Remissinstans
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.extern import rådet, skickad_till  # noqa: F401 (fixture)
from tests.remiss.paminnelse_smtp import Postlåda, ledig_port
from tests.vanta import vänta_tills

ADRESS = "sara@radet.example"


@pytest.fixture
def postlåda(settings, live_server):
    settings.SITE_URL = live_server.url
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", ledig_port(), 5
    settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 24
    låda = Postlåda(settings.EMAIL_PORT)
    server = Controller(låda, hostname="127.0.0.1", port=låda.port)
    server.start()
    yield låda
    server.stop()


def test_the_contact_opens_the_reminders_link_asks_for_anstånd_and_ks_grants_it(
    browser,
    page,
    live_server,
    celeryarbetare,
    postlåda,
    ks,
    ks_samordnare,
    rådet,  # noqa: F811
):
    skickad_till(ks, ks_samordnare, rådet, dnr="KS 2031/88")
    svarsdatum = timezone.localdate() + datetime.timedelta(days=2)
    Remissinstans.objects.update(
        svarsdatum=svarsdatum, mottagen=timezone.now() - datetime.timedelta(days=20)
    )
    paminnelser.svep()
    brev = vänta_tills(
        lambda: next((m for m in postlåda.meddelanden if m["To"] == ADRESS), None), sekunder=60
    )
    assert "2 dagar kvar" in str(brev["Subject"])
    text = brev.get_body(preferencelist=("plain",)).get_content()
    (länk,) = re.findall(rf"{re.escape(live_server.url)}/svar/\S+/", text)

    page.goto(urlsplit(länk).path)
    expect(page).to_have_url(f"{live_server.url}/svar/")
    expect(page.get_by_role("heading", name="Anstånd")).to_be_visible()
    kontrollera_tillgänglighet(page)
    nytt = svarsdatum + datetime.timedelta(days=30)
    page.get_by_label("Nytt svarsdatum").fill(nytt.isoformat())
    page.get_by_label("Motivering").fill("Rådet sammanträder först nästa månad.")
    page.get_by_role("button", name="Begär anstånd").click()
    expect(page.get_by_text("Begäran om anstånd är skickad till kommunstyrelsen.")).to_be_visible()
    expect(page.get_by_role("cell", name="Begärt", exact=True)).to_be_visible()
    kontrollera_tillgänglighet(page)

    ks_sida = browser.new_context(base_url=live_server.url).new_page()
    logga_in(ks_sida, "karin")
    ks_sida.goto(reverse("ks:anstånd"))
    expect(
        ks_sida.get_by_text("Sara Ek, Funktionshindersrådet (via personlig länk)")
    ).to_be_visible()
    kontrollera_tillgänglighet(ks_sida)
    ks_sida.get_by_role("button", name="Bevilja anstånd för Funktionshindersrådet").click()
    expect(ks_sida.get_by_text("Beslutet är registrerat")).to_be_visible()
    assert Anstånd.objects.get().status == Anstånd.Status.BEVILJAT

    page.goto("/svar/")
    expect(page.get_by_text(f"svar senast {nytt:%Y-%m-%d}")).to_be_visible()
    expect(page.get_by_role("cell", name="Beviljat", exact=False)).to_be_visible()
