"""The mail task's rules, run in this process against Django's test outbox: it sends a claimed
reminder once, skips one that no longer applies, and keeps one whose SMTP server failed."""

import datetime
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from remiss import paminnelser
from remiss.models import Påminnelse, Remissinstans
from remiss.tasks.paminnelser import skicka_påminnelse
from tests.factories import RemissFactory

P = Påminnelse
IDAG = timezone.localdate()
SKICKA = "django.core.mail.EmailMultiAlternatives.send"


@pytest.fixture(autouse=True)
def _inställningar(settings):
    settings.SITE_URL = "https://remiss.stad.example"
    settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 24


@pytest.fixture
def påminnelse(ks, un, ks_samordnare, registrator, handläggare):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get()
    instans.tilldela(handläggare, av=registrator)
    Remissinstans.objects.update(
        svarsdatum=IDAG + datetime.timedelta(days=2),
        mottagen=timezone.now() - datetime.timedelta(days=20),
    )
    paminnelser.svep()
    return P.objects.get(mottagare=handläggare)


def status(påminnelse):
    påminnelse.refresh_from_db()
    return påminnelse.status


def test_a_reminder_is_sent_once_however_often_its_task_runs(påminnelse):
    assert skicka_påminnelse(påminnelse.pk) is True
    assert skicka_påminnelse(påminnelse.pk) is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["joakim@example.se"]
    påminnelse.refresh_from_db()
    assert påminnelse.status == P.Status.SKICKAD and påminnelse.skickad and påminnelse.försök == 1


def test_a_reminder_being_sent_by_another_worker_is_left_alone(påminnelse):
    P.objects.filter(pk=påminnelse.pk).update(status=P.Status.SKICKAS)
    assert skicka_påminnelse(påminnelse.pk) is False
    assert mail.outbox == [] and status(påminnelse) == P.Status.SKICKAS


def test_a_reminder_that_is_gone_is_ignored_quietly(påminnelse):
    påminnelse.delete()
    assert skicka_påminnelse(påminnelse.pk) is False


def test_an_instans_answered_before_the_mail_went_out_is_skipped(påminnelse):
    Remissinstans.objects.update(status=Remissinstans.Status.BESVARAD)
    skicka_påminnelse(påminnelse.pk)
    assert mail.outbox == [] and status(påminnelse) == P.Status.HOPPADES_ÖVER
    assert påminnelse.orsak == P.Orsak.AVSLUTAD


def test_a_deadline_moved_before_the_mail_went_out_is_skipped(påminnelse):
    Remissinstans.objects.update(svarsdatum=IDAG + datetime.timedelta(days=40))
    skicka_påminnelse(påminnelse.pk)
    assert mail.outbox == [] and status(påminnelse) == P.Status.HOPPADES_ÖVER
    assert påminnelse.orsak == P.Orsak.NYTT_SVARSDATUM


def test_an_address_removed_before_the_mail_went_out_is_skipped(påminnelse, handläggare):
    handläggare.email = ""
    handläggare.save()
    skicka_påminnelse(påminnelse.pk)
    assert mail.outbox == [] and status(påminnelse) == P.Status.HOPPADES_ÖVER
    assert påminnelse.orsak == P.Orsak.INGEN_EPOST
    assert P.objects.utan_epost().get() == påminnelse


def test_an_smtp_error_gives_the_claim_back_and_tries_again_later(påminnelse):
    fel = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    with mock.patch(SKICKA, side_effect=fel), pytest.raises(smtplib.SMTPServerDisconnected):
        skicka_påminnelse(påminnelse.pk)  # called directly, Celery's retry re-raises the error
    påminnelse.refresh_from_db()
    assert påminnelse.status == P.Status.VÄNTAR and "SMTPServerDisconnected" in påminnelse.fel
    assert påminnelse.planerad > timezone.now()
    assert skicka_påminnelse(påminnelse.pk) is True and len(mail.outbox) == 1


def test_a_recipient_the_server_refuses_is_marked_failed(påminnelse):
    fel = smtplib.SMTPRecipientsRefused({"joakim@example.se": (550, b"No such user")})
    with mock.patch(SKICKA, side_effect=fel):
        assert skicka_påminnelse(påminnelse.pk) is False
    påminnelse.refresh_from_db()
    assert påminnelse.status == P.Status.MISSLYCKAD and påminnelse.orsak == P.Orsak.AVVISAD


def test_a_fault_in_our_own_code_is_marked_failed_and_can_be_queued_again(påminnelse):
    with mock.patch(SKICKA, side_effect=ValueError("trasig mall")), pytest.raises(ValueError):
        skicka_påminnelse(påminnelse.pk)
    assert status(påminnelse) == P.Status.MISSLYCKAD and "trasig mall" in påminnelse.fel
    assert P.försök_igen(P.objects.all()) == [påminnelse.pk]
    assert skicka_påminnelse(påminnelse.pk) is True


def test_an_unassigned_alert_is_skipped_once_someone_is_assigned(
    ks, un, ks_samordnare, registrator, handläggare
):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    remiss.skicka(av=ks_samordnare)
    remiss.instanser.update(mottagen=timezone.now() - datetime.timedelta(days=4))
    paminnelser.svep()
    larm = P.objects.get(typ=P.Typ.OTILLDELAD)
    remiss.instanser.get().tilldela(handläggare, av=registrator)
    skicka_påminnelse(larm.pk)
    assert mail.outbox == [] and status(larm) == P.Status.HOPPADES_ÖVER
    assert larm.orsak == P.Orsak.TILLDELAD


def test_the_transitions_are_enforced_in_one_place(påminnelse):
    with pytest.raises(ValueError, match="skickad → vantar"):
        P._övergå(påminnelse.pk, P.Status.SKICKAD, P.Status.VÄNTAR)
