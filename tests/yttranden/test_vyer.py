import json

import pytest
from django.urls import reverse

from nämnder.roller import Roll, ge_roll
from tests.factories import AnvändareFactory
from tests.inloggning.hjalp import logga_in_nyss
from tests.kedja import skriv_klart
from yttranden.models import Attest, Kommentar, Tjänsteutlåtande

S = Tjänsteutlåtande.Status


def _formdata(utlåtande, grundad_på=None, **ändringar):
    data = {"grundad_på": utlåtande.versionsnummer if grundad_på is None else grundad_på}
    for s in utlåtande.sektioner.all():
        data[f"rubrik_{s.pk}"] = s.rubrik
        data[f"text_{s.pk}"] = ändringar.get(s.rubrik, s.html)
    return data


def _autospara(client, utlåtande, **kwargs):
    return client.post(
        reverse("yttranden:spara", args=[utlåtande.pk]),
        _formdata(utlåtande, **kwargs),
        headers={"X-Autosparning": "1"},
    )


@pytest.fixture
def medhandläggare(un, instans):
    person = AnvändareFactory(
        username="stefan", first_name="Stefan", last_name="Elm", roller=[(un, Roll.HANDLÄGGARE)]
    )
    instans.medhandläggare.add(person)
    return person


# --- starting and editing ---------------------------------------------------------------


def test_the_assigned_handläggare_starts_an_utlåtande(client, instans, handläggare):
    client.force_login(handläggare)
    sida = client.get(reverse("yttranden:för_instans", args=[instans.pk]))
    assert "Skriv tjänsteutlåtande" in sida.text
    svar = client.post(reverse("yttranden:påbörja", args=[instans.pk]))
    utlåtande = Tjänsteutlåtande.objects.get()
    assert svar.url == reverse("yttranden:redigera", args=[utlåtande.pk])
    assert client.get(reverse("yttranden:för_instans", args=[instans.pk])).url == (
        reverse("yttranden:detalj", args=[utlåtande.pk])
    )


def test_another_handläggare_of_the_nämnd_may_read_but_not_start_or_edit(
    client, instans, un, handläggare
):
    kollega = AnvändareFactory(username="kollega", roller=[(un, Roll.HANDLÄGGARE)])
    client.force_login(kollega)
    assert client.post(reverse("yttranden:påbörja", args=[instans.pk])).status_code == 403
    assert not Tjänsteutlåtande.objects.exists()
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    assert client.get(reverse("yttranden:detalj", args=[utlåtande.pk])).status_code == 200
    assert client.get(reverse("yttranden:redigera", args=[utlåtande.pk])).status_code == 403
    assert _autospara(client, utlåtande, Sammanfattning="<p>Kollegan</p>").status_code == 403
    assert utlåtande.versioner.count() == 1


def test_the_editor_page_shows_every_section_in_the_editor(client, utlåtande, handläggare):
    client.force_login(handläggare)
    sida = client.get(reverse("yttranden:redigera", args=[utlåtande.pk])).text
    assert sida.count("data-django-prose-editor-configurable") == 8
    assert "Utbildningsnämnden godkänner förvaltningens tjänsteutlåtande" in sida
    assert 'type="importmap"' in sida and "utlatande-redigera.js" in sida
    assert "Sparat " in sida


def test_the_editor_page_runs_a_constant_number_of_queries(
    client, utlåtande, handläggare, avdelningschef, django_assert_max_num_queries
):
    for nr in range(30):
        utlåtande.lägg_till_bilaga(f"Bilaga {nr}")
    client.force_login(handläggare)
    with django_assert_max_num_queries(30):
        client.get(reverse("yttranden:redigera", args=[utlåtande.pk]))


def test_autosave_answers_with_the_new_version_and_the_time(client, utlåtande, handläggare):
    client.force_login(handläggare)
    svar = _autospara(client, utlåtande, Sammanfattning="<p>Kort om <strong>saken</strong>.</p>")
    assert svar.status_code == 200
    data = svar.json()
    assert data["version"] == 2 and data["status"].startswith("Sparat ")
    assert "<strong>saken</strong>" in utlåtande.sektioner.get(rubrik="Sammanfattning").html


def test_a_script_in_the_text_is_stripped_on_save(client, utlåtande, handläggare):
    client.force_login(handläggare)
    _autospara(
        client,
        utlåtande,
        Sammanfattning='<p onmouseover="x()">Hej</p><script>alert(1)</script><iframe></iframe>',
    )
    assert utlåtande.sektioner.get(rubrik="Sammanfattning").html == "<p>Hej</p>"


