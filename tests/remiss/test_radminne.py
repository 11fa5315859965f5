"""The list rows kept in the cache (remiss/radminne.py): a row shows what its values say now,
never an older copy, and a Redis that stops answering costs the rendering, not the page."""

import datetime

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from remiss import historik, radminne
from remiss.models import Remiss
from tests.factories import RemissFactory
from tests.utkorg_processer import EgenRedis


@pytest.fixture
def remiss(ks, ks_samordnare, un, sod):
    remiss = RemissFactory(
        nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod], diarienummer="KS 2023/740"
    )
    remiss.skicka(av=ks_samordnare, dag=remiss.remissdatum)
    return remiss


@pytest.fixture
def egen_redis(tmp_path):
    redis = EgenRedis(tmp_path)
    redis.starta()
    cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis.url}
    with override_settings(CACHES={"default": cache}):
        yield redis
    redis.stoppa()


def _översikt(client):
    """The overview's table rows (the rest of the page has a fresh CSRF token each time)."""
    svar = client.get(reverse("remisser:översikt"))
    assert svar.status_code == 200
    return svar.text.split("<tbody>")[1].split("</tbody>")[0]


def test_a_row_is_rendered_once_and_then_read_from_the_cache(client, ks_läsare, remiss, egen_redis):
    client.force_login(ks_läsare)
    första = _översikt(client)
    nycklar = list(caches["default"]._cache.get_client().scan_iter("*rad:*"))
    assert len(nycklar) == 1  # the one remiss's row
    assert _översikt(client) == första
    assert "0 av 2 har svarat" in första


def test_a_changed_row_is_never_shown_from_an_older_copy(
    client, ks_läsare, ks_samordnare, remiss, egen_redis, handläggare, un
):
    client.force_login(ks_läsare)
    assert "0 av 2 har svarat" in _översikt(client)
    instans = remiss.instanser.get(nämnd=un)
    instans.tilldela(handläggare, av=handläggare)
    instans.påbörja_beredning(av=handläggare)
    instans.markera_attesterad(av=handläggare)
    instans.markera_beslutad(av=handläggare)
    instans.markera_besvarad(av=handläggare)
    Remiss.objects.filter(pk=remiss.pk).update(titel="Ny titel på remissen")
    sida = _översikt(client)
    assert "1 av 2 har svarat" in sida
    assert "Ny titel på remissen" in sida


def test_the_days_left_follow_today_not_the_day_the_row_was_cached(
    client, ks_läsare, remiss, egen_redis, monkeypatch
):
    client.force_login(ks_läsare)
    idag = remiss.sista_svarsdatum - datetime.timedelta(days=10)
    monkeypatch.setattr("remiss.views.oversikt.timezone.localdate", lambda: idag)
    assert "10 dagar kvar" in _översikt(client)
    monkeypatch.setattr(
        "remiss.views.oversikt.timezone.localdate", lambda: idag + datetime.timedelta(days=1)
    )
    assert "9 dagar kvar" in _översikt(client)


def test_the_page_is_rendered_when_redis_has_stopped(client, ks_läsare, remiss, egen_redis, caplog):
    client.force_login(ks_läsare)
    med_cache = _översikt(client)
    egen_redis.stoppa()
    utan_cache = _översikt(client)
    assert "0 av 2 har svarat" in utan_cache
    assert utan_cache.count("<tr>") == med_cache.count("<tr>")
    assert "Radcachen svarar inte" in caplog.text
    egen_redis.starta()  # back: the rows are cached again
    assert _översikt(client) == utan_cache


@pytest.mark.django_db
def test_the_row_template_is_given_values_only():
    """The row's cache key is made of what the template is given; an object would let the
    template show a field the key does not hold."""
    tillåtna = (str, int, bool, datetime.date, type(None))
    for värde in radminne_värden():
        assert isinstance(värde, tillåtna), värde


def radminne_värden():
    from remiss.views.oversikt import RADENS_FÄLT, _rad

    remiss = RemissFactory.build(pk=1)
    värden = {fält: getattr(remiss, fält) for fält in RADENS_FÄLT}
    return list(_rad(värden, datetime.date(2026, 1, 1), {1: 2})["remiss"].values())


def test_the_key_changes_with_every_value():
    mall = "remiss/_oversiktsrad.html"
    grund = {"pk": 1, "titel": "A", "antal_besvarade": 0}
    ändrade = [{}, {"pk": 2}, {"titel": "B"}, {"antal_besvarade": 1}]
    nycklar = {radminne._nyckel(mall, {"remiss": {**grund, **ändring}}) for ändring in ändrade}
    assert len(nycklar) == len(ändrade)


def test_a_history_row_is_given_values_only(remiss, ks_samordnare):
    from remiss.historik import _GÄLLER, _UTFÖRARE, _rad

    for händelse in remiss.händelser.values(*_UTFÖRARE, *_GÄLLER):
        for värde in _rad(händelse, True)["händelse"].values():
            assert isinstance(värde, (str, bool, datetime.datetime)), värde


def test_the_key_holds_the_time_zone_the_rows_times_are_shown_in():
    värden = {"händelse": {"tidpunkt": datetime.datetime(2026, 1, 1, 12, tzinfo=datetime.UTC)}}
    with override_settings(TIME_ZONE="Europe/Stockholm"):
        stockholm = radminne._nyckel("remiss/_historikrad.html", värden)
    with override_settings(TIME_ZONE="Europe/Helsinki"):
        helsingfors = radminne._nyckel("remiss/_historikrad.html", värden)
    assert stockholm != helsingfors


def test_a_new_event_in_the_history_is_shown_beside_the_cached_ones(
    client, ks_samordnare, remiss, egen_redis, un
):
    client.force_login(ks_samordnare)
    url = reverse("remisser:detalj", args=[remiss.pk])
    före = client.get(url).text
    assert "Remissen skickades" in före
    remiss.instanser.get(nämnd=un).avstå("Berörs inte av förslaget", av=ks_samordnare)
    efter = client.get(url).text
    assert "Berörs inte av förslaget" in efter
    antal = före.count("<tr>")
    assert efter.count("<tr>") == antal + 1


def test_the_matrix_reads_its_rows_and_its_history_in_one_round_trip(
    client, ks_samordnare, remiss, egen_redis, monkeypatch
):
    client.force_login(ks_samordnare)
    url = reverse("remisser:detalj", args=[remiss.pk])
    första = client.get(url).text  # renders the rows and keeps them
    frågade = []
    klass = type(caches["default"])
    äkta = klass.get_many

    def get_many(själv, nycklar, *args, **kwargs):
        frågade.append(list(nycklar))
        return äkta(själv, nycklar, *args, **kwargs)

    monkeypatch.setattr(klass, "get_many", get_many)
    andra = client.get(url).text
    assert len(frågade) == 1
    mallar = {nyckel.split(":")[1] for nyckel in frågade[0]}
    assert mallar == {"remiss/_matrisrad.html", historik.MALL}
    assert andra.split("<tbody>", 1)[1] == första.split("<tbody>", 1)[1]
