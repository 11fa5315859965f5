"""Search shows each person exactly what the rest of the system shows them: another
förvaltning's drafts never appear, not as a hit, a count or a snippet."""

import pytest

from nämnder.roller import Roll
from remiss.sok.fraga import Urval, sök
from tests.factories import AnvändareFactory, NämndFactory
from tests.kedja import skriv_klart, till_attest
from tests.sok.conftest import UTKASTTEXT, träffar

pytestmark = pytest.mark.django_db

HANDLÄGGARE, CHEF, DIREKTÖR = Roll.HANDLÄGGARE, Roll.AVDELNINGSCHEF, Roll.DIREKTÖR


def antal(user, fråga):
    return sök(user, Urval(fråga=fråga)).antal


def test_the_handläggare_finds_her_own_draft(utlåtande, handläggare):
    assert [p.typ for p in träffar(handläggare, "fritidsgårdarnas kvällsöppettider")] == [
        "tjansteutlatande"
    ]


def test_another_förvaltning_finds_nothing_of_the_draft_not_even_a_count(utlåtande, outsider):
    for fråga in ("fritidsgårdarnas kvällsöppettider", "Hässelby", "UN 2023/1872", "2023/18"):
        assert träffar(outsider, fråga) == []
        assert antal(outsider, fråga) == 0


def test_the_draft_does_not_show_on_the_outsiders_results_page(client, utlåtande, outsider):
    client.force_login(outsider)
    svar = client.get("/sok/", {"q": "kvällsöppettider"})
    assert svar.status_code == 200
    assert "Inga träffar" in svar.text
    assert "kvällsöppettider</mark>" not in svar.text
    assert UTKASTTEXT not in svar.text


def test_ks_finds_the_utlåtande_only_once_it_is_attested(utlåtande, ks_läsare, handläggare):
    assert träffar(ks_läsare, "kvällsöppettider") == []
    skriv_klart(utlåtande, handläggare)
    assert träffar(ks_läsare, "kvällsöppettider") == []


def test_ks_and_the_nämnd_find_the_attested_utlåtande_but_other_nämnder_do_not(
    attesterat, ks_läsare, ks_samordnare, direktör, outsider
):
    for person in (ks_läsare, ks_samordnare, direktör):
        assert "tjansteutlatande" in [p.typ for p in träffar(person, "kvällsöppettider")]
    assert träffar(outsider, "kvällsöppettider") == []


def test_a_draft_remiss_is_found_only_by_the_remissamordnare(
    remiss, ks_samordnare, ks_läsare, handläggare
):
    assert antal(ks_samordnare, "KS 2023/740") == 1
    assert antal(ks_läsare, "KS 2023/740") == 0
    assert antal(handläggare, "KS 2023/740") == 0


def test_a_sent_remiss_is_found_by_its_recipients_and_ks_but_not_by_other_nämnder(
    skickad, handläggare, outsider, ks_läsare
):
    annan = NämndFactory(namn="Kulturnämnden", diarieprefix="KUL")
    kultur = AnvändareFactory(roller=[(annan, Roll.HANDLÄGGARE)])
    for person in (handläggare, outsider, ks_läsare):
        assert "remiss" in [p.typ for p in träffar(person, "samverkansöverenskommelse")]
    assert träffar(kultur, "samverkansöverenskommelse") == []


def test_each_nämnd_finds_its_own_remissinstans_and_ks_finds_them_all(
    instans, handläggare, outsider, ks_läsare, un, sod
):
    def instanser(person):
        return {p.nämnd for p in träffar(person, "samverkan", typ="remissinstans")}

    assert instanser(handläggare) == {un}
    assert instanser(outsider) == {sod}
    assert instanser(ks_läsare) == {un, sod}


def test_a_person_without_any_role_finds_nothing(attesterat):
    ingen = AnvändareFactory()
    assert träffar(ingen, "samverkan") == []


@pytest.fixture
def beslutat(instans):
    """Idrottsnämnden's attested answer, decided with a särskilt uttalande, not yet sent."""

    from django.utils import timezone

    from tests.factories import SammanträdeFactory
    from tests.yttranden.beslutshjalp import nämnd_med_personal
    from yttranden.models import Beslut, Uttalande, Ärende

    nämnd, personal = nämnd_med_personal(namn="Idrottsnämnden", diarieprefix="IDR")
    idrott = instans.remiss.instanser.create(nämnd=nämnd, svarsdatum=instans.svarsdatum)
    idrott.tilldela(personal[Roll.HANDLÄGGARE], av=personal[Roll.REGISTRATOR])
    utlåtande = till_attest(idrott, *(personal[r] for r in (HANDLÄGGARE, CHEF, DIREKTÖR)))
    sekreterare = personal[Roll.NÄMNDSEKRETERARE]
    möte = SammanträdeFactory(nämnd=nämnd, datum=timezone.localdate())
    ärende = Ärende.lägg_på_dagordning(utlåtande, möte, 4, av=sekreterare)
    beslut = Beslut.registrera(
        ärende,
        "Nämnden godkänner förslaget om idrottshallar.",
        av=sekreterare,
        justeras_omedelbart=True,
    )
    Uttalande.lägg_till(
        beslut,
        Uttalande.Typ.SÄRSKILT_UTTALANDE,
        ["L", "C"],
        "Anna Andersson (L)",
        "Vi vill betona skolans roll.",
        av=sekreterare,
    )
    return beslut, sekreterare


def test_a_beslut_and_its_uttalande_reach_ks_and_everyone_only_when_the_answer_is_sent(
    beslutat, ks_läsare, outsider
):
    from yttranden.models import Svar

    beslut, sekreterare = beslutat
    assert {p.typ for p in träffar(sekreterare, "idrottshallar skolans roll")} == set()
    assert {p.typ for p in träffar(sekreterare, "skolans roll")} == {"sarskilt_uttalande"}
    assert {p.typ for p in träffar(sekreterare, "idrottshallar")} == {"beslut"}
    assert träffar(ks_läsare, "skolans roll") == []
    assert träffar(ks_läsare, "idrottshallar") == []

    Svar.skicka(beslut, av=sekreterare)

    assert {p.typ for p in träffar(ks_läsare, "skolans roll")} == {"sarskilt_uttalande"}
    assert {p.typ for p in träffar(ks_läsare, "idrottshallar")} == {"beslut"}
    # Sent, the answer is an allmän handling: another nämnd's people find it too.
    assert {p.typ for p in träffar(outsider, "skolans roll")} == {"sarskilt_uttalande"}
    assert {p.typ for p in träffar(outsider, "idrottshallar")} == {"beslut"}
