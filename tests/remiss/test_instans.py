"""The instans page and what a nämnd's registrator does on it: register the nämnd's dnr,
assign handläggare, decline, ask for anstånd. Every refusal is in Swedish and changes nothing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nämnder.roller import Roll
from remiss.forms.instans import TilldelaForm
from remiss.models import Anstånd, Remisshändelse, Remissinstans
from tests.datum import idag
from tests.factories import AnvändareFactory, RemissFactory

S = Remissinstans.Status


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    remiss = RemissFactory(
        nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod], diarienummer="KS 2023/740"
    )
    remiss.skicka(av=ks_samordnare)
    return remiss


@pytest.fixture
def instans(remiss, un):
    return remiss.instanser.get(nämnd=un)


@pytest.fixture
def avdelning(un):
    return un.avdelningar.create(namn="Avdelningen för ekonomi och styrning")


def _url(namn, instans):
    return reverse(f"instanser:{namn}", args=[instans.pk])


def _ögonblick(instans):
    """Everything an action could change, to assert that a refused one changed nothing."""
    färsk = Remissinstans.objects.get(pk=instans.pk)
    return (
        färsk.status,
        färsk.diarienummer,
        färsk.handläggare_id,
        färsk.avdelning_id,
        färsk.svarsdatum,
        färsk.avstår_motivering,
        sorted(färsk.medhandläggare.values_list("pk", flat=True)),
        Remisshändelse.objects.count(),
        Anstånd.objects.count(),
    )


ÅTGÄRDER = {
    "registrera": {"diarienummer": "UN 2023/713"},
    "tilldela": {"handläggare": "HANDLÄGGARE"},
    "avstå": {"avsta-motivering": "Berör inte nämnden."},
    "begär_anstånd": {
        "anstand-begärt_datum": 90,  # days from today: _post makes it a date when the test runs
        "anstand-motivering": "Nämnden sammanträder först i december.",
    },
}


def _post(client, namn, instans, handläggare=None):
    data = dict(ÅTGÄRDER[namn])
    if data.get("handläggare") == "HANDLÄGGARE":
        data["handläggare"] = handläggare.pk
    if "anstand-begärt_datum" in data:
        dagar = data["anstand-begärt_datum"]
        data["anstand-begärt_datum"] = f"{idag() + datetime.timedelta(days=dagar):%Y-%m-%d}"
    return client.post(_url(namn, instans), data)


# --- The page -------------------------------------------------------------------------------


def test_the_registrator_sees_the_remiss_its_status_history_and_actions(
    client, registrator, instans
):
    client.force_login(registrator)
    sida = client.get(_url("detalj", instans)).text
    assert "Övergripande samverkansöverenskommelse" in sida and "KS 2023/740" in sida
    assert "Mottagen" in sida and "Inte registrerat ännu" in sida
    assert "Remissen skickades" in sida
    for knapp in ("Registrera", "Tilldela", "Avstå från att svara", "Begär anstånd"):
        assert knapp in sida


def test_a_sent_remiss_imported_without_its_sending_time_still_shows_its_history(
    client, registrator, remiss, instans
):
    """Data moved from an older system may have a sent remiss without ``utskickad``: the page
    shows the instans's history from when the instans itself arrived."""
    type(remiss).objects.filter(pk=remiss.pk).update(utskickad=None)
    client.force_login(registrator)
    svar = client.get(_url("detalj", instans))
    assert svar.status_code == 200
    assert "Remissen skickades" in svar.text and "KS 2023/740" in svar.text


def test_a_handläggare_of_the_nämnd_sees_the_page_but_no_actions(client, handläggare, instans):
    client.force_login(handläggare)
    svar = client.get(_url("detalj", instans))
    assert svar.status_code == 200 and "KS 2023/740" in svar.text
    assert "Registratorns åtgärder" not in svar.text


@pytest.mark.parametrize("person", ["ks_samordnare", "ks_läsare"])
def test_kommunstyrelsen_sees_every_instans_but_cannot_act_for_the_nämnd(
    client, request, person, instans
):
    client.force_login(request.getfixturevalue(person))
    svar = client.get(_url("detalj", instans))
    assert svar.status_code == 200 and "Utbildningsnämnden" in svar.text
    assert "Registratorns åtgärder" not in svar.text


def test_an_outsider_does_not_see_another_nämnds_instans(client, outsider, instans):
    client.force_login(outsider)
    assert client.get(_url("detalj", instans)).status_code == 404


def test_anonymous_is_sent_to_login(client, instans):
    svar = client.get(_url("detalj", instans))
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))


