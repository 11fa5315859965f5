"""The "Ställningstaganden" part of a nämnd's answer: one stance and comment per förslag, saved
with the text (autosave, versions), required before review, covered by the attest, copied on
reopening, shown in the document, pre-filled into the beslut and delivered to KS with the svar.
A remiss without förslag works as before (the rest of the suite)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from remiss.models import Förslag, Ställningstagande
from tests.factories import RemissFactory, SammanträdeFactory
from tests.kedja import REMISSDATUM, SVAR_SENAST, skriv_klart
from yttranden import stallningstaganden
from yttranden.models import Beslut, Svar, Tjänsteutlåtande, Ärende

S = Tjänsteutlåtande.Status
TRE = ("tillstyrker", "avstar", "avstyrker")
FÖRSLAG = [
    "Ett tryggt och säkert Stockholm för alla",
    "Brottsförebyggande arbete i samverkan",
    "Trygghet i den fysiska miljön",
]


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    """The chain's remiss (tests/kedja.py), with three förslag."""
    remiss = RemissFactory(
        nämnd=ks,
        diarienummer="KS 2023/740",
        skapad_av=ks_samordnare,
        remissdatum=REMISSDATUM,
        sista_svarsdatum=SVAR_SENAST,
        mottagare=[un, sod],
    )
    for nr, rubrik in enumerate(FÖRSLAG, start=1):
        Förslag.objects.create(remiss=remiss, nummer=nr, rubrik=rubrik)
    remiss.skicka(av=ks_samordnare)
    return remiss


def _förslag(remiss):
    return list(remiss.förslag.order_by("nummer"))


def _ta_ställning(utlåtande, av, *ståndpunkter):
    förslag = _förslag(utlåtande.instans.remiss)
    värden = {
        f.pk: (s, f"Om {f.rubrik.lower()}.") for f, s in zip(förslag, ståndpunkter, strict=True)
    }
    return utlåtande.spara({}, utlåtande.versionsnummer, av=av, ställningstaganden=värden)


def _formdata(utlåtande, **ståndpunkter):
    data = {"grundad_på": utlåtande.versionsnummer}
    for s in utlåtande.sektioner.all():
        data[f"rubrik_{s.pk}"], data[f"text_{s.pk}"] = s.rubrik, s.html
    for rad in utlåtande.ståndpunkter.all():
        data[f"st-kommentar_{rad.förslag_id}"] = rad.kommentar
        if ståndpunkt := ståndpunkter.get(f"f{rad.förslag.nummer}"):
            data[f"st-standpunkt_{rad.förslag_id}"] = ståndpunkt
    return data


def test_a_new_utlåtande_has_an_empty_stance_per_förslag_in_the_editor(
    client, utlåtande, handläggare
):
    assert [(r.förslag.nummer, r.ståndpunkt) for r in stallningstaganden.rader(utlåtande)] == [
        (1, ""),
        (2, ""),
        (3, ""),
    ]
    client.force_login(handläggare)
    sida = client.get(reverse("yttranden:redigera", args=[utlåtande.pk])).text
    assert "Ställningstaganden" in sida and sida.count('class="ds-fieldset stallningstagande"') == 3
    assert "Förslag 3. Trygghet i den fysiska miljön" in sida


def test_autosave_keeps_the_stances_in_a_new_version(client, utlåtande, handläggare):
    client.force_login(handläggare)
    data = _formdata(utlåtande, f1="tillstyrker", f3="avstyrker")
    data[f"st-kommentar_{_förslag(utlåtande.instans.remiss)[2].pk}"] = "Saknar finansiering."
    svar = client.post(
        reverse("yttranden:spara", args=[utlåtande.pk]), data, headers={"X-Autosparning": "1"}
    )
    assert svar.status_code == 200, svar.text
    version = utlåtande.versioner.first()
    assert version.nummer == svar.json()["version"]
    assert [
        (r["förslag"], r["ståndpunkt"], r["kommentar"])
        for r in version.innehåll["ställningstaganden"]
    ] == [(1, "tillstyrker", ""), (2, "", ""), (3, "avstyrker", "Saknar finansiering.")]
    assert version.ändrade_avsnitt == [
        "Ställningstagande till förslag 1",
        "Ställningstagande till förslag 3",
    ]


