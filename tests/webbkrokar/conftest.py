"""API clients with webhooks for the tests: utbildningsnämndens diarium (its registrator's
scope), Södermalms (the other nämnd) and KS's (a läsare's scope, which follows every recipient)."""

import pytest

from nämnder.models import ApiKlient
from nämnder.roller import Roll
from remiss.models import Webbkrok
from remiss.models.webbkrok import HÄNDELSENAMN
from tests.factories import AnvändareFactory

ALLA_HÄNDELSER = list(HÄNDELSENAMN)


@pytest.fixture(autouse=True)
def _http_till_mottagaren(settings):
    """The receivers in the tests listen on plain http on 127.0.0.1; retries come quickly."""
    settings.REMISS_WEBBKROK_TILLAT_HTTP = True
    settings.SITE_URL = "https://remiss.stad.example"
    settings.REMISS_UTKORG_BACKOFF_SEKUNDER = 0.1


@pytest.fixture
def administratör(db):
    return AnvändareFactory(username="admin", is_staff=True, is_superuser=True)


def klient(namn, nämnd, roll, av):
    return ApiKlient.skapa(namn, av=av, omfång=[(nämnd, roll)])[0]


def krok(klient, url, händelser=None, **fält):
    return Webbkrok.objects.create(
        klient=klient, url=url, händelser=händelser or ALLA_HÄNDELSER, **fält
    )


@pytest.fixture
def un_klient(un, administratör):
    return klient("Diariet UBF", un, Roll.REGISTRATOR, administratör)


@pytest.fixture
def sod_klient(sod, administratör):
    return klient("Södermalms diarium", sod, Roll.REGISTRATOR, administratör)


@pytest.fixture
def ks_klient(ks, administratör):
    return klient("KS diarium", ks, Roll.LÄSARE, administratör)
