"""Small display helpers for remiss pages: days to a deadline in Swedish, and the list pages' cheap
forms of Django's date filter and url tag (see README "Sidornas mallar")."""

import datetime
import functools

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def dagar_kvar(datum, idag=None):
    """A deadline in words: "12 dagar kvar", "sista dagen i dag", "passerat för 3 dagar sedan"."""
    if not isinstance(datum, datetime.date):
        return ""
    dagar = (datum - (idag or timezone.localdate())).days
    if dagar == 0:
        return _("sista dagen i dag")
    if dagar > 0:
        return ngettext("%(n)s dag kvar", "%(n)s dagar kvar", dagar) % {"n": dagar}
    return ngettext("passerat för %(n)s dag sedan", "passerat för %(n)s dagar sedan", -dagar) % {
        "n": -dagar
    }


# The pages' dates are always ISO dates ("2026-11-29"), in the kommun's time zone. Django's
# ``date`` filter builds a formatter and looks up the locale's formats for every cell; a list of
# fifty rows with two dates each spent more time there than in its queries.
@register.filter
def dag(värde):
    """``värde|date:"Y-m-d"`` for a date or an aware datetime, without the formatter."""
    if isinstance(värde, datetime.datetime):
        return (timezone.localtime(värde) if värde.tzinfo else värde).date().isoformat()
    if isinstance(värde, datetime.date):
        return värde.isoformat()
    return ""


@register.filter
def dag_och_tid(värde):
    """``värde|date:"Y-m-d H:i"`` for an aware datetime, without the formatter."""
    if isinstance(värde, datetime.datetime):
        return (timezone.localtime(värde) if värde.tzinfo else värde).strftime("%Y-%m-%d %H:%M")
    return ""


_MARKÖR = 987654321


@functools.cache
def _adressmall(urlconf, prefix, namn):
    return reverse(namn, urlconf=urlconf, args=[_MARKÖR]).replace(str(_MARKÖR), "{}")


@register.simple_tag
def adress(namn, pk):
    """``{% url namn pk %}`` for a view whose only argument is an integer pk, reversed once per
    process rather than once per row (a list of fifty rows reversed fifty times)."""
    return _adressmall(get_urlconf(), get_script_prefix(), namn).format(int(pk))
