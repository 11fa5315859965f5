"""The migration that made the parties data (yttranden 0009) keeps every recorded uttalande
valid: the eight of the old fixed list, and any other abbreviation an uttalande names."""

import importlib

from django.apps import apps

from nämnder.models import Parti
from tests.yttranden.pdfdokumenthjalp import besluta
from yttranden.models import Uttalande

migrering = importlib.import_module("yttranden.migrations.0009_partier_som_data")


def test_the_eight_parties_and_those_in_old_uttalanden_become_data(attesterat, nämndsekreterare):
    besluta(attesterat, nämndsekreterare, skicka=False)
    Uttalande.objects.update(partier=["L", "Fi"])
    Parti.objects.all().delete()

    migrering.skapa_partier(apps, None)

    assert sorted(Parti.objects.values_list("förkortning", flat=True)) == sorted(
        ["S", "M", "L", "C", "KD", "V", "MP", "SD", "Fi"]
    )
    uttalande = Uttalande.objects.get()
    assert uttalande.partier == ["L", "Fi"]
    kända = set(Parti.objects.aktiva().values_list("förkortning", flat=True))
    assert set(uttalande.partier) <= kända


def test_running_it_again_adds_nothing(db):
    före = Parti.objects.count()
    migrering.skapa_partier(apps, None)
    assert Parti.objects.count() == före == 8
