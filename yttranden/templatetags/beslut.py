from django import template
from django.utils import timezone

from yttranden.models import Tjänsteutlåtande, Ärende

register = template.Library()


@register.simple_tag
def nämndsekreterarens_arbete(nämnd):
    """What waits for a nämnd's secretary: attested utlåtanden without a meeting, decisions not
    yet sent to KS, the next meetings and the latest answers. Four queries whatever their number."""
    väntande = Tjänsteutlåtande.objects.filter(
        instans__nämnd=nämnd, status=Tjänsteutlåtande.Status.ATTESTERAD, ärende__isnull=True
    ).select_related("instans__remiss")
    osända = Ärende.objects.filter(
        sammanträde__nämnd=nämnd, beslut__isnull=False, beslut__svar__isnull=True
    ).select_related("utlåtande__instans__remiss", "sammanträde")
    möten = nämnd.sammanträden.kommande(timezone.localdate())[:3]
    senaste = (
        Ärende.objects.filter(sammanträde__nämnd=nämnd, beslut__svar__isnull=False)
        .select_related("utlåtande__instans__remiss", "sammanträde")
        .distinct()
        .order_by("-sammanträde__datum", "-nummer")
    )
    return {
        "väntande": list(väntande[:10]),
        "osända": list(osända[:10]),
        "möten": list(möten),
        "senaste": list(senaste[:5]),
    }


@register.filter
def utan_justeringspunkt(text):
    """The beslut text without its "Beslutet justeras omedelbart." point (shown once, under
    Justering)."""
    from yttranden.beslutstext import utan_justeringspunkt as utan

    return utan(text)


@register.filter
def stycken(text):
    from yttranden.beslutstext import stycken as dela

    return dela(text)


@register.simple_tag
def sekreterarens_steg(utlåtande):
    """The nämndsekreterare's next step on the case (yttranden.sekreterare.nästa_steg)."""
    from yttranden.sekreterare import nästa_steg

    return nästa_steg(utlåtande)
