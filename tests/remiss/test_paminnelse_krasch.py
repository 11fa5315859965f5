"""A real worker *process* killed (SIGKILL) in the middle of a batch of reminders, and started
again: every due reminder still arrives exactly once.

The worker is ``celery -A remiss worker`` in its own process group, on the real Redis broker and a
queue of this test's own, against this test's database; the SMTP server holds the fourth message
in the middle of its SMTP conversation, and the test kills the worker there.
"""

import datetime
import os
import signal
import subprocess
import sys
import uuid

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone

from nämnder.roller import Roll
from remiss import paminnelser
from remiss.models import Påminnelse, Remissinstans
from tests.factories import AnvändareFactory, NämndFactory, RemissFactory
from tests.remiss.paminnelse_smtp import ledig_port, smtpserver
from tests.vanta import vänta_tills, vänta_tills_arbetaren_hunnit_ikapp

P = Påminnelse
ANTAL = 10


def _databas_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Arbetare:
    """``celery -A remiss worker`` as a separate process, started and killed by the test."""

    def __init__(self, kö, smtp_port):
        self.kö, self.smtp_port, self.process = kö, smtp_port, None

    def starta(self):
        miljö = {
            **os.environ,
            "DATABASE_URL": _databas_url(),
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp_port),
            "SITE_URL": "https://remiss.stad.example",
        }
        kommando = [
            *(sys.executable, "-m", "celery", "-A", "remiss", "worker"),
            *("-Q", self.kö, "-c", "1", "-P", "prefork", "-l", "WARNING"),
            *("-n", f"{self.kö}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat"),
        ]
        self.process = subprocess.Popen(
            kommando, env=miljö, cwd=django_settings.BASE_DIR, start_new_session=True
        )

    def döda(self, signal_=signal.SIGKILL):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal_)
            self.process.wait(timeout=30)


@pytest.fixture
def kö(settings):
    namn = f"paminnelser-krasch-{uuid.uuid4().hex[:8]}"
    settings.REMISS_PAMINNELSER_KO = namn
    settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 24
    return namn


@pytest.fixture
def arbetare(kö):
    port = ledig_port()
    startade = []

    def ny():
        arbetare = Arbetare(kö, port)
        arbetare.starta()
        startade.append(arbetare)
        return arbetare

    ny.port = port
    yield ny
    for arbetare in startade:
        arbetare.döda()


@pytest.fixture
def registratorer(transactional_db, ks, ks_samordnare):
    """Ten nämnder, each with a registrator, each due its two-day reminder."""
    nämnder = [NämndFactory() for _ in range(ANTAL)]
    personer = [AnvändareFactory(roller=[(n, Roll.REGISTRATOR)]) for n in nämnder]
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=nämnder)
    remiss.skicka(av=ks_samordnare)
    Remissinstans.objects.update(
        svarsdatum=timezone.localdate() + datetime.timedelta(days=1),
        mottagen=timezone.now() - datetime.timedelta(days=2),
    )
    return personer


def test_a_worker_killed_mid_batch_and_restarted_delivers_each_reminder_once(
    registratorer, arbetare, kö, settings
):
    with smtpserver(arbetare.port) as postlåda:
        postlåda.håll_nummer = 4
        första = arbetare()
        assert len(paminnelser.svep().nya) == ANTAL
        assert postlåda.hålls.wait(60), "Arbetaren kom aldrig fram till fjärde brevet."

        första.döda(signal.SIGKILL)
        postlåda.släpp.set()
        assert len(postlåda.meddelanden) == 3
        status = sorted(P.objects.values_list("status", flat=True))
        assert status.count(P.Status.SKICKAD) == 3 and status.count(P.Status.SKICKAS) == 1
        avbruten = P.objects.get(status=P.Status.SKICKAS)

        arbetare()
        vänta_tills(lambda: len(postlåda.meddelanden) == ANTAL - 1, sekunder=60)
        # The one the dead worker had claimed waits for its lease to run out; then the sweep,
        # as beat runs it, takes it back and the new worker sends it.
        assert len(paminnelser.svep().återtagna) == 0  # its lease still holds
        settings.REMISS_PAMINNELSER_LASTID = datetime.timedelta(seconds=1)
        efter_lasten = timezone.now() + datetime.timedelta(seconds=2)
        assert len(paminnelser.svep(efter_lasten).återtagna) == 1
        vänta_tills(lambda: P.objects.filter(status=P.Status.SKICKAD).count() == ANTAL, sekunder=60)
        vänta_tills_arbetaren_hunnit_ikapp(kö, sekunder=60)  # so any duplicate would have arrived

    mottagare = sorted(m["To"] for m in postlåda.meddelanden)
    assert mottagare == sorted(p.email for p in registratorer)
    assert P.objects.get(pk=avbruten.pk).försök == 2
