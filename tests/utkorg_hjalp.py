"""Waiting on the outbox (remiss/utkorg.py) in tests that run a real worker."""

from remiss.models import Utkorgspost
from tests.vanta import vänta_tills


def vänta_på_utkorgen(sekunder=30):
    """Wait until no row in the outbox is waiting or under way; returns every row."""
    ogjorda = [Utkorgspost.S.VÄNTAR, Utkorgspost.S.PÅGÅR]
    vänta_tills(lambda: not Utkorgspost.objects.filter(status__in=ogjorda).exists(), sekunder)
    return list(Utkorgspost.objects.order_by("pk"))
