"""Every URL of the way in through the kommun's IdP, for every kind of person: they are public
(one has to reach them before being logged in), do nothing for a GET but send the browser to
the IdP, and answer 404 while OIDC is not configured. The admin's group mapping is for
administrators only. In each case nothing changes."""

import pytest
from django.urls import reverse

from nämnder.models import ExternIdentitet, Gruppkoppling, Rollhändelse
from tests.factories import AnvändareFactory


@pytest.fixture
def personer(handläggare, outsider):
    return {
        "anonym": None,
        "handläggare": handläggare,
        "utomstående": outsider,
        "personal utan rätt": AnvändareFactory(username="stina", is_staff=True),
    }


def _tillstånd():
    return (
        ExternIdentitet.objects.count(),
        Rollhändelse.objects.count(),
        list(Gruppkoppling.objects.values_list("grupp", "nämnd", "roll")),
    )


def _svar(client, personer, vem, url, metod="get", data=None):
    client.logout()
    if personer[vem] is not None:
        client.force_login(personer[vem])
    return getattr(client, metod)(url, data or {})


VEM = ["anonym", "handläggare", "utomstående", "personal utan rätt"]


@pytest.mark.parametrize("vem", VEM)
def test_without_oidc_its_urls_do_not_exist(client, personer, gruppkopplingar, vem):
    före = _tillstånd()
    for namn in ["inloggning:oidc_start", "inloggning:oidc_retur"]:
        assert _svar(client, personer, vem, reverse(namn)).status_code == 404
    assert _tillstånd() == före


@pytest.mark.parametrize("vem", VEM)
def test_the_oidc_start_sends_everyone_to_the_idp_and_changes_nothing(
    client, personer, oidc_idp, vem
):
    före = _tillstånd()
    svar = _svar(client, personer, vem, reverse("inloggning:oidc_start"))
    assert svar.status_code == 302 and svar.url.startswith(f"{oidc_idp.url}/authorize?")
    assert "code_challenge_method=S256" in svar.url and "nonce=" in svar.url
    assert _tillstånd() == före


@pytest.mark.parametrize("vem", VEM)
def test_a_return_from_the_idp_without_a_started_login_is_refused(client, personer, oidc_idp, vem):
    före = _tillstånd()
    svar = _svar(
        client, personer, vem, reverse("inloggning:oidc_retur"), data={"code": "x", "state": "y"}
    )
    assert svar.status_code == 403 and "state stämmer inte" in svar.text
    assert _tillstånd() == före


@pytest.mark.parametrize("vem", VEM)
def test_the_no_role_page_is_shown_to_everyone(client, personer, vem):
    svar = _svar(client, personer, vem, reverse("inloggning:ingen_roll"))
    assert svar.status_code == 200 and "Du har ingen roll i Remiss" in svar.text


@pytest.mark.parametrize("metod", ["post", "put", "delete"])
def test_the_idp_urls_answer_only_get(client, oidc_idp, metod):
    före = _tillstånd()
    for namn in ["inloggning:oidc_start", "inloggning:oidc_retur", "inloggning:ingen_roll"]:
        assert getattr(client, metod)(reverse(namn)).status_code == 405
    assert _tillstånd() == före


@pytest.mark.parametrize(
    ("vem", "väntat"),
    [("anonym", 302), ("handläggare", 302), ("utomstående", 302), ("personal utan rätt", 403)],
)
def test_only_an_administrator_maps_groups_to_roles(client, personer, un, vem, väntat):
    före = _tillstånd()
    lista = reverse("admin:nämnder_gruppkoppling_changelist")
    ny = reverse("admin:nämnder_gruppkoppling_add")
    assert _svar(client, personer, vem, lista).status_code == väntat
    data = {"grupp": "Kapad", "nämnd": un.pk, "roll": "direktor"}
    assert _svar(client, personer, vem, ny, "post", data).status_code == väntat
    assert _tillstånd() == före


def test_an_administrator_maps_a_group_and_reads_the_role_history(admin_client, un):
    svar = admin_client.post(
        reverse("admin:nämnder_gruppkoppling_add"),
        {"grupp": "UN-Direktor", "nämnd": un.pk, "roll": "direktor"},
    )
    assert svar.status_code == 302
    assert Gruppkoppling.objects.filter(grupp="UN-Direktor", nämnd=un).exists()
    assert admin_client.get(reverse("admin:nämnder_rollhändelse_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:nämnder_rollhändelse_add")).status_code == 403


def test_a_ks_role_cannot_be_mapped_in_another_nämnd(admin_client, un):
    svar = admin_client.post(
        reverse("admin:nämnder_gruppkoppling_add"),
        {"grupp": "UN-Lasare", "nämnd": un.pk, "roll": "lasare"},
    )
    assert svar.status_code == 200 and "Den rollen finns bara i kommunstyrelsen" in svar.text
    assert not Gruppkoppling.objects.exists()


@pytest.fixture
def saml_konfigurerad(tmp_path, settings):
    """SAML configured against an IdP known only by its metadata (no IdP needs to run for
    what these URLs do before the IdP answers)."""
    from saml2.metadata import create_metadata_string

    from tests.idp.saml_idp import konfiguration, nyckelpar

    nyckelpar(tmp_path, "idp")
    nyckelpar(tmp_path, "remiss")
    metadata = create_metadata_string(
        None, config=konfiguration("http://localhost:9", tmp_path), valid=24
    )
    (tmp_path / "idp-metadata.xml").write_bytes(metadata)
    settings.REMISS_SAML_IDP_METADATA = str(tmp_path / "idp-metadata.xml")
    settings.REMISS_SAML_CERT = str(tmp_path / "remiss-cert.pem")
    settings.REMISS_SAML_KEY = str(tmp_path / "remiss-nyckel.pem")


SAML_URLER = [
    ("inloggning:saml_start", "get"),
    ("inloggning:saml_acs", "post"),
    ("inloggning:saml_sls", "get"),
    ("inloggning:saml_metadata", "get"),
]


@pytest.mark.parametrize("vem", VEM)
def test_without_saml_its_urls_do_not_exist(client, personer, vem):
    före = _tillstånd()
    for namn, metod in SAML_URLER:
        assert _svar(client, personer, vem, reverse(namn), metod).status_code == 404
    assert _tillstånd() == före


@pytest.mark.parametrize("vem", VEM)
def test_with_saml_its_urls_answer_everyone_and_change_nothing(
    client, personer, saml_konfigurerad, vem
):
    före = _tillstånd()
    start = _svar(client, personer, vem, reverse("inloggning:saml_start"))
    assert start.status_code == 302 and start.url.startswith("http://localhost:9/sso?")
    assert "SAMLRequest=" in start.url and "Signature=" in start.url
    metadata = _svar(client, personer, vem, reverse("inloggning:saml_metadata"))
    assert metadata.status_code == 200 and b"WantAssertionsSigned" in metadata.content
    acs = _svar(client, personer, vem, reverse("inloggning:saml_acs"), "post", {"x": "y"})
    assert acs.status_code == 403 and "Inloggningen nekades" in acs.text
    sls = _svar(client, personer, vem, reverse("inloggning:saml_sls"))
    assert sls.status_code == 302 and sls.url == reverse("login")
    assert _tillstånd() == före


def test_the_saml_urls_answer_only_their_method(client, db, saml_konfigurerad):
    före = _tillstånd()
    for namn, metod in SAML_URLER:
        fel = "get" if metod == "post" else "post"
        assert getattr(client, fel)(reverse(namn)).status_code == 405
    assert _tillstånd() == före
