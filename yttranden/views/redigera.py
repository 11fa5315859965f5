from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yttranden import stallningstaganden
from yttranden.forms.utlatande import BilagaForm, TextForm, WordForm
from yttranden.models import Sparkrock
from yttranden.views._hamta import hämta_utlåtande


def _sparat(version):
    return _("Sparat %(tid)s") % {"tid": f"{timezone.localtime(version.sparad):%H:%M}"}


def redigeringssida(request, utlåtande, status=200, **formulär):
    sektioner = list(utlåtande.sektioner.prefetch_related("kommentarer__författare"))
    senaste = utlåtande.versioner.defer("innehåll").first()
    context = {
        "utlåtande": utlåtande,
        "instans": utlåtande.instans,
        "remiss": utlåtande.instans.remiss,
        "form": formulär.get("form")
        or TextForm(initial={"grundad_på": utlåtande.versionsnummer}, sektioner=sektioner),
        "bilagaform": formulär.get("bilagaform") or BilagaForm(utlåtande=utlåtande),
        "ställningsform": formulär.get("ställningsform") or stallningstaganden.formulär(utlåtande),
        "wordform": formulär.get("wordform")
        or WordForm(initial={"grundad_på": utlåtande.versionsnummer}),
        "bilagor": utlåtande.bilagor.select_related("handling"),
        "senaste": senaste,
        "sparstatus": _sparat(senaste) if senaste else "",
        "krock": formulär.get("krock"),
        "egna_texter": formulär.get("egna_texter"),
        "återremiss": utlåtande.händelser.filter(typ="aterremitterat").last(),
        "allmänna_kommentarer": utlåtande.kommentarer.filter(sektion=None).select_related(
            "författare"
        ),
    }
    return render(request, "yttranden/redigera.html", context, status=status)


@login_required
def redigera(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="redigera")
    if not utlåtande.är_utkast:
        try:
            utlåtande.kräv_redigerbart()
        except ValidationError as fel:
            messages.info(request, " ".join(fel.messages))
        return redirect("yttranden:detalj", pk=utlåtande.pk)
    return redigeringssida(request, utlåtande)


@login_required
@require_POST
def spara(request, pk):
    """Save the texts. The editor's script autosaves here what changed (answering JSON);
    without script the form posts every section here and gets the page back."""
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="redigera")
    autosparning = request.headers.get("X-Autosparning") == "1"
    sektioner = utlåtande.sektioner.all()
    if autosparning:
        # The editor sends only what changed, or one section at a time when that was too
        # large to send: only the sections posted are saved, the others stay as they are.
        # Likewise the stances: only the förslag whose fields were posted (inskickade).
        sektioner = [s for s in sektioner if f"rubrik_{s.pk}" in request.POST]
    form = TextForm(request.POST, sektioner=sektioner)
    ställningsform = stallningstaganden.formulär(utlåtande, request.POST)
    if not form.is_valid() or (ställningsform and not ställningsform.is_valid()):
        fel = _("Utlåtandet kunde inte sparas: kontrollera rubrikerna.")
        if ställningsform and ställningsform.errors:
            fel = _("Utlåtandet kunde inte sparas: kontrollera ställningstagandena.")
        if autosparning:
            return JsonResponse({"fel": fel}, status=400)
        return redigeringssida(
            request, utlåtande, form=form, ställningsform=ställningsform, status=400
        )
    ställningar = (
        stallningstaganden.inskickade(ställningsform, request.POST) if ställningsform else None
    )
    try:
        version = utlåtande.spara(
            form.texter(),
            form.cleaned_data["grundad_på"],
            av=request.user,
            ställningstaganden=ställningar,
        )
    except Sparkrock as krock:
        return _krock(request, utlåtande, form, krock, autosparning)
    except ValidationError as fel:
        if autosparning:
            return JsonResponse({"fel": " ".join(fel.messages)}, status=409)
        messages.error(request, " ".join(fel.messages))
        return redirect("yttranden:detalj", pk=utlåtande.pk)
    version = version or utlåtande.versioner.first()
    if autosparning:
        return JsonResponse({"version": version.nummer, "status": _sparat(version)})
    messages.success(request, _sparat(version))
    return redirect("yttranden:redigera", pk=utlåtande.pk)


def _egna_texter(krock):
    """The sections of the refused save that differ from the current version."""
    aktuella = {s["id"]: s for s in krock.aktuell.sektioner}
    return [
        s
        for s in krock.avvisad.sektioner
        if (s["rubrik"], s["html"])
        != (aktuella.get(s["id"], {}).get("rubrik"), aktuella.get(s["id"], {}).get("html"))
    ]


def _krock(request, utlåtande, form, krock, autosparning):
    egna = _egna_texter(krock)
    if autosparning:
        context = {"krock": krock, "utlåtande": utlåtande, "egna_texter": egna}
        html = render_to_string("yttranden/_krock.html", context, request=request)
        return JsonResponse({"fel": str(krock), "html": html}, status=409)
    return redigeringssida(request, utlåtande, form=form, krock=krock, egna_texter=egna, status=409)
