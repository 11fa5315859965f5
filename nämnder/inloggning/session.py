"""How and when the person in this session authenticated: the attest's step-up check reads it,
and the attest record keeps it."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import login

NYCKEL = "remiss_inloggning"
LÖSENORD = "lösenord"
LÖSENORD_ENGÅNGSKOD = "lösenord + engångskod"


@dataclass(frozen=True)
class Autentisering:
    metod: str  # "OIDC", "SAML", "lösenord" or "lösenord + engångskod"
    tid: datetime
    nivå: str = ""


def logga_in(request, användare, autentisering, **extra):
    """Log the person in and remember how; ``extra`` is kept in the session beside it (for
    example the ID token that RP-initiated logout hands back to the IdP)."""
    login(request, användare, backend="django.contrib.auth.backends.ModelBackend")
    anteckna(request, autentisering)
    request.session.update(extra)


def anteckna(request, autentisering):
    request.session[NYCKEL] = {
        "metod": autentisering.metod,
        "tid": autentisering.tid.isoformat(),
        "nivå": autentisering.nivå,
    }


def autentisering(request):
    """How this session's person authenticated, or None (a session from before this was
    recorded counts as unknown: the step-up check then asks for a new login)."""
    data = request.session.get(NYCKEL)
    if not data:
        return None
    return Autentisering(data["metod"], datetime.fromisoformat(data["tid"]), data.get("nivå", ""))
