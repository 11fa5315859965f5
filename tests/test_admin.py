from django.urls import reverse

from nämnder.models import Nämnd
from tests.factories import AnvändareFactory


def _ny_nämnd(client, **fält):
    data = {
        "namn": "Ny nämnd",
        "kortnamn": "Ny",
        "diarieprefix": "NY",
        "typ": Nämnd.Typ.FACKNÄMND,
        "aktiv": "on",
        "förvaltning": "Nya förvaltningen",
        "avdelningar-TOTAL_FORMS": "0",
        "avdelningar-INITIAL_FORMS": "0",
        "sammanträden-TOTAL_FORMS": "0",
        "sammanträden-INITIAL_FORMS": "0",
        **fält,
    }
    return client.post(reverse("admin:nämnder_nämnd_add"), data)


def test_an_administrator_adds_a_nämnd(client, db):
    client.force_login(AnvändareFactory(is_staff=True, is_superuser=True))
    svar = _ny_nämnd(client)
    assert svar.status_code == 302
    assert Nämnd.objects.get(diarieprefix="NY").förvaltning == "Nya förvaltningen"


def test_the_admin_refuses_a_duplicate_diarieprefix_in_swedish(client, un):
    client.force_login(AnvändareFactory(is_staff=True, is_superuser=True))
    svar = _ny_nämnd(client, diarieprefix="un")
    assert svar.status_code == 200
    assert "Nämnd med detta Diarieprefix finns redan" in svar.text
    assert Nämnd.objects.count() == 1


def test_the_admin_refuses_a_duplicate_name_in_swedish(client, un):
    client.force_login(AnvändareFactory(is_staff=True, is_superuser=True))
    svar = _ny_nämnd(client, namn="UTBILDNINGSNÄMNDEN")
    assert "Det finns redan en nämnd med det namnet" in svar.text
    assert Nämnd.objects.count() == 1


def test_people_without_staff_status_are_kept_out_of_the_admin(client, handläggare):
    client.force_login(handläggare)
    svar = client.get(reverse("admin:nämnder_nämnd_changelist"))
    assert svar.status_code == 302
