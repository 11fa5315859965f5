"""KS's sammanställning page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from nämnder.permissions import hämta_för_användare
from remiss.models import Remiss
from yttranden.pdfstatus import pdfstatus
from yttranden.sammanstallning import sammanställ


@login_required
def sammanställning(request, pk):
    remiss = hämta_för_användare(
        request.user, Remiss.objects.med_har_förslag(), åtgärd="läsa_sammanställning", pk=pk
    )
    context = {
        "remiss": remiss,
        "idag": timezone.localdate(),
        "pdf": pdfstatus(request.user, remiss, rubrik=_("Sammanställningen som PDF")),
        **sammanställ(remiss, request.GET.get("visa", "alla")),
    }
    return render(request, "yttranden/beslut/sammanstallning.html", context)
