"""The whole flow of issue 3 in a real browser: KS registers and sends a remiss to three
nämnder; each nämnd's registrator registers and assigns it or declines; KS's overview, matrix
and exports show exactly that."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from nämnder.roller import Roll
from remiss.models import Remiss, Remissinstans
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.datum import idag
from tests.factories import AnvändareFactory, NämndFactory

TITEL = "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm"


@pytest.fixture
def trafik(db):
    return NämndFactory(namn="Trafiknämnden", kortnamn="Trafik", diarieprefix="TN")


@pytest.fixture
def registratorer(registrator, sod, trafik):
    """Maja in utbildningsnämnden (from conftest), Sven in Södermalm, Tove in trafiknämnden."""
    AnvändareFactory(username="sven", first_name="Sven", roller=[(sod, Roll.REGISTRATOR)])
    AnvändareFactory(username="tove", first_name="Tove", roller=[(trafik, Roll.REGISTRATOR)])


def _byt_till(page, användarnamn):
    page.get_by_role("button", name="Logga ut").click()
    logga_in(page, användarnamn)


def _ks_registrerar_och_skickar(page, remissdatum, svar_senast):
    logga_in(page, "karin")
    page.get_by_role("link", name="Remisser", exact=True).click()
    page.get_by_role("link", name="Registrera en remiss").click()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Diarienummer").fill("KS 2023/740")
    page.get_by_label("Titel").fill(TITEL)
    page.get_by_label("Rotel eller avsändare").fill("Stadsledningskontoret")
    page.get_by_label("Remissdatum").fill(f"{remissdatum:%Y-%m-%d}")
    page.get_by_label("Sista svarsdatum").fill(f"{svar_senast:%Y-%m-%d}")
    for nämnd in ("Utbildningsnämnden", "Södermalms stadsdelsnämnd", "Trafiknämnden"):
        page.get_by_label(nämnd, exact=True).check()
    page.get_by_role("button", name="Registrera remissen").click()
    expect(page.get_by_role("heading", name=TITEL)).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Skicka remissen till 3 remissinstanser").click()
    expect(page.get_by_text("Remissen är skickad till 3 remissinstanser.")).to_be_visible()
    expect(page.get_by_text("0 av 3 har svarat")).to_be_visible()
    kontrollera_tillgänglighet(page)


def _registrator_registrerar_och_tilldelar(page, användarnamn, dnr, handläggare):
    _byt_till(page, användarnamn)
    expect(page.get_by_text("1 ny remiss")).to_be_visible()
    page.get_by_role("link", name=f"KS 2023/740 {TITEL}").click()
    expect(page.get_by_label("Nämndens diarienummer")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_label("Nämndens diarienummer").fill(dnr)
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_text(f"Ärendet är registrerat som {dnr}.")).to_be_visible()
    page.get_by_role("combobox", name="Handläggare").select_option(label=handläggare)
    page.get_by_role("button", name="Tilldela").click()
    expect(page.get_by_text("Ärendet är tilldelat")).to_be_visible()
    kontrollera_tillgänglighet(page)


def _registrator_avstår(page, användarnamn, motivering):
    _byt_till(page, användarnamn)
    page.get_by_role("link", name="Inkorg", exact=True).click()
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name="KS 2023/740").click()
    page.get_by_label("Varför avstår nämnden?").fill(motivering)
    page.get_by_role("button", name="Avstå från att svara").click()
    expect(page.get_by_text("Nämnden avstår från att svara.")).to_be_visible()
    kontrollera_tillgänglighet(page)


def _ladda_ner(page, länktext):
    with page.expect_download() as nedladdning:
        page.get_by_role("link", name=länktext).click()
    with open(nedladdning.value.path(), "rb") as fil:
        return fil.read()


def test_ks_sends_three_nämnder_register_assign_or_decline_and_ks_sees_exactly_that(
    page, ks, ks_samordnare, un, sod, trafik, registratorer, handläggare, outsider
):
    i_dag = idag()
    svar_senast = i_dag + datetime.timedelta(days=45)
    _ks_registrerar_och_skickar(page, i_dag, svar_senast)
    _registrator_registrerar_och_tilldelar(page, "maja", "UN 2023/713", "Joakim Länninge, Utredare")
    _registrator_registrerar_och_tilldelar(
        page, "sven", "SOD 2023/713", "Josefin Lokvist, Utredare"
    )
    _registrator_avstår(page, "tove", "Remissen berör inte trafiknämndens ansvarsområde.")

    _byt_till(page, "karin")
    page.get_by_role("link", name="Remisser", exact=True).click()
    rad = page.get_by_role("row", name="KS 2023/740")
    expect(rad).to_contain_text("0 av 3 har svarat, 1 avstår")
    kontrollera_tillgänglighet(page)
    page.get_by_role("link", name="KS 2023/740").click()
    matris = page.get_by_role("table", name="Remissinstanser för KS 2023/740 och deras svar")
    förväntat = {
        "Utbildningsnämnden": ["UN 2023/713", "Tilldelad", "Joakim Länninge"],
        "Södermalms stadsdelsnämnd": ["SOD 2023/713", "Tilldelad", "Josefin Lokvist"],
        "Trafiknämnden": ["Avstår"],
    }
    for nämnd, texter in förväntat.items():
        for text in texter:
            expect(matris.get_by_role("row", name=nämnd)).to_contain_text(text)
    expect(page.get_by_role("progressbar", name="Svarsläge för KS 2023/740")).to_have_attribute(
        "value", "1"
    )
    expect(page.get_by_text("Nämnden avstår från att svara: Remissen berör inte")).to_be_visible()
    kontrollera_tillgänglighet(page)

    text = _ladda_ner(page, "CSV").decode("utf-8-sig")
    csv_rader = {rad[0]: rad for rad in csv.reader(io.StringIO(text), delimiter=";")}
    assert csv_rader["Utbildningsnämnden"][1:5] == [
        "UN 2023/713",
        "Tilldelad",
        "Nej",
        "Joakim Länninge",
    ]
    assert csv_rader["Södermalms stadsdelsnämnd"][1:5] == [
        "SOD 2023/713",
        "Tilldelad",
        "Nej",
        "Josefin Lokvist",
    ]
    assert csv_rader["Trafiknämnden"][2] == "Avstår"
    blad = load_workbook(io.BytesIO(_ladda_ner(page, "Excel (XLSX)"))).active
    xlsx_rader = {rad[0]: rad for rad in blad.iter_rows(values_only=True)}
    assert xlsx_rader["Utbildningsnämnden"][1:5] == (
        "UN 2023/713",
        "Tilldelad",
        "Nej",
        "Joakim Länninge",
    )
    assert xlsx_rader["Trafiknämnden"][2] == "Avstår"
    assert len(xlsx_rader) == 4  # the heading row and the three nämnder

    remiss = Remiss.objects.get(diarienummer="KS 2023/740")
    assert remiss.status == Remiss.Status.UTSKICKAD and remiss.sista_svarsdatum == svar_senast
    assert dict(remiss.instanser.values_list("nämnd__kortnamn", "status")) == {
        "Utbildning": Remissinstans.Status.TILLDELAD,
        "Södermalm": Remissinstans.Status.TILLDELAD,
        "Trafik": Remissinstans.Status.AVSTÅR,
    }
