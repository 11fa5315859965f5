"""Local passwords: recorded as the way the person authenticated; with passwords switched off
only the break-glass administrator may still use one."""

from django.urls import reverse

from nämnder.inloggning.session import NYCKEL
from tests.factories import AnvändareFactory


def _logga_in(client, användarnamn):
    return client.post(reverse("login"), {"username": användarnamn, "password": "rätt-lösenord"})


def test_a_password_login_is_recorded_as_such(client, handläggare):
    assert _logga_in(client, "joakim").status_code == 302
    assert client.session[NYCKEL]["metod"] == "lösenord"


def test_without_passwords_a_handläggare_is_refused_in_swedish(client, handläggare, settings):
    settings.REMISS_LOSENORD_INLOGGNING = False
    svar = _logga_in(client, "joakim")
    assert svar.status_code == 200
    assert "Inloggning med lösenord är avstängd" in svar.text
    assert "_auth_user_id" not in client.session


def test_without_passwords_the_break_glass_administrator_still_gets_in(client, db, settings):
    settings.REMISS_LOSENORD_INLOGGNING = False
    AnvändareFactory(username="nod", is_superuser=True, is_staff=True)
    assert _logga_in(client, "nod").status_code == 302


def test_the_login_page_offers_the_kommuns_account_only_when_configured(client, db, settings):
    assert "Logga in med kommunens konto" not in client.get(reverse("login")).text
    settings.REMISS_OIDC_ISSUER = "https://login.example.se"
    sida = client.get(reverse("login")).text
    assert "Logga in med kommunens konto" in sida and "Användarnamn" in sida
    settings.REMISS_LOSENORD_INLOGGNING = False
    assert "Nödinloggning för administratör" in client.get(reverse("login")).text
