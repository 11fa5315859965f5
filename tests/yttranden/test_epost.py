"""The e-mails about review and attest, sent by a real Celery worker on the real Redis broker
(A's ``celeryarbetare`` fixture, never eager mode). The worker is a thread of this process, so
Django's locmem outbox shows what it sent."""

import pytest
from django.core import mail

from remiss import utkorg
from remiss.models import Utkorgspost
from remiss.tasks.utkorg import utför
from tests.kedja import skriv_klart
from tests.utkorg_hjalp import vänta_på_utkorgen


@pytest.fixture(autouse=True)
def _webbplats(settings):
    settings.SITE_URL = "http://testserver.invalid"


@pytest.fixture
def i_granskning(celeryarbetare, utlåtande, handläggare):
    skriv_klart(utlåtande, handläggare)
    utlåtande.skicka_till_granskning(av=handläggare)
    vänta_på_utkorgen()
    return utlåtande


def _till(adress):
    return [m for m in mail.outbox if m.to == [adress]]


def test_the_reviewer_is_told_when_an_utlåtande_is_sent_for_review(i_granskning):
    (meddelande,) = _till("ulrika@example.se")
    assert meddelande.subject.startswith("Att granska: tjänsteutlåtande om KS 2023/740")
    assert "Joakim Länninge har skickat tjänsteutlåtandet" in meddelande.body
    assert f"http://testserver.invalid/utlatanden/{i_granskning.pk}/" in meddelande.body
    html, typ = meddelande.alternatives[0]
    assert typ == "text/html" and 'lang="sv"' in html


def test_the_handläggare_is_told_when_it_is_returned_with_the_reason(i_granskning, avdelningschef):
    mail.outbox.clear()
    i_granskning.återremittera("Korta sammanfattningen.", av=avdelningschef)
    vänta_på_utkorgen()
    (meddelande,) = _till("joakim@example.se")
    assert meddelande.subject.startswith("Återremitterat:")
    assert "Korta sammanfattningen." in meddelande.body


def test_approval_tells_the_handläggare_and_the_direktör(i_granskning, avdelningschef):
    mail.outbox.clear()
    i_granskning.godkänn(av=avdelningschef)
    vänta_på_utkorgen()
    assert _till("joakim@example.se")[0].subject.startswith("Godkänt:")
    till_direktören = _till("lena@example.se")[0]
    assert till_direktören.subject.startswith("Att attestera:")
    assert "väntar på din attest" in till_direktören.body


def test_running_the_task_twice_sends_once(i_granskning):
    (post,) = Utkorgspost.objects.filter(uppdrag="epost.utlatande")
    utför.delay(post.pk)
    assert utkorg.utför(post.pk) is None
    vänta_på_utkorgen()
    assert len(_till("ulrika@example.se")) == 1
    assert Utkorgspost.objects.get(pk=post.pk).försök == 1
