"""The remissamordnare's block on the start page."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nämnder.models import Nämnd
from remiss.models import Anstånd
from tests.datum import idag
from tests.factories import NämndFactory, RemissFactory


def _skickad(ks, av, mottagare, **fält):
    remiss = RemissFactory(nämnd=ks, mottagare=mottagare, **fält)
    remiss.skicka(av=av)
    return remiss


def test_an_empty_start_invites_to_register_a_remiss(client, ks, ks_samordnare):
    client.force_login(ks_samordnare)
    sida = client.get(reverse("start")).text
    assert "Det finns inga remisser ännu." in sida
    assert reverse("ks:ny") in sida and "Registrera ny remiss" in sida


def test_the_start_page_shows_open_remisser_and_what_waits(
    client, ks, ks_samordnare, un, sod, registrator
):
    remiss = _skickad(ks, ks_samordnare, [un, sod], diarienummer="KS 2023/740")
    remiss.instanser.get(nämnd=sod).avstå("Berör inte nämnden.", av=ks_samordnare)
    Anstånd.begär(
        remiss.instanser.get(nämnd=un),
        remiss.sista_svarsdatum + datetime.timedelta(days=7),
        "Sammanträde i november.",
        registrator,
    )
    RemissFactory(nämnd=ks, diarienummer="KS 2023/800")
    client.force_login(ks_samordnare)
    sida = client.get(reverse("start")).text
    assert "KS 2023/740" in sida and "0 av 2 har svarat, 1 avstår" in sida
    assert "1 begäran om anstånd" in sida and "1 utkast" in sida
    assert reverse("remisser:översikt") in sida and reverse("ks:anstånd") in sida


def test_the_start_page_runs_a_constant_number_of_queries(client, ks, ks_samordnare):
    nämnder = [NämndFactory(typ=Nämnd.Typ.STADSDELSNÄMND) for _ in range(5)]
    _skickad(ks, ks_samordnare, nämnder)
    client.force_login(ks_samordnare)
    client.get(reverse("start"))
    with CaptureQueriesContext(connection) as få:
        client.get(reverse("start"))
    for n in range(12):
        _skickad(ks, ks_samordnare, nämnder, sista_svarsdatum=idag() + datetime.timedelta(days=n))
    with CaptureQueriesContext(connection) as många:
        sida = client.get(reverse("start")).text
    assert len(många) == len(få)
    assert sida.count("har svarat") == 8


def test_with_only_closed_remisser_the_start_is_not_empty(client, ks, ks_samordnare, un):
    remiss = _skickad(ks, ks_samordnare, [un], diarienummer="KS 2023/740")
    remiss.avsluta(av=ks_samordnare)
    client.force_login(ks_samordnare)
    sida = client.get(reverse("start")).text
    assert "Det finns inga remisser ännu." not in sida
    assert "0 öppna" in sida
