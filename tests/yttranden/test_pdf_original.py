"""The tjänsteutlåtande's PDF as the original: the seeds' texts fill as many pages as the
originals, "Bilaga" or "Bilagor" as many as there are, the line under the title and the
handläggare as set for the document."""

import dataclasses
import re

import pytest

from tests.yttranden.demodokument import DOKUMENT, ORIGINALETS_SIDOR
from tests.yttranden.pdfhjalp import kör, som_fil
from yttranden.dokument import Person
from yttranden.pdf.rendering import rendera_html, skriv_pdf


def _pdf(dokument):
    return som_fil(skriv_pdf(rendera_html(dokument)), "utlatande.pdf")


def _sidor(pdf):
    return int(re.search(r"Pages:\s+(\d+)", kör("pdfinfo", str(pdf)).stdout)[1])


def _text(pdf, *flaggor):
    return re.sub(r"\s+", " ", kör("pdftotext", *flaggor, str(pdf), "-").stdout)


@pytest.mark.parametrize("nämnd", sorted(ORIGINALETS_SIDOR))
def test_each_seed_fills_exactly_as_many_pages_as_its_original(nämnd):
    pdf = _pdf(DOKUMENT[nämnd]())
    assert _sidor(pdf) == ORIGINALETS_SIDOR[nämnd]


@pytest.mark.parametrize("nämnd", sorted(ORIGINALETS_SIDOR))
def test_the_last_page_carries_text_not_only_bilagor_and_the_attest(nämnd):
    pdf = _pdf(DOKUMENT[nämnd]())
    sista = _text(pdf, "-f", str(_sidor(pdf)))
    # The signatories close the text, as in the originals; they are never left behind alone.
    assert "Avdelningschef" in sista
    assert sista.index("Avdelningschef") < sista.index("Attesterat av")


def test_one_attachment_is_headed_bilaga_and_several_bilagor():
    un = DOKUMENT["UN"]()
    en = _text(_pdf(dataclasses.replace(un, bilagor=un.bilagor[:1])))
    två = _text(_pdf(un))

    assert "Bilaga 1. Stadsövergripande" in en and "Bilagor" not in en
    assert "Bilagor 1. Stadsövergripande" in två


def test_the_line_under_the_title_is_the_seeds_unless_the_document_says_otherwise():
    un = DOKUMENT["UN"]()
    assert "Remiss från kommunstyrelsen, KS 2023/740" in _text(_pdf(un), "-l", "1")

    eget = dataclasses.replace(
        un, underrubrik="Svar på remiss från kommunstyrelsen, dnr KS 2023/740"
    )
    text = _text(_pdf(eget), "-l", "1")
    assert "Svar på remiss från kommunstyrelsen, dnr KS 2023/740" in text
    assert "Remiss från kommunstyrelsen, KS 2023/740" not in text


def test_two_handläggare_with_their_own_numbers_stand_on_page_one():
    un = dataclasses.replace(
        DOKUMENT["UN"](),
        handläggare=[
            Person("Fabian Lind", telefon="08-508 31 945"),
            Person("Stefan Elm", telefon="08-508 31 977"),
        ],
    )
    sida_ett = _text(_pdf(un), "-l", "1")
    position = 0
    for bit in ("Handläggare", "Fabian Lind", "Telefon: 08-508 31 945", "Stefan Elm"):
        position = sida_ett.index(bit, position)
    assert "Telefon: 08-508 31 977" in sida_ett
