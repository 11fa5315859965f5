"""The answer to a request Django refuses before any view runs (handler400): a form larger than
DATA_UPLOAD_MAX_MEMORY_SIZE, too many fields, a malformed body. In Swedish, as JSON for the
editor's autosave (which shows ``fel`` and does not retry on its own), as a page otherwise."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _vill_ha_json(request):
    return request.headers.get(
        "X-Autosparning"
    ) == "1" or "application/json" in request.headers.get("Accept", "")


def felaktig_begäran(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        status = 413
        fel = _(
            "Det du försökte spara är för stort: högst %(mb)s MB åt gången. Inget av det har "
            "sparats. Korta det du klistrade in (bilder och tabeller från Word tar mycket plats) "
            "så sparas resten av texten som vanligt."
        ) % {"mb": settings.REMISS_MAX_FORMULAR_MB}
    elif isinstance(exception, TooManyFieldsSent):
        status = 400
        fel = _("Formuläret har för många fält för att tas emot. Inget har sparats.")
    else:
        status = 400
        fel = _("Begäran kunde inte tolkas, så inget har sparats. Ladda om sidan och försök igen.")
    if _vill_ha_json(request):
        return JsonResponse({"fel": fel}, status=status)
    return render(request, "400.html", {"fel": fel}, status=status)
