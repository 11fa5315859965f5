"""Rate limits per client (not per address: one diarium behind a proxy is one client), counted in
the shared cache (Redis), so every web process counts the same requests."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class PerKlient(SimpleRateThrottle):
    scope = "klient"

    def get_rate(self):
        # Read when asked, not when DRF's class was defined, so a changed setting takes effect.
        return settings.REMISS_API_GRANS

    def get_cache_key(self, request, view):
        if request.auth is None:
            return None  # refused before it counts: 401
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
