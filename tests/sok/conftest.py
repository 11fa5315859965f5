"""A remiss from KS on the samverkansöverenskommelse, sent to utbildningsnämnden and Södermalm,
and utbildningsförvaltningen's tjänsteutlåtande on it, all in the search index. The steps after
the draft (``granskas``, ``godkänt``, ``attesterat``) are the shared chain's (tests/kedja.py)."""

import datetime

import pytest

from remiss.sok.fraga import Urval, sök
from tests.factories import RemissFactory
from yttranden.models import Tjänsteutlåtande

TITEL = "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm"
UTKASTTEXT = "Förvaltningen vill utreda fritidsgårdarnas kvällsöppettider i Hässelby."


def träffar(user, fråga, **filter):
    """The posts ``user`` finds for ``fråga``, as the search page lists them."""
    return sök(user, Urval(fråga=fråga, **filter), per_sida=100).sida.object_list


def utkast(ks, ks_samordnare, dnr, titel, beskrivning, remissdatum, svarsdatum):
    """A remiss draft from KS, in the index (drafts are found by the remissamordnare)."""
    remiss = RemissFactory.build(
        nämnd=ks,
        diarienummer=dnr,
        titel=titel,
        beskrivning=beskrivning,
        skapad_av=ks_samordnare,
        remissdatum=remissdatum,
        sista_svarsdatum=svarsdatum,
    )
    remiss.spara_utkast(av=ks_samordnare, ny=True)
    return remiss


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    remiss = RemissFactory.build(
        nämnd=ks,
        diarienummer="KS 2023/740",
        titel=TITEL,
        beskrivning="Kommunstyrelsen remitterar överenskommelsen om samverkan med polisen.",
        skapad_av=ks_samordnare,
        remissdatum=datetime.date(2023, 9, 1),
        sista_svarsdatum=datetime.date(2023, 10, 27),
    )
    remiss.spara_utkast(av=ks_samordnare, ny=True)
    remiss.mottagare.set([un, sod])
    return remiss


@pytest.fixture
def skickad(remiss, ks_samordnare):
    remiss.skicka(av=ks_samordnare, dag=remiss.remissdatum)  # sent the day it is dated
    return remiss


@pytest.fixture
def instans(skickad, un, handläggare, registrator):
    instans = skickad.instanser.get(nämnd=un)
    instans.registrera("UN 2023/1872", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    return instans


@pytest.fixture
def utlåtande(instans, handläggare, avdelningschef, direktör):
    """Utbildningsförvaltningen's draft, with a sentence no one outside should find."""
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    texter = {
        s.pk: (s.rubrik, f"<p>{UTKASTTEXT}</p>" if s.rubrik == "Sammanfattning" else s.html)
        for s in utlåtande.sektioner.all()
    }
    utlåtande.spara(texter, utlåtande.versionsnummer, av=handläggare)
    return utlåtande
