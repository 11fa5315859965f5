"""External organisations in tests: Funktionshindersrådet with a contact person, a remiss sent
to it (and to utbildningsnämnden), and its contact's personal link."""

import uuid

import pytest
from django.urls import reverse

from remiss.models import Kontaktperson, Organisation, Svarslänk
from remiss.models.svarslank import hemlighet
from tests.factories import RemissFactory


@pytest.fixture
def rådet(db):
    org = Organisation.objects.create(
        namn="Funktionshindersrådet", organisationsnummer="212000-0142"
    )
    Kontaktperson.objects.create(organisation=org, namn="Sara Ek", epost="sara@radet.example")
    return org


@pytest.fixture
def polisen(db):
    org = Organisation.objects.create(namn="Polismyndigheten", organisationsnummer="202100-0076")
    Kontaktperson.objects.create(organisation=org, namn="Per Blå", epost="per@polisen.example")
    return org


def skickad_till(ks, samordnare, *organisationer, nämnder=(), dnr="KS 2031/900"):
    remiss = RemissFactory(
        nämnd=ks, diarienummer=dnr, mottagare=list(nämnder), skapad_av=samordnare
    )
    remiss.externa_mottagare.set(organisationer)
    remiss.skicka(av=samordnare)
    return remiss


def länk_till(instans, kontakt=None, **fält):
    """A fresh personal link and the path the e-mail would carry."""
    kontakt = kontakt or instans.organisation.kontaktpersoner.first()
    länk, slump = Svarslänk.utfärda(instans, kontakt, **fält)
    return länk, reverse("svar:öppna", args=[hemlighet(slump)])


def egen_adress():
    """A client address of one's own, so the guessing limit of one test never meets another's."""
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