def test_two_people_saving_the_same_draft_never_overwrite_each_other(
    client, utlåtande, handläggare, medhandläggare
):
    from django.test import Client

    hennes, hans = client, Client()
    hennes.force_login(handläggare)
    hans.force_login(medhandläggare)
    assert _autospara(hennes, utlåtande, Sammanfattning="<p>Joakims text</p>").status_code == 200
    svar = _autospara(hans, utlåtande, grundad_på=1, Sammanfattning="<p>Stefans text</p>")
    assert svar.status_code == 409
    data = svar.json()
    assert "Någon annan har sparat utlåtandet (version 2, Joakim Länninge)" in data["fel"]
    assert "Stefans text" in data["html"]  # shown to him to copy
    assert utlåtande.sektioner.get(rubrik="Sammanfattning").html == "<p>Joakims text</p>"
    sida = hans.get(reverse("yttranden:versioner", args=[utlåtande.pk])).text
    assert "Stefans text" in sida and "Sparningar som inte gick igenom" in sida


def test_a_stale_save_without_script_gets_the_page_back_with_the_text_kept(
    client, utlåtande, handläggare
):
    client.force_login(handläggare)
    _autospara(client, utlåtande, Sammanfattning="<p>Först</p>")
    svar = client.post(
        reverse("yttranden:spara", args=[utlåtande.pk]),
        _formdata(utlåtande, grundad_på=1, Sammanfattning="<p>Min text</p>"),
    )
    assert svar.status_code == 409
    assert "Din senaste ändring sparades inte" in svar.text
    assert "Min text" in svar.text


def test_the_heading_may_be_renamed_but_not_emptied(client, utlåtande, handläggare):
    client.force_login(handläggare)
    sektion = utlåtande.sektioner.get(rubrik="Bakgrund")
    data = _formdata(utlåtande)
    data[f"rubrik_{sektion.pk}"] = "Bakgrund/Ärendet"
    client.post(reverse("yttranden:spara", args=[utlåtande.pk]), data)
    sektion.refresh_from_db()
    assert sektion.rubrik == "Bakgrund/Ärendet"
    data[f"rubrik_{sektion.pk}"] = ""
    data["grundad_på"] = 2
    svar = client.post(reverse("yttranden:spara", args=[utlåtande.pk]), data)
    assert svar.status_code == 400 and "Detta fält måste fyllas i" in svar.text
    sektion.refresh_from_db()
    assert sektion.rubrik == "Bakgrund/Ärendet"


def test_bilagor_are_added_and_removed(client, utlåtande, handläggare):
    client.force_login(handläggare)
    url = reverse("yttranden:ny_bilaga", args=[utlåtande.pk])
    client.post(url, {"titel": "  Prioriterade   samverkansområden. "})
    bilaga = utlåtande.bilagor.get()
    assert bilaga.titel == "Prioriterade samverkansområden."
    assert client.post(url, {"titel": "   "}).status_code == 400
    client.post(reverse("yttranden:ta_bort_bilaga", args=[utlåtande.pk, bilaga.pk]))
    assert not utlåtande.bilagor.exists()


def test_the_header_data_are_saved(client, utlåtande, handläggare, un):
    from tests.factories import SammanträdeFactory

    möte = SammanträdeFactory(nämnd=un)
    client.force_login(handläggare)
    svar = client.post(
        reverse("yttranden:uppgifter", args=[utlåtande.pk]),
        {
            "datum": "2031-10-05",
            "sammanträde": möte.pk,
            "granskare": utlåtande.granskare_id,
            "attestant": utlåtande.attestant_id,
        },
    )
    assert svar.status_code == 302
    utlåtande.refresh_from_db()
    assert utlåtande.sammanträde == möte and str(utlåtande.datum) == "2031-10-05"


def test_a_person_of_another_role_cannot_be_chosen_as_reviewer(
    client, utlåtande, handläggare, direktör
):
    client.force_login(handläggare)
    svar = client.post(
        reverse("yttranden:uppgifter", args=[utlåtande.pk]),
        {"datum": "2031-10-05", "granskare": direktör.pk, "attestant": direktör.pk},
    )
    assert svar.status_code == 400 and "Välj ett giltigt alternativ" in svar.text
    utlåtande.refresh_from_db()
    assert utlåtande.granskare != direktör


# --- review and attest --------------------------------------------------------------------


