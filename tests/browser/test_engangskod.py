"""Joakim turns on a one-time code the way a person does: scans (here: reads) the key on his own
page, confirms with a first code, logs out, and logs in again with password and code."""

from base64 import b32decode

from django_otp.oath import totp
from playwright.sync_api import expect

from tests.browser.conftest import kontrollera_tillgänglighet, logga_in
from tests.vanta import vänta_tills


def _kod(nyckel, steg=0):
    """What the phone's app shows for ``nyckel`` (the base32 text on the page)."""
    return f"{totp(b32decode(nyckel.replace(' ', '')), drift=steg):06d}"


def test_joakim_sets_up_a_code_and_logs_in_with_password_and_code(page, handläggare):
    logga_in(page, "joakim")
    page.get_by_role("link", name="Engångskod").click()
    expect(page.get_by_role("heading", name="Engångskod vid inloggning")).to_be_visible()
    expect(page.get_by_role("img", name="QR-kod med nyckeln till din engångskod")).to_be_visible()
    kontrollera_tillgänglighet(page)
    nyckel = page.locator("#hemlighet").inner_text()

    page.get_by_role("textbox", name="Engångskod").fill(
        "000000" if _kod(nyckel) != "000000" else "111111"
    )
    page.get_by_role("button", name="Slå på engångskod").click()
    expect(page.locator("#id_kod_fel")).to_contain_text("Koden stämmer inte")
    kontrollera_tillgänglighet(page)
    page.get_by_role("textbox", name="Engångskod").fill(_kod(nyckel))
    page.get_by_role("button", name="Slå på engångskod").click()
    expect(page.get_by_text("Engångskoden är påslagen")).to_be_visible()
    expect(page.get_by_role("heading", name="Som handläggare")).to_be_visible()

    page.get_by_role("button", name="Logga ut").click()
    page.get_by_label("Användarnamn").fill("joakim")
    page.get_by_label("Lösenord").fill("rätt-lösenord")
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Skriv din engångskod")).to_be_visible()
    kontrollera_tillgänglighet(page)
    # the code the confirmation used is spent; the app's next one is accepted
    page.get_by_role("textbox", name="Engångskod").fill(_kod(nyckel, steg=1))
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Som handläggare")).to_be_visible()
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()


def test_joakim_removes_his_code_with_the_code_from_his_phone(page, handläggare):
    """An open session is not enough to take the second factor away: the page asks for the
    app's code, refuses a wrong one in Swedish and removes the code with the right one."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    enhet = TOTPDevice.objects.create(user=handläggare, name="Remiss", confirmed=True)

    def kod(steg=0):
        return f"{totp(enhet.bin_key, drift=steg):06d}"

    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("joakim")
    page.get_by_label("Lösenord").fill("rätt-lösenord")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("textbox", name="Engångskod").fill(kod())
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("link", name="Engångskod").click()
    expect(page.get_by_text("Engångskod är påslagen")).to_be_visible()
    kontrollera_tillgänglighet(page)

    page.get_by_role("textbox", name="Engångskod").fill("000000" if kod(1) != "000000" else "1" * 6)
    page.get_by_role("button", name="Ta bort engångskoden").click()
    expect(page.locator("#id_ta_bort-kod_fel")).to_contain_text("Koden stämmer inte")
    kontrollera_tillgänglighet(page)
    assert TOTPDevice.objects.filter(user=handläggare).exists()

    # After a wrong code the device tries no code for a second (then two, four …), as a person
    # takes that long to read the app again.
    vänta_tills(lambda: TOTPDevice.objects.get(pk=enhet.pk).verify_is_allowed()[0])
    # The app's next code, as the device counts steps: a login across a 30-second boundary
    # (the code of the step before) teaches it a drift of -1, and the next step is then now.
    enhet.refresh_from_db()
    page.get_by_role("textbox", name="Engångskod").fill(kod(enhet.drift + 1))
    page.get_by_role("button", name="Ta bort engångskoden").click()
    expect(page.get_by_text("Engångskoden är borttagen")).to_be_visible()
    assert not TOTPDevice.objects.filter(user=handläggare).exists()
