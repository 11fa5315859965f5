"""Handlingar: only PDF, DOCX, XLSX and ODT, recognised by content; a size limit; stored under
MEDIA_ROOT with a random name and a SHA-256; served only to those who may see the remiss."""

import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from remiss.models import Handling, Remisshändelse
from tests.factories import RemissFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def zip_med(*delar, först=None):
    buffert = io.BytesIO()
    with zipfile.ZipFile(buffert, "w") as arkiv:
        if först:
            arkiv.writestr(först[0], först[1], compress_type=zipfile.ZIP_STORED)
        for namn in delar:
            arkiv.writestr(namn, "<xml/>")
    return buffert.getvalue()


DOCX = zip_med("[Content_Types].xml", "word/document.xml", "_rels/.rels")
XLSX = zip_med("[Content_Types].xml", "xl/workbook.xml")
ODT = zip_med("content.xml", först=("mimetype", "application/vnd.oasis.opendocument.text"))


def fil(namn, innehåll=PDF):
    return SimpleUploadedFile(namn, innehåll, content_type="application/octet-stream")


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "handlingar"


@pytest.fixture
def remiss(ks, un, ks_samordnare):
    return RemissFactory(nämnd=ks, diarienummer="KS 2023/740", mottagare=[un])


def ladda_upp(client, remiss, *filer):
    return client.post(reverse("ks:ladda_upp", args=[remiss.pk]), {"filer": list(filer)})


def test_the_remissamordnare_uploads_several_handlingar_at_once(
    client, remiss, ks_samordnare, settings
):
    client.force_login(ks_samordnare)
    svar = ladda_upp(
        client,
        remiss,
        fil("Överenskommelse.pdf"),
        fil("Bilaga 1.docx", DOCX),
        fil("Statistik.xlsx", XLSX),
        fil("Yttrande.odt", ODT),
    )
    assert svar.status_code == 302
    handlingar = list(remiss.handlingar.order_by("pk"))
    assert [h.filnamn for h in handlingar] == [
        "Överenskommelse.pdf",
        "Bilaga 1.docx",
        "Statistik.xlsx",
        "Yttrande.odt",
    ]
    pdf = handlingar[0]
    assert pdf.innehållstyp == "application/pdf" and pdf.storlek == len(PDF)
    assert pdf.sha256 == hashlib.sha256(PDF).hexdigest() and pdf.uppladdad_av == ks_samordnare
    # Stored under MEDIA_ROOT with a random name, never the name the sender gave.
    sökväg = settings.MEDIA_ROOT / pdf.fil.name
    assert sökväg.read_bytes() == PDF and "Överenskommelse" not in pdf.fil.name
    typer = list(remiss.händelser.values_list("typ", flat=True))
    assert typer == [Remisshändelse.Typ.HANDLING_TILLAGD] * 4
    assert "4 handlingar är bifogade." in client.get(svar.url).text


