"""Word in and out: a draft written in Word read into the sections by their headings, the
utlåtande, the beslut and the sammanställning downloaded as DOCX, text pasted from Word kept
to headings, lists, bold and italics; a file that is not a DOCX, or too big, refused in
Swedish with nothing changed."""

import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from tests.kedja import skriv_klart
from tests.remiss.test_handlingar import PDF
from tests.yttranden.pdfdokumenthjalp import besluta
from tests.yttranden.wordhjalp import rubriker_i, seedens_docx
from yttranden.formatering import sanera
from yttranden.word.export import DOCX


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _läs_in(client, utlåtande, innehåll, namn="utkast.docx"):
    return client.post(
        reverse("yttranden:läs_in_word", args=[utlåtande.pk]),
        {
            "word-grundad_på": utlåtande.versionsnummer,
            "word-fil": SimpleUploadedFile(namn, innehåll),
        },
    )


def _texter(utlåtande):
    return {s.rubrik: s.html for s in utlåtande.sektioner.all()}


def test_the_handläggare_reads_a_word_draft_into_the_sections_by_heading(
    client, utlåtande, handläggare
):
    client.force_login(handläggare)
    versioner = utlåtande.versioner.count()

    svar = _läs_in(client, utlåtande, seedens_docx())

    assert svar.status_code == 302
    texter = _texter(utlåtande)
    förslag = texter["Förvaltningens förslag till beslut"]
    assert förslag.startswith("<ol><li>") and "Beslutet justeras omedelbart." in förslag
    assert "<em>Unga i riskzon för destruktivt beteende</em>" in texter["Sammanfattning"]
    assert "Ärendet har beretts inom avdelningen" in texter["Ärendets beredning"]
    assert "<ul><li>" in texter["Sammanfattning"]  # the five areas, under Bakgrund/Ärendet
    assert "Utbildningsförvaltningen" not in "".join(texter.values())  # the letterhead
    assert [b.titel for b in utlåtande.bilagor.all()] == [
        "Stadsövergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
        "Stockholm",
        "Prioriterade samverkansområden.",
    ]
    assert utlåtande.versioner.count() == versioner + 1
    meddelanden = [str(m) for m in get_messages(svar.wsgi_request)]
    assert any(
        m.startswith("Word-dokumentet är inläst i ”Förvaltningens förslag") for m in meddelanden
    )


def test_an_unknown_heading_goes_into_the_nearest_section_with_a_notice(
    client, utlåtande, handläggare
):
    client.force_login(handläggare)

    svar = _läs_in(client, utlåtande, seedens_docx())

    sammanfattning = _texter(utlåtande)["Sammanfattning"]
    assert "<p><strong>Bakgrund/Ärendet</strong></p>" in sammanfattning
    assert sammanfattning.index("Kommunstyrelsen har remitterat") < sammanfattning.index(
        "Staden och polisen samverkar"
    )
    meddelanden = [str(m) for m in get_messages(svar.wsgi_request)]
    assert (
        "Rubriken ”Bakgrund/Ärendet” finns inte i utlåtandet. Texten under den ligger nu i "
        "avsnittet ”Sammanfattning”, med rubriken i fetstil: flytta den om den hör hemma "
        "någon annanstans."
    ) in meddelanden
    assert any("Texten före den första rubriken (2 stycken" in m for m in meddelanden)


def test_headings_match_whatever_their_case_and_a_trailing_colon(client, utlåtande, handläggare):
    client.force_login(handläggare)
    _läs_in(client, utlåtande, seedens_docx(rubriker={"Sammanfattning": "SAMMANFATTNING:"}))
    assert "Kommunstyrelsen har remitterat" in _texter(utlåtande)["Sammanfattning"]


@pytest.mark.parametrize(
    ("namn", "innehåll", "fel"),
    [
        ("utkast.docx", PDF, "utkast.docx heter som en Word (DOCX)-fil men innehållet är något"),
        ("utkast.pdf", PDF, "utkast.pdf är inte ett Word-dokument (DOCX)."),
        ("utkast.docx", b"", "Filen är tom. Spara dokumentet i Word och försök igen."),
    ],
    ids=["pdf-som-docx", "pdf", "tom"],
)
def test_a_file_that_is_not_a_docx_is_refused_and_nothing_changes(
    client, utlåtande, handläggare, namn, innehåll, fel
):
    client.force_login(handläggare)
    före = (_texter(utlåtande), utlåtande.versioner.count())

    svar = _läs_in(client, utlåtande, innehåll, namn)

    assert svar.status_code == 400
    assert fel in svar.content.decode()
    assert (_texter(utlåtande), utlåtande.versioner.count()) == före


