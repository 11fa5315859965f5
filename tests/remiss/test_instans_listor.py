"""The nämnd's lists: the registrator's inbox, "Våra remisser", and the start page blocks."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nämnder.roller import Roll
from remiss.models import Remissinstans
from tests.datum import idag
from tests.factories import AnvändareFactory, RemissFactory


def _skickad(ks, ks_samordnare, *mottagare, **fält):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=list(mottagare), **fält)
    remiss.skicka(av=ks_samordnare)
    return remiss


@pytest.fixture
def remisser(ks, un, sod, ks_samordnare):
    """Three remisser to utbildningsnämnden (and Södermalm), the newest one last."""
    return [
        _skickad(ks, ks_samordnare, un, sod, diarienummer=f"KS 2023/{nr}", titel=titel)
        for nr, titel in [
            (739, "Stockholms stads trygghetsprogram 2024–2027"),
            (740, "Övergripande samverkansöverenskommelse"),
            (741, "Riktlinjer för idrottsanläggningar"),
        ]
    ]


def _instans(remiss, nämnd):
    return remiss.instanser.get(nämnd=nämnd)


# --- Inkorg --------------------------------------------------------------------------------------


def test_the_inbox_lists_the_nämnds_incoming_remisser_newest_first(
    client, registrator, remisser, un
):
    _instans(remisser[0], un).registrera("UN 2023/713", av=registrator)
    client.force_login(registrator)
    sida = client.get(reverse("instanser:inkorg")).text
    assert sida.index("KS 2023/741") < sida.index("KS 2023/740") < sida.index("KS 2023/739")
    assert "UN 2023/713" in sida and "Riktlinjer för idrottsanläggningar" in sida
    assert "45 dagar kvar" in sida
    assert "Södermalm" not in sida


def test_the_inbox_filters_new_open_and_all(client, registrator, handläggare, remisser, un):
    _instans(remisser[0], un).avstå("Berör inte nämnden.", av=registrator)
    _instans(remisser[1], un).tilldela(handläggare, av=registrator)
    client.force_login(registrator)
    url = reverse("instanser:inkorg")
    öppna = client.get(url).text
    assert "KS 2023/739" not in öppna and "KS 2023/740" in öppna and "KS 2023/741" in öppna
    nya = client.get(url, {"visa": "nya"}).text
    assert "KS 2023/740" not in nya and "KS 2023/741" in nya
    alla = client.get(url, {"visa": "alla"}).text
    assert all(dnr in alla for dnr in ("KS 2023/739", "KS 2023/740", "KS 2023/741"))
    assert client.get(url, {"visa": "påhittat"}).status_code == 200


@pytest.mark.parametrize("person", ["handläggare", "outsider", "ks_samordnare", "ks_läsare"])
def test_only_registrators_have_an_inbox(client, request, person, remisser):
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("instanser:inkorg")).status_code == 403


def test_the_inbox_runs_a_constant_number_of_queries(
    client, ks, un, ks_samordnare, registrator, handläggare, django_assert_max_num_queries
):
    for nr in range(60):
        remiss = _skickad(ks, ks_samordnare, un, diarienummer=f"KS 2024/{nr}")
        if nr % 2:
            _instans(remiss, un).tilldela(handläggare, av=registrator)
    client.force_login(registrator)
    with django_assert_max_num_queries(6):
        svar = client.get(reverse("instanser:inkorg"), {"visa": "alla"})
    assert svar.text.count('href="/instanser/') >= 50 and "Sida 1 av 2" in svar.text


# --- Våra remisser -------------------------------------------------------------------------------


def test_our_remisser_lists_the_nämnds_instanser_and_marks_mine(
    client, registrator, handläggare, remisser, un
):
    _instans(remisser[1], un).tilldela(handläggare, av=registrator)
    client.force_login(handläggare)
    sida = client.get(reverse("instanser:lista")).text
    assert all(dnr in sida for dnr in ("KS 2023/739", "KS 2023/740", "KS 2023/741"))
    assert sida.count("Ditt ärende") == 1 and sida.count('class="min-rad"') == 1
    mina = client.get(reverse("instanser:lista"), {"visa": "mina"}).text
    assert "KS 2023/740" in mina and "KS 2023/739" not in mina


def test_a_co_handläggare_also_sees_the_case_as_theirs(
    client, registrator, handläggare, remisser, un
):
    kollega = AnvändareFactory(roller=[(un, Roll.HANDLÄGGARE)])
    _instans(remisser[2], un).tilldela(handläggare, av=registrator, medhandläggare=[kollega])
    client.force_login(kollega)
    sida = client.get(reverse("instanser:lista"), {"visa": "mina"}).text
    assert "KS 2023/741" in sida and "Ditt ärende" in sida and "KS 2023/740" not in sida


def test_our_remisser_shows_the_late_ones(client, handläggare, remisser, un):
    Remissinstans.objects.filter(pk=_instans(remisser[0], un).pk).update(
        svarsdatum=idag() - datetime.timedelta(days=2)
    )
    client.force_login(handläggare)
    sida = client.get(reverse("instanser:lista"), {"visa": "forsenade"}).text
    assert "KS 2023/739" in sida and "Försenad" in sida and "passerat för 2 dagar sedan" in sida
    assert "KS 2023/740" not in sida


def test_an_outsider_sees_only_their_own_nämnds_instanser(client, outsider, remisser, un):
    client.force_login(outsider)
    sida = client.get(reverse("instanser:lista")).text
    assert "KS 2023/740" in sida  # Södermalm got the same remisser
    assert "Utbildningsnämnden" not in sida
    assert str(_instans(remisser[1], un).pk) not in [
        part.split("/")[0] for part in sida.split('href="/instanser/')[1:]
    ]


def test_someone_without_a_role_sees_an_empty_list(client, remisser):
    client.force_login(AnvändareFactory())
    sida = client.get(reverse("instanser:lista")).text
    assert "Inga remisser att visa." in sida


@pytest.mark.parametrize("url", ["instanser:lista", "instanser:inkorg"])
def test_anonymous_is_sent_to_login(client, url):
    svar = client.get(reverse(url))
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))


def test_our_remisser_runs_a_constant_number_of_queries(
    client, ks, un, sod, ks_samordnare, registrator, handläggare, django_assert_max_num_queries
):
    for nr in range(60):
        remiss = _skickad(ks, ks_samordnare, un, sod, diarienummer=f"KS 2024/{nr}")
        if nr % 3 == 0:
            _instans(remiss, un).tilldela(handläggare, av=registrator)
    flerroll = AnvändareFactory(roller=[(un, Roll.HANDLÄGGARE), (sod, Roll.HANDLÄGGARE)])
    client.force_login(flerroll)
    with django_assert_max_num_queries(6):
        svar = client.get(reverse("instanser:lista"), {"visa": "alla"})
    assert "Sida 1 av 3" in svar.text


# --- The start page ------------------------------------------------------------------------------


def test_the_registrator_start_page_shows_the_newest_unassigned(
    client, registrator, handläggare, remisser, un
):
    _instans(remisser[2], un).tilldela(handläggare, av=registrator)
    client.force_login(registrator)
    sida = client.get(reverse("start")).text
    assert "2 nya remisser" in sida
    assert "KS 2023/740" in sida and "KS 2023/739" in sida and "KS 2023/741" not in sida
    assert "Ej registrerad" in sida and "Till inkorgen" in sida


def test_the_handläggare_start_page_shows_my_cases_with_deadline(
    client, registrator, handläggare, remisser, un
):
    _instans(remisser[1], un).tilldela(handläggare, av=registrator)
    client.force_login(handläggare)
    sida = client.get(reverse("start")).text
    assert "Remisser du bereder i utbildningsnämnden" in sida
    assert "KS 2023/740" in sida and "45 dagar kvar" in sida and "KS 2023/739" not in sida


def test_the_start_page_runs_a_constant_number_of_queries(
    client, ks, un, sod, ks_samordnare, registrator, handläggare, django_assert_max_num_queries
):
    for nr in range(30):
        remiss = _skickad(ks, ks_samordnare, un, sod, diarienummer=f"KS 2024/{nr}")
        if nr % 2:
            _instans(remiss, un).tilldela(handläggare, av=registrator)
    person = AnvändareFactory(
        roller=[(un, Roll.REGISTRATOR), (un, Roll.HANDLÄGGARE), (sod, Roll.REGISTRATOR)]
    )
    for instans in Remissinstans.objects.filter(nämnd=un, status="tilldelad")[:5]:
        instans.tilldela(person, av=registrator)
    client.force_login(person)
    with django_assert_max_num_queries(8):
        sida = client.get(reverse("start")).text
    assert "15 nya remisser" in sida and "30 nya remisser" in sida
    assert sida.count("Ej registrerad") == 10


@pytest.mark.parametrize(
    "person, url", [("registrator", "instanser:inkorg"), ("handläggare", "instanser:lista")]
)
def test_the_lists_count_their_instanser_without_joining_what_the_rows_show(
    client, request, remisser, person, url
):
    """The rows are values from the remiss, the nämnd and the handläggare; the count is of the
    instanser alone, in their own index (it grew with the history when it joined them)."""
    client.force_login(request.getfixturevalue(person))
    with CaptureQueriesContext(connection) as frågor:
        assert client.get(reverse(url), {"visa": "alla"}).status_code == 200
    räkningar = [f["sql"] for f in frågor.captured_queries if "COUNT(" in f["sql"]]
    assert len(räkningar) == 1
    assert '"remiss_remiss"' not in räkningar[0] and '"nämnder_användare"' not in räkningar[0]
