"""KS's remissamordnare registers a remiss, attaches a handling and sends it, in a real browser;
and decides an anstånd. Every page is checked with axe-core."""

import datetime

import pytest
from playwright.sync_api import expect

from nämnder.models import Nämnd
from remiss.models import Anstånd, Remiss
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.datum import idag
from tests.factories import NämndFactory, RemissFactory
from tests.remiss.test_handlingar import PDF


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def stadsdelar(sod):
    return [sod, NämndFactory(namn="Farsta stadsdelsnämnd", typ=Nämnd.Typ.STADSDELSNÄMND)]


def test_the_remissamordnare_registers_attaches_and_sends_a_remiss(
    page, ks_samordnare, un, stadsdelar
):
    i_dag = idag()
    NämndFactory(namn="Trafiknämnden")
    logga_in(page, "karin")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Ny remiss").click()
    expect(page.get_by_role("heading", name="Registrera en remiss")).to_be_visible()
    kontrollera_tillgänglighet(page)

    page.get_by_label("Diarienummer").fill("ks 2023/740")
    page.get_by_label("Titel").fill(
        "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm"
    )
    page.get_by_label("Rotel eller avsändare").fill("Rotel I")
    page.get_by_label("Kontaktperson").select_option(label="Karin Sjöberg, Remissamordnare")
    page.get_by_label("Remissdatum").fill(i_dag.isoformat())
    page.get_by_label("Sista svarsdatum").fill((i_dag + datetime.timedelta(days=45)).isoformat())
    page.get_by_label("Samtliga stadsdelsnämnder").check()
    expect(page.get_by_label("Farsta stadsdelsnämnd")).to_be_checked()
    page.get_by_label("Utbildningsnämnden").check()
    expect(page.get_by_label("Trafiknämnden")).not_to_be_checked()
    page.get_by_role("button", name="Registrera remissen").click()

    expect(page.get_by_text("Remissen KS 2023/740")).to_be_visible()
    expect(page.get_by_text("Utkast", exact=True)).to_be_visible()
    kontrollera_tillgänglighet(page)

    page.get_by_role("link", name="Bifoga handlingar").click()
    page.get_by_label("Filer").set_input_files(
        [{"name": "Överenskommelse.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Ladda upp").click()
    expect(page.get_by_text("1 handling är bifogad.")).to_be_visible()
    expect(page.get_by_role("link", name="Överenskommelse.pdf")).to_be_visible()
    kontrollera_tillgänglighet(page)

    page.get_by_role("link", name="Tillbaka till remissen KS 2023/740").click()
    page.get_by_role("button", name="Skicka remissen till 3 remissinstanser").click()
    expect(page.get_by_text("Remissen är skickad till 3 remissinstanser.")).to_be_visible()
    expect(page.get_by_text("Utskickad", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Farsta stadsdelsnämnd")).to_be_visible()
    kontrollera_tillgänglighet(page)

    remiss = Remiss.objects.get()
    assert remiss.status == Remiss.Status.UTSKICKAD and remiss.handlingar.count() == 1
    assert sorted(remiss.instanser.values_list("nämnd__namn", flat=True)) == [
        "Farsta stadsdelsnämnd",
        "Södermalms stadsdelsnämnd",
        "Utbildningsnämnden",
    ]


def test_a_malformed_diarienummer_is_explained_and_nothing_typed_is_lost(page, ks_samordnare, un):
    i_dag = idag()
    logga_in(page, "karin")
    page.goto("/remisser/ny/")
    page.get_by_label("Diarienummer").fill("KS-2023-740")
    page.get_by_label("Titel").fill("Trygghetsprogram")
    page.get_by_label("Remissdatum").fill(i_dag.isoformat())
    page.get_by_label("Sista svarsdatum").fill(i_dag.isoformat())
    page.get_by_label("Utbildningsnämnden").check()
    page.get_by_role("button", name="Registrera remissen").click()
    expect(page.get_by_role("heading", name="Formuläret kunde inte sparas")).to_be_visible()
    expect(page.get_by_text("KS-2023-740 är inget giltigt diarienummer.").first).to_be_visible()
    expect(page.get_by_label("Titel")).to_have_value("Trygghetsprogram")
    expect(page.get_by_label("Utbildningsnämnden")).to_be_checked()
    kontrollera_tillgänglighet(page)
    assert not Remiss.objects.exists()


def test_the_remissamordnare_refuses_an_anstånd_with_a_reason(
    page, ks, ks_samordnare, un, registrator
):
    remiss = RemissFactory(nämnd=ks, diarienummer="KS 2023/740", mottagare=[un])
    remiss.skicka(av=ks_samordnare)
    anstånd = Anstånd.begär(
        remiss.instanser.get(),
        remiss.sista_svarsdatum + datetime.timedelta(days=14),
        "Nämnden sammanträder först i november.",
        registrator,
    )
    logga_in(page, "karin")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Anstånd").click()
    expect(page.get_by_text("Nämnden sammanträder först i november.")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Avslå anstånd för Utbildningsnämnden").click()
    expect(page.get_by_text("Skriv varför anståndet avslås.").first).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Motivering till beslutet").fill("Svaren behövs inför beslutet.")
    page.get_by_role("button", name="Avslå anstånd för Utbildningsnämnden").click()
    expect(page.get_by_text("Det finns inga obesvarade begäranden om anstånd.")).to_be_visible()
    anstånd.refresh_from_db()
    assert anstånd.status == Anstånd.Status.AVSLAGET
