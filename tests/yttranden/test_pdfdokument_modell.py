"""The stored PDF's rules, without a worker: what may be ordered, its row in the outbox, taking
over from a dead worker, and the work's quiet and loud endings. The outbox's work is done
directly here (``utkorg.utför``); tests/yttranden/test_pdfdokument.py runs it in a real worker."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from remiss import utkorg
from remiss.models import Utkorgspost
from tests.yttranden.pdfdokumenthjalp import använd_demosigill, låtsas_klar
from yttranden.models import Pdfdokument
from yttranden.pdf import sigill as sigillmodul

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


def _post(dokument):
    return Utkorgspost.objects.get(nyckel=dokument.utkorgsnyckel)


def _gör(dokument):
    return utkorg.utför(_post(dokument).pk)


def test_attest_orders_the_pdf_and_its_work_in_the_same_transaction(attesterat):
    dokument = Pdfdokument.objects.get(utlåtande=attesterat)
    assert dokument.status == S.VÄNTAR and dokument.typ == Pdfdokument.Typ.TJÄNSTEUTLÅTANDE
    assert dokument.nyckel == f"tjansteutlatande:{attesterat.pk}:v1"
    assert dokument.remiss == attesterat.instans.remiss
    post = _post(dokument)
    assert post.uppdrag == "pdf.skapa" and post.status == Utkorgspost.S.VÄNTAR


def test_a_pdf_of_an_utlåtande_that_is_not_attested_is_refused(godkänt):
    with pytest.raises(ValidationError, match="Bara ett attesterat tjänsteutlåtande"):
        Pdfdokument.för_utlåtande(godkänt)
    assert not Pdfdokument.objects.exists()


def test_an_utlåtande_reopened_before_its_render_fails_visibly_as_not_attested(
    sigill, arkiv, dokument, attesterat, direktör
):
    attesterat.återöppna("Fel siffra i bakgrunden.", av=direktör)

    _gör(dokument)

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
    _gör(dokument)

    dokument.refresh_from_db()
    assert dokument.status == S.MISSLYCKAD
    assert dokument.fel.startswith(
        "PDF:en kunde inte skapas på grund av ett tekniskt fel (KeyError)"
    )


def test_the_work_is_taken_once(dokument):
    assert Utkorgspost.ta(_post(dokument).pk) is not None
    assert Utkorgspost.ta(_post(dokument).pk) is None
    assert _post(dokument).status == Utkorgspost.S.PÅGÅR and _post(dokument).försök == 1


def test_a_claim_whose_worker_died_is_taken_over_and_rendered(sigill, arkiv, dokument):
    Utkorgspost.ta(_post(dokument).pk)
    Utkorgspost.objects.update(låst_till=timezone.now() - datetime.timedelta(seconds=1))
    assert _post(dokument).pk in utkorg.svep()  # the sweep hands it out again

    assert _gör(dokument) == Utkorgspost.S.KLAR

    dokument.refresh_from_db()
    assert dokument.status == S.KLAR and dokument.försök == 2
    assert (arkiv / dokument.fil.name).exists()


def test_the_hard_time_limit_is_shorter_than_the_lease_so_a_live_worker_keeps_it():
    assert (
        django_settings.REMISS_UTKORG_MJUK_TIDSGRANS
        < django_settings.REMISS_UTKORG_TIDSGRANS
        < django_settings.REMISS_UTKORG_LASTID_SEKUNDER
        <= 5 * 60
    )


def test_a_worker_that_lost_its_claim_stores_nothing(arkiv, dokument):
    from yttranden.pdf.framstallning import SigneradPdf

    gammal = Utkorgspost.ta(_post(dokument).pk)
    Utkorgspost.objects.update(låst_till=timezone.now() - datetime.timedelta(seconds=1))
    ny = Utkorgspost.ta(_post(dokument).pk)
    dokument.påbörja()

    assert not dokument.spara(gammal, SigneradPdf(b"%PDF-1.7 gammal", "a" * 64))
    assert not list(arkiv.rglob("*.pdf"))
    assert dokument.spara(ny, SigneradPdf(b"%PDF-1.7 ny", "b" * 64))
    dokument.refresh_from_db()
    assert dokument.sha256 == "b" * 64 and len(list(arkiv.rglob("*.pdf"))) == 1
    assert not gammal.klarmarkera() and ny.klarmarkera()


def test_an_issued_document_is_never_rendered_again(arkiv, dokument, direktör):
    låtsas_klar(dokument)
    sha256 = dokument.sha256

    assert not dokument.försök_igen(av=direktör)
    assert _gör(dokument) is None  # its work is done

    dokument.refresh_from_db()
    assert dokument.status == S.KLAR and dokument.sha256 == sha256


def test_a_failed_render_may_be_tried_again_and_a_running_one_may_not(
    dokument, direktör, monkeypatch
):
    from yttranden import pdfinnehall

    assert not dokument.försök_igen(av=direktör)  # waiting
    monkeypatch.setattr(pdfinnehall, "rendera", lambda d: 1 / 0)
    assert _gör(dokument) == Utkorgspost.S.MISSLYCKAD
    dokument.refresh_from_db()
    assert dokument.kan_försökas_igen() and _post(dokument).status == Utkorgspost.S.MISSLYCKAD

    assert dokument.försök_igen(av=direktör)
    assert dokument.status == S.VÄNTAR and dokument.fel == ""
    assert _post(dokument).status == Utkorgspost.S.VÄNTAR


def test_every_transition_the_worker_makes_is_listed_once():
    for från, tillåtna in Pdfdokument.ÖVERGÅNGAR.items():
        assert set(tillåtna) <= set(S), från
    assert Pdfdokument.ÖVERGÅNGAR[S.KLAR] == {S.VÄNTAR}  # only when its file is lost
