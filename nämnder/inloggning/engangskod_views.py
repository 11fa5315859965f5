"""The person's own page for the one-time code, and the login's second step."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from nämnder.inloggning import engangskod
from nämnder.inloggning.session import LÖSENORD_ENGÅNGSKOD, Autentisering, logga_in

VÄNTA = gettext_lazy("För många felaktiga koder i rad. Vänta en stund och försök igen.")
PÅSLAGEN = gettext_lazy(
    "Engångskoden är påslagen. Nästa gång du loggar in frågar Remiss efter den."
)
FEL_KOD = gettext_lazy(
    "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök igen."
)


@login_required
@require_http_methods(["GET", "POST"])
def konto(request):
    """Set up a one-time code (QR code and the key in text, confirmed with a first code), or
    see that one is set up and remove it."""
    användare = request.user
    context = {"krav": engangskod.saknas(request), "lokalt_konto": användare.has_usable_password()}
    if not context["lokalt_konto"]:
        return render(request, "registration/engangskod_konto.html", context)
    if (befintlig := engangskod.enhet(användare)) is not None:
        context["enhet"] = befintlig
        context["ta_bort_form"] = engangskod.KodForm(prefix="ta_bort")
        return render(request, "registration/engangskod_konto.html", context)
    ny = engangskod.ny_enhet(request)
    form = engangskod.KodForm(request.POST or None)
    if form.is_valid():
        if engangskod.bekräfta(request, ny, form.cleaned_data["kod"]):
            messages.success(request, PÅSLAGEN)
            return redirect(settings.LOGIN_REDIRECT_URL)
        form.add_error("kod", FEL_KOD)
    context.update(
        form=form, qr=mark_safe(engangskod.qr_svg(ny)), hemlighet=engangskod.hemlighet(ny)
    )
    status = 400 if form.errors else 200
    return render(request, "registration/engangskod_konto.html", context, status=status)


@login_required
@require_POST
def ta_bort(request):
    """Remove the one-time code, with a current code from the app: a session left open on
    someone else's screen is not enough to take away the second factor. A wrong code counts as
    a failed login (django-axes), as in the login's second step."""
    befintlig = engangskod.enhet(request.user)
    if befintlig is None:
        return redirect("inloggning:engangskod_konto")
    form = engangskod.KodForm(request.POST, prefix="ta_bort")
    if form.is_valid():
        utfall = engangskod.pröva_kod(request, request.user, form.cleaned_data["kod"])
        if utfall == engangskod.RÄTT:
            engangskod.ta_bort(request)
            text = _("Engångskoden är borttagen. Nu loggar du in med bara lösenordet.")
            messages.success(request, text)
            return redirect("inloggning:engangskod_konto")
        form.add_error("kod", FEL_KOD if utfall == engangskod.FEL else VÄNTA)
    context = {"enhet": befintlig, "lokalt_konto": True, "ta_bort_form": form}
    return render(request, "registration/engangskod_konto.html", context, status=400)


@require_http_methods(["GET", "POST"])
def andra_steget(request):
    """The login's second step: the password was right, now the code."""
    väntar = engangskod.väntande(request)
    if väntar is None:
        messages.error(request, _("Inloggningen tog för lång tid. Logga in igen."))
        return redirect("login")
    användare, nästa = väntar
    form = engangskod.KodForm(request.POST or None)
    if form.is_valid():
        utfall = engangskod.pröva_kod(request, användare, form.cleaned_data["kod"])
        if utfall == engangskod.RÄTT:
            logga_in(request, användare, Autentisering(LÖSENORD_ENGÅNGSKOD, timezone.now()))
            return redirect(nästa)
        form.add_error("kod", FEL_KOD if utfall == engangskod.FEL else VÄNTA)
    return render(
        request, "registration/engangskod.html", {"form": form}, status=400 if form.errors else 200
    )