def test_a_late_instans_says_so_and_shows_the_anstånd_history(
    client, registrator, ks_samordnare, instans
):
    i_dag = idag()
    Remissinstans.objects.filter(pk=instans.pk).update(
        svarsdatum=i_dag - datetime.timedelta(days=3)
    )
    instans.refresh_from_db()
    Anstånd.begär(
        instans, i_dag + datetime.timedelta(days=30), "Sammanträde i december.", registrator
    )
    client.force_login(registrator)
    sida = client.get(_url("detalj", instans)).text
    assert "Försenad" in sida and "passerat för 3 dagar sedan" in sida
    assert "Sammanträde i december." in sida and "Begärt" in sida
    assert "Begär anstånd hos kommunstyrelsen" not in sida  # one open request at a time


def test_the_page_runs_a_constant_number_of_queries(
    client, registrator, handläggare, avdelning, instans, django_assert_max_num_queries
):
    instans.registrera("UN 2023/713", av=registrator)
    for _ in range(10):
        instans.tilldela(handläggare, av=registrator, avdelning=avdelning)
    client.force_login(registrator)
    # 15: one finds the instans's tjänsteutlåtande (yttranden/_instans_utlatande.html), one
    # reads the nämnd's meetings for the deadline check (nämnder/kalender.py), one the mails
    # about it that failed for good (remiss/utkorg.py).
    with django_assert_max_num_queries(15):
        svar = client.get(_url("detalj", instans))
    assert svar.text.count("Handläggare tilldelad") == 10


# --- Registering the nämnd's diarienummer ------------------------------------------------------


def test_the_registrator_registers_the_nämnds_dnr(client, registrator, instans):
    client.force_login(registrator)
    svar = client.post(_url("registrera", instans), {"diarienummer": "un  2023/713"})
    assert svar.status_code == 302
    instans.refresh_from_db()
    assert instans.diarienummer == "UN 2023/713" and instans.status == S.MOTTAGEN
    sida = client.get(svar.url).text
    assert "Ärendet är registrerat som UN 2023/713." in sida
    assert "Registrerad i nämndens diarium" in sida


@pytest.mark.parametrize(
    ("dnr", "fel"),
    [
        ("UN-2023-713", "inget giltigt diarienummer. Skriv till exempel UN 2023/740."),
        ("", "Skriv nämndens diarienummer"),
        ("SOD 2023/713", "SOD 2023/713 är inget giltigt diarienummer. Skriv till exempel UN"),
        ("KS 2023/740", "KS 2023/740 är inget giltigt diarienummer. Skriv till exempel UN"),
        ("<b>UN 2023/1</b>", "inget giltigt diarienummer"),
    ],
)
def test_a_malformed_or_foreign_dnr_is_refused(client, registrator, instans, dnr, fel):
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = client.post(_url("registrera", instans), {"diarienummer": dnr})
    assert svar.status_code == 400 and fel in svar.text
    assert _ögonblick(instans) == före


def test_a_nämnd_with_its_own_pattern_registers_its_own_numbers_and_is_told_its_example(
    client, un, registrator, instans
):
    un.diarienummermönster = "{nr}-{löpnr}/{år}"
    un.save()
    client.force_login(registrator)

    svar = client.post(_url("registrera", instans), {"diarienummer": "UN 2023/713"})
    assert svar.status_code == 400
    assert "UN 2023/713 är inget giltigt diarienummer. Skriv till exempel 12-740/2023." in svar.text

    svar = client.post(_url("registrera", instans), {"diarienummer": "320-845/2015"})
    instans.refresh_from_db()
    assert svar.status_code == 302 and instans.diarienummer == "320-845/2015"


def test_a_dnr_already_used_for_another_case_is_refused(
    client, ks, un, ks_samordnare, registrator, instans
):
    annan = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    annan.skicka(av=ks_samordnare)
    annan.instanser.get().registrera("UN 2023/713", av=registrator)
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = client.post(_url("registrera", instans), {"diarienummer": "UN 2023/713"})
    assert svar.status_code == 400
    assert "Diarienumret UN 2023/713 används redan för ett annat ärende." in svar.text
    assert _ögonblick(instans) == före


# --- Assigning handläggare ---------------------------------------------------------------------


def test_the_registrator_assigns_handläggare_co_handläggare_and_avdelning(
    client, registrator, handläggare, avdelning, un, instans
):
    kollega = AnvändareFactory(first_name="Sara", roller=[(un, Roll.HANDLÄGGARE)])
    client.force_login(registrator)
    svar = client.post(
        _url("tilldela", instans),
        {"handläggare": handläggare.pk, "medhandläggare": [kollega.pk], "avdelning": avdelning.pk},
    )
    assert svar.status_code == 302
    instans.refresh_from_db()
    assert instans.status == S.TILLDELAD and instans.handläggare == handläggare
    assert instans.avdelning == avdelning and list(instans.medhandläggare.all()) == [kollega]
    assert "Ärendet är tilldelat Joakim Länninge." in client.get(svar.url).text


