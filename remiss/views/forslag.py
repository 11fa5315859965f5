"""KS's compilation of the answers by förslag: the page, and the same as XLSX and DOCX. Read by
the same people as the sammanställning (remiss/atkomst.py, "läsa_sammanställning")."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from nämnder.permissions import får, hämta_för_användare, personer_med_roll
from nämnder.roller import Roll
from remiss import forslagsexport
from remiss.forslagssammanstallning import sammanställ
from remiss.models import Remiss, Remissinstans


def _remiss(user, pk):
    return hämta_för_användare(
        user, Remiss.objects.select_related("nämnd"), åtgärd="läsa_sammanställning", pk=pk
    )


@login_required
def per_förslag(request, pk):
    remiss = _remiss(request.user, pk)
    context = {"remiss": remiss, **sammanställ(remiss)}
    if får(request.user, remiss, "påbörja_eget_utlåtande"):
        context["får_påbörja_eget"] = True
        context["ks_handläggare"] = personer_med_roll(remiss.nämnd, Roll.HANDLÄGGARE)
    # KS's own preparation (yttranden/eget.py), when started: linked, not started again.
    context["eget"] = Remissinstans.med_eget.filter(remiss=remiss, eget=True).first()
    return render(request, "remiss/forslag/sammanstallning.html", context)


FORMAT = {
    "xlsx": (forslagsexport.som_xlsx, forslagsexport.XLSX),
    "docx": (forslagsexport.som_docx, forslagsexport.DOCX),
}


@login_required
def export(request, pk, format):
    remiss = _remiss(request.user, pk)
    skriv, innehållstyp = FORMAT[format]
    svar = HttpResponse(skriv(remiss, sammanställ(remiss)), content_type=innehållstyp)
    namn = f"{remiss.diarienummer.replace(' ', '-').replace('/', '-')}-per-forslag.{format}"
    svar["Content-Disposition"] = content_disposition_header(True, namn)
    return svar
