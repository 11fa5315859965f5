"""The stored PDFs made by a real Celery worker on Redis: attest, beslut and KS's request each give
a sealed document that poppler calls valid; twice gives one; a failure is recorded and shown."""

import hashlib

import pytest
from django.urls import reverse
from pyhanko.sign.timestamps import TimestampRequestError

from remiss import utkorg
from remiss.models import Remissinstans
from remiss.tasks.utkorg import utför
from tests.yttranden.pdfdokumenthjalp import (
    UTTALANDET,
    använd_demosigill,
    besluta,
    färdig,
    lagrad_fil,
    protokollsutdrag,
    text,
)
from tests.yttranden.pdfhjalp import kör
from yttranden import pdfinnehall
from yttranden.models import Pdfdokument
from yttranden.pdf import sigill as sigillmodul
from yttranden.pdf.verifiering import verifiera

S = Pdfdokument.Status


@pytest.fixture
def sigill(settings):
    använd_demosigill(settings)
    yield
    sigillmodul.ladda_sigill.cache_clear()


@pytest.fixture
def arkiv(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "handlingar"
    return settings.MEDIA_ROOT


def _utlåtandets_pdf(utlåtande):
    return Pdfdokument.objects.get(utlåtande=utlåtande)


def test_attest_makes_a_sealed_pdf_that_poppler_calls_valid(
    celeryarbetare, sigill, arkiv, godkänt, direktör
):
    godkänt.attestera(av=direktör)

    dokument = färdig(_utlåtandets_pdf(godkänt))
    assert dokument.status == S.KLAR, dokument.fel
    fil = lagrad_fil(dokument)
    assert "Signature Validation: Signature is Valid." in kör("pdfsig", str(fil)).stdout
    innehåll = text(dokument)
    assert "Dnr UN 2031/1234" in innehåll and "Attesterat av" in innehåll
    assert "Lena Holmdahl, Utbildningsdirektör" in innehåll
    # Stored under MEDIA_ROOT with a random name, with its SHA-256 and size.
    data = (arkiv / dokument.fil.name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == dokument.sha256
    assert dokument.storlek == len(data)
    assert dokument.fil.name.startswith("pdf/") and "UN" not in dokument.fil.name
    assert dokument.benämning == "Tjänsteutlåtande UN 2031/1234, version 1"
    assert dokument.försök == 1


def test_running_the_task_twice_gives_one_stored_document(
    celeryarbetare, sigill, arkiv, godkänt, direktör, remiss, ks_samordnare
):
    godkänt.attestera(av=direktör)
    dokument = färdig(_utlåtandets_pdf(godkänt))
    sha256 = dokument.sha256

    post = dokument.post
    utför.delay(post.pk)  # a duplicate message
    assert utkorg.utför(post.pk) is None  # and the task once more, right here
    assert Pdfdokument.för_utlåtande(godkänt) == dokument  # ordered again: the same row
    # The solo worker takes its messages in order: once this one is done, so is the duplicate.
    efter, _ = Pdfdokument.för_sammanställning(remiss, av=ks_samordnare)
    färdig(efter)

    dokument.refresh_from_db()
    assert Pdfdokument.objects.filter(utlåtande=godkänt).count() == 1
    assert dokument.sha256 == sha256 and dokument.försök == 1
    assert len(list((arkiv / "pdf").iterdir())) == 2  # the utlåtande and the sammanställning


def test_a_missing_certificate_is_recorded_as_failed_and_shown_with_a_retry_button(
    celeryarbetare, settings, arkiv, tmp_path, godkänt, direktör, client
):
    settings.REMISS_SIGILL_CERT = tmp_path / "finns-inte.pem"
    sigillmodul.ladda_sigill.cache_clear()
    godkänt.attestera(av=direktör)

    dokument = färdig(_utlåtandets_pdf(godkänt))
    assert dokument.status == S.MISSLYCKAD
    assert f"Sigillcertifikatet {tmp_path / 'finns-inte.pem'} finns inte." in dokument.fel
    assert not dokument.fil and not list(arkiv.rglob("*.pdf"))
    client.force_login(direktör)
    sida = client.get(reverse("yttranden:detalj", args=[godkänt.pk])).text
    assert "kunde inte skapas" in sida and "finns-inte.pem finns inte" in sida
    assert "Försök igen" in sida

    använd_demosigill(settings)  # the administrator fixes the seal; the direktör tries again
    client.post(reverse("pdf:försök_igen", args=[dokument.pk]))

    dokument = färdig(dokument)
    # A person asking again starts the attempts afresh.
    assert dokument.status == S.KLAR and dokument.fel == "" and dokument.försök == 1
    sigillmodul.ladda_sigill.cache_clear()


def test_a_timestamp_authority_that_does_not_answer_is_tried_again(
    celeryarbetare, sigill, arkiv, godkänt, direktör, monkeypatch, settings
):
    rendera, anrop = pdfinnehall.rendera, []

    def första_gången_utan_svar(dokument):
        anrop.append(dokument.pk)
        if len(anrop) == 1:
            raise TimestampRequestError("ingen förbindelse")
        return rendera(dokument)

    monkeypatch.setattr(pdfinnehall, "rendera", första_gången_utan_svar)
    settings.REMISS_UTKORG_BACKOFF_SEKUNDER = 1
    godkänt.attestera(av=direktör)

    dokument = färdig(_utlåtandets_pdf(godkänt))
    assert dokument.status == S.KLAR
    assert len(anrop) == 2 and dokument.försök == 2 and dokument.fel == ""


def test_the_beslut_makes_a_protokollsutdrag_with_the_ärende_and_the_statement(
    celeryarbetare, sigill, arkiv, attesterat, nämndsekreterare
):
    ärende = besluta(attesterat, nämndsekreterare)

    dokument = färdig(protokollsutdrag(ärende))
    assert dokument.status == S.KLAR, dokument.fel
    assert dokument.version == 2  # the beslut alone, then with the statement
    innehåll = text(dokument)
    for bit in [
        "UTBILDNINGSNÄMNDEN",
        "Protokollsutdrag",
        "Ärende 10",
        "Nämnden godkänner förslaget.",
        "Särskilt uttalande (L, C)",
        "Anna Andersson (L)",
        UTTALANDET,
        "Beslutet justeras omedelbart.",
    ]:
        assert bit in innehåll, bit
    assert "Signature is Valid." in kör("pdfsig", str(lagrad_fil(dokument))).stdout
    granskad = verifiera(lagrad_fil(dokument).read_bytes(), uppslagning=Pdfdokument.med_sha256)
    assert granskad.giltig and granskad.lagrad == dokument
    assert granskad.anledning.startswith("Protokollsutdrag, Utbildningsnämnden ")
    assert granskad.anledning.endswith(", ärende 10")
    # The first version, made when only the beslut was recorded, is kept as it was issued.
    första = färdig(Pdfdokument.objects.get(ärende=ärende, version=1))
    assert första.status == S.KLAR and UTTALANDET not in text(första)


def test_ks_asks_for_the_sammanställning_and_again_only_when_the_answers_changed(
    celeryarbetare, sigill, arkiv, attesterat, nämndsekreterare, ks_samordnare, remiss, client
):
    besluta(attesterat, nämndsekreterare)
    client.force_login(ks_samordnare)
    beställ = reverse("pdf:beställ_sammanställning", args=[remiss.pk])

    client.post(beställ)
    dokument = färdig(Pdfdokument.objects.get(typ=Pdfdokument.Typ.SAMMANSTÄLLNING))
    assert dokument.status == S.KLAR, dokument.fel
    innehåll = text(dokument)
    assert "Sammanställning av remissvar" in innehåll and "Dnr KS 2023/740" in innehåll
    assert "Utbildningsnämnden" in innehåll and UTTALANDET in innehåll
    assert "Inget svar ännu." in innehåll  # Södermalm
    assert "Signature is Valid." in kör("pdfsig", str(lagrad_fil(dokument))).stdout

    sida = client.get(client.post(beställ).url).text
    assert "har inte ändrats sedan version 1" in sida
    assert Pdfdokument.objects.filter(typ=Pdfdokument.Typ.SAMMANSTÄLLNING).count() == 1

    södermalm = remiss.instanser.get(nämnd__kortnamn="Södermalm")
    Remissinstans.objects.filter(pk=södermalm.pk).update(
        status=Remissinstans.Status.AVSTÅR, avstår_motivering="Ingen berörd verksamhet."
    )
    client.post(beställ)
    ny = färdig(Pdfdokument.objects.get(typ=Pdfdokument.Typ.SAMMANSTÄLLNING, version=2))
    assert ny.status == S.KLAR and "Ingen berörd verksamhet." in text(ny)
