"""The ways in and out through the kommun's identity provider. Every protocol ends in
``_logga_in_med_intyg``: the person and roles from the groups, then the session."""

from django.conf import settings
from django.contrib.auth import logout
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from nämnder.inloggning import oidc, saml
from nämnder.inloggning.grupper import Nekad, person_från_intyg
from nämnder.inloggning.session import Autentisering, logga_in

NÄSTA = "remiss_inloggning_nasta"
STEGUPP = "remiss_stegupp_for"


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
    _minns_stegupp(request)
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


@require_GET
def saml_start(request):
    if not saml.påslagen():
        raise Http404
    nästa = säker_nästa(request, request.GET.get("next"))
    _minns_stegupp(request)
    url, token = saml.omdirigera_till_idp(request, nästa, ny_inloggning="stegupp" in request.GET)
    svar = redirect(url)
    # SameSite=None so that the IdP's cross-site POST back carries it (browsers allow that
    # only on a Secure cookie); it holds nothing but a random key to the started login.
    säker = request.is_secure()
    svar.set_cookie(
        saml.COOKIE,
        token,
        max_age=saml.VÄNTETID,
        secure=säker,
        httponly=True,
        samesite="None" if säker else "Lax",
        path=reverse("inloggning:saml_acs"),
    )
    return svar


@csrf_exempt  # the IdP posts here; the signed assertion and InResponseTo are the protection
@require_POST
def saml_acs(request):
    if not saml.påslagen():
        raise Http404
    try:
        intyg, nästa, utloggning = saml.intyg_från_svar(request)
    except Nekad as fel:
        return nekad(request, str(fel))
    request.session[NÄSTA] = säker_nästa(request, nästa)
    svar = _logga_in_med_intyg(request, intyg, **{saml.SESSION: utloggning})
    svar.delete_cookie(saml.COOKIE, path=reverse("inloggning:saml_acs"))
    return svar


@require_GET
def saml_sls(request):
    """Where the IdP sends the browser back after single logout (Remiss's own session ended
    before the browser went there)."""
    if not saml.påslagen():
        raise Http404
    return redirect(settings.LOGOUT_REDIRECT_URL)


@require_GET
def saml_metadata(request):
    if not saml.påslagen():
        raise Http404
    return HttpResponse(saml.metadata(), content_type="application/samlmetadata+xml")


def _minns_stegupp(request):
    """A step-up must be done by the person already logged in, not by someone else at the
    same computer."""
    if "stegupp" in request.GET and request.user.is_authenticated:
        request.session[STEGUPP] = request.user.pk
    else:
        request.session.pop(STEGUPP, None)


def _logga_in_med_intyg(request, intyg, **extra):
    nästa = request.session.pop(NÄSTA, None) or reverse(settings.LOGIN_REDIRECT_URL)
    stegupp_för = request.session.pop(STEGUPP, None)
    try:
        användare = person_från_intyg(intyg)
    except Nekad as fel:
        return nekad(request, str(fel))
    if stegupp_för is not None and (användare is None or användare.pk != stegupp_för):
        logout(request)
        return nekad(
            request,
            _("Den nya inloggningen gällde en annan person. Du är utloggad; logga in igen."),
        )
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
    """Log out of Remiss and, for a person who came through the kommun's IdP, of it too."""
    id_token = request.session.get(oidc.ID_TOKEN)
    saml_session = request.session.get(saml.SESSION)
    logout(request)
    efter = reverse(settings.LOGOUT_REDIRECT_URL)
    url = None
    if id_token and oidc.påslagen():
        url = oidc.utloggning_hos_idp(request, id_token, efter)
    elif saml_session and saml.påslagen():
        url = saml.utloggning_hos_idp(saml_session, efter)
    return redirect(url or efter)
