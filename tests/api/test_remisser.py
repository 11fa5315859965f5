"""Remisser through the API: what each client's scope sees, and the token's life."""

import pytest
from django.utils import timezone

from nämnder.models import ApiKlient
from nämnder.roller import Roll
from tests.api.conftest import api

pytestmark = pytest.mark.django_db

LISTA = "/api/v1/remisser/"


def test_the_registrators_diarium_sees_the_remisser_sent_to_its_nämnd(remiss, som):
    svar = som("registrator").get(LISTA)
    assert svar.status_code == 200
    assert [r["diarienummer"] for r in svar.json()["results"]] == ["KS 2023/740"]


def test_södermalms_diarium_sees_it_too_but_not_utbildningsnämndens_instans(remiss, som):
    svar = som("utomstående").get(f"/api/v1/remisser/{remiss.pk}/")
    assert svar.status_code == 200
    assert [i["namnd"]["namn"] for i in svar.json()["instanser"]] == ["Södermalms stadsdelsnämnd"]


def test_a_draft_is_seen_only_by_ks_remissamordnare(ks, un, ks_samordnare, som):
    from tests.factories import RemissFactory

    utkast = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    assert som("samordnare").get(f"/api/v1/remisser/{utkast.pk}/").status_code == 200
    svar = som("registrator").get(f"/api/v1/remisser/{utkast.pk}/")
    assert svar.status_code == 404
    assert svar["Content-Type"] == "application/problem+json"
    assert svar.json()["status"] == 404 and svar.json()["title"] == "Hittades inte"


@pytest.mark.parametrize("rubrik", [None, "Bearer fel", "Bearer remiss_00000000_x", "Basic abc"])
def test_without_a_valid_token_the_answer_is_401_as_a_problem(remiss, rubrik):
    klient = api()
    if rubrik:
        klient.credentials(HTTP_AUTHORIZATION=rubrik)
    svar = klient.get(LISTA)
    assert svar.status_code == 401
    assert svar["Content-Type"] == "application/problem+json"
    assert svar["WWW-Authenticate"].startswith("Bearer")
    assert svar.json()["title"] == "Inte autentiserad"


def test_an_expired_a_deactivated_and_a_rotated_out_token_stop_working(remiss, klienter):
    klient, token = klienter["registrator"]
    assert api(token).get(LISTA).status_code == 200
    ny = klient.rotera()
    assert api(token).get(LISTA).status_code == 401
    assert api(ny).get(LISTA).status_code == 200
    klient.giltig_till = timezone.now() - timezone.timedelta(seconds=1)
    klient.save()
    assert api(ny).get(LISTA).status_code == 401
    klient.giltig_till, klient.aktiv = None, False
    klient.save()
    assert api(ny).get(LISTA).status_code == 401


def test_only_the_hash_of_the_token_is_stored_and_last_use_is_recorded(remiss, klienter):
    klient, token = klienter["registrator"]
    rad = ApiKlient.objects.filter(pk=klient.pk).values().get()
    assert token not in str(rad.values())
    assert token.startswith(rad["token_prefix"] + "_")
    assert rad["senast_använd"] is None
    api(token).get(LISTA)
    klient.refresh_from_db()
    assert klient.senast_använd is not None


def test_the_scope_is_the_service_users_roles_given_through_the_role_history(klienter, un):
    from nämnder.models import Rollhändelse

    klient, _token = klienter["registrator"]
    assert klient.omfång() == {(un, Roll.REGISTRATOR)}
    händelse = Rollhändelse.objects.get(användare=klient.användare)
    assert händelse.källa == "API-klient" and händelse.roll == Roll.REGISTRATOR
    assert not klient.användare.has_usable_password()
    assert str(klient.användare) == "Diariet UBF (API-klient)"


def test_the_schema_and_its_documentation_are_served_without_a_token(db):
    svar = api().get("/api/v1/schema/")
    assert svar.status_code == 200 and b"/api/v1/remisser/" in svar.content
    sida = api().get("/api/v1/dokumentation/")
    assert sida.status_code == 200 and b"cdn" not in sida.content.lower()


def test_an_unknown_address_under_the_api_is_a_problem(db):
    svar = api().get("/api/v1/finns-inte/")
    assert svar.status_code == 404 and svar["Content-Type"] == "application/problem+json"
