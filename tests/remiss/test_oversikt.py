"""Kommunstyrelsen's overview of all remisser and the matrix of one remiss's instanser."""

import datetime

import pytest
from django.urls import reverse

from nämnder.roller import Roll
from remiss.models import Anstånd, Remissinstans
from remiss.views import oversikt
from tests.datum import idag
from tests.factories import AnvändareFactory, NämndFactory, RemissFactory


def _remiss(ks, ks_samordnare, mottagare, skicka=True, **fält):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=mottagare, **fält)
    if skicka:
        remiss.skicka(av=ks_samordnare, dag=remiss.remissdatum)
    return remiss


def _besvara(instans, av):
    instans.tilldela(av, av=av)
    instans.påbörja_beredning(av=av)
    instans.markera_attesterad(av=av)
    instans.markera_beslutad(av=av)
    instans.markera_besvarad(av=av)


def _försena(instans, dagar=3):
    Remissinstans.objects.filter(pk=instans.pk).update(
        svarsdatum=idag() - datetime.timedelta(days=dagar)
    )


@pytest.fixture
def nämnder(un, sod):
    return [un, sod, NämndFactory(namn="Trafiknämnden", diarieprefix="TN")]


@pytest.fixture
def remiss(ks, ks_samordnare, nämnder, registrator, handläggare, un, sod):
    """KS 2023/740 to three nämnder: UN has answered, SOD is late, TN has declined."""
    remiss = _remiss(ks, ks_samordnare, nämnder, diarienummer="KS 2023/740")
    un_instans = remiss.instanser.get(nämnd=un)
    un_instans.registrera("UN 2023/713", av=registrator)
    _besvara(un_instans, handläggare)
    _försena(remiss.instanser.get(nämnd=sod))
    remiss.instanser.get(nämnd=nämnder[2]).avstå("Berör inte nämnden.", av=ks_samordnare)
    return remiss


# --- The overview --------------------------------------------------------------------------------


def test_kommunstyrelsen_sees_who_has_answered_and_who_is_late(client, ks_läsare, remiss):
    client.force_login(ks_läsare)
    sida = client.get(reverse("remisser:översikt")).text
    assert "KS 2023/740" in sida
    assert "1 av 3 har svarat, 1 avstår, <strong>1 försenad</strong>" in sida
    assert '<progress value="2" max="3"' in sida
    assert "45 dagar kvar" in sida


def test_the_remiss_page_counts_its_late_instanser_in_the_same_query(client, ks_läsare, remiss):
    """The matrix's svarsläge: the late count is read with the remiss itself (one query)."""
    client.force_login(ks_läsare)
    sida = client.get(reverse("remisser:detalj", args=[remiss.pk])).text
    assert "1 av 3 har svarat, 1 avstår, <strong>1 försenad</strong>" in sida
    _försena(remiss.instanser.exclude(status__in=Remissinstans.KLARA).get(), dagar=0)
    sida = client.get(reverse("remisser:detalj", args=[remiss.pk])).text
    assert "1 av 3 har svarat, 1 avstår</span>" in sida


def test_drafts_are_shown_to_the_remissamordnare_only(
    client, ks, ks_samordnare, ks_läsare, nämnder, remiss
):
    _remiss(ks, ks_samordnare, nämnder, skicka=False, diarienummer="KS 2023/800")
    client.force_login(ks_samordnare)
    sida = client.get(reverse("remisser:översikt")).text
    assert "KS 2023/800" in sida and "Utkast" in sida
    client.force_login(ks_läsare)
    sida = client.get(reverse("remisser:översikt")).text
    assert "KS 2023/800" not in sida and "KS 2023/740" in sida
    assert client.get(reverse("remisser:översikt"), {"status": "utkast"}).status_code == 200


def test_the_overview_filters_by_state_sender_and_year(
    client, monkeypatch, ks, ks_samordnare, nämnder, remiss
):
    avslutad = _remiss(
        ks,
        ks_samordnare,
        nämnder,
        diarienummer="KS 2019/656",
        avsändare="Rotel I",
        remissdatum=datetime.date(2019, 6, 3),
        sista_svarsdatum=datetime.date(2019, 9, 4),
    )
    avslutad.avsluta(av=ks_samordnare)
    _remiss(ks, ks_samordnare, nämnder, skicka=False, diarienummer="KS 2023/800")
    client.force_login(ks_samordnare)
    url = reverse("remisser:översikt")

    def dnr(**filter):
        sida = client.get(url, filter).text
        return {d for d in ("KS 2023/740", "KS 2019/656", "KS 2023/800") if d in sida}

    assert dnr() == {"KS 2023/740", "KS 2019/656", "KS 2023/800"}
    assert dnr(status="oppna") == {"KS 2023/740"}
    assert dnr(status="avslutade") == {"KS 2019/656"}
    assert dnr(status="forsenade") == {"KS 2023/740", "KS 2019/656"}
    assert dnr(status="utkast") == {"KS 2023/800"}
    assert dnr(avsandare="Rotel I") == {"KS 2019/656"}
    assert dnr(ar="2019") == {"KS 2019/656"}
    assert dnr(ar="1066") == {"KS 2023/740", "KS 2019/656", "KS 2023/800"}  # ignored
    # A year no date can have (a typed address) is no filter either, not an error.
    for år in ("9999", "-5", "99999999999", "٢٠١٩", "2019.0"):
        assert dnr(ar=år) == {"KS 2023/740", "KS 2019/656", "KS 2023/800"}, år
    assert dnr(ar="2019", status="forsenade") == {"KS 2019/656"}
    # A sender no visible remiss has (an old bookmark) is ignored too, and the count follows.
    monkeypatch.setattr(oversikt, "PER_SIDA", 1)
    assert "Sida 1 av 3 (3 rader)" in client.get(url, {"avsandare": "Rotel IX"}).text
    assert "Sida 2 av 2 (2 rader)" in client.get(url, {"status": "forsenade", "sida": 2}).text


