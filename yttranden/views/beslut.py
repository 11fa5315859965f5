"""The nämndsekreterare's work: the agenda of a meeting, the beslut, uttalanden, the answer to
KS, and the protokollsutdrag."""

import weasyprint
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nämnder.models import Kommun, Sammanträde
from nämnder.permissions import får, hämta_för_användare
from remiss import utkorg
from remiss.models import Utkorgspost
from yttranden import stallningstaganden
from yttranden.beslutstext import föreslår_omedelbar_justering, förslag_som_text
from yttranden.forms.beslut import BeslutForm, RättelseForm, UttalandeForm, ÄrendeForm
from yttranden.models import Beslut, Svar, Uttalande, Ärende
from yttranden.pdf.rendering import skriv_pdf
from yttranden.pdfstatus import pdfstatus
from yttranden.sekreterare import väntande_utlåtanden


def _ärenden():
    return Ärende.objects.select_related(
        "sammanträde__nämnd", "utlåtande__instans__remiss", "beslut"
    )


@login_required
def sammanträde(request, pk, form=None, status=200):
    möte = hämta_för_användare(request.user, Sammanträde.objects.select_related("nämnd"), pk=pk)
    kan_ändra = får(request.user, möte, "ändra")  # the agenda (nämnder/atkomst.py)
    väntande = väntande_utlåtanden(möte.nämnd)
    if kan_ändra and form is None:
        # The case page's "Lägg på föredragningslistan" link names the utlåtande to pick.
        förvalt = request.GET.get("utlatande", "")
        form = ÄrendeForm(
            utlåtanden=väntande,
            initial={
                "nummer": Ärende.nästa_nummer(möte),
                "utlåtande": int(förvalt) if förvalt.isdigit() else None,
            },
        )
    context = {
        "möte": möte,
        "ärenden": _ärenden().filter(sammanträde=möte).prefetch_related("beslut__svar"),
        "kan_ändra": kan_ändra,
        "form": form if kan_ändra else None,
    }
    return render(request, "yttranden/beslut/sammantrade.html", context, status=status)


@login_required
@require_POST
def nytt_ärende(request, pk):
    möte = hämta_för_användare(
        request.user, Sammanträde.objects.select_related("nämnd"), åtgärd="ändra", pk=pk
    )
    form = ÄrendeForm(request.POST, utlåtanden=väntande_utlåtanden(möte.nämnd))
    if form.is_valid():
        try:
            ärende = Ärende.lägg_på_dagordning(
                form.cleaned_data["utlåtande"], möte, form.cleaned_data["nummer"], av=request.user
            )
        except ValidationError as fel:
            form.add_error(None, fel)
        else:
            messages.success(
                request, _("%(ärende)s är lagt på föredragningslistan.") % {"ärende": ärende}
            )
            return redirect("beslut:ärende", pk=ärende.pk)
    return sammanträde(request, pk, form=form, status=400)


def _ärendesida(request, ärende, status=200, **formulär):
    kan_ändra = får(request.user, ärende, "besluta")
    beslut = getattr(ärende, "beslut", None)
    sektioner = list(ärende.utlåtande.sektioner.all())
    context = {
        "ärende": ärende,
        "beslut": beslut,
        "uttalanden": list(beslut.uttalanden.all()) if beslut else [],
        "svar": list(beslut.svar.order_by("nummer")) if beslut else [],
        "kan_ändra": kan_ändra,
        "sektioner": sektioner,
        "möte_har_ägt_rum": ärende.sammanträde.har_ägt_rum(),
        "justerat": beslut.är_justerat() if beslut else False,
        "pdf_utlåtande": pdfstatus(request.user, ärende.utlåtande),
        "pdf_protokollsutdrag": pdfstatus(request.user, ärende) if beslut else None,
    }
    if kan_ändra:
        # Told where the nämndsekreterare sent the answer: KS's notice was refused.
        context["misslyckad_epost"] = utkorg.misslyckad_epost(
            [Utkorgspost.nyckel_för(ärende.utlåtande.instans)],
            {"epost.svar_inkommet": _("E-post till kommunstyrelsen om svaret kunde inte skickas")},
        )
    if kan_ändra and beslut is None and context["möte_har_ägt_rum"]:
        förslag = förslag_som_text(sektioner)
        context["beslut_form"] = formulär.get("beslut_form") or BeslutForm(
            initial={
                "text": förslag,
                "paragraf": Beslut.nästa_paragraf(ärende.sammanträde),
                "justeras_omedelbart": föreslår_omedelbar_justering(förslag),
            }
        )
        context["ställningsform"] = formulär.get("ställningsform") or _ställningsform(ärende)
    context["ställningstaganden"] = stallningstaganden.beslutets_rader(ärende, beslut)
    if kan_ändra and beslut is not None:
        context["uttalande_form"] = formulär.get("uttalande_form") or UttalandeForm()
        context["rättelse_form"] = formulär.get("rättelse_form") or RättelseForm()
    return render(request, "yttranden/beslut/arende.html", context, status=status)


