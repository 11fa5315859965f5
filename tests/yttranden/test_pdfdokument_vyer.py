"""The stored PDFs on the pages: status, download, "Försök igen", KS's request for the
sammanställning and the answer package, each with who may and who may not (nothing changes for
those who may not). Files are stand-ins here; the real ones are in test_pdfdokument.py."""

import io
import zipfile
from urllib.parse import unquote

import pytest
from django.urls import reverse

from nämnder.roller import Roll
from remiss.models import Utkorgspost
from tests.factories import AnvändareFactory, NämndFactory
from tests.yttranden.pdfdokumenthjalp import besluta, låtsas_klar, protokollsutdrag
from yttranden.models import Pdfdokument

S = Pdfdokument.Status
T = Pdfdokument.Typ


@pytest.fixture(autouse=True)
def arkiv(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "handlingar"
    return settings.MEDIA_ROOT


@pytest.fixture
def pdf(attesterat):
    return Pdfdokument.objects.get(utlåtande=attesterat)


@pytest.fixture
def klar(pdf):
    return låtsas_klar(pdf)


@pytest.fixture
def misslyckad(pdf):
    post = Utkorgspost.ta(Utkorgspost.objects.get(nyckel=pdf.utkorgsnyckel).pk)
    post.misslyckas("Sigillnyckeln kan inte öppnas.")
    pdf.misslyckas("Sigillnyckeln kan inte öppnas.")
    pdf.refresh_from_db()
    return pdf


@pytest.fixture
def besvarat(attesterat, nämndsekreterare):
    """Decided with a statement and sent to KS; every PDF of it issued."""
    ärende = besluta(attesterat, nämndsekreterare)
    for dokument in Pdfdokument.objects.all():
        låtsas_klar(dokument, f"%PDF-1.7 {dokument.nyckel}".encode())
    return ärende


@pytest.fixture
def främling(db):
    """Someone in a nämnd that the remiss never went to."""
    nämnd = NämndFactory(namn="Trafiknämnden", diarieprefix="TN")
    return AnvändareFactory(username="tove", roller=[(nämnd, Roll.HANDLÄGGARE)])


def _ögonblick():
    return list(Pdfdokument.objects.order_by("pk").values_list("status", "fel", "sha256"))


# --- download --------------------------------------------------------------------------------


def test_the_handläggare_downloads_the_sealed_pdf_as_an_attachment(client, klar, handläggare):
    client.force_login(handläggare)
    svar = client.get(reverse("pdf:ladda_ned", args=[klar.pk]))

    assert svar.status_code == 200
    assert svar["Content-Type"] == "application/pdf"
    assert svar["Content-Disposition"].startswith("attachment;")
    assert "Tjänsteutlåtande UN 2031-1234 version 1.pdf" in unquote(svar["Content-Disposition"])
    assert svar["X-Content-Type-Options"] == "nosniff"
    assert b"".join(svar.streaming_content).startswith(b"%PDF-1.7")


def test_ks_downloads_an_attested_utlåtande(client, klar, ks_läsare):
    client.force_login(ks_läsare)
    assert client.get(reverse("pdf:ladda_ned", args=[klar.pk])).status_code == 200


@pytest.mark.parametrize("namn", ["ladda_ned", "status"])
def test_outsiders_and_anonymous_never_see_a_pdf(client, klar, outsider, namn):
    före = _ögonblick()
    url = reverse(f"pdf:{namn}", args=[klar.pk])

    svar = client.get(url)
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert _ögonblick() == före


def test_a_pdf_not_made_yet_cannot_be_downloaded(client, pdf, handläggare):
    client.force_login(handläggare)
    assert client.get(reverse("pdf:ladda_ned", args=[pdf.pk])).status_code == 404


def test_ks_sees_the_protokollsutdrag_only_once_the_answer_is_sent(
    client, attesterat, nämndsekreterare, ks_läsare
):
    ärende = besluta(attesterat, nämndsekreterare, skicka=False)
    dokument = låtsas_klar(protokollsutdrag(ärende))
    client.force_login(ks_läsare)
    assert client.get(reverse("pdf:ladda_ned", args=[dokument.pk])).status_code == 404


# --- status on the pages ---------------------------------------------------------------------


def test_the_page_says_pdf_skapas_and_polls_a_status_region(client, pdf, handläggare):
    client.force_login(handläggare)
    sida = client.get(reverse("yttranden:detalj", args=[pdf.utlåtande_id])).text

    assert 'role="status" aria-live="polite"' in sida
    assert "PDF skapas…" in sida
    assert f'hx-get="{reverse("pdf:status", args=[pdf.pk])}"' in sida
    assert 'hx-trigger="every 2s"' in sida


def test_the_status_partial_gives_the_link_once_the_pdf_is_issued(client, klar, handläggare):
    client.force_login(handläggare)
    del_sida = client.get(reverse("pdf:status", args=[klar.pk]), HTTP_HX_REQUEST="true").text

    assert reverse("pdf:ladda_ned", args=[klar.pk]) in del_sida
    assert "hx-trigger" not in del_sida  # done: the polling stops
    assert klar.sha256 in del_sida


def test_the_preview_shows_the_same_status(client, klar, handläggare):
    client.force_login(handläggare)
    sida = client.get(reverse("yttranden:förhandsgranska", args=[klar.utlåtande_id])).text
    assert reverse("pdf:ladda_ned", args=[klar.pk]) in sida


def test_a_draft_has_no_pdf_and_its_page_asks_for_none(client, granskas, avdelningschef):
    client.force_login(avdelningschef)
    sida = client.get(reverse("yttranden:detalj", args=[granskas.pk])).text
    assert "pdfstatus" not in sida


def test_a_failure_is_shown_with_a_retry_button_for_the_direktör(client, misslyckad, direktör):
    client.force_login(direktör)
    sida = client.get(reverse("yttranden:detalj", args=[misslyckad.utlåtande_id])).text

    assert "kunde inte skapas" in sida and "Sigillnyckeln kan inte öppnas." in sida
    assert reverse("pdf:försök_igen", args=[misslyckad.pk]) in sida


def test_others_see_the_failure_but_no_retry_button(client, misslyckad, avdelningschef):
    client.force_login(avdelningschef)
    sida = client.get(reverse("yttranden:detalj", args=[misslyckad.utlåtande_id])).text

    assert "Sigillnyckeln kan inte öppnas." in sida
    assert reverse("pdf:försök_igen", args=[misslyckad.pk]) not in sida
    assert "Den som ansvarar för handlingen kan försöka igen." in sida


# --- Försök igen -----------------------------------------------------------------------------


def test_the_direktör_tries_again(client, misslyckad, direktör):
    client.force_login(direktör)
    svar = client.post(reverse("pdf:försök_igen", args=[misslyckad.pk]))

    assert svar.status_code == 302 and svar.url == reverse(
        "yttranden:detalj", args=[misslyckad.utlåtande_id]
    )
    misslyckad.refresh_from_db()
    assert misslyckad.status == S.VÄNTAR and misslyckad.fel == ""


def test_with_htmx_the_retry_answers_with_the_status_region(client, misslyckad, direktör):
    client.force_login(direktör)
    svar = client.post(reverse("pdf:försök_igen", args=[misslyckad.pk]), HTTP_HX_REQUEST="true")
    assert "PDF skapas…" in svar.text and "<html" not in svar.text


def test_retry_is_refused_to_the_wrong_people_and_nothing_changes(
    client, misslyckad, outsider, avdelningschef, ks_läsare
):
    före = _ögonblick()
    url = reverse("pdf:försök_igen", args=[misslyckad.pk])

    assert client.post(url).url.startswith(reverse("login"))
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    for person in (avdelningschef, ks_läsare):  # they see it, but it is not theirs to redo
        client.force_login(person)
        assert client.post(url).status_code == 403
    client.force_login(avdelningschef)
    assert client.get(url).status_code == 405
    assert _ögonblick() == före


# --- KS's sammanställning --------------------------------------------------------------------


def test_the_remissamordnare_asks_for_the_sammanställning(client, remiss, besvarat, ks_samordnare):
    client.force_login(ks_samordnare)
    sida = client.get(reverse("beslut:sammanställning", args=[remiss.pk])).text
    assert "Skapa sammanställningen som PDF" in sida

    svar = client.post(reverse("pdf:beställ_sammanställning", args=[remiss.pk]))

    assert svar.url.endswith("#pdf-sammanstallning")
    dokument = Pdfdokument.objects.get(typ=T.SAMMANSTÄLLNING)
    assert dokument.status == S.VÄNTAR and dokument.beställd_av == ks_samordnare
    assert "Utbildningsnämnden" in dokument.innehåll
    sida = client.get(svar.url).text
    assert "Sammanställningen skapas som PDF." in sida and "PDF skapas…" in sida


def test_the_sammanställning_pdf_is_asked_for_by_ks_only_and_nothing_changes(
    client, remiss, besvarat, ks_läsare, handläggare, främling
):
    url = reverse("pdf:beställ_sammanställning", args=[remiss.pk])
    före = _ögonblick()

    assert client.post(url).url.startswith(reverse("login"))
    client.force_login(främling)
    assert client.post(url).status_code == 404
    client.force_login(handläggare)  # sees the remiss: it came to her nämnd
    assert client.post(url).status_code == 403
    client.force_login(ks_läsare)  # reads it, does not compile it
    assert client.post(url).status_code == 403
    sida = client.get(reverse("beslut:sammanställning", args=[remiss.pk])).text
    assert "Skapa sammanställningen som PDF" not in sida
    assert _ögonblick() == före


def test_the_sammanställning_pdf_is_read_by_ks_only(
    client, remiss, besvarat, ks_samordnare, ks_läsare, handläggare, främling
):
    dokument, _ = Pdfdokument.för_sammanställning(remiss, av=ks_samordnare)
    låtsas_klar(dokument)
    url = reverse("pdf:ladda_ned", args=[dokument.pk])

    client.force_login(ks_läsare)
    assert client.get(url).status_code == 200
    # KS's compilation is KS's: a recipient of the remiss is not told of it either.
    client.force_login(handläggare)
    assert client.get(url).status_code == 404
    client.force_login(främling)
    assert client.get(url).status_code == 404


# --- the answer package ----------------------------------------------------------------------


def test_ks_downloads_the_answer_package_with_both_pdfs(client, besvarat, ks_läsare):
    instans = besvarat.utlåtande.instans
    client.force_login(ks_läsare)
    sida = client.get(reverse("beslut:sammanställning", args=[instans.remiss_id])).text
    assert reverse("pdf:svarspaket", args=[instans.pk]) in sida

    svar = client.get(reverse("pdf:svarspaket", args=[instans.pk]))

    assert svar.status_code == 200 and svar["Content-Type"] == "application/zip"
    assert "Svar Utbildningsnämnden KS 2023-740.zip" in unquote(svar["Content-Disposition"])
    assert svar["X-Content-Type-Options"] == "nosniff"
    paket = zipfile.ZipFile(io.BytesIO(svar.content))
    utlåtandet = Pdfdokument.objects.get(utlåtande=besvarat.utlåtande)
    utdraget = protokollsutdrag(besvarat)
    assert paket.namelist() == [utlåtandet.filnamn, utdraget.filnamn]
    assert paket.read(utdraget.filnamn) == f"%PDF-1.7 {utdraget.nyckel}".encode()
    assert utdraget.version == 2  # the one with the statement


def test_the_nämnds_own_people_download_it_from_the_ärende_page(client, besvarat, registrator):
    client.force_login(registrator)
    sida = client.get(reverse("beslut:ärende", args=[besvarat.pk])).text
    url = reverse("pdf:svarspaket", args=[besvarat.utlåtande.instans_id])
    assert url in sida
    assert client.get(url).status_code == 200


def test_the_sent_answer_package_is_an_allmän_handling_for_everyone_with_a_role(
    client, besvarat, outsider, utan_roll
):
    url = reverse("pdf:svarspaket", args=[besvarat.utlåtande.instans_id])
    assert client.get(url).url.startswith(reverse("login"))
    client.force_login(utan_roll)
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 200


@pytest.fixture
def utan_roll(db):
    from tests.factories import AnvändareFactory

    return AnvändareFactory(username="utan.roll")


def test_the_answer_package_says_what_is_missing(client, attesterat, nämndsekreterare, ks_läsare):
    besluta(attesterat, nämndsekreterare)
    låtsas_klar(Pdfdokument.objects.get(utlåtande=attesterat))
    client.force_login(ks_läsare)

    svar = client.get(reverse("pdf:svarspaket", args=[attesterat.instans_id]))

    assert svar.status_code == 409
    assert "PDF:en av protokollsutdraget är inte klar (väntar)." in svar.text


def test_an_answer_package_whose_file_is_lost_answers_in_swedish_not_500(
    client, besvarat, ks_läsare, settings
):
    utlåtandet = Pdfdokument.objects.get(utlåtande=besvarat.utlåtande)
    (settings.MEDIA_ROOT / utlåtandet.fil.name).unlink()  # a restore without MEDIA_ROOT
    client.force_login(ks_läsare)

    svar = client.get(reverse("pdf:svarspaket", args=[besvarat.utlåtande.instans_id]))

    assert svar.status_code == 409
    assert f"Filen för {utlåtandet.benämning} saknas i arkivet." in svar.text
    assert "kontrollera_arkiv --laga" in svar.text


def test_there_is_no_answer_package_before_the_answer_is_sent(
    client, attesterat, nämndsekreterare, registrator
):
    besluta(attesterat, nämndsekreterare, skicka=False)
    client.force_login(registrator)
    assert client.get(reverse("pdf:svarspaket", args=[attesterat.instans_id])).status_code == 404


def test_the_ärende_page_shows_both_pdfs(client, besvarat, nämndsekreterare):
    client.force_login(nämndsekreterare)
    sida = client.get(reverse("beslut:ärende", args=[besvarat.pk])).text
    for dokument in (
        Pdfdokument.objects.get(utlåtande=besvarat.utlåtande),
        protokollsutdrag(besvarat),
    ):
        assert reverse("pdf:ladda_ned", args=[dokument.pk]) in sida


# --- admin -----------------------------------------------------------------------------------


def test_the_admin_lists_failures_read_only_in_constant_queries(
    client, misslyckad, remiss, ks_samordnare, django_assert_max_num_queries
):
    södermalm = remiss.instanser.filter(nämnd__kortnamn="Södermalm")
    for skäl in ("Ingen tid.", "Ingen berörd verksamhet.", "Annat."):
        södermalm.update(status="avstar", avstår_motivering=skäl)
        Pdfdokument.för_sammanställning(remiss, av=ks_samordnare)
    client.force_login(AnvändareFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:yttranden_pdfdokument_changelist")

    with django_assert_max_num_queries(12):
        sida = client.get(url).text
    assert "4 PDF-handlingar" in sida and "Sigillnyckeln kan inte öppnas." in sida

    sida = client.get(url, {"status__exact": S.MISSLYCKAD}).text
    assert "1 PDF-handling" in sida
    assert client.get(reverse("admin:yttranden_pdfdokument_add")).status_code == 403
