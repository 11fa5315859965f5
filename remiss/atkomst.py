"""Who may see and do what with the remiss app's objects, per state: the declaration the
gateway, the lists, exports, downloads, the search index and the pages' flags all read (the
mechanism and its vocabulary: nämnder/atkomst.py).

- A remiss **utkast** is KS's remissamordnare's alone; once **utskickad** (and **avslutad**) it
  is seen by everyone in KS and in every recipient nämnd. A handling is seen as its remiss.
- A **remissinstans** is seen, in every state, by its own nämnd and by KS's roles (KS follows
  every recipient); other recipients see their own instans, not each other's. An external
  organisation's instans has no nämnd: only KS's roles see it (the organisation's contact
  people reach their own through their personal link, yttranden/views/extern.py).

The list functions (``remisser_för(user)`` …) are plain filters: order and annotate them freely.
"""

import dataclasses

from django.db.models import Q

from nämnder.atkomst import (
    INGET,
    KS,
    Alltid,
    Egna,
    Fält,
    Publik,
    Regel,
    Slag,
    Som,
    nyckel,
    registrera,
)
from nämnder.atkomst import egna_nämnder as _egna_nämnder
from nämnder.atkomst import synliga as _synliga
from nämnder.atkomst import tillåtna as _tillåtna
from nämnder.roller import Roll
from remiss.models import Handling, Remiss, Remissinstans

R = Remiss.Status


@dataclasses.dataclass(frozen=True)
class Mottagare(Publik):
    """Everyone with a role in one of the remiss's recipient nämnder."""

    def nycklar(self, remiss, slag):
        # An external organisation's instans gives no one a key: its people have no accounts.
        return [nyckel(i.nämnd_id) for i in remiss.instanser.all() if i.nämnd_id is not None]

    def q(self, roller, slag):
        if not (nämnder := roller.nämnder()):
            return INGET
        mottagna = Remissinstans.objects.filter(nämnd_id__in=nämnder).values("remiss_id")
        return Q(pk__in=mottagna)


SAMORDNARE = KS(Roll.REMISSAMORDNARE)
SAMMANSTÄLLNINGENS_LÄSARE = KS(Roll.REMISSAMORDNARE, Roll.LÄSARE, Roll.REGISTRATOR)
SAMMANSTÄLLNINGENS_BESTÄLLARE = KS(Roll.REMISSAMORDNARE, Roll.REGISTRATOR)

REMISS = registrera(
    Slag(
        Remiss,
        nämnd="nämnd_id",
        ks="nämnd_id",
        se=[
            (Fält("status", R.UTKAST), [SAMORDNARE]),
            (Fält("status", R.UTSKICKAD, R.AVSLUTAD), [Egna(), Mottagare()]),
        ],
        göra={
            # Register, edit, attach, send, grant anstånd, close: KS's remissamordnare.
            "samordna": Regel((SAMORDNARE,)),
            "redigera": Regel((SAMORDNARE,), läge=Fält("status", R.UTKAST)),
            # The matrix of every instans, its history and its export: KS's own roles.
            "följa_upp": Regel((KS(),)),
            "läsa_sammanställning": Regel((SAMMANSTÄLLNINGENS_LÄSARE,)),
            "beställa_sammanställning": Regel((SAMMANSTÄLLNINGENS_BESTÄLLARE,)),
            # KS's own tjänsteutlåtande on the remiss, pre-filled from the compilation by förslag.
            "påbörja_eget_utlåtande": Regel((SAMORDNARE,), läge=Fält("status", R.UTSKICKAD)),
        },
    )
)

HANDLING = registrera(
    Slag(
        Handling, nämnd="remiss__nämnd_id", ks="remiss__nämnd_id", se=[(Alltid(), [Som("remiss")])]
    )
)

INSTANS = registrera(
    Slag(
        Remissinstans,
        nämnd="nämnd_id",
        ks="remiss__nämnd_id",
        se=[(Alltid(), [Egna(), KS()])],
        göra={
            # An external organisation's personal links (send a new one, revoke): KS's
            # remissamordnare, who sent the remiss.
            "samordna": Regel((SAMORDNARE,)),
            # Register in the diary, assign, decline, ask for anstånd: the nämnd's registrator.
            "registrera": Regel((Egna(Roll.REGISTRATOR),)),
            "begära_anstånd": Regel((Egna(Roll.REGISTRATOR),)),
            # The nämnd's own people take part in preparing the answer (they are shown the way
            # to the utlåtande); its handläggare and medhandläggare may start it.
            "bereda": Regel((Egna(),)),
            "skriva_utlåtande": Regel(
                (Egna(Roll.HANDLÄGGARE),),
                villkor=lambda instans, user: instans.är_handläggare(user),
            ),
        },
    )
)


def remisser_för(user, queryset=None):
    """The remisser ``user`` may see."""
    return _synliga(user, Remiss.objects.all() if queryset is None else queryset)


def följda_remisser(user, queryset=None):
    """The remisser ``user`` may follow up (KS's overview, matrix and export)."""
    return _tillåtna(user, Remiss.objects.all() if queryset is None else queryset, "följa_upp")


def instanser_för(user, queryset=None):
    return _synliga(user, Remissinstans.objects.all() if queryset is None else queryset)


def instanser_att(user, åtgärd, queryset=None):
    """The remissinstanser ``user`` may do ``åtgärd`` with: the registrator's inbox
    ("registrera"), "Våra remisser" and the start page's own cases ("bereda")."""
    return _tillåtna(user, Remissinstans.objects.all() if queryset is None else queryset, åtgärd)


def nämnder_att(user, åtgärd):
    """The pks of the nämnder whose instanser ``user`` may do ``åtgärd`` with as their own."""
    return _egna_nämnder(user, Remissinstans, åtgärd)


def handlingar_för(user, queryset=None):
    return _synliga(user, Handling.objects.all() if queryset is None else queryset)