@pytest.mark.parametrize(
    ("sortera", "ordning"),
    [
        ("dnr", ["KS 2023/999", "KS 2023/1000", "KS 2024/5"]),
        ("-dnr", ["KS 2024/5", "KS 2023/1000", "KS 2023/999"]),
        ("svarsdatum", ["KS 2024/5", "KS 2023/999", "KS 2023/1000"]),
        ("remissdatum", ["KS 2023/1000", "KS 2023/999", "KS 2024/5"]),
        ("-svarslage", ["KS 2023/1000", "KS 2023/999", "KS 2024/5"]),
    ],
)
def test_the_overview_sorts(client, ks, ks_samordnare, un, sod, handläggare, sortera, ordning):
    i_dag = idag()
    dag = datetime.timedelta(days=1)
    fält = {
        "KS 2023/999": (i_dag - 5 * dag, i_dag + 20 * dag),
        "KS 2023/1000": (i_dag - 9 * dag, i_dag + 30 * dag),
        "KS 2024/5": (i_dag - 1 * dag, i_dag + 10 * dag),
    }
    remisser = {
        dnr: _remiss(
            ks, ks_samordnare, [un, sod], diarienummer=dnr, remissdatum=r, sista_svarsdatum=s
        )
        for dnr, (r, s) in fält.items()
    }
    _besvara(remisser["KS 2023/1000"].instanser.get(nämnd=un), handläggare)
    _besvara(remisser["KS 2023/1000"].instanser.get(nämnd=sod), handläggare)
    _besvara(remisser["KS 2023/999"].instanser.get(nämnd=un), handläggare)
    client.force_login(ks_samordnare)
    sida = client.get(reverse("remisser:översikt"), {"sortera": sortera}).text
    assert [sida.index(f">{dnr}<") for dnr in ordning] == sorted(
        sida.index(f">{dnr}<") for dnr in ordning
    )


def test_diarienummer_in_other_patterns_sort_after_the_usual_ones_without_breaking(
    client, ks, ks_samordnare, un
):
    ks.diarienummermönster = "{prefix} {år}/{löpnr}\n{år}/{löpnr}\n{prefix}-{år}/{löpnr}.{nr}"
    ks.save()
    for dnr in ["KS-2014/742.912", "KS 2023/1000", "2019/656", "KS 2023/999"]:
        _remiss(ks, ks_samordnare, [un], diarienummer=dnr)
    client.force_login(ks_samordnare)
    sida = client.get(reverse("remisser:översikt"), {"sortera": "dnr"}).text
    ordning = ["KS 2023/999", "KS 2023/1000", "2019/656", "KS-2014/742.912"]
    assert [sida.index(f">{dnr}<") for dnr in ordning] == sorted(
        sida.index(f">{dnr}<") for dnr in ordning
    )


def test_the_overview_shows_50_per_page(client, ks, ks_läsare, un, sod, ks_samordnare):
    for nr in range(60):
        _remiss(ks, ks_samordnare, [un], diarienummer=f"KS 2024/{nr}")
    client.force_login(ks_läsare)
    första = client.get(reverse("remisser:översikt"), {"sortera": "dnr"}).text
    assert "Sida 1 av 2" in första and "KS 2024/49<" in första and "KS 2024/50<" not in första
    andra = client.get(reverse("remisser:översikt"), {"sortera": "dnr", "sida": 2}).text
    assert "KS 2024/50<" in andra and "KS 2024/59<" in andra and "KS 2024/0<" not in andra


def test_the_overview_runs_a_constant_number_of_queries(
    client, ks, ks_samordnare, un, sod, nämnder, registrator, django_assert_max_num_queries
):
    for nr in range(60):
        remiss = _remiss(ks, ks_samordnare, nämnder, diarienummer=f"KS 2024/{nr}")
        if nr % 4 == 0:
            remiss.instanser.get(nämnd=un).avstå("Nej.", av=registrator)
    client.force_login(ks_samordnare)
    client.get(reverse("remisser:översikt"))  # warm the per-process caches
    with django_assert_max_num_queries(10):
        svar = client.get(reverse("remisser:översikt"), {"status": "oppna", "sortera": "svarslage"})
    assert svar.text.count("har svarat") == 50


