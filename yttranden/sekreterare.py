"""The nämndsekreterare's next step on one case, derived from its state: put the attested
utlåtande on a meeting's agenda, wait for the meeting, register the beslut, wait for the
justering, send the answer to KS. Nothing is stored: the step follows from the rows."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from remiss.models import Remissinstans
from yttranden.models import Tjänsteutlåtande


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