def test_sending_with_an_empty_section_names_it(client, utlåtande, handläggare):
    client.force_login(handläggare)
    svar = client.post(reverse("yttranden:skicka", args=[utlåtande.pk]))
    assert svar.status_code == 400
    assert "Avsnittet ”Sammanfattning” är tomt" in svar.text
    utlåtande.refresh_from_db()
    assert utlåtande.status == S.UTKAST


def test_a_double_submit_of_send_to_review_sends_once(client, utlåtande, handläggare):
    skriv_klart(utlåtande, handläggare)
    client.force_login(handläggare)
    client.post(reverse("yttranden:skicka", args=[utlåtande.pk]))
    svar = client.post(reverse("yttranden:skicka", args=[utlåtande.pk]), follow=True)
    assert "redan skickat till granskning" in svar.text
    assert utlåtande.händelser.filter(typ="skickat").count() == 1


def test_the_reviewer_comments_per_section_and_returns_with_a_reason(
    client, granskas, avdelningschef
):
    client.force_login(avdelningschef)
    sektion = granskas.sektioner.get(rubrik="Sammanfattning")
    client.post(
        reverse("yttranden:kommentera", args=[granskas.pk]),
        {"sektion": sektion.pk, "text": "Korta ner."},
    )
    assert Kommentar.objects.get().sektion == sektion
    svar = client.post(reverse("yttranden:återremittera", args=[granskas.pk]), {"motivering": ""})
    assert svar.status_code == 400 and "Skriv ett skäl" in svar.text
    granskas.refresh_from_db()
    assert granskas.status == S.GRANSKNING
    client.post(reverse("yttranden:återremittera", args=[granskas.pk]), {"motivering": "Se ovan."})
    granskas.refresh_from_db()
    assert granskas.status == S.UTKAST


def test_the_returned_handläggare_sees_the_comments_in_the_editor(
    client, granskas, avdelningschef, handläggare
):
    sektion = granskas.sektioner.get(rubrik="Sammanfattning")
    granskas.kommentera("Korta ner.", avdelningschef, sektion=sektion)
    granskas.återremittera("Se kommentaren.", av=avdelningschef)
    client.force_login(handläggare)
    sida = client.get(reverse("yttranden:redigera", args=[granskas.pk])).text
    assert "Korta ner." in sida and "Se kommentaren." in sida


def test_only_the_assigned_reviewer_approves(client, granskas, un, avdelningschef):
    annan = AnvändareFactory(username="annan", roller=[(un, Roll.AVDELNINGSCHEF)])
    client.force_login(annan)
    assert client.post(reverse("yttranden:godkänn", args=[granskas.pk])).status_code == 403
    assert (
        client.post(
            reverse("yttranden:återremittera", args=[granskas.pk]), {"motivering": "x"}
        ).status_code
        == 403
    )
    granskas.refresh_from_db()
    assert granskas.status == S.GRANSKNING and not granskas.attester.exists()


def test_only_the_assigned_direktör_attests(client, godkänt, un, direktör, avdelningschef):
    annan = AnvändareFactory(username="annan", roller=[(un, Roll.DIREKTÖR)])
    for person in (annan, avdelningschef):
        client.force_login(person)
        assert client.post(reverse("yttranden:attestera", args=[godkänt.pk])).status_code == 403
    godkänt.refresh_from_db()
    assert godkänt.status == S.GODKÄND
    assert not godkänt.attester.filter(typ=Attest.Typ.ATTEST).exists()


def test_a_double_click_on_attestera_attests_once(client, godkänt, direktör):
    logga_in_nyss(client, direktör)
    client.post(reverse("yttranden:attestera", args=[godkänt.pk]))
    svar = client.post(reverse("yttranden:attestera", args=[godkänt.pk]), follow=True)
    assert "redan attesterat" in svar.text
    assert godkänt.attester.filter(typ=Attest.Typ.ATTEST).count() == 1


def test_after_attest_the_editor_refuses_every_change(client, attesterat, handläggare):
    client.force_login(handläggare)
    svar = client.get(reverse("yttranden:redigera", args=[attesterat.pk]), follow=True)
    assert "attesterat och kan inte ändras" in svar.text
    före = attesterat.kontrollsumma()
    svar = _autospara(client, attesterat, Sammanfattning="<p>Efteråt</p>")
    assert svar.status_code == 409 and "attesterat" in svar.json()["fel"]
    client.post(reverse("yttranden:ny_bilaga", args=[attesterat.pk]), {"titel": "Sen bilaga"})
    client.post(
        reverse("yttranden:uppgifter", args=[attesterat.pk]),
        {
            "datum": "2020-01-01",
            "granskare": attesterat.granskare_id,
            "attestant": attesterat.attestant_id,
        },
    )
    attesterat.refresh_from_db()
    assert attesterat.kontrollsumma() == före and str(attesterat.datum) != "2020-01-01"


