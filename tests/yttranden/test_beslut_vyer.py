import datetime

import pytest
from django.urls import reverse

from remiss.models import Remissinstans
from tests.datum import idag
from tests.factories import SammanträdeFactory
from tests.yttranden.beslutshjalp import besvara, nämnd_med_personal
from yttranden.models import Beslut, Svar, Uttalande, Ärende


@pytest.fixture
def möte(un):
    return SammanträdeFactory(nämnd=un, datum=idag())  # today: a beslut follows the meeting


@pytest.fixture
def ärende(attesterat, möte, nämndsekreterare):
    return Ärende.lägg_på_dagordning(attesterat, möte, 10, av=nämndsekreterare)


@pytest.fixture
def beslut(ärende, nämndsekreterare):
    return Beslut.registrera(ärende, "1. Godkänns.", av=nämndsekreterare, justeras_omedelbart=True)


def _post(client, namn, pk, **data):
    return client.post(reverse(f"beslut:{namn}", args=[pk]), data)


def test_the_nämndsekreterare_puts_an_utlåtande_on_the_agenda(
    client, nämndsekreterare, attesterat, möte
):
    client.force_login(nämndsekreterare)
    sida = client.get(reverse("beslut:sammanträde", args=[möte.pk])).text
    assert "KS 2023/740" in sida and "Lägg på föredragningslistan" in sida
    svar = _post(client, "nytt_ärende", möte.pk, utlåtande=attesterat.pk, nummer=10)
    ärende = Ärende.objects.get()
    assert svar.status_code == 302 and svar.url == reverse("beslut:ärende", args=[ärende.pk])
    assert ärende.nummer == 10


def test_an_utlåtande_already_on_the_agenda_is_not_offered_again(
    client, nämndsekreterare, attesterat, möte, ärende
):
    # A second attested utlåtande would be needed to try the same number; reuse is refused.
    client.force_login(nämndsekreterare)
    svar = _post(client, "nytt_ärende", möte.pk, utlåtande=attesterat.pk, nummer=10)
    assert svar.status_code == 400
    assert "Välj ett giltigt alternativ" in svar.text
    assert Ärende.objects.count() == 1


def test_an_utlåtande_not_yet_attested_is_not_offered(client, nämndsekreterare, godkänt, möte):
    client.force_login(nämndsekreterare)
    svar = _post(client, "nytt_ärende", möte.pk, utlåtande=godkänt.pk, nummer=1)
    assert svar.status_code == 400
    assert not Ärende.objects.exists()


def test_the_beslut_form_is_prefilled_with_the_proposal(client, nämndsekreterare, ärende):
    client.force_login(nämndsekreterare)
    sida = client.get(reverse("beslut:ärende", args=[ärende.pk])).text
    assert "1. Utbildningsnämnden godkänner förvaltningens tjänsteutlåtande" in sida
    assert 'name="justeras_omedelbart" class="ds-input" id="id_justeras_omedelbart" checked' in sida


def test_a_beslut_without_justering_is_refused_in_swedish(client, nämndsekreterare, ärende):
    client.force_login(nämndsekreterare)
    svar = _post(client, "registrera", ärende.pk, text="1. Godkänns.")
    assert svar.status_code == 400
    assert "Ange justeringsdatum, eller kryssa i att beslutet justeras omedelbart" in svar.text
    assert not Beslut.objects.exists()


def test_sending_without_a_beslut_is_refused(client, nämndsekreterare, ärende):
    client.force_login(nämndsekreterare)
    svar = _post(client, "skicka_svar", ärende.pk)
    assert svar.status_code == 302
    assert "Registrera nämndens beslut först" in client.get(svar.url).text
    assert not Svar.objects.exists()


def test_a_double_submit_sends_once(client, nämndsekreterare, beslut):
    client.force_login(nämndsekreterare)
    assert _post(client, "skicka_svar", beslut.ärende.pk).status_code == 302
    andra = _post(client, "skicka_svar", beslut.ärende.pk)
    assert andra.status_code == 400 and "Svaret är redan skickat" in andra.text
    assert Svar.objects.count() == 1


def test_a_statement_without_parties_is_refused(client, nämndsekreterare, beslut):
    client.force_login(nämndsekreterare)
    svar = _post(
        client,
        "nytt_uttalande",
        beslut.ärende.pk,
        typ="reservation",
        ledamöter="Anna (S)",
        text="Vi reserverar oss.",
    )
    assert svar.status_code == 400 and "Detta fält måste fyllas i" in svar.text
    assert not Uttalande.objects.exists()


