"""The outbox against a real SMTP server (aiosmtpd on localhost) and a real Celery worker on
Redis: a server that answers 451 for a while gets every notice exactly once when it accepts
again; a 550 makes the row failed for good, shown in the admin and on the remiss's page, and
never tried again."""

import asyncio
import datetime

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse

from nämnder.roller import Roll
from remiss import utkorg
from remiss.models import Utkorgspost
from tests.factories import AnvändareFactory, RemissFactory
from tests.remiss.paminnelse_smtp import Postlåda, ledig_port
from tests.utkorg_hjalp import vänta_på_utkorgen

S = Utkorgspost.Status


class UpptagenPostlåda(Postlåda):
    """Answers ``451 4.7.500 Server busy`` to the first ``upptagen`` recipients, then accepts."""

    def __init__(self, port, upptagen=0):
        super().__init__(port)
        self.upptagen = upptagen
        self.avvisade_tillfälligt = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.avvisade_tillfälligt < self.upptagen:
            self.avvisade_tillfälligt += 1
            await asyncio.sleep(0)
            return "451 4.7.500 Server busy"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)

    def från_utkorgen(self, adress):
        return [
            m for m in self.alla if m["To"] == adress and m["Message-ID"].startswith("<utkorg-")
        ]


@pytest.fixture
def smtp(settings):
    settings.SITE_URL = "https://remiss.stad.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = ledig_port()
    settings.EMAIL_TIMEOUT = 5
    settings.REMISS_UTKORG_BACKOFF_SEKUNDER = 0.2
    return settings


def _server(smtp, upptagen=0):
    postlåda = UpptagenPostlåda(smtp.EMAIL_PORT, upptagen)
    server = Controller(postlåda, hostname="127.0.0.1", port=postlåda.port)
    server.start()
    return postlåda, server


@pytest.fixture
def sod_registrator(sod):
    return AnvändareFactory(
        username="ali", email="ali@example.se", roller=[(sod, Roll.REGISTRATOR)]
    )


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    return RemissFactory(
        nämnd=ks,
        diarienummer="KS 2023/740",
        skapad_av=ks_samordnare,
        sista_svarsdatum=datetime.date(2031, 10, 27),
        remissdatum=datetime.date(2031, 9, 1),
        mottagare=[un, sod],
    )


def test_a_busy_server_answering_451_gets_every_notice_exactly_once_when_it_accepts(
    celeryarbetare, smtp, client, remiss, ks_samordnare, registrator, sod_registrator
):
    postlåda, server = _server(smtp, upptagen=4)
    try:
        client.force_login(ks_samordnare)
        svar = client.post(reverse("ks:skicka", args=[remiss.pk]), follow=True)
        assert "Deras registratorer får e-post." in svar.text
        poster = vänta_på_utkorgen()
    finally:
        server.stop()

    assert postlåda.avvisade_tillfälligt == 4
    assert [p.status for p in poster] == [S.KLAR, S.KLAR]
    assert sum(p.försök for p in poster) == 2 + 4  # each 451 cost one more attempt
    assert len(postlåda.från_utkorgen("maja@example.se")) == 1
    assert len(postlåda.från_utkorgen("ali@example.se")) == 1


def test_a_550_fails_the_row_for_good_and_shows_it_in_the_admin_and_on_the_page(
    celeryarbetare,
    smtp,
    client,
    remiss,
    ks_samordnare,
    registrator,
    sod_registrator,
    django_user_model,
):
    postlåda, server = _server(smtp)
    postlåda.avvisa = {"ali@example.se"}
    try:
        remiss.skicka(av=ks_samordnare)
        poster = vänta_på_utkorgen()
    finally:
        server.stop()

    avvisad = next(p for p in poster if p.argument["adress"] == "ali@example.se")
    assert avvisad.status == S.MISSLYCKAD and avvisad.försök == 1
    assert "550" in avvisad.fel
    assert len(postlåda.från_utkorgen("maja@example.se")) == 1
    assert postlåda.från_utkorgen("ali@example.se") == []
    assert utkorg.svep() == []  # failed for good: the sweep leaves it alone

    client.force_login(ks_samordnare)
    sida = client.get(reverse("remisser:detalj", args=[remiss.pk])).text
    assert "E-post till registratorn kunde inte skickas" in sida
    assert "ali@example.se" in sida and "550" in sida

    admin = django_user_model.objects.create_superuser("admin", "admin@example.se", "x")
    client.force_login(admin)
    lista = client.get(
        reverse("admin:remiss_utkorgspost_changelist"), {"status__exact": "misslyckad"}
    )
    assert lista.status_code == 200 and "ali@example.se" in lista.text
    assert "maja@example.se" not in lista.text
