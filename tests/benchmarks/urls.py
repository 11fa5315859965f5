"""The project's URLs plus the benchmarks' baseline: a login-required view with a tiny response.

Only the benchmarks use this URLconf (``tests/benchmarks/settings.py`` for the load benchmark's
gunicorn, ``sidmatning.använd_benchmarkadresser`` in-process); production never routes to it.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView


@login_required
def bar_vy(request):
    """What every page costs at least: session, authentication and middleware, no work."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


class BarApiVy(APIView):
    """The API's floor: the client's token, its rate limit and a JSON answer, no work."""

    def get(self, request):
        return Response({})


urlpatterns = [
    path("bench/bar/", bar_vy, name="bench_bar"),
    path("bench/api-bar/", BarApiVy.as_view(), name="bench_api_bar"),
    path("", include("remiss.urls")),
]
