"""The external answers on an external organisation's instans page (KS)."""

from django import template

from yttranden.atkomst import externa_svar_för
from yttranden.models import ExterntSvar

register = template.Library()


@register.inclusion_tag("yttranden/extern/_instans.html", takes_context=True)
def instansens_externa_svar(context, instans):
    user = context["request"].user
    svar = list(
        externa_svar_för(user, ExterntSvar.objects.filter(instans=instans))
        .select_related("inskickat_av")
        .order_by("nummer")
    )
    return {"rader": svar, "request": context["request"], "csrf_token": context.get("csrf_token")}
