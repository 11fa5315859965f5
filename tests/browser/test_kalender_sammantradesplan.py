"""A nämndsekreterare imports the nämnd's sammanträdesplan from a CSV file in the browser."""

from playwright.sync_api import expect

from nämnder.models import Sammanträde
from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.datum import nästa_år


def csv(text):
    return {"name": "sammantradesplan.csv", "mimeType": "text/csv", "buffer": text.encode()}


def till_importen(page, un):
    logga_in(page, "erik")
    page.goto(f"/namnder/{un.pk}/")
    page.get_by_role("link", name="Importera hela sammanträdesplanen från en CSV-fil").click()
    expect(page.get_by_role("heading", name="Importera sammanträdesplan")).to_be_visible()


def test_a_nämndsekreterare_imports_the_plan_from_a_csv_file(page, nämndsekreterare, un):
    år = nästa_år()
    till_importen(page, un)
    kontrollera_tillgänglighet(page)
    page.get_by_label("CSV-fil med sammanträdesplanen").set_input_files(
        csv(f"Datum;Tid;Plats\n{år}-02-12;17:30;Stadshuset, sal 3\n{år}-03-19;17:30;\n")
    )
    page.get_by_role("button", name="Importera").click()
    expect(page.get_by_text("2 sammanträden är importerade (2 nya, 0 ändrade).")).to_be_visible()
    tabell = page.get_by_role("table", name=f"Kommande sammanträden i {un.namn}")
    expect(tabell.get_by_role("cell", name=f"{år}-02-12", exact=True)).to_be_visible()
    expect(tabell.get_by_role("cell", name="Stadshuset, sal 3")).to_be_visible()
    kontrollera_tillgänglighet(page)


def test_a_bad_file_is_refused_line_by_line_and_nothing_is_imported(page, nämndsekreterare, un):
    år = nästa_år()
    till_importen(page, un)
    page.get_by_label("CSV-fil med sammanträdesplanen").set_input_files(
        csv(f"Datum;Tid;Plats\n{år}-02-12;17:30;Stadshuset\n19 mars;;\n{år}-04-01;kl 5;\n")
    )
    page.get_by_role("button", name="Importera").click()
    expect(page.get_by_text("Rad 3: ”19 mars” är inget datum.", exact=False).first).to_be_visible()
    expect(page.get_by_text("Rad 4: ”kl 5” är ingen tid.", exact=False).first).to_be_visible()
    kontrollera_tillgänglighet(page)
    assert not Sammanträde.objects.exists()