def test_a_save_of_the_texts_alone_leaves_the_stances(client, utlåtande, handläggare):
    _ta_ställning(utlåtande, handläggare, "tillstyrker", "avstar", "avstyrker")
    client.force_login(handläggare)
    data = {k: v for k, v in _formdata(utlåtande).items() if not k.startswith("st-")}
    client.post(reverse("yttranden:spara", args=[utlåtande.pk]), data)
    assert [r.ståndpunkt for r in stallningstaganden.rader(utlåtande)] == [
        "tillstyrker",
        "avstar",
        "avstyrker",
    ]


def test_an_unknown_stance_is_refused_in_swedish(client, utlåtande, handläggare):
    client.force_login(handläggare)
    före = utlåtande.versionsnummer
    svar = client.post(
        reverse("yttranden:spara", args=[utlåtande.pk]),
        _formdata(utlåtande, f1="kanske"),
        headers={"X-Autosparning": "1"},
    )
    assert svar.status_code == 400
    assert svar.json()["fel"] == "Utlåtandet kunde inte sparas: kontrollera ställningstagandena."
    utlåtande.refresh_from_db()
    assert utlåtande.versionsnummer == före


def test_review_needs_a_stance_on_every_förslag(client, utlåtande, handläggare):
    skriv_klart(utlåtande, handläggare)
    _ta_ställning(utlåtande, handläggare, "tillstyrker", "", "avstyrker")
    client.force_login(handläggare)
    svar = client.post(reverse("yttranden:skicka", args=[utlåtande.pk]))
    assert svar.status_code == 400
    assert (
        "Välj ett ställningstagande till förslag 2 ”Brottsförebyggande arbete i samverkan”."
        in svar.text
    )
    utlåtande.refresh_from_db()
    assert utlåtande.status == S.UTKAST


def _attesterat(utlåtande, handläggare, avdelningschef, direktör, *ståndpunkter):
    skriv_klart(utlåtande, handläggare)
    _ta_ställning(utlåtande, handläggare, *ståndpunkter)
    utlåtande.skicka_till_granskning(av=handläggare)
    utlåtande.godkänn(av=avdelningschef)
    utlåtande.attestera(av=direktör)
    return utlåtande


def test_the_attest_covers_the_stances_and_freezes_them(
    utlåtande, handläggare, avdelningschef, direktör
):
    skriv_klart(utlåtande, handläggare)
    _ta_ställning(utlåtande, handläggare, "tillstyrker", "avstar", "avstyrker")
    summa = utlåtande.kontrollsumma()
    _ta_ställning(utlåtande, handläggare, "tillstyrker", "avstar", "tillstyrker_med_andringar")
    assert utlåtande.kontrollsumma() != summa
    utlåtande.skicka_till_granskning(av=handläggare)
    utlåtande.godkänn(av=avdelningschef)
    utlåtande.attestera(av=direktör)
    attest = utlåtande.attester.get(typ="attest")
    assert attest.sha256 == utlåtande.kontrollsumma()
    rad = utlåtande.ståndpunkter.first()
    rad.ståndpunkt = "avstyrker"
    with pytest.raises(ValidationError, match="attesterat"):
        rad.save()
    with pytest.raises(ValidationError):
        utlåtande.ståndpunkter.update(ståndpunkt="avstyrker")


def test_the_document_shows_the_stances_as_a_table(
    client, utlåtande, handläggare, avdelningschef, direktör
):
    _attesterat(
        utlåtande, handläggare, avdelningschef, direktör, "tillstyrker", "avstar", "avstyrker"
    )
    rader = utlåtande.som_dokument().ställningstaganden
    assert [(r.nummer, r.ståndpunkt) for r in rader] == [
        (1, "Tillstyrker"),
        (2, "Avstår"),
        (3, "Avstyrker"),
    ]
    client.force_login(avdelningschef)
    for namn in ("yttranden:förhandsgranska", "yttranden:detalj"):
        sida = client.get(reverse(namn, args=[utlåtande.pk])).text
        assert "Ställningstaganden till remissens förslag" in sida
        assert "Om trygghet i den fysiska miljön." in sida


