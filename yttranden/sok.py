"""yttranden's documents in the search index (remiss.sok): what a tjänsteutlåtande puts there.

Registered from YttrandenConfig.ready(); the model methods that change an utlåtande call
``remiss.sok.index.indexera`` themselves.
"""

from remiss.models import Sökpost
from remiss.sok.text import från_html
from remiss.sok.typer import Dokumenttyp, Sökdata, registrera
from yttranden.models import Tjänsteutlåtande


@registrera
class TjänsteutlåtandeTyp(Dokumenttyp):
    """Every section, headings weighted above the text. Found by the nämnd's own people and,
    once attested, by KS (as Tjänsteutlåtande.synlig_för); a replaced version is not found,
    its successor is."""

    modell = Tjänsteutlåtande
    typ = Sökpost.Typ.TJÄNSTEUTLÅTANDE

    def urval(self):
        return Tjänsteutlåtande.objects.select_related("instans__remiss").prefetch_related(
            "sektioner", "bilagor"
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
        bilagor = [b.titel for b in utlåtande.bilagor.all()]
        return Sökdata(
            typ=self.typ,
            nämnd_id=instans.nämnd_id,
            ks_nämnd_id=remiss.nämnd_id,
            remiss_id=remiss.pk,
            år=remiss.remissdatum.year,
            datum=utlåtande.datum,
            status=str(utlåtande.get_status_display()),
            diarienummer=" ".join(filter(None, [instans.diarienummer, remiss.diarienummer])),
            titel=remiss.titel,
            rubriker="\n".join(s.rubrik for s in sektioner),
            text=" ".join([*(från_html(s.html) for s in sektioner), *bilagor]),
            url=utlåtande.get_absolute_url(),
            öppen_för_ks=utlåtande.status == Tjänsteutlåtande.Status.ATTESTERAD,
        )
