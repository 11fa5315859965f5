"""KS's compilation by förslag: counts per stance, who and every comment, late and missing
answers shown as such; the same as XLSX and DOCX; a fixed number of queries."""

import datetime
import io

import docx
import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nämnder.models import Nämnd
from remiss.models import Förslag, Remissinstans, Ställningstagande
from tests.factories import NämndFactory, RemissFactory

FÖRSLAG = ["Unga i riskzon", "Otrygga platser", "Kriminella miljöer"]


def _remiss(ks, samordnare, mottagare, dnr="KS 2024/300"):
    remiss = RemissFactory(nämnd=ks, diarienummer=dnr, mottagare=mottagare)
    for nr, rubrik in enumerate(FÖRSLAG, start=1):
        Förslag.objects.create(remiss=remiss, nummer=nr, rubrik=rubrik)
    remiss.skicka(av=samordnare)
    return remiss


def _svara(instans, *rader, nummer=1):
    förslag = list(instans.remiss.förslag.order_by("nummer"))
    Ställningstagande.lämna(
        instans, nummer, {f.pk: rad for f, rad in zip(förslag, rader, strict=True)}
    )
    Remissinstans.objects.filter(pk=instans.pk).update(status=Remissinstans.Status.BESVARAD)


@pytest.fixture
def remiss(ks, un, sod, ks_samordnare):
    return besvarad(ks, un, sod, ks_samordnare)


def besvarad(ks, un, sod, ks_samordnare):
    """Sent to four: UN and Södermalm answered per förslag, Farsta is late, TN declined."""
    far = NämndFactory(namn="Farsta stadsdelsnämnd", typ=Nämnd.Typ.STADSDELSNÄMND)
    tn = NämndFactory(namn="Trafiknämnden", diarieprefix="TN")
    remiss = _remiss(ks, ks_samordnare, [un, sod, far, tn])
    instanser = {i.nämnd.namn: i for i in remiss.instanser.select_related("nämnd")}
    _svara(
        instanser["Utbildningsnämnden"],
        ("tillstyrker", "Skolan behövs."),
        ("avstar", ""),
        ("avstyrker", "Saknar finansiering."),
    )
    _svara(
        instanser["Södermalms stadsdelsnämnd"],
        ("tillstyrker", ""),
        ("tillstyrker_med_andringar", "Lokal uppföljning."),
        ("avstyrker", ""),
    )
    # Farsta is late; Trafiknämnden declined the whole remiss.
    Remissinstans.objects.filter(pk=instanser["Farsta stadsdelsnämnd"].pk).update(
        svarsdatum=datetime.date.today() - datetime.timedelta(days=1)
    )
    instanser["Trafiknämnden"].avstå("Berör inte nämnden.", av=ks_samordnare)
    return remiss


def test_the_page_counts_the_stances_per_förslag_with_who_and_every_comment(
    client, remiss, ks_läsare
):
    client.force_login(ks_läsare)
    sida = client.get(reverse("remisser:per_förslag", args=[remiss.pk])).text
    assert "2 av 4 remissinstanser har lämnat ställningstaganden." in sida
    assert (
        '<tr data-standpunkt="avstyrker"><th scope="row">Avstyrker</th><td>2</td>'
        "<td>Södermalms stadsdelsnämnd, Utbildningsnämnden</td></tr>" in sida
    )
    assert "<strong>Utbildningsnämnden</strong> (avstyrker): Saknar finansiering." in sida
    assert "<strong>Södermalms stadsdelsnämnd</strong> (tillstyrker med ändringar)" in sida
    assert "Farsta stadsdelsnämnd (försenad)" in sida
    assert "Trafiknämnden (avstår från att svara)" in sida
    assert '<tr data-lage="forsenad">' in sida and "Förslag 3" in sida


def test_a_correction_replaces_the_earlier_answer_in_the_compilation(client, remiss, ks_läsare):
    un = remiss.instanser.get(nämnd__namn="Utbildningsnämnden")
    _svara(un, ("tillstyrker", ""), ("tillstyrker", ""), ("tillstyrker", "Ändrat."), nummer=2)
    client.force_login(ks_läsare)
    sida = client.get(reverse("remisser:per_förslag", args=[remiss.pk])).text
    assert "Saknar finansiering." not in sida and "Ändrat." in sida
    assert "(svar 2)" in sida


