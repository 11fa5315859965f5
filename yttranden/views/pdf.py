"""The stored PDFs on the pages: status while a worker renders, the download, "Försök igen", KS's
request for a sammanställning, and the answer package (ZIP) for KS."""

import io
import zipfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nämnder.permissions import hämta_för_användare, kan_se
from remiss.models import Remiss, Remissinstans
from yttranden.atkomst import svar_för
from yttranden.models import Pdfdokument, Svar


def _hämta(user, pk, åtgärd=None):
    """The document if ``user`` may see it (else 404): as what it renders, and KS's
    sammanställning only for KS's roles (yttranden/atkomst.py)."""
    dokument = hämta_för_användare(
        user,
        Pdfdokument.objects.select_related(
            "utlåtande__instans__remiss__nämnd",
            "utlåtande__instans__nämnd",
            "ärende__sammanträde__nämnd",
            "ärende__utlåtande__instans__remiss__nämnd",
            "remiss__nämnd",
        ),
        åtgärd=åtgärd,
        pk=pk,
    )
    return dokument


def _status(request, dokument):
    context = {"dokument": dokument, "kan_försöka_igen": dokument.får_försöka_igen(request.user)}
    return render(request, "yttranden/pdf/_status_innehall.html", context)


def _skyddad_nedladdning(svar):
    svar["X-Content-Type-Options"] = "nosniff"
    svar["Content-Security-Policy"] = "default-src 'none'; sandbox"
    svar["Cache-Control"] = "private, no-store"
    return svar


@login_required
def ladda_ned(request, pk):
    """The sealed PDF as a download, to anyone who may see what it renders."""
    dokument = _hämta(request.user, pk)
    if dokument.status != Pdfdokument.Status.KLAR:
        raise Http404(_("PDF:en är inte klar än."))
    try:
        fil = dokument.fil.open("rb")
    except FileNotFoundError:
        raise Http404(_("Filen saknas i arkivet.")) from None
    svar = FileResponse(
        fil, as_attachment=True, filename=dokument.filnamn, content_type="application/pdf"
    )
    return _skyddad_nedladdning(svar)


@login_required
def status(request, pk):
    """The status partial the page polls (htmx) while the PDF is being made."""
    dokument = _hämta(request.user, pk)
    return _status(request, dokument)


@login_required
@require_POST
def försök_igen(request, pk):
    dokument = _hämta(request.user, pk, "försöka_igen")
    köad = dokument.försök_igen(av=request.user)
    if request.htmx:
        return _status(request, dokument)
    if köad:
        messages.success(request, _("PDF:en skapas på nytt."))
    else:
        messages.info(request, _("PDF:en är redan klar eller håller på att skapas."))
    return redirect(dokument.objektets_url)


@login_required
@require_POST
def beställ_sammanställning(request, pk):
    """KS asks for the sammanställning as a PDF: a new version only if the answers changed."""
    remiss = hämta_för_användare(
        request.user,
        Remiss.objects.select_related("nämnd"),
        åtgärd="beställa_sammanställning",
        pk=pk,
    )
    dokument, ny = Pdfdokument.för_sammanställning(remiss, av=request.user)
    if ny:
        messages.success(request, _("Sammanställningen skapas som PDF."))
    elif dokument.kan_försökas_igen():
        dokument.försök_igen(av=request.user)
        messages.success(request, _("Sammanställningen skapas som PDF på nytt."))
    else:
        messages.info(
            request,
            _("Svaren har inte ändrats sedan version %(v)s; den PDF:en gäller fortfarande.")
            % {"v": dokument.version},
        )
    return redirect(f"{dokument.objektets_url}#pdf-sammanstallning")


def _bilagefiler(instans):
    """The files of the answered utlåtande's bilagor, named by their number in the document:
    "Bilaga 2 Prioriterade samverkansområden.pdf"."""
    svar = (
        Svar.objects.filter(instans=instans)
        .select_related("beslut__ärende__utlåtande")
        .order_by("-nummer")
        .first()
    )
    if svar is None:
        return []
    bilagor = svar.beslut.ärende.utlåtande.bilagor.select_related("handling")
    return [
        (f"Bilaga {nummer} {bilaga.visat_filnamn}".replace("/", "-"), bilaga)
        for nummer, bilaga in enumerate(bilagor, start=1)
        if bilaga.har_fil
    ]


@login_required
def svarspaket(request, pk):
    """The nämnd's answer as KS files it: the utlåtande and the protokollsutdrag (with its
    uttalanden) as sealed PDFs, and the bilagor's files, in one ZIP: for whoever may see the
    instans or its sent answer (an allmän handling, yttranden/atkomst.py)."""
    instans = get_object_or_404(Remissinstans.objects.select_related("remiss", "nämnd"), pk=pk)
    if not (kan_se(request.user, instans) or svar_för(request.user, instans.svar.all()).exists()):
        raise Http404
    if instans.status != Remissinstans.Status.BESVARAD:
        raise Http404(_("Svaret är inte skickat till kommunstyrelsen än."))
    delar, saknas = Pdfdokument.svarspaket(instans)
    if saknas:
        context = {"instans": instans, "saknas": saknas}
        return render(request, "yttranden/pdf/svarspaket_saknas.html", context, status=409)
    buffert = io.BytesIO()
    with zipfile.ZipFile(buffert, "w", zipfile.ZIP_DEFLATED) as zip:
        for dokument in delar:
            try:
                with dokument.fil.open("rb") as fil:
                    zip.writestr(dokument.filnamn, fil.read())
            except OSError:
                # Lost from the archive (a restore without MEDIA_ROOT): kontrollera_arkiv
                # finds it and --laga makes the PDF again.
                text = _(
                    "Filen för %(vad)s saknas i arkivet. Systemförvaltningen kan skapa den igen "
                    "(manage.py kontrollera_arkiv --laga)."
                )
                context = {"instans": instans, "saknas": [text % {"vad": dokument.benämning}]}
                return render(request, "yttranden/pdf/svarspaket_saknas.html", context, status=409)
        for namn, bilaga in _bilagefiler(instans):
            with bilaga.öppna() as fil:
                zip.writestr(namn, fil.read())
    namn = f"Svar {instans.nämnd.namn} {instans.remiss.diarienummer}.zip".replace("/", "-")
    svar = HttpResponse(buffert.getvalue(), content_type="application/zip")
    svar["Content-Disposition"] = content_disposition_header(True, namn)
    return _skyddad_nedladdning(svar)
