"""The stored PDF's status on the pages of what it renders: ``{% pdfstatus objekt %}`` for a
tjänsteutlåtande, an ärende (its protokollsutdrag) or a remiss (KS's sammanställning)."""

from django import template

from nämnder.permissions import får
from remiss.models import Remiss
from yttranden.models import ExterntSvar, Pdfdokument, Tjänsteutlåtande, Ärende

register = template.Library()
T = Pdfdokument.Typ


def _senaste(objekt):
    """One query, or none for an utlåtande that has no PDF (not attested)."""
    if isinstance(objekt, Tjänsteutlåtande):
        if objekt.status not in (objekt.Status.ATTESTERAD, objekt.Status.ERSATT):
            return None
        return Pdfdokument.objects.filter(typ=T.TJÄNSTEUTLÅTANDE, utlåtande=objekt).first()
    if isinstance(objekt, Ärende):
        return Pdfdokument.objects.filter(typ=T.PROTOKOLLSUTDRAG, ärende=objekt).senaste()
    if isinstance(objekt, Remiss):
        return Pdfdokument.objects.filter(typ=T.SAMMANSTÄLLNING, remiss=objekt).senaste()
    if isinstance(objekt, ExterntSvar):
        return Pdfdokument.objects.filter(typ=T.EXTERNT_SVAR, externt_svar=objekt).first()
    raise TypeError(f"Ingen PDF för {type(objekt).__name__}.")


@register.inclusion_tag("yttranden/pdf/_status.html", takes_context=True)
def pdfstatus(context, objekt, rubrik=""):
    user = context["request"].user
    dokument = _senaste(objekt)
    resultat = {
        "dokument": dokument,
        "kan_försöka_igen": dokument is not None and dokument.får_försöka_igen(user),
    }
    if isinstance(objekt, Remiss) and får(user, objekt, "beställa_sammanställning"):
        resultat["beställ"] = objekt
    resultat["csrf_token"] = context.get("csrf_token")
    resultat["rubrik"] = rubrik
    return resultat