@pytest.mark.parametrize("person", ["handläggare", "registrator", "outsider"])
def test_the_overview_is_kommunstyrelsens(client, request, person, remiss):
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("remisser:översikt")).status_code == 403


def test_anonymous_is_sent_to_login(client, remiss):
    for url in (reverse("remisser:översikt"), reverse("remisser:detalj", args=[remiss.pk])):
        svar = client.get(url)
        assert svar.status_code == 302 and svar.url.startswith(reverse("login"))


# --- The remiss page and its matrix --------------------------------------------------------------


def test_the_matrix_shows_every_instans_as_it_stands(
    client, ks_läsare, ks_samordnare, remiss, sod, registrator
):
    i_dag = idag()
    sod_instans = remiss.instanser.get(nämnd=sod)
    anstånd = Anstånd.begär(sod_instans, i_dag + datetime.timedelta(days=60), "Möte.", registrator)
    anstånd.bevilja(av=ks_samordnare)
    client.force_login(ks_läsare)
    sida = client.get(reverse("remisser:detalj", args=[remiss.pk])).text
    assert "Utbildningsnämnden" in sida and "UN 2023/713" in sida and "Besvarad" in sida
    assert "Joakim Länninge" in sida and f"{i_dag:%Y-%m-%d}" in sida
    assert "Trafiknämnden" in sida and "Avstår" in sida
    assert "Södermalms stadsdelsnämnd" in sida
    assert f"{i_dag + datetime.timedelta(days=60):%Y-%m-%d}" in sida and "(anstånd)" in sida
    assert "1 av 3 har svarat" in sida
    assert reverse("remisser:export", args=[remiss.pk, "xlsx"]) in sida
    assert "Historik" in sida and "Remissen skickades" in sida and "Anstånd beviljat" in sida
    for instans in remiss.instanser.all():
        assert reverse("instanser:detalj", args=[instans.pk]) in sida


def test_a_late_instans_is_marked_in_the_matrix(client, ks_läsare, remiss):
    client.force_login(ks_läsare)
    sida = client.get(reverse("remisser:detalj", args=[remiss.pk])).text
    assert sida.count('data-color="danger">Försenad') == 1


def test_the_remissamordnare_gets_the_actions_and_the_läsare_does_not(
    client, ks_samordnare, ks_läsare, remiss
):
    url = reverse("remisser:detalj", args=[remiss.pk])
    client.force_login(ks_samordnare)
    assert "Avsluta remissen" in client.get(url).text
    client.force_login(ks_läsare)
    assert "Avsluta remissen" not in client.get(url).text


def test_a_draft_is_the_remissamordnares_only(
    client, ks, ks_samordnare, ks_läsare, handläggare, nämnder
):
    utkast = _remiss(ks, ks_samordnare, nämnder, skicka=False, diarienummer="KS 2023/800")
    url = reverse("remisser:detalj", args=[utkast.pk])
    client.force_login(ks_samordnare)
    sida = client.get(url).text
    assert "Remissen är inte skickad" in sida and "Skicka remissen" in sida
    for person in (ks_läsare, handläggare):
        client.force_login(person)
        assert client.get(url).status_code == 404


def test_a_recipient_nämnd_sees_the_remiss_and_its_own_case_but_not_the_others(
    client, handläggare, remiss, un
):
    client.force_login(handläggare)
    sida = client.get(reverse("remisser:detalj", args=[remiss.pk])).text
    assert "KS 2023/740" in sida and "Handlingar" in sida and "Ert ärende" in sida
    assert reverse("instanser:detalj", args=[remiss.instanser.get(nämnd=un).pk]) in sida
    assert "Trafiknämnden" not in sida and "Södermalms stadsdelsnämnd" not in sida
    assert "Historik" not in sida and "Avsluta remissen" not in sida


def test_a_nämnd_that_did_not_get_the_remiss_does_not_see_it(client, ks, ks_samordnare, un):
    remiss = _remiss(ks, ks_samordnare, [un])
    client.force_login(AnvändareFactory(roller=[(NämndFactory(), Roll.REGISTRATOR)]))
    assert client.get(reverse("remisser:detalj", args=[remiss.pk])).status_code == 404


@pytest.mark.parametrize("person", ["ks_samordnare", "ks_läsare", "handläggare"])
def test_the_remiss_page_runs_a_constant_number_of_queries(
    client, request, ks, ks_samordnare, un, registrator, person, django_assert_max_num_queries
):
    nämnder = [un] + [NämndFactory() for _ in range(29)]
    remiss = _remiss(ks, ks_samordnare, nämnder, diarienummer="KS 2023/740")
    for instans in remiss.instanser.all()[:10]:
        instans.avstå("Nej.", av=registrator)
    client.force_login(request.getfixturevalue(person))
    url = reverse("remisser:detalj", args=[remiss.pk])
    client.get(url)  # warm the per-process caches
    with django_assert_max_num_queries(10):
        svar = client.get(url)
    assert svar.status_code == 200
    if person != "handläggare":
        assert svar.text.count("/instanser/") >= 30
