"""A mail refused for good (a real SMTP server, aiosmtpd, answering 550) is told, in Swedish, on
the page where the person who caused it expects the result: the registrator's assignment on the
instans page, the handläggare's "send for review" and the avdelningschef's approval on the
utlåtande's page, the nämndsekreterare's answer to KS on the ärende's page. A real Celery worker
sends; nobody but those concerned is told."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import SammanträdeFactory
from tests.kedja import skriv_klart
from tests.remiss.paminnelse_smtp import ledig_port, smtpserver
from tests.utkorg_hjalp import vänta_på_utkorgen
from yttranden.models import Beslut, Ärende

pytestmark = pytest.mark.usefixtures("celeryarbetare")


@pytest.fixture
def postlåda(settings):
    settings.SITE_URL = "https://remiss.stad.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = ledig_port()
    settings.EMAIL_TIMEOUT = 5
    with smtpserver(settings.EMAIL_PORT) as postlåda:
        yield postlåda


def _sida(client, person, url):
    vänta_på_utkorgen()
    client.force_login(person)
    svar = client.get(url)
    assert svar.status_code == 200
    return svar.text


def test_a_refused_notice_to_the_handläggare_shows_on_the_instans_page(
    postlåda, remiss, client, registrator, handläggare, outsider
):
    postlåda.avvisa.add(handläggare.email)
    instans = remiss.instanser.get(nämnd__diarieprefix="UN")
    client.force_login(registrator)
    client.post(reverse("instanser:tilldela", args=[instans.pk]), {"handläggare": handläggare.pk})
    instans.refresh_from_db()
    assert instans.handläggare == handläggare

    sida = _sida(client, registrator, reverse("instanser:detalj", args=[instans.pk]))
    assert "E-post till handläggaren kunde inte skickas" in sida
    assert "joakim@example.se" in sida and "550" in sida
    # The other nämnd's case, with its own (delivered) notice, says nothing of it.
    annan = remiss.instanser.exclude(pk=instans.pk).get()
    assert "kunde inte skickas" not in _sida(
        client, outsider, reverse("instanser:detalj", args=[annan.pk])
    )


def test_a_refused_mail_to_the_reviewer_shows_on_the_utlåtande_page(
    postlåda, utlåtande, client, handläggare, avdelningschef
):
    postlåda.avvisa.add(avdelningschef.email)
    skriv_klart(utlåtande, handläggare)
    client.force_login(handläggare)
    client.post(reverse("yttranden:skicka", args=[utlåtande.pk]))
    utlåtande.refresh_from_db()
    assert utlåtande.status == utlåtande.S.GRANSKNING

    sida = _sida(client, handläggare, reverse("yttranden:detalj", args=[utlåtande.pk]))
    assert "E-post till granskaren kunde inte skickas" in sida
    assert "ulrika@example.se" in sida and "550" in sida
    assert "E-post till direktören" not in sida


def test_a_refused_mail_to_the_direktör_shows_on_the_utlåtande_page(
    postlåda, granskas, client, avdelningschef, direktör
):
    postlåda.avvisa.add(direktör.email)
    client.force_login(avdelningschef)
    client.post(reverse("yttranden:godkänn", args=[granskas.pk]))
    granskas.refresh_from_db()
    assert granskas.status == granskas.S.GODKÄND

    sida = _sida(client, avdelningschef, reverse("yttranden:detalj", args=[granskas.pk]))
    assert "E-post till direktören kunde inte skickas" in sida
    assert "lena@example.se" in sida and "550" in sida
    assert "E-post till handläggaren" not in sida  # the handläggare's notice arrived


def test_a_refused_answer_mail_to_ks_shows_on_the_ärende_page(
    postlåda, attesterat, client, nämndsekreterare, ks_samordnare, un
):
    postlåda.avvisa.add(ks_samordnare.email)
    möte = SammanträdeFactory(nämnd=un, datum=timezone.localdate())
    ärende = Ärende.lägg_på_dagordning(attesterat, möte, 10, av=nämndsekreterare)
    Beslut.registrera(ärende, "1. Godkänns.", av=nämndsekreterare, justeras_omedelbart=True)
    client.force_login(nämndsekreterare)
    client.post(reverse("beslut:skicka_svar", args=[ärende.pk]))
    assert ärende.beslut.svar.exists()

    sida = _sida(client, nämndsekreterare, reverse("beslut:ärende", args=[ärende.pk]))
    assert "E-post till kommunstyrelsen om svaret kunde inte skickas" in sida
    assert "karin@example.se" in sida and "550" in sida
