"""What the handläggare sets on the document itself: the line under the title and the
handläggare it names (without touching anyone's profile), and bilagor that are the remiss's own
handlingar or files uploaded here, checked by their content, carried into the answer package."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.kedja import skriv_klart
from tests.remiss.test_handlingar import DOCX, PDF
from tests.yttranden.pdfdokumenthjalp import besluta, låtsas_klar
from yttranden.models import Bilaga, Pdfdokument


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _uppgifter(utlåtande, **fält):
    return {
        "datum": f"{utlåtande.datum:%Y-%m-%d}",
        "granskare": utlåtande.granskare_id,
        "attestant": utlåtande.attestant_id,
        **fält,
    }


def test_a_second_handläggare_and_another_number_change_the_document_not_the_profile(
    client, utlåtande, handläggare
):
    client.force_login(handläggare)
    svar = client.post(
        reverse("yttranden:uppgifter", args=[utlåtande.pk]),
        _uppgifter(
            utlåtande,
            handläggare_i_dokumentet="Joakim Länninge, 08-508 337 50\n\nFabian Lind, 08-508 31 945",
            underrubrik="  Remiss från kommunstyrelsen,   dnr KS 2023/740 ",
        ),
    )

    assert svar.status_code == 302
    utlåtande.refresh_from_db()
    dokument = utlåtande.som_dokument()
    assert [(p.namn, p.telefon) for p in dokument.handläggare] == [
        ("Joakim Länninge", "08-508 337 50"),
        ("Fabian Lind", "08-508 31 945"),
    ]
    assert dokument.underrubrik == "Remiss från kommunstyrelsen, dnr KS 2023/740"
    handläggare.refresh_from_db()
    assert handläggare.telefon == ""
    sida = client.get(reverse("yttranden:förhandsgranska", args=[utlåtande.pk])).text
    assert "Fabian Lind" in sida and "Telefon: 08-508 31 945" in sida
    assert "Remiss från kommunstyrelsen, dnr KS 2023/740" in sida


def test_without_settings_the_document_names_the_case_s_handläggare_and_the_seeds_line(
    utlåtande, handläggare
):
    handläggare.telefon = "08-50833750"
    handläggare.save()
    dokument = utlåtande.som_dokument()
    assert [(p.namn, p.telefon) for p in dokument.handläggare] == [
        ("Joakim Länninge", "08-50833750")
    ]
    assert dokument.underrubrik == "Remiss från kommunstyrelsen, KS 2023/740"


def test_a_handläggare_line_without_a_name_is_refused_and_nothing_changes(
    client, utlåtande, handläggare
):
    client.force_login(handläggare)
    svar = client.post(
        reverse("yttranden:uppgifter", args=[utlåtande.pk]),
        _uppgifter(utlåtande, handläggare_i_dokumentet=", 08-508 31 945"),
    )
    assert svar.status_code == 400
    assert "Raden ”, 08-508 31 945” saknar namn." in svar.text
    utlåtande.refresh_from_db()
    assert utlåtande.handläggare_i_dokumentet == []


def test_an_uploaded_file_becomes_a_checked_bilaga(client, utlåtande, handläggare):
    client.force_login(handläggare)
    client.post(
        reverse("yttranden:ny_bilaga", args=[utlåtande.pk]),
        {"titel": "", "fil": SimpleUploadedFile("Prioriterade samverkansområden.pdf", PDF)},
    )

    bilaga = utlåtande.bilagor.get()
    assert bilaga.titel == "Prioriterade samverkansområden"
    assert bilaga.innehållstyp == "application/pdf" and bilaga.storlek == len(PDF)
    hämtad = client.get(reverse("yttranden:bilaga", args=[utlåtande.pk, bilaga.pk]))
    assert hämtad.status_code == 200 and b"".join(hämtad.streaming_content) == PDF
    assert hämtad["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in hämtad["Content-Disposition"]


@pytest.mark.parametrize(
    ("namn", "innehåll", "fel"),
    [
        ("bilaga.pdf", DOCX, "bilaga.pdf heter som en PDF-fil men innehållet är något annat"),
        ("bilaga.exe", PDF, "bilaga.exe: bara PDF, Word (DOCX), Excel (XLSX) och OpenDocument"),
    ],
    ids=["förklädd", "fel-filtyp"],
)
def test_a_disguised_or_foreign_file_is_refused_in_swedish(
    client, utlåtande, handläggare, namn, innehåll, fel
):
    client.force_login(handläggare)
    svar = client.post(
        reverse("yttranden:ny_bilaga", args=[utlåtande.pk]),
        {"titel": "Bilaga", "fil": SimpleUploadedFile(namn, innehåll)},
    )
    assert svar.status_code == 400 and fel in svar.text
    assert not Bilaga.objects.exists()


def test_an_oversized_file_is_refused(client, utlåtande, handläggare, settings):
    settings.REMISS_MAX_UPLOAD_MB = 0.00001  # ten bytes
    client.force_login(handläggare)
    svar = client.post(
        reverse("yttranden:ny_bilaga", args=[utlåtande.pk]),
        {"titel": "Bilaga", "fil": SimpleUploadedFile("stor.pdf", PDF)},
    )
    assert svar.status_code == 400 and "en handling får vara högst" in svar.text
    assert not Bilaga.objects.exists()


def test_one_of_the_remiss_s_handlingar_becomes_a_bilaga(
    client, utlåtande, handläggare, ks_samordnare
):
    remiss = utlåtande.instans.remiss
    handling = remiss.handlingar.create(
        fil=SimpleUploadedFile("x.pdf", PDF),
        filnamn="Samverkansöverenskommelse.pdf",
        innehållstyp="application/pdf",
        storlek=len(PDF),
        sha256="0" * 64,
        uppladdad_av=ks_samordnare,
    )
    client.force_login(handläggare)
    client.post(
        reverse("yttranden:ny_bilaga", args=[utlåtande.pk]), {"titel": "", "handling": handling.pk}
    )

    bilaga = utlåtande.bilagor.get()
    assert (bilaga.titel, bilaga.handling) == ("Samverkansöverenskommelse", handling)
    sida = client.get(reverse("yttranden:redigera", args=[utlåtande.pk])).text
    assert reverse("yttranden:bilaga", args=[utlåtande.pk, bilaga.pk]) in sida


def test_the_bilagor_files_go_into_the_answer_package_and_the_attest(
    client, utlåtande, handläggare, avdelningschef, direktör, nämndsekreterare, ks_läsare
):
    utlåtande.lägg_till_bilaga("Samverkansöverenskommelse")
    utlåtande.lägg_till_bilaga(
        "Prioriterade samverkansområden",
        fil=SimpleUploadedFile("områden.pdf", PDF),
        av=handläggare,
    )
    skriv_klart(utlåtande, handläggare)
    utlåtande.skicka_till_granskning(av=handläggare)
    utlåtande.godkänn(av=avdelningschef)
    utlåtande.attestera(av=direktör)
    attest = utlåtande.attester.get(typ="attest")
    assert attest.sha256 == utlåtande.kontrollsumma()
    besluta(utlåtande, nämndsekreterare)
    for dokument in Pdfdokument.objects.all():
        låtsas_klar(dokument, f"%PDF-1.7 {dokument.nyckel}".encode())

    client.force_login(ks_läsare)
    svar = client.get(reverse("pdf:svarspaket", args=[utlåtande.instans_id]))

    paket = zipfile.ZipFile(io.BytesIO(svar.content))
    assert paket.namelist()[-1] == "Bilaga 2 områden.pdf"
    assert paket.read("Bilaga 2 områden.pdf") == PDF
