"""Who may see and do what with yttranden's objects, per state (mechanism and vocabulary:
nämnder/atkomst.py).

- A **tjänsteutlåtande** is its own nämnd's work in every state (drafts, review, replaced
  versions); once **attesterat**, KS's roles see it too; once the answer is **sent to KS** (the
  instans is besvarad) it is an allmän handling: everyone with a role in any nämnd may read it.
- An **ärende** (and its **beslut**, **uttalanden**, **svar**) is the nämnd's until the answer is
  sent; then KS and everyone with a role may read it.
- An **external answer** is its organisation's until submitted (no one signed in sees a
  draft); once submitted, KS's roles and everyone with a role read it (an allmän handling).
- A **PDF** is seen as what it renders (the utlåtande, the ärende's protokollsutdrag); KS's
  **sammanställning** by KS's remissamordnare, läsare and registrator.
"""

from nämnder.atkomst import KS, Alla, Alltid, Egna, Fält, Regel, RollerI, Slag, Som, registrera
from nämnder.atkomst import synliga as _synliga
from nämnder.roller import Roll
from remiss.atkomst import SAMMANSTÄLLNINGENS_BESTÄLLARE, SAMMANSTÄLLNINGENS_LÄSARE, SAMORDNARE
from remiss.models import Remissinstans
from yttranden.models import (
    Beslut,
    ExterntSvar,
    Pdfdokument,
    Svar,
    Tjänsteutlåtande,
    Uttalande,
    Ärende,
)

U = Tjänsteutlåtande.Status
BESVARAD = Remissinstans.Status.BESVARAD


UTLÅTANDE = registrera(
    Slag(
        Tjänsteutlåtande,
        nämnd="instans__nämnd_id",
        ks="instans__remiss__nämnd_id",
        se=[
            (Alltid(), [Egna()]),
            (Fält("status", U.ATTESTERAD), [KS()]),
            (Fält("status", U.ATTESTERAD) & Fält("instans__status", BESVARAD), [Alla()]),
        ],
        göra={
            "redigera": Regel(
                (Egna(Roll.HANDLÄGGARE),), villkor=lambda u, user: u.instans.är_handläggare(user)
            ),
            "granska": Regel(
                (Egna(Roll.AVDELNINGSCHEF),), villkor=lambda u, user: user.pk == u.granskare_id
            ),
            "attestera": Regel(
                (Egna(Roll.DIREKTÖR),), villkor=lambda u, user: user.pk == u.attestant_id
            ),
            "återöppna": Regel((Egna(Roll.DIREKTÖR),)),
            # Sent back to the handläggare: by its direktör once godkänt, else by its granskare.
            "återremittera": [
                Regel(
                    (Egna(Roll.DIREKTÖR),),
                    läge=Fält("status", U.GODKÄND),
                    villkor=lambda u, user: user.pk == u.attestant_id,
                ),
                Regel(
                    (Egna(Roll.AVDELNINGSCHEF),),
                    läge=~Fält("status", U.GODKÄND),
                    villkor=lambda u, user: user.pk == u.granskare_id,
                ),
            ],
        },
    )
)

ÄRENDE = registrera(
    Slag(
        Ärende,
        nämnd="sammanträde__nämnd_id",
        ks="utlåtande__instans__remiss__nämnd_id",
        se=[
            (Alltid(), [Egna()]),
            (Fält("utlåtande__instans__status", BESVARAD), [KS(), Alla()]),
        ],
        # The nämndsekreterare records the beslut, adds särskilda uttalanden and reservationer,
        # and sends the answer to KS.
        göra={
            "besluta": Regel((Egna(Roll.NÄMNDSEKRETERARE),)),
            "lägga_till_uttalande": Regel((Egna(Roll.NÄMNDSEKRETERARE),)),
            "skicka_svar": Regel((Egna(Roll.NÄMNDSEKRETERARE),)),
        },
    )
)

for _modell, _fält in ((Beslut, "ärende"), (Uttalande, "beslut"), (Svar, "beslut")):
    registrera(Slag(_modell, nämnd=f"{_fält}__nämnd", se=[(Alltid(), [Som(_fält)])]))

# An external organisation's answer: nobody signed in sees a draft (it is the organisation's,
# reached through its personal link); once submitted it has reached KS and is an allmän
# handling like a nämnd's sent answer: KS's roles and everyone with a role read it.
EXTERNT_SVAR = registrera(
    Slag(
        ExterntSvar,
        nämnd="instans__nämnd_id",
        ks="instans__remiss__nämnd_id",
        se=[(Fält("status", ExterntSvar.Status.INSKICKAT), [KS(), Alla()])],
    )
)

T = Pdfdokument.Typ
PDFDOKUMENT = registrera(
    Slag(
        Pdfdokument,
        nämnd="",
        ks="remiss__nämnd_id",
        se=[
            (Fält("typ", T.TJÄNSTEUTLÅTANDE), [Som("utlåtande")]),
            (Fält("typ", T.PROTOKOLLSUTDRAG), [Som("ärende")]),
            (Fält("typ", T.SAMMANSTÄLLNING), [SAMMANSTÄLLNINGENS_LÄSARE]),
            (Fält("typ", T.EXTERNT_SVAR), [Som("externt_svar")]),
        ],
        göra={
            # A failed render is tried again by those responsible for what it renders.
            "försöka_igen": [
                Regel(
                    (RollerI("utlåtande__instans__nämnd_id", Roll.DIREKTÖR, Roll.HANDLÄGGARE),),
                    läge=Fält("typ", T.TJÄNSTEUTLÅTANDE),
                ),
                Regel(
                    (RollerI("ärende__sammanträde__nämnd_id", Roll.NÄMNDSEKRETERARE),),
                    läge=Fält("typ", T.PROTOKOLLSUTDRAG),
                ),
                Regel((SAMMANSTÄLLNINGENS_BESTÄLLARE,), läge=Fält("typ", T.SAMMANSTÄLLNING)),
                Regel((SAMORDNARE,), läge=Fält("typ", T.EXTERNT_SVAR)),
            ]
        },
    )
)


def utlåtanden_för(user, queryset=None):
    return _synliga(user, Tjänsteutlåtande.objects.all() if queryset is None else queryset)


def ärenden_för(user, queryset=None):
    return _synliga(user, Ärende.objects.all() if queryset is None else queryset)


def beslut_för(user, queryset=None):
    return _synliga(user, Beslut.objects.all() if queryset is None else queryset)


def uttalanden_för(user, queryset=None):
    return _synliga(user, Uttalande.objects.all() if queryset is None else queryset)


def svar_för(user, queryset=None):
    return _synliga(user, Svar.objects.all() if queryset is None else queryset)


def pdfdokument_för(user, queryset=None):
    return _synliga(user, Pdfdokument.objects.all() if queryset is None else queryset)


def externa_svar_för(user, queryset=None):
    return _synliga(user, ExterntSvar.objects.all() if queryset is None else queryset)