def test_the_direktör_reopens_with_a_reason(client, attesterat, direktör):
    client.force_login(direktör)
    svar = client.post(reverse("yttranden:återöppna", args=[attesterat.pk]), {"motivering": ""})
    assert svar.status_code == 400
    svar = client.post(
        reverse("yttranden:återöppna", args=[attesterat.pk]), {"motivering": "Ny statistik."}
    )
    nytt = Tjänsteutlåtande.objects.gällande().get()
    assert svar.url == reverse("yttranden:detalj", args=[nytt.pk]) and nytt.version == 2
    sida = client.get(reverse("yttranden:detalj", args=[attesterat.pk])).text
    assert "Upphävd" in sida and "Ny statistik." in sida and "Gå till version 2" in sida


def test_a_handläggare_cannot_reopen(client, attesterat, handläggare):
    client.force_login(handläggare)
    svar = client.post(reverse("yttranden:återöppna", args=[attesterat.pk]), {"motivering": "x"})
    assert svar.status_code == 403
    attesterat.refresh_from_db()
    assert attesterat.status == S.ATTESTERAD


# --- reading: preview, versions, lists ------------------------------------------------------


def test_the_preview_shows_the_document_with_the_attest_table(client, attesterat, handläggare):
    client.force_login(handläggare)
    sida = client.get(reverse("yttranden:förhandsgranska", args=[attesterat.pk])).text
    assert "Attesterat av" in sida
    assert "Detta dokument har godkänts digitalt av följande personer" in sida
    assert "Lena Holmdahl, Utbildningsdirektör" in sida
    assert "Remiss från kommunstyrelsen, KS 2023/740" in sida and "Dnr UN 2031/1234" in sida


def test_the_preview_of_a_draft_says_so(client, utlåtande, handläggare):
    client.force_login(handläggare)
    sida = client.get(reverse("yttranden:förhandsgranska", args=[utlåtande.pk])).text
    assert "UTKAST" in sida and "Attesterat av" not in sida


def test_two_versions_are_compared_with_ins_and_del(client, utlåtande, handläggare):
    client.force_login(handläggare)
    _autospara(client, utlåtande, Sammanfattning="<p>Stockholm är en trygg stad.</p>")
    utlåtande.refresh_from_db()
    _autospara(client, utlåtande, Sammanfattning="<p>Stockholm är en säker stad.</p>")
    sida = client.get(
        reverse("yttranden:versioner", args=[utlåtande.pk]), {"från": 2, "till": 3}
    ).text
    assert '<del><span class="ds-sr-only">Borttaget: </span>trygg</del>' in sida
    assert '<ins><span class="ds-sr-only">Tillagt: </span>säker</ins>' in sida
    assert "Joakim Länninge" in sida


def test_the_version_list_runs_a_constant_number_of_queries(
    client, utlåtande, handläggare, django_assert_max_num_queries
):
    for nr in range(25):
        utlåtande.spara(
            {utlåtande.sektioner.get(ordning=2).pk: ("Sammanfattning", f"<p>{nr}</p>")},
            utlåtande.versionsnummer,
            av=handläggare,
        )
    client.force_login(handläggare)
    with django_assert_max_num_queries(14):
        svar = client.get(reverse("yttranden:versioner", args=[utlåtande.pk]))
    assert svar.text.count("<td>Sammanfattning</td>") == 25


@pytest.mark.parametrize(
    ("namn", "person", "status_fixture"),
    [
        ("att_granska", "avdelningschef", "granskas"),
        ("att_attestera", "direktör", "godkänt"),
        ("mina_utkast", "handläggare", "utlåtande"),
    ],
)
def test_the_lists_show_what_waits_in_constant_queries(
    client, request, namn, person, status_fixture, django_assert_max_num_queries
):
    utlåtande = request.getfixturevalue(status_fixture)
    client.force_login(request.getfixturevalue(person))
    with django_assert_max_num_queries(8):
        sida = client.get(reverse(f"yttranden:{namn}")).text
    assert reverse("yttranden:detalj", args=[utlåtande.pk]) in sida


