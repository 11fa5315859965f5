"""Anstånd for an external organisation, as for a nämnd: its contact person asks on the answer
page, KS decides on its Anstånd page, a granted one moves the instans's svarsdatum (and the
personal link's validity with it), and the organisation's contact people are told by e-mail.
Bad input gets a Swedish error with nothing saved."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from remiss.models import Anstånd, Kontaktperson, Remisshändelse
from tests.extern import egen_adress, länk_till, rådet, skickad_till  # noqa: F401 (fixture)
from tests.vanta import vänta_tills
from yttranden.models import ExterntSvar


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def extern(ks, ks_samordnare, rådet):  # noqa: F811
    Kontaktperson.objects.create(organisation=rådet, namn="Olle Berg", epost="olle@radet.example")
    return skickad_till(ks, ks_samordnare, rådet).instanser.get()


def _öppnad(client, instans):
    client.defaults["REMOTE_ADDR"] = egen_adress()
    _länk, url = länk_till(instans, instans.organisation.kontaktpersoner.get(namn="Sara Ek"))
    assert client.get(url).status_code == 302
    return client


def _begär(client, datum, motivering="Rådet sammanträder först i december.", **fält):
    skydd = client.session["svarslank"]["formulär"]
    data = {
        "anstand-begärt_datum": datum.isoformat() if datum else "",
        "anstand-motivering": motivering,
        "skydd": skydd,
        **fält,
    }
    return client.post(reverse("svar:anstånd"), data)


def test_the_contact_person_asks_for_anstånd_and_ks_grants_it(
    celeryarbetare, client, extern, ks_samordnare, settings
):
    settings.SITE_URL = "http://testserver.invalid"
    _öppnad(client, extern)
    sida = client.get(reverse("svar:sida"))
    assert "Begär anstånd" in sida.text
    nytt = extern.svarsdatum + datetime.timedelta(days=21)
    svar = _begär(client, nytt)
    assert svar.status_code == 302 and svar.url == reverse("svar:sida")
    anstånd = Anstånd.objects.get()
    assert anstånd.status == "begart" and anstånd.begärt_av is None
    assert anstånd.begärt_av_kontakt.namn == "Sara Ek"
    händelse = extern.händelser.get(typ=Remisshändelse.Typ.ANSTÅND_BEGÄRT)
    assert str(händelse.utförare) == "Sara Ek, Funktionshindersrådet (via personlig länk)"
    sida = client.get(reverse("svar:sida"))
    assert "Begärt" in sida.text and "Begär anstånd</button>" not in sida.text

    ks = client.__class__()
    ks.force_login(ks_samordnare)
    lista = ks.get(reverse("ks:anstånd"))
    assert "Funktionshindersrådet: KS 2031/900" in lista.text
    assert "Sara Ek, Funktionshindersrådet (via personlig länk)" in lista.text
    beslut = ks.post(
        reverse("ks:besluta_anstånd", args=[anstånd.pk]),
        {"beslut": "bevilja", "beslutsmotivering": ""},
    )
    assert beslut.status_code == 302
    extern.refresh_from_db()
    assert extern.svarsdatum == nytt
    länk = extern.svarslänkar.filter(återkallad__isnull=True).first()
    assert länk.sista_dag == nytt + datetime.timedelta(days=settings.REMISS_SVARSLANK_DAGAR)
    instanssida = ks.get(reverse("instanser:detalj", args=[extern.pk]))
    assert "Beviljat" in instanssida.text and "via personlig länk" in instanssida.text

    def beslutsbrev():
        return [m for m in mail.outbox if m.subject.startswith("Anstånd beviljat")]

    vänta_tills(lambda: len(beslutsbrev()) == 2)
    assert sorted(m.to[0] for m in beslutsbrev()) == ["olle@radet.example", "sara@radet.example"]
    brev = beslutsbrev()[0]
    assert "från Funktionshindersrådet" in brev.body
    assert "personliga länken i ert e-brev" in brev.body and "/instanser/" not in brev.body
    assert "/instanser/" not in brev.alternatives[0][0]


@pytest.mark.parametrize(
    ("datum", "motivering", "fel"),
    [
        (0, "Behöver tid.", "Det nya svarsdatumet måste vara senare än det nuvarande"),
        (7, "", "Skriv varför ni behöver anstånd."),
        (None, "Behöver tid.", "Ange det svarsdatum ni begär."),
    ],
)
def test_bad_input_gets_a_swedish_error_and_nothing_is_saved(
    client, extern, datum, motivering, fel
):
    _öppnad(client, extern)
    dag = extern.svarsdatum + datetime.timedelta(days=datum) if datum is not None else None
    svar = _begär(client, dag, motivering)
    assert svar.status_code == 400 and fel in svar.text
    assert not Anstånd.objects.exists()
    assert not extern.händelser.filter(typ=Remisshändelse.Typ.ANSTÅND_BEGÄRT).exists()


def test_a_request_posted_from_elsewhere_is_refused(client, extern):
    _öppnad(client, extern)
    svar = _begär(client, extern.svarsdatum + datetime.timedelta(days=7), skydd="fel")
    assert svar.status_code == 403 and "Formuläret kom inte från svarssidan" in svar.text
    assert not Anstånd.objects.exists()


def test_without_a_link_there_is_no_request(client, extern):
    svar = client.post(reverse("svar:anstånd"), {"anstand-motivering": "x"})
    assert svar.status_code == 403 and not Anstånd.objects.exists()


def test_an_answered_organisation_cannot_ask_for_anstånd(client, extern):
    _öppnad(client, extern)
    sara = extern.organisation.kontaktpersoner.get(namn="Sara Ek")
    ExterntSvar.skicka_in(extern, sara, "<p>Rådet tillstyrker.</p>", {}, 0)
    assert "Begär anstånd" not in client.get(reverse("svar:sida")).text
    svar = _begär(client, extern.svarsdatum + datetime.timedelta(days=7))
    assert svar.status_code == 400 and "Ärendet är redan avslutat." in svar.text
    assert not Anstånd.objects.exists()


def test_only_one_request_waits_at_a_time(client, extern):
    _öppnad(client, extern)
    assert _begär(client, extern.svarsdatum + datetime.timedelta(days=7)).status_code == 302
    svar = _begär(client, extern.svarsdatum + datetime.timedelta(days=14))
    assert (
        svar.status_code == 400 and "Det finns redan en obesvarad begäran om anstånd." in svar.text
    )
    assert Anstånd.objects.count() == 1


def test_a_revoked_link_asks_for_nothing(client, extern, ks_samordnare):
    _öppnad(client, extern)
    extern.svarslänkar.get(återkallad__isnull=True, kontaktperson__namn="Sara Ek").återkalla(
        av=ks_samordnare
    )
    svar = _begär(client, extern.svarsdatum + datetime.timedelta(days=7))
    assert svar.status_code == 403 and "Länken har återkallats" in svar.text
    assert not Anstånd.objects.exists()