def test_reopening_copies_the_stances_to_the_new_version(
    utlåtande, handläggare, avdelningschef, direktör
):
    _attesterat(
        utlåtande, handläggare, avdelningschef, direktör, "tillstyrker", "avstar", "avstyrker"
    )
    nytt = utlåtande.återöppna("Fel ställningstagande.", av=direktör)
    assert stallningstaganden.värden(nytt) == stallningstaganden.värden(utlåtande)
    _ta_ställning(nytt, handläggare, "tillstyrker", "avstar", "tillstyrker")
    assert [r.ståndpunkt for r in stallningstaganden.rader(utlåtande)][2] == "avstyrker"


@pytest.fixture
def ärende(utlåtande, handläggare, avdelningschef, direktör, un, nämndsekreterare):
    _attesterat(
        utlåtande, handläggare, avdelningschef, direktör, "tillstyrker", "avstar", "avstyrker"
    )
    möte = SammanträdeFactory(nämnd=un, datum=timezone.localdate())
    return Ärende.lägg_på_dagordning(utlåtande, möte, 10, av=nämndsekreterare)


def _beslutsdata(ärende, **ståndpunkter):
    data = {"text": "1. Godkänns.", "justeras_omedelbart": "on"}
    for f in _förslag(ärende.utlåtande.instans.remiss):
        data[f"st-kommentar_{f.pk}"] = ""
        if s := ståndpunkter.get(f"f{f.nummer}"):
            data[f"st-standpunkt_{f.pk}"] = s
    return data


def test_the_beslut_is_prefilled_with_the_utlåtandes_stances(client, ärende, nämndsekreterare):
    client.force_login(nämndsekreterare)
    sida = client.get(reverse("beslut:ärende", args=[ärende.pk])).text
    assert "Nämndens ställningstaganden till remissens förslag" in sida
    assert sida.count('value="tillstyrker" checked') == 1
    assert sida.count('value="avstyrker" checked') == 1
    assert sida.count('value="avstar" checked') == 1


def test_a_beslut_without_a_stance_on_every_förslag_is_refused(client, ärende, nämndsekreterare):
    client.force_login(nämndsekreterare)
    data = _beslutsdata(ärende, f1="tillstyrker", f2="avstar")
    svar = client.post(reverse("beslut:registrera", args=[ärende.pk]), data)
    assert svar.status_code == 400
    assert "Välj ett ställningstagande till förslag 3 ”Trygghet i den fysiska miljön”." in svar.text
    assert not Beslut.objects.exists()


def test_the_nämnds_decided_stances_reach_ks_with_the_svar(client, ärende, nämndsekreterare):
    client.force_login(nämndsekreterare)
    data = _beslutsdata(ärende, f1="tillstyrker", f2="avstar", f3="tillstyrker_med_andringar")
    svar = client.post(reverse("beslut:registrera", args=[ärende.pk]), data)
    assert svar.status_code == 302
    beslut = Beslut.objects.get()
    sida = client.get(reverse("beslut:ärende", args=[ärende.pk])).text
    assert "Tillstyrker med ändringar" in sida
    assert not Ställningstagande.objects.exists()  # not before the svar is sent
    Svar.skicka(beslut, av=nämndsekreterare)
    instans = ärende.utlåtande.instans
    assert [
        (s.förslag.nummer, s.ståndpunkt, s.svarsnummer)
        for s in Ställningstagande.objects.filter(instans=instans).order_by("förslag__nummer")
    ] == [(1, "tillstyrker", 1), (2, "avstar", 1), (3, "tillstyrker_med_andringar", 1)]
    Svar.skicka(beslut, av=nämndsekreterare, rättelse="Rättat datum.")
    assert Ställningstagande.objects.filter(instans=instans, svarsnummer=2).count() == 3
    assert Ställningstagande.objects.gällande().filter(instans=instans).count() == 3
