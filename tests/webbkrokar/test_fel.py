"""A receiver that refuses for good (410 Gone, 400) fails the delivery after one attempt, visible in
the admin's delivery log with the code; "Skicka igen" sends it again with the same webhook-id,
through the real worker, to a real receiver."""

import pytest
from django.contrib.admin.models import LogEntry
from django.db import transaction
from django.urls import reverse

from remiss.models import Utkorgspost, Webbkroksleverans
from tests.utkorg_hjalp import vänta_på_utkorgen
from tests.webbkrokar.conftest import krok
from tests.webbkrokar.mottagare import Mottagare

LOGG = "admin:remiss_webbkroksleverans_changelist"


def _skicka_igen(client, leverans):
    return client.post(
        reverse(LOGG),
        {"action": "skicka_igen", "_selected_action": [leverans.pk]},
        follow=True,
    )


@pytest.mark.parametrize("kod, text", [(410, "410 Gone"), (400, "400 Bad Request")])
def test_a_refusal_fails_the_delivery_for_good_and_skicka_igen_sends_it_with_the_same_id(
    celeryarbetare, client, administratör, instans, handläggare, registrator, un_klient, kod, text
):
    with Mottagare(fel=1, felkod=kod) as hos_un:
        webbkrok = krok(un_klient, hos_un.url, ["remissinstans.tilldelad"])
        hos_un.hemlighet = webbkrok.hemlighet
        instans.tilldela(handläggare, av=registrator)
        vänta_på_utkorgen()

        leverans = Webbkroksleverans.objects.select_related("post", "händelse").get()
        assert leverans.post.status == Utkorgspost.S.MISSLYCKAD
        assert leverans.post.försök == 1  # not retried
        assert leverans.post.fel == f"Mottagaren svarade {text}."
        assert leverans.svarskod == kod
        assert hos_un.tagna == []

        client.force_login(administratör)
        logg = client.get(reverse(LOGG), {"webbkrok__id__exact": webbkrok.pk})
        assert "Misslyckades" in logg.text and f"Mottagaren svarade {text}." in logg.text
        lista = client.get(reverse("admin:remiss_webbkrok_changelist"))
        assert "1, varav 1 misslyckade" in lista.text

        svar = _skicka_igen(client, leverans)
        assert "1 leverans skickas igen." in svar.text
        vänta_på_utkorgen()

    meddelande_id = leverans.händelse.meddelande_id
    assert hos_un.avvisade == [(meddelande_id, kod)]
    assert hos_un.ids() == [meddelande_id]  # the same webhook-id as the refused one
    leverans.refresh_from_db()
    leverans.post.refresh_from_db()
    assert leverans.post.status == Utkorgspost.S.KLAR and leverans.svarskod == 200


def test_skicka_igen_replays_a_delivered_event_with_the_same_id(
    celeryarbetare, client, administratör, instans, handläggare, registrator, un_klient
):
    with Mottagare() as hos_un:
        hos_un.hemlighet = krok(un_klient, hos_un.url, ["remissinstans.tilldelad"]).hemlighet
        instans.tilldela(handläggare, av=registrator)
        vänta_på_utkorgen()
        client.force_login(administratör)
        leverans = Webbkroksleverans.objects.get()
        assert "1 leverans skickas igen." in _skicka_igen(client, leverans).text
        vänta_på_utkorgen()

    meddelande_id = leverans.händelse.meddelande_id
    assert hos_un.ids() == [meddelande_id, meddelande_id]
    [logg] = LogEntry.objects.filter(object_id=str(leverans.pk))
    assert (logg.user, logg.change_message) == (administratör, "Skickades igen.")


def test_a_delivery_of_a_blocked_client_is_skipped_not_sent(
    celeryarbetare, instans, handläggare, registrator, un_klient
):
    with Mottagare() as hos_un:
        hos_un.hemlighet = krok(un_klient, hos_un.url, ["remissinstans.tilldelad"]).hemlighet
        # Blocked after the event but before the worker runs it (in the same transaction, so
        # the worker cannot come first): the worker's own check stops it.
        with transaction.atomic():
            instans.tilldela(handläggare, av=registrator)
            un_klient.aktiv = False
            un_klient.save(update_fields=["aktiv"])
        [post] = [p for p in vänta_på_utkorgen() if p.uppdrag == "webbkrok.leverera"]

    assert post.status == Utkorgspost.S.HOPPADES_ÖVER
    assert post.fel == "API-klienten är spärrad eller har gått ut."
    assert hos_un.tagna == [] and hos_un.avvisade == []
