"""KS's sammanställning of every answer to one remiss: what its page and its PDF both show."""

from django.db.models import Prefetch

from remiss.models import Remissinstans
from yttranden.beslutstext import FÖRSLAGSRUBRIKER, SAMMANFATTNING, sektion
from yttranden.models import ExterntSvar, Svar, Tjänsteutlåtande

URVAL = {
    "alla": lambda instanser: instanser,
    "besvarade": lambda instanser: [i for i in instanser if i.status == i.Status.BESVARAD],
    "forsenade": lambda instanser: [i for i in instanser if i.försenad],
    "avstar": lambda instanser: [i for i in instanser if i.status == i.Status.AVSTÅR],
}


def _instanser(remiss):
    utlåtanden = (
        Tjänsteutlåtande.objects.gällande()
        .select_related("ärende__sammanträde", "ärende__beslut")
        .prefetch_related("sektioner", "ärende__beslut__uttalanden")
    )
    return (
        remiss.instanser.select_related("nämnd", "organisation")
        .prefetch_related(
            Prefetch("tjänsteutlåtanden", queryset=utlåtanden, to_attr="gällande_utlåtanden"),
            Prefetch("svar", queryset=Svar.objects.order_by("-nummer"), to_attr="alla_svar"),
            Prefetch(
                "externa_svar",
                queryset=ExterntSvar.objects.filter(status=ExterntSvar.Status.INSKICKAT)
                .select_related("inskickat_av")
                .order_by("-nummer"),
                to_attr="inskickade_externa",
            ),
        )
        .order_by("nämnd__namn", "organisation__namn")
    )


def _rad(instans):
    """What KS reads for one instans; the content only once the answer has been sent."""
    rad = {"instans": instans, "svar": instans.alla_svar[0] if instans.alla_svar else None}
    if instans.organisation_id:
        # An external organisation's latest submitted answer (a correction replaces it here).
        rad["externt_svar"] = instans.inskickade_externa[0] if instans.inskickade_externa else None
        return rad
    utlåtande = instans.gällande_utlåtanden[0] if instans.gällande_utlåtanden else None
    if instans.status != Remissinstans.Status.BESVARAD or utlåtande is None:
        return rad
    sektioner = list(utlåtande.sektioner.all())
    ärende = getattr(utlåtande, "ärende", None)
    beslut = getattr(ärende, "beslut", None) if ärende else None
    rad.update(
        utlåtande=utlåtande,
        ärende=ärende,
        beslut=beslut,
        förslag=sektion(sektioner, *FÖRSLAGSRUBRIKER),
        sammanfattning=sektion(sektioner, SAMMANFATTNING),
        uttalanden=list(beslut.uttalanden.all()) if beslut else [],
    )
    return rad


def sammanställ(remiss, urval="alla"):
    """The rows of ``urval`` (one of URVAL) and the count of every selection, in a fixed
    number of queries whatever the number of remissinstanser."""
    alla = list(_instanser(remiss))
    urval = urval if urval in URVAL else "alla"
    return {
        "rader": [_rad(instans) for instans in URVAL[urval](alla)],
        "urval": urval,
        "antal": {namn: len(välj(alla)) for namn, välj in URVAL.items()},
    }
