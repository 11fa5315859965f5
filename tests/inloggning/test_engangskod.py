"""One-time codes for local accounts: set up with a first code, asked for after the password,
recorded as "lösenord + engångskod", wrong codes refused in Swedish and throttled like wrong
passwords, and required of staff when the kommun says so."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from nämnder.inloggning.engangskod import NY_NYCKEL
from nämnder.inloggning.session import NYCKEL
from tests.factories import AnvändareFactory


def kod(enhet, steg=0):
    """The device's code now (or ``steg`` time steps later), as the phone would show it."""
    siffror = totp(enhet.bin_key, step=enhet.step, t0=enhet.t0, digits=enhet.digits, drift=steg)
    return f"{siffror:06d}"


def _enhet_för(person):
    enhet = TOTPDevice.objects.create(user=person, name="Remiss", confirmed=True)
    return enhet


def _lösenord(client, användarnamn="joakim", lösenord="rätt-lösenord"):
    return client.post(reverse("login"), {"username": användarnamn, "password": lösenord})


@pytest.fixture(autouse=True)
def _få_försök(settings):
    settings.AXES_FAILURE_LIMIT = 3


# Setting up ---------------------------------------------------------------------------------


def test_joakim_sets_up_a_code_with_the_qr_code_and_a_first_code(client, handläggare):
    client.force_login(handläggare)
    sida = client.get(reverse("inloggning:engangskod_konto"))
    assert sida.status_code == 200
    assert "<svg" in sida.text and "Skanna QR-koden" in sida.text
    assert not TOTPDevice.objects.exists()
    ny = TOTPDevice(key=client.session[NY_NYCKEL])
    svar = client.post(reverse("inloggning:engangskod_konto"), {"kod": kod(ny)})
    assert svar.status_code == 302
    enhet = TOTPDevice.objects.get(user=handläggare)
    assert enhet.confirmed and enhet.key == ny.key
    assert NY_NYCKEL not in client.session


def test_the_secret_is_shown_in_text_for_typing_in(client, handläggare):
    from base64 import b32encode

    client.force_login(handläggare)
    sida = client.get(reverse("inloggning:engangskod_konto")).text
    nyckel = b32encode(TOTPDevice(key=client.session[NY_NYCKEL]).bin_key).decode()
    assert nyckel[:4] + " " + nyckel[4:8] in sida


@pytest.mark.parametrize(
    ("fel", "meddelande"),
    [
        ("wrong", "Koden stämmer inte"),
        ("12345", "Engångskoden är sex siffror"),
        ("", "Skriv engångskoden från appen"),
    ],
)
def test_a_wrong_first_code_saves_nothing_and_keeps_the_key(client, handläggare, fel, meddelande):
    client.force_login(handläggare)
    client.get(reverse("inloggning:engangskod_konto"))
    nyckel = client.session[NY_NYCKEL]
    rätt = kod(TOTPDevice(key=nyckel))
    if fel == "wrong":
        fel = f"{(int(rätt) + 500000) % 1000000:06d}"
    svar = client.post(reverse("inloggning:engangskod_konto"), {"kod": fel})
    assert svar.status_code == 400 and meddelande in svar.text
    assert not TOTPDevice.objects.exists()
    assert client.session[NY_NYCKEL] == nyckel


def test_joakim_removes_his_code_with_a_current_code(client, handläggare):
    enhet = _enhet_för(handläggare)
    client.force_login(handläggare)
    assert "Engångskod är påslagen" in client.get(reverse("inloggning:engangskod_konto")).text
    svar = client.post(reverse("inloggning:engangskod_ta_bort"), {"ta_bort-kod": kod(enhet)})
    assert svar.status_code == 302
    assert not TOTPDevice.objects.exists()


