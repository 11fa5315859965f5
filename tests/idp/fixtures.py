"""Fixtures: the kommun's groups mapped to roles, and the test IdPs as running processes.

The kommun's people at its IdP: Anna Lindqvist, handläggare in utbildningsförvaltningen (and a
KS reader), Lena Holmdahl, utbildningsdirektör, and Olle Ek, whose only group Remiss does not
know."""

import pytest

from nämnder.models import Gruppkoppling
from nämnder.roller import Roll
from tests.idp.process import IdpProcess
from tests.idp.saml_idp import nyckelpar

KLIENT_ID = "remiss-test"
KLIENT_HEMLIGHET = "hemlighet-som-bara-finns-i-testerna"
LÖSENORD = "kommunens-lösenord"

PERSONER = {
    "anna": {
        "sub": "a1b2c3-anna",
        "given_name": "Anna",
        "family_name": "Lindqvist",
        "email": "anna.lindqvist@edu.stockholm.se",
        "jobTitle": "Utredare",
        "groups": ["UN-Handlaggare", "KS-Lasare"],
    },
    "lena": {
        "sub": "d4e5f6-lena",
        "given_name": "Lena",
        "family_name": "Holmdahl",
        "email": "lena.holmdahl@edu.stockholm.se",
        "jobTitle": "Utbildningsdirektör",
        "groups": ["UN-Direktor"],
        "acr": "http://id.elegnamnden.se/loa/1.0/loa3",
    },
    "olle": {
        "sub": "g7h8i9-olle",
        "given_name": "Olle",
        "family_name": "Ek",
        "email": "olle.ek@stockholm.se",
        "groups": ["Alla-medarbetare"],
    },
}


@pytest.fixture
def gruppkopplingar(un, ks):
    for grupp, nämnd, roll in [
        ("UN-Handlaggare", un, Roll.HANDLÄGGARE),
        ("UN-Direktor", un, Roll.DIREKTÖR),
        ("KS-Lasare", ks, Roll.LÄSARE),
    ]:
        Gruppkoppling.objects.create(grupp=grupp, nämnd=nämnd, roll=roll)


@pytest.fixture
def oidc_idp(tmp_path, live_server, settings, gruppkopplingar):
    """The kommun's OpenID Connect provider, running, with Remiss registered at it."""
    fil = tmp_path / "oidc-idp.json"
    retur = f"{live_server.url}/logga-in/oidc/retur/"
    IdpProcess.skriv_fil(
        fil,
        {
            "klient": {
                "id": KLIENT_ID,
                "hemlighet": KLIENT_HEMLIGHET,
                "omdirigeringar": [retur],
                "utloggningar": [f"{live_server.url}/logga-in/"],
            },
            "personer": {n: {**p, "lösenord": LÖSENORD} for n, p in PERSONER.items()},
            "fel": {},
        },
    )
    idp = IdpProcess("tests.idp.oidc_provider", fil)
    settings.REMISS_OIDC_ISSUER = idp.url
    settings.REMISS_OIDC_CLIENT_ID = KLIENT_ID
    settings.REMISS_OIDC_CLIENT_SECRET = KLIENT_HEMLIGHET
    yield idp
    idp.stoppa()


@pytest.fixture
def saml_idp(tmp_path, live_server, settings, gruppkopplingar):
    """The kommun's SAML IdP, running, with Remiss (its metadata at the stable URL) known to
    it, and Remiss's own key pair for signing its requests."""
    katalog = tmp_path / "saml"
    katalog.mkdir()
    fil = katalog / "idp.json"
    IdpProcess.skriv_fil(
        fil,
        {"personer": {n: {**p, "lösenord": LÖSENORD} for n, p in PERSONER.items()}, "fel": {}},
    )
    nyckelpar(katalog, "remiss")
    settings.SITE_URL = live_server.url
    idp = IdpProcess(
        "tests.idp.saml_idp",
        fil,
        "--katalog",
        str(katalog),
        "--sp-metadata",
        f"{live_server.url}/logga-in/saml/metadata/",
        värd="localhost",  # like the live server: the IdP's POST back stays same-site
    )
    settings.REMISS_SAML_IDP_METADATA = str(katalog / "idp-metadata.xml")
    settings.REMISS_SAML_CERT = str(katalog / "remiss-cert.pem")
    settings.REMISS_SAML_KEY = str(katalog / "remiss-nyckel.pem")
    yield idp
    idp.stoppa()
