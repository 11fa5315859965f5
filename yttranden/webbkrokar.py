"""What webhook events (remiss/webbkrokar.py) say about yttranden's objects: ids and links, never
the documents. Registered on import (``YttrandenConfig.ready``), so remiss never imports this app.
Who is told is decided by the access policy for the object itself (yttranden/atkomst.py): an
attested utlåtande is seen by its nämnd and KS, a beslut by its nämnd until the answer is sent,
a sent svar by everyone with a role.
"""

from django.urls import reverse

from remiss.webbkrokar import beskrivning, länkar, om_instans
from yttranden.models import Beslut, Svar, Tjänsteutlåtande


@beskrivning(Tjänsteutlåtande)
def om_utlåtande(utlåtande):
    return {
        "tjansteutlatande": länkar(
            utlåtande, utlåtande.get_absolute_url(), "utlåtande", status=utlåtande.status
        ),
        **om_instans(utlåtande.instans),
    }


def om_ärende(ärende):
    """The beslut and the svar are read through their ärende in the API and on the web."""
    webb = reverse("beslut:ärende", args=[ärende.pk])
    return {
        "arende": länkar(ärende, webb, "ärende", nummer=ärende.nummer),
        "tjansteutlatande": {"id": ärende.utlåtande_id},
        **om_instans(ärende.utlåtande.instans),
    }


@beskrivning(Beslut)
def om_beslut(beslut):
    return {"beslut": {"id": beslut.pk, "paragraf": beslut.paragraf}, **om_ärende(beslut.ärende)}


@beskrivning(Svar)
def om_svar(svar):
    return {
        "svar": {"id": svar.pk, "nummer": svar.nummer},
        "beslut": {"id": svar.beslut_id},
        **om_ärende(svar.beslut.ärende),
    }
