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
        "diarienummermönster": "{prefix} {år}/{löpnr}",
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


def test_a_website_typed_without_its_scheme_is_https(client, db):
    client.force_login(AnvändareFactory(is_staff=True, is_superuser=True))
    assert _ny_nämnd(client, webbplats="start.stockholm").status_code == 302
    assert Nämnd.objects.get(diarieprefix="NY").webbplats == "https://start.stockholm"


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


def test_the_administrator_gives_a_nämnd_its_own_diarienummer_patterns(client, db):
    client.force_login(AnvändareFactory(is_staff=True, is_superuser=True))
    svar = _ny_nämnd(client, diarienummermönster="{prefix} {år}/{löpnr}\r\n{nr}-{löpnr}/{år}")
    assert svar.status_code == 302
    nämnd = Nämnd.objects.get(diarieprefix="NY")
    assert nämnd.diarienummermönster_lista == ["{prefix} {år}/{löpnr}", "{nr}-{löpnr}/{år}"]
    assert nämnd.diarienummerexempel == "NY 2023/740"


def test_the_admin_refuses_a_pattern_it_cannot_read_in_swedish(client, db):
    client.force_login(AnvändareFactory(is_staff=True, is_superuser=True))
    svar = _ny_nämnd(client, diarienummermönster="{prefix} {år}/{serie}")
    assert svar.status_code == 200
    assert "Okänd del {serie} i mönstret. Använd {prefix}, {år}, {löpnr} och {nr}." in svar.text
    assert not Nämnd.objects.exists()
