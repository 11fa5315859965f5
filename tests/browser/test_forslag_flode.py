"""Issue 15's stance on every proposal, in a real browser: KS registers a remiss with three
förslag; a nämnd answers through its whole chain – the handläggare takes a stance on each förslag
in the editor (autosaved), review refuses a missing one, the avdelningschef approves, the
direktör attests, the nämndsekreterare's beslut is pre-filled with the stances and the svar goes
to KS; KS sees the answer in the matrix and the by-proposal view, downloads it as XLSX and DOCX
and starts its own tjänsteutlåtande pre-filled from it."""

import datetime
import io
import re

import docx
import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nämnder.roller import Roll
from remiss.models import Remiss, Ställningstagande
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.datum import idag
from tests.factories import AnvändareFactory, SammanträdeFactory
from tests.kedja import skriv_klart
from yttranden.models import Tjänsteutlåtande

TITEL = "Program för ett tryggt och säkert Stockholm 2024–2027"
FÖRSLAG = [
    "Unga i riskzon för destruktivt beteende",
    "Otrygga och brottsutsatta platser",
    "Kriminella miljöer och livsstilar",
]


@pytest.fixture
def ks_handläggare(ks):
    return AnvändareFactory(
        username="kalle",
        first_name="Kalle",
        last_name="Ek",
        befattning="Utredare",
        roller=[(ks, Roll.HANDLÄGGARE)],
    )


def byt_person(page, användarnamn):
    page.get_by_role("button", name="Logga ut").click()
    logga_in(page, användarnamn)


def grupp(page, nummer):
    return page.get_by_role("group", name=f"Förslag {nummer}. {FÖRSLAG[nummer - 1]}")


def vänta_på_sparat(page):
    expect(page.locator("#sparstatus")).to_have_text(re.compile(r"^Sparat \d\d:\d\d$"))


def ks_registrerar_med_förslag(page):
    i_dag = idag()
    logga_in(page, "karin")
    page.goto("/remisser/ny/")
    page.get_by_label("Diarienummer").fill("KS 2024/739")
    page.get_by_label("Titel").fill(TITEL)
    page.get_by_label("Remissdatum").fill(f"{i_dag:%Y-%m-%d}")
    page.get_by_label("Sista svarsdatum").fill(f"{i_dag + datetime.timedelta(days=45):%Y-%m-%d}")
    page.get_by_label("Utbildningsnämnden", exact=True).check()
    for rad, rubrik in enumerate(FÖRSLAG):
        page.locator(f"#id_forslag-{rad}-rubrik").fill(rubrik)
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Registrera remissen").click()
    expect(page.get_by_role("heading", name=TITEL)).to_be_visible()
    lista = page.get_by_role("list", name="Förslag att ta ställning till")
    expect(lista.get_by_role("listitem")).to_have_count(3)
    page.get_by_role("button", name="Skicka remissen till 1 remissinstans").click()
    expect(page.get_by_text("Remissen är skickad till 1 remissinstanser.")).to_be_visible()


def handläggaren_tar_ställning(page, utlåtande):
    byt_person(page, "joakim")
    page.goto(f"/utlatanden/{utlåtande.pk}/redigera/")
    expect(page.get_by_role("heading", name="Ställningstaganden")).to_be_visible()
    kontrollera_tillgänglighet(page)
    grupp(page, 1).get_by_label("Tillstyrker", exact=True).check()
    grupp(page, 3).get_by_label("Avstyrker", exact=True).check()
    grupp(page, 3).get_by_label("Kommentar till förslag 3").fill("Saknar finansiering i skolan.")
    vänta_på_sparat(page)
    page.get_by_role("button", name="Skicka till granskning").click()
    expect(
        page.get_by_text(f"Välj ett ställningstagande till förslag 2 ”{FÖRSLAG[1]}”.")
    ).to_be_visible()
    page.goto(f"/utlatanden/{utlåtande.pk}/redigera/")
    expect(grupp(page, 3).get_by_label("Avstyrker", exact=True)).to_be_checked()
    grupp(page, 2).get_by_label("Tillstyrker med ändringar", exact=True).check()
    grupp(page, 2).get_by_label("Kommentar till förslag 2").fill("Lägg till skolans roll.")
    vänta_på_sparat(page)
    page.get_by_role("button", name="Skicka till granskning").click()
    expect(page.get_by_text("Utlåtandet är skickat till Ulrika Klemets")).to_be_visible()


def granskas_och_attesteras(page, utlåtande):
    byt_person(page, "ulrika")
    page.goto(f"/utlatanden/{utlåtande.pk}/")
    tabell = page.get_by_role("table", name="Ställningstagande och kommentar per förslag")
    expect(tabell.get_by_role("row", name=re.compile("^3\\. Kriminella"))).to_contain_text(
        "Avstyrker"
    )
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Godkänn").click()
    expect(page.get_by_text("Utlåtandet är godkänt")).to_be_visible()
    byt_person(page, "lena")
    page.goto(f"/utlatanden/{utlåtande.pk}/")
    page.get_by_role("button", name="Attestera").click()
    expect(page.get_by_text("Utlåtandet är attesterat. Texten är nu låst.")).to_be_visible()
    page.get_by_role("link", name="Förhandsgranska dokumentet").click()
    expect(
        page.get_by_role("heading", name="Ställningstaganden till remissens förslag")
    ).to_be_visible()
    kontrollera_tillgänglighet(page)


