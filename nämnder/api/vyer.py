"""The API's own pages: the schema, its documentation (assets served from this server, none from
the internet) and a problem for every address under /api/v1/ that is not an endpoint."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView


@extend_schema(exclude=True)
class IngenAdress(APIView):
    """Any other address under /api/v1/: a 404 problem, not the site's HTML page."""

    permission_classes = []
    authentication_classes = []
    throttle_classes = []

    def get(self, request, *args, **kwargs):
        raise NotFound(_("Det finns ingen sådan adress i API:t. Se /api/v1/dokumentation/."))

    post = put = patch = delete = get
