"""Logging in with the kommun's account through a real SAML IdP, a process of its own
(pysaml2's Server, tests/idp/saml_idp.py): Anna's groups give her roles, losing a group loses
the role, single logout ends both sessions, and a tampered, expired, misaddressed or replayed
assertion is refused in Swedish with nothing created."""

import pytest
from playwright.sync_api import expect

from nämnder.models import ExternIdentitet, Rollhändelse
from nämnder.roller import Roll
from tests.browser.conftest import kontrollera_tillgänglighet
from tests.browser.kommunkonto import anna_är_inloggad_med_sina_grupper, roller_för
from tests.idp.fixtures import LÖSENORD


def logga_in_via_saml(page, användarnamn, lösenord=LÖSENORD):
    page.goto("/logga-in/")
    page.get_by_role("link", name="Logga in med kommunens konto").click()
    expect(page.get_by_role("heading", name="Kommunens SAML-inloggning")).to_be_visible()
    page.get_by_label("Användarnamn hos kommunen").fill(användarnamn)
    page.get_by_label("Lösenord hos kommunen").fill(lösenord)
    page.get_by_role("button", name="Logga in hos kommunen").click()


def test_the_metadata_is_at_its_stable_url_and_asks_for_signed_assertions(page, saml_idp):
    svar = page.request.get("/logga-in/saml/metadata/")
    assert svar.ok
    assert 'WantAssertionsSigned="true"' in svar.text()
    assert "/logga-in/saml/acs/" in svar.text()


def test_anna_logs_in_through_saml_and_gets_the_roles_of_her_groups(
    page, saml_idp, django_user_model
):
    page.goto("/logga-in/")
    kontrollera_tillgänglighet(page)
    logga_in_via_saml(page, "anna")

    anna = anna_är_inloggad_med_sina_grupper(page, django_user_model)
    assert all("SAML" in h.källa for h in Rollhändelse.objects.filter(användare=anna))


def test_anna_loses_a_role_when_her_group_is_removed_and_logs_out_of_both(
    page, saml_idp, django_user_model
):
    logga_in_via_saml(page, "anna")
    expect(page.get_by_role("heading", name="Som handläggare")).to_be_visible()
    saml_idp.sätt_grupper("anna", ["KS-Lasare"])

    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", name="Logga in i Remiss")).to_be_visible()
    logga_in_via_saml(page, "anna")  # the IdP's session ended: she gives her password again

    expect(page.get_by_role("heading", name="Som läsare i kommunstyrelsen")).to_be_visible()
    expect(page.get_by_role("heading", name="Som handläggare")).to_have_count(0)
    anna = django_user_model.objects.get()
    assert roller_för(anna) == {("KS", Roll.LÄSARE)}
    tagen = Rollhändelse.objects.get(användare=anna, typ=Rollhändelse.Typ.TAGEN)
    assert (tagen.nämnd.kortnamn, tagen.roll) == ("Utbildning", Roll.HANDLÄGGARE)


def test_olle_whose_groups_give_no_role_is_told_whom_to_ask(page, saml_idp, django_user_model):
    logga_in_via_saml(page, "olle")
    expect(page.get_by_role("heading", name="Du har ingen roll i Remiss ännu")).to_be_visible()
    assert not django_user_model.objects.exists()


@pytest.mark.parametrize(
    ("fel", "meddelande"),
    [
        ("signatur", "ogiltig signatur"),
        ("utgången", "har gått ut"),
        ("audience", "inte utfärdat för Remiss"),
    ],
)
def test_a_tampered_expired_or_misaddressed_assertion_is_refused_with_nothing_created(
    page, saml_idp, django_user_model, fel, meddelande
):
    saml_idp.sätt_fel(**{fel: True})
    logga_in_via_saml(page, "anna")

    expect(page.get_by_role("heading", name="Inloggningen nekades")).to_be_visible()
    expect(page.get_by_text(meddelande)).to_be_visible()
    kontrollera_tillgänglighet(page)
    assert not django_user_model.objects.exists()
    assert not ExternIdentitet.objects.exists()


def test_a_replayed_assertion_is_refused(page, saml_idp, django_user_model):
    svar = []
    page.on(
        "request",
        lambda r: svar.append(r.post_data) if r.url.endswith("/logga-in/saml/acs/") else None,
    )
    logga_in_via_saml(page, "anna")
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", name="Logga in i Remiss")).to_be_visible()

    # The same POST again, as an attacker who captured it would send it.
    page.evaluate(
        """(kropp) => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = "/logga-in/saml/acs/";
            for (const [namn, värde] of new URLSearchParams(kropp)) {
                const fält = document.createElement("input");
                fält.type = "hidden"; fält.name = namn; fält.value = värde;
                form.appendChild(fält);
            }
            document.body.appendChild(form);
            form.submit();
        }""",
        svar[0],
    )

    expect(page.get_by_role("heading", name="Inloggningen nekades")).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("heading", name="Logga in i Remiss")).to_be_visible()
