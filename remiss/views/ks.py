"""What kommunstyrelsens remissamordnare does: register, edit and send a remiss, attach its
handlingar, decide anstånd and close it. Every view asks the permission gateway first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from nämnder.permissions import hämta_för_användare, kommunstyrelsen_för
from remiss.forms.forslag import FörslagFormSet
from remiss.forms.ks import AnståndsbeslutForm, HandlingarForm, RemissForm
from remiss.models import Anstånd, Handling, Remiss


def _remiss(user, pk):
    return hämta_för_användare(
        user, Remiss.objects.select_related("nämnd"), åtgärd="samordna", pk=pk
    )


def _till_remissen(remiss):
    return redirect("remisser:detalj", pk=remiss.pk)


def _data(request):
    # An empty POST (nothing ticked, no file chosen) must still be validated, so not "or None".
    return request.POST if request.method == "POST" else None


def _fel(request, fel):
    for text in fel.messages:
        messages.error(request, text)


def _förslag(request, remiss):
    # A POST without the förslag rows (a client that only knows the remiss's own fields)
    # leaves the förslag as they are.
    data = _data(request)
    if data is not None and "forslag-TOTAL_FORMS" not in data:
        data = None
    return FörslagFormSet(data, instance=remiss, prefix="forslag")


def _spara_remiss(form, förslag, av):
    """The remiss and its förslag, both or neither."""
    with transaction.atomic():
        remiss = form.spara(av=av)
        förslag.instance = remiss
        förslag.spara(remiss, av)
    return remiss


def _formulär(request, form, förslag, remiss=None):
    context = {"form": form, "förslagsformulär": förslag, "remiss": remiss}
    return render(request, "remiss/ks/form.html", context, status=400 if form.is_bound else 200)


@login_required
def ny(request):
    ks = kommunstyrelsen_för(request.user, "samordna_remisser")
    form = RemissForm(_data(request), ks=ks)
    förslag = _förslag(request, Remiss(nämnd=ks))
    if request.method == "POST" and all([form.is_valid(), förslag.giltig()]):
        remiss = _spara_remiss(form, förslag, request.user)
        messages.success(request, _("Remissen %(dnr)s är registrerad.") % {"dnr": remiss})
        return _till_remissen(remiss)
    return _formulär(request, form, förslag)


@login_required
def ändra(request, pk):
    remiss = _remiss(request.user, pk)
    if not remiss.är_utkast:
        messages.error(request, _("Remissen är redan skickad och kan inte ändras."))
        return _till_remissen(remiss)
    form = RemissForm(_data(request), instance=remiss, ks=remiss.nämnd)
    förslag = _förslag(request, remiss)
    if request.method == "POST" and all([form.is_valid(), förslag.giltig()]):
        try:
            _spara_remiss(form, förslag, request.user)
        except ValidationError as fel:
            _fel(request, fel)
        else:
            messages.success(request, _("Ändringarna är sparade."))
        return _till_remissen(remiss)
    return _formulär(request, form, förslag, remiss)


@login_required
def ladda_upp(request, pk):
    remiss = _remiss(request.user, pk)
    form = HandlingarForm(_data(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                for fil, typ in form.cleaned_data["filer"]:
                    remiss.bifoga(fil, typ, av=request.user)
        except ValidationError as fel:
            _fel(request, fel)
            return _till_remissen(remiss)
        antal = len(form.cleaned_data["filer"])
        text = ngettext(
            "%(antal)s handling är bifogad.", "%(antal)s handlingar är bifogade.", antal
        )
        messages.success(request, text % {"antal": antal})
        return redirect("ks:ladda_upp", pk=remiss.pk)
    context = {"remiss": remiss, "form": form, "handlingar": remiss.handlingar.all()}
    return render(
        request, "remiss/ks/handlingar.html", context, status=400 if form.is_bound else 200
    )


@login_required
def handling(request, pk, handling_pk):
    """Serve a handling to anyone who may see its remiss: as a download, never rendered."""
    handling = hämta_för_användare(
        request.user,
        Handling.objects.select_related("remiss__nämnd"),
        pk=handling_pk,
        remiss_id=pk,
    )
    try:
        fil = handling.fil.open("rb")
    except FileNotFoundError:
        # The row outlived its file (a restore from backup, say): say so rather than fail.
        raise Http404(_("Filen saknas i arkivet.")) from None
    svar = FileResponse(
        fil,
        as_attachment=True,
        filename=handling.filnamn,
        content_type=handling.innehållstyp,
    )
    svar["X-Content-Type-Options"] = "nosniff"
    svar["Content-Security-Policy"] = "default-src 'none'; sandbox"
    svar["Cache-Control"] = "private, no-store"
    return svar


@login_required
@require_POST
def ta_bort_handling(request, pk, handling_pk):
    remiss = _remiss(request.user, pk)
    handling = get_object_or_404(remiss.handlingar, pk=handling_pk)
    try:
        remiss.ta_bort_handling(handling, av=request.user)
    except ValidationError as fel:
        _fel(request, fel)
        return _till_remissen(remiss)
    messages.success(request, _("%(namn)s är borttagen.") % {"namn": handling.filnamn})
    return redirect("ks:ladda_upp", pk=remiss.pk)


@login_required
@require_POST
def skicka(request, pk):
    remiss = _remiss(request.user, pk)
    try:
        instanser = remiss.skicka(av=request.user)
    except ValidationError as fel:
        _fel(request, fel)
    else:
        messages.success(
            request,
            _("Remissen är skickad till %(antal)s remissinstanser. Deras registratorer får e-post.")
            % {"antal": len(instanser)},
        )
    return _till_remissen(remiss)


@login_required
@require_POST
def avsluta(request, pk):
    remiss = _remiss(request.user, pk)
    try:
        remiss.avsluta(av=request.user)
    except ValidationError as fel:
        _fel(request, fel)
    else:
        messages.success(request, _("Remissen är avslutad."))
    return _till_remissen(remiss)


def _obesvarade(ks):
    return (
        Anstånd.objects.filter(status=Anstånd.Status.BEGÄRT, instans__remiss__nämnd=ks)
        .select_related(
            "instans__remiss",
            "instans__nämnd",
            "instans__organisation",
            "begärt_av",
            "begärt_av_kontakt__organisation",
        )
        .order_by("begärt", "pk")
    )


@login_required
def anstånd(request, fel_för=None, form=None):
    ks = kommunstyrelsen_för(request.user, "samordna_remisser")
    context = {"begäranden": _obesvarade(ks), "fel_för": fel_för, "felform": form}
    return render(request, "remiss/ks/anstand.html", context, status=400 if form else 200)


@login_required
@require_POST
def besluta_anstånd(request, anstånd_pk):
    ks = kommunstyrelsen_för(request.user, "samordna_remisser")
    begäran = get_object_or_404(Anstånd, pk=anstånd_pk, instans__remiss__nämnd=ks)
    form = AnståndsbeslutForm(request.POST, auto_id=f"anstand-{begäran.pk}-%s")
    if not form.is_valid():
        return anstånd(request, fel_för=begäran.pk, form=form)
    try:
        form.besluta(begäran, av=request.user)
    except ValidationError as fel:
        _fel(request, fel)
    else:
        messages.success(request, _("Beslutet är registrerat och nämnden får besked via e-post."))
    return redirect("ks:anstånd")
