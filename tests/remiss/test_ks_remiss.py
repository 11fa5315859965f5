"""KS's remissamordnare registers, edits, sends and closes a remiss; bad input is refused in
Swedish and changes nothing."""

import datetime

import pytest
from django.urls import reverse

from nämnder.models import Nämnd
from remiss.models import Remiss, Remisshändelse
from tests.datum import idag
from tests.factories import NämndFactory, RemissFactory


@pytest.fixture
def nämnder(un, sod):
    """Besides UN and Södermalm: another stadsdelsnämnd, an inactive one and a bolag."""
    return {
        "un": un,
        "sod": sod,
        "far": NämndFactory(namn="Farsta stadsdelsnämnd", typ=Nämnd.Typ.STADSDELSNÄMND),
        "älv": NämndFactory(
            namn="Älvsjö stadsdelsnämnd", typ=Nämnd.Typ.STADSDELSNÄMND, aktiv=False
        ),
        "shab": NämndFactory(namn="Stockholms Stadshus AB", typ=Nämnd.Typ.BOLAG),
    }


def _fält(**ändrat):
    i_dag = idag()
    fält = {
        "diarienummer": "ks  2023/740",
        "titel": "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
        "Stockholm",
        "beskrivning": "Kommunstyrelsen remitterar överenskommelsen.",
        "avsändare": "Stadsledningskontoret",
        "remissdatum": i_dag.isoformat(),
        "sista_svarsdatum": (i_dag + datetime.timedelta(weeks=6)).isoformat(),
    }
    fält.update(ändrat)
    return {k: v for k, v in fält.items() if v is not None}


def _ny(client, **ändrat):
    return client.post(reverse("ks:ny"), _fält(**ändrat))


def test_the_form_groups_the_active_nämnder_with_their_shortcuts(client, ks_samordnare, nämnder):
    client.force_login(ks_samordnare)
    sida = client.get(reverse("ks:ny")).text
    assert "Samtliga stadsdelsnämnder" in sida and "Samtliga facknämnder" in sida
    assert "Samtliga bolag" in sida and "Stockholms Stadshus AB" in sida
    assert "Farsta stadsdelsnämnd" in sida and "Älvsjö" not in sida
    assert "Karin Sjöberg, Remissamordnare" in sida  # kontaktperson: a person with a KS role


def test_the_remissamordnare_registers_a_draft(client, ks, ks_samordnare, nämnder):
    client.force_login(ks_samordnare)
    svar = _ny(client, mottagare=[nämnder["un"].pk], kontaktperson=ks_samordnare.pk)
    remiss = Remiss.objects.get()
    assert svar.status_code == 302 and svar.url == reverse("remisser:detalj", args=[remiss.pk])
    assert remiss.diarienummer == "KS 2023/740" and remiss.är_utkast
    assert remiss.nämnd == ks and remiss.skapad_av == ks_samordnare
    assert remiss.kontaktperson == ks_samordnare
    assert list(remiss.mottagare.all()) == [nämnder["un"]]
    assert remiss.händelser.get().typ == Remisshändelse.Typ.SKAPAD


def test_a_group_shortcut_works_without_javascript(client, ks_samordnare, nämnder):
    client.force_login(ks_samordnare)
    _ny(client, grupper=[Nämnd.Typ.STADSDELSNÄMND], mottagare=[nämnder["un"].pk])
    mottagare = {n.namn for n in Remiss.objects.get().mottagare.all()}
    # Every active stadsdelsnämnd, never the inactive Älvsjö, plus the one ticked by hand.
    assert mottagare == {"Utbildningsnämnden", "Södermalms stadsdelsnämnd", "Farsta stadsdelsnämnd"}


def test_the_bolag_shortcut(client, ks_samordnare, nämnder):
    client.force_login(ks_samordnare)
    _ny(client, grupper=[Nämnd.Typ.BOLAG, Nämnd.Typ.FACKNÄMND])
    mottagare = {n.namn for n in Remiss.objects.get().mottagare.all()}
    assert mottagare == {"Stockholms Stadshus AB", "Utbildningsnämnden"}


@pytest.mark.parametrize(
    ("ändrat", "meddelande"),
    [
        ({"diarienummer": "KS-2023-740"}, "inget giltigt diarienummer"),
        (
            {"diarienummer": "UN 2023/740"},
            "UN 2023/740 är inget giltigt diarienummer. Skriv till exempel KS 2023/740.",
        ),
        ({"diarienummer": None}, "Skriv kommunstyrelsens diarienummer."),
        ({"titel": ""}, "Skriv remissens titel."),
        ({"remissdatum": "1 september"}, "Skriv datumet som ÅÅÅÅ-MM-DD."),
        # A date is given as days from today: parameters are made at import, the test runs later.
        ({"sista_svarsdatum": -1}, "Sista svarsdatum kan inte vara före remissdatum."),
    ],
)
def test_bad_input_is_refused_in_swedish_and_nothing_is_saved(
    client, ks_samordnare, nämnder, ändrat, meddelande
):
    ändrat = {
        namn: (idag() + datetime.timedelta(days=v)).isoformat() if isinstance(v, int) else v
        for namn, v in ändrat.items()
    }
    client.force_login(ks_samordnare)
    svar = _ny(client, mottagare=[nämnder["un"].pk], **ändrat)
    assert svar.status_code == 400
    assert meddelande in svar.text and "Formuläret kunde inte sparas" in svar.text
    assert not Remiss.objects.exists() and not Remisshändelse.objects.exists()
    # What was typed is still there.
    assert "Stadsledningskontoret" in svar.text


