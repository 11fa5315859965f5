"""The editor's formatting toolbar as assistive technology meets it: a button the editor greys
out where the cursor is (Ångra before anything is written) is announced as unavailable, and
becomes available when it does something. The draft is the shared chain's (tests/kedja.py)."""

from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in


def test_a_greyed_out_button_is_announced_as_unavailable(page, utlåtande):
    logga_in(page, "joakim")
    page.goto(f"/utlatanden/{utlåtande.pk}/redigera/")
    sammanfattning = page.get_by_role("textbox", name="Text: Sammanfattning", exact=True)
    verktygsrad = page.get_by_role("toolbar").filter(has=page.get_by_role("button", name="Ångra"))
    ångra = verktygsrad.first.get_by_role("button", name="Ångra")
    expect(ångra).to_have_attribute("aria-disabled", "true")
    kontrollera_tillgänglighet(page)

    sammanfattning.click()
    page.keyboard.type("Nämnden tillstyrker förslaget.")
    ångra = (
        page.locator(".ProseMirror-focused")
        .locator("xpath=ancestor::*[contains(@class,'prose-editor')][1]")
        .get_by_role("button", name="Ångra")
    )
    expect(ångra).to_have_attribute("aria-disabled", "false")
    kontrollera_tillgänglighet(page)