def test_a_remiss_without_förslag_says_so(client, ks, un, ks_samordnare, ks_läsare):
    remiss = RemissFactory(nämnd=ks, mottagare=[un])
    remiss.skicka(av=ks_samordnare)
    client.force_login(ks_läsare)
    sida = client.get(reverse("remisser:per_förslag", args=[remiss.pk])).text
    assert "Remissen har inga förslag att ta ställning till." in sida


def test_the_xlsx_has_the_counts_the_matrix_and_the_comments(client, remiss, ks_läsare):
    client.force_login(ks_läsare)
    svar = client.get(reverse("remisser:per_förslag_export", args=[remiss.pk, "xlsx"]))
    assert svar.status_code == 200 and "KS-2024-300-per-forslag.xlsx" in svar["Content-Disposition"]
    bok = openpyxl.load_workbook(io.BytesIO(svar.content))
    assert bok.sheetnames == ["Per förslag", "Matris", "Kommentarer"]
    per_förslag = list(bok["Per förslag"].values)
    assert per_förslag[0][:5] == (
        "Förslag",
        "Tillstyrker",
        "Tillstyrker med ändringar",
        "Avstyrker",
        "Avstår",
    )
    assert per_förslag[3] == ("3. Kriminella miljöer", 0, 0, 2, 0, 2)
    matris = {rad[0]: rad for rad in bok["Matris"].values}
    assert matris["Farsta stadsdelsnämnd"] == ("Farsta stadsdelsnämnd", "Försenad", "–", "–", "–")
    assert matris["Utbildningsnämnden"][2:] == ("Tillstyrker", "Avstår", "Avstyrker")
    kommentarer = list(bok["Kommentarer"].values)[1:]
    assert ("3. Kriminella miljöer", "Utbildningsnämnden", "Avstyrker", "Saknar finansiering.") in (
        kommentarer
    )


def test_the_docx_is_a_form_to_paste_into_a_tjänsteutlåtande(client, remiss, ks_samordnare):
    client.force_login(ks_samordnare)
    svar = client.get(reverse("remisser:per_förslag_export", args=[remiss.pk, "docx"]))
    dokument = docx.Document(io.BytesIO(svar.content))
    rubriker = [p.text for p in dokument.paragraphs if p.style.name.startswith("Heading")]
    assert rubriker[:3] == ["Remissvaren per förslag", "Förslag 1. Unga i riskzon", "Kommentarer"]
    tabell = dokument.tables[2]
    assert [c.text for c in tabell.rows[3].cells] == [
        "Avstyrker",
        "2",
        "Södermalms stadsdelsnämnd, Utbildningsnämnden",
    ]
    text = "\n".join(p.text for p in dokument.paragraphs)
    assert "Utbildningsnämnden (avstyrker): Saknar finansiering." in text
    assert "Farsta stadsdelsnämnd: försenad" in text


def test_a_formula_typed_as_a_comment_does_not_run_in_excel(client, ks, un, ks_samordnare):
    remiss = _remiss(ks, ks_samordnare, [un], dnr="KS 2024/301")
    _svara(remiss.instanser.get(), *[("tillstyrker", '=HYPERLINK("x")')] * 3)
    client.force_login(ks_samordnare)
    svar = client.get(reverse("remisser:per_förslag_export", args=[remiss.pk, "xlsx"]))
    kommentarer = list(openpyxl.load_workbook(io.BytesIO(svar.content))["Kommentarer"].values)
    assert kommentarer[1][3] == '\'=HYPERLINK("x")'


def _frågor(client, remiss):
    with CaptureQueriesContext(connection) as frågor:
        assert client.get(reverse("remisser:per_förslag", args=[remiss.pk])).status_code == 200
    return len(frågor)


def test_the_page_costs_the_same_queries_for_two_answers_as_for_twelve(
    client, ks, un, sod, ks_samordnare, ks_läsare
):
    client.force_login(ks_läsare)
    liten = _remiss(ks, ks_samordnare, [un, sod], dnr="KS 2024/310")
    for instans in liten.instanser.all():
        _svara(instans, *[("tillstyrker", "Bra.")] * 3)
    nämnder = [NämndFactory(namn=f"Nämnd {i}", diarieprefix=f"N{i}") for i in range(12)]
    stor = _remiss(ks, ks_samordnare, nämnder, dnr="KS 2024/311")
    for instans in stor.instanser.all():
        _svara(instans, *[("avstyrker", "Nej.")] * 3)
    _frågor(client, liten)  # the session and roles are read once per request either way
    assert _frågor(client, stor) == _frågor(client, liten) <= 12
