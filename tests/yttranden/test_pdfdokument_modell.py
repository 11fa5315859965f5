"""The stored PDF's rules, without a worker: what may be ordered, the claim, taking over from a
dead worker, and the task's quiet and loud endings. The task function is called directly here;
tests/yttranden/test_pdfdokument.py runs it in a real worker."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.yttranden.pdfdokumenthjalp import använd_demosigill, låtsas_klar
from yttranden.models import Pdfdokument
from yttranden.models.pdfdokument import LASTID
from yttranden.pdf import sigill as sigillmodul
from yttranden.tasks.pdf import MJUK_TIDSGRÄNS, TIDSGRÄNS, skapa_pdf

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


@pytest.fixture
def dokument(attesterat):
    return Pdfdokument.objects.get(utlåtande=attesterat)


def test_attest_orders_the_pdf_in_the_same_transaction(attesterat):
    dokument = Pdfdokument.objects.get(utlåtande=attesterat)
    assert dokument.status == S.VÄNTAR and dokument.typ == Pdfdokument.Typ.TJÄNSTEUTLÅTANDE
    assert dokument.nyckel == f"tjansteutlatande:{attesterat.pk}:v1"
    assert dokument.remiss == attesterat.instans.remiss


def test_a_pdf_of_an_utlåtande_that_is_not_attested_is_refused(godkänt):
    with pytest.raises(ValidationError, match="Bara ett attesterat tjänsteutlåtande"):
        Pdfdokument.för_utlåtande(godkänt)
    assert not Pdfdokument.objects.exists()


def test_an_utlåtande_reopened_before_its_render_fails_visibly_as_not_attested(
    sigill, arkiv, dokument, attesterat, direktör
):
    attesterat.återöppna("Fel siffra i bakgrunden.", av=direktör)

    skapa_pdf(dokument.pk)

    dokument.refresh_from_db()
    assert dokument.status == S.MISSLYCKAD
    assert dokument.fel == "Tjänsteutlåtandet är inte attesterat och kan inte bli en PDF."


def test_a_template_error_is_recorded_in_swedish_not_swallowed(
    sigill, arkiv, dokument, monkeypatch
):
    from yttranden import pdfinnehall

    def trasig(_dokument):
        raise KeyError("mallfel")

    monkeypatch.setattr(pdfinnehall, "rendera", trasig)
    skapa_pdf(dokument.pk)

    dokument.refresh_from_db()
    assert dokument.status == S.MISSLYCKAD
    assert dokument.fel.startswith(
        "PDF:en kunde inte skapas på grund av ett tekniskt fel (KeyError)"
    )


def test_the_task_returns_quietly_when_the_row_is_gone(db):
    assert skapa_pdf(987654321) is None


def test_a_claim_is_taken_once(dokument):
    assert Pdfdokument.ta(dokument.pk) is not None
    assert Pdfdokument.ta(dokument.pk) is None
    dokument.refresh_from_db()
    assert dokument.status == S.RENDERAS and dokument.försök == 1


def test_a_fresh_claim_is_left_alone_and_looked_at_again_once_it_would_be_stale(
    dokument, monkeypatch
):
    Pdfdokument.ta(dokument.pk)
    köade = []
    monkeypatch.setattr(skapa_pdf, "apply_async", lambda args, countdown: köade.append(countdown))

    skapa_pdf(dokument.pk)

    dokument.refresh_from_db()
    assert dokument.status == S.RENDERAS and dokument.försök == 1
    assert len(köade) == 1 and LASTID.total_seconds() <= köade[0] <= LASTID.total_seconds() + 10


def test_a_claim_whose_worker_died_is_taken_over_and_rendered(sigill, arkiv, dokument):
    Pdfdokument.ta(dokument.pk)
    Pdfdokument.objects.filter(pk=dokument.pk).update(
        status_ändrad=timezone.now() - LASTID - datetime.timedelta(seconds=1)
    )
    dokument.refresh_from_db()
    assert dokument.fastnad and dokument.kan_försökas_igen()

    skapa_pdf(dokument.pk)

    dokument.refresh_from_db()
    assert dokument.status == S.KLAR and dokument.försök == 2
    assert (arkiv / dokument.fil.name).exists()


def test_the_hard_time_limit_is_shorter_than_the_claim_so_a_live_worker_keeps_it():
    assert MJUK_TIDSGRÄNS < TIDSGRÄNS < LASTID.total_seconds()


def test_a_worker_that_lost_its_claim_stores_nothing(arkiv, dokument):
    from yttranden.pdf.framstallning import SigneradPdf

    gammal = Pdfdokument.ta(dokument.pk)
    Pdfdokument.objects.filter(pk=dokument.pk).update(
        status_ändrad=timezone.now() - LASTID - datetime.timedelta(seconds=1)
    )
    ny = Pdfdokument.ta(dokument.pk)

    assert not dokument.spara(gammal, SigneradPdf(b"%PDF-1.7 gammal", "a" * 64))
    assert not list(arkiv.rglob("*.pdf"))
    assert dokument.spara(ny, SigneradPdf(b"%PDF-1.7 ny", "b" * 64))
    dokument.refresh_from_db()
    assert dokument.sha256 == "b" * 64 and len(list(arkiv.rglob("*.pdf"))) == 1


def test_an_issued_document_is_never_rendered_again(arkiv, dokument, direktör):
    låtsas_klar(dokument)
    sha256 = dokument.sha256

    assert Pdfdokument.ta(dokument.pk) is None
    assert not dokument.försök_igen(av=direktör)
    skapa_pdf(dokument.pk)

    dokument.refresh_from_db()
    assert dokument.status == S.KLAR and dokument.sha256 == sha256


def test_a_failed_render_may_be_tried_again_and_a_running_one_may_not(dokument, direktör):
    assert not dokument.försök_igen(av=direktör)  # waiting, and not for long
    token = Pdfdokument.ta(dokument.pk)
    dokument.misslyckas(token, "Något gick fel.")
    dokument.refresh_from_db()
    assert dokument.kan_försökas_igen()

    assert dokument.försök_igen(av=direktör)
    assert dokument.status == S.VÄNTAR and dokument.fel == ""


def test_every_transition_the_worker_makes_is_listed_once():
    for från, tillåtna in Pdfdokument.ÖVERGÅNGAR.items():
        assert set(tillåtna) <= set(S), från
    assert Pdfdokument.ÖVERGÅNGAR[S.KLAR] == set()
