"""The e-mails, sent by a real Celery worker on the real Redis broker (never eager mode). The
worker is a thread of the test process, so Django's locmem outbox shows what it sent."""

import datetime

import pytest
from celery.signals import task_postrun
from django.core import mail
from django.urls import reverse

from nämnder.roller import Roll
from remiss.models import Anstånd, Remissinstans
from remiss.tasks.notifieringar import notifiera_handläggare, notifiera_registratorer
from tests.factories import AnvändareFactory, RemissFactory
from tests.vanta import vänta_tills

SVAR_SENAST = datetime.date(2031, 10, 27)


@pytest.fixture(autouse=True)
def _webbplats(settings):
    settings.SITE_URL = "http://testserver.invalid"


@pytest.fixture
def körda():
    """The tasks the worker has finished in this test, as (name, return value)."""
    klara = []

    def notera(sender=None, retval=None, **kwargs):
        klara.append((sender.name, retval))

    task_postrun.connect(notera, weak=False)
    yield klara
    task_postrun.disconnect(notera)


@pytest.fixture
def sod_registrator(sod):
    return AnvändareFactory(username="ali", first_name="Ali", roller=[(sod, Roll.REGISTRATOR)])


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    return RemissFactory(
        nämnd=ks,
        diarienummer="KS 2023/740",
        skapad_av=ks_samordnare,
        sista_svarsdatum=SVAR_SENAST,
        remissdatum=datetime.date(2031, 9, 1),
        kontaktperson=ks_samordnare,
        mottagare=[un, sod],
    )


def test_sending_tells_the_registrators_of_each_recipient_nämnd(
    celeryarbetare, client, remiss, ks_samordnare, registrator, sod_registrator, handläggare
):
    client.force_login(ks_samordnare)
    client.post(reverse("ks:skicka", args=[remiss.pk]))
    vänta_tills(lambda: len(mail.outbox) == 2)
    assert sorted(m.to[0] for m in mail.outbox) == ["ali@example.se", "maja@example.se"]
    till_un = next(m for m in mail.outbox if m.to == ["maja@example.se"])
    instans = remiss.instanser.get(nämnd__diarieprefix="UN")
    assert till_un.subject == (
        "Ny remiss till Utbildningsnämnden: KS 2023/740 Övergripande samverkansöverenskommelse "
        "mellan Stockholms stad och Polisregion Stockholm"
    )
    assert "Svar senast: 27 oktober 2031" in till_un.body
    assert f"http://testserver.invalid/instanser/{instans.pk}/" in till_un.body
    assert "Karin Sjöberg" in till_un.body
    html, typ = till_un.alternatives[0]
    assert typ == "text/html" and "27 oktober 2031" in html and 'lang="sv"' in html
    vänta_tills(lambda: not Remissinstans.objects.filter(notifierad__isnull=True).exists())


def test_running_the_task_twice_sends_once(
    celeryarbetare, körda, remiss, ks_samordnare, registrator
):
    remiss.skicka(av=ks_samordnare)
    vänta_tills(lambda: len(körda) == 2)  # the two tasks the send itself queued
    mail.outbox.clear()
    instans = remiss.instanser.get(nämnd__diarieprefix="UN")
    Remissinstans.objects.filter(pk=instans.pk).update(notifierad=None)
    notifiera_registratorer.delay(instans.pk)
    notifiera_registratorer.delay(instans.pk)
    vänta_tills(lambda: len(körda) == 4)
    assert [m.to for m in mail.outbox] == [["maja@example.se"]]
    assert sorted(r for _, r in körda[2:]) == [False, True]


def test_a_task_for_a_row_that_is_gone_returns_quietly(celeryarbetare, körda):
    notifiera_registratorer.delay(987654)
    notifiera_handläggare.delay(987654, 1)
    vänta_tills(lambda: len(körda) == 2)
    assert [r for _, r in körda] == [False, False] and mail.outbox == []


def test_with_no_registrator_the_förvaltning_mailbox_is_told(
    celeryarbetare, körda, remiss, ks_samordnare
):
    remiss.skicka(av=ks_samordnare)
    vänta_tills(lambda: len(körda) == 2)
    # Utbildningsförvaltningen has a registry mailbox; Södermalm has none here, so no one.
    assert [m.to for m in mail.outbox] == [["registrator.utbildning@edu.stockholm.se"]]


def test_the_assigned_handläggare_is_told(
    uppgifter,
    celeryarbetare,
    körda,
    remiss,
    ks_samordnare,
    registrator,
    handläggare,
    avdelningschef,
    un,
):
    remiss.skicka(av=ks_samordnare)
    vänta_tills(lambda: len(körda) == 2)
    mail.outbox.clear()
    instans = remiss.instanser.get(nämnd=un)
    instans.registrera("UN 2031/1234", av=registrator)
    avdelning = un.avdelningar.create(namn="Avdelningen för ekonomi och styrning")
    instans.tilldela(
        handläggare, av=registrator, avdelning=avdelning, medhandläggare=[avdelningschef]
    )
    vänta_tills(lambda: len(körda) == 3)
    (brev,) = mail.outbox
    assert brev.to == ["joakim@example.se"] and brev.cc == ["ulrika@example.se"]
    assert brev.subject.startswith("Du handlägger remissen KS 2023/740")
    assert "Nämndens diarienummer: UN 2031/1234" in brev.body
    assert "Avdelning: Avdelningen för ekonomi och styrning" in brev.body
    assert "Svar senast: 27 oktober 2031" in brev.body
    # Assigning the same person again (a new avdelning, say) does not tell them again.
    instans.tilldela(handläggare, av=registrator)
    uppgifter.vänta_tills_alla_körda()
    assert len(mail.outbox) == 1


def test_the_nämnd_hears_ks_decision_on_an_anstånd(
    celeryarbetare, körda, remiss, ks_samordnare, registrator, handläggare, un
):
    remiss.skicka(av=ks_samordnare)
    vänta_tills(lambda: len(körda) == 2)
    mail.outbox.clear()
    instans = remiss.instanser.get(nämnd=un)
    anstånd = Anstånd.begär(
        instans,
        SVAR_SENAST + datetime.timedelta(days=14),
        "Nämnden sammanträder i november.",
        av=handläggare,
    )
    anstånd.bevilja(av=ks_samordnare)
    vänta_tills(lambda: len(körda) == 3)
    assert sorted(m.to[0] for m in mail.outbox) == ["joakim@example.se", "maja@example.se"]
    brev = mail.outbox[0]
    assert brev.subject.startswith("Anstånd beviljat: KS 2023/740")
    assert "Svar senast: 10 november 2031" in brev.body