@login_required
def ärende(request, pk):
    return _ärendesida(request, hämta_för_användare(request.user, _ärenden(), pk=pk))


@login_required
@require_POST
def registrera_beslut(request, pk):
    ärende = hämta_för_användare(request.user, _ärenden(), åtgärd="besluta", pk=pk)
    form = BeslutForm(request.POST)
    ställningsform = _ställningsform(ärende, request.POST)
    if all([form.is_valid(), ställningsform is None or ställningsform.is_valid()]):
        try:
            with transaction.atomic():
                beslut = Beslut.registrera(ärende, av=request.user, **form.cleaned_data)
                if ställningsform is not None:
                    stallningstaganden.spara_i_beslut(beslut, ställningsform.värden())
        except ValidationError as fel:
            form.add_error(None, fel)
        else:
            messages.success(request, _("Beslutet är registrerat."))
            return redirect("beslut:ärende", pk=pk)
    return _ärendesida(request, ärende, status=400, beslut_form=form, ställningsform=ställningsform)


def _ställningsform(ärende, data=None):
    """The nämnd's stances, pre-filled from the attested utlåtande; one for every förslag."""
    return stallningstaganden.formulär(ärende.utlåtande, data, kräv_alla=True)


def _beslutet(request, pk, åtgärd):
    ärende = hämta_för_användare(request.user, _ärenden(), åtgärd=åtgärd, pk=pk)
    beslut = getattr(ärende, "beslut", None)
    if beslut is None:
        messages.error(request, _("Registrera nämndens beslut först."))
    return ärende, beslut


@login_required
@require_POST
def nytt_uttalande(request, pk):
    ärende, beslut = _beslutet(request, pk, "lägga_till_uttalande")
    if beslut is None:
        return redirect("beslut:ärende", pk=pk)
    form = UttalandeForm(request.POST)
    if form.is_valid():
        try:
            Uttalande.lägg_till(beslut, av=request.user, **form.cleaned_data)
        except ValidationError as fel:
            form.add_error(None, fel)
        else:
            messages.success(request, _("Uttalandet är tillagt."))
            return redirect("beslut:ärende", pk=pk)
    return _ärendesida(request, ärende, status=400, uttalande_form=form)


@login_required
@require_POST
def skicka_svar(request, pk):
    ärende, beslut = _beslutet(request, pk, "skicka_svar")
    if beslut is None:
        return redirect("beslut:ärende", pk=pk)
    form = RättelseForm(request.POST)
    rättelse = request.POST.get("rättelse", "")
    try:
        svar = Svar.skicka(beslut, av=request.user, rättelse=rättelse)
    except ValidationError as fel:
        form.add_error(None, fel)
        return _ärendesida(request, ärende, status=400, rättelse_form=form)
    messages.success(
        request,
        _("Svar %(nr)s är skickat till kommunstyrelsen.") % {"nr": svar.nummer},
    )
    return redirect("beslut:ärende", pk=pk)


@login_required
def protokollsutdrag(request, pk):
    ärende = hämta_för_användare(request.user, _ärenden(), pk=pk)
    beslut = getattr(ärende, "beslut", None)
    context = {
        "ärende": ärende,
        "beslut": beslut,
        "uttalanden": list(beslut.uttalanden.all()) if beslut else [],
    }
    return render(request, "yttranden/beslut/protokollsutdrag.html", context)


@login_required
def uttalande_pdf(request, pk):
    """A särskilt uttalande or reservation printed on its own (the Älvsjö seed's form), to
    whoever may see the ärende."""
    uttalande = hämta_för_användare(
        request.user,
        Uttalande.objects.select_related(
            "beslut__ärende__sammanträde__nämnd", "beslut__ärende__utlåtande__instans__remiss"
        ),
        pk=pk,
    )
    ärende = uttalande.beslut.ärende
    html = render_to_string(
        "yttranden/dokument/sarskilt_uttalande_pdf.html",
        {
            "uttalande": uttalande,
            "ärende": ärende,
            "instans": ärende.utlåtande.instans,
            "nämnd": ärende.nämnd,
            "kommun": Kommun.för_nämnd(ärende.nämnd),
            "weasyprint": weasyprint.__version__,
        },
    )
    namn = f"{uttalande.get_typ_display()} {ärende.nämnd.namn} ärende {ärende.nummer}.pdf"
    svar = HttpResponse(skriv_pdf(html), content_type="application/pdf")
    svar["Content-Disposition"] = content_disposition_header(True, namn)
    svar["X-Content-Type-Options"] = "nosniff"
    return svar
