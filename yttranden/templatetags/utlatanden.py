"""What the start page and the instans page show about tjänsteutlåtanden. Each tag is one
query whatever the number of rows: only utlåtanden assigned to the person are listed, narrowed
by the access policy like the lists' own pages (yttranden/views/listor.py)."""

from django import template
from django.utils.safestring import mark_safe

from nämnder.permissions import får, kan_se
from yttranden.atkomst import utlåtanden_för
from yttranden.formatering import sanera
from yttranden.models import Tjänsteutlåtande

register = template.Library()


@register.simple_tag
def att_granska(user, nämnd):
    return list(
        utlåtanden_för(user, Tjänsteutlåtande.objects.att_granska(user))
        .filter(instans__nämnd=nämnd)
        .med_ärende()
    )


@register.simple_tag
def att_attestera(user, nämnd):
    return list(
        utlåtanden_för(user, Tjänsteutlåtande.objects.att_attestera(user))
        .filter(instans__nämnd=nämnd)
        .med_ärende()
    )


@register.simple_tag
def mina_utkast(user, nämnd):
    return list(
        utlåtanden_för(user, Tjänsteutlåtande.objects.mina_utkast(user))
        .filter(instans__nämnd=nämnd)
        .med_ärende()
    )


@register.inclusion_tag("yttranden/_instans_utlatande.html", takes_context=True)
def instansens_utlåtande(context, instans):
    """The instans page's utlåtande section, with what the person may do decided by the access
    policy (yttranden/atkomst.py), not by the template."""
    user = context["request"].user
    utlåtande = Tjänsteutlåtande.objects.gällande().filter(instans=instans).first()
    S = instans.Status
    är_medlem = får(user, instans, "bereda")
    return {
        "instans": instans,
        "utlåtande": utlåtande,
        "är_medlem": är_medlem,
        "är_sekreterare": är_medlem and får(user, instans.nämnd, "planera"),
        "kan_öppna": utlåtande is not None and kan_se(user, utlåtande),
        "kan_påbörja": utlåtande is None
        and instans.status in (S.TILLDELAD, S.UNDER_BEREDNING)
        and är_medlem,
    }


@register.inclusion_tag("yttranden/_status.html")
def utlåtandestatus(utlåtande):
    färger = {
        Tjänsteutlåtande.Status.UTKAST: "neutral",
        Tjänsteutlåtande.Status.GRANSKNING: "warning",
        Tjänsteutlåtande.Status.GODKÄND: "info",
        Tjänsteutlåtande.Status.ATTESTERAD: "success",
        Tjänsteutlåtande.Status.ERSATT: "neutral",
    }
    return {"utlåtande": utlåtande, "färg": färger.get(utlåtande.status, "neutral")}


@register.filter
def sanerad(html):
    """Formatted text, sanitised again on the way out whatever path wrote it."""
    return mark_safe(sanera(html))
