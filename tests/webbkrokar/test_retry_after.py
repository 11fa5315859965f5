"""A receiver that answers 429 or 503 with Retry-After is not asked again sooner than it said
(at most a day later); without one, or asking for less, the outbox's own backoff holds."""

import datetime

import pytest
from django.utils import timezone
from django.utils.http import http_date

from remiss import utkorg
from remiss.models import Utkorgspost, Webbkroksleverans
from tests.vanta import vänta_tills
from tests.webbkrokar.conftest import krok
from tests.webbkrokar.mottagare import Mottagare

NU = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "rubrik, sekunder",
    [
        ("120", 120),
        (" 3600 ", 3600),
        ("0", 0),
        (http_date((NU + datetime.timedelta(minutes=10)).timestamp()), 600),
        (http_date((NU - datetime.timedelta(minutes=10)).timestamp()), 0),  # already passed
        ("9999999", utkorg.LÄNGSTA_BEGÄRDA_VÄNTAN),
        ("", None),
        (None, None),
        ("i morgon", None),
        ("-5", None),
    ],
)
def test_retry_after_is_read_as_seconds_or_a_date(rubrik, sekunder):
    assert utkorg.vänta_enligt(rubrik, nu=NU) == sekunder


@pytest.mark.parametrize(
    "kod, retry_after, längst",
    [(429, "7200", 7200), (503, "7200", 7200), (503, "1", None)],
)
def test_the_next_attempt_waits_as_long_as_the_receiver_asked_and_never_less_than_the_backoff(
    celeryarbetare, settings, instans, handläggare, registrator, un_klient, kod, retry_after, längst
):
    settings.REMISS_UTKORG_BACKOFF_SEKUNDER = 600  # the first backoff: 480–720 s
    with Mottagare(fel=1, felkod=kod, retry_after=retry_after) as hos_un:
        webbkrok = krok(un_klient, hos_un.url, ["remissinstans.tilldelad"])
        hos_un.hemlighet = webbkrok.hemlighet
        instans.tilldela(handläggare, av=registrator)
        väntande = Utkorgspost.objects.filter(
            uppdrag="webbkrok.leverera", status=Utkorgspost.S.VÄNTAR, försök=1
        )
        vänta_tills(väntande.exists)
    kvar = (väntande.get().nästa_försök - timezone.now()).total_seconds()
    if längst:
        assert längst - 200 < kvar <= längst
    else:  # asked for a second: the backoff's first wait (the base, ± 20 %) holds
        assert 480 - 60 < kvar <= 720
    assert Webbkroksleverans.objects.get().svarskod == kod
    assert hos_un.avvisade and hos_un.tagna == []
