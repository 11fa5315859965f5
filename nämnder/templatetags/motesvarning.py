"""The meeting-calendar check's display in templates. The check itself runs in the view
(nämnder.kalender.bedöm, bedöm_remiss) and the page includes "nämnder/_motesvarning.html"."""

from django import template

register = template.Library()


@register.filter
def med_mötesvarningar(bedömningar):
    """The (nämnd, bedömning) pairs whose own sammanträdesplan does not fit the deadline."""
    return [par for par in bedömningar if par[1].mötesvarningar]
