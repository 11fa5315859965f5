"""KS decides the anstånd the nämnder ask for: granting moves that nämnd's deadline, refusing
needs a reason."""

import datetime

import pytest
from django.urls import reverse

from nämnder.roller import Roll
from remiss.models import Anstånd, Remisshändelse
from tests.datum import idag
from tests.factories import AnvändareFactory, NämndFactory, RemissFactory


def svar_senast():
    return idag() + datetime.timedelta(days=30)


def nytt_datum():
    return svar_senast() + datetime.timedelta(days=14)


@pytest.fixture
def instans(ks, un, ks_samordnare):
    remiss = RemissFactory(
        nämnd=ks, diarienummer="KS 2023/740", sista_svarsdatum=svar_senast(), mottagare=[un]
    )
    remiss.skicka(av=ks_samordnare)
    return remiss.instanser.get()


@pytest.fixture
def begäran(instans, registrator):
    return Anstånd.begär(
        instans, nytt_datum(), "Nämnden sammanträder först i november.", registrator
    )


def _besluta(client, begäran, beslut, motivering=""):
    url = reverse("ks:besluta_anstånd", args=[begäran.pk])
    return client.post(url, {"beslut": beslut, "beslutsmotivering": motivering}, follow=True)


def test_the_list_shows_each_pending_request(client, begäran, ks_samordnare):
    client.force_login(ks_samordnare)
    sida = client.get(reverse("ks:anstånd")).text
    assert "Utbildningsnämnden: KS 2023/740" in sida
    assert "Nämnden sammanträder först i november." in sida
    assert "Maja Öberg, Registrator" in sida


def test_the_list_runs_a_constant_number_of_queries(
    client, ks, ks_samordnare, django_assert_max_num_queries
):
    for n in range(15):
        nämnd = NämndFactory()
        registrator = AnvändareFactory(roller=[(nämnd, Roll.REGISTRATOR)])
        remiss = RemissFactory(nämnd=ks, sista_svarsdatum=svar_senast(), mottagare=[nämnd])
        remiss.skicka(av=ks_samordnare)
        Anstånd.begär(remiss.instanser.get(), nytt_datum(), f"Skäl {n}", registrator)
    client.force_login(ks_samordnare)
    with django_assert_max_num_queries(8):
        svar = client.get(reverse("ks:anstånd"))
    assert svar.text.count("Bevilja<span") == 15


def test_granting_moves_the_deadline_of_that_nämnd(client, begäran, instans, ks_samordnare):
    client.force_login(ks_samordnare)
    svar = _besluta(client, begäran, "bevilja")
    assert "Beslutet är registrerat" in svar.text
    assert "Det finns inga obesvarade begäranden om anstånd." in svar.text
    begäran.refresh_from_db()
    instans.refresh_from_db()
    assert begäran.status == Anstånd.Status.BEVILJAT and begäran.beslutat_av == ks_samordnare
    assert instans.svarsdatum == nytt_datum()
    assert instans.remiss.sista_svarsdatum == svar_senast()
    assert instans.händelser.last().typ == Remisshändelse.Typ.ANSTÅND_BEVILJAT


def test_refusing_without_a_reason_is_refused_and_changes_nothing(
    client, begäran, instans, ks_samordnare
):
    client.force_login(ks_samordnare)
    svar = _besluta(client, begäran, "avsla", "   ")
    assert svar.status_code == 400 and "Skriv varför anståndet avslås." in svar.text
    begäran.refresh_from_db()
    instans.refresh_from_db()
    assert begäran.status == Anstånd.Status.BEGÄRT and instans.svarsdatum == svar_senast()
    assert not instans.händelser.filter(typ=Remisshändelse.Typ.ANSTÅND_AVSLAGET).exists()


def test_refusing_with_a_reason(client, begäran, instans, ks_samordnare):
    client.force_login(ks_samordnare)
    _besluta(client, begäran, "avsla", "Remisstiden kan inte förlängas.")
    begäran.refresh_from_db()
    instans.refresh_from_db()
    assert begäran.status == Anstånd.Status.AVSLAGET
    assert begäran.beslutsmotivering == "Remisstiden kan inte förlängas."
    assert instans.svarsdatum == svar_senast()


def test_a_decision_without_a_choice_is_explained(client, begäran, ks_samordnare):
    client.force_login(ks_samordnare)
    svar = _besluta(client, begäran, "")
    assert svar.status_code == 400
    assert "Välj om anståndet ska beviljas eller avslås." in svar.text
    begäran.refresh_from_db()
    assert begäran.status == Anstånd.Status.BEGÄRT


def test_deciding_twice_is_refused(client, begäran, instans, ks_samordnare):
    client.force_login(ks_samordnare)
    _besluta(client, begäran, "bevilja")
    svar = _besluta(client, begäran, "avsla", "Ångrar mig.")
    assert "Begäran om anstånd är redan besvarad." in svar.text
    begäran.refresh_from_db()
    assert begäran.status == Anstånd.Status.BEVILJAT
