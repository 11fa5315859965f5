"""A real worker *process* killed (SIGKILL) in the middle of a batch of reminders, and started
again: every due reminder still arrives exactly once, through the outbox alone.

The worker is ``celery -A remiss worker -B`` in its own process group (its beat sweeps the
outbox every second), on a Redis of the test's own, against this test's database; the SMTP
server holds the fourth message in the middle of its SMTP conversation, and the test kills the
worker there. Nobody presses anything: the lease runs out and the sweep hands the row on.
"""

import datetime
import signal

import pytest
from django.utils import timezone

from nämnder.roller import Roll
from remiss import paminnelser, utkorg
from remiss.models import Påminnelse, Remissinstans, Utkorgspost
from tests.factories import AnvändareFactory, NämndFactory, RemissFactory
from tests.remiss.paminnelse_smtp import ledig_port, smtpserver
from tests.utkorg_processer import Arbetare, EgenRedis, appens_broker
from tests.vanta import vänta_tills

P = Påminnelse
ANTAL = 10
LEASE = 4  # seconds: the dead worker's claim is taken back this soon


@pytest.fixture
def redis(tmp_path):
    redis = EgenRedis(tmp_path)
    redis.starta()
    with appens_broker(redis.url):
        yield redis
    redis.stoppa()


@pytest.fixture
def arbetare(redis, tmp_path, settings):
    settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 24
    port = ledig_port()
    miljö = {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "SITE_URL": "https://remiss.stad.example",
        "REMISS_UTKORG_LASTID_SEKUNDER": str(LEASE),
        "REMISS_UTKORG_KOMARGINAL_SEKUNDER": "2",
    }
    startade = []

    def ny():
        startade.append(Arbetare(redis.url, tmp_path, miljö).starta())
        return startade[-1]

    ny.port = port
    yield ny
    for process in startade:
        process.döda()


@pytest.fixture
def registratorer(transactional_db, ks, ks_samordnare):
    """Ten nämnder, each with a registrator, each due its two-day reminder."""
    nämnder = [NämndFactory() for _ in range(ANTAL)]
    personer = [AnvändareFactory(roller=[(n, Roll.REGISTRATOR)]) for n in nämnder]
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=nämnder)
    innan = timezone.now()
    remiss.skicka(av=ks_samordnare)
    # The notices that the remiss arrived are not this test's: only reminders pass the server.
    utkorg.hoppa_över_epost(innan, "inte i det här testet")
    Remissinstans.objects.update(
        svarsdatum=timezone.localdate() + datetime.timedelta(days=1),
        mottagen=timezone.now() - datetime.timedelta(days=2),
    )
    return personer


def test_a_worker_killed_mid_batch_and_restarted_delivers_each_reminder_once(
    registratorer, arbetare
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
        assert status.count(P.Status.SKICKAD) == 3 and status.count(P.Status.VÄNTAR) == ANTAL - 3
        avbruten = Utkorgspost.objects.get(uppdrag="epost.paminnelse", status=Utkorgspost.S.PÅGÅR)

        # A new worker sends the rest; the row the dead one had claimed waits out its lease,
        # then the new worker's beat sweeps it to the new worker.
        arbetare()
        vänta_tills(lambda: P.objects.filter(status=P.Status.SKICKAD).count() == ANTAL, 90)
        vänta_tills(
            lambda: (
                not Utkorgspost.objects.exclude(
                    status__in=[Utkorgspost.S.KLAR, Utkorgspost.S.HOPPADES_ÖVER]
                ).exists()
            ),
            30,
        )

    mottagare = sorted(m["To"] for m in postlåda.meddelanden)
    assert mottagare == sorted(p.email for p in registratorer)
    assert Utkorgspost.objects.get(pk=avbruten.pk).försök == 2
