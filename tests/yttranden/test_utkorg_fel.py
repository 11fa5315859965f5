"""The outbox under real faults, with real processes: a Redis of the test's own, stopped while
people work; ``celery -A remiss worker -B`` as a separate process (its beat sweeps every second);
a real SMTP server (aiosmtpd); a worker SIGKILLed in the middle of sealing a PDF.

Nobody presses a button after the fault: what arrives, arrives because the outbox catches up.
"""

import collections
import http.server
import threading

import pytest
from django.urls import reverse

from remiss.models import Utkorgspost
from tests.inloggning.hjalp import logga_in_nyss
from tests.kedja import skriv_klart
from tests.remiss.paminnelse_smtp import ledig_port, smtpserver
from tests.utkorg_hjalp import vänta_på_utkorgen
from tests.utkorg_processer import Arbetare, EgenRedis, appens_broker
from tests.vanta import vänta_tills
from tests.yttranden.pdfhjalp import demokatalog, kör
from yttranden.models import Pdfdokument, Tjänsteutlåtande

pytestmark = pytest.mark.usefixtures("transactional_db")


@pytest.fixture
def redis(tmp_path):
    redis = EgenRedis(tmp_path)
    redis.starta()
    with appens_broker(redis.url):
        yield redis
    redis.stoppa()


@pytest.fixture
def arkiv(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "handlingar"
    return settings.MEDIA_ROOT


@pytest.fixture
def arbetare(redis, arkiv, tmp_path, settings):
    smtp_port = ledig_port()
    katalog = demokatalog()
    miljö = {
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "SITE_URL": "https://remiss.stad.example",
        "MEDIA_ROOT": str(arkiv),
        "REMISS_SIGILL_CERT": str(katalog / "sigill.pem"),
        "REMISS_SIGILL_NYCKEL": str(katalog / "sigill-nyckel.pem"),
        "REMISS_UTKORG_KOMARGINAL_SEKUNDER": "2",
    }
    startade = []

    def ny(**extra):
        startade.append(Arbetare(redis.url, tmp_path, miljö).starta(**extra))
        return startade[-1]

    ny.smtp_port = smtp_port
    yield ny
    for process in startade:
        process.döda()


def _meddelande(svar):
    return [str(m) for m in svar.context["messages"]] if svar.context else []


def test_with_redis_stopped_every_page_answers_and_everything_arrives_once_it_is_back(
    redis,
    arbetare,
    arkiv,
    client,
    ks,
    un,
    sod,
    ks_samordnare,
    registrator,
    handläggare,
    avdelningschef,
    direktör,
):
    from tests.factories import RemissFactory

    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod])
    redis.stoppa()  # Redis goes down before anyone starts work

    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:skicka", args=[remiss.pk]), follow=True)
    assert svar.status_code == 200
    assert any("Deras registratorer får e-post." in m for m in _meddelande(svar))
    instans = remiss.instanser.get(nämnd=un)
    instans.registrera("UN 2031/1234", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    skriv_klart(utlåtande, handläggare)

    for person, url, väntat in [
        (handläggare, "yttranden:skicka", "är skickat till"),
        (avdelningschef, "yttranden:godkänn", "Utlåtandet är godkänt"),
        (direktör, "yttranden:attestera", "Utlåtandet är attesterat."),
    ]:
        logga_in_nyss(client, person)  # a fresh login: the attest asks for one
        svar = client.post(reverse(url, args=[utlåtande.pk]))
        assert svar.status_code == 302, url
        sida = client.get(svar.url)
        assert sida.status_code == 200
        assert any(väntat in m for m in _meddelande(sida)), url

    poster = list(Utkorgspost.objects.all())
    assert poster and {p.status for p in poster} == {Utkorgspost.S.VÄNTAR}
    assert all(p.publicerad is None for p in poster)  # nothing could be queued

    with smtpserver(arbetare.smtp_port) as postlåda:
        redis.starta()
        arbetare()
        poster = vänta_på_utkorgen(sekunder=180)

    assert {p.status for p in poster} == {Utkorgspost.S.KLAR}
    epost = [p for p in poster if p.uppdrag.startswith("epost.")]
    ankomna = collections.Counter(m["Message-ID"] for m in postlåda.alla)
    assert ankomna == collections.Counter(
        f"<utkorg-{p.pk}@remiss.stad.example>" for p in epost
    )  # every mail, exactly once
    assert {p.uppdrag for p in epost} >= {
        "epost.remiss_inkommen",
        "epost.handlaggare_tilldelad",
        "epost.utlatande",
    }
    pdf = Pdfdokument.objects.get(utlåtande=utlåtande)
    assert pdf.status == Pdfdokument.Status.KLAR
    fil = arkiv / pdf.fil.name
    assert "Signature Validation: Signature is Valid." in kör("pdfsig", str(fil)).stdout


class HängandeTidsstämpel(http.server.BaseHTTPRequestHandler):
    """A timestamp authority that takes the request and never answers: the worker is then
    known to be in the middle of sealing the PDF."""

    anropad = threading.Event()
    släpp = threading.Event()

    def do_POST(self):
        self.anropad.set()
        self.släpp.wait(30)

    def log_message(self, *args):
        pass


@pytest.fixture
def tidsstämpeltjänst():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HängandeTidsstämpel)
    HängandeTidsstämpel.anropad.clear()
    HängandeTidsstämpel.släpp.clear()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    HängandeTidsstämpel.släpp.set()
    server.shutdown()


def test_a_worker_killed_mid_render_and_restarted_makes_the_pdf_without_a_button(
    redis, arbetare, arkiv, tidsstämpeltjänst, godkänt, direktör
):
    första = arbetare(REMISS_TSA_URL=tidsstämpeltjänst, REMISS_UTKORG_LASTID_SEKUNDER="3")
    godkänt.attestera(av=direktör)
    assert HängandeTidsstämpel.anropad.wait(120), "Arbetaren kom aldrig till förseglingen."

    första.döda()  # SIGKILL to the whole process group, mid-seal
    dokument = Pdfdokument.objects.get(utlåtande=godkänt)
    assert dokument.status == Pdfdokument.Status.RENDERAS
    post = dokument.post
    assert post.status == Utkorgspost.S.PÅGÅR and post.försök == 1

    # Started again (without the timestamp authority, which stays silent); its beat's sweep
    # takes back the dead worker's claim once the lease has run out.
    arbetare()
    vänta_tills(
        lambda: Pdfdokument.objects.get(pk=dokument.pk).status == Pdfdokument.Status.KLAR,
        sekunder=180,
    )
    dokument.refresh_from_db()
    assert Pdfdokument.objects.filter(utlåtande=godkänt).count() == 1
    assert [f.name for f in (arkiv / "pdf").iterdir()] == [dokument.fil.name.split("/")[-1]]
    post.refresh_from_db()
    assert post.status == Utkorgspost.S.KLAR and post.försök == 2
    assert (
        "Signature Validation: Signature is Valid."
        in kör("pdfsig", str(arkiv / dokument.fil.name)).stdout
    )
