"""How tjänsteutlåtanden are shown in templates: a status tag and sanitised text. What the pages
list and what a person may do is computed by the views (yttranden/sidtillagg.py for the remiss
app's pages), never here."""

from django import template
from django.utils.safestring import mark_safe

from yttranden.formatering import sanera

register = template.Library()

FÄRGER = {
    "utkast": "neutral",
    "granskning": "warning",
    "godkand": "info",
    "attesterad": "success",
    "ersatt": "neutral",
}


@register.inclusion_tag("yttranden/_status.html")
def utlåtandestatus(utlåtande):
    return {"utlåtande": utlåtande, "färg": FÄRGER.get(utlåtande.status, "neutral")}


@register.filter
def sanerad(html):
    """Formatted text, sanitised again on the way out whatever path wrote it."""
    return mark_safe(sanera(html))
