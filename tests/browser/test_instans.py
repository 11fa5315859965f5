"""A nämnd's registrator handles an incoming remiss in the browser, and KS sees the result."""

import datetime

import pytest
from playwright.sync_api import expect

from nämnder.roller import Roll
from remiss.models import Remissinstans
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import AnvändareFactory, NämndFactory, RemissFactory


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    remiss = RemissFactory(
        nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod], diarienummer="KS 2023/740"
    )
    remiss.skicka(av=ks_samordnare)
    return remiss


@pytest.fixture
def avdelning(un):
    return un.avdelningar.create(namn="Avdelningen för ekonomi och styrning")


def test_the_registrator_registers_and_assigns_in_the_browser(
    page, registrator, handläggare, avdelning, un, remiss
):
    AnvändareFactory(first_name="Sara", last_name="Ek", roller=[(un, Roll.HANDLÄGGARE)])
    logga_in(page, "maja")
    expect(page.get_by_text("1 ny remiss")).to_be_visible()
    page.get_by_role("link", name="Inkorg", exact=True).click()
    expect(page.get_by_role("heading", name="Inkorg")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name="KS 2023/740").click()
    expect(page.get_by_role("heading", name="Registratorns åtgärder")).to_be_visible()
    kontrollera_tillgänglighet(page)

    page.get_by_label("Nämndens diarienummer").fill("SOD 2023/713")
    page.get_by_role("button", name="Registrera").click()
    # Shown twice: in the error summary at the top and under the field itself.
    # Utbildningsnämndens own example, not kommunstyrelsens.
    fel = "SOD 2023/713 är inget giltigt diarienummer. Skriv till exempel UN 2023/740."
    expect(page.get_by_role("alert")).to_contain_text(fel)
    expect(page.locator(".ds-validation-message").get_by_text(fel)).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Nämndens diarienummer").fill("UN 2023/713")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text("Ärendet är registrerat som UN 2023/713.")).to_be_visible()

    page.get_by_label("Handläggare", exact=False).first.select_option(
        label="Joakim Länninge, Utredare"
    )
    page.get_by_label("Sara Ek").check()
    page.get_by_label("Avdelning").select_option(label="Avdelningen för ekonomi och styrning")
    page.get_by_role("button", name="Tilldela").click()
    expect(page.get_by_text("Ärendet är tilldelat Joakim Länninge.")).to_be_visible()
    expect(page.get_by_text("Handläggare tilldelad: Joakim Länninge")).to_be_visible()
    kontrollera_tillgänglighet(page)
    instans = Remissinstans.objects.get(nämnd=un)
    assert instans.status == Remissinstans.Status.TILLDELAD
    assert instans.diarienummer == "UN 2023/713" and instans.avdelning == avdelning
    assert [str(p) for p in instans.medhandläggare.all()] == ["Sara Ek"]


def test_the_registrator_declines_with_a_reason(page, registrator, un, remiss):
    logga_in(page, "maja")
    page.get_by_role("link", name="KS 2023/740").first.click()
    page.get_by_role("button", name="Avstå från att svara").click()
    # Shown twice: in the error summary at the top and under the field itself.
    expect(page.get_by_role("alert")).to_contain_text("Skriv varför nämnden avstår från att svara.")
    expect(
        page.locator(".ds-validation-message").get_by_text(
            "Skriv varför nämnden avstår från att svara."
        )
    ).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Varför avstår nämnden?").fill("Remissen berör inte nämndens ansvarsområde.")
    page.get_by_role("button", name="Avstå från att svara").click()
    expect(
        page.get_by_text("Nämnden avstår från att svara. Kommunstyrelsen ser det")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Registratorns åtgärder")).to_have_count(0)
    kontrollera_tillgänglighet(page)
    assert Remissinstans.objects.get(nämnd=un).status == Remissinstans.Status.AVSTÅR


def test_the_registrator_asks_for_anstånd(page, registrator, un, remiss):
    nytt = remiss.sista_svarsdatum + datetime.timedelta(days=30)
    logga_in(page, "maja")
    page.get_by_role("link", name="Inkorg", exact=True).click()
    page.get_by_role("link", name="KS 2023/740").click()
    page.get_by_label("Nytt svarsdatum").fill(f"{nytt:%Y-%m-%d}")
    page.get_by_label("Motivering").fill("Nämnden sammanträder först i december.")
    page.get_by_role("button", name="Begär anstånd").click()
    expect(page.get_by_text("Begäran om anstånd är skickad till kommunstyrelsen.")).to_be_visible()
    expect(
        page.get_by_role("cell", name="Nämnden sammanträder först i december.", exact=True)
    ).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_kommunstyrelsen_sees_it_in_the_overview_and_the_matrix(
    page, ks_läsare, registrator, handläggare, un, sod, remiss
):
    instans = remiss.instanser.get(nämnd=un)
    instans.registrera("UN 2023/713", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    remiss.instanser.get(nämnd=sod).avstå("Berör inte stadsdelen.", av=registrator)
    logga_in(page, "asa")
    page.get_by_role("link", name="Remisser").click()
    expect(page.get_by_role("heading", name="Remisser", exact=True)).to_be_visible()
    expect(page.get_by_text("0 av 2 har svarat, 1 avstår")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Visa").select_option(label="Öppna")
    page.get_by_role("button", name="Visa").click()
    expect(page.get_by_role("link", name="KS 2023/740")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name="KS 2023/740").click()
    matris = page.get_by_role("table", name="Remissinstanser för KS 2023/740 och deras svar")
    rad = matris.get_by_role("row", name="Utbildningsnämnden")
    expect(rad).to_contain_text("UN 2023/713")
    expect(rad).to_contain_text("Tilldelad")
    expect(rad).to_contain_text("Joakim Länninge")
    expect(matris.get_by_role("row", name="Södermalms stadsdelsnämnd")).to_contain_text("Avstår")
    expect(page.get_by_role("progressbar", name="Svarsläge för KS 2023/740")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name="Utbildningsnämnden").click()
    expect(page.get_by_text("Handläggare tilldelad: Joakim Länninge")).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_the_handläggare_finds_the_case_on_the_start_page_and_in_our_remisser(
    page, registrator, handläggare, un, remiss
):
    remiss.instanser.get(nämnd=un).tilldela(handläggare, av=registrator)
    NämndFactory()  # a nämnd the handläggare has nothing to do with
    logga_in(page, "joakim")
    expect(page.get_by_text("Remisser du bereder i utbildningsnämnden")).to_be_visible()
    expect(page.get_by_text("45 dagar kvar")).to_be_visible()
    page.get_by_role("link", name="Våra remisser").click()
    expect(page.get_by_text("Ditt ärende")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name="Mina").click()
    expect(page.get_by_role("link", name="KS 2023/740")).to_be_visible()
    page.get_by_role("link", name="KS 2023/740").click()
    expect(page.get_by_role("heading", name=remiss.titel)).to_be_visible()
    expect(page.get_by_role("heading", name="Registratorns åtgärder")).to_have_count(0)
    kontrollera_tillgänglighet(page)
