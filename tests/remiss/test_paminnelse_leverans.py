"""Reminders delivered for real: the sweep decides them and puts each mail in the outbox, a real
Celery worker on the real Redis broker sends them through Django's SMTP backend, and a real SMTP
server on localhost (aiosmtpd) shows what arrived."""

import datetime
import re
import threading

import pytest
from django.db import connection
from django.utils import timezone

from nämnder.roller import Roll
from remiss import paminnelser, utkorg
from remiss.models import Påminnelse, Remissinstans, Utkorgspost
from remiss.tasks.utkorg import publicera_del, utför
from tests.datum import idag
from tests.factories import AnvändareFactory, RemissFactory
from tests.remiss.paminnelse_smtp import brödtext, ledig_port, smtpserver
from tests.vanta import vänta_tills

P = Påminnelse
# The outbox's tasks: every message for a reminder's row (and the chunks of a large batch).
PÅMINNELSEUPPGIFTER = (publicera_del, utför)


def svarsdatum():
    return idag() + datetime.timedelta(days=7)


def ämne(brev):
    # Python's compat32 folding puts the encoded words on the next line; a reader strips that.
    return str(brev["Subject"]).strip()


def alla_klara():
    return not P.objects.filter(status=P.Status.VÄNTAR).exists()


def poster(**villkor):
    return Utkorgspost.objects.filter(uppdrag="epost.paminnelse", **villkor)


@pytest.fixture
def smtp(settings):
    settings.SITE_URL = "https://remiss.stad.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = ledig_port()
    settings.EMAIL_TIMEOUT = 5
    settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 24
    return settings


@pytest.fixture
def postlåda(smtp):
    with smtpserver(smtp.EMAIL_PORT) as postlåda:
        yield postlåda


@pytest.fixture
def medhandläggare(un):
    return AnvändareFactory(
        username="sara", first_name="Sara", email="sara@example.se", roller=[(un, Roll.HANDLÄGGARE)]
    )


@pytest.fixture
def instans(celeryarbetare, ks, un, ks_samordnare, registrator, handläggare, medhandläggare):
    remiss = RemissFactory(
        nämnd=ks,
        diarienummer="KS 2023/740",
        skapad_av=ks_samordnare,
        mottagare=[un],
        sista_svarsdatum=svarsdatum(),
    )
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get()
    instans.registrera("UN 2023/1234", av=registrator)
    instans.tilldela(handläggare, av=registrator, medhandläggare=[medhandläggare])
    Remissinstans.objects.update(mottagen=timezone.now() - datetime.timedelta(days=30))
    return instans


def test_a_reminder_arrives_in_swedish_with_everything_needed(instans, postlåda):
    paminnelser.svep()
    vänta_tills(lambda: len(postlåda.meddelanden) == 3 and alla_klara())
    assert sorted(m["To"] for m in postlåda.meddelanden) == [
        "joakim@example.se",
        "maja@example.se",
        "sara@example.se",
    ]
    (brev,) = postlåda.till("joakim@example.se")
    frist = svarsdatum()
    datum = f"{frist.day} {frist:%B}"  # checked in Swedish below
    assert ämne(brev).startswith(
        "Påminnelse: remiss KS 2023/740 till Utbildningsnämnden, svar senast"
    )
    assert ämne(brev).endswith("(7 dagar kvar)")
    assert re.search(rb"Subject:\s+=\?utf-8\?", brev.rå)  # encoded per RFC 2047, not raw bytes
    assert brev.get_content_type() == "multipart/alternative"
    text, html = brödtext(brev), brödtext(brev, "html")
    for del_ in (text, html):
        assert "KS 2023/740" in del_ and "Övergripande samverkansöverenskommelse" in del_
        assert "Utbildningsnämnden" in del_ and "UN 2023/1234" in del_
        assert "7 dagar kvar" in del_
        assert f"https://remiss.stad.example/instanser/{instans.pk}/" in del_
    assert str(frist.day) in text and datum.split()[0] in text
    assert "Du får påminnelsen som handläggare för ärendet" in text
    assert "som medhandläggare" in brödtext(postlåda.till("sara@example.se")[0])
    assert "som registrator i Utbildningsnämnden" in brödtext(postlåda.till("maja@example.se")[0])
    assert brev["Message-ID"].startswith("<paminnelse-") and brev["Auto-Submitted"]
    assert set(P.objects.values_list("status", flat=True)) == {P.Status.SKICKAD}


