"""Step-up for attest: attesting asks for an authentication no older than
REMISS_ATTEST_MAX_MINUTER and, when the IdP reported an assurance level, one of
REMISS_ATTEST_NIVAER. Otherwise the person is sent to authenticate again (the IdP is asked to
authenticate anew: OIDC ``prompt=login``/``max_age=0``, SAML ``ForceAuthn``) and comes back to
the page they came from."""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nämnder.inloggning import oidc, saml
from nämnder.inloggning.session import autentisering


class KräverNyInloggning(Exception):
    """The session's authentication is not enough for the step; the message says why."""


def kontrollera(request):
    """The session's authentication, when it is fresh and strong enough for an attest;
    otherwise raises KräverNyInloggning with a Swedish reason."""
    a = autentisering(request)
    gräns = settings.REMISS_ATTEST_MAX_MINUTER
    if a is None or timezone.now() - a.tid > timedelta(minutes=gräns):
        raise KräverNyInloggning(
            _(
                "För att attestera behöver du ha loggat in under de senaste %(min)s minuterna. "
                "Logga in igen, så kommer du tillbaka hit."
            )
            % {"min": gräns}
        )
    if a.nivå and settings.REMISS_ATTEST_NIVAER and a.nivå not in settings.REMISS_ATTEST_NIVAER:
        raise KräverNyInloggning(
            _(
                "Din inloggning har tillitsnivån %(nivå)s, men attest kräver %(krav)s. "
                "Logga in igen med en starkare inloggning, så kommer du tillbaka hit."
            )
            % {"nivå": a.nivå, "krav": _(" eller ").join(settings.REMISS_ATTEST_NIVAER)}
        )
    return a


def ny_inloggning(request, tillbaka):
    """Where to authenticate anew, the same way the session's person came in, and then come
    back to ``tillbaka``."""
    a = autentisering(request)
    metod = a.metod if a else ""
    fråga = urlencode({"next": tillbaka, "stegupp": 1})
    if metod == oidc.METOD and oidc.påslagen():
        return f"{reverse('inloggning:oidc_start')}?{fråga}"
    if metod == saml.METOD and saml.påslagen():
        return f"{reverse('inloggning:saml_start')}?{fråga}"
    return f"{reverse('login')}?{fråga}"
