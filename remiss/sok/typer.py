"""How each kind of document describes itself to the search index.

A kind is a ``Dokumenttyp``: which model, which rows to index (``urval``, with what they need
loaded, for the batch indexer) and, for one object, its ``Sökdata`` — or None when it should not
be found at all (a replaced version, say). Kinds from other apps register themselves with
``registrera`` from their AppConfig.ready(), so remiss never imports them.
"""

import dataclasses
import datetime

from django.db.models import Prefetch
from django.urls import reverse

from remiss.models import Remiss, Remissinstans, Sökpost


@dataclasses.dataclass(frozen=True)
class Sökdata:
    """What the index stores for one document. Visibility: see remiss.models.sokpost."""

    typ: str
    nämnd_id: int
    remiss_id: int
    år: int
    datum: datetime.date
    status: str
    diarienummer: str
    titel: str
    url: str
    rubriker: str = ""
    text: str = ""
    # Who may find it: the access policy's tokens for the object (nämnder.atkomst.nycklar),
    # filled in by the indexer, so search and the object's page never disagree.
    åtkomst: tuple = ()


class Dokumenttyp:
    modell = None
    typ = None

    def urval(self):
        """Every row the batch indexer should look at, with what ``sökdata`` reads loaded."""
        return self.modell._default_manager.all()

    def sökdata(self, objekt):
        raise NotImplementedError

    def statusar(self):
        """The status labels posts of this kind can have (the search page's status filter)."""
        return [str(etikett) for _värde, etikett in self.modell.Status.choices]


_TYPER = {}


def registrera(dokumenttyp):
    """Register a kind of document (a Dokumenttyp subclass); returns it, to use as decorator."""
    _TYPER[dokumenttyp.modell] = dokumenttyp()
    return dokumenttyp


def för_modell(modell):
    return _TYPER.get(modell)


def alla():
    return list(_TYPER.values())


@registrera
class RemissTyp(Dokumenttyp):
    """Found as the remiss page is seen (remiss/atkomst.py); the recipients are prefetched for
    the access tokens."""

    modell = Remiss
    typ = Sökpost.Typ.REMISS

    def urval(self):
        return Remiss.objects.prefetch_related(
            Prefetch("instanser", queryset=Remissinstans.objects.only("remiss", "nämnd"))
        )

    def sökdata(self, remiss):
        return Sökdata(
            typ=self.typ,
            nämnd_id=remiss.nämnd_id,
            remiss_id=remiss.pk,
            år=remiss.remissdatum.year,
            datum=remiss.remissdatum,
            status=str(remiss.get_status_display()),
            diarienummer=remiss.diarienummer,
            titel=remiss.titel,
            rubriker=remiss.avsändare,
            text=remiss.beskrivning,
            url=reverse("remisser:detalj", args=[remiss.pk]),
        )


@registrera
class RemissinstansTyp(Dokumenttyp):
    """Found as the instans page is seen (remiss/atkomst.py)."""

    modell = Remissinstans
    typ = Sökpost.Typ.REMISSINSTANS

    def urval(self):
        return Remissinstans.objects.select_related("remiss", "nämnd")

    def sökdata(self, instans):
        remiss = instans.remiss
        return Sökdata(
            typ=self.typ,
            nämnd_id=instans.nämnd_id or remiss.nämnd_id,  # an external one: KS's case
            remiss_id=remiss.pk,
            år=remiss.remissdatum.year,
            datum=instans.mottagen.date() if instans.mottagen else remiss.remissdatum,
            status=str(instans.get_status_display()),
            diarienummer=" ".join(filter(None, [instans.diarienummer, remiss.diarienummer])),
            titel=remiss.titel,
            rubriker=instans.mottagare_namn,
            text=instans.avstår_motivering,
            url=reverse("instanser:detalj", args=[instans.pk]),
        )