def test_the_deadline_is_written_out_in_swedish(instans, postlåda):
    Remissinstans.objects.update(svarsdatum=datetime.date(2031, 10, 27))
    paminnelser.svep(timezone.make_aware(datetime.datetime(2031, 10, 20, 9)))
    vänta_tills(lambda: len(postlåda.meddelanden) == 3 and alla_klara())
    brev = postlåda.till("joakim@example.se")[0]
    assert "svar senast 27 oktober 2031" in ämne(brev)
    assert "Svar senast: 27 oktober 2031" in brödtext(brev)


def test_an_overdue_reminder_says_how_late_it_is(instans, postlåda):
    Remissinstans.objects.update(svarsdatum=idag() - datetime.timedelta(days=1))
    paminnelser.svep()
    vänta_tills(lambda: len(postlåda.meddelanden) == 3 and alla_klara())
    brev = postlåda.till("joakim@example.se")[0]
    assert ämne(brev).startswith("Försenat svar: remiss KS 2023/740")
    assert "1 dag försenad" in brödtext(brev) and "begär anstånd" in brödtext(brev)


def test_the_registrator_is_alerted_about_an_unassigned_instans(
    celeryarbetare, ks, un, ks_samordnare, registrator, postlåda
):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    remiss.skicka(av=ks_samordnare)
    remiss.instanser.update(
        svarsdatum=idag() + datetime.timedelta(days=40),
        mottagen=timezone.now() - datetime.timedelta(days=4),
    )
    paminnelser.svep()
    vänta_tills(lambda: len(postlåda.meddelanden) == 1 and alla_klara())
    (brev,) = postlåda.meddelanden
    assert brev["To"] == "maja@example.se"
    assert ämne(brev).startswith("Ingen handläggare: remiss")
    assert "har väntat i 4 dagar" in ämne(brev)


def test_ks_gets_a_digest_of_late_and_at_risk_instanser(
    celeryarbetare, ks, un, sod, ks_samordnare, postlåda, settings
):
    settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 7
    dag = idag()
    while dag.weekday() >= 5:  # the digest goes out on weekdays
        dag -= datetime.timedelta(days=1)
    sen = RemissFactory(
        nämnd=ks, diarienummer="KS 2023/740", skapad_av=ks_samordnare, mottagare=[un]
    )
    risk = RemissFactory(
        nämnd=ks, diarienummer="KS 2023/801", skapad_av=ks_samordnare, mottagare=[sod]
    )
    for remiss, dagar in ((sen, -2), (risk, 3)):
        remiss.skicka(av=ks_samordnare)
        remiss.instanser.update(svarsdatum=dag + datetime.timedelta(days=dagar))
    paminnelser.svep(timezone.make_aware(datetime.datetime.combine(dag, datetime.time(9))))
    vänta_tills(lambda: len(postlåda.meddelanden) == 1 and alla_klara())
    (brev,) = postlåda.meddelanden
    assert brev["To"] == "karin@example.se"
    assert "1 försenade, 1 i riskzonen" in ämne(brev)
    text = brödtext(brev)
    assert text.index("Försenade (1)") < text.index("KS 2023/740") < text.index("I riskzonen")
    assert text.index("I riskzonen") < text.index("KS 2023/801")
    assert "Södermalms stadsdelsnämnd" in text and "2 dagar försenad" in text
    assert "KS 2023/801" in brödtext(brev, "html")


def test_smtp_down_reminders_wait_and_go_out_once_when_it_returns(uppgifter, instans, smtp):
    smtp.REMISS_UTKORG_BACKOFF_SEKUNDER = 0.3
    paminnelser.svep()
    vänta_tills(lambda: poster(försök__gte=2, status=Utkorgspost.S.VÄNTAR).count() == 3)
    assert "ConnectionRefusedError" in poster().first().fel
    assert set(P.objects.values_list("status", flat=True)) == {P.Status.VÄNTAR}
    with smtpserver(smtp.EMAIL_PORT) as postlåda:
        vänta_tills(alla_klara)
        # Every reminder task has run, so any duplicate would have arrived.
        uppgifter.vänta_tills_alla_körda(*PÅMINNELSEUPPGIFTER)
    assert sorted(m["To"] for m in postlåda.meddelanden) == [
        "joakim@example.se",
        "maja@example.se",
        "sara@example.se",
    ]
    assert set(P.objects.values_list("status", flat=True)) == {P.Status.SKICKAD}
    assert set(poster().values_list("status", flat=True)) == {Utkorgspost.S.KLAR}


