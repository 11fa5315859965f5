"""Reminders to external organisations' contact people, delivered for real (the sweep, the
outbox, a real Celery worker, Django's SMTP backend and aiosmtpd): the same days before and after
svarsdatum as a nämnd's people, each mail with a fresh personal link that opens the answer page,
earlier links still valid, and nothing lost when the SMTP server is down."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from remiss import paminnelser
from remiss.models import Kontaktperson, Påminnelse, Remissinstans, Svarslänk, Utkorgspost
from tests.datum import idag
from tests.extern import egen_adress, länk_till, rådet, skickad_till  # noqa: F401 (fixture)
from tests.remiss.paminnelse_smtp import brödtext, smtpserver
from tests.remiss.test_paminnelse_leverans import (  # noqa: F401 (fixtures)
    alla_klara,
    postlåda,
    smtp,
    ämne,
)
from tests.vanta import vänta_tills
from yttranden.models import ExterntSvar

P = Påminnelse
LÄNK = re.compile(r"https://remiss\.stad\.example(/svar/\S+/)")


@pytest.fixture
def extern(celeryarbetare, smtp, ks, un, ks_samordnare, registrator, rådet):  # noqa: F811
    Kontaktperson.objects.create(organisation=rådet, namn="Olle Berg", epost="olle@radet.example")
    remiss = skickad_till(ks, ks_samordnare, rådet, nämnder=[un], dnr="KS 2031/901")
    Remissinstans.objects.update(
        svarsdatum=idag() + datetime.timedelta(days=7),
        mottagen=timezone.now() - datetime.timedelta(days=30),
    )
    return remiss.instanser.get(organisation=rådet)


def _öppna(sökväg):
    klient = Client(REMOTE_ADDR=egen_adress())
    svar = klient.get(sökväg)
    assert svar.status_code == 302 and svar.url == reverse("svar:sida"), svar.status_code
    return klient.get(reverse("svar:sida"))


def _länk(brev):
    (text_länk,) = LÄNK.findall(brödtext(brev))
    assert text_länk in brödtext(brev, "html")
    return text_länk


def test_each_contact_person_is_reminded_with_a_link_that_opens_the_answer_page(
    extern,
    postlåda,  # noqa: F811
):
    # A link Sara holds from before (as "Skicka ny länk" gives; it replaced the one she got
    # when the remiss was sent).
    _nu, nu_länk = länk_till(extern, extern.organisation.kontaktpersoner.get(namn="Sara Ek"))
    paminnelser.svep()
    vänta_tills(lambda: len(postlåda.meddelanden) == 4 and alla_klara())
    assert sorted(m["To"] for m in postlåda.meddelanden) == [
        "maja@example.se",  # utbildningsnämndens registrator, as before: the deadline …
        "maja@example.se",  # … and no handläggare yet
        "olle@radet.example",
        "sara@radet.example",
    ]
    (brev,) = postlåda.till("sara@radet.example")
    assert ämne(brev).startswith("Påminnelse: remiss KS 2031/901 till Funktionshindersrådet")
    assert ämne(brev).endswith("(7 dagar kvar)")
    text = brödtext(brev)
    assert "Hej Sara Ek!" in text and "7 dagar kvar" in text and "begära anstånd" in text
    assert "som kontaktperson för Funktionshindersrådet" in text
    sida = _öppna(_länk(brev))
    assert sida.status_code == 200 and extern.remiss.titel in sida.text
    # Olle's link is his own: a different secret, opening the same organisation's page.
    olles = _länk(postlåda.till("olle@radet.example")[0])
    assert olles != _länk(brev) and _öppna(olles).status_code == 200
    # The link Sara had before still works until it expires.
    assert _öppna(nu_länk).status_code == 200
    rader = P.objects.filter(kontaktperson__isnull=False)
    assert {(r.kontaktperson.namn, r.status, r.dagar) for r in rader} == {
        ("Sara Ek", P.Status.SKICKAD, 7),
        ("Olle Berg", P.Status.SKICKAD, 7),
    }
    assert all(r.mottagare_id is None and r.epost for r in rader)
    # Valid: Olle's from the sending, Sara's from before, and one new per reminder.
    assert Svarslänk.objects.filter(instans=extern, återkallad__isnull=True).count() == 4


def test_an_overdue_external_answer_gets_a_late_reminder(extern, postlåda):  # noqa: F811
    Remissinstans.objects.filter(pk=extern.pk).update(
        svarsdatum=idag() - datetime.timedelta(days=1)
    )
    paminnelser.svep()
    vänta_tills(lambda: len(postlåda.till("sara@radet.example")) == 1 and alla_klara())
    brev = postlåda.till("sara@radet.example")[0]
    assert ämne(brev).startswith("Försenat svar: remiss KS 2031/901 till Funktionshindersrådet")
    assert "1 dag försenad" in ämne(brev)
    assert "skulle ha kommit in till kommunstyrelsen" in brödtext(brev)
    assert _öppna(_länk(brev)).status_code == 200


def test_an_answered_organisation_is_not_reminded(extern, postlåda):  # noqa: F811
    sara = extern.organisation.kontaktpersoner.get(namn="Sara Ek")
    ExterntSvar.skicka_in(extern, sara, "<p>Vi tillstyrker.</p>", {}, 0)
    paminnelser.svep()
    # Decided in the sweep itself: no reminder row, so no mail, for the answered organisation.
    assert not P.objects.filter(kontaktperson__isnull=False).exists()
    assert set(P.objects.values_list("mottagare__username", flat=True)) == {"maja"}
    vänta_tills(lambda: len(postlåda.meddelanden) == 2 and alla_klara())
    assert {m["To"] for m in postlåda.meddelanden} == {"maja@example.se"}


def test_a_reminder_decided_before_the_answer_arrived_is_skipped(
    extern,
    smtp,  # noqa: F811
):
    smtp.REMISS_UTKORG_BACKOFF_SEKUNDER = 0.3
    sara = extern.organisation.kontaktpersoner.get(namn="Sara Ek")
    paminnelser.svep()  # SMTP is down: the reminders wait in the outbox
    poster = Utkorgspost.objects.filter(uppdrag="epost.paminnelse")
    vänta_tills(lambda: poster.filter(försök__gte=2).count() == 4)
    ExterntSvar.skicka_in(extern, sara, "<p>Vi tillstyrker.</p>", {}, 0)
    with smtpserver(smtp.EMAIL_PORT) as låda:
        # Every reminder decided: sent, or skipped for good (a skipped one is never sent).
        vänta_tills(alla_klara)
    assert not låda.till("sara@radet.example") and not låda.till("olle@radet.example")
    assert P.objects.get(kontaktperson=sara).orsak == P.Orsak.AVSLUTAD
    assert len(låda.till("maja@example.se")) == 2


def test_smtp_down_the_contacts_reminder_waits_and_goes_out_once_with_a_working_link(
    extern,
    smtp,  # noqa: F811
):
    smtp.REMISS_UTKORG_BACKOFF_SEKUNDER = 0.3
    paminnelser.svep()
    poster = Utkorgspost.objects.filter(uppdrag="epost.paminnelse")
    vänta_tills(lambda: poster.filter(försök__gte=2, status=Utkorgspost.S.VÄNTAR).count() == 4)
    assert set(P.objects.values_list("status", flat=True)) == {P.Status.VÄNTAR}
    with smtpserver(smtp.EMAIL_PORT) as låda:
        # Every reminder's outbox row done: claimed and finished once, so no copy can follow
        # (the other mails of the test wait out their own, longer retries).
        vänta_tills(lambda: alla_klara() and not poster.exclude(status=Utkorgspost.S.KLAR).exists())
    (brev,) = låda.till("sara@radet.example")
    assert _öppna(_länk(brev)).status_code == 200
    assert set(P.objects.values_list("status", flat=True)) == {P.Status.SKICKAD}


def test_a_refused_contact_address_is_marked_failed_and_the_others_still_go_out(
    extern,
    postlåda,  # noqa: F811
):
    postlåda.avvisa.add("olle@radet.example")
    paminnelser.svep()
    vänta_tills(lambda: len(postlåda.meddelanden) == 3 and alla_klara())
    olle = P.objects.get(kontaktperson__namn="Olle Berg")
    assert olle.status == P.Status.MISSLYCKAD and olle.orsak == P.Orsak.AVVISAD
    assert P.objects.get(kontaktperson__namn="Sara Ek").status == P.Status.SKICKAD
