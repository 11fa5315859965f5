"""The utlåtande's Word file carries its stances on the remiss's förslag, as the PDF does: a
table under "Ställningstaganden till remissens förslag" after the sections; reading the file
back leaves that table to the editor's own part. A remiss without förslag has no such part."""

import io

import pytest
from django.urls import reverse
from docx import Document

from tests.yttranden.test_stallningstaganden import (  # noqa: F401 (fixture)
    FÖRSLAG,
    _attesterat,
    _ta_ställning,
    remiss,
)
from tests.yttranden.wordhjalp import rubriker_i
from yttranden.word.export import DOCX

RUBRIK = "Ställningstaganden till remissens förslag"


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _docx(client, utlåtande):
    svar = client.get(reverse("yttranden:word", args=[utlåtande.pk]))
    assert svar.status_code == 200 and svar["Content-Type"] == DOCX
    return svar.content


def test_the_attested_utlåtande_carries_its_stances_into_word(
    client, utlåtande, handläggare, avdelningschef, direktör
):
    _attesterat(
        utlåtande, handläggare, avdelningschef, direktör, "tillstyrker", "avstar", "avstyrker"
    )
    client.force_login(handläggare)
    innehåll = _docx(client, utlåtande)
    rubriker = [r for nivå, r in rubriker_i(innehåll) if nivå == 2]
    sektioner = [s.rubrik for s in utlåtande.sektioner.all()]
    assert rubriker == [*sektioner, RUBRIK, "Attesterat av"]
    dok = Document(io.BytesIO(innehåll))
    (tabell,) = [t for t in dok.tables if t.rows[0].cells[0].text == "Förslag"]
    rader = [[c.text for c in rad.cells] for rad in tabell.rows]
    assert rader == [
        ["Förslag", "Ställningstagande", "Kommentar"],
        [f"1. {FÖRSLAG[0]}", "Tillstyrker", "Om ett tryggt och säkert stockholm för alla."],
        [f"2. {FÖRSLAG[1]}", "Avstår", "Om brottsförebyggande arbete i samverkan."],
        [f"3. {FÖRSLAG[2]}", "Avstyrker", "Om trygghet i den fysiska miljön."],
    ]
    # The same rows as the PDF's table (the document both are made from).
    assert [(r.nummer, r.ståndpunkt) for r in utlåtande.som_dokument().ställningstaganden] == [
        (1, "Tillstyrker"),
        (2, "Avstår"),
        (3, "Avstyrker"),
    ]


def test_a_draft_shows_a_stance_not_yet_chosen(client, utlåtande, handläggare):
    förslag = list(utlåtande.instans.remiss.förslag.order_by("nummer"))
    värden = {förslag[0].pk: ("tillstyrker_med_andringar", "Om skrivningen ändras.")}
    utlåtande.spara({}, utlåtande.versionsnummer, av=handläggare, ställningstaganden=värden)
    client.force_login(handläggare)
    dok = Document(io.BytesIO(_docx(client, utlåtande)))
    (tabell,) = [t for t in dok.tables if t.rows[0].cells[0].text == "Förslag"]
    assert [[c.text for c in rad.cells][1:] for rad in tabell.rows[1:]] == [
        ["Tillstyrker med ändringar", "Om skrivningen ändras."],
        ["Inte valt", "–"],
        ["Inte valt", "–"],
    ]


def test_reading_the_word_file_back_leaves_the_stances_out_of_the_sections(
    client, utlåtande, handläggare
):
    from tests.kedja import skriv_klart

    skriv_klart(utlåtande, handläggare)
    _ta_ställning(utlåtande, handläggare, "tillstyrker", "avstar", "avstyrker")
    client.force_login(handläggare)
    innehåll = _docx(client, utlåtande)
    from django.core.files.uploadedfile import SimpleUploadedFile

    före = {s.rubrik: s.html for s in utlåtande.sektioner.all()}
    client.post(
        reverse("yttranden:läs_in_word", args=[utlåtande.pk]),
        {
            "word-grundad_på": utlåtande.versionsnummer,
            "word-fil": SimpleUploadedFile("utlatande.docx", innehåll),
        },
    )
    efter = {s.rubrik: s.html for s in utlåtande.sektioner.all()}
    assert all(RUBRIK not in html and "Tillstyrker" not in html for html in efter.values())
    assert efter.keys() == före.keys()
