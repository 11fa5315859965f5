"""What yttranden adds to the remiss app's pages (the registry: remiss/sidtillagg.py): the start
page's blocks for the avdelningschef, direktör, handläggare and nämndsekreterare, and the
instans page's section on its tjänsteutlåtande or, for an external organisation, its answers.
What the person may do is decided here by the access policy (yttranden/atkomst.py); the
templates only render it. Registered on import (``YttrandenConfig.ready``)."""

from nämnder.kompilerade import kompilerad
from nämnder.permissions import får, kan_se
from nämnder.roller import Roll
from remiss.sidtillagg import Del, instanssidan, startsidan
from yttranden import pdfstatus, sekreterare
from yttranden.atkomst import externa_svar_för, utlåtanden_för
from yttranden.models import ExterntSvar, Tjänsteutlåtande

U = Tjänsteutlåtande.objects


def _per_nämnd(user, utlåtanden, nämnder):
    """``{nämnd pk: [utlåtande, …]}`` of ``utlåtanden`` the person may see: one query."""
    per_nämnd = {}
    rader = utlåtanden_för(user, utlåtanden).filter(instans__nämnd__in=nämnder).med_ärende()
    for utlåtande in rader:
        per_nämnd.setdefault(utlåtande.instans.nämnd_id, []).append(utlåtande)
    return per_nämnd


@startsidan(Roll.AVDELNINGSCHEF, "att_granska")
def att_granska(user, nämnder):
    return _per_nämnd(user, U.att_granska(user), nämnder)


@startsidan(Roll.DIREKTÖR, "att_attestera")
def att_attestera(user, nämnder):
    return _per_nämnd(user, U.att_attestera(user), nämnder)


@startsidan(Roll.HANDLÄGGARE, "mina_utkast")
def mina_utkast(user, nämnder):
    return _per_nämnd(user, U.mina_utkast(user), nämnder)


@startsidan(Roll.NÄMNDSEKRETERARE, "arbete")
def sekreterarens_arbete(user, nämnder):
    return {nämnd.pk: sekreterare.arbete(user, nämnd) for nämnd in nämnder}


@instanssidan
def instansens_del(user, instans):
    if instans.är_extern:
        return _externa_svar(user, instans)
    return _utlåtandet(user, instans)


@kompilerad  # once per process (nämnder/kompilerade.py): the instans page asks on every view
def _gällande(instans):
    gällande = U.gällande().filter(instans_id=instans)
    gällande = gällande.select_related("ärende__beslut", "ärende__sammanträde")
    return (gällande if gällande.ordered else gällande.order_by("pk"))[:1]


def _utlåtandet(user, instans):
    """The instans page's utlåtande section, with what the person may do."""
    utlåtande = _gällande.första(instans=instans.pk)
    S = instans.Status
    är_medlem = får(user, instans, "bereda")
    kan_öppna = utlåtande is not None and kan_se(user, utlåtande)
    return Del(
        "yttranden/_instans_utlatande.html",
        {
            "utlåtande": utlåtande,
            "är_medlem": är_medlem,
            "är_sekreterare": är_medlem and får(user, instans.nämnd, "planera"),
            "kan_öppna": kan_öppna,
            "kan_påbörja": utlåtande is None
            and instans.status in (S.TILLDELAD, S.UNDER_BEREDNING)
            and är_medlem,
            "steg": sekreterare.nästa_steg(utlåtande) if kan_öppna and är_medlem else None,
        },
    )


def _externa_svar(user, instans):
    """The answers an external organisation sent through its personal links, with their PDFs:
    two queries whatever their number."""
    svar = list(
        externa_svar_för(user, ExterntSvar.objects.filter(instans=instans))
        .select_related("inskickat_av")
        .order_by("nummer")
    )
    pdf = pdfstatus.för_externa_svar(user, svar)
    return Del("yttranden/extern/_instans.html", {"rader": [(s, pdf[s.pk]) for s in svar]})
