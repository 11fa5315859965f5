"""Logging in with the kommun's account through a real OpenID Connect provider, a process of
its own (tests/idp/oidc_provider.py): Anna's groups give her roles, losing a group loses the
role, logging out ends both sessions, and every forged or stale answer is refused in Swedish
with nothing created."""

import pytest
from playwright.sync_api import expect

from nämnder.models import ExternIdentitet, Rollhändelse
from nämnder.roller import Roll
from tests.browser.conftest import kontrollera_tillgänglighet
from tests.browser.kommunkonto import anna_är_inloggad_med_sina_grupper, roller_för
from tests.idp.fixtures import LÖSENORD


def logga_in_hos_kommunen(page, användarnamn, lösenord=LÖSENORD):
    page.goto("/logga-in/")
    page.get_by_role("link", name="Logga in med kommunens konto").click()
    page.get_by_label("Användarnamn hos kommunen").fill(användarnamn)
    page.get_by_label("Lösenord hos kommunen").fill(lösenord)
    page.get_by_role("button", name="Logga in hos kommunen").click()


def test_anna_logs_in_with_the_kommuns_account_and_gets_the_roles_of_her_groups(
    page, oidc_idp, django_user_model
):
    page.goto("/logga-in/")
    kontrollera_tillgänglighet(page)
    logga_in_hos_kommunen(page, "anna")

    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    anna = anna_är_inloggad_med_sina_grupper(page, django_user_model)
    historik = Rollhändelse.objects.filter(användare=anna)
    assert {(h.typ, h.roll) for h in historik} == {
        ("given", Roll.HANDLÄGGARE),
        ("given", Roll.LÄSARE),
    }
    assert all("OIDC" in h.källa and h.utförd_av is None for h in historik)


def test_anna_loses_a_role_when_her_group_is_removed_and_logs_out_of_both(
    page, oidc_idp, django_user_model
):
    logga_in_hos_kommunen(page, "anna")
    expect(page.get_by_role("heading", name="Som handläggare")).to_be_visible()
    oidc_idp.sätt_grupper("anna", ["KS-Lasare"])

    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", name="Logga in i Remiss")).to_be_visible()
    # The IdP's session ended too: coming back, Anna is asked for her password again.
    logga_in_hos_kommunen(page, "anna")

    expect(page.get_by_role("heading", name="Som läsare i kommunstyrelsen")).to_be_visible()
    expect(page.get_by_role("heading", name="Som handläggare")).to_have_count(0)
    anna = django_user_model.objects.get(externa_identiteter__subjekt="a1b2c3-anna")
    assert roller_för(anna) == {("KS", Roll.LÄSARE)}
    tagen = Rollhändelse.objects.get(användare=anna, typ=Rollhändelse.Typ.TAGEN)
    assert (tagen.nämnd.kortnamn, tagen.roll) == ("Utbildning", Roll.HANDLÄGGARE)
    assert django_user_model.objects.count() == 1


def test_olle_whose_groups_give_no_role_is_told_whom_to_ask_and_nothing_is_created(
    page, oidc_idp, django_user_model, settings
):
    settings.REMISS_SSO_KONTAKT = "IT-servicedesk, 08-508 000 00"
    logga_in_hos_kommunen(page, "olle")

    expect(page.get_by_role("heading", name="Du har ingen roll i Remiss ännu")).to_be_visible()
    expect(page.get_by_text("IT-servicedesk, 08-508 000 00")).to_be_visible()
    kontrollera_tillgänglighet(page)
    assert not django_user_model.objects.exists()
    assert not ExternIdentitet.objects.exists()


@pytest.mark.parametrize(
    ("fel", "meddelande"),
    [
        ("signatur", "ogiltig signatur"),
        ("utgången", "har gått ut"),
        ("audience", "inte utfärdat för Remiss"),
        ("nonce", "inte utfärdat för Remiss"),
        ("state", "state stämmer inte"),
    ],
)
def test_a_forged_or_stale_answer_from_the_idp_is_refused_in_swedish_with_nothing_created(
    page, oidc_idp, django_user_model, fel, meddelande
):
    oidc_idp.sätt_fel(**{fel: True})
    logga_in_hos_kommunen(page, "anna")

    expect(page.get_by_role("heading", name="Inloggningen nekades")).to_be_visible()
    expect(page.get_by_text(meddelande)).to_be_visible()
    kontrollera_tillgänglighet(page)
    page.goto("/")
    expect(page.get_by_role("heading", name="Logga in i Remiss")).to_be_visible()
    assert not django_user_model.objects.exists()
    assert not Rollhändelse.objects.exists()


def test_a_replayed_answer_from_the_idp_is_refused(page, oidc_idp, django_user_model):
    svar = []
    page.on("request", lambda r: svar.append(r.url) if "/logga-in/oidc/retur/" in r.url else None)
    logga_in_hos_kommunen(page, "anna")
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", name="Logga in i Remiss")).to_be_visible()

    page.goto(svar[0])

    expect(page.get_by_role("heading", name="Inloggningen nekades")).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("heading", name="Logga in i Remiss")).to_be_visible()
