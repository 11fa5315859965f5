"""The chain every test folder shares, up to an attested utlåtande.

KS sends KS 2023/740 to utbildningsnämnden and Södermalm (``remiss``); utbildningsnämndens
registrator registers it as UN 2031/1234 and assigns the handläggare (``instans``), who starts the
tjänsteutlåtande (``utlåtande``), writes it and sends it for review (``granskas``); the
avdelningschef approves it (``godkänt``) and the direktör attests it (``attesterat``). The
avdelningschef and the direktör are the nämnd's only ones, so the utlåtande picks them as
reviewer and attester.

Each step is a fixture that builds on the one before; a test folder or module that needs other
data overrides one step (a remiss with another title, an utlåtande with a given text) and keeps
the rest. Loaded for every folder by ``pytest_plugins`` in tests/conftest.py.
"""

import datetime

import pytest

from tests.factories import RemissFactory
from yttranden.models import Tjänsteutlåtande

REMISSDATUM = datetime.date(2031, 9, 1)
SVAR_SENAST = datetime.date(2031, 10, 27)
NÄMNDENS_DNR = "UN 2031/1234"


def texter(utlåtande, **ändringar):
    """Every section's current heading and text, with ``ändringar`` (by heading) applied."""
    return {s.pk: (s.rubrik, ändringar.get(s.rubrik, s.html)) for s in utlåtande.sektioner.all()}


def skriv_klart(utlåtande, av):
    """Fill every empty mandatory section, as a handläggare does before sending."""
    ifyllt = {
        s.pk: (s.rubrik, s.html or f"<p>Text om {s.rubrik.lower()}.</p>")
        for s in utlåtande.sektioner.all()
    }
    return utlåtande.spara(ifyllt, utlåtande.versionsnummer, av=av)


def till_attest(instans, handläggare, avdelningschef, direktör):
    """The chain's last steps on any instans already assigned to ``handläggare``: start the
    utlåtande, write it, send it for review, approve and attest it."""
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    skriv_klart(utlåtande, handläggare)
    utlåtande.skicka_till_granskning(av=handläggare)
    utlåtande.godkänn(av=avdelningschef)
    utlåtande.attestera(av=direktör)
    return utlåtande


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    remiss = RemissFactory(
        nämnd=ks,
        diarienummer="KS 2023/740",
        skapad_av=ks_samordnare,
        remissdatum=REMISSDATUM,
        sista_svarsdatum=SVAR_SENAST,
        mottagare=[un, sod],
    )
    remiss.skicka(av=ks_samordnare)
    return remiss


@pytest.fixture
def instans(remiss, un, handläggare, registrator):
    instans = remiss.instanser.get(nämnd=un)
    instans.registrera(NÄMNDENS_DNR, av=registrator)
    instans.tilldela(handläggare, av=registrator)
    return instans


@pytest.fixture
def utlåtande(instans, handläggare, avdelningschef, direktör):
    return Tjänsteutlåtande.påbörja(instans, av=handläggare)


@pytest.fixture
def granskas(utlåtande, handläggare):
    skriv_klart(utlåtande, handläggare)
    utlåtande.skicka_till_granskning(av=handläggare)
    return utlåtande


@pytest.fixture
def godkänt(granskas, avdelningschef):
    granskas.godkänn(av=avdelningschef)
    return granskas


@pytest.fixture
def attesterat(godkänt, direktör):
    godkänt.attestera(av=direktör)
    return godkänt
