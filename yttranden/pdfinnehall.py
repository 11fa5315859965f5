"""What each kind of stored PDF shows, and how the worker turns it into a sealed PDF.

The tjänsteutlåtande is rendered from the utlåtande itself: the attest froze its content. A
protokollsutdrag and KS's sammanställning are rendered to HTML when they are asked for; that HTML
is kept in the Pdfdokument row (its SHA-256 in the row's key) and the worker turns exactly it
into the PDF, so the document shows what was decided or answered at that moment.
"""

import weasyprint
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from nämnder.models import Kommun
from yttranden.models.granskning import Attest
from yttranden.pdf.framstallning import skapa_signerad_pdf, skapa_signerad_pdf_av_html


def protokollsutdrag(ärende):
    """The protokollsutdrag's content (header, beslut, uttalanden, justering) as HTML."""
    from yttranden.models import Beslut

    beslut = Beslut.objects.get(ärende=ärende)
    return render_to_string(
        "yttranden/dokument/_protokollsutdrag.html",
        {
            "ärende": ärende,
            "nämnd": ärende.sammanträde.nämnd,
            "instans": ärende.utlåtande.instans,
            "beslut": beslut,
            "uttalanden": list(beslut.uttalanden.all()),
            "kommun": Kommun.för_nämnd(ärende.sammanträde.nämnd),
        },
    )


def sammanställning(remiss):
    """KS's sammanställning of every answer to ``remiss`` as HTML, as its page shows them."""
    from yttranden.sammanstallning import sammanställ

    return render_to_string(
        "yttranden/dokument/_sammanstallning.html",
        {
            "remiss": remiss,
            "nämnd": remiss.nämnd,
            "kommun": Kommun.för_nämnd(remiss.nämnd),
            **sammanställ(remiss),
        },
    )


def externt_svar(svar):
    """An external organisation's submitted answer as HTML, as it was frozen."""
    from yttranden import stallningstaganden

    remiss = svar.instans.remiss
    return render_to_string(
        "yttranden/dokument/_externt_svar.html",
        {
            "svar": svar,
            "remiss": remiss,
            "organisation": svar.organisation,
            "nämnd": remiss.nämnd,
            "kommun": Kommun.för_nämnd(remiss.nämnd),
            "ställningstaganden": stallningstaganden.som_rader(svar),
        },
    )


def _attesttid(utlåtande):
    """The attest's exact time, when it is the day the document shows (an utlåtande attested
    before the system existed has only its date)."""
    attest = (
        utlåtande.attester.gällande().filter(typ=Attest.Typ.ATTEST).order_by("-tidpunkt").first()
    )
    if attest is None:
        return None
    tid = timezone.localtime(attest.tidpunkt)
    return tid if tid.date() == attest.datum else None


def _tjänsteutlåtande(dokument):
    utlåtande = dokument.utlåtande
    return skapa_signerad_pdf(
        utlåtande.som_dokument(), identitet=dokument.nyckel, attesterad=_attesttid(utlåtande)
    )


def _sida(mall, dokument, **context):
    return render_to_string(
        mall,
        {
            "dokument": dokument,
            # Rendered by our own template (autoescaped) when it was asked for; never edited.
            "innehåll": mark_safe(dokument.innehåll),
            "skapad": timezone.now().replace(microsecond=0),
            "weasyprint": weasyprint.__version__,
            "kommun": Kommun.aktuell(),
            **context,
        },
    )


def _protokollsutdrag(dokument):
    ärende = dokument.ärende
    nämnd, datum = ärende.sammanträde.nämnd, ärende.sammanträde.datum
    html = _sida(
        "yttranden/dokument/protokollsutdrag_pdf.html",
        dokument,
        ärende=ärende,
        nämnd=nämnd,
        instans=ärende.utlåtande.instans,
    )
    return skapa_signerad_pdf_av_html(
        html,
        förvaltning=nämnd.förvaltning,
        anledning=f"Protokollsutdrag, {nämnd.namn} {datum:%Y-%m-%d}, ärende {ärende.nummer}",
        plats=nämnd.postort,
    )


def _sammanställning(dokument):
    remiss = dokument.remiss
    nämnd = remiss.nämnd
    html = _sida(
        "yttranden/dokument/sammanstallning_pdf.html", dokument, remiss=remiss, nämnd=nämnd
    )
    return skapa_signerad_pdf_av_html(
        html,
        förvaltning=nämnd.förvaltning,
        anledning=f"Sammanställning av remissvar {remiss.diarienummer}, version {dokument.version}",
        plats=nämnd.postort,
    )


def _externt_svar(dokument):
    svar = dokument.externt_svar
    remiss = dokument.remiss
    html = _sida(
        "yttranden/dokument/externt_svar_pdf.html",
        dokument,
        remiss=remiss,
        svar=svar,
        organisation=svar.organisation,
    )
    return skapa_signerad_pdf_av_html(
        html,
        förvaltning=remiss.nämnd.förvaltning,
        anledning=(
            f"Remissvar {svar.nummer} från {svar.organisation.namn} på {remiss.diarienummer}, "
            f"inkommet {timezone.localtime(svar.inskickat):%Y-%m-%d %H:%M} via personlig länk "
            f"({svar.inskickat_av.namn}), SHA-256 {svar.sha256}"
        ),
        plats=remiss.nämnd.postort,
    )


def rendera(dokument):
    """The sealed PDF (``SigneradPdf``) of a Pdfdokument row."""
    return {
        dokument.Typ.TJÄNSTEUTLÅTANDE: _tjänsteutlåtande,
        dokument.Typ.PROTOKOLLSUTDRAG: _protokollsutdrag,
        dokument.Typ.SAMMANSTÄLLNING: _sammanställning,
        dokument.Typ.EXTERNT_SVAR: _externt_svar,
    }[dokument.typ](dokument)
