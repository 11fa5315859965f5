from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from nämnder.permissions import får, hämta_för_användare
from remiss import utkorg
from remiss.models import Remissinstans, Utkorgspost
from yttranden import stallningstaganden
from yttranden.forms.utlatande import BilagaForm, KommentarForm, MotiveringForm, UppgifterForm
from yttranden.models import Tjänsteutlåtande
from yttranden.pdfstatus import pdfstatus
from yttranden.views._hamta import hämta_utlåtande


def _instans(user, pk, åtgärd=None):
    return hämta_för_användare(
        user,
        # KS's own preparation (an ``eget`` instans) too: the policy decides who sees it.
        Remissinstans.med_eget.select_related("remiss", "nämnd"),
        åtgärd=åtgärd,
        pk=pk,
    )


@login_required
def för_instans(request, instans_pk):
    """The instans's current utlåtande, or a page that offers to start one."""
    instans = _instans(request.user, instans_pk)
    utlåtande = Tjänsteutlåtande.objects.gällande().filter(instans=instans).first()
    if utlåtande:
        return redirect("yttranden:detalj", pk=utlåtande.pk)
    kan_påbörja = får(request.user, instans, "skriva_utlåtande")
    return render(
        request, "yttranden/paborja.html", {"instans": instans, "kan_påbörja": kan_påbörja}
    )


@login_required
@require_POST
def påbörja(request, instans_pk):
    instans = _instans(request.user, instans_pk, åtgärd="skriva_utlåtande")
    try:
        utlåtande = Tjänsteutlåtande.påbörja(instans, av=request.user)
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
        return redirect("yttranden:för_instans", instans_pk=instans.pk)
    return redirect("yttranden:redigera", pk=utlåtande.pk)


# Told on the utlåtande's page, where the one who sent it on expects the result.
EPOST_SOM_INTE_KOM_FRAM = {
    ("epost.utlatande", "att_granska"): _l("E-post till granskaren kunde inte skickas"),
    ("epost.utlatande", "att_attestera"): _l("E-post till direktören kunde inte skickas"),
    "epost.utlatande": _l("E-post till handläggaren kunde inte skickas"),
}


def detaljcontext(request, utlåtande, **formulär):
    user = request.user
    sektioner = list(utlåtande.sektioner.prefetch_related("kommentarer__författare"))
    context = {
        "utlåtande": utlåtande,
        "instans": utlåtande.instans,
        "remiss": utlåtande.instans.remiss,
        "sektioner": sektioner,
        "allmänna_kommentarer": utlåtande.kommentarer.filter(sektion=None).select_related(
            "författare"
        ),
        "händelser": utlåtande.händelser.select_related("utförd_av"),
        "attester": utlåtande.attester.all(),
        "ställningstaganden": stallningstaganden.dokumentrader(utlåtande),
        "får_redigera": utlåtande.får_redigera(user),
        "får_granska": utlåtande.får_granska(user),
        "får_attestera": utlåtande.får_attestera(user),
        "får_återöppna": utlåtande.får_återöppna(user),
        "S": Tjänsteutlåtande.Status,
        "attest_max_minuter": settings.REMISS_ATTEST_MAX_MINUTER,
        "pdf": pdfstatus(user, utlåtande),
    }
    if får(user, utlåtande.instans, "bereda"):  # the nämnd's own people, not every reader
        context["misslyckad_epost"] = utkorg.misslyckad_epost(
            [Utkorgspost.nyckel_för(utlåtande)], EPOST_SOM_INTE_KOM_FRAM
        )
    S = Tjänsteutlåtande.Status
    if context["får_granska"] and utlåtande.status == S.GRANSKNING:
        context["kommentarform"] = formulär.get("kommentarform") or KommentarForm(
            utlåtande=utlåtande
        )
    if utlåtande.status in (S.GRANSKNING, S.GODKÄND) and utlåtande.får_återremittera(user):
        context["återremissform"] = formulär.get("återremissform") or MotiveringForm(
            etikett=_("Skäl till återremissen")
        )
    if context["får_återöppna"] and utlåtande.status == S.ATTESTERAD:
        context["återöppningsform"] = formulär.get("återöppningsform") or MotiveringForm(
            etikett=_("Skäl till att återöppna")
        )
    context["skickfel"] = formulär.get("skickfel")
    attest = next((a for a in context["attester"] if a.sha256 and not a.upphävd), None)
    context["kontrollsumma_stämmer"] = (
        utlåtande.kontrollsumma() == attest.sha256 if attest else None
    )
    return context


@login_required
def detalj(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk)
    return render(request, "yttranden/detalj.html", detaljcontext(request, utlåtande))


@login_required
def förhandsgranska(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk)
    return render(
        request,
        "yttranden/forhandsgranska.html",
        {
            "utlåtande": utlåtande,
            "dokument": utlåtande.som_dokument(),
            "rubriknivå": 2,
            "pdf": pdfstatus(request.user, utlåtande),
        },
    )


@login_required
def uppgifter(request, pk):
    """The header data: date, meeting, and who reviews and attests (and signs)."""
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="redigera")
    if request.method != "POST":
        form = UppgifterForm(instance=utlåtande)
        return render(request, "yttranden/uppgifter.html", {"utlåtande": utlåtande, "form": form})
    form = UppgifterForm(request.POST, instance=utlåtande)
    if not form.is_valid():
        context = {"utlåtande": utlåtande, "form": form}
        return render(request, "yttranden/uppgifter.html", context, status=400)
    try:
        utlåtande.kräv_redigerbart()
        form.save()
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
        return redirect("yttranden:detalj", pk=utlåtande.pk)
    messages.success(request, _("Uppgifterna är sparade."))
    return redirect("yttranden:redigera", pk=utlåtande.pk)


@login_required
@require_POST
def ny_bilaga(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="redigera")
    form = BilagaForm(request.POST, request.FILES, utlåtande=utlåtande)
    if not form.is_valid():
        from yttranden.views.redigera import redigeringssida

        return redigeringssida(request, utlåtande, bilagaform=form, status=400)
    try:
        utlåtande.lägg_till_bilaga(
            form.cleaned_data["titel"],
            handling=form.cleaned_data["handling"],
            fil=form.cleaned_data["fil"],
            av=request.user,
        )
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
    return redirect(f"{utlåtande.redigera_url}#bilagor")


@login_required
def bilaga(request, pk, bilaga_pk):
    """A bilaga's file, to anyone who may see the utlåtande: as a download, never rendered."""
    utlåtande = hämta_utlåtande(request.user, pk)
    bilaga = get_object_or_404(utlåtande.bilagor.select_related("handling"), pk=bilaga_pk)
    if not bilaga.har_fil:
        raise Http404(_("Bilagan har ingen fil."))
    try:
        fil = bilaga.öppna()
    except FileNotFoundError:
        raise Http404(_("Filen saknas i arkivet.")) from None
    typ = bilaga.handling.innehållstyp if bilaga.handling_id else bilaga.innehållstyp
    svar = FileResponse(fil, as_attachment=True, filename=bilaga.visat_filnamn, content_type=typ)
    svar["X-Content-Type-Options"] = "nosniff"
    svar["Content-Security-Policy"] = "default-src 'none'; sandbox"
    svar["Cache-Control"] = "private, no-store"
    return svar


@login_required
@require_POST
def ta_bort_bilaga(request, pk, bilaga_pk):
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="redigera")
    try:
        utlåtande.ta_bort_bilaga(bilaga_pk)
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
    return redirect(f"{utlåtande.redigera_url}#bilagor")
