"""The index follows every change, from the models' own methods, in the same transaction."""

import pytest
from django.db import transaction

from remiss.models import Remiss, Sökpost
from remiss.sok.index import indexera
from tests.sok.conftest import UTKASTTEXT, träffar
from yttranden.models import Tjänsteutlåtande

pytestmark = pytest.mark.django_db


def post_för(objekt):
    return Sökpost.objects.get(objekt_id=objekt.pk, typ=typ_av(objekt))


def typ_av(objekt):
    return {
        "Remiss": Sökpost.Typ.REMISS,
        "Remissinstans": Sökpost.Typ.REMISSINSTANS,
        "Tjänsteutlåtande": Sökpost.Typ.TJÄNSTEUTLÅTANDE,
    }[type(objekt).__name__]


def test_a_draft_remiss_is_indexed_when_saved_and_found_only_by_the_remissamordnare(
    remiss, ks_samordnare, ks_läsare
):
    post = post_för(remiss)
    ks = remiss.nämnd_id
    assert (post.diarienummer, post.status, post.åtkomst) == (
        "KS 2023/740",
        "Utkast",
        f" n{ks}:remissamordnare ",
    )
    assert [p.titel for p in träffar(ks_samordnare, "samverkansöverenskommelse")] == [remiss.titel]
    assert träffar(ks_läsare, "samverkansöverenskommelse") == []


def test_sending_indexes_the_remiss_as_sent_and_every_remissinstans(skickad, ks, un, sod):
    assert post_för(skickad).status == "Utskickad"
    assert set(post_för(skickad).åtkomst.split()) == {f"n{ks.pk}", f"n{un.pk}", f"n{sod.pk}"}
    instanser = Sökpost.objects.filter(typ=Sökpost.Typ.REMISSINSTANS)
    assert {p.nämnd for p in instanser} == {un, sod}
    assert {p.status for p in instanser} == {"Mottagen"}


def test_closing_the_remiss_changes_its_status_in_the_index(skickad, ks_samordnare):
    skickad.avsluta(av=ks_samordnare)
    assert post_för(skickad).status == "Avslutad"


def test_the_nämnds_own_diarienummer_and_status_follow_the_instans(instans, handläggare):
    assert post_för(instans).status == "Tilldelad"
    assert [p.typ for p in träffar(handläggare, "UN 2023/1872")] == ["remissinstans"]


def test_every_saved_text_of_the_utlåtande_is_searchable_at_once(utlåtande, handläggare):
    post = post_för(utlåtande)
    assert UTKASTTEXT in post.text
    assert "Sammanfattning" in post.rubriker
    assert "<p>" not in post.text
    assert [p.typ for p in träffar(handläggare, "kvällsöppettider")] == ["tjansteutlatande"]


def test_a_reopened_utlåtande_is_found_once_as_its_new_version(attesterat, direktör):
    assert post_för(attesterat).status == "Attesterat"
    nytt = attesterat.återöppna("Fel siffror i bakgrunden.", av=direktör)
    poster = Sökpost.objects.filter(typ=Sökpost.Typ.TJÄNSTEUTLÅTANDE)
    assert [p.objekt_id for p in poster] == [nytt.pk]
    assert poster.get().status == "Utkast"


def test_a_change_that_rolls_back_leaves_the_index_as_it_was(remiss, ks_samordnare):
    with pytest.raises(RuntimeError), transaction.atomic():
        remiss.titel = "Ny titel om fritidsgårdar"
        remiss.spara_utkast(av=ks_samordnare, ny=False)
        raise RuntimeError("något annat gick fel")
    assert post_för(remiss).titel != "Ny titel om fritidsgårdar"


def test_a_document_that_should_no_longer_be_found_loses_its_post(utlåtande):
    Tjänsteutlåtande.objects.filter(pk=utlåtande.pk).update(status="ersatt")
    utlåtande.refresh_from_db()
    indexera(utlåtande)
    assert not Sökpost.objects.filter(typ=Sökpost.Typ.TJÄNSTEUTLÅTANDE).exists()


def test_highlight_markers_and_control_characters_in_a_text_never_reach_the_index(
    remiss, ks_samordnare
):
    remiss.beskrivning = "Före\x07efter \ue000falsk\ue001 markering"
    remiss.spara_utkast(av=ks_samordnare, ny=False)
    assert post_för(remiss).text == "Före efter falsk markering"


def test_the_words_of_every_document_are_kept_for_finding_misspellings(utlåtande):
    from remiss.models import Sökord

    assert Sökord.objects.filter(ord__in=["samverkansöverenskommelse", "kvällsöppettider"]).count()
    assert not Sökord.objects.filter(ord__regex=r"[0-9<>]").exists()


def test_a_remiss_created_without_its_methods_is_not_indexed_until_reindexed(ks, ks_samordnare):
    from tests.factories import RemissFactory

    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare)
    assert not Sökpost.objects.filter(objekt_id=remiss.pk, typ=Sökpost.Typ.REMISS).exists()
    indexera(Remiss.objects.get(pk=remiss.pk))
    assert post_för(remiss).titel == remiss.titel
