"""The API's own pages: the schema, its documentation (assets served from this server, none from
the internet) and a problem for every address under /api/v1/ that is not an endpoint."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView


class Dokumentation(SpectacularRedocView):
    """Redoc, with every asset from here: the template drops drf-spectacular's fonts from Google,
    and the page's policy refuses anything from elsewhere (Redoc's own footer links an image
    on its CDN, which is then neither fetched nor shown)."""

    template_name = "api/redoc.html"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        svar = super().get(request, *args, **kwargs)
        svar["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "worker-src 'self' blob:; frame-ancestors 'none'"
        )
        return svar


@extend_schema(exclude=True)
class IngenAdress(APIView):
    """Any other address under /api/v1/: a 404 problem, not the site's HTML page."""

    permission_classes = []
    authentication_classes = []
    throttle_classes = []

    def get(self, request, *args, **kwargs):
        raise NotFound(_("Det finns ingen sådan adress i API:t. Se /api/v1/dokumentation/."))

    post = put = patch = delete = get
