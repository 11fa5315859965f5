from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from nämnder.models import Nämnd


@pytest.fixture(autouse=True)
def _ingen_cache_mellan_tester(settings):
    settings.AXES_FAILURE_LIMIT = 3


def _logga_in(client, användarnamn, lösenord):
    return client.post(reverse("login"), {"username": användarnamn, "password": lösenord})


def test_the_login_page_is_swedish(client, db):
    svar = client.get(reverse("login"))
    assert svar.status_code == 200
    assert 'lang="sv"' in svar.text
    assert "Användarnamn" in svar.text and "Lösenord" in svar.text


def test_a_person_logs_in_and_reaches_the_start_page(client, handläggare):
    svar = _logga_in(client, "joakim", "rätt-lösenord")
    assert svar.status_code == 302 and svar.url == reverse("start")
    start = client.get(reverse("start"))
    assert "Som handläggare" in start.text


def test_a_wrong_password_gets_a_clear_swedish_message(client, handläggare):
    svar = _logga_in(client, "joakim", "fel")
    assert svar.status_code == 200
    assert "Ange ett korrekt användarnamn och lösenord" in svar.text


def test_repeated_failures_lock_the_login_even_for_the_right_password(client, handläggare):
    for _ in range(3):
        _logga_in(client, "joakim", "fel")
    svar = _logga_in(client, "joakim", "rätt-lösenord")
    assert svar.status_code == 429
    assert "För många misslyckade inloggningsförsök" in svar.text
    assert "_auth_user_id" not in client.session


def test_logging_out_ends_the_session(client, handläggare):
    client.force_login(handläggare)
    svar = client.post(reverse("logout"))
    assert svar.status_code == 302
    assert client.get(reverse("start")).status_code == 302


@pytest.mark.parametrize(
    "url",
    [
        lambda: reverse("start"),
        lambda: reverse("nämnder:lista"),
        lambda: reverse("nämnder:detalj", args=[Nämnd.objects.get().pk]),
    ],
)
def test_an_anonymous_visitor_is_sent_to_login(client, un, url):
    svar = client.get(url())
    assert svar.status_code == 302
    assert svar.url.startswith(reverse("login"))


def test_the_demo_logins_are_listed_only_in_the_demo(client, settings, db):
    call_command("seed_demo", stdout=StringIO())
    settings.REMISS_DEMO = False
    assert "Demoinloggningar" not in client.get(reverse("login")).text
    settings.REMISS_DEMO = True
    sida = client.get(reverse("login")).text
    assert "Demoinloggningar" in sida and "un.handlaggare" in sida
