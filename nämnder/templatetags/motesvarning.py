"""The meeting-calendar check in templates, so a page can show it with one include:

    {% load motesvarning %}
    {% motesbedomning_for_instans instans as bedömning %}
    {% include "nämnder/_motesvarning.html" %}

Each tag runs the check once, in one query, however many nämnder it covers.
"""

from django import template
from django.utils import timezone

from nämnder.kalender import bedöm, bedöm_nämnder

register = template.Library()


@register.simple_tag
def motesbedomningar_for_remiss(remiss, nämnder=None):
    """[(nämnd, Mötesbedömning)] for a remiss's recipients, counted from its sending date (or
    today, if that has passed) to its deadline."""
    nämnder = list(remiss.mottagare.all() if nämnder is None else nämnder)
    if not nämnder or not remiss.sista_svarsdatum:
        return []
    från = max(remiss.remissdatum or timezone.localdate(), timezone.localdate())
    per_nämnd = bedöm_nämnder(nämnder, remiss.sista_svarsdatum, från)
    return [(nämnd, per_nämnd[nämnd.pk]) for nämnd in nämnder]


@register.simple_tag
def motesbedomning_for_instans(instans):
    """The check for a remissinstans, from today to its own deadline."""
    return bedöm(instans.nämnd, instans.svarsdatum, timezone.localdate())


@register.filter
def med_mötesvarningar(bedömningar):
    """The (nämnd, bedömning) pairs whose own sammanträdesplan does not fit the deadline."""
    return [par for par in bedömningar if par[1].mötesvarningar]