@pytest.mark.parametrize(
    ("fel", "meddelande"),
    [("wrong", "Koden stämmer inte"), ("12", "Engångskoden är sex siffror"), (None, "Skriv")],
)
def test_an_open_session_without_the_phone_cannot_remove_the_code(
    client, handläggare, fel, meddelande
):
    enhet = _enhet_för(handläggare)
    client.force_login(handläggare)
    if fel == "wrong":
        fel = f"{(int(kod(enhet)) + 500000) % 1000000:06d}"
    data = {} if fel is None else {"ta_bort-kod": fel}
    svar = client.post(reverse("inloggning:engangskod_ta_bort"), data)
    assert svar.status_code == 400 and meddelande in svar.text
    assert TOTPDevice.objects.get() == enhet


def test_a_person_from_the_kommuns_idp_needs_no_code(client, db):
    person = AnvändareFactory(username="sso", password=None)
    person.set_unusable_password()
    person.save()
    client.force_login(person)
    sida = client.get(reverse("inloggning:engangskod_konto"))
    assert "ingen engångskod i Remiss" in sida.text and "<svg" not in sida.text
    client.post(reverse("inloggning:engangskod_konto"), {"kod": "123456"})
    assert not TOTPDevice.objects.exists()


# Logging in ---------------------------------------------------------------------------------


def test_with_a_code_the_password_alone_does_not_log_in(client, handläggare):
    _enhet_för(handläggare)
    svar = _lösenord(client)
    assert svar.status_code == 302 and svar.url == reverse("inloggning:engangskod")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("start")).status_code == 302


def test_password_and_code_log_in_recorded_as_both(client, handläggare):
    enhet = _enhet_för(handläggare)
    _lösenord(client)
    svar = client.post(reverse("inloggning:engangskod"), {"kod": kod(enhet)})
    assert svar.status_code == 302 and svar.url == reverse("start")
    assert client.session["_auth_user_id"] == str(handläggare.pk)
    assert client.session[NYCKEL]["metod"] == "lösenord + engångskod"


def test_a_code_cannot_be_used_twice(client, handläggare):
    enhet = _enhet_för(handläggare)
    _lösenord(client)
    använd = kod(enhet)
    client.post(reverse("inloggning:engangskod"), {"kod": använd})
    client.logout()
    _lösenord(client)
    svar = client.post(reverse("inloggning:engangskod"), {"kod": använd})
    assert svar.status_code == 400 and "Koden stämmer inte" in svar.text
    assert "_auth_user_id" not in client.session


def test_a_wrong_code_is_refused_in_swedish_and_logs_in_nobody(client, handläggare):
    enhet = _enhet_för(handläggare)
    _lösenord(client)
    svar = client.post(reverse("inloggning:engangskod"), {"kod": kod(enhet, steg=10)})
    assert svar.status_code == 400
    assert "Koden stämmer inte" in svar.text
    assert "_auth_user_id" not in client.session
    assert TOTPDevice.objects.get().last_t == enhet.last_t


def test_repeated_wrong_codes_lock_the_login_like_wrong_passwords(client, handläggare):
    enhet = _enhet_för(handläggare)
    _lösenord(client)
    svar = None
    for steg in (10, 11, 12):
        svar = client.post(reverse("inloggning:engangskod"), {"kod": kod(enhet, steg=steg)})
    assert svar.status_code == 429 and "För många misslyckade inloggningsförsök" in svar.text
    # the password step is locked too, and the waiting login is gone
    assert _lösenord(client).status_code == 429
    assert client.post(reverse("inloggning:engangskod"), {"kod": kod(enhet)}).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_device_itself_refuses_codes_right_after_a_wrong_one(client, handläggare, settings):
    settings.AXES_FAILURE_LIMIT = 10
    settings.OTP_TOTP_THROTTLE_FACTOR = 600  # the device waits ten minutes after one failure
    enhet = _enhet_för(handläggare)
    _lösenord(client)
    client.post(reverse("inloggning:engangskod"), {"kod": kod(enhet, steg=10)})
    svar = client.post(reverse("inloggning:engangskod"), {"kod": kod(enhet)})
    assert svar.status_code == 400 and "Vänta en stund" in svar.text
    assert "_auth_user_id" not in client.session


