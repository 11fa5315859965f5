"""The beslut text in templates: without its justering point, and in paragraphs."""

from django import template

from yttranden.beslutstext import stycken as dela
from yttranden.beslutstext import utan_justeringspunkt as utan

register = template.Library()


@register.filter
def utan_justeringspunkt(text):
    """The beslut text without its "Beslutet justeras omedelbart." point (shown once, under
    Justering)."""
    return utan(text)


@register.filter
def stycken(text):
    return dela(text)
