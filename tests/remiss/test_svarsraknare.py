"""The answer counters stored on a remiss (antal_instanser, antal_besvarade, antal_avstår) are
what KS's lists show and sort by. They are kept by the instans transitions themselves, in the
same transaction; after every step they must equal a fresh count of the instanser."""

import importlib

import pytest
from django.apps import apps
from django.db.models import Count, Q

from remiss.models import Remiss, Remissinstans
from tests.factories import RemissFactory

S = Remissinstans.Status


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod])
    remiss.skicka(av=ks_samordnare)
    return remiss


def _lagrat(remiss):
    färsk = Remiss.objects.get(pk=remiss.pk)
    return färsk.antal_instanser, färsk.antal_besvarade, färsk.antal_avstår


def _räknat(remiss):
    antal = Remissinstans.objects.filter(remiss=remiss).aggregate(
        alla=Count("pk"),
        besvarade=Count("pk", filter=Q(status=S.BESVARAD)),
        avstår=Count("pk", filter=Q(status=S.AVSTÅR)),
    )
    return antal["alla"], antal["besvarade"], antal["avstår"]


def test_a_draft_has_no_instanser_and_sending_counts_its_recipients(ks, un, sod, ks_samordnare):
    utkast = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod])
    assert _lagrat(utkast) == (0, 0, 0)
    utkast.skicka(av=ks_samordnare)
    assert _lagrat(utkast) == _räknat(utkast) == (2, 0, 0)


def test_the_counters_equal_a_recount_after_every_transition(
    remiss, un, sod, registrator, handläggare, direktör
):
    un_instans = remiss.instanser.get(nämnd=un)
    sod_instans = remiss.instanser.get(nämnd=sod)
    steg = [
        lambda: un_instans.registrera("UN 2023/713", av=registrator),
        lambda: un_instans.tilldela(handläggare, av=registrator),
        lambda: un_instans.påbörja_beredning(av=handläggare),
        lambda: un_instans.markera_attesterad(av=direktör),
        lambda: un_instans.påbörja_beredning(av=handläggare),  # reopened
        lambda: un_instans.markera_attesterad(av=direktör),
        lambda: un_instans.markera_beslutad(av=registrator),
        lambda: un_instans.markera_besvarad(av=registrator),
        lambda: un_instans.markera_besvarad(av=registrator),  # a correction stays besvarad
        lambda: sod_instans.avstå("Berör inte stadsdelsnämnden.", av=registrator),
    ]
    for nr, gör in enumerate(steg):
        gör()
        assert _lagrat(remiss) == _räknat(remiss), f"steg {nr}"
    assert _lagrat(remiss) == (2, 1, 1)


def test_a_refused_transition_leaves_the_counters_as_they_were(remiss, sod, registrator):
    instans = remiss.instanser.get(nämnd=sod)
    instans.avstå("Berör inte stadsdelsnämnden.", av=registrator)
    with pytest.raises(Exception):  # noqa: B017 - the refusal itself is tested in test_models
        instans.markera_besvarad(av=registrator)
    assert _lagrat(remiss) == _räknat(remiss) == (2, 0, 1)


def test_the_data_migration_counts_the_remisser_that_existed_before(remiss, sod, registrator):
    remiss.instanser.get(nämnd=sod).avstå("Berör inte stadsdelsnämnden.", av=registrator)
    Remiss.objects.update(antal_instanser=0, antal_besvarade=0, antal_avstår=0)
    migration = importlib.import_module("remiss.migrations.0009_svarsraknare")
    migration.räkna_svar(apps, None)
    assert _lagrat(remiss) == _räknat(remiss) == (2, 0, 1)


def test_the_partial_indexes_name_the_same_finished_states_as_the_model():
    from remiss.models import instans

    assert sorted(instans._KLARA) == sorted(Remissinstans.KLARA)
