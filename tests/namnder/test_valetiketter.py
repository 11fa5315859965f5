"""Choice labels from the per-field table read the same as Django's own get_FOO_display()."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from nämnder.models.valetiketter import Valetiketter, etikett

MED_TABELL = [
    m
    for m in apps.get_models()
    if issubclass(m, Valetiketter) and any(f.choices for f in m._meta.concrete_fields)
]


def djangos_etikett(objekt, fält):
    return models.Model._get_FIELD_display(objekt, fält)


def test_the_models_shown_per_row_in_lists_use_the_table():
    namn = {m.__name__ for m in MED_TABELL}
    assert {"Remiss", "Remissinstans", "Remisshändelse", "Tjänsteutlåtande", "Sökpost"} <= namn


@pytest.mark.parametrize("språk", ["sv", "en"])
@pytest.mark.parametrize("modell", MED_TABELL, ids=lambda m: m.__name__)
def test_every_choice_reads_as_djangos_label_in_each_language(modell, språk):
    fält_med_val = [f for f in modell._meta.concrete_fields if f.choices]
    with translation.override(språk):
        for fält in fält_med_val:
            for värde, _etikett in fält.flatchoices:
                objekt = modell(**{fält.attname: värde})
                visning = getattr(objekt, f"get_{fält.name}_display")()
                assert visning == djangos_etikett(objekt, fält)
                assert isinstance(visning, str)


def test_the_label_follows_the_active_language():
    from remiss.models import Remiss

    utkast = Remiss(status=Remiss.Status.UTKAST)
    with translation.override("sv"):
        svensk = utkast.get_status_display()
    with translation.override("en"):
        engelsk = utkast.get_status_display()
    assert svensk == djangos_etikett(utkast, Remiss._meta.get_field("status"))
    with translation.override("en"):
        assert engelsk == djangos_etikett(utkast, Remiss._meta.get_field("status"))


def test_a_value_outside_the_choices_is_shown_as_it_is():
    from remiss.models import Remiss

    assert Remiss(status="okänd").get_status_display() == "okänd"


@pytest.mark.parametrize("språk", ["sv", "en"])
@pytest.mark.parametrize("modell", MED_TABELL, ids=lambda m: m.__name__)
def test_a_row_read_as_values_gets_the_same_label(modell, språk):
    with translation.override(språk):
        for fält in (f for f in modell._meta.concrete_fields if f.choices):
            for värde, _etikett in fält.flatchoices:
                objekt = modell(**{fält.attname: värde})
                assert etikett(modell, fält.name, värde) == djangos_etikett(objekt, fält)
    assert etikett(modell, fält.name, "okänd") == "okänd"
