"""Build a nämnd's whole answer to a remiss the way people do, step by step."""

from django.utils import timezone

from nämnder.roller import Roll
from tests.factories import AnvändareFactory, NämndFactory, SammanträdeFactory
from tests.kedja import till_attest
from yttranden.models import Beslut, Svar, Uttalande, Ärende


def nämnd_med_personal(**fält):
    nämnd = NämndFactory(**fält)
    personal = {
        roll: AnvändareFactory(roller=[(nämnd, roll)])
        for roll in (
            Roll.REGISTRATOR,
            Roll.HANDLÄGGARE,
            Roll.AVDELNINGSCHEF,
            Roll.DIREKTÖR,
            Roll.NÄMNDSEKRETERARE,
        )
    }
    return nämnd, personal


def besvara(instans, personal, nummer=10, uttalande=True):
    """Register, assign, write, review, attest, decide (with a statement) and send."""
    instans.registrera(
        f"{instans.nämnd.diarieprefix} 2031/{instans.pk}", av=personal[Roll.REGISTRATOR]
    )
    instans.tilldela(personal[Roll.HANDLÄGGARE], av=personal[Roll.REGISTRATOR])
    utlåtande = till_attest(
        instans,
        personal[Roll.HANDLÄGGARE],
        personal[Roll.AVDELNINGSCHEF],
        personal[Roll.DIREKTÖR],
    )
    möte = SammanträdeFactory(nämnd=instans.nämnd, datum=timezone.localdate())
    sekreterare = personal[Roll.NÄMNDSEKRETERARE]
    ärende = Ärende.lägg_på_dagordning(utlåtande, möte, nummer, av=sekreterare)
    beslut = Beslut.registrera(
        ärende, "1. Nämnden godkänner förslaget.", av=sekreterare, justeras_omedelbart=True
    )
    if uttalande:
        Uttalande.lägg_till(
            beslut,
            Uttalande.Typ.SÄRSKILT_UTTALANDE,
            ["L", "C"],
            "Anna Andersson (L)\nBo Berg (C)",
            "Vi vill betona skolans roll.",
            av=sekreterare,
        )
    Svar.skicka(beslut, av=sekreterare)
    return ärende
