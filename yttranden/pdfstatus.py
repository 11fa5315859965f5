"""The stored PDF's status on the pages of what it renders (a tjänsteutlåtande, an ärende's
protokollsutdrag, KS's sammanställning, an external answer): computed by the view, rendered by
``yttranden/pdf/_status.html`` as ``pdf``. One query per object; ``för_externa_svar`` reads the
PDFs of many answers in one."""

from nämnder.permissions import får
from remiss.models import Remiss
from yttranden.models import ExterntSvar, Pdfdokument, Tjänsteutlåtande, Ärende

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


def _status(user, dokument, rubrik="", beställ=None):
    return {
        "dokument": dokument,
        "kan_försöka_igen": dokument is not None and dokument.får_försöka_igen(user),
        "beställ": beställ,
        "rubrik": rubrik,
    }


def pdfstatus(user, objekt, rubrik=""):
    """What the page shows of ``objekt``'s PDF, and what ``user`` may do with it: try a failed
    one again, or (KS, on the sammanställning) ask for a new one."""
    beställ = None
    if isinstance(objekt, Remiss) and får(user, objekt, "beställa_sammanställning"):
        beställ = objekt
    return _status(user, _senaste(objekt), rubrik, beställ)


def för_externa_svar(user, svar):
    """``{svar pk: status}`` for many external answers, in one query."""
    dokument = {}
    for d in Pdfdokument.objects.filter(typ=T.EXTERNT_SVAR, externt_svar__in=svar):
        dokument.setdefault(d.externt_svar_id, d)  # the newest first, as ``_senaste`` takes
    return {s.pk: _status(user, dokument.get(s.pk)) for s in svar}
