"""The ways in and out through the kommun's identity provider. Every protocol ends in
``_logga_in_med_intyg``: the person and roles from the groups, then the session."""

from django.conf import settings
from django.contrib.auth import logout
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from nämnder.inloggning import oidc
from nämnder.inloggning.grupper import Nekad, person_från_intyg
from nämnder.inloggning.session import Autentisering, logga_in

NÄSTA = "remiss_inloggning_nasta"


def säker_nästa(request, nästa):
    if nästa and url_has_allowed_host_and_scheme(
        nästa, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return nästa
    return reverse(settings.LOGIN_REDIRECT_URL)


@require_GET
def oidc_start(request):
    if not oidc.påslagen():
        raise Http404
    request.session[NÄSTA] = säker_nästa(request, request.GET.get("next"))
    return oidc.omdirigera_till_idp(request, ny_inloggning="stegupp" in request.GET)


@require_GET
def oidc_retur(request):
    if not oidc.påslagen():
        raise Http404
    try:
        intyg, id_token = oidc.intyg_från_retur(request)
    except Nekad as fel:
        return nekad(request, str(fel))
    return _logga_in_med_intyg(request, intyg, **{oidc.ID_TOKEN: id_token})


def _logga_in_med_intyg(request, intyg, **extra):
    nästa = request.session.pop(NÄSTA, None) or reverse(settings.LOGIN_REDIRECT_URL)
    try:
        användare = person_från_intyg(intyg)
    except Nekad as fel:
        return nekad(request, str(fel))
    if användare is None:
        return redirect("inloggning:ingen_roll")
    logga_in(request, användare, Autentisering(intyg.metod, intyg.tid, intyg.nivå), **extra)
    return redirect(nästa)


def nekad(request, orsak):
    return render(request, "registration/nekad.html", {"orsak": orsak}, status=403)


@require_GET
def ingen_roll(request):
    return render(request, "registration/ingen_roll.html", {"kontakt": settings.REMISS_SSO_KONTAKT})


@require_POST
def logga_ut(request):
    """Log out of Remiss and, for a person who came through OIDC, of the IdP too."""
    id_token = request.session.get(oidc.ID_TOKEN)
    logout(request)
    if id_token and oidc.påslagen():
        url = oidc.utloggning_hos_idp(request, id_token, reverse(settings.LOGOUT_REDIRECT_URL))
        if url:
            return redirect(url)
    return redirect(settings.LOGOUT_REDIRECT_URL)
