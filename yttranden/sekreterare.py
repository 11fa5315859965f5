"""The nämndsekreterare's work: the next step on one case, derived from its state (put the
attested utlåtande on a meeting's agenda, wait for the meeting, register the beslut, wait for the
justering, send the answer to KS), and what waits in the nämnd. Nothing is stored: the steps
follow from the rows."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from remiss.models import Remissinstans
from yttranden.atkomst import utlåtanden_för, ärenden_för
from yttranden.models import Tjänsteutlåtande, Ärende


@dataclass(frozen=True)
class Steg:
    kod: str  # "dagordning", "vänta_möte", "beslut", "vänta_justering", "skicka", "skickat"
    text: str
    url: str = ""
    länktext: str = ""


def _nästa_möte(utlåtande, idag):
    if utlåtande.sammanträde_id and utlåtande.sammanträde.datum >= idag:
        return utlåtande.sammanträde
    return utlåtande.nämnd.sammanträden.kommande(idag).first()


def nästa_steg(utlåtande, idag=None):
    """The secretary's next step for ``utlåtande`` (the instans's current one), or None while
    the förvaltning is still writing it."""
    idag = idag or timezone.localdate()
    if utlåtande is None or utlåtande.status != Tjänsteutlåtande.Status.ATTESTERAD:
        return None
    ärende = getattr(utlåtande, "ärende", None)
    if ärende is None:
        möte = _nästa_möte(utlåtande, idag)
        if möte is None:
            return Steg(
                "dagordning",
                _("Lägg utlåtandet på ett sammanträde. Nämnden har inget kommande sammanträde."),
                reverse("nämnder:detalj", args=[utlåtande.nämnd.pk]) + "#sammantraden",
                _("Sammanträden i nämnden"),
            )
        return Steg(
            "dagordning",
            _("Lägg utlåtandet på föredragningslistan."),
            reverse("beslut:sammanträde", args=[möte.pk]) + f"?utlatande={utlåtande.pk}",
            _("Sammanträdet %(datum)s") % {"datum": f"{möte.datum:%Y-%m-%d}"},
        )
    ärendeurl = reverse("beslut:ärende", args=[ärende.pk])
    beslut = getattr(ärende, "beslut", None)
    if beslut is None:
        möte = ärende.sammanträde
        if not möte.har_ägt_rum():
            return Steg(
                "vänta_möte",
                _(
                    "Ärende %(nr)s på sammanträdet %(datum)s. Beslutet registreras efter "
                    "sammanträdet."
                )
                % {"nr": ärende.nummer, "datum": f"{möte.datum:%Y-%m-%d}"},
                ärendeurl,
                _("Ärende %(nr)s") % {"nr": ärende.nummer},
            )
        return Steg(
            "beslut",
            _("Registrera nämndens beslut i ärende %(nr)s.") % {"nr": ärende.nummer},
            ärendeurl,
            _("Registrera beslutet"),
        )
    if utlåtande.instans.status == Remissinstans.Status.BESVARAD:  # the answer is sent
        return Steg(
            "skickat", _("Svaret är skickat till kommunstyrelsen."), ärendeurl, _("Beslutet")
        )
    if not beslut.är_justerat(idag):
        return Steg(
            "vänta_justering",
            _("Svaret kan skickas när protokollet är justerat %(datum)s.")
            % {"datum": f"{beslut.justeringsdatum:%Y-%m-%d}"},
            ärendeurl,
            _("Beslutet"),
        )
    return Steg(
        "skicka",
        _("Skicka nämndens svar till kommunstyrelsen."),
        ärendeurl + "#svar-rubrik",
        _("Skicka svaret"),
    )


def väntande_utlåtanden(nämnd):
    """Attested utlåtanden of the nämnd that are not yet on any meeting's agenda."""
    return Tjänsteutlåtande.objects.filter(
        instans__nämnd=nämnd, status=Tjänsteutlåtande.Status.ATTESTERAD, ärende__isnull=True
    ).select_related("instans__remiss")


def arbete(user, nämnd, idag=None):
    """What waits for ``user``, a secretary of ``nämnd``: attested utlåtanden without a meeting,
    decisions not yet sent to KS, the next meetings and the latest answers, each as the access
    policy lets them see it. Four queries whatever their number."""
    idag = idag or timezone.localdate()
    osända = Ärende.objects.filter(
        sammanträde__nämnd=nämnd, beslut__isnull=False, beslut__svar__isnull=True
    ).select_related("utlåtande__instans__remiss", "sammanträde")
    senaste = (
        Ärende.objects.filter(sammanträde__nämnd=nämnd, beslut__svar__isnull=False)
        .select_related("utlåtande__instans__remiss", "sammanträde")
        .distinct()
        .order_by("-sammanträde__datum", "-nummer")
    )
    return {
        "väntande": list(utlåtanden_för(user, väntande_utlåtanden(nämnd))[:10]),
        "osända": list(ärenden_för(user, osända)[:10]),
        "möten": list(nämnd.sammanträden.kommande(idag)[:3]),
        "senaste": list(ärenden_för(user, senaste)[:5]),
    }
