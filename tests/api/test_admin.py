"""API clients in the admin: the token is shown once on the page after saving, only its hash is
kept, the scope becomes the service user's roles through the role history, and rotating makes
the old token stop working."""

import re

import pytest

from nämnder.models import ApiKlient, Rollhändelse
from nämnder.roller import Roll
from tests.api.conftest import api

pytestmark = pytest.mark.django_db


def _token(sida):
    return re.search(r'value="(remiss_[0-9a-f]{8}_[^"]+)"', sida).group(1)


def test_creating_a_client_shows_its_token_once_and_keeps_only_the_hash(
    client, admin_person, ks, un
):
    client.force_login(admin_person)
    svar = client.post(
        "/admin/nämnder/apiklient/add/",
        {"namn": "Diariet UBF", "aktiv": "on", "omfång": [f"{un.pk}:registrator"]},
    )
    assert svar.status_code == 200 and "no-store" in svar["Cache-Control"]
    token = _token(svar.text)
    klient = ApiKlient.objects.get()
    assert klient.token_hash != token and token not in str(
        ApiKlient.objects.values().get().values()
    )
    assert klient.skapad_av == admin_person
    assert klient.omfång() == {(un, Roll.REGISTRATOR)}
    händelse = Rollhändelse.objects.get(användare=klient.användare)
    assert (händelse.utförd_av, händelse.källa) == (admin_person, "API-klient")
    # The change page never shows it again.
    assert token not in client.get(f"/admin/nämnder/apiklient/{klient.pk}/change/").text
    assert api(token).get("/api/v1/remisser/").status_code == 200


def test_rotating_shows_a_new_token_and_the_old_one_stops(client, admin_person, klienter):
    klient, gammal = klienter["registrator"]
    client.force_login(admin_person)
    assert client.get(f"/admin/nämnder/apiklient/{klient.pk}/rotera/").status_code == 405
    svar = client.post(f"/admin/nämnder/apiklient/{klient.pk}/rotera/")
    ny = _token(svar.text)
    assert ny != gammal
    assert api(gammal).get("/api/v1/remisser/").status_code == 401
    assert api(ny).get("/api/v1/remisser/").status_code == 200


def test_the_scope_is_edited_in_the_admin_and_only_ks_has_ks_roles(
    client, admin_person, klienter, ks, un
):
    klient, token = klienter["registrator"]
    client.force_login(admin_person)
    url = f"/admin/nämnder/apiklient/{klient.pk}/change/"
    fel = client.post(url, {"namn": klient.namn, "aktiv": "on", "omfång": [f"{un.pk}:lasare"]})
    assert fel.status_code == 200 and "Välj ett giltigt alternativ" in fel.text
    svar = client.post(
        url, {"namn": klient.namn, "aktiv": "on", "omfång": [f"{un.pk}:handlaggare"]}
    )
    assert svar.status_code == 302
    assert klient.omfång() == {(un, Roll.HANDLÄGGARE)}
    assert list(
        Rollhändelse.objects.filter(användare=klient.användare).values_list("typ", "roll")
    ) == [("given", "registrator"), ("tagen", "registrator"), ("given", "handlaggare")]


def test_a_service_user_cannot_log_in_to_the_web(client, klienter):
    klient, token = klienter["registrator"]
    användare = klient.användare
    for lösenord in ("", token):
        client.post("/logga-in/", {"username": användare.username, "password": lösenord})
        assert "_auth_user_id" not in client.session
