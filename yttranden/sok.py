"""yttranden's documents in the search index (remiss.sok): what a tjänsteutlåtande, a beslut and
a särskilt uttalande or reservation put there.

Registered from YttrandenConfig.ready(). Tjänsteutlåtande calls ``remiss.sok.index.indexera``
itself wherever its text (``_ny_version``: every save, import, start and reopening) or its status
(``_övergå``) changes; Beslut.registrera, Uttalande.lägg_till and Svar.skicka (which opens them
to KS) do the same.
"""

from django.urls import reverse

from remiss.models import Remissinstans, Sökpost
from remiss.sok.text import från_html
from remiss.sok.typer import Dokumenttyp, Sökdata, registrera
from yttranden.models import Beslut, Tjänsteutlåtande, Uttalande


@registrera
class TjänsteutlåtandeTyp(Dokumenttyp):
    """Every section, headings weighted above the text. Found as the utlåtande is seen
    (yttranden/atkomst.py); a replaced version is not found, its successor is."""

    modell = Tjänsteutlåtande
    typ = Sökpost.Typ.TJÄNSTEUTLÅTANDE

    def urval(self):
        return Tjänsteutlåtande.objects.select_related("instans__remiss").prefetch_related(
            "sektioner"
        )

    def statusar(self):
        ersatt = Tjänsteutlåtande.Status.ERSATT
        return [
            str(etikett) for värde, etikett in Tjänsteutlåtande.Status.choices if värde != ersatt
        ]

    def sökdata(self, utlåtande):
        if utlåtande.status == Tjänsteutlåtande.Status.ERSATT:
            return None
        instans = utlåtande.instans
        remiss = instans.remiss
        sektioner = list(utlåtande.sektioner.all())
        return Sökdata(
            typ=self.typ,
            nämnd_id=instans.nämnd_id,
            remiss_id=remiss.pk,
            år=remiss.remissdatum.year,
            datum=utlåtande.datum,
            status=str(utlåtande.get_status_display()),
            diarienummer=" ".join(filter(None, [instans.diarienummer, remiss.diarienummer])),
            titel=remiss.titel,
            rubriker="\n".join(s.rubrik for s in sektioner),
            text=" ".join(från_html(s.html) for s in sektioner),
            url=utlåtande.get_absolute_url(),
        )


def _från_beslut(beslut, **fält):
    """What a beslut and its uttalanden share: the ärende's nämnd, the remiss, the meeting's
    date (who may find them: as the ärende is seen, yttranden/atkomst.py)."""
    ärende = beslut.ärende
    instans = ärende.utlåtande.instans
    remiss = instans.remiss
    return Sökdata(
        nämnd_id=instans.nämnd_id,
        remiss_id=remiss.pk,
        år=remiss.remissdatum.year,
        datum=ärende.sammanträde.datum,
        status=str(instans.get_status_display()),
        diarienummer=" ".join(filter(None, [instans.diarienummer, remiss.diarienummer])),
        titel=remiss.titel,
        url=reverse("beslut:ärende", args=[ärende.pk]),
        **fält,
    )


class _Beslutsdel(Dokumenttyp):
    def statusar(self):
        S = Remissinstans.Status
        return [str(S.BESLUTAD.label), str(S.BESVARAD.label)]


@registrera
class BeslutTyp(_Beslutsdel):
    modell = Beslut
    typ = Sökpost.Typ.BESLUT

    def urval(self):
        return Beslut.objects.select_related(
            "ärende__sammanträde", "ärende__utlåtande__instans__remiss"
        )

    def sökdata(self, beslut):
        ärende = beslut.ärende
        return _från_beslut(
            beslut,
            typ=self.typ,
            rubriker=f"Beslut, ärende {ärende.nummer}, {ärende.sammanträde.datum:%Y-%m-%d}",
            text=beslut.text,
        )


@registrera
class UttalandeTyp(_Beslutsdel):
    """Särskilda uttalanden and reservationer: the parties and members weigh as headings."""

    modell = Uttalande

    def urval(self):
        return Uttalande.objects.select_related(
            "beslut__ärende__sammanträde", "beslut__ärende__utlåtande__instans__remiss"
        )

    def sökdata(self, uttalande):
        typ = (
            Sökpost.Typ.RESERVATION
            if uttalande.typ == Uttalande.Typ.RESERVATION
            else Sökpost.Typ.SÄRSKILT_UTTALANDE
        )
        return _från_beslut(
            uttalande.beslut,
            typ=typ,
            rubriker=" ".join([str(uttalande.get_typ_display()), *uttalande.partier])
            + "\n"
            + uttalande.ledamöter,
            text=uttalande.text,
        )
