"""/favicon.ico, which browsers ask for on every page that names no icon (the admin's pages do
not): the real icon from the static files, never a 404."""

import functools

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET


@functools.cache
def _ikon():
    sökväg = finders.find("favicon.ico")
    if not sökväg:
        return None
    with open(sökväg, "rb") as fil:
        return fil.read()


@require_GET
def favicon(request):
    ikon = _ikon()
    if ikon is None:
        raise Http404
    svar = HttpResponse(ikon, content_type="image/x-icon")
    svar["Cache-Control"] = "public, max-age=86400"
    return svar
