"""Verifiera handling: the page and verify_pdf tell an issued, untouched document (and which one
it is) from a changed one or something that is no PDF at all."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from remiss import utkorg
from remiss.models import Utkorgspost
from tests.yttranden.pdfdokumenthjalp import använd_demosigill, lagrad_fil
from yttranden.models import Pdfdokument
from yttranden.pdf import sigill as sigillmodul

URL = reverse("pdf:verifiera")


@pytest.fixture(autouse=True)
def sigill(settings, tmp_path):
    använd_demosigill(settings)
    settings.MEDIA_ROOT = tmp_path / "handlingar"
    yield
    sigillmodul.ladda_sigill.cache_clear()


@pytest.fixture
def utfärdad(attesterat):
    """The attested utlåtande's PDF as the worker makes it (the task, called here)."""
    dokument = Pdfdokument.objects.get(utlåtande=attesterat)
    utkorg.utför(Utkorgspost.objects.get(nyckel=dokument.utkorgsnyckel).pk)
    dokument.refresh_from_db()
    assert dokument.status == Pdfdokument.Status.KLAR, dokument.fel
    return lagrad_fil(dokument).read_bytes()


def _ladda_upp(client, data, namn="handling.pdf"):
    return client.post(URL, {"fil": SimpleUploadedFile(namn, data, "application/pdf")})


def _vänd_byte(data, position):
    ändrad = bytearray(data)
    ändrad[position] ^= 0x01
    return bytes(ändrad)


def test_an_untouched_stored_pdf_is_valid_and_named(client, utfärdad, handläggare):
    client.force_login(handläggare)
    sida = _ladda_upp(client, utfärdad, "UN 2031-1234.pdf").text

    assert "Giltig." in sida
    assert "Tjänsteutlåtande UN 2031/1234, version 1" in sida
    assert "Remiss demokommun e-stämpel" in sida
    assert "Attesterat " in sida and "Lena Holmdahl, Utbildningsdirektör" in sida
    assert reverse("yttranden:detalj", args=[Pdfdokument.objects.get().utlåtande_id]) in sida


def test_anyone_signed_in_may_verify_but_only_those_who_may_see_it_get_a_link(
    client, utfärdad, outsider
):
    client.force_login(outsider)
    sida = _ladda_upp(client, utfärdad).text

    assert "Giltig." in sida and "Tjänsteutlåtande UN 2031/1234, version 1" in sida
    assert reverse("yttranden:detalj", args=[Pdfdokument.objects.get().utlåtande_id]) not in sida


def test_one_flipped_byte_is_not_valid(client, utfärdad, handläggare):
    client.force_login(handläggare)
    sida = _ladda_upp(client, _vänd_byte(utfärdad, len(utfärdad) // 3)).text

    assert "Inte giltig." in sida
    assert "Ingen lagrad handling har denna SHA-256." in sida
    assert "Giltig." not in sida.replace("Inte giltig.", "")


def test_a_sealed_pdf_that_was_never_stored_is_not_valid(client, handläggare):
    from tests.yttranden.pdfhjalp import un_signerad

    client.force_login(handläggare)
    sida = _ladda_upp(client, un_signerad().innehåll).text
    assert "Inte giltig." in sida and "Ingen lagrad handling har denna SHA-256." in sida


def test_a_file_that_is_not_a_pdf_is_refused_in_swedish(client, handläggare):
    client.force_login(handläggare)
    svar = _ladda_upp(client, b"PK\x03\x04 ett zip-arkiv", "handling.pdf")

    assert svar.status_code == 400
    assert "Filen är ingen PDF. Välj den PDF-fil du vill kontrollera." in svar.text


def test_no_file_and_too_large_a_file_are_refused(client, handläggare, settings):
    settings.REMISS_MAX_UPLOAD_MB = 1
    client.force_login(handläggare)

    svar = client.post(URL, {})
    assert svar.status_code == 400 and "Välj en PDF-fil att kontrollera." in svar.text
    svar = _ladda_upp(client, b"%PDF-1.7\n" + b"0" * (1024 * 1024))
    assert svar.status_code == 400 and "Filen är för stor: högst 1 MB." in svar.text


def test_without_a_seal_the_page_says_so(client, handläggare, settings, tmp_path):
    settings.REMISS_SIGILL_CERT = tmp_path / "saknas.pem"
    sigillmodul.ladda_sigill.cache_clear()
    client.force_login(handläggare)

    svar = _ladda_upp(client, b"%PDF-1.7\n")

    assert svar.status_code == 503
    assert "Handlingar kan inte kontrolleras just nu" in svar.text


def test_the_page_is_for_people_who_are_signed_in(client, handläggare):
    assert client.get(URL).url.startswith(reverse("login"))
    assert client.post(URL, {}).url.startswith(reverse("login"))
    client.force_login(handläggare)
    sida = client.get(URL).text
    assert "Verifiera handling" in sida and 'enctype="multipart/form-data"' in sida


def test_verify_pdf_names_the_stored_document(utfärdad, tmp_path, capsys):
    fil = tmp_path / "handling.pdf"
    fil.write_bytes(utfärdad)

    call_command("verify_pdf", str(fil))

    utskrift = capsys.readouterr().out
    assert utskrift.startswith("GILTIG")
    assert "Lagrad handling: känd." in utskrift
    assert "Handling: Tjänsteutlåtande UN 2031/1234, version 1" in utskrift


def test_verify_pdf_refuses_a_changed_stored_document(utfärdad, tmp_path, capsys):
    fil = tmp_path / "handling.pdf"
    fil.write_bytes(_vänd_byte(utfärdad, len(utfärdad) // 2))

    with pytest.raises(CommandError, match="inte giltig"):
        call_command("verify_pdf", str(fil))
    assert "Lagrad handling: okänd." in capsys.readouterr().out
