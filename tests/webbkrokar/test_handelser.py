"""Events, signatures and the error classifier without a worker: who is told is decided in the
transaction of the change, by the subscription and the client's scope; a change that rolls back
tells no one; our signature is one the ``standardwebhooks`` package accepts, and only it."""

import datetime
import socket

import pytest
import requests
from django.db import transaction
from django.utils import timezone
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from remiss import utkorg, webbkrokar
from remiss.models import Utkorgspost, Webbkrokshändelse, Webbkroksleverans
from remiss.models.webbkrok import ny_hemlighet
from tests.webbkrokar.conftest import krok

URL = "https://diarium.stad.example/remiss"


def test_our_signature_verifies_with_the_standardwebhooks_package_and_a_changed_body_does_not():
    hemlighet = ny_hemlighet()
    kropp = '{"type": "remiss.skickad", "data": {"remiss": {"id": 1}}, "å": "ä"}'.encode()
    rubriker = webbkrokar.rubriker(hemlighet, "msg_1", kropp)
    assert Webhook(hemlighet).verify(kropp, rubriker)["å"] == "ä"
    with pytest.raises(WebhookVerificationError):
        Webhook(hemlighet).verify(kropp.replace(b"1", b"2"), rubriker)
    with pytest.raises(WebhookVerificationError):
        Webhook(ny_hemlighet()).verify(kropp, rubriker)
    gammal = webbkrokar.rubriker(hemlighet, "msg_1", kropp, tidpunkt=1_000_000_000)
    with pytest.raises(WebhookVerificationError, match="too old"):
        Webhook(hemlighet).verify(kropp, gammal)


@pytest.mark.parametrize(
    "kod, tillfälligt", [(500, True), (503, True), (429, True), (408, True), (400, False),
                         (404, False), (410, False), (301, False)]
)  # fmt: skip
def test_the_outbox_classifier_retries_a_receivers_5xx_429_and_408_only(kod, tillfälligt):
    assert utkorg.tillfälligt(utkorg.HttpSvar(kod, "Svar")) is tillfälligt


def test_a_refused_connection_is_retried_but_a_malformed_address_is_not():
    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(requests.ConnectionError) as vägrad:
        requests.post(f"http://127.0.0.1:{port}/", timeout=2)
    assert utkorg.tillfälligt(vägrad.value)
    assert utkorg.feltext(vägrad.value).startswith("Kunde inte ansluta till mottagaren")
    with pytest.raises(requests.RequestException) as felaktig:
        requests.post("remiss.stad.example/utan-schema", timeout=2)
    assert not utkorg.tillfälligt(felaktig.value)


def test_a_change_that_rolls_back_tells_no_one(instans, handläggare, registrator, un_klient):
    krok(un_klient, URL)
    with pytest.raises(RuntimeError), transaction.atomic():
        instans.tilldela(handläggare, av=registrator)
        assert Webbkrokshändelse.objects.count() == 1
        raise RuntimeError
    assert not Webbkrokshändelse.objects.exists()
    assert not Utkorgspost.objects.filter(uppdrag="webbkrok.leverera").exists()


def test_only_active_subscriptions_to_the_type_are_told(
    instans, handläggare, registrator, un_klient
):
    krok(un_klient, URL, ["remiss.skickad"])
    krok(un_klient, URL + "/av", aktiv=False)
    vill = krok(un_klient, URL + "/ja", ["remissinstans.tilldelad"])
    instans.tilldela(handläggare, av=registrator)
    assert [lev.webbkrok for lev in Webbkroksleverans.objects.all()] == [vill]


def test_an_expired_or_blocked_client_is_told_nothing(instans, handläggare, registrator, un_klient):
    krok(un_klient, URL)
    un_klient.giltig_till = timezone.now() - datetime.timedelta(minutes=1)
    un_klient.save()
    instans.tilldela(handläggare, av=registrator)
    un_klient.giltig_till, un_klient.aktiv = None, False
    un_klient.save()
    instans.tilldela(handläggare, av=registrator)
    assert not Webbkrokshändelse.objects.exists()


def test_the_scope_is_asked_at_the_moment_of_the_event(
    instans, handläggare, registrator, ks_klient, sod_klient, un_klient
):
    """KS follows every instans; Södermalm's client does not see utbildningsnämndens; a client
    that loses its role stops hearing."""
    for klient in (ks_klient, sod_klient, un_klient):
        krok(klient, f"{URL}/{klient.pk}")
    instans.tilldela(handläggare, av=registrator)
    assert {lev.webbkrok.klient for lev in Webbkroksleverans.objects.all()} == {
        ks_klient,
        un_klient,
    }
    un_klient.sätt_omfång([], av=registrator)
    instans.tilldela(handläggare, av=registrator)
    assert Webbkroksleverans.objects.filter(webbkrok__klient=un_klient).count() == 1


def test_one_event_has_one_id_for_every_subscription(
    instans, handläggare, registrator, un_klient, ks_klient
):
    krok(un_klient, URL)
    krok(ks_klient, URL + "/ks")
    instans.tilldela(handläggare, av=registrator)
    händelse = Webbkrokshändelse.objects.get()
    assert händelse.meddelande_id.startswith("msg_")
    assert händelse.leveranser.count() == 2
    nycklar = set(Utkorgspost.objects.filter(uppdrag="webbkrok.leverera").values_list("nyckel"))
    assert len(nycklar) == 2


def test_an_address_no_longer_allowed_fails_the_delivery_with_a_swedish_reason(
    settings, instans, handläggare, registrator, un_klient
):
    krok(un_klient, "http://diarium.stad.example/remiss")
    instans.tilldela(handläggare, av=registrator)
    settings.REMISS_WEBBKROK_TILLAT_HTTP = False  # tightened after it was registered
    post = Utkorgspost.objects.get(uppdrag="webbkrok.leverera")
    assert utkorg.utför(post.pk) == Utkorgspost.S.MISSLYCKAD
    post.refresh_from_db()
    assert post.fel == "Mottagarens adress måste börja med https://."
