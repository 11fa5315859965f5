"""Small display helpers for remiss pages: days to a deadline, in Swedish."""

import datetime

from django import template
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