def test_the_code_step_without_a_password_first_sends_to_the_login(client, db):
    svar = client.post(reverse("inloggning:engangskod"), {"kod": "123456"})
    assert svar.status_code == 302 and svar.url == reverse("login")


# The requirement ----------------------------------------------------------------------------


@pytest.fixture
def admin_stina(db):
    return AnvändareFactory(username="stina", is_staff=True)


def test_required_staff_without_a_code_must_set_one_up_first(client, admin_stina, settings):
    settings.REMISS_KRAV_ENGANGSKOD = True
    _lösenord(client, "stina")
    for url in [reverse("start"), "/admin/"]:
        svar = client.get(url)
        assert svar.status_code == 302 and svar.url == reverse("inloggning:engangskod_konto")
    sida = client.get(reverse("inloggning:engangskod_konto"))
    assert "Kommunen kräver engångskod" in sida.text
    ny = TOTPDevice(key=client.session[NY_NYCKEL])
    client.post(reverse("inloggning:engangskod_konto"), {"kod": kod(ny)})
    assert client.get(reverse("start")).status_code == 200


def test_the_requirement_leaves_others_and_the_optional_case_alone(
    client, admin_stina, handläggare, settings
):
    _lösenord(client, "stina")
    assert client.get(reverse("start")).status_code == 200
    settings.REMISS_KRAV_ENGANGSKOD = True
    client.logout()
    _lösenord(client, "joakim")
    assert client.get(reverse("start")).status_code == 200


def test_the_requirement_does_not_touch_single_sign_on(client, admin_stina, settings):
    from django.utils import timezone

    from nämnder.inloggning.session import Autentisering, anteckna

    settings.REMISS_KRAV_ENGANGSKOD = True
    client.force_login(admin_stina)
    session = client.session
    session[NYCKEL] = {"metod": "OIDC", "tid": timezone.now().isoformat(), "nivå": ""}
    session.save()
    assert client.get(reverse("start")).status_code == 200
    assert Autentisering and anteckna  # the session shape is session.py's


def test_required_staff_who_remove_their_code_must_set_it_up_again(client, admin_stina, settings):
    settings.REMISS_KRAV_ENGANGSKOD = True
    enhet = _enhet_för(admin_stina)
    _lösenord(client, "stina")
    client.post(reverse("inloggning:engangskod"), {"kod": kod(enhet)})
    assert client.get(reverse("start")).status_code == 200
    client.post(reverse("inloggning:engangskod_ta_bort"), {"ta_bort-kod": kod(enhet, steg=1)})
    assert not TOTPDevice.objects.exists()
    svar = client.get(reverse("start"))
    assert svar.status_code == 302 and svar.url == reverse("inloggning:engangskod_konto")


# Access -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("namn", "metod"),
    [
        ("inloggning:engangskod_konto", "get"),
        ("inloggning:engangskod_konto", "post"),
        ("inloggning:engangskod_ta_bort", "post"),
    ],
)
def test_anonymous_is_sent_to_the_login_and_nothing_changes(client, handläggare, namn, metod):
    _enhet_för(handläggare)
    svar = getattr(client, metod)(reverse(namn), {"kod": "123456"})
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert TOTPDevice.objects.count() == 1


def test_removing_takes_only_ones_own_code(client, handläggare, outsider):
    _enhet_för(handläggare)
    client.force_login(outsider)
    assert client.post(reverse("inloggning:engangskod_ta_bort")).status_code == 302
    assert TOTPDevice.objects.get().user == handläggare


def test_removing_with_get_is_not_allowed(client, handläggare):
    _enhet_för(handläggare)
    client.force_login(handläggare)
    assert client.get(reverse("inloggning:engangskod_ta_bort")).status_code == 405
    assert TOTPDevice.objects.count() == 1
