"""Kommunstyrelsen starts its own tjänsteutlåtande on a remiss, pre-filled from the answers per
förslag (yttranden/eget.py). Asked of the access policy like every other way in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nämnder.permissions import hämta_för_användare, personer_med_roll
from nämnder.roller import Roll
from remiss.models import Remiss
from yttranden import eget


@login_required
@require_POST
def påbörja_eget(request, pk):
    remiss = hämta_för_användare(
        request.user,
        Remiss.objects.select_related("nämnd"),
        åtgärd="påbörja_eget_utlåtande",
        pk=pk,
    )
    handläggare = (
        personer_med_roll(remiss.nämnd, Roll.HANDLÄGGARE)
        .filter(pk=request.POST.get("handläggare") or None)
        .first()
    )
    if handläggare is None:
        messages.error(request, _("Välj en handläggare i kommunstyrelsen."))
        return redirect("remisser:per_förslag", pk=remiss.pk)
    try:
        utlåtande = eget.påbörja(remiss, handläggare, av=request.user)
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
        return redirect("remisser:per_förslag", pk=remiss.pk)
    messages.success(
        request,
        _("Kommunstyrelsens tjänsteutlåtande är påbörjat och tilldelat %(vem)s.")
        % {"vem": handläggare},
    )
    return redirect("yttranden:detalj", pk=utlåtande.pk)