@pytest.mark.parametrize(
    ("namn", "innehåll", "meddelande"),
    [
        ("program.exe", b"MZ\x90\x00", "bara PDF, Word (DOCX), Excel (XLSX) och OpenDocument"),
        ("sida.pdf", b"<!DOCTYPE html><html><script>alert(1)</script>", "heter som en PDF-fil"),
        ("program.docx", b"MZ\x90\x00\x03\x00\x00\x00", "heter som en Word (DOCX)-fil"),
        ("arkiv.docx", zip_med("[Content_Types].xml", "annat.xml"), "Word (DOCX)-fil"),
        ("kalkyl.xlsx", PDF, "heter som en Excel (XLSX)-fil"),
        ("text.odt", DOCX, "heter som en OpenDocument (ODT)-fil"),
        ("tom.pdf", b"", "tom.pdf är tom."),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(
    client, remiss, ks_samordnare, namn, innehåll, meddelande
):
    client.force_login(ks_samordnare)
    svar = ladda_upp(client, remiss, fil(namn, innehåll))
    assert svar.status_code == 400 and meddelande in svar.text
    assert not Handling.objects.exists() and not remiss.händelser.exists()


def test_one_bad_file_refuses_the_whole_upload(client, remiss, ks_samordnare, settings):
    client.force_login(ks_samordnare)
    svar = ladda_upp(client, remiss, fil("bra.pdf"), fil("dålig.pdf", b"<html>"))
    assert svar.status_code == 400 and "dålig.pdf heter som en PDF-fil" in svar.text
    assert not Handling.objects.exists()
    assert not (settings.MEDIA_ROOT).exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


def test_a_file_over_the_limit_is_refused(client, remiss, ks_samordnare, settings):
    settings.REMISS_MAX_UPLOAD_MB = 1
    client.force_login(ks_samordnare)
    stor = PDF + b"0" * (1024 * 1024)
    svar = ladda_upp(client, remiss, fil("stor.pdf", stor))
    assert svar.status_code == 400
    assert "stor.pdf är 1,0\xa0MB; en handling får vara högst 1,0\xa0MB." in svar.text
    assert not Handling.objects.exists()


def test_no_file_chosen_is_explained(client, remiss, ks_samordnare):
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:ladda_upp", args=[remiss.pk]), {})
    assert svar.status_code == 400 and "Välj minst en fil att ladda upp." in svar.text


def test_a_handling_downloads_as_an_attachment_with_its_name(client, remiss, ks_samordnare):
    handling = remiss.bifoga(fil("Överenskommelse 2023.pdf"), "application/pdf", av=ks_samordnare)
    client.force_login(ks_samordnare)
    svar = client.get(reverse("ks:handling", args=[remiss.pk, handling.pk]))
    assert svar.status_code == 200 and b"".join(svar.streaming_content) == PDF
    assert svar["Content-Type"] == "application/pdf"
    assert svar["X-Content-Type-Options"] == "nosniff"
    assert svar["Content-Disposition"].startswith("attachment;")
    assert "%C3%96verenskommelse%202023.pdf" in svar["Content-Disposition"]


def test_a_recipient_downloads_once_the_remiss_is_sent(client, remiss, ks_samordnare, handläggare):
    handling = remiss.bifoga(fil("a.pdf"), "application/pdf", av=ks_samordnare)
    url = reverse("ks:handling", args=[remiss.pk, handling.pk])
    client.force_login(handläggare)
    assert client.get(url).status_code == 404  # a draft is KS's own
    remiss.skicka(av=ks_samordnare)
    assert client.get(url).status_code == 200


def test_a_handling_of_another_remiss_is_not_found_under_this_one(client, ks, remiss, ks_läsare):
    annan = RemissFactory(nämnd=ks)
    handling = annan.bifoga(fil("a.pdf"), "application/pdf", av=ks_läsare)
    client.force_login(ks_läsare)
    assert client.get(reverse("ks:handling", args=[remiss.pk, handling.pk])).status_code == 404


def test_removing_a_handling_from_a_draft(client, remiss, ks_samordnare, settings):
    handling = remiss.bifoga(fil("a.pdf"), "application/pdf", av=ks_samordnare)
    sökväg = settings.MEDIA_ROOT / handling.fil.name
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:ta_bort_handling", args=[remiss.pk, handling.pk]))
    assert svar.status_code == 302 and not Handling.objects.exists()
    assert remiss.händelser.last().typ == Remisshändelse.Typ.HANDLING_BORTTAGEN
    assert sökväg.exists()  # the file goes on commit, which this test's transaction never does


def test_removing_deletes_the_file_on_commit(
    client, remiss, ks_samordnare, settings, django_capture_on_commit_callbacks
):
    handling = remiss.bifoga(fil("a.pdf"), "application/pdf", av=ks_samordnare)
    sökväg = settings.MEDIA_ROOT / handling.fil.name
    client.force_login(ks_samordnare)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ks:ta_bort_handling", args=[remiss.pk, handling.pk]))
    assert not sökväg.exists()


def test_a_sent_remiss_keeps_its_handlingar_but_may_get_a_supplement(client, remiss, ks_samordnare):
    handling = remiss.bifoga(fil("a.pdf"), "application/pdf", av=ks_samordnare)
    remiss.skicka(av=ks_samordnare)
    client.force_login(ks_samordnare)
    svar = client.post(reverse("ks:ta_bort_handling", args=[remiss.pk, handling.pk]), follow=True)
    assert "Handlingar kan bara tas bort medan remissen är ett utkast." in svar.text
    assert Handling.objects.filter(pk=handling.pk).exists()
    ladda_upp(client, remiss, fil("Komplettering.pdf"))
    assert remiss.handlingar.count() == 2
    assert remiss.händelser.last().text == "Komplettering.pdf (efter utskick)"


def test_a_closed_remiss_gets_no_more_handlingar(client, remiss, ks_samordnare):
    remiss.skicka(av=ks_samordnare)
    remiss.avsluta(av=ks_samordnare)
    client.force_login(ks_samordnare)
    svar = client.post(
        reverse("ks:ladda_upp", args=[remiss.pk]), {"filer": [fil("sen.pdf")]}, follow=True
    )
    assert "Remissen är avslutad och kan inte få fler handlingar." in svar.text
    assert not remiss.handlingar.exists()


def test_a_missing_file_is_a_404_not_a_crash(client, remiss, ks_läsare, settings):
    handling = remiss.bifoga(fil("a.pdf"), "application/pdf", av=ks_läsare)
    (settings.MEDIA_ROOT / handling.fil.name).unlink()
    client.force_login(ks_läsare)
    assert client.get(reverse("ks:handling", args=[remiss.pk, handling.pk])).status_code == 404


def test_the_handlingar_page_runs_a_constant_number_of_queries(
    client, remiss, ks_samordnare, django_assert_max_num_queries
):
    for n in range(20):
        remiss.bifoga(fil(f"Bilaga {n}.pdf"), "application/pdf", av=ks_samordnare)
    client.force_login(ks_samordnare)
    with django_assert_max_num_queries(8):
        svar = client.get(reverse("ks:ladda_upp", args=[remiss.pk]))
    assert svar.text.count("Ta bort<span") == 20
