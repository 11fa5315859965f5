"""OpenID Connect login with Authlib: authorization code flow with PKCE (S256), state and
nonce, the ID token's signature checked against the provider's JWKS and its issuer, audience,
lifetime and nonce checked by Authlib's ``CodeIDToken``; RP-initiated logout at the provider's
``end_session_endpoint``. Configured by the REMISS_OIDC_* settings (README)."""

import logging
from datetime import UTC, datetime

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from joserfc.errors import JoseError

from nämnder.inloggning.grupper import Intyg, Nekad

logger = logging.getLogger(__name__)

ID_TOKEN = "remiss_oidc_id_token"
METOD = "OIDC"
_klienter = {}


def påslagen():
    return bool(settings.REMISS_OIDC_ISSUER)


def klient():
    """The Authlib client for the configured provider. It keeps the provider's metadata and
    JWKS once read (a key it does not know makes it read the JWKS again), so one per
    configuration and process."""
    nyckel = (settings.REMISS_OIDC_ISSUER, settings.REMISS_OIDC_CLIENT_ID)
    if nyckel not in _klienter:
        utfärdare = settings.REMISS_OIDC_ISSUER.rstrip("/")
        _klienter[nyckel] = OAuth().register(
            "kommunen",
            client_id=settings.REMISS_OIDC_CLIENT_ID,
            client_secret=settings.REMISS_OIDC_CLIENT_SECRET,
            server_metadata_url=f"{utfärdare}/.well-known/openid-configuration",
            client_kwargs={
                "scope": settings.REMISS_OIDC_SCOPES,
                "code_challenge_method": "S256",
                "timeout": 10,
            },
        )
    return _klienter[nyckel]


def omdirigera_till_idp(request, *, ny_inloggning=False):
    """Send the browser to the provider. ``ny_inloggning`` asks it to authenticate the person
    again even inside a running session there (step-up: ``prompt=login``, ``max_age=0``)."""
    extra = {"prompt": "login", "max_age": 0} if ny_inloggning else {}
    if settings.REMISS_ATTEST_NIVAER and ny_inloggning:
        extra["acr_values"] = " ".join(settings.REMISS_ATTEST_NIVAER)
    retur = request.build_absolute_uri(reverse("inloggning:oidc_retur"))
    return klient().authorize_redirect(request, retur, **extra)


def intyg_från_retur(request):
    """Finish the flow at the return URL: exchange the code (with the PKCE verifier), verify
    the ID token. Raises Nekad with a Swedish message for anything wrong."""
    try:
        token = klient().authorize_access_token(request)
    except (AuthlibBaseError, JoseError, requests.RequestException, ValueError) as fel:
        logger.warning("OIDC-inloggning nekad: %r", fel)
        raise Nekad(_förklaring(fel)) from None
    påståenden = token.get("userinfo")
    if not påståenden:
        raise Nekad(_("Inloggningstjänsten skickade ingen ID-token."))
    return _intyg(påståenden), token["id_token"]


def _förklaring(fel):
    namn = type(fel).__name__
    if namn == "MismatchingStateError":
        return _(
            "Inloggningen kunde inte kopplas till den här webbläsaren (state stämmer inte). "
            "Börja om från inloggningssidan."
        )
    if namn == "ExpiredTokenError":
        return _("Inloggningsintyget från inloggningstjänsten har gått ut. Logga in igen.")
    if namn in ("BadSignatureError", "InvalidKeyIdError", "UnsupportedAlgorithmError"):
        return _("Inloggningsintyget har en ogiltig signatur och godtas inte.")
    if namn in ("InvalidClaimError", "MissingClaimError"):
        return _(
            "Inloggningsintyget är inte utfärdat för Remiss eller hör inte till den här "
            "inloggningen (%(fel)s)."
        ) % {"fel": getattr(fel, "claim", "") or getattr(fel, "description", "") or namn}
    if isinstance(fel, requests.RequestException):
        return _("Inloggningstjänsten svarar inte. Försök igen om en stund.")
    return _("Inloggningstjänsten godkände inte inloggningen (%(fel)s).") % {
        "fel": getattr(fel, "description", "") or getattr(fel, "error", "") or namn
    }


def _intyg(p):
    grupper = p.get(settings.REMISS_OIDC_GROUPS_CLAIM) or []
    if isinstance(grupper, str):
        grupper = [grupper]
    tid = p.get("auth_time")
    return Intyg(
        metod=METOD,
        utfärdare=p["iss"],
        subjekt=p["sub"],
        användarnamn=p.get("preferred_username") or "",
        förnamn=p.get("given_name") or "",
        efternamn=p.get("family_name") or "",
        epost=p.get("email") or "",
        befattning=p.get(settings.REMISS_OIDC_TITLE_CLAIM) or "",
        grupper=frozenset(str(g) for g in grupper),
        tid=datetime.fromtimestamp(int(tid), UTC) if tid else timezone.now(),
        nivå=str(p.get("acr") or ""),
    )


def utloggning_hos_idp(request, id_token, efter):
    """RP-initiated logout: the provider ends its own session and sends the browser to
    ``efter``. None when the provider offers no end_session_endpoint."""
    try:
        return klient().create_logout_url(
            post_logout_redirect_uri=request.build_absolute_uri(efter), id_token_hint=id_token
        )["url"]
    except (RuntimeError, AuthlibBaseError, requests.RequestException) as fel:
        logger.warning("OIDC-utloggning hos inloggningstjänsten gick inte: %r", fel)
        return None