def test_only_the_nämnds_handläggare_and_avdelningar_are_offered(
    client, registrator, handläggare, avdelning, outsider, sod, instans
):
    sod.avdelningar.create(namn="Avdelningen för individ och familj")
    client.force_login(registrator)
    sida = client.get(_url("detalj", instans)).text
    assert "Joakim Länninge" in sida and "Avdelningen för ekonomi och styrning" in sida
    assert "Josefin Lokvist" not in sida and "individ och familj" not in sida


@pytest.mark.parametrize("vem", ["outsider", "registrator", "direktör"])
def test_assigning_someone_who_is_not_handläggare_in_the_nämnd_is_refused(
    client, request, registrator, instans, vem
):
    person = request.getfixturevalue(vem)
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = client.post(_url("tilldela", instans), {"handläggare": person.pk})
    assert svar.status_code == 400 and "Personen är inte handläggare i nämnden." in svar.text
    assert _ögonblick(instans) == före


def test_a_co_handläggare_from_another_nämnd_is_refused(
    client, registrator, handläggare, outsider, instans
):
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = client.post(
        _url("tilldela", instans), {"handläggare": handläggare.pk, "medhandläggare": [outsider.pk]}
    )
    assert svar.status_code == 400 and "inte handläggare i nämnden" in svar.text
    assert _ögonblick(instans) == före


def test_an_avdelning_of_another_förvaltning_is_refused(
    client, registrator, handläggare, sod, instans
):
    främmande = sod.avdelningar.create(namn="Avdelningen för individ och familj")
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = client.post(
        _url("tilldela", instans), {"handläggare": handläggare.pk, "avdelning": främmande.pk}
    )
    assert svar.status_code == 400
    assert "Avdelningen hör inte till nämndens förvaltning." in svar.text
    assert _ögonblick(instans) == före


def test_assigning_without_a_handläggare_is_refused(client, registrator, instans):
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = client.post(_url("tilldela", instans), {})
    assert svar.status_code == 400 and "Välj en handläggare." in svar.text
    assert _ögonblick(instans) == före


# --- Declining and asking for anstånd ----------------------------------------------------------


def test_the_registrator_declines_with_a_reason(client, registrator, instans):
    client.force_login(registrator)
    svar = client.post(_url("avstå", instans), {"avsta-motivering": "Berör inte nämnden."})
    assert svar.status_code == 302
    instans.refresh_from_db()
    assert instans.status == S.AVSTÅR and instans.avstår_motivering == "Berör inte nämnden."
    sida = client.get(svar.url).text
    assert "Nämnden avstår från att svara" in sida and "Registratorns åtgärder" not in sida


@pytest.mark.parametrize("motivering", ["", "   "])
def test_declining_without_a_reason_is_refused(client, registrator, instans, motivering):
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = client.post(_url("avstå", instans), {"avsta-motivering": motivering})
    assert svar.status_code == 400
    assert "Skriv varför nämnden avstår från att svara." in svar.text
    assert _ögonblick(instans) == före


def test_the_registrator_asks_kommunstyrelsen_for_anstånd(client, registrator, instans):
    nytt = idag() + datetime.timedelta(days=90)
    client.force_login(registrator)
    svar = client.post(
        _url("begär_anstånd", instans),
        {"anstand-begärt_datum": f"{nytt:%Y-%m-%d}", "anstand-motivering": "Sammanträdet."},
    )
    assert svar.status_code == 302
    anstånd = Anstånd.objects.get()
    assert anstånd.begärt_datum == nytt and anstånd.status == Anstånd.Status.BEGÄRT
    instans.refresh_from_db()
    assert instans.svarsdatum == instans.remiss.sista_svarsdatum  # KS has not decided yet
    assert "Begäran om anstånd är skickad" in client.get(svar.url).text


@pytest.mark.parametrize(
    ("datum", "motivering", "fel"),
    [
        (0, "Sammanträdet.", "måste vara senare än det nuvarande"),
        (-10, "Sammanträdet.", "måste vara senare än det nuvarande"),
        (30, "", "Skriv varför nämnden behöver anstånd."),
        (None, "Sammanträdet.", "Ange det svarsdatum nämnden begär."),
        ("30 november", "Sammanträdet.", "Skriv datumet som ÅÅÅÅ-MM-DD."),
    ],
)
def test_a_bad_anstånd_request_is_refused(client, registrator, instans, datum, motivering, fel):
    if isinstance(datum, int):
        datum = f"{instans.svarsdatum + datetime.timedelta(days=datum):%Y-%m-%d}"
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = client.post(
        _url("begär_anstånd", instans),
        {"anstand-begärt_datum": datum or "", "anstand-motivering": motivering},
    )
    assert svar.status_code == 400 and fel in svar.text
    assert _ögonblick(instans) == före


