"""Real headless Chromium (Debian's package) driven by Playwright against pytest-django's live
server, and axe-core for WCAG 2.1 AA checks."""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
# browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WCAG_TAGGAR = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ALLVARLIGA = {"serious", "critical"}
_axe = Axe()


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Chromium saknas: `make test` installerar Debians paket chromium.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def logga_in(page, användarnamn, lösenord="rätt-lösenord"):
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill(användarnamn)
    page.get_by_label("Lösenord").fill(lösenord)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()


def kontrollera_tillgänglighet(page):
    """Fail on any serious or critical WCAG 2.1 A/AA violation axe-core finds on the page."""
    page.wait_for_load_state("load")  # axe needs the whole document, not one being replaced
    svar = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGGAR}}).response
    fel = [v for v in svar["violations"] if v["impact"] in ALLVARLIGA]
    beskrivning = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in fel
    )
    assert not fel, f"Tillgänglighetsfel på {page.url}:\n{beskrivning}"
