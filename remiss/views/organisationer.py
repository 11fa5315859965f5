"""KS's register of external organisations (kommunstyrelsens remissamordnare), and what KS
does with an organisation's personal links on a remiss. Every view asks the gateway first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nämnder.permissions import hämta_för_användare, kommunstyrelsen_för
from remiss.forms.organisation import (
    KontaktpersonFormSet,
    LäggTillOrganisationForm,
    OrganisationForm,
)
from remiss.models import Organisation, Remisshändelse, Remissinstans, Svarslänk
from remiss.views.ks import _data, _fel, _remiss, _till_remissen


@login_required
def lista(request):
    kommunstyrelsen_för(request.user, "samordna_remisser")
    organisationer = Organisation.objects.annotate(
        antal_kontakter=Count("kontaktpersoner", filter=Q(kontaktpersoner__aktiv=True))
    ).order_by("namn")
    return render(request, "remiss/ks/organisationer.html", {"organisationer": organisationer})


def _formulär(request, organisation):
    data = request.POST if request.method == "POST" else None
    form = OrganisationForm(data, instance=organisation)
    kontakter = KontaktpersonFormSet(data, instance=organisation, prefix="kontakt")
    if request.method == "POST" and form.is_valid() and kontakter.is_valid():
        with transaction.atomic():
            organisation = form.save()
            kontakter.instance = organisation
            kontakter.save()
        messages.success(request, _("%(namn)s är sparad.") % {"namn": organisation.namn})
        return redirect("organisationer:ändra", pk=organisation.pk)
    context = {"form": form, "kontakter": kontakter, "organisation": organisation}
    status = 400 if form.is_bound else 200
    return render(request, "remiss/ks/organisation.html", context, status=status)


@login_required
def ny(request):
    kommunstyrelsen_för(request.user, "samordna_remisser")
    return _formulär(request, Organisation())


@login_required
def ändra(request, pk):
    kommunstyrelsen_för(request.user, "samordna_remisser")
    return _formulär(request, get_object_or_404(Organisation, pk=pk))


@login_required
def lägg_till(request, pk):
    """Add an external organisation to a sent remiss; its contacts get their links."""
    remiss = _remiss(request.user, pk)
    form = LäggTillOrganisationForm(_data(request), remiss=remiss)
    if request.method == "POST" and form.is_valid():
        try:
            instans = remiss.lägg_till_organisation(
                form.cleaned_data["organisation"], av=request.user
            )
        except ValidationError as fel:
            _fel(request, fel)
        else:
            messages.success(
                request,
                _("%(org)s har fått remissen; kontaktpersonerna får sina personliga länkar.")
                % {"org": instans.organisation.namn},
            )
            return _till_remissen(remiss)
    context = {"remiss": remiss, "form": form}
    status = 400 if form.is_bound else 200
    return render(request, "remiss/ks/lagg_till_organisation.html", context, status=status)


def _extern_instans(user, pk):
    return hämta_för_användare(
        user,
        Remissinstans.objects.select_related("remiss__nämnd", "organisation").filter(
            organisation__isnull=False
        ),
        åtgärd="samordna",
        pk=pk,
    )


@login_required
@require_POST
def ny_länk(request, pk, kontakt_pk):
    """Send a contact a new personal link; their earlier one stops working."""
    instans = _extern_instans(request.user, pk)
    kontakt = get_object_or_404(instans.organisation.kontaktpersoner, pk=kontakt_pk, aktiv=True)
    if instans.remiss.status != instans.remiss.Status.UTSKICKAD:
        messages.error(request, _("Remissen är inte utskickad; inga länkar kan skickas."))
        return redirect("instanser:detalj", pk=instans.pk)
    with transaction.atomic():
        _länk, slump = Svarslänk.utfärda(instans, kontakt, av=request.user)
        instans.remiss.logga(
            Remisshändelse.Typ.LÄNK_SKICKAD,
            request.user,
            _("Ny länk till %(namn)s, %(epost)s; den tidigare gäller inte längre.")
            % {"namn": kontakt.namn, "epost": kontakt.epost},
            instans=instans,
        )
    messages.success(request, _("En ny länk skickas till %(epost)s.") % {"epost": kontakt.epost})
    from django.conf import settings

    if settings.REMISS_DEMO:
        # Only in the demo, where no e-mail leaves the machine: the link, to try it.
        from remiss.emails.instans import absolut_länk
        from remiss.models.svarslank import hemlighet

        messages.info(
            request,
            _("Demo: länken är %(url)s") % {"url": absolut_länk("svar:öppna", hemlighet(slump))},
        )
    return redirect("instanser:detalj", pk=instans.pk)


@login_required
@require_POST
def återkalla(request, pk, länk_pk):
    instans = _extern_instans(request.user, pk)
    länk = get_object_or_404(instans.svarslänkar, pk=länk_pk)
    if länk.återkalla(av=request.user):
        messages.success(request, _("Länken är återkallad och fungerar inte längre."))
    else:
        messages.info(request, _("Länken var redan återkallad."))
    return redirect("instanser:detalj", pk=instans.pk)