def test_script_in_a_statement_is_shown_as_text(client, nämndsekreterare, beslut):
    client.force_login(nämndsekreterare)
    _post(
        client,
        "nytt_uttalande",
        beslut.ärende.pk,
        typ="reservation",
        partier=["S"],
        ledamöter="Anna (S)",
        text="<script>alert(1)</script>Nej",
    )
    sida = client.get(reverse("beslut:protokollsutdrag", args=[beslut.ärende.pk])).text
    assert "<script>alert(1)</script>" not in sida
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Nej" in sida


@pytest.mark.parametrize("person", ["handläggare", "registrator", "direktör"])
def test_members_without_the_role_cannot_act(client, request, ärende, möte, attesterat, person):
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("beslut:ärende", args=[ärende.pk])).status_code == 200
    for namn, pk, data in [
        ("nytt_ärende", möte.pk, {"utlåtande": attesterat.pk, "nummer": 3}),
        ("registrera", ärende.pk, {"text": "x", "justeras_omedelbart": "on"}),
        ("nytt_uttalande", ärende.pk, {"typ": "reservation", "partier": ["S"]}),
        ("skicka_svar", ärende.pk, {}),
    ]:
        assert _post(client, namn, pk, **data).status_code == 403
    assert not Beslut.objects.exists() and Ärende.objects.count() == 1


def test_another_nämnds_secretary_sees_nothing(client, ärende, möte, sod):
    from nämnder.roller import Roll
    from tests.factories import AnvändareFactory

    annan = AnvändareFactory(roller=[(sod, Roll.NÄMNDSEKRETERARE)])
    client.force_login(annan)
    for url in [
        reverse("beslut:sammanträde", args=[möte.pk]),
        reverse("beslut:ärende", args=[ärende.pk]),
        reverse("beslut:protokollsutdrag", args=[ärende.pk]),
    ]:
        assert client.get(url).status_code == 404
    assert (
        _post(client, "registrera", ärende.pk, text="x", justeras_omedelbart="on").status_code
        == 404
    )
    assert not Beslut.objects.exists()


def test_anonymous_visitors_are_sent_to_login(client, ärende, möte):
    for url in [
        reverse("beslut:sammanträde", args=[möte.pk]),
        reverse("beslut:ärende", args=[ärende.pk]),
        reverse("beslut:protokollsutdrag", args=[ärende.pk]),
        reverse("beslut:sammanställning", args=[ärende.utlåtande.instans.remiss_id]),
    ]:
        svar = client.get(url)
        assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert _post(client, "skicka_svar", ärende.pk).status_code == 302
    assert not Svar.objects.exists()


def test_ks_reads_the_protokollsutdrag_only_once_the_answer_is_sent(
    client, ks_läsare, beslut, nämndsekreterare
):
    client.force_login(ks_läsare)
    url = reverse("beslut:protokollsutdrag", args=[beslut.ärende.pk])
    assert client.get(url).status_code == 404
    Svar.skicka(beslut, av=nämndsekreterare)
    sida = client.get(url).text
    assert "Utdrag ur protokoll" in sida and "Utbildningsnämnden" in sida and "Ärende 10" in sida
    assert "Beslutet justeras omedelbart." in sida


def test_the_sammanställning_shows_answers_statements_and_who_is_late(
    client, ks_läsare, beslut, nämndsekreterare, remiss, sod
):
    Uttalande.lägg_till(
        beslut,
        "sarskilt_uttalande",
        ["L", "M"],
        "Pernilla Enebrink m.fl. (L)",
        "Det är viktigt att det finns fasta lokala arbetsgrupper.",
        av=nämndsekreterare,
    )
    Svar.skicka(beslut, av=nämndsekreterare)
    Remissinstans.objects.filter(nämnd=sod).update(svarsdatum=idag() - datetime.timedelta(days=2))
    client.force_login(ks_läsare)
    url = reverse("beslut:sammanställning", args=[remiss.pk])
    sida = client.get(url).text
    assert "1 av 2 har svarat" in sida and "1 är försenade" in sida
    assert "Text om sammanfattning." in sida
    assert "Särskilt uttalande (L, M)" in sida and "fasta lokala arbetsgrupper" in sida
    assert "Försenad" in sida
    sena = client.get(url + "?visa=forsenade").text
    assert "Södermalms stadsdelsnämnd" in sena and "Utbildningsnämnden</h2>" not in sena