def test_a_duplicate_diarienummer_is_refused(client, ks, ks_samordnare, nämnder):
    RemissFactory(nämnd=ks, diarienummer="KS 2023/740", titel="Den första")
    client.force_login(ks_samordnare)
    svar = _ny(client, diarienummer="ks 2023/740")
    assert svar.status_code == 400
    assert "Det finns redan en remiss med det diarienumret." in svar.text
    assert Remiss.objects.get().titel == "Den första"


def test_editing_a_draft_records_what_changed(client, ks, ks_samordnare, nämnder):
    remiss = RemissFactory(nämnd=ks, diarienummer="KS 2023/740", mottagare=[nämnder["un"]])
    client.force_login(ks_samordnare)
    sida = client.get(reverse("ks:ändra", args=[remiss.pk])).text
    assert 'value="KS 2023/740"' in sida
    fält = _fält(titel="Ny titel", mottagare=[nämnder["sod"].pk])
    svar = client.post(reverse("ks:ändra", args=[remiss.pk]), fält)
    assert svar.status_code == 302
    remiss.refresh_from_db()
    assert remiss.titel == "Ny titel" and list(remiss.mottagare.all()) == [nämnder["sod"]]
    händelse = remiss.händelser.get()
    assert händelse.typ == Remisshändelse.Typ.ÄNDRAD and "titel" in händelse.text
    assert "remissinstanser" in händelse.text


def test_keeping_ones_own_diarienummer_when_editing_is_not_a_duplicate(
    client, ks, ks_samordnare, nämnder
):
    remiss = RemissFactory(nämnd=ks, diarienummer="KS 2023/740")
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:ändra", args=[remiss.pk]), _fält(titel="Ändrad"))
    assert svar.status_code == 302


def test_a_sent_remiss_cannot_be_edited(client, ks, ks_samordnare, nämnder):
    remiss = RemissFactory(nämnd=ks, mottagare=[nämnder["un"]])
    remiss.skicka(av=ks_samordnare)
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:ändra", args=[remiss.pk]), _fält(titel="Ändrad"), follow=True)
    assert "Remissen är redan skickad och kan inte ändras." in svar.text
    remiss.refresh_from_db()
    assert remiss.titel != "Ändrad"
    assert not remiss.händelser.filter(typ=Remisshändelse.Typ.ÄNDRAD).exists()


def test_sending_creates_the_instanser(client, ks, ks_samordnare, nämnder):
    remiss = RemissFactory(nämnd=ks, mottagare=[nämnder["un"], nämnder["sod"]])
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:skicka", args=[remiss.pk]), follow=True)
    assert "Remissen är skickad till 2 remissinstanser." in svar.text
    remiss.refresh_from_db()
    assert remiss.status == Remiss.Status.UTSKICKAD and remiss.instanser.count() == 2


def test_sending_without_recipients_is_refused(client, ks, ks_samordnare):
    remiss = RemissFactory(nämnd=ks)
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:skicka", args=[remiss.pk]), follow=True)
    assert "Välj minst en remissinstans innan du skickar remissen." in svar.text
    remiss.refresh_from_db()
    assert remiss.är_utkast and not remiss.instanser.exists()
    assert not remiss.händelser.exists()


def test_a_double_post_sends_once(client, ks, ks_samordnare, nämnder):
    remiss = RemissFactory(nämnd=ks, mottagare=[nämnder["un"], nämnder["sod"]])
    client.force_login(ks_samordnare)
    client.post(reverse("ks:skicka", args=[remiss.pk]))
    svar = client.post(reverse("ks:skicka", args=[remiss.pk]), follow=True)
    assert "Remissen är redan skickad." in svar.text
    assert remiss.instanser.count() == 2
    assert remiss.händelser.filter(typ=Remisshändelse.Typ.SKICKAD).count() == 1


def test_closing_a_sent_remiss(client, ks, ks_samordnare, nämnder):
    remiss = RemissFactory(nämnd=ks, mottagare=[nämnder["un"]])
    remiss.skicka(av=ks_samordnare)
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:avsluta", args=[remiss.pk]), follow=True)
    assert "Remissen är avslutad." in svar.text
    remiss.refresh_from_db()
    assert remiss.status == Remiss.Status.AVSLUTAD and remiss.avslutad


def test_a_draft_cannot_be_closed(client, ks, ks_samordnare, nämnder):
    remiss = RemissFactory(nämnd=ks, mottagare=[nämnder["un"]])
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:avsluta", args=[remiss.pk]), follow=True)
    assert "En remiss med status Utkast kan inte bli Avslutad." in svar.text
    remiss.refresh_from_db()
    assert remiss.är_utkast and not remiss.händelser.exists()


def test_the_form_runs_a_constant_number_of_queries(
    client, ks_samordnare, nämnder, django_assert_max_num_queries
):
    for n in range(30):
        NämndFactory(typ=[Nämnd.Typ.STADSDELSNÄMND, Nämnd.Typ.FACKNÄMND, Nämnd.Typ.BOLAG][n % 3])
    client.force_login(ks_samordnare)
    with django_assert_max_num_queries(9):
        svar = client.get(reverse("ks:ny"))
    assert svar.text.count('name="mottagare"') == 34
