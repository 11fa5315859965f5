"""Calendar feeds: the page where a person finds, copies and renews their feed addresses, and
the feeds themselves, read by calendar programs that cannot log in (the secret address is the
key)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from nämnder.models import Nämnd
from nämnder.permissions import hämta_för_användare, nämnder_för, roller
from remiss import kalenderflode
from remiss.models import Kalendernyckel


def _adress(request, nyckel):
    return request.build_absolute_uri(reverse("kalender:flöde", args=[nyckel.nyckel]))


@login_required
@require_GET
def kalender(request):
    nycklar = {n.nämnd_id: n for n in Kalendernyckel.objects.filter(användare=request.user)}
    flöden = [(None, nycklar.get(None))]
    flöden += [(nämnd, nycklar.get(nämnd.pk)) for nämnd in nämnder_för(request.user)]
    rader = []
    for nämnd, nyckel in flöden:
        adress = _adress(request, nyckel) if nyckel else ""
        # webcal:// opens the address in the person's calendar program, which subscribes to it.
        webcal = "webcal://" + adress.split("://", 1)[1] if adress else ""
        rader.append({"nämnd": nämnd, "adress": adress, "webcal": webcal, "nyckel": nyckel})
    return render(request, "remiss/kalender.html", {"flöden": rader})


@login_required
@require_POST
def ny_adress(request):
    nämnd = None
    if request.POST.get("nämnd"):
        if not request.POST["nämnd"].isdigit():
            raise Http404
        nämnd = hämta_för_användare(
            request.user, Nämnd.objects.all(), åtgärd="följa_kalender", pk=request.POST["nämnd"]
        )
    Kalendernyckel.förnya(request.user, nämnd)
    messages.success(
        request,
        _("Kalenderflödet har en ny adress. Den gamla adressen fungerar inte längre."),
    )
    return redirect("kalender:kalender")


@require_GET
def flöde(request, nyckel):
    """The feed. A wrong or revoked key, a person who has left, or a nämnd the person no longer
    belongs to all give the same 404."""
    nyckel = get_object_or_404(
        Kalendernyckel.objects.select_related("användare", "nämnd"), nyckel=nyckel
    )
    användare, nämnd = nyckel.användare, nyckel.nämnd
    if not användare.is_active or (nämnd is not None and not roller(användare, nämnd)):
        raise Http404
    innehåll = kalenderflode.nämndens(nämnd) if nämnd else kalenderflode.mina_svarsdatum(användare)
    svar = HttpResponse(innehåll, content_type="text/calendar; charset=utf-8")
    svar["Content-Disposition"] = 'inline; filename="remiss.ics"'
    svar["Cache-Control"] = "private, max-age=300"
    svar["X-Robots-Tag"] = "noindex"
    return svar
