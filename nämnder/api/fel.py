"""Every refusal and failure as an RFC 9457 problem (``application/problem+json``): ``type``,
``title``, ``status`` and a ``detail`` in Swedish, and for invalid input each error with a JSON
pointer to its field (``errors``, as the RFC's own example)."""

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)

PROBLEM = "application/problem+json"
TYPER = {
    "validering": "urn:remiss:problem:validering",
    "idempotens": "urn:remiss:problem:idempotens",
    "förhandsvillkor": "urn:remiss:problem:forhandsvillkor",
}


# The codes the models give a refused state change (already sent, already answered …): the
# request was well-formed, the object is not in a state that allows it, so 409, not 400.
KONFLIKTER = {"otillåten_övergång", "redan_skickad", "inte_utkast", "avslutad", "besvarad"}


def _titlar():
    return {
        400: _("Ogiltig begäran"),
        401: _("Inte autentiserad"),
        403: _("Åtkomst nekad"),
        404: _("Hittades inte"),
        405: _("Metoden är inte tillåten"),
        406: _("Svarsformatet stöds inte"),
        409: _("Konflikt"),
        412: _("Förhandsvillkoret uppfylls inte"),
        413: _("Begäran är för stor"),
        415: _("Mediatypen stöds inte"),
        422: _("Begäran kan inte behandlas"),
        428: _("Förhandsvillkor krävs"),
        429: _("För många anrop"),
        500: _("Internt fel"),
    }


class ProblemRenderer(JSONRenderer):
    media_type = PROBLEM


class Problem(exceptions.APIException):
    """A refusal with its own problem type (idempotency, preconditions)."""

    def __init__(self, status_kod, detail, typ):
        super().__init__(detail)
        self.status_code, self.typ = status_kod, typ


def problem(status_kod, detail, typ="about:blank", **extra):
    data = {
        "type": typ,
        "title": _titlar().get(status_kod, _("Fel")),
        "status": status_kod,
        "detail": str(detail),
        **extra,
    }
    return Response(data, status=status_kod, content_type=PROBLEM)


def _pekare(väg):
    return "#/" + "/".join(str(d).replace("~", "~0").replace("/", "~1") for d in väg)


def _fel(detalj, väg=()):
    """DRF's nested error detail as a flat list of ``{pointer, detail}``."""
    if isinstance(detalj, dict):
        return [f for nyckel, v in detalj.items() for f in _fel(v, (*väg, nyckel))]
    if isinstance(detalj, list):
        if all(not isinstance(v, dict | list) for v in detalj):
            return [{"pointer": _pekare(väg), "detail": str(v)} for v in detalj]
        return [f for i, v in enumerate(detalj) for f in _fel(v, (*väg, i))]
    return [{"pointer": _pekare(väg), "detail": str(detalj)}]


def _django_fel(fel):
    if hasattr(fel, "error_dict"):
        return {
            ("non_field_errors" if fält == "__all__" else fält): [str(m) for e in lista for m in e]
            for fält, lista in fel.error_dict.items()
        }
    return {"non_field_errors": [str(m) for m in fel.messages]}


def valideringsproblem(detalj):
    fel = [
        {**f, "pointer": "#/" if f["pointer"] == "#/non_field_errors" else f["pointer"]}
        for f in _fel(detalj)
    ]
    text = (
        fel[0]["detail"]
        if len(fel) == 1
        else _("Begäran innehåller %(antal)s fel.") % {"antal": len(fel)}
    )
    return problem(400, text, TYPER["validering"], errors=fel)


def hanterare(exc, context):
    """DRF's exception handler, answering every error as a problem."""
    if isinstance(exc, DjangoValidationError):
        set_rollback()
        if not hasattr(exc, "error_dict") and {e.code for e in exc.error_list} <= KONFLIKTER:
            return problem(409, " ".join(exc.messages))
        return valideringsproblem(_django_fel(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Det finns inget sådant, eller så får klienten inte se det."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(_("Klientens roller räcker inte för detta."))
    if not isinstance(exc, exceptions.APIException):
        logger.exception("Oväntat fel i API:t", exc_info=exc)
        set_rollback()
        return problem(500, _("Ett oväntat fel inträffade. Det är loggat; försök igen senare."))
    set_rollback()
    if isinstance(exc, exceptions.ValidationError):
        return valideringsproblem(exc.detail)
    metod = context["request"].method if context.get("request") else ""
    svar = problem(exc.status_code, _detalj(exc, metod), getattr(exc, "typ", "about:blank"))
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        svar["Retry-After"] = str(int(exc.wait) + 1)
    if isinstance(exc, exceptions.AuthenticationFailed | exceptions.NotAuthenticated):
        vy = context.get("view")
        rubrik = vy.get_authenticate_header(context["request"]) if vy else None
        if rubrik:
            svar["WWW-Authenticate"] = rubrik
    return svar


def _detalj(exc, metod):
    if isinstance(exc, exceptions.NotAuthenticated):
        return _("Anropet saknar token. Skicka Authorization: Bearer <token>.")
    if isinstance(exc, exceptions.Throttled):
        return _("Klienten har gjort för många anrop. Försök igen om %(s)s sekunder.") % {
            "s": int(exc.wait or 0) + 1
        }
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("Metoden %(metod)s finns inte för den här adressen.") % {"metod": metod}
    detalj = exc.detail
    if isinstance(detalj, dict | list):
        return "; ".join(f["detail"] for f in _fel(detalj))
    return str(detalj)


def konflikt(text):
    """The object is not in a state that allows this (already sent, already answered)."""
    raise Problem(409, text, "about:blank")