def test_my_drafts_list_each_draft_once_for_its_handläggare_and_medhandläggare(
    client, utlåtande, handläggare, medhandläggare, un
):
    """The medhandläggare are asked with an EXISTS, not a join: a draft is listed once even
    for someone who is both its handläggare and one of its medhandläggare, and not at all for
    a handläggare of the nämnd who has no part in it."""
    utlåtande.instans.medhandläggare.add(handläggare)
    adress = reverse("yttranden:detalj", args=[utlåtande.pk])
    for person in (handläggare, medhandläggare):
        client.force_login(person)
        assert client.get(reverse("yttranden:mina_utkast")).text.count(adress) == 1
    annan = AnvändareFactory(username="annan_handlaggare")
    ge_roll(annan, un, Roll.HANDLÄGGARE, av=None, källa="test")
    client.force_login(annan)
    sida = client.get(reverse("yttranden:mina_utkast")).text
    assert adress not in sida
    assert "Du har inga tjänsteutlåtanden under arbete." in sida


def test_the_start_page_shows_what_waits_for_review_and_attest(
    client, granskas, avdelningschef, direktör
):
    client.force_login(avdelningschef)
    sida = client.get(reverse("start")).text
    assert "1 tjänsteutlåtande väntar på din granskning" in sida
    client.force_login(direktör)
    assert "Inga tjänsteutlåtanden väntar på din attest" in client.get(reverse("start")).text


