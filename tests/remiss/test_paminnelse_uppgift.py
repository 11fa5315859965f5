"""A reminder's mail is one row in the outbox (remiss/utkorg.py), run here in this process
against Django's test outbox: it is sent once however often its row is run, skipped when it no
longer applies, and failed – on the reminder row too – when the server refuses it."""

import datetime
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from remiss import paminnelser, utkorg
from remiss.models import Påminnelse, Remissinstans, Utkorgspost
from tests.datum import idag
from tests.factories import RemissFactory

P = Påminnelse
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
        svarsdatum=idag() + datetime.timedelta(days=2),
        mottagen=timezone.now() - datetime.timedelta(days=20),
    )
    mail.outbox.clear()
    paminnelser.svep()
    return P.objects.get(mottagare=handläggare)


def post(påminnelse):
    return Utkorgspost.objects.gäller(påminnelse).get()


def kör(påminnelse):
    """Run the reminder's outbox row as a worker would; returns the row's new status."""
    return utkorg.utför(post(påminnelse).pk)


def status(påminnelse):
    påminnelse.refresh_from_db()
    return påminnelse.status


def test_the_sweep_writes_one_outbox_row_per_reminder_mail(påminnelse):
    assert Utkorgspost.objects.filter(uppdrag="epost.paminnelse").count() == P.objects.count()
    assert post(påminnelse).status == Utkorgspost.S.VÄNTAR


def test_a_reminder_is_sent_once_however_often_its_row_runs(påminnelse):
    assert kör(påminnelse) == Utkorgspost.S.KLAR
    assert kör(påminnelse) is None  # done: nobody can claim it again
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["joakim@example.se"]
    påminnelse.refresh_from_db()
    assert påminnelse.status == P.Status.SKICKAD and påminnelse.skickad
    assert påminnelse.epost == "joakim@example.se" and post(påminnelse).försök == 1


def test_a_reminder_already_sent_is_not_sent_again_when_its_row_is_taken_over(påminnelse):
    """The worker died between the server's "250 OK" and marking the row klar: the next worker
    finds the reminder sent and sends nothing."""
    assert kör(påminnelse) == Utkorgspost.S.KLAR
    Utkorgspost.objects.filter(pk=post(påminnelse).pk).update(status=Utkorgspost.S.VÄNTAR)
    assert kör(påminnelse) == Utkorgspost.S.KLAR
    assert len(mail.outbox) == 1


def test_a_reminder_being_sent_by_another_worker_is_left_alone(påminnelse):
    assert Utkorgspost.ta(post(påminnelse).pk) is not None  # another worker's claim
    assert kör(påminnelse) is None
    assert mail.outbox == [] and status(påminnelse) == P.Status.VÄNTAR


def test_a_reminder_that_is_gone_is_skipped_quietly(påminnelse):
    rad = post(påminnelse)
    påminnelse.delete()
    assert utkorg.utför(rad.pk) == Utkorgspost.S.HOPPADES_ÖVER


def test_an_instans_answered_before_the_mail_went_out_is_skipped(påminnelse):
    Remissinstans.objects.update(status=Remissinstans.Status.BESVARAD)
    assert kör(påminnelse) == Utkorgspost.S.HOPPADES_ÖVER
    assert mail.outbox == [] and status(påminnelse) == P.Status.HOPPADES_ÖVER
    assert påminnelse.orsak == P.Orsak.AVSLUTAD
    assert post(påminnelse).fel == str(P.Orsak.AVSLUTAD.label)


def test_a_deadline_moved_before_the_mail_went_out_is_skipped(påminnelse):
    Remissinstans.objects.update(svarsdatum=idag() + datetime.timedelta(days=40))
    kör(påminnelse)
    assert mail.outbox == [] and status(påminnelse) == P.Status.HOPPADES_ÖVER
    assert påminnelse.orsak == P.Orsak.NYTT_SVARSDATUM


def test_an_address_removed_before_the_mail_went_out_is_skipped(påminnelse, handläggare):
    handläggare.email = ""
    handläggare.save()
    kör(påminnelse)
    assert mail.outbox == [] and status(påminnelse) == P.Status.HOPPADES_ÖVER
    assert påminnelse.orsak == P.Orsak.INGEN_EPOST
    assert P.objects.utan_epost().get() == påminnelse


def test_an_smtp_error_gives_the_claim_back_and_tries_again_later(påminnelse):
    fel = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    with mock.patch(SKICKA, side_effect=fel):
        assert kör(påminnelse) == Utkorgspost.S.VÄNTAR
    rad = post(påminnelse)
    assert "SMTPServerDisconnected" in rad.fel and rad.nästa_försök > timezone.now()
    assert status(påminnelse) == P.Status.VÄNTAR
    Utkorgspost.objects.filter(pk=rad.pk).update(nästa_försök=timezone.now())
    assert kör(påminnelse) == Utkorgspost.S.KLAR and len(mail.outbox) == 1


def test_a_recipient_the_server_refuses_is_marked_failed_on_both_rows(påminnelse):
    fel = smtplib.SMTPRecipientsRefused({"joakim@example.se": (550, b"No such user")})
    with mock.patch(SKICKA, side_effect=fel):
        assert kör(påminnelse) == Utkorgspost.S.MISSLYCKAD
    påminnelse.refresh_from_db()
    assert påminnelse.status == P.Status.MISSLYCKAD and påminnelse.orsak == P.Orsak.AVVISAD
    assert "550" in påminnelse.fel and "550" in post(påminnelse).fel


def test_a_failed_reminder_asked_again_is_sent(påminnelse):
    with mock.patch(SKICKA, side_effect=ValueError("trasig mall")):
        kör(påminnelse)
    assert status(påminnelse) == P.Status.MISSLYCKAD and "trasig mall" in påminnelse.fel
    assert P.försök_igen(P.objects.all()) == [påminnelse.pk]
    assert status(påminnelse) == P.Status.VÄNTAR and post(påminnelse).status == "vantar"
    assert kör(påminnelse) == Utkorgspost.S.KLAR and status(påminnelse) == P.Status.SKICKAD


def test_a_failed_reminder_asked_again_from_the_outbox_is_sent_too(påminnelse):
    with mock.patch(SKICKA, side_effect=ValueError("trasig mall")):
        kör(påminnelse)
    utkorg.försök_igen(Utkorgspost.objects.filter(pk=post(påminnelse).pk))
    assert kör(påminnelse) == Utkorgspost.S.KLAR and status(påminnelse) == P.Status.SKICKAD
    assert len(mail.outbox) == 1


def test_an_unassigned_alert_is_skipped_once_someone_is_assigned(
    ks, un, ks_samordnare, registrator, handläggare
):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    remiss.skicka(av=ks_samordnare)
    remiss.instanser.update(mottagen=timezone.now() - datetime.timedelta(days=4))
    paminnelser.svep()
    larm = P.objects.get(typ=P.Typ.OTILLDELAD)
    remiss.instanser.get().tilldela(handläggare, av=registrator)
    mail.outbox.clear()
    kör(larm)
    assert mail.outbox == [] and status(larm) == P.Status.HOPPADES_ÖVER
    assert larm.orsak == P.Orsak.TILLDELAD


def test_the_transitions_are_enforced_in_one_place(påminnelse):
    with pytest.raises(ValueError, match="skickad → vantar"):
        P._övergå(påminnelse.pk, P.Status.SKICKAD, P.Status.VÄNTAR)
