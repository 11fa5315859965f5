"""The kommun's administrator registers webhooks in the admin: the secret is shown once, on the
page after saving; the address must be https (unless allowed) and at least one event chosen, with
Swedish errors. The pages are staff-only, and the delivery log costs the same with many rows."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from remiss.models import Utkorgspost, Webbkrok, Webbkroksleverans
from tests.factories import AnvändareFactory
from tests.webbkrokar.conftest import krok


def _ny(client, un_klient, **fält):
    data = {
        "klient": un_klient.pk,
        "url": "https://diarium.stad.example/remiss",
        "händelser": ["remiss.skickad", "svar.skickat"],
        "aktiv": "on",
        **fält,
    }
    return client.post(reverse("admin:remiss_webbkrok_add"), data)


def test_the_secret_is_shown_once_on_the_page_after_saving(client, administratör, un_klient):
    client.force_login(administratör)
    svar = _ny(client, un_klient)
    webbkrok = Webbkrok.objects.get()
    assert svar.status_code == 200
    assert webbkrok.hemlighet.startswith("whsec_") and webbkrok.hemlighet in svar.text
    assert "Den visas bara nu" in svar.text
    assert webbkrok.händelser == ["remiss.skickad", "svar.skickat"]

    sidan = client.get(reverse("admin:remiss_webbkrok_change", args=[webbkrok.pk]))
    assert webbkrok.hemlighet not in sidan.text
    assert webbkrok.hemlighet[:10] in sidan.text


def test_a_new_secret_is_shown_once_and_replaces_the_old(client, administratör, un_klient):
    webbkrok = krok(un_klient, "https://diarium.stad.example/remiss")
    gammal = webbkrok.hemlighet
    client.force_login(administratör)
    svar = client.post(
        reverse("admin:remiss_webbkrok_changelist"),
        {"action": "byt_hemlighet", "_selected_action": [webbkrok.pk]},
    )
    webbkrok.refresh_from_db()
    assert webbkrok.hemlighet != gammal and webbkrok.hemlighet in svar.text


@pytest.mark.parametrize(
    "url, fel",
    [
        ("http://diarium.stad.example/remiss", "Mottagarens adress måste börja med https://."),
        ("ftp://diarium.stad.example/remiss", "Ange en http- eller https-adress."),
        ("diarium", "Ange en http- eller https-adress."),
    ],
)
def test_the_admin_refuses_an_address_that_is_not_https_in_swedish(
    client, settings, administratör, un_klient, url, fel
):
    settings.REMISS_WEBBKROK_TILLAT_HTTP = False
    client.force_login(administratör)
    svar = _ny(client, un_klient, url=url)
    assert svar.status_code == 200 and fel in svar.text
    assert not Webbkrok.objects.exists()


def test_the_admin_asks_for_at_least_one_event_in_swedish(client, administratör, un_klient):
    client.force_login(administratör)
    svar = _ny(client, un_klient, händelser=[])
    assert "Välj minst en händelse." in svar.text
    assert not Webbkrok.objects.exists()


def _adminsidor(un_klient):
    webbkrok = krok(un_klient, "https://diarium.stad.example/remiss")
    return [
        reverse("admin:remiss_webbkrok_changelist"),
        reverse("admin:remiss_webbkrok_add"),
        reverse("admin:remiss_webbkrok_change", args=[webbkrok.pk]),
        reverse("admin:remiss_webbkroksleverans_changelist"),
    ]


def test_the_webhook_pages_are_for_staff_only(client, handläggare, un_klient):
    sidor = _adminsidor(un_klient)
    for sida in sidor:
        assert client.get(sida).url.startswith(reverse("admin:login"))
    client.force_login(handläggare)  # signed in, but not staff
    for sida in sidor:
        assert client.get(sida).url.startswith(reverse("admin:login"))
        assert client.post(sida, {"url": "https://ond.example/"}).status_code == 302
    personal = AnvändareFactory(username="personal", is_staff=True)  # staff, no permission
    client.force_login(personal)
    for sida in sidor:
        assert client.get(sida).status_code == 403
    assert Webbkrok.objects.get().url == "https://diarium.stad.example/remiss"


def _misslyckad_leverans(instans, handläggare, registrator, un_klient):
    krok(un_klient, "https://diarium.stad.example/remiss")
    instans.tilldela(handläggare, av=registrator)
    leverans = Webbkroksleverans.objects.get()
    Utkorgspost.objects.filter(pk=leverans.post_id).update(status=Utkorgspost.S.MISSLYCKAD)
    return leverans


def test_staff_who_may_only_view_see_the_log_but_cannot_send_again(
    client, instans, handläggare, registrator, un_klient
):
    leverans = _misslyckad_leverans(instans, handläggare, registrator, un_klient)
    personal = AnvändareFactory(username="personal", is_staff=True)
    personal.user_permissions.add(Permission.objects.get(codename="view_webbkroksleverans"))
    client.force_login(personal)
    logg = client.get(reverse("admin:remiss_webbkroksleverans_changelist"))
    assert logg.status_code == 200 and "Skicka igen" not in logg.text
    client.post(
        reverse("admin:remiss_webbkroksleverans_changelist"),
        {"action": "skicka_igen", "_selected_action": [leverans.pk]},
    )
    assert Utkorgspost.objects.get(pk=leverans.post_id).status == Utkorgspost.S.MISSLYCKAD
    assert client.get(reverse("admin:remiss_webbkrok_changelist")).status_code == 403


def test_the_delivery_log_costs_the_same_for_one_row_and_many(
    client, administratör, remiss, un, handläggare, registrator, un_klient
):
    krok(un_klient, "https://diarium.stad.example/remiss")
    krok(un_klient, "https://diarium.stad.example/andra")
    client.force_login(administratör)
    instans = remiss.instanser.get(nämnd=un)
    instans.tilldela(handläggare, av=registrator)

    def frågor():
        with CaptureQueriesContext(connection) as fångade:
            assert (
                client.get(reverse("admin:remiss_webbkroksleverans_changelist")).status_code == 200
            )
            assert client.get(reverse("admin:remiss_webbkrok_changelist")).status_code == 200
        return len(fångade)

    få = frågor()
    for _ in range(4):
        instans.tilldela(handläggare, av=registrator)
    assert Webbkroksleverans.objects.count() == 10
    assert frågor() == få
    leverans = Webbkroksleverans.objects.select_related("händelse").first()
    sidan = client.get(reverse("admin:remiss_webbkroksleverans_change", args=[leverans.pk]))
    assert leverans.händelse.meddelande_id in sidan.text
    assert "remissinstans.tilldelad" in sidan.text and "Skicka igen" not in sidan.text