def nämnden_beslutar_och_svarar(page, möte):
    byt_person(page, "erik")
    page.goto(f"/beslut/sammantraden/{möte.pk}/")
    page.get_by_role("combobox", name="Attesterat tjänsteutlåtande").select_option(index=1)
    page.get_by_label("Ärendenummer").fill("7")
    page.get_by_role("button", name="Lägg på föredragningslistan").click()
    expect(grupp(page, 1).get_by_label("Tillstyrker", exact=True)).to_be_checked()
    expect(grupp(page, 2).get_by_label("Tillstyrker med ändringar", exact=True)).to_be_checked()
    expect(grupp(page, 3).get_by_label("Kommentar till förslag 3")).to_have_value(
        "Saknar finansiering i skolan."
    )
    kontrollera_tillgänglighet(page)
    # The nämnd decided otherwise on the third förslag.
    grupp(page, 3).get_by_label("Tillstyrker med ändringar", exact=True).check()
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.get_by_text("Beslutet är registrerat.")).to_be_visible()
    page.get_by_role("button", name="Skicka svaret till kommunstyrelsen").click()
    expect(page.get_by_text("Svar 1 är skickat till kommunstyrelsen.")).to_be_visible()


def _ladda_ner(page, länktext):
    with page.expect_download() as nedladdning:
        page.get_by_role("link", name=länktext).click()
    with open(nedladdning.value.path(), "rb") as fil:
        return fil.read()


def ks_sammanställer(page):
    byt_person(page, "karin")
    remiss = Remiss.objects.get(diarienummer="KS 2024/739")
    page.goto(f"/remisser/{remiss.pk}/")
    rad = page.get_by_role("row", name=re.compile("^Utbildningsnämnden"))
    expect(rad).to_contain_text("Besvarad")
    page.get_by_role("link", name="Remissvaren per förslag").click()
    expect(
        page.get_by_text("1 av 1 remissinstanser har lämnat ställningstaganden.")
    ).to_be_visible()
    förslag3 = page.get_by_role("table", name="Ställningstaganden till förslag 3")
    expect(
        förslag3.get_by_role("row", name=re.compile("^Tillstyrker med ändringar"))
    ).to_contain_text("Utbildningsnämnden")
    expect(
        page.get_by_text("Utbildningsnämnden (tillstyrker med ändringar): Lägg till")
    ).to_be_visible()
    matris = page.get_by_role(
        "table", name="Varje remissinstans ställningstagande till varje förslag"
    )
    expect(matris.get_by_role("row", name=re.compile("^Utbildningsnämnden"))).to_contain_text(
        "Svarat"
    )
    kontrollera_tillgänglighet(page)

    bok = openpyxl.load_workbook(io.BytesIO(_ladda_ner(page, "Excel (XLSX)")))
    matrisrader = {rad[0]: rad for rad in bok["Matris"].values}
    assert matrisrader["Utbildningsnämnden"][2:] == (
        "Tillstyrker",
        "Tillstyrker med ändringar",
        "Tillstyrker med ändringar",
    )
    dokument = docx.Document(
        io.BytesIO(_ladda_ner(page, "Word (DOCX) att klistra in i ett tjänsteutlåtande"))
    )
    text = "\n".join(p.text for p in dokument.paragraphs)
    assert f"Förslag 2. {FÖRSLAG[1]}" in text
    assert "Utbildningsnämnden (tillstyrker med ändringar): Lägg till skolans roll." in text

    page.get_by_role("combobox", name="Handläggare i kommunstyrelsen").select_option(
        label="Kalle Ek, Utredare"
    )
    page.get_by_role("button", name="Påbörja kommunstyrelsens tjänsteutlåtande").click()
    expect(page.get_by_text("Kommunstyrelsens tjänsteutlåtande är påbörjat")).to_be_visible()
    expect(
        page.get_by_text("Tillstyrker med ändringar (1): Utbildningsnämnden").first
    ).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_a_nämnd_answers_per_förslag_and_ks_compiles_and_starts_its_own_utlåtande(
    page,
    ks,
    un,
    ks_samordnare,
    ks_handläggare,
    registrator,
    handläggare,
    avdelningschef,
    direktör,
    nämndsekreterare,
):
    ks_registrerar_med_förslag(page)
    instans = Remiss.objects.get(diarienummer="KS 2024/739").instanser.get()
    instans.registrera("UN 2024/88", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    skriv_klart(utlåtande, handläggare)

    handläggaren_tar_ställning(page, utlåtande)
    granskas_och_attesteras(page, utlåtande)
    nämnden_beslutar_och_svarar(page, SammanträdeFactory(nämnd=un, datum=timezone.localdate()))
    assert [
        s.ståndpunkt for s in Ställningstagande.objects.filter(instans=instans).order_by("förslag")
    ] == ["tillstyrker", "tillstyrker_med_andringar", "tillstyrker_med_andringar"]
    ks_sammanställer(page)
    eget = Tjänsteutlåtande.objects.get(instans__eget=True)
    assert eget.instans.handläggare == ks_handläggare