@pytest.mark.parametrize("person", ["handläggare", "outsider", "nämndsekreterare"])
def test_the_sammanställning_is_for_ks(client, request, remiss, person):
    client.force_login(request.getfixturevalue(person))
    svar = client.get(reverse("beslut:sammanställning", args=[remiss.pk]))
    assert svar.status_code in (403, 404)


def test_the_sammanställning_runs_a_constant_number_of_queries(
    client, ks, ks_samordnare, ks_läsare, django_assert_max_num_queries
):
    from tests.factories import RemissFactory

    nämnder = [nämnd_med_personal() for _ in range(6)]
    remiss = RemissFactory(
        nämnd=ks,
        skapad_av=ks_samordnare,
        mottagare=[n for n, _ in nämnder],
        sista_svarsdatum=idag() + datetime.timedelta(days=60),
    )
    remiss.skicka(av=ks_samordnare)
    for nämnd, personal in nämnder:
        besvara(remiss.instanser.get(nämnd=nämnd), personal)
    client.force_login(ks_läsare)
    with django_assert_max_num_queries(14) as fångade:
        sida = client.get(reverse("beslut:sammanställning", args=[remiss.pk])).text
    assert sida.count("Vi vill betona skolans roll.") == 6
    assert len(fångade) <= 14


def test_a_meeting_with_ärenden_cannot_be_removed(client, nämndsekreterare, ärende, möte, un):
    client.force_login(nämndsekreterare)
    svar = client.post(reverse("nämnder:ta_bort_sammanträde", args=[un.pk, möte.pk]))
    assert "Sammanträdet har ärenden och kan inte tas bort" in client.get(svar.url).text
    assert Ärende.objects.filter(sammanträde=möte).exists()


def test_the_secretarys_start_page_lists_what_waits(client, nämndsekreterare, attesterat, möte):
    client.force_login(nämndsekreterare)
    sida = client.get(reverse("start")).text
    assert "Attesterade tjänsteutlåtanden som väntar på ett sammanträde" in sida
    assert reverse("beslut:sammanträde", args=[möte.pk]) in sida


def test_the_secretarys_start_page_lists_the_answers_sent(client, nämndsekreterare, beslut):
    Svar.skicka(beslut, av=nämndsekreterare)
    client.force_login(nämndsekreterare)
    sida = client.get(reverse("start")).text
    assert "Senast skickade svar" in sida
    assert reverse("beslut:ärende", args=[beslut.ärende.pk]) in sida


def _attesterat_för(remiss_dnr, ks, un, ks_samordnare, registrator, handläggare, chef, direktör):
    from tests.factories import RemissFactory
    from tests.kedja import till_attest

    remiss = RemissFactory(
        nämnd=ks,
        diarienummer=remiss_dnr,
        skapad_av=ks_samordnare,
        mottagare=[un],
        sista_svarsdatum=idag() + datetime.timedelta(days=60),
    )
    remiss.skicka(av=ks_samordnare)
    instans = remiss.instanser.get()
    instans.tilldela(handläggare, av=registrator)
    return till_attest(instans, handläggare, chef, direktör)


def test_the_agenda_runs_a_constant_number_of_queries(
    client,
    ks,
    un,
    ks_samordnare,
    registrator,
    handläggare,
    avdelningschef,
    direktör,
    nämndsekreterare,
    möte,
    django_assert_max_num_queries,
):
    url = reverse("beslut:sammanträde", args=[möte.pk])
    client.force_login(nämndsekreterare)
    folk = (ks, un, ks_samordnare, registrator, handläggare, avdelningschef, direktör)
    for nr in range(1, 6):
        utlåtande = _attesterat_för(f"KS 2031/{nr}", *folk)
        Ärende.lägg_på_dagordning(utlåtande, möte, nr, av=nämndsekreterare)
        if nr == 1:
            with django_assert_max_num_queries(30) as ett:
                client.get(url)
    with django_assert_max_num_queries(len(ett)):
        sida = client.get(url).text
    assert sida.count(">Ärende ") == 5
