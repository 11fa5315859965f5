"""The seal's certificate: made for the demo by a command, checked at start-up."""

import stat

import pytest
from django.core import checks
from django.core.management import CommandError, call_command
from django.core.management.base import SystemCheckError

from tests.yttranden.pdfhjalp import demokatalog, skriv_democertifikat
from yttranden.pdf import kontroller
from yttranden.pdf import sigill as sigillmodul
from yttranden.pdf.sigill import SigillFel, läs_sigill


@pytest.fixture
def sigillplats(settings, tmp_path):
    """Point the settings at an empty directory, as on a fresh machine."""
    settings.REMISS_SIGILL_CERT = tmp_path / "sigill" / "sigill.pem"
    settings.REMISS_SIGILL_NYCKEL = tmp_path / "sigill" / "sigill-nyckel.pem"
    settings.REMISS_SIGILL_LOSENORD = ""
    sigillmodul.ladda_sigill.cache_clear()
    yield tmp_path / "sigill"
    sigillmodul.ladda_sigill.cache_clear()


def _fel(settings_cert, nyckel, lösenord=""):
    with pytest.raises(SigillFel) as fel:
        läs_sigill(settings_cert, nyckel, lösenord)
    return str(fel.value)


def test_create_demo_certificate_writes_a_usable_seal_with_a_private_key(sigillplats, capsys):
    call_command("create_demo_certificate")

    assert "Democertifikat skapat" in capsys.readouterr().out
    nyckel = sigillplats / "sigill-nyckel.pem"
    assert stat.S_IMODE(nyckel.stat().st_mode) == 0o600
    assert (sigillplats / "demo-ca.pem").exists()
    sigill = sigillmodul.ladda_sigill()
    assert len(sigill.kedja) == 2  # the seal, then the CA that issued it
    assert sigill.certifikat.subject.native["common_name"] == "Remiss demokommun e-stämpel"


def test_create_demo_certificate_keeps_an_existing_seal_unless_told(sigillplats):
    call_command("create_demo_certificate")
    första = (sigillplats / "sigill.pem").read_bytes()

    with pytest.raises(CommandError, match="finns redan"):
        call_command("create_demo_certificate")
    call_command("create_demo_certificate", "--om-saknas")
    assert (sigillplats / "sigill.pem").read_bytes() == första

    call_command("create_demo_certificate", "--skriv-over")
    assert (sigillplats / "sigill.pem").read_bytes() != första


def test_a_password_protected_demo_key_needs_its_password(settings, sigillplats):
    settings.REMISS_SIGILL_LOSENORD = "hemligt-lösenord"
    call_command("create_demo_certificate")

    assert sigillmodul.ladda_sigill()  # opens with the configured password
    assert "fel lösenord" in _fel(
        settings.REMISS_SIGILL_CERT, settings.REMISS_SIGILL_NYCKEL, "fel-lösenord"
    )
    assert "ange lösenordet i REMISS_SIGILL_LOSENORD" in _fel(
        settings.REMISS_SIGILL_CERT, settings.REMISS_SIGILL_NYCKEL, ""
    )


def test_an_unencrypted_key_with_a_password_set_is_pointed_out():
    katalog = demokatalog()

    assert "är inte krypterad" in _fel(
        katalog / "sigill.pem", katalog / "sigill-nyckel.pem", "något"
    )


def test_a_key_that_does_not_belong_to_the_certificate_is_refused(tmp_path):
    annan = skriv_democertifikat(tmp_path, organisation="Annan kommun")

    meddelande = _fel(demokatalog() / "sigill.pem", annan / "sigill-nyckel.pem")

    assert "hör inte till certifikatet" in meddelande


def test_a_file_without_a_certificate_is_refused(tmp_path):
    trasig = tmp_path / "trasig.pem"
    trasig.write_text("inget certifikat här")

    assert "innehåller inget läsbart certifikat" in _fel(
        trasig, demokatalog() / "sigill-nyckel.pem"
    )


def _sigillfel():
    return [fel for fel in checks.run_checks() if fel.id == "yttranden.E001"]


def test_the_check_is_quiet_on_a_fresh_machine_without_a_seal(settings, tmp_path, monkeypatch):
    # Nothing configured, nothing made: the demo starts; the PDF task reports the missing seal.
    monkeypatch.setattr(kontroller, "STANDARD_CERT", tmp_path / "sigill.pem")
    monkeypatch.setattr(kontroller, "STANDARD_NYCKEL", tmp_path / "sigill-nyckel.pem")
    settings.REMISS_SIGILL_CERT = tmp_path / "sigill.pem"
    settings.REMISS_SIGILL_NYCKEL = tmp_path / "sigill-nyckel.pem"

    assert _sigillfel() == []


def test_the_check_reports_a_configured_certificate_that_is_missing(settings, tmp_path):
    settings.REMISS_SIGILL_CERT = tmp_path / "saknas.pem"

    (fel,) = _sigillfel()

    assert fel.level == checks.ERROR
    assert f"Sigillcertifikatet {tmp_path / 'saknas.pem'} finns inte" in fel.msg
    assert "create_demo_certificate" in fel.msg


def test_the_check_reports_a_wrong_password(settings, sigillplats):
    settings.REMISS_SIGILL_LOSENORD = "rätt"
    call_command("create_demo_certificate")
    settings.REMISS_SIGILL_LOSENORD = "fel"

    (fel,) = _sigillfel()

    assert "fel lösenord (REMISS_SIGILL_LOSENORD)" in fel.msg


def test_manage_py_check_stops_on_a_bad_seal(settings, tmp_path):
    settings.REMISS_SIGILL_CERT = tmp_path / "saknas.pem"

    with pytest.raises(SystemCheckError, match="yttranden.E001"):
        call_command("check")


def test_the_check_passes_with_a_good_seal(sigillplats):
    call_command("create_demo_certificate")

    assert _sigillfel() == []


class _Certifikat:
    def __init__(self, storlek):
        self.storlek = storlek

    def dump(self):
        return b"x" * self.storlek


@pytest.mark.parametrize("storlek", [1201, 1202])
def test_the_space_reserved_for_the_seal_is_even_whatever_the_chain_weighs(storlek):
    """pyHanko refuses an odd reservation; a chain of odd length once failed every seal."""
    sigill = sigillmodul.Sigill(certifikat=None, kedja=(_Certifikat(storlek),), signerare=None)
    for tidsstämpel in (False, True):
        behov = sigill.platsbehov(tidsstämpel=tidsstämpel)
        assert behov % 2 == 0 and behov >= storlek + 4096