def test_a_long_smtp_outage_is_caught_up_by_the_outbox_sweep(instans, smtp):
    """The retry is due an hour ahead; the outbox's sweep (beat, every minute) publishes it once
    due and its message is lost, with no reminder mechanism of its own."""
    smtp.REMISS_UTKORG_BACKOFF_SEKUNDER = 3600
    paminnelser.svep()
    vänta_tills(lambda: poster(försök=1, status=Utkorgspost.S.VÄNTAR).count() == 3)
    assert not set(utkorg.svep()) & set(poster().values_list("pk", flat=True))  # not due yet
    with smtpserver(smtp.EMAIL_PORT) as postlåda:
        # Two hours on, and the worker's delayed retry was lost (Redis restarted, say).
        förr = timezone.now() - datetime.timedelta(
            seconds=smtp.REMISS_UTKORG_KOMARGINAL_SEKUNDER + 1
        )
        poster().update(nästa_försök=förr, publicerad=förr)
        assert set(poster().values_list("pk", flat=True)) <= set(utkorg.svep())
        vänta_tills(lambda: poster(status=Utkorgspost.S.KLAR).count() == 3 and alla_klara())
    assert len(postlåda.meddelanden) == 3


def test_a_refused_recipient_is_marked_failed_and_the_others_still_go_out(instans, postlåda):
    postlåda.avvisa.add("sara@example.se")
    paminnelser.svep()
    vänta_tills(lambda: len(postlåda.meddelanden) == 2 and alla_klara())
    vänta_tills(lambda: P.objects.filter(status=P.Status.MISSLYCKAD).exists())
    sara = P.objects.get(mottagare__username="sara")
    assert sara.status == P.Status.MISSLYCKAD and sara.orsak == P.Orsak.AVVISAD
    assert "550" in sara.fel
    assert Utkorgspost.objects.gäller(sara).get().status == Utkorgspost.S.MISSLYCKAD


def test_two_sweeps_at_the_same_time_send_each_reminder_once(
    uppgifter, celeryarbetare, ks, ks_samordnare, registrator, postlåda
):
    from tests.factories import NämndFactory

    nämnder = [NämndFactory() for _ in range(8)]
    for nämnd in nämnder:
        AnvändareFactory(roller=[(nämnd, Roll.REGISTRATOR), (nämnd, Roll.HANDLÄGGARE)])
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=nämnder)
    remiss.skicka(av=ks_samordnare)
    remiss.instanser.update(
        svarsdatum=svarsdatum(), mottagen=timezone.now() - datetime.timedelta(days=30)
    )
    start = threading.Barrier(2)
    resultat = []

    def svep():
        try:
            start.wait()
            resultat.append(paminnelser.svep())
        finally:
            connection.close()

    trådar = [threading.Thread(target=svep) for _ in range(2)]
    for tråd in trådar:
        tråd.start()
    for tråd in trådar:
        tråd.join()
    # Each of the eight registrators is due two reminders: the deadline and "no handläggare".
    första, andra = (set(r.nya) for r in resultat)
    assert not första & andra and len(första | andra) == 16
    vänta_tills(lambda: len(postlåda.meddelanden) == 16 and alla_klara())
    uppgifter.vänta_tills_alla_körda(*PÅMINNELSEUPPGIFTER)
    assert len(postlåda.meddelanden) == 16
    assert len({(m["To"], ämne(m)) for m in postlåda.meddelanden}) == 16


def test_a_large_backlog_is_queued_in_chunks_and_still_sent_once(
    uppgifter, instans, postlåda, monkeypatch
):
    monkeypatch.setattr(utkorg, "KÖA_DIREKT", 2)
    assert len(paminnelser.svep().nya) == 3  # queued as two chunks, which the worker fans out
    vänta_tills(lambda: len(postlåda.meddelanden) == 3 and alla_klara())
    uppgifter.vänta_tills_alla_körda(*PÅMINNELSEUPPGIFTER)
    assert sorted(m["To"] for m in postlåda.meddelanden) == [
        "joakim@example.se",
        "maja@example.se",
        "sara@example.se",
    ]