def test_a_docx_over_the_size_limit_is_refused_in_swedish(client, utlåtande, handläggare, settings):
    settings.REMISS_MAX_UPLOAD_MB = 0.01  # about 10 kB; the seed's DOCX is larger
    client.force_login(handläggare)
    före = _texter(utlåtande)

    svar = _läs_in(client, utlåtande, seedens_docx())

    assert svar.status_code == 400
    assert "en handling får vara högst" in svar.content.decode()
    assert _texter(utlåtande) == före


def test_a_draft_with_none_of_the_headings_changes_nothing_and_says_why(
    client, utlåtande, handläggare
):
    dok = Document()
    dok.add_paragraph("Bara löptext, inga rubriker.")
    buffert = io.BytesIO()
    dok.save(buffert)
    client.force_login(handläggare)
    före = _texter(utlåtande)

    svar = _läs_in(client, utlåtande, buffert.getvalue())

    meddelanden = [str(m) for m in get_messages(svar.wsgi_request)]
    assert any(m.startswith("Inget i dokumentet gick att läsa in") for m in meddelanden)
    assert _texter(utlåtande) == före


def test_the_utlåtande_downloads_as_docx_with_its_headings_in_order(
    client, attesterat, handläggare
):
    client.force_login(handläggare)
    attesterat.bilagor.all()  # none: the heading is left out

    svar = client.get(reverse("yttranden:word", args=[attesterat.pk]))

    assert svar.status_code == 200 and svar["Content-Type"] == DOCX
    rubriker = rubriker_i(svar.content)
    assert rubriker[0] == (1, attesterat.instans.remiss.titel)
    assert [r for nivå, r in rubriker if nivå == 2] == [
        *[s.rubrik for s in attesterat.sektioner.all()],
        "Attesterat av",
    ]
    text = "\n".join(s.text for s in Document(io.BytesIO(svar.content)).paragraphs)
    assert "Remiss från kommunstyrelsen, KS 2023/740" in text


def test_one_bilaga_is_headed_bilaga_in_word_too(client, utlåtande, handläggare):
    utlåtande.lägg_till_bilaga("Prioriterade samverkansområden")
    client.force_login(handläggare)
    rubriker = rubriker_i(client.get(reverse("yttranden:word", args=[utlåtande.pk])).content)
    assert (2, "Bilaga") in rubriker and (2, "Bilagor") not in rubriker


def test_the_beslut_downloads_as_docx_in_the_protokollsutdrag_order(
    client, attesterat, nämndsekreterare
):
    ärende = besluta(attesterat, nämndsekreterare)
    client.force_login(nämndsekreterare)

    svar = client.get(reverse("beslut:word", args=[ärende.pk]))

    assert [r for _nivå, r in rubriker_i(svar.content)] == [
        "Utdrag ur protokoll",
        attesterat.instans.remiss.titel,
        "Beslut",
        "Särskilt uttalande (L, C)",
        "Justering",
        "Rätt utdraget intygar",
    ]


def test_ks_downloads_the_sammanställning_as_docx(client, attesterat, nämndsekreterare, ks_läsare):
    besluta(attesterat, nämndsekreterare)
    client.force_login(ks_läsare)

    svar = client.get(reverse("beslut:sammanställning_word", args=[attesterat.instans.remiss_id]))

    rubriker = rubriker_i(svar.content)
    assert rubriker[:3] == [
        (1, attesterat.instans.remiss.titel),
        (2, "Södermalms stadsdelsnämnd"),
        (2, "Utbildningsnämnden"),
    ]
    assert (3, "Nämndens beslut") in rubriker and (3, "Särskilt uttalande (L, C)") in rubriker


def test_pasted_word_markup_keeps_headings_lists_bold_and_italics_only():
    från_word = (
        '<h1 style="mso-fareast-font-family:Calibri">Rubrik från Word</h1>'
        '<p class="MsoNormal" style="color:red;font-family:Arial"><b>Fet</b> och <i>kursiv</i> '
        '<span style="font-size:14pt">text</span><o:p></o:p></p>'
        "<ul><li>Punkt</li></ul><table><tr><td>Tabell</td></tr></table><img src=x>"
    )
    assert sanera(från_word) == (
        "<h3>Rubrik från Word</h3><p><strong>Fet</strong> och <em>kursiv</em> text</p>"
        "<ul><li>Punkt</li></ul>Tabell"
    )


def test_a_written_utlåtande_reads_back_from_its_own_docx(client, utlåtande, handläggare):
    """Out to Word and back in: the texts come back as they were."""
    skriv_klart(utlåtande, handläggare)
    client.force_login(handläggare)
    före = _texter(utlåtande)
    docx = client.get(reverse("yttranden:word", args=[utlåtande.pk])).content

    _läs_in(client, utlåtande, docx, "tillbaka.docx")

    assert _texter(utlåtande) == före
