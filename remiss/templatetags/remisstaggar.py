"""Small display helpers for remiss pages: days to a deadline, in Swedish."""

import datetime

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def dagar_kvar(datum, idag=None):
    """ "12 dagar kvar", "sista dagen i dag" or "3 dagar sen" for a deadline."""
    if not isinstance(datum, datetime.date):
        return ""
    dagar = (datum - (idag or timezone.localdate())).days
    if dagar == 0:
        return _("sista dagen i dag")
    if dagar > 0:
        return ngettext("%(n)s dag kvar", "%(n)s dagar kvar", dagar) % {"n": dagar}
    return ngettext("%(n)s dag sen", "%(n)s dagar sen", -dagar) % {"n": -dagar}
