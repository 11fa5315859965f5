"""The e-mails, sent by a real Celery worker on the real Redis broker (never eager mode). The
worker is a thread of the test process, so Django's locmem outbox shows what it sent."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from nämnder.roller import Roll
from remiss import utkorg
from remiss.models import Anstånd, Utkorgspost
from remiss.tasks.utkorg import utför
from tests.factories import AnvändareFactory, RemissFactory
from tests.utkorg_hjalp import vänta_på_utkorgen
from tests.vanta import vänta_tills

SVAR_SENAST = datetime.date(2031, 10, 27)


@pytest.fixture(autouse=True)
def _webbplats(settings):
    settings.SITE_URL = "http://testserver.invalid"


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


def test_running_the_task_twice_sends_once(celeryarbetare, remiss, ks_samordnare, registrator):
    remiss.skicka(av=ks_samordnare)
    (post,) = vänta_på_utkorgen()
    assert post.status == Utkorgspost.S.KLAR and post.försök == 1
    utför.delay(post.pk)  # a duplicate message
    assert utkorg.utför(post.pk) is None  # and the task once more, right here
    assert utkorg.svep() == []  # nothing for the sweep either
    vänta_på_utkorgen()
    assert [m.to for m in mail.outbox] == [["maja@example.se"]]
    assert Utkorgspost.objects.get().försök == 1


def test_a_task_for_a_row_that_is_gone_returns_quietly(db):
    assert utkorg.utför(987654) is None and mail.outbox == []


def test_sending_writes_one_outbox_row_per_address_in_the_same_transaction(
    remiss, ks_samordnare, registrator, sod_registrator
):
    remiss.skicka(av=ks_samordnare)
    poster = Utkorgspost.objects.order_by("pk")
    assert sorted((p.argument["adress"], p.uppdrag, p.status) for p in poster) == [
        ("ali@example.se", "epost.remiss_inkommen", "vantar"),
        ("maja@example.se", "epost.remiss_inkommen", "vantar"),
    ]


def test_with_no_registrator_the_förvaltning_mailbox_is_told(celeryarbetare, remiss, ks_samordnare):
    remiss.skicka(av=ks_samordnare)
    vänta_på_utkorgen()
    # Utbildningsförvaltningen has a registry mailbox; Södermalm has none here, so no one.
    assert [m.to for m in mail.outbox] == [["registrator.utbildning@edu.stockholm.se"]]


def test_the_assigned_handläggare_is_told(
    celeryarbetare,
    remiss,
    ks_samordnare,
    registrator,
    handläggare,
    avdelningschef,
    un,
):
    remiss.skicka(av=ks_samordnare)
    vänta_på_utkorgen()
    mail.outbox.clear()
    instans = remiss.instanser.get(nämnd=un)
    instans.registrera("UN 2031/1234", av=registrator)
    avdelning = un.avdelningar.create(namn="Avdelningen för ekonomi och styrning")
    instans.tilldela(
        handläggare, av=registrator, avdelning=avdelning, medhandläggare=[avdelningschef]
    )
    vänta_på_utkorgen()
    (brev,) = mail.outbox
    assert brev.to == ["joakim@example.se"] and brev.cc == ["ulrika@example.se"]
    assert brev.subject.startswith("Du handlägger remissen KS 2023/740")
    assert "Nämndens diarienummer: UN 2031/1234" in brev.body
    assert "Avdelning: Avdelningen för ekonomi och styrning" in brev.body
    assert "Svar senast: 27 oktober 2031" in brev.body
    # Assigning the same person again (a new avdelning, say) does not tell them again.
    före = Utkorgspost.objects.count()
    instans.tilldela(handläggare, av=registrator)
    assert Utkorgspost.objects.count() == före


def test_the_nämnd_hears_ks_decision_on_an_anstånd(
    celeryarbetare, remiss, ks_samordnare, registrator, handläggare, un
):
    remiss.skicka(av=ks_samordnare)
    vänta_på_utkorgen()
    mail.outbox.clear()
    instans = remiss.instanser.get(nämnd=un)
    anstånd = Anstånd.begär(
        instans,
        SVAR_SENAST + datetime.timedelta(days=14),
        "Nämnden sammanträder i november.",
        av=handläggare,
    )
    anstånd.bevilja(av=ks_samordnare)
    vänta_på_utkorgen()
    assert sorted(m.to[0] for m in mail.outbox) == ["joakim@example.se", "maja@example.se"]
    brev = mail.outbox[0]
    assert brev.subject.startswith("Anstånd beviljat: KS 2023/740")
    assert "Svar senast: 10 november 2031" in brev.body
