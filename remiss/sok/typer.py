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

from nämnder.roller import Roll
from remiss.models import Remiss, Remissinstans, Sökpost


@dataclasses.dataclass(frozen=True)
class Sökdata:
    """What the index stores for one document. Visibility: see remiss.models.sokpost."""

    typ: str
    nämnd_id: int
    ks_nämnd_id: int
    remiss_id: int
    år: int
    datum: datetime.date
    status: str
    diarienummer: str
    titel: str
    url: str
    rubriker: str = ""
    text: str = ""
    # Who may find it, as in the document's synlig_för: people with a role in the owning nämnd
    # (only ``kräver_roll``, if given), KS's roles in ``ks_nämnd_id`` if ``öppen_för_ks``, and
    # anyone with a role in one of ``mottagare`` (nämnd pks).
    kräver_roll: str = ""
    öppen_för_ks: bool = False
    mottagare: tuple = ()


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
    """A draft is found only by KS's remissamordnare (as on the remiss page); once sent, by
    anyone in KS and in the recipient nämnder."""

    modell = Remiss
    typ = Sökpost.Typ.REMISS

    def urval(self):
        return Remiss.objects.prefetch_related(
            Prefetch("instanser", queryset=Remissinstans.objects.only("remiss", "nämnd"))
        )

    def sökdata(self, remiss):
        utkast = remiss.status == Remiss.Status.UTKAST
        mottagare = () if utkast else tuple(i.nämnd_id for i in remiss.instanser.all())
        return Sökdata(
            typ=self.typ,
            nämnd_id=remiss.nämnd_id,
            ks_nämnd_id=remiss.nämnd_id,
            remiss_id=remiss.pk,
            år=remiss.remissdatum.year,
            datum=remiss.remissdatum,
            status=str(remiss.get_status_display()),
            diarienummer=remiss.diarienummer,
            titel=remiss.titel,
            rubriker=remiss.avsändare,
            text=remiss.beskrivning,
            url=reverse("remisser:detalj", args=[remiss.pk]),
            kräver_roll=Roll.REMISSAMORDNARE.value if utkast else "",
            mottagare=mottagare,
        )


@registrera
class RemissinstansTyp(Dokumenttyp):
    """Found by the nämnd's own people and by KS (as Remissinstans.synlig_för)."""

    modell = Remissinstans
    typ = Sökpost.Typ.REMISSINSTANS

    def urval(self):
        return Remissinstans.objects.select_related("remiss", "nämnd")

    def sökdata(self, instans):
        remiss = instans.remiss
        return Sökdata(
            typ=self.typ,
            nämnd_id=instans.nämnd_id,
            ks_nämnd_id=remiss.nämnd_id,
            remiss_id=remiss.pk,
            år=remiss.remissdatum.year,
            datum=instans.mottagen.date() if instans.mottagen else remiss.remissdatum,
            status=str(instans.get_status_display()),
            diarienummer=" ".join(filter(None, [instans.diarienummer, remiss.diarienummer])),
            titel=remiss.titel,
            rubriker=instans.nämnd.namn,
            text=instans.avstår_motivering,
            url=reverse("instanser:detalj", args=[instans.pk]),
            öppen_för_ks=True,
        )
