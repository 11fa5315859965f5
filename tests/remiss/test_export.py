"""The matrix as CSV (UTF-8 with BOM, semicolons, for Swedish Excel) and XLSX, for KS only."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from remiss.models import Remissinstans
from tests.datum import idag
from tests.factories import NämndFactory, RemissFactory


@pytest.fixture
def remiss(ks, ks_samordnare, un, sod, registrator, handläggare):
    trafik = NämndFactory(namn="Trafiknämnden", diarieprefix="TN")
    remiss = RemissFactory(
        nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod, trafik], diarienummer="KS 2023/740"
    )
    remiss.skicka(av=ks_samordnare)
    un_instans = remiss.instanser.get(nämnd=un)
    un_instans.registrera("UN 2023/713", av=registrator)
    avdelning = un.avdelningar.create(namn="Avdelningen för ekonomi och styrning")
    un_instans.tilldela(handläggare, av=registrator, avdelning=avdelning)
    remiss.instanser.get(nämnd=trafik).avstå("Berör inte nämnden.", av=registrator)
    Remissinstans.objects.filter(nämnd=sod).update(svarsdatum=idag() - datetime.timedelta(days=1))
    return remiss


def _url(remiss, format):
    return reverse("remisser:export", args=[remiss.pk, format])


def test_the_csv_opens_in_swedish_excel_with_every_instans(client, ks_läsare, remiss):
    client.force_login(ks_läsare)
    svar = client.get(_url(remiss, "csv"))
    assert svar.status_code == 200 and svar["Content-Type"].startswith("text/csv")
    assert 'filename="KS-2023-740-remissinstanser.csv"' in svar["Content-Disposition"]
    assert svar.content.startswith(b"\xef\xbb\xbf")
    rader = list(csv.reader(io.StringIO(svar.content.decode("utf-8-sig")), delimiter=";"))
    assert rader[0][:3] == ["Nämnd", "Nämndens diarienummer", "Status"]
    per_nämnd = {rad[0]: rad for rad in rader[1:]}
    assert set(per_nämnd) == {"Utbildningsnämnden", "Södermalms stadsdelsnämnd", "Trafiknämnden"}
    un = per_nämnd["Utbildningsnämnden"]
    assert un[1:6] == [
        "UN 2023/713",
        "Tilldelad",
        "Nej",
        "Joakim Länninge",
        "Avdelningen för ekonomi och styrning",
    ]
    assert per_nämnd["Södermalms stadsdelsnämnd"][3] == "Ja"
    assert per_nämnd["Trafiknämnden"][2] == "Avstår"


def test_the_xlsx_holds_the_same_rows_with_real_dates(client, ks_samordnare, remiss):
    client.force_login(ks_samordnare)
    svar = client.get(_url(remiss, "xlsx"))
    assert svar.status_code == 200
    assert svar["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    blad = load_workbook(io.BytesIO(svar.content)).active
    rader = list(blad.iter_rows(values_only=True))
    assert rader[0][0] == "Nämnd" and len(rader) == 4
    un = next(rad for rad in rader if rad[0] == "Utbildningsnämnden")
    assert un[1] == "UN 2023/713" and un[4] == "Joakim Länninge"
    assert un[6].date() == remiss.sista_svarsdatum
    assert next(rad for rad in rader if rad[0] == "Trafiknämnden")[2] == "Avstår"


def test_a_name_that_looks_like_a_formula_is_written_as_text(client, ks_läsare, remiss, un):
    un.avdelningar.filter(namn__startswith="Avdelningen").update(namn='=HYPERLINK("x")')
    client.force_login(ks_läsare)
    blad = load_workbook(io.BytesIO(client.get(_url(remiss, "xlsx")).content)).active
    assert '\'=HYPERLINK("x")' in [c.value for c in blad["F"]]
    assert b"'=HYPERLINK" in client.get(_url(remiss, "csv")).content


@pytest.mark.parametrize("format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("person", "status"), [("handläggare", 403), ("registrator", 403), ("outsider", 403)]
)
def test_only_kommunstyrelsen_may_export(client, request, remiss, format, person, status):
    client.force_login(request.getfixturevalue(person))
    assert client.get(_url(remiss, format)).status_code == status


def test_a_nämnd_that_did_not_get_the_remiss_gets_404(client, ks, ks_samordnare, un, outsider):
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    remiss.skicka(av=ks_samordnare)
    client.force_login(outsider)
    assert client.get(_url(remiss, "csv")).status_code == 404


def test_a_draft_is_not_exported_to_the_läsare(client, ks, ks_samordnare, ks_läsare, un):
    utkast = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un])
    client.force_login(ks_läsare)
    assert client.get(_url(utkast, "csv")).status_code == 404


def test_anonymous_is_sent_to_login(client, remiss):
    svar = client.get(_url(remiss, "xlsx"))
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))


def test_an_unknown_format_is_not_found(client, ks_läsare, remiss):
    client.force_login(ks_läsare)
    assert client.get(f"/remisser/{remiss.pk}/export.pdf").status_code == 404
