"""The sealed tjänsteutlåtande, checked as an outsider would: with poppler and qpdf.

The document is the text of utbildningsnämndens real tjänsteutlåtande on KS 2023/740
(tests/fixtures/seeds), rendered and sealed with a demo certificate.
"""

import io
import re

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from tests.yttranden.pdfhjalp import kör, nss_katalog, som_fil, un_signerad
from tests.yttranden.seedtext import RUBRIKER

ORIGINALETS_SIDOR = 4  # "Sida 1 (4)", like Södermalm's answer on the same remiss


@pytest.fixture(scope="module")
def pdf():
    return som_fil(un_signerad().innehåll, "un.pdf")


def _text(pdf, *flaggor):
    return kör("pdftotext", *flaggor, str(pdf), "-").stdout


def _platt(text):
    return re.sub(r"\s+", " ", text)


def test_pdfsig_says_the_seal_is_valid_and_covers_the_whole_file(pdf):
    utskrift = kör("pdfsig", str(pdf)).stdout

    assert "Signature Validation: Signature is Valid." in utskrift
    assert "Total document signed" in utskrift
    assert "Signer Certificate Common Name: Remiss demokommun e-stämpel" in utskrift
    # Without our CA in its trust store, poppler cannot vouch for the self-signed demo chain.
    assert "Certificate Validation: Certificate issuer isn't Trusted." in utskrift


def test_pdfsig_trusts_the_certificate_once_the_demo_ca_is_in_its_store(pdf):
    utskrift = kör("pdfsig", "-nssdir", f"sql:{nss_katalog()}", str(pdf)).stdout

    assert "Signature Validation: Signature is Valid." in utskrift
    assert "Certificate Validation: Certificate is Trusted." in utskrift


def _i_ordning(text, bitar):
    position = 0
    for bit in bitar:
        hittad = text.find(bit, position)
        assert hittad >= 0, f"{bit!r} saknas efter position {position}"
        position = hittad + len(bit)


def test_the_text_comes_out_in_reading_order(pdf):
    _i_ordning(
        _platt(_text(pdf)),
        [
            "Tjänsteutlåtande",
            "Dnr UN 2023/1872",
            "2023-10-05",
            "Sida 1 (4)",
            "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion",
            "Remiss från kommunstyrelsen, KS 2023/740",
            *RUBRIKER,
            "Lena Holmdahl",
            "Ulrika Klemets",
            "Bilagor",
            "Stadsövergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion",
            "Attesterat av",
            "Detta dokument har godkänts digitalt av följande personer:",
            "Namn",
            "Datum",
            "Lena Holmdahl, Utbildningsdirektör",
            "2023-10-17",
        ],
    )


def test_page_one_has_handläggare_till_and_the_address_footer(pdf):
    sida_ett = _platt(_text(pdf, "-f", "1", "-l", "1"))
    resten = _platt(_text(pdf, "-f", "2"))

    _i_ordning(sida_ett, ["Handläggare", "Joakim Länninge", "Telefon: 08-50833750"])
    _i_ordning(sida_ett, ["Till", "Utbildningsnämnden", "2023-10-26", "Övergripande"])
    _i_ordning(
        sida_ett,
        [
            "Utbildningsförvaltningen Avdelningen för ekonomi och styrning",
            "Hantverkargatan 2F Box 22049 104 22 Stockholm",
            "Växel 08 508 33 000 registrator.utbildning@edu.stockholm.se start.stockholm",
        ],
    )
    assert "Hantverkargatan" not in resten


def test_every_page_carries_the_header_with_its_number(pdf):
    sidor = int(re.search(r"Pages:\s+(\d+)", kör("pdfinfo", str(pdf)).stdout)[1])
    for sida in range(1, sidor + 1):
        text = _platt(_text(pdf, "-f", str(sida), "-l", str(sida)))
        assert "Tjänsteutlåtande" in text
        assert "Dnr UN 2023/1872" in text
        assert f"Sida {sida} ({sidor})" in text


def test_the_seed_text_fills_as_many_pages_as_the_original(pdf):
    sidor = int(re.search(r"Pages:\s+(\d+)", kör("pdfinfo", str(pdf)).stdout)[1])

    assert abs(sidor - ORIGINALETS_SIDOR) <= 1


def test_every_font_is_embedded(pdf):
    rader = kör("pdffonts", str(pdf)).stdout.splitlines()[2:]

    assert rader, "inga typsnitt alls"
    for rad in rader:
        kolumner = rad.split()
        # name type... encoding emb sub uni object ID: emb is the fifth column from the end
        assert kolumner[-5] == "yes", rad
    assert any("Carlito" in rad for rad in rader)


def test_swedish_characters_survive(pdf):
    text = _text(pdf)

    for ord_ in (
        "Övergripande",
        "Ärendets beredning",
        "förvaltningens",
        "Utbildningsdirektör",
        "stadsövergripande",
        "åtgärder",
    ):
        assert ord_ in text


def test_qpdf_finds_no_structural_errors(pdf):
    körning = kör("qpdf", "--check", str(pdf), kontrollera=False)

    assert körning.returncode == 0, körning.stdout + körning.stderr
    assert "No syntax or stream encoding errors found" in körning.stdout


def test_it_declares_pdf_a_2b_with_title_author_language_and_tags(pdf):
    # veraPDF is not available here; this checks what the file declares, not full conformance.
    info = kör("pdfinfo", str(pdf)).stdout
    xmp = kör("pdfinfo", "-meta", str(pdf)).stdout
    katalog = PdfFileReader(io.BytesIO(pdf.read_bytes())).root

    assert 'pdfaid:part="2"' in xmp
    assert 'pdfaid:conformance="B"' in xmp
    assert re.search(r"Title:\s+Tjänsteutlåtande: Övergripande samverkansöverenskommelse", info)
    assert re.search(r"Author:\s+Utbildningsförvaltningen", info)
    assert re.search(r"Tagged:\s+yes", info)
    assert katalog["/Lang"] == "sv"
    assert "/OutputIntents" in katalog  # PDF/A's colour profile
    # PDF/A wants the Info dictionary and the XMP to agree; pyHanko rewrites the producer.
    producent = re.search(r"Producer:\s+(.+)", info)[1]
    assert f'pdf:Producer="{producent}"' in xmp


def test_the_seal_is_the_förvaltning_and_names_the_attesting_director():
    läsare = PdfFileReader(io.BytesIO(un_signerad().innehåll))
    (signatur,) = läsare.embedded_regular_signatures
    sig = signatur.sig_object

    assert sig["/Name"] == "Utbildningsförvaltningen"
    assert sig["/Reason"] == "Attesterat 2023-10-17 av Lena Holmdahl, Utbildningsdirektör"
    assert sig["/Location"] == "Stockholm"
    assert sig["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES


def test_the_returned_hash_is_the_files():
    import hashlib

    signerad = un_signerad()

    assert signerad.sha256 == hashlib.sha256(signerad.innehåll).hexdigest()
