"""The issue's "done when": the nämndsekreterare puts the attested utlåtande on a meeting,
records the beslut with a särskilt uttalande by two parties and sends the answer to KS; KS sees
the nämnd as answered with the date, and the sammanställning shows its summary and statement."""

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.factories import SammanträdeFactory


def test_the_secretary_decides_and_answers_and_ks_sees_it(
    page,
    attesterat,
    un,
    nämndsekreterare,
    ks_samordnare,  # noqa: F811
):
    möte = SammanträdeFactory(nämnd=un, datum=timezone.localdate())
    logga_in(page, "erik")
    page.get_by_role("link", name=f"Sammanträde {möte.datum:%Y-%m-%d} i utbildningsnämnden").click()
    kontrollera_tillgänglighet(page)
    page.get_by_role("combobox", name="Attesterat tjänsteutlåtande").select_option(index=1)
    page.get_by_label("Ärendenummer").fill("10")
    page.get_by_role("button", name="Lägg på föredragningslistan").click()
    expect(page.get_by_role("heading", name="Ärende 10:", exact=False)).to_be_visible()
    expect(page.get_by_label("Nämndens beslut")).to_contain_text("1. Utbildningsnämnden godkänner")
    expect(page.get_by_label("Beslutet justeras omedelbart")).to_be_checked()
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.get_by_text("Beslutet är registrerat.")).to_be_visible()

    # The page's fonts and styles loaded first: a layout shift under a loaded machine moved a
    # checkbox between Playwright's "stable" and its click, which then hit its neighbour.
    page.wait_for_load_state("load")
    page.get_by_text("Lägg till ett särskilt uttalande eller en reservation").click()
    expect(page.get_by_label("Moderaterna (M)")).to_be_visible()
    page.get_by_label("Liberalerna (L)").check()
    page.get_by_label("Moderaterna (M)").check()
    page.get_by_label("Ledamöter").fill("Pernilla Enebrink m.fl. (L)\nJohan Nilsson m.fl. (M)")
    page.get_by_label("Text (obligatoriskt)", exact=True).fill(
        "Det är viktigt att det finns fasta lokala arbetsgrupper."
    )
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Lägg till uttalandet").click()
    expect(page.get_by_role("heading", name="Särskilt uttalande (M, L)")).to_be_visible()
    page.get_by_role("button", name="Skicka svaret till kommunstyrelsen").click()
    expect(page.get_by_text("Svar 1 är skickat till kommunstyrelsen.")).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.get_by_role("button", name="Logga ut").click()

    logga_in(page, "karin")
    page.goto(f"/remisser/{attesterat.instans.remiss_id}/")
    rad = page.get_by_role("row", name="Utbildningsnämnden UN 2031/1234")
    expect(rad).to_contain_text("Besvarad")
    expect(rad).to_contain_text(f"{timezone.localdate():%Y-%m-%d}")
    page.goto(f"/beslut/sammanstallningar/{attesterat.instans.remiss_id}/")
    expect(page.get_by_text("1 av 2 har svarat")).to_be_visible()
    expect(page.get_by_text("Text om sammanfattning.")).to_be_visible()
    expect(page.get_by_role("heading", name="Särskilt uttalande (M, L)")).to_be_visible()
    kontrollera_tillgänglighet(page)
