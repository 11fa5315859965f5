"""``manage.py reindexera`` rebuilds the index for existing data, with a progress bar."""

import io

import pytest
from django.core.management import CommandError, call_command

from remiss.models import Remiss, Sökord, Sökpost

pytestmark = pytest.mark.django_db


def reindexera(**alternativ):
    ut, fel = io.StringIO(), io.StringIO()
    call_command("reindexera", stdout=ut, stderr=fel, **alternativ)
    return ut.getvalue(), fel.getvalue()


def test_it_rebuilds_every_post_from_the_documents(utlåtande, handläggare):
    före = {(p.typ, p.objekt_id): (p.titel, p.text, p.åtkomst) for p in Sökpost.objects.all()}
    Sökpost.objects.all().delete()
    Sökord.objects.all().delete()
    ut, fel = reindexera(omgang=2)
    efter = {(p.typ, p.objekt_id): (p.titel, p.text, p.åtkomst) for p in Sökpost.objects.all()}
    assert efter == före
    assert "Sökindexet klart: 4 dokument" in ut
    assert "Tjänsteutlåtanden: 100%" in fel
    assert Sökord.objects.filter(ord="kvällsöppettider").exists()


def test_it_removes_posts_of_documents_that_are_gone(skickad, ks_samordnare):
    Remiss.objects.filter(pk=skickad.pk).update(titel="Ändrad utan att indexeras")
    Sökpost.objects.filter(typ=Sökpost.Typ.REMISS).update(objekt_id=999_999)
    ut, _fel = reindexera()
    assert "1 gamla poster borttagna" in ut
    assert not Sökpost.objects.filter(objekt_id=999_999).exists()
    assert Sökpost.objects.get(typ=Sökpost.Typ.REMISS).titel == "Ändrad utan att indexeras"


def test_it_is_quiet_with_verbosity_0(skickad):
    assert reindexera(verbosity=0) == ("", "")


def test_a_batch_size_below_one_is_refused_in_swedish(skickad):
    with pytest.raises(CommandError, match="--omgang måste vara minst 1."):
        reindexera(omgang=0)


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_a_writer_thread_writes_while_the_next_batch_is_prepared(
    ks, un, sod, ks_samordnare
):
    from tests.factories import RemissFactory

    for _ in range(5):
        remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod])
        remiss.skicka(av=ks_samordnare)
    Sökpost.objects.all().delete()
    ut, _fel = reindexera(omgang=2)
    assert "Sökindexet klart: 15 dokument" in ut
    assert Sökpost.objects.filter(typ=Sökpost.Typ.REMISSINSTANS).count() == 10
