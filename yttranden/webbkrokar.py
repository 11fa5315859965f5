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
def _utlåtande(utlåtande):
    return {
        "tjansteutlatande": länkar(
            utlåtande,
            utlåtande.get_absolute_url(),
            "tjansteutlatanden",
            version=utlåtande.versionsnummer,
            status=utlåtande.status,
        ),
        **om_instans(utlåtande.instans),
    }


@beskrivning(Beslut)
def _beslut(beslut):
    ärende = beslut.ärende
    webb = reverse("beslut:ärende", args=[ärende.pk])
    return {
        "beslut": länkar(beslut, webb, "beslut", paragraf=beslut.paragraf),
        **om_instans(ärende.utlåtande.instans),
    }


@beskrivning(Svar)
def _svar(svar):
    webb = reverse("beslut:ärende", args=[svar.beslut.ärende_id])
    return {
        "svar": länkar(svar, webb, "svar", nummer=svar.nummer),
        "beslut": {"id": svar.beslut_id},
        "tjansteutlatande": {"id": svar.beslut.ärende.utlåtande_id},
        **om_instans(svar.instans),
    }
