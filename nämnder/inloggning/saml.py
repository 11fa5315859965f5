"""SAML 2.0 login with pysaml2 as the service provider: AuthnRequests signed with Remiss's own
key (HTTP-Redirect), responses by HTTP-POST whose assertions must be signed by the IdP in its
metadata, addressed to Remiss (audience), within their lifetime and answering a request this
browser started (InResponseTo; unsolicited responses are refused); each assertion is accepted
once. Single logout by HTTP-Redirect. Configured by the REMISS_SAML_* settings (README)."""

import logging
import secrets
import shutil
from calendar import timegm
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NameID, name_id_from_string
from saml2.time_util import str_to_time

from nämnder.inloggning.grupper import Intyg, Nekad

logger = logging.getLogger(__name__)

METOD = "SAML"
COOKIE = "remiss_saml"
SESSION = "remiss_saml_session"
VÄNTETID = 10 * 60  # seconds a started login may take at the IdP
_klienter = {}


def påslagen():
    return bool(settings.REMISS_SAML_IDP_METADATA)


def entity_id():
    return (
        settings.REMISS_SAML_ENTITY_ID
        or f"{settings.SITE_URL}{reverse('inloggning:saml_metadata')}"
    )


def konfiguration():
    källa = settings.REMISS_SAML_IDP_METADATA
    metadata = {"remote": [{"url": källa}]} if "://" in källa else {"local": [källa]}
    bas = settings.SITE_URL
    nycklar = {
        "key_file": str(settings.REMISS_SAML_KEY),
        "cert_file": str(settings.REMISS_SAML_CERT),
    }
    konf = SPConfig()
    konf.load(
        {
            "entityid": entity_id(),
            "service": {
                "sp": {
                    "endpoints": {
                        "assertion_consumer_service": [
                            (f"{bas}{reverse('inloggning:saml_acs')}", BINDING_HTTP_POST)
                        ],
                        "single_logout_service": [
                            (f"{bas}{reverse('inloggning:saml_sls')}", BINDING_HTTP_REDIRECT)
                        ],
                    },
                    "want_assertions_signed": True,
                    "want_response_signed": False,
                    "authn_requests_signed": True,
                    "logout_requests_signed": True,
                    "allow_unsolicited": False,
                }
            },
            **nycklar,
            "encryption_keypairs": [nycklar],
            "xmlsec_binary": shutil.which("xmlsec1"),
            "metadata": metadata,
            "accepted_time_diff": 60,
            "allow_unknown_attributes": True,
        }
    )
    return konf


def klient():
    """The pysaml2 client; it holds the IdP's metadata once read, so one per configuration and
    process."""
    nyckel = (settings.REMISS_SAML_IDP_METADATA, entity_id(), settings.SITE_URL)
    if nyckel not in _klienter:
        _klienter[nyckel] = Saml2Client(config=konfiguration())
    return _klienter[nyckel]


def metadata():
    return create_metadata_string(None, config=konfiguration(), valid=24 * 365).decode()


def omdirigera_till_idp(request, nästa, *, ny_inloggning=False):
    """The URL of a signed AuthnRequest to the IdP, and a token for this browser's cookie: the
    request's id waits under it (in the cache, not the session, whose cookie a cross-site POST
    back from the IdP does not carry) until the answer comes."""
    extra = {}
    if ny_inloggning:
        extra["force_authn"] = "true"
        if settings.REMISS_ATTEST_NIVAER:
            extra["requested_authn_context"] = {
                "authn_context_class_ref": settings.REMISS_ATTEST_NIVAER,
                "comparison": "exact",
            }
    förfrågan_id, info = klient().prepare_for_authenticate(
        binding=BINDING_HTTP_REDIRECT, sign=True, **extra
    )
    token = secrets.token_urlsafe(24)
    cache.set(f"saml-vantar:{token}", {förfrågan_id: nästa}, VÄNTETID)
    return dict(info["headers"])["Location"], token