def test_a_second_open_anstånd_request_is_refused(client, registrator, instans):
    Anstånd.begär(instans, idag() + datetime.timedelta(days=60), "Första.", registrator)
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = _post(client, "begär_anstånd", instans)
    assert svar.status_code == 400 and "redan en obesvarad begäran om anstånd" in svar.text
    assert _ögonblick(instans) == före


# --- Actions on a closed case ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("åtgärd", "fel"),
    [
        ("registrera", "Ärendet är redan avslutat."),
        ("tilldela", "En remissinstans med status Avstår kan inte bli Tilldelad."),
        ("avstå", "kan inte bli Avstår"),
        ("begär_anstånd", "Ärendet är redan avslutat."),
    ],
)
def test_no_action_is_taken_on_a_declined_instans(
    client, registrator, handläggare, instans, åtgärd, fel
):
    instans.avstå("Berör inte nämnden.", av=registrator)
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = _post(client, åtgärd, instans, handläggare)
    assert svar.status_code == 400 and fel in svar.text
    assert _ögonblick(instans) == före


@pytest.mark.parametrize("åtgärd", ["registrera", "tilldela", "begär_anstånd"])
def test_no_action_is_taken_on_an_answered_instans(
    client, registrator, handläggare, instans, åtgärd
):
    for steg in ("påbörja_beredning", "markera_attesterad", "markera_beslutad"):
        if steg == "påbörja_beredning":
            instans.tilldela(handläggare, av=registrator)
        getattr(instans, steg)(av=registrator)
    instans.markera_besvarad(av=registrator)
    före = _ögonblick(instans)
    client.force_login(registrator)
    svar = _post(client, åtgärd, instans, handläggare)
    assert svar.status_code == 400
    assert "redan avslutat" in svar.text or "kan inte bli" in svar.text
    assert _ögonblick(instans) == före


# --- Who may act -------------------------------------------------------------------------------


@pytest.mark.parametrize("åtgärd", list(ÅTGÄRDER))
@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("handläggare", 403),
        ("direktör", 403),
        ("ks_läsare", 403),
        ("ks_samordnare", 403),
        ("outsider", 404),
    ],
)
def test_only_the_nämnds_registrator_may_act(
    client, request, handläggare, instans, åtgärd, person, status
):
    före = _ögonblick(instans)
    client.force_login(request.getfixturevalue(person))
    assert _post(client, åtgärd, instans, handläggare).status_code == status
    assert _ögonblick(instans) == före


def test_another_nämnds_registrator_cannot_act_on_ours(client, sod, handläggare, instans):
    sods_registrator = AnvändareFactory(roller=[(sod, Roll.REGISTRATOR)])
    före = _ögonblick(instans)
    client.force_login(sods_registrator)
    for åtgärd in ÅTGÄRDER:
        assert _post(client, åtgärd, instans, handläggare).status_code == 404
    assert _ögonblick(instans) == före


@pytest.mark.parametrize("åtgärd", list(ÅTGÄRDER))
def test_anonymous_actions_are_sent_to_login_and_change_nothing(
    client, handläggare, instans, åtgärd
):
    före = _ögonblick(instans)
    svar = _post(client, åtgärd, instans, handläggare)
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert _ögonblick(instans) == före


@pytest.mark.parametrize("åtgärd", list(ÅTGÄRDER))
def test_actions_need_post(client, registrator, instans, åtgärd):
    client.force_login(registrator)
    assert client.get(_url(åtgärd, instans)).status_code == 405


def test_the_assign_form_reads_the_nämnds_handläggare_once_for_both_lists(instans, handläggare, un):
    kollega = AnvändareFactory(
        first_name="Kim", last_name="Kollega", roller=[(un, Roll.HANDLÄGGARE)]
    )
    form = TilldelaForm(instans=instans)
    with CaptureQueriesContext(connection) as frågor:
        html = str(form)
    personfrågor = [f for f in frågor.captured_queries if "nämnder_användare" in f["sql"]]
    assert len(personfrågor) == 1
    for person in (handläggare, kollega):
        assert html.count(f'value="{person.pk}"') == 2  # in the select and among the checkboxes
    # What is sent is still checked against the nämnd's handläggare, not the rows shown.
    utomstående = AnvändareFactory()
    skickat = TilldelaForm({"handläggare": utomstående.pk}, instans=instans)
    assert not skickat.is_valid()
    assert "Personen är inte handläggare i nämnden." in str(skickat.errors)
