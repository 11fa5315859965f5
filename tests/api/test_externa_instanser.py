"""External remissinstanser through the API: an instans is a nämnd or an organisation from KS's
register, and the API says which – the organisation's id, name and organisationsnummer – in the
instans endpoints and in the remiss's list of instanser, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from remiss.models import Kontaktperson, Organisation
from tests.extern import polisen, rådet, skickad_till  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def remiss(ks, un, ks_samordnare, rådet, polisen):  # noqa: F811
    return skickad_till(ks, ks_samordnare, rådet, polisen, nämnder=[un])


def test_the_instans_endpoint_names_the_external_organisation(remiss, som, rådet):  # noqa: F811
    instans = remiss.instanser.get(organisation=rådet)
    svar = som("samordnare").get(f"/api/v1/remissinstanser/{instans.pk}/")
    assert svar.status_code == 200, svar.content
    data = svar.json()
    assert data["namnd"] is None
    assert data["organisation"] == {
        "id": rådet.pk,
        "namn": "Funktionshindersrådet",
        "organisationsnummer": "212000-0142",
    }
    assert data["status"] == "mottagen" and data["svarsdatum"] == str(instans.svarsdatum)


def test_a_nämnds_instans_has_no_organisation(remiss, som, un):
    instans = remiss.instanser.get(nämnd=un)
    data = som("samordnare").get(f"/api/v1/remissinstanser/{instans.pk}/").json()
    assert data["namnd"]["namn"] == "Utbildningsnämnden" and data["organisation"] is None


def test_the_remiss_lists_its_nämnder_and_organisations(remiss, som):
    data = som("samordnare").get(f"/api/v1/remisser/{remiss.pk}/").json()
    mottagare = sorted(
        (i["namnd"] or {}).get("namn") or i["organisation"]["namn"] for i in data["instanser"]
    )
    assert mottagare == ["Funktionshindersrådet", "Polismyndigheten", "Utbildningsnämnden"]
    polisen_ = next(i for i in data["instanser"] if i["organisation"])
    assert set(polisen_["organisation"]) == {"id", "namn", "organisationsnummer"}


def test_the_nämnds_diarium_sees_no_external_instans(remiss, som):
    data = som("registrator").get("/api/v1/remissinstanser/").json()
    assert [i["organisation"] for i in data["results"]] == [None]


def _frågor(klient, url):
    with CaptureQueriesContext(connection) as frågor:
        svar = klient.get(url)
    assert svar.status_code == 200
    return len(frågor), svar.json()


def _orgnr(början):
    """``början`` (nine digits) with its Luhn check digit, as NNNNNN-NNNN."""
    for kontroll in "0123456789":
        siffror = [int(c) for c in början + kontroll]
        summa = sum(d * 2 - 9 if d * 2 > 9 else d * 2 for d in siffror[0::2]) + sum(siffror[1::2])
        if summa % 10 == 0:
            return f"{början[:6]}-{början[6:]}{kontroll}"
    raise AssertionError


def test_more_organisations_cost_no_more_queries(remiss, som, ks_samordnare):
    klient = som("samordnare")
    klient.get("/api/v1/remissinstanser/")  # the token's first use is recorded once
    före, _ = _frågor(klient, "/api/v1/remissinstanser/")
    före_remiss, _ = _frågor(klient, f"/api/v1/remisser/{remiss.pk}/")
    for i in range(4):
        org = Organisation.objects.create(
            namn=f"Förening {i}", organisationsnummer=_orgnr(f"80240{i}111")
        )
        Kontaktperson.objects.create(organisation=org, namn="Kim", epost=f"kim{i}@f.example")
        remiss.lägg_till_organisation(org, av=ks_samordnare)
    efter, lista = _frågor(klient, "/api/v1/remissinstanser/")
    efter_remiss, detalj = _frågor(klient, f"/api/v1/remisser/{remiss.pk}/")
    assert sum(1 for i in lista["results"] if i["organisation"]) == 6
    assert sum(1 for i in detalj["instanser"] if i["organisation"]) == 6
    assert (efter, efter_remiss) == (före, före_remiss)
