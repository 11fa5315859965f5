"""An external organisation's stances per förslag: given on its answer page (a draft may leave
some open, submitting needs all, in Swedish), delivered as the instans's Ställningstagande rows
when submitted, and compiled by förslag beside a nämnd's (page, XLSX, DOCX)."""

import io

import docx
import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from remiss.models import Förslag, Ställningstagande
from tests.extern import egen_adress, länk_till
from tests.factories import RemissFactory
from tests.remiss.test_forslagssammanstallning import FÖRSLAG, _svara
from yttranden.models import ExterntSvar


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def remiss(ks, un, ks_samordnare, rådet):
    remiss = RemissFactory(
        nämnd=ks, diarienummer="KS 2031/910", mottagare=[un], skapad_av=ks_samordnare
    )
    remiss.externa_mottagare.set([rådet])
    for nr, rubrik in enumerate(FÖRSLAG, start=1):
        Förslag.objects.create(remiss=remiss, nummer=nr, rubrik=rubrik)
    remiss.skicka(av=ks_samordnare)
    return remiss


def _öppnad(instans):
    klient = Client(REMOTE_ADDR=egen_adress())
    _länk, url = länk_till(instans)
    assert klient.get(url).status_code == 302
    return klient


def _spara(klient, grundad_på, åtgärd, ställningar):
    förslag = list(Förslag.objects.order_by("nummer"))
    data = {
        "grundad_på": grundad_på,
        "text": "<p>Rådet svarar.</p>",
        "atgard": åtgärd,
        "skydd": klient.session["svarslank"]["formulär"],
    }
    for f, (ståndpunkt, kommentar) in zip(förslag, ställningar, strict=False):
        if ståndpunkt:
            data[f"st-standpunkt_{f.pk}"] = ståndpunkt
        data[f"st-kommentar_{f.pk}"] = kommentar
    return klient.post(reverse("svar:spara"), data)


def _extern(remiss):
    return remiss.instanser.get(organisation__isnull=False)


def test_the_page_asks_a_stance_per_förslag_and_a_draft_keeps_them(remiss):
    klient = _öppnad(_extern(remiss))
    sida = klient.get(reverse("svar:sida")).text
    assert "Förslag 1. Unga i riskzon" in sida and "Förslag 3. Kriminella miljöer" in sida
    svar = _spara(klient, 0, "spara", [("tillstyrker", "Bra."), ("", "")])
    assert svar.status_code == 302
    assert ExterntSvar.objects.get().ställningstaganden[str(Förslag.objects.get(nummer=1).pk)] == [
        "tillstyrker",
        "Bra.",
    ]
    sida = klient.get(reverse("svar:sida")).text
    assert 'value="tillstyrker" checked' in sida and "Bra.</textarea>" in sida
    assert not Ställningstagande.objects.exists()


def test_submitting_needs_every_stance_in_swedish_and_nothing_is_submitted(remiss):
    klient = _öppnad(_extern(remiss))
    svar = _spara(klient, 0, "skicka", [("tillstyrker", ""), ("avstyrker", "")])
    assert svar.status_code == 400
    assert "Välj ett ställningstagande till förslag 3 ”Kriminella miljöer”." in svar.text
    assert not ExterntSvar.objects.exists() and not Ställningstagande.objects.exists()
    _extern(remiss).refresh_from_db()
    assert _extern(remiss).status != "besvarad"


def test_a_submitted_answer_delivers_its_stances_and_ks_compiles_them_beside_a_nämnds(
    client, remiss, ks_läsare
):
    extern = _extern(remiss)
    klient = _öppnad(extern)
    ställningar = [("avstyrker", "Saknar tillgänglighet."), ("avstar", ""), ("tillstyrker", "")]
    assert _spara(klient, 0, "skicka", ställningar).status_code == 302
    rader = Ställningstagande.objects.filter(instans=extern).order_by("förslag__nummer")
    assert [(r.svarsnummer, r.ståndpunkt, r.kommentar) for r in rader] == [
        (1, "avstyrker", "Saknar tillgänglighet."),
        (1, "avstar", ""),
        (1, "tillstyrker", ""),
    ]
    _svara(
        remiss.instanser.get(nämnd__isnull=False),
        ("tillstyrker", "Skolan behövs."),
        ("tillstyrker", ""),
        ("avstyrker", ""),
    )

    client.force_login(ks_läsare)
    sida = client.get(reverse("remisser:per_förslag", args=[remiss.pk])).text
    assert "2 av 2 remissinstanser har lämnat ställningstaganden." in sida
    assert "<strong>Funktionshindersrådet</strong> (avstyrker): Saknar tillgänglighet." in sida

    xlsx = client.get(reverse("remisser:per_förslag_export", args=[remiss.pk, "xlsx"]))
    bok = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    matris = {rad[0]: rad for rad in bok["Matris"].values}
    assert matris["Funktionshindersrådet"][2:] == ("Avstyrker", "Avstår", "Tillstyrker")
    assert matris["Utbildningsnämnden"][2:] == ("Tillstyrker", "Tillstyrker", "Avstyrker")

    word = client.get(reverse("remisser:per_förslag_export", args=[remiss.pk, "docx"]))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "Funktionshindersrådet (avstyrker): Saknar tillgänglighet." in text
