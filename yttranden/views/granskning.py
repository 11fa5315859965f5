"""The review chain: send for review, comment, return, approve, attest, reopen. Each is one
model method; a double click meets the method's own check and changes nothing twice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nämnder.inloggning import stegupp
from yttranden.forms.utlatande import KommentarForm, MotiveringForm
from yttranden.views._hamta import hämta_utlåtande
from yttranden.views.utlatande import detaljcontext


def _detalj_med_fel(request, utlåtande, **formulär):
    context = detaljcontext(request, utlåtande, **formulär)
    return render(request, "yttranden/detalj.html", context, status=400)


def _utför(request, utlåtande, steg, klart):
    try:
        steg()
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
    else:
        messages.success(request, klart)
    return redirect("yttranden:detalj", pk=utlåtande.pk)


@login_required
@require_POST
def skicka(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="redigera")
    try:
        utlåtande.skicka_till_granskning(av=request.user)
    except ValidationError as fel:
        if getattr(fel, "code", None) == "redan":
            messages.error(request, " ".join(fel.messages))
            return redirect("yttranden:detalj", pk=utlåtande.pk)
        return _detalj_med_fel(request, utlåtande, skickfel=fel.messages)
    messages.success(
        request,
        _("Utlåtandet är skickat till %(vem)s för granskning.") % {"vem": utlåtande.granskare},
    )
    return redirect("yttranden:detalj", pk=utlåtande.pk)


@login_required
@require_POST
def kommentera(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="granska")
    form = KommentarForm(request.POST, utlåtande=utlåtande)
    if not form.is_valid():
        return _detalj_med_fel(request, utlåtande, kommentarform=form)
    return _utför(
        request,
        utlåtande,
        lambda: utlåtande.kommentera(form.cleaned_data["text"], request.user, form.vald_sektion()),
        _("Kommentaren är sparad."),
    )


@login_required
@require_POST
def återremittera(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="återremittera")
    form = MotiveringForm(request.POST, etikett=_("Skäl till återremissen"))
    if not form.is_valid():
        return _detalj_med_fel(request, utlåtande, återremissform=form)
    return _utför(
        request,
        utlåtande,
        lambda: utlåtande.återremittera(form.cleaned_data["motivering"], av=request.user),
        _("Utlåtandet är återremitterat till handläggaren."),
    )


@login_required
@require_POST
def godkänn(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="granska")
    return _utför(
        request,
        utlåtande,
        lambda: utlåtande.godkänn(av=request.user),
        _("Utlåtandet är godkänt och skickat till direktören för attest."),
    )


@login_required
@require_POST
def attestera(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="attestera")
    try:
        autentisering = stegupp.kontrollera(request)
    except stegupp.KräverNyInloggning as skäl:
        messages.info(request, str(skäl))
        tillbaka = reverse("yttranden:detalj", args=[utlåtande.pk])
        return redirect(stegupp.ny_inloggning(request, tillbaka))
    return _utför(
        request,
        utlåtande,
        lambda: utlåtande.attestera(av=request.user, autentisering=autentisering),
        _("Utlåtandet är attesterat. Texten är nu låst."),
    )


@login_required
@require_POST
def återöppna(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="återöppna")
    form = MotiveringForm(request.POST, etikett=_("Skäl till att återöppna"))
    if not form.is_valid():
        return _detalj_med_fel(request, utlåtande, återöppningsform=form)
    try:
        nytt = utlåtande.återöppna(form.cleaned_data["motivering"], av=request.user)
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
        return redirect("yttranden:detalj", pk=utlåtande.pk)
    messages.success(
        request,
        _("Attesten är upphävd. Version %(v)s är påbörjad som utkast.") % {"v": nytt.version},
    )
    return redirect("yttranden:detalj", pk=nytt.pk)
