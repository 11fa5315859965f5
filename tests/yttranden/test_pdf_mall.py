"""The document body shared by the preview page and the PDF (``_innehall.html``)."""

import dataclasses

from django.template.loader import render_to_string

from tests.yttranden.seedtext import utbildningsnämndens_utlåtande
from yttranden.pdf.rendering import rendera_html

INNEHÅLL = "yttranden/dokument/_innehall.html"


def test_a_draft_is_marked_utkast_and_has_no_attest_table():
    html = render_to_string(INNEHÅLL, {"dokument": utbildningsnämndens_utlåtande(utkast=True)})

    assert "UTKAST" in html
    assert "Attesterat av" not in html


def test_an_attested_document_lists_attest_bilagor_and_signatories():
    html = render_to_string(INNEHÅLL, {"dokument": utbildningsnämndens_utlåtande()})

    assert "UTKAST" not in html
    assert "Detta dokument har godkänts digitalt av följande personer:" in html
    assert "<td>Lena Holmdahl, Utbildningsdirektör</td>" in html
    assert "<td>2023-10-17</td>" in html
    assert "<li>Prioriterade samverkansområden.</li>" in html
    assert html.count('class="dokument__undertecknare-person"') == 2


def test_the_preview_can_lower_the_heading_levels():
    dokument = utbildningsnämndens_utlåtande()

    i_pdf = render_to_string(INNEHÅLL, {"dokument": dokument})
    i_förhandsvisning = render_to_string(INNEHÅLL, {"dokument": dokument, "rubriknivå": 2})

    assert '<h1 class="dokument__titel">' in i_pdf
    assert '<h2 class="dokument__rubrik">Sammanfattning</h2>' in i_pdf
    assert "<h1" not in i_förhandsvisning
    assert '<h2 class="dokument__titel">' in i_förhandsvisning
    assert '<h3 class="dokument__rubrik">Sammanfattning</h3>' in i_förhandsvisning


def test_plain_fields_are_escaped_and_only_section_html_is_trusted():
    dokument = dataclasses.replace(
        utbildningsnämndens_utlåtande(), titel="<script>alert(1)</script> & mer"
    )

    html = render_to_string(INNEHÅLL, {"dokument": dokument})

    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer" in html
    assert "<em>Unga i riskzon för destruktivt beteende</em>" in html  # sanitised section HTML


def test_the_pdf_page_carries_language_title_author_and_the_identity():
    html = rendera_html(utbildningsnämndens_utlåtande(), identitet="utlåtande-7")

    assert '<html lang="sv">' in html
    assert "<title>Tjänsteutlåtande: Övergripande samverkansöverenskommelse" in html
    assert '<meta name="author" content="Utbildningsförvaltningen">' in html
    assert '<meta name="RemissIdentitet" content="utlåtande-7">' in html
    assert "<link" not in html  # the renderer supplies the stylesheet; nothing is fetched