def intyg_från_svar(request):
    """Check the IdP's answer and return (Intyg, where to go next, the logout data). Raises
    Nekad with a Swedish message for anything wrong."""
    token = request.COOKIES.get(COOKIE, "")
    väntande = (cache.get(f"saml-vantar:{token}") or {}) if token else {}
    try:
        svar = klient().parse_authn_request_response(
            request.POST.get("SAMLResponse", ""), BINDING_HTTP_POST, outstanding=väntande
        )
    except Exception as fel:  # pysaml2 raises many kinds, some plain Exception
        logger.warning("SAML-inloggning nekad: %r", fel)
        raise Nekad(_förklaring(fel)) from None
    if svar is None or svar.assertion is None:
        raise Nekad(_("Inloggningstjänsten skickade inget giltigt inloggningsintyg."))
    # Accepted once: an answer sent again (replayed) is refused even within its lifetime.
    if not cache.add(f"saml-intyg:{svar.assertion.id}", 1, 24 * 3600):
        raise Nekad(_("Inloggningsintyget har redan använts och godtas inte igen."))
    cache.delete(f"saml-vantar:{token}")
    info = svar.session_info()
    nästa = väntande.get(svar.in_response_to)
    utloggning = {
        "name_id": str(info["name_id"]),
        "session_index": info.get("session_index") or "",
        "idp": info["issuer"],
    }
    return _intyg(info), nästa, utloggning


def _förklaring(fel):
    namn = type(fel).__name__
    text = str(fel)
    if namn in ("SignatureError", "IncorrectlySigned") or "signature" in text.lower():
        return _("Inloggningsintyget har en ogiltig signatur och godtas inte.")
    if namn in ("ResponseLifetimeExceed", "ToEarly") or text == "Condition not OK":
        return _("Inloggningsintyget från inloggningstjänsten har gått ut. Logga in igen.")
    if "AudienceRestrictions" in text:
        return _("Inloggningsintyget är inte utfärdat för Remiss och godtas inte.")
    if namn == "UnsolicitedResponse":
        return _(
            "Inloggningsintyget hör inte till någon inloggning som började i den här "
            "webbläsaren, eller har redan använts. Börja om från inloggningssidan."
        )
    return _("Inloggningstjänsten godkände inte inloggningen (%(fel)s).") % {"fel": namn}


def _första(ava, namn):
    värden = ava.get(namn) or []
    return str(värden[0]) if värden else ""


def _intyg(info):
    ava = info["ava"]
    klass, _myndigheter, ögonblick = (info.get("authn_info") or [("", [], "")])[0]
    tid = datetime.fromtimestamp(timegm(str_to_time(ögonblick)), UTC) if ögonblick else None
    return Intyg(
        metod=METOD,
        utfärdare=info["issuer"],
        subjekt=str(info["name_id"].text),
        användarnamn=_första(ava, "uid") or _första(ava, "eduPersonPrincipalName"),
        förnamn=_första(ava, "givenName"),
        efternamn=_första(ava, "sn"),
        epost=_första(ava, "mail"),
        befattning=_första(ava, settings.REMISS_SAML_TITLE_ATTRIBUTE),
        grupper=frozenset(str(g) for g in ava.get(settings.REMISS_SAML_GROUPS_ATTRIBUTE, [])),
        tid=tid or timezone.now(),
        nivå=klass,
    )


def utloggning_hos_idp(data, efter):
    """Single logout: the URL of a signed LogoutRequest to the IdP, or None."""
    try:
        k = klient()
        mål = k.metadata.single_logout_service(data["idp"], BINDING_HTTP_REDIRECT, "idpsso")
        destination = mål[0]["location"]
        förfrågan_id, förfrågan = k.create_logout_request(
            destination,
            data["idp"],
            name_id=_name_id(data["name_id"]),
            session_indexes=[data["session_index"]] if data["session_index"] else None,
            sign=False,
        )
        http = k.apply_binding(BINDING_HTTP_REDIRECT, str(förfrågan), destination, efter, sign=True)
    except Exception as fel:  # no SLO endpoint, metadata gone: log out of Remiss only
        logger.warning("SAML-utloggning hos inloggningstjänsten gick inte: %r", fel)
        return None
    return dict(http["headers"])["Location"]


def _name_id(text):
    return name_id_from_string(text) if text.startswith("<") else NameID(text=text)
