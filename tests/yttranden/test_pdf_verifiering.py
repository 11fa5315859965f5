"""Telling an unaltered Remiss document from anything else: verifiera() and verify_pdf."""

import io

import pytest
from django.core.management import CommandError, call_command
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from tests.yttranden.pdfhjalp import (
    IDENTITET,
    demokatalog,
    demosigill,
    främmande_sigill,
    kör,
    som_fil,
    un_signerad,
)
from tests.yttranden.seedtext import utbildningsnämndens_utlåtande
from yttranden.pdf import sigill as sigillmodul
from yttranden.pdf.framstallning import skapa_signerad_pdf
from yttranden.pdf.rendering import rendera_pdf
from yttranden.pdf.verifiering import verifiera


def _vänd_byte(data, position):
    ändrad = bytearray(data)
    ändrad[position] ^= 0x01
    return bytes(ändrad)


def _signaturens_hex(data):
    början = data.index(b"/Contents <") + len(b"/Contents <")
    return början, data.index(b">", början)


def test_an_untouched_document_is_valid_and_says_which_utlåtande_and_version_it_is():
    resultat = verifiera(un_signerad().innehåll, sigill=demosigill())

    assert resultat.giltig, resultat.skäl
    assert resultat.diarienummer == "UN 2023/1872"
    assert resultat.version == "1"
    assert resultat.identitet == IDENTITET
    assert resultat.undertecknare == "Remiss demokommun e-stämpel"
    assert resultat.anledning == "Attesterat 2023-10-17 av Lena Holmdahl, Utbildningsdirektör"
    assert resultat.hash_känd is None  # nobody was asked


def _positioner():
    data = un_signerad().innehåll
    början, slut = _signaturens_hex(data)
    utfyllnad = början + len(data[början:slut].rstrip(b"0"))
    return {
        "i sidornas innehåll": len(data) // 3,
        "i signaturvärdet": utfyllnad - 10,
        "i signaturens utfyllnad": utfyllnad + 20,
        "i filens slut": len(data) - 3,
        "i filens huvud": 2,
    }


@pytest.mark.parametrize("var", list(_positioner()))
def test_one_changed_byte_anywhere_makes_it_invalid(var):
    ändrad = _vänd_byte(un_signerad().innehåll, _positioner()[var])

    resultat = verifiera(ändrad, sigill=demosigill())

    assert not resultat.giltig
    assert resultat.skäl
    assert resultat.rader()[0].startswith("INTE GILTIG")


def test_pdfsig_too_rejects_a_changed_byte_in_the_content():
    ändrad = _vänd_byte(un_signerad().innehåll, _positioner()["i sidornas innehåll"])

    utskrift = kör("pdfsig", str(som_fil(ändrad)), kontrollera=False).stdout

    assert "Signature is Valid." not in utskrift


def test_the_stored_documents_decide_whether_the_hash_is_known():
    signerad = un_signerad()
    lagrade = {signerad.sha256: "Tjänsteutlåtande 7, version 1"}

    känd = verifiera(signerad.innehåll, uppslagning=lagrade.get, sigill=demosigill())
    okänd = verifiera(signerad.innehåll, uppslagning={}.get, sigill=demosigill())

    assert känd.giltig and känd.hash_känd and känd.lagrad == "Tjänsteutlåtande 7, version 1"
    assert not okänd.giltig and okänd.hash_känd is False
    assert "Ingen lagrad handling har denna SHA-256." in okänd.skäl


def test_a_seal_by_another_certificate_is_not_ours():
    annans = skapa_signerad_pdf(utbildningsnämndens_utlåtande(), sigill=främmande_sigill())

    resultat = verifiera(annans.innehåll, sigill=demosigill())

    assert not resultat.giltig
    assert "Förseglad med ett annat certifikat än Remiss sigill." in resultat.skäl


def test_an_unsealed_pdf_is_not_valid():
    resultat = verifiera(rendera_pdf(utbildningsnämndens_utlåtande()), sigill=demosigill())

    assert not resultat.giltig
    assert "Filen har inte exakt ett sigill från Remiss." in resultat.skäl


def test_something_added_after_the_seal_makes_it_invalid():
    skrivare = IncrementalPdfFileWriter(io.BytesIO(un_signerad().innehåll))
    info = skrivare.prev.trailer_view["/Info"]
    info["/Title"] = generic.TextStringObject("Ett annat utlåtande")
    skrivare.update_container(info)
    ut = io.BytesIO()
    skrivare.write(ut)

    resultat = verifiera(ut.getvalue(), sigill=demosigill())

    assert not resultat.giltig
    assert "Något har lagts till i filen efter förseglingen." in resultat.skäl


def test_a_file_that_is_not_a_pdf_is_simply_not_valid():
    resultat = verifiera(b"inte en pdf", sigill=demosigill())

    assert not resultat.giltig
    assert "Filen kan inte läsas som en signerad PDF." in resultat.skäl


@pytest.fixture
def demoinställningar(settings, monkeypatch):
    # The stored documents are looked up in the database (tests/yttranden/test_pdfdokument*.py
    # test that end to end); here the store knows the sealed seed only.
    from types import SimpleNamespace

    from yttranden.management.commands import verify_pdf

    lagrad = SimpleNamespace(benämning="Tjänsteutlåtande UN 2023/1872, version 1")
    monkeypatch.setattr(verify_pdf, "lagrad_handling", lambda: {un_signerad().sha256: lagrad}.get)
    katalog = demokatalog()
    settings.REMISS_SIGILL_CERT = katalog / "sigill.pem"
    settings.REMISS_SIGILL_NYCKEL = katalog / "sigill-nyckel.pem"
    settings.REMISS_SIGILL_LOSENORD = ""
    sigillmodul.ladda_sigill.cache_clear()
    yield
    sigillmodul.ladda_sigill.cache_clear()


def test_verify_pdf_accepts_an_untouched_document(demoinställningar, capsys):
    call_command("verify_pdf", str(som_fil(un_signerad().innehåll)))

    utskrift = capsys.readouterr().out
    assert utskrift.startswith("GILTIG: handlingen är utfärdad av Remiss och oförändrad.")
    assert "Diarienummer: UN 2023/1872" in utskrift
    assert "Version: 1" in utskrift
    assert f"SHA-256: {un_signerad().sha256}" in utskrift
    assert "Lagrad handling: känd." in utskrift


def test_verify_pdf_refuses_a_changed_document_with_a_non_zero_exit(demoinställningar, capsys):
    ändrad = _vänd_byte(un_signerad().innehåll, _positioner()["i sidornas innehåll"])

    with pytest.raises(CommandError, match="inte giltig") as fel:
        call_command("verify_pdf", str(som_fil(ändrad)))

    assert fel.value.returncode == 1
    assert capsys.readouterr().out.startswith("INTE GILTIG")


def test_verify_pdf_says_when_the_file_cannot_be_read(demoinställningar, tmp_path):
    with pytest.raises(CommandError, match="Kan inte läsa"):
        call_command("verify_pdf", str(tmp_path / "finns-inte.pdf"))