def test_the_start_page_reads_each_roles_block_once_however_many_nämnder(
    client, granskas, avdelningschef, sod
):
    """The blocks yttranden adds to the start page (remiss/sidtillagg.py) are read once per
    role for all the person's nämnder, and each nämnd's panel lists only its own cases."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import NämndFactory

    client.force_login(avdelningschef)
    client.get(reverse("start"))
    with CaptureQueriesContext(connection) as en:
        client.get(reverse("start"))
    for nämnd in [sod, NämndFactory(namn="Kulturnämnden", kortnamn="Kultur")]:
        ge_roll(avdelningschef, nämnd, Roll.AVDELNINGSCHEF, av=None, källa="test")
        ge_roll(avdelningschef, nämnd, Roll.DIREKTÖR, av=None, källa="test")
    with CaptureQueriesContext(connection) as tre:
        sida = client.get(reverse("start")).text
    # The direktör's block is new: one query for both its nämnder; none more per nämnd.
    assert len(tre) == len(en) + 1
    assert sida.count(reverse("yttranden:detalj", args=[granskas.pk])) == 1
    assert sida.count("Inga tjänsteutlåtanden väntar på din granskning") == 2


# --- who sees what ------------------------------------------------------------------------

SIDOR = ["detalj", "förhandsgranska", "versioner", "redigera", "uppgifter"]
ÅTGÄRDER = [
    ("spara", {}),
    ("skicka", {}),
    ("kommentera", {"text": "x"}),
    ("återremittera", {"motivering": "x"}),
    ("godkänn", {}),
    ("attestera", {}),
    ("återöppna", {"motivering": "x"}),
    ("ny_bilaga", {"titel": "x"}),
    ("uppgifter", {"datum": "2031-01-01"}),
]


def _tillstånd(utlåtande):
    utlåtande.refresh_from_db()
    return (
        utlåtande.status,
        utlåtande.versionsnummer,
        utlåtande.kontrollsumma(),
        utlåtande.kommentarer.count(),
        utlåtande.attester.count(),
        utlåtande.datum,
    )


@pytest.mark.parametrize("sida", SIDOR)
def test_anonymous_visitors_are_sent_to_log_in(client, utlåtande, sida):
    svar = client.get(reverse(f"yttranden:{sida}", args=[utlåtande.pk]))
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))


@pytest.mark.parametrize(("åtgärd", "data"), ÅTGÄRDER)
def test_anonymous_actions_change_nothing(client, granskas, åtgärd, data):
    före = _tillstånd(granskas)
    svar = client.post(reverse(f"yttranden:{åtgärd}", args=[granskas.pk]), data)
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert _tillstånd(granskas) == före


@pytest.mark.parametrize("sida", SIDOR)
def test_another_nämnds_people_do_not_see_a_draft(client, utlåtande, outsider, sida):
    client.force_login(outsider)
    assert client.get(reverse(f"yttranden:{sida}", args=[utlåtande.pk])).status_code == 404


@pytest.mark.parametrize(("åtgärd", "data"), ÅTGÄRDER)
def test_another_nämnds_people_change_nothing(client, granskas, outsider, åtgärd, data):
    före = _tillstånd(granskas)
    client.force_login(outsider)
    svar = client.post(reverse(f"yttranden:{åtgärd}", args=[granskas.pk]), data)
    assert svar.status_code == 404
    assert _tillstånd(granskas) == före


@pytest.mark.parametrize(("åtgärd", "data"), ÅTGÄRDER)
def test_a_registrator_of_the_nämnd_may_read_but_not_act(
    client, granskas, registrator, åtgärd, data
):
    före = _tillstånd(granskas)
    client.force_login(registrator)
    assert client.get(reverse("yttranden:detalj", args=[granskas.pk])).status_code == 200
    svar = client.post(reverse(f"yttranden:{åtgärd}", args=[granskas.pk]), data)
    assert svar.status_code == 403
    assert _tillstånd(granskas) == före


def test_ks_does_not_see_a_draft_but_sees_the_attested_version(
    client, utlåtande, ks_läsare, handläggare, avdelningschef, direktör
):
    client.force_login(ks_läsare)
    url = reverse("yttranden:förhandsgranska", args=[utlåtande.pk])
    assert client.get(url).status_code == 404
    skriv_klart(utlåtande, handläggare)
    utlåtande.skicka_till_granskning(av=handläggare)
    utlåtande.godkänn(av=avdelningschef)
    assert client.get(url).status_code == 404
    utlåtande.attestera(av=direktör)
    assert client.get(url).status_code == 200
    assert (
        client.post(
            reverse("yttranden:återöppna", args=[utlåtande.pk]), {"motivering": "x"}
        ).status_code
        == 403
    )


def test_an_outsider_cannot_start_an_utlåtande_on_another_nämnds_instans(client, instans, outsider):
    client.force_login(outsider)
    assert client.get(reverse("yttranden:för_instans", args=[instans.pk])).status_code == 404
    assert client.post(reverse("yttranden:påbörja", args=[instans.pk])).status_code == 404
    assert not Tjänsteutlåtande.objects.exists()


def test_the_autosave_response_is_json(client, utlåtande, handläggare):
    client.force_login(handläggare)
    svar = _autospara(client, utlåtande, Sammanfattning="<p>x</p>")
    assert svar["Content-Type"] == "application/json"
    assert json.loads(svar.content)["version"] == 2


def test_the_instans_page_links_to_the_utlåtande_for_the_nämnd_only(
    client, utlåtande, instans, handläggare, ks_läsare
):
    url = reverse("instanser:detalj", args=[instans.pk])
    client.force_login(handläggare)
    assert reverse("yttranden:detalj", args=[utlåtande.pk]) in client.get(url).text
    client.force_login(ks_läsare)
    sida = client.get(url).text
    assert reverse("yttranden:detalj", args=[utlåtande.pk]) not in sida
    assert "Förvaltningen arbetar med sitt tjänsteutlåtande" in sida


def test_the_handläggares_start_page_lists_her_drafts(client, utlåtande, handläggare):
    client.force_login(handläggare)
    sida = client.get(reverse("start")).text
    assert "Mina tjänsteutlåtanden under arbete" in sida
    assert reverse("yttranden:redigera", args=[utlåtande.pk]) in sida


def test_the_detail_page_runs_a_constant_number_of_queries(
    client, granskas, avdelningschef, django_assert_max_num_queries
):
    for sektion in granskas.sektioner.all():
        for nr in range(3):
            granskas.kommentera(f"Kommentar {nr}", avdelningschef, sektion=sektion)
    client.force_login(avdelningschef)
    with django_assert_max_num_queries(20):
        svar = client.get(reverse("yttranden:detalj", args=[granskas.pk]))
    assert svar.text.count("Kommentar 2") == 8


def test_the_admin_edits_mallar_but_never_an_attested_utlåtande(client, attesterat):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("admin", "admin@example.se", "x")
    client.force_login(admin)
    assert client.get(reverse("admin:yttranden_mall_changelist")).status_code == 200
    url = reverse("admin:yttranden_tjänsteutlåtande_change", args=[attesterat.pk])
    före = attesterat.kontrollsumma()
    svar = client.post(url, {"datum": "2020-01-01", "status": "utkast"})
    assert svar.status_code == 403
    attesterat.refresh_from_db()
    assert attesterat.status == S.ATTESTERAD and attesterat.kontrollsumma() == före
