"""Step-up for attest, through the real OIDC provider: Lena Holmdahl, utbildningsdirektör, who
logged in at the kommun's IdP this morning (or with too weak a login) cannot attest until she
has authenticated again; then the attest shows how, when and at which level she did."""

import re

import pytest
from playwright.sync_api import expect

from nämnder.models import Användare
from tests.browser.conftest import kontrollera_tillgänglighet
from tests.browser.test_inloggning_oidc import logga_in_hos_kommunen
from tests.factories import RemissFactory
from tests.idp.fixtures import LÖSENORD
from yttranden.models import Attest, Tjänsteutlåtande

LOA2 = "http://id.elegnamnden.se/loa/1.0/loa2"
LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"


def godkänt_utlåtande(ks, un, ks_samordnare, registrator, handläggare, avdelningschef):
    remiss = RemissFactory(
        nämnd=ks, diarienummer="KS 2023/740", skapad_av=ks_samordnare, mottagare=[un]
    )
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get()
    instans.registrera("UN 2023/1234", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    texter = {
        s.pk: (s.rubrik, s.html or f"<p>Text om {s.rubrik.lower()}.</p>")
        for s in utlåtande.sektioner.all()
    }
    utlåtande.spara(texter, utlåtande.versionsnummer, av=handläggare)
    utlåtande.skicka_till_granskning(av=handläggare)
    utlåtande.godkänn(av=avdelningschef)
    return utlåtande


@pytest.fixture
def läge(oidc_idp, page, ks, un, ks_samordnare, registrator, handläggare, avdelningschef):
    """Lena has logged in through the kommun's IdP; an utlåtande waits for her attest."""

    def förbered(**lena):
        data = oidc_idp.data
        data["personer"]["lena"].update(lena)
        oidc_idp.skriv(data)
        logga_in_hos_kommunen(page, "lena")
        expect(page.get_by_role("heading", name="Som direktör")).to_be_visible()
        utlåtande = godkänt_utlåtande(
            ks, un, ks_samordnare, registrator, handläggare, avdelningschef
        )
        assert utlåtande.attestant.username == "lena"
        page.goto(f"/utlatanden/{utlåtande.pk}/")
        return utlåtande

    return förbered


def logga_in_igen_hos_kommunen(page):
    expect(page.get_by_role("heading", name="Kommunens inloggning")).to_be_visible()
    page.get_by_label("Användarnamn hos kommunen").fill("lena")
    page.get_by_label("Lösenord hos kommunen").fill(LÖSENORD)
    page.get_by_role("button", name="Logga in hos kommunen").click()


def test_lena_whose_login_is_from_this_morning_logs_in_again_before_she_can_attest(
    page, läge, oidc_idp
):
    oidc_idp.skriv({**oidc_idp.data, "auth_time_sedan_sekunder": 3 * 3600})
    utlåtande = läge()

    page.get_by_role("button", name="Attestera").click()
    oidc_idp.skriv({**oidc_idp.data, "auth_time_sedan_sekunder": 0})
    logga_in_igen_hos_kommunen(page)

    expect(page.get_by_text("För att attestera behöver du ha loggat in under")).to_be_visible()
    utlåtande.refresh_from_db()
    assert utlåtande.status == Tjänsteutlåtande.Status.GODKÄND
    page.get_by_role("button", name="Attestera").click()
    expect(page.get_by_text("Utlåtandet är attesterat. Texten är nu låst.")).to_be_visible()
    rad = page.get_by_role("row", name=re.compile("^Attesterat Lena Holmdahl"))
    expect(rad).to_contain_text("OIDC")
    expect(rad).to_contain_text(LOA3)
    kontrollera_tillgänglighet(page)
    attest = Attest.objects.get(utlåtande=utlåtande, typ=Attest.Typ.ATTEST)
    assert (attest.autentiseringsmetod, attest.autentiseringsnivå) == ("OIDC", LOA3)
    assert attest.autentiserad is not None


def test_lena_with_too_weak_a_login_cannot_attest_until_she_logs_in_at_the_level(
    page, läge, oidc_idp, settings
):
    settings.REMISS_ATTEST_NIVAER = [LOA3]
    utlåtande = läge(acr=LOA2)

    page.get_by_role("button", name="Attestera").click()
    logga_in_igen_hos_kommunen(page)  # the IdP gives the same weak level again
    expect(page.get_by_text("har tillitsnivån " + LOA2)).to_be_visible()
    page.get_by_role("button", name="Attestera").click()
    data = oidc_idp.data
    data["personer"]["lena"]["acr"] = LOA3
    oidc_idp.skriv(data)
    logga_in_igen_hos_kommunen(page)
    utlåtande.refresh_from_db()
    assert utlåtande.status == Tjänsteutlåtande.Status.GODKÄND

    page.get_by_role("button", name="Attestera").click()
    expect(page.get_by_text("Utlåtandet är attesterat. Texten är nu låst.")).to_be_visible()
    attest = Attest.objects.get(utlåtande=utlåtande, typ=Attest.Typ.ATTEST)
    assert attest.autentiseringsnivå == LOA3
    assert Användare.objects.filter(username="lena").count() == 1
