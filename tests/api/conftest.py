"""API clients of each role, beside the people of tests/conftest.py: KS's remissamordnare
system, utbildningsnämndens diarium (registrator), its handläggare's and nämndsekreterare's
systems, and Södermalm's diarium (the outsider). Each test asks with a client's token."""

import pytest
from rest_framework.test import APIClient

from nämnder.models import ApiKlient
from nämnder.roller import Roll


def _klient(namn, nämnd, roll, av):
    return ApiKlient.skapa(namn, av=av, omfång=[(nämnd, roll)])


@pytest.fixture
def admin_person(db):
    from tests.factories import AnvändareFactory

    return AnvändareFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def klienter(ks, un, sod, admin_person):
    """name → (ApiKlient, token)."""
    return {
        "samordnare": _klient("KS ärendesystem", ks, Roll.REMISSAMORDNARE, admin_person),
        "läsare": _klient("KS uppföljning", ks, Roll.LÄSARE, admin_person),
        "registrator": _klient("Diariet UBF", un, Roll.REGISTRATOR, admin_person),
        "handläggare": _klient("UBF handläggarstöd", un, Roll.HANDLÄGGARE, admin_person),
        "nämndsekreterare": _klient(
            "UBF nämndadministration", un, Roll.NÄMNDSEKRETERARE, admin_person
        ),
        "utomstående": _klient("Diariet Södermalm", sod, Roll.REGISTRATOR, admin_person),
    }


def api(token=None):
    klient = APIClient()
    if token:
        klient.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return klient


@pytest.fixture
def som(klienter):
    """``som("registrator")``: an APIClient asking with that client's token."""
    return lambda namn: api(klienter[namn][1])
