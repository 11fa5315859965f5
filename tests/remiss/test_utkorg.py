"""The outbox's rules, without a worker: one classifier, one backoff, one claim with a lease,
what the sweep hands out, and the admin's retry action. The work is done directly here
(``utkorg.utför``); the tests beside this one run it in real workers against real servers."""

import datetime
import smtplib
import socket

import pytest
from django.urls import reverse
from django.utils import timezone

from remiss import utkorg
from remiss.models import Utkorgspost
from remiss.utkorg import HoppasÖver, Tillfälligt, uppdrag

S = Utkorgspost.Status
gjort = []


@uppdrag("test.gör")
def _gör(post):
    if fel := post.argument.get("fel"):
        raise {
            "451": smtplib.SMTPDataError(451, b"4.7.500 Server busy"),
            "550": smtplib.SMTPRecipientsRefused({"a@example.se": (550, b"5.1.1 Finns inte")}),
            "hoppa": HoppasÖver("Inte längre aktuellt."),
            "bugg": KeyError("mallfel"),
        }[fel]
    gjort.append(post.pk)


@pytest.fixture(autouse=True)
def _tomt():
    gjort.clear()


def _post(**argument):
    return utkorg.lägg("test.gör", beskrivning="Ett test", **argument)


@pytest.mark.parametrize(
    ("fel", "tillfälligt"),
    [
        (smtplib.SMTPDataError(451, b"4.7.500 Server busy"), True),
        (smtplib.SMTPRecipientsRefused({"a@x.se": (450, b"busy")}), True),
        (smtplib.SMTPRecipientsRefused({"a@x.se": (550, b"no")}), False),
        (smtplib.SMTPDataError(554, b"5.7.1 rejected"), False),
        (smtplib.SMTPSenderRefused(553, b"no", "remiss@x.se"), False),
        (smtplib.SMTPServerDisconnected("gone"), True),
        (smtplib.SMTPConnectError(421, b"too many"), True),
        (ConnectionRefusedError(111, "refused"), True),
        (TimeoutError(), True),
        (socket.gaierror(-2, "Name or service not known"), True),
        (Tillfälligt("tidsstämpeltjänsten"), True),
        (KeyError("mallfel"), False),
    ],
)
def test_one_classifier_says_what_is_worth_trying_again(fel, tillfälligt):
    assert utkorg.tillfälligt(fel) is tillfälligt


def test_the_backoff_doubles_with_jitter_and_stops_at_an_hour(settings):
    settings.REMISS_UTKORG_BACKOFF_SEKUNDER = 60
    assert 48 <= utkorg.väntetid(1) <= 72
    assert 96 <= utkorg.väntetid(2) <= 144
    assert utkorg.väntetid(30) <= 3600 * 1.2


def test_an_unknown_kind_of_work_is_refused_when_written(db):
    with pytest.raises(LookupError):
        utkorg.lägg("finns.inte")


def test_work_is_done_once(db):
    post = _post()
    assert utkorg.utför(post.pk) == S.KLAR
    assert utkorg.utför(post.pk) is None
    assert gjort == [post.pk]
    post.refresh_from_db()
    assert post.status == S.KLAR and post.försök == 1 and post.klar


def test_a_451_gives_the_claim_back_due_later(db, settings):
    settings.REMISS_UTKORG_BACKOFF_SEKUNDER = 60
    post = _post(fel="451")
    före = timezone.now()
    assert utkorg.utför(post.pk) == S.VÄNTAR
    post.refresh_from_db()
    assert post.status == S.VÄNTAR and post.anspråk is None and "451" in post.fel
    assert post.nästa_försök >= före + datetime.timedelta(seconds=48)
    assert utkorg.utför(post.pk) is None  # not due yet


def test_transient_errors_give_up_after_the_last_attempt_visibly(db):
    post = _post(fel="451")
    Utkorgspost.objects.update(försök=utkorg.MAX_FÖRSÖK - 1)
    assert utkorg.utför(post.pk) == S.MISSLYCKAD
    post.refresh_from_db()
    assert post.fel.startswith(f"Gav upp efter {utkorg.MAX_FÖRSÖK} försök.")


def test_a_550_and_a_bug_fail_for_good_and_a_skip_is_recorded(db):
    avvisad, bugg, hoppad = _post(fel="550"), _post(fel="bugg"), _post(fel="hoppa")
    assert utkorg.utför(avvisad.pk) == S.MISSLYCKAD
    assert utkorg.utför(bugg.pk) == S.MISSLYCKAD
    assert utkorg.utför(hoppad.pk) == S.HOPPADES_ÖVER
    avvisad.refresh_from_db()
    hoppad.refresh_from_db()
    assert "550" in avvisad.fel and avvisad.försök == 1
    assert hoppad.fel == "Inte längre aktuellt."


def test_the_sweep_hands_out_unpublished_overdue_and_abandoned_work_only(db, settings):
    settings.REMISS_UTKORG_KOMARGINAL_SEKUNDER = 300
    aldrig, på_väg, borttappad, övergiven, pågående, klar = (_post() for _ in range(6))
    nu = timezone.now()
    # aldrig: the broker was down, never published; på_väg: published just now
    Utkorgspost.objects.filter(pk=på_väg.pk).update(publicerad=nu)
    Utkorgspost.objects.filter(pk=borttappad.pk).update(publicerad=nu - datetime.timedelta(hours=1))
    Utkorgspost.ta(övergiven.pk)
    Utkorgspost.objects.filter(pk=övergiven.pk).update(
        publicerad=nu - datetime.timedelta(minutes=6), låst_till=nu - datetime.timedelta(seconds=1)
    )
    Utkorgspost.ta(pågående.pk)
    Utkorgspost.objects.filter(pk=pågående.pk).update(publicerad=nu)
    utkorg.utför(klar.pk)

    assert sorted(utkorg.svep(nu)) == sorted([aldrig.pk, borttappad.pk, övergiven.pk])


def test_the_admin_lists_failures_by_status_and_queues_them_again(client, db, django_user_model):
    post = _post(fel="550")
    utkorg.utför(post.pk)
    admin = django_user_model.objects.create_superuser("admin", "admin@example.se", "x")
    client.force_login(admin)
    url = reverse("admin:remiss_utkorgspost_changelist")
    assert "Ett test" in client.get(url, {"status__exact": "misslyckad"}).text
    assert "Ett test" not in client.get(url, {"status__exact": "klar"}).text

    svar = client.post(url, {"action": "försök_igen", "_selected_action": [post.pk]}, follow=True)

    assert "1 jobb köades igen." in svar.text
    post.refresh_from_db()
    assert post.status == S.VÄNTAR and post.försök == 0
