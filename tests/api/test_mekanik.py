"""What every endpoint shares: idempotency keys, ETag and If-Match against lost updates, cursor
pages at a constant number of queries, a rate limit per client, errors as problem details."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nämnder.api.fel import hanterare
from remiss.models import Remiss, Remisshändelse
from tests.api.test_atgarder import NY_REMISS
from tests.factories import RemissFactory

pytestmark = pytest.mark.django_db


def _skapa(klient, nyckel, **data):
    return klient.post(
        "/api/v1/remisser/", {**NY_REMISS, **data}, format="json", HTTP_IDEMPOTENCY_KEY=nyckel
    )


def test_the_same_idempotency_key_replays_the_response_and_acts_once(ks, som):
    ks_system = som("samordnare")
    först = _skapa(ks_system, "a1b2")
    igen = _skapa(ks_system, "a1b2")
    assert först.status_code == igen.status_code == 201
    assert igen.json() == först.json() and igen["Location"] == först["Location"]
    assert igen["Idempotent-Replayed"] == "true"
    assert Remiss.objects.count() == 1
    assert Remisshändelse.objects.filter(typ="skapad").count() == 1


def test_the_same_key_with_another_request_is_refused_with_422(ks, som):
    ks_system = som("samordnare")
    _skapa(ks_system, "a1b2")
    svar = _skapa(ks_system, "a1b2", titel="En annan titel")
    assert svar.status_code == 422
    assert svar.json()["type"] == "urn:remiss:problem:idempotens"
    assert "redan använts för en annan begäran" in svar.json()["detail"]
    assert Remiss.objects.count() == 1


def test_a_failed_request_keeps_no_key_and_keys_are_per_client(ks, som, klienter):
    from nämnder.models import ApiKlient
    from nämnder.roller import Roll

    ks_system = som("samordnare")
    assert _skapa(ks_system, "k", diarienummer="fel").status_code == 400
    assert _skapa(ks_system, "k").status_code == 201  # the refused one left no key behind
    annan, token = ApiKlient.skapa("KS andra system", av=None, omfång=[(ks, Roll.REMISSAMORDNARE)])
    from tests.api.conftest import api

    svar = _skapa(api(token), "k", diarienummer="KS 2031/78")
    assert svar.status_code == 201 and "Idempotent-Replayed" not in svar
    assert Remiss.objects.count() == 2


def _remissens_etag(klient, pk):
    svar = klient.get(f"/api/v1/remisser/{pk}/")
    assert svar.status_code == 200
    return svar["ETag"]


def test_if_match_stops_a_lost_update(ks, un, ks_samordnare, som):
    utkast = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un], titel="Först")
    ks_system = som("samordnare")
    url = f"/api/v1/remisser/{utkast.pk}/"
    etag = _remissens_etag(ks_system, utkast.pk)

    utan = ks_system.patch(url, {"titel": "Utan villkor"}, format="json")
    assert utan.status_code == 428 and utan.json()["type"] == "urn:remiss:problem:forhandsvillkor"

    ändrad = ks_system.patch(url, {"titel": "Andra"}, format="json", HTTP_IF_MATCH=etag)
    assert ändrad.status_code == 200, ändrad.content
    assert ändrad.json()["titel"] == "Andra" and ändrad["ETag"] != etag
    # Someone who read before that change and writes now is refused, and nothing changes.
    inaktuell = ks_system.patch(url, {"titel": "Tredje"}, format="json", HTTP_IF_MATCH=etag)
    assert inaktuell.status_code == 412
    assert "har ändrats sedan du läste den" in inaktuell.json()["detail"]
    utkast.refresh_from_db()
    assert utkast.titel == "Andra"
    händelse = Remisshändelse.objects.get(remiss=utkast, typ="andrad")
    assert händelse.text == "Ändrade: titel." and "API-klient" in str(händelse.utförd_av)


def test_the_etag_of_a_detail_changes_when_the_object_does(remiss, un, som):
    instans = remiss.instanser.get(nämnd=un)
    diariet = som("registrator")
    före = diariet.get(f"/api/v1/remissinstanser/{instans.pk}/")["ETag"]
    assert diariet.get(f"/api/v1/remissinstanser/{instans.pk}/")["ETag"] == före
    diariet.post(
        f"/api/v1/remissinstanser/{instans.pk}/registrera/",
        {"diarienummer": "UN 2031/9"},
        format="json",
    )
    assert diariet.get(f"/api/v1/remissinstanser/{instans.pk}/")["ETag"] != före


@pytest.fixture
def tolv_remisser(ks, un, ks_samordnare):
    remisser = []
    for nr in range(12):
        remiss = RemissFactory(
            nämnd=ks,
            diarienummer=f"KS 2031/{nr + 100}",
            skapad_av=ks_samordnare,
            remissdatum=datetime.date(2031, 9, 1),
            sista_svarsdatum=datetime.date(2031, 10, 27),
            mottagare=[un],
        )
        remiss.skicka(av=ks_samordnare)
        remisser.append(remiss)
    return remisser


def _sidor(klient, url):
    sidor = []
    while url:
        with CaptureQueriesContext(connection) as frågor:
            svar = klient.get(url)
        assert svar.status_code == 200, svar.content
        sidor.append(([r["id"] for r in svar.json()["results"]], len(frågor)))
        url = svar.json()["next"]
    return sidor


@pytest.mark.parametrize("lista", ["remisser", "remissinstanser"])
def test_cursor_pages_cover_every_row_once_in_a_constant_number_of_queries(
    tolv_remisser, som, lista
):
    diariet = som("registrator")
    diariet.get("/api/v1/sok/")  # the first use of the minute records it: one UPDATE
    sidor = _sidor(diariet, f"/api/v1/{lista}/?antal=5")
    id_ = [i for sida, _antal in sidor for i in sida]
    assert [len(sida) for sida, _ in sidor] == [5, 5, 2]
    assert id_ == sorted(id_, reverse=True) and len(set(id_)) == 12
    stora = _sidor(diariet, f"/api/v1/{lista}/?antal=50")
    assert len({antal for _sida, antal in sidor + stora}) == 1, sidor + stora


def test_a_row_added_between_pages_neither_repeats_nor_shifts_the_next_page(
    tolv_remisser, som, ks, un, ks_samordnare
):
    diariet = som("registrator")
    första = diariet.get("/api/v1/remisser/?antal=5").json()
    ny = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    ny.skicka(av=ks_samordnare)
    andra = diariet.get(första["next"]).json()
    ids = [r["id"] for r in första["results"] + andra["results"]]
    assert len(set(ids)) == 10 and ny.pk not in ids


def test_a_bad_cursor_or_filter_is_a_problem(remiss, som):
    svar = som("registrator").get("/api/v1/remisser/?markor=inte-en-markor")
    assert svar.status_code == 404 and svar.json()["detail"] == "Markören är ogiltig."
    svar = som("registrator").get("/api/v1/remisser/?svarsdatum_fran=27/10")
    assert svar.status_code == 400
    assert svar.json()["errors"] == [
        {"pointer": "#/svarsdatum_fran", "detail": "Skriv datumet som ÅÅÅÅ-MM-DD."}
    ]


def test_the_rate_limit_is_per_client_and_answers_429_with_retry_after(
    remiss, som, klienter, settings
):
    settings.REMISS_API_GRANS = "3/minute"
    for namn in ("registrator", "läsare"):
        cache.delete(f"throttle_klient_{klienter[namn][0].pk}")
    diariet = som("registrator")
    assert [diariet.get("/api/v1/remisser/").status_code for _ in range(3)] == [200] * 3
    svar = diariet.get("/api/v1/remisser/")
    assert svar.status_code == 429 and svar["Content-Type"] == "application/problem+json"
    assert int(svar["Retry-After"]) >= 1
    assert svar.json()["title"] == "För många anrop"
    # Another client is counted on its own.
    assert som("läsare").get("/api/v1/remisser/").status_code == 200


def test_every_refusal_is_a_problem_with_type_title_status_and_swedish_detail(remiss, ks, som):
    svar = som("registrator").delete(f"/api/v1/remisser/{remiss.pk}/")
    assert svar.status_code == 405
    assert svar.json() == {
        "type": "about:blank",
        "title": "Metoden är inte tillåten",
        "status": 405,
        "detail": "Metoden DELETE finns inte för den här adressen.",
    }
    svar = som("samordnare").post("/api/v1/remisser/", "inte json", content_type="application/json")
    assert svar.status_code == 400 and svar.json()["title"] == "Ogiltig begäran"


def test_an_unexpected_error_is_a_500_problem_that_tells_nothing_inside(caplog):
    svar = hanterare(RuntimeError("hemlig stack"), {})
    assert svar.status_code == 500 and svar.content_type == "application/problem+json"
    assert svar.data["title"] == "Internt fel" and "hemlig" not in svar.data["detail"]
    assert "hemlig stack" in caplog.text
