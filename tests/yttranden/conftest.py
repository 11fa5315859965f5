"""A remiss from KS sent to utbildningsnämnden, assigned to the handläggare, and the
tjänsteutlåtande she starts on it. The avdelningschef and the direktör are the nämnd's only
ones, so the utlåtande picks them as reviewer and attester."""

import datetime

import pytest

from tests.factories import RemissFactory
from yttranden.models import Tjänsteutlåtande

SVAR_SENAST = datetime.date(2031, 10, 27)


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    remiss = RemissFactory(
        nämnd=ks,
        diarienummer="KS 2023/740",
        skapad_av=ks_samordnare,
        remissdatum=datetime.date(2031, 9, 1),
        sista_svarsdatum=SVAR_SENAST,
        mottagare=[un, sod],
    )
    remiss.skicka(av=ks_samordnare)
    return remiss


@pytest.fixture
def instans(remiss, un, handläggare, registrator):
    instans = remiss.instanser.get(nämnd=un)
    instans.registrera("UN 2031/1234", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    return instans


@pytest.fixture
def utlåtande(instans, handläggare, avdelningschef, direktör):
    return Tjänsteutlåtande.påbörja(instans, av=handläggare)


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
