"""The archive's integrity and the restore drill: ``kontrollera_arkiv`` finds each planted fault
(a file without a row, a row without a file, an altered file, an attested utlåtande whose PDF row
is gone) and ``--laga`` repairs what can be repaired; the drill dumps the database and MEDIA_ROOT
together, wipes them, restores both into a database of the test's own and finds the archive
whole, with a PDF that ``verify_pdf`` calls valid."""

import os
import shutil
import subprocess
import sys
import uuid

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from remiss import utkorg
from remiss.models import Utkorgspost
from tests.utkorg_processer import databas_url
from tests.yttranden.pdfdokumenthjalp import använd_demosigill, färdig
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


def _gör_pdf(utlåtande):
    dokument = Pdfdokument.objects.get(utlåtande=utlåtande)
    post = Utkorgspost.objects.get(nyckel=dokument.utkorgsnyckel)
    # Done here, unless a worker of this test process has taken the committed row first.
    utkorg.utför(post.pk)
    dokument = färdig(dokument)
    assert dokument.status == S.KLAR, dokument.fel
    return dokument


@pytest.fixture
def handling(remiss, ks_samordnare, arkiv):
    fil = ContentFile(b"%PDF-1.7 remisshandling", name="Overenskommelse.pdf")
    return remiss.bifoga(fil, "application/pdf", av=ks_samordnare)


def _kör(*args):
    from io import StringIO

    ut = StringIO()
    try:
        call_command("kontrollera_arkiv", *args, stdout=ut)
    except CommandError as fel:
        return ut.getvalue(), str(fel)
    return ut.getvalue(), None


def test_a_whole_archive_is_reported_clean(sigill, arkiv, attesterat, handling):
    _gör_pdf(attesterat)
    ut, fel = _kör()
    assert fel is None and "Arkivet är helt: inga fel." in ut


def test_each_planted_fault_is_found_and_what_can_be_is_repaired(
    sigill, arkiv, attesterat, handling, direktör
):
    dokument = _gör_pdf(attesterat)
    (arkiv / "pdf" / "okand.pdf").write_bytes(b"%PDF-1.7 ingen rad")  # a file without a row
    (arkiv / handling.fil.name).unlink()  # a row without its file
    with open(arkiv / dokument.fil.name, "r+b") as fil:  # an altered sealed PDF
        fil.seek(200)
        fil.write(b"X")

    ut, fel = _kör()
    assert fel == "Arkivet har fel (se ovan). Kör med --laga för att rätta det som går."
    assert "Fil utan rad: pdf/okand.pdf" in ut
    assert "Rad utan fil: handling Overenskommelse.pdf" in ut
    assert f"Fel SHA-256: PDF {dokument.benämning}" in ut

    ut, fel = _kör("--laga")
    assert fel == "Något kunde inte lagas (se ovan)."
    assert "Kan inte lagas: handling Overenskommelse.pdf" in ut
    assert (arkiv / "karantan" / "pdf" / "okand.pdf").exists()
    dokument.refresh_from_db()
    assert dokument.status == S.VÄNTAR and not dokument.fil  # to be made again
    igen = _gör_pdf(attesterat)
    assert igen.pk == dokument.pk and igen.status == S.KLAR
    ut, _fel = _kör()
    assert "Fil utan rad" not in ut and "Fel SHA-256" not in ut


def test_an_attested_utlåtande_whose_pdf_row_is_gone_gets_it_back_with_the_same_content(
    sigill, arkiv, attesterat
):
    dokument = _gör_pdf(attesterat)
    kontrollsumma = attesterat.attester.gällande().get(typ="attest").sha256
    (arkiv / dokument.fil.name).unlink()
    Utkorgspost.objects.filter(nyckel=dokument.utkorgsnyckel).delete()
    dokument.delete()

    ut, fel = _kör()
    assert f"Attesterat utan PDF: {attesterat}" in ut and fel

    ut, fel = _kör("--laga")
    assert fel is None
    ny = _gör_pdf(attesterat)
    assert ny.status == S.KLAR and ny.nyckel == dokument.nyckel
    assert attesterat.kontrollsumma() == kontrollsumma  # the attested content is unchanged
    assert _kör()[1] is None


def _psql(*args, databas="postgres"):
    db = connection.settings_dict
    värd = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    return subprocess.run(
        ["psql", *värd, "-d", databas, "-v", "ON_ERROR_STOP=1", *args],
        check=True,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def övningsdatabas():
    namn = f"{connection.settings_dict['NAME']}_ovning_{uuid.uuid4().hex[:6]}"
    yield namn
    _psql("-c", f'DROP DATABASE IF EXISTS "{namn}"')


def test_the_restore_drill_dump_wipe_restore_finds_the_archive_whole_and_the_pdf_valid(
    transactional_db, sigill, arkiv, attesterat, handling, tmp_path, övningsdatabas
):
    dokument = _gör_pdf(attesterat)
    db = connection.settings_dict
    värd = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]

    # The backup: the database and MEDIA_ROOT together (the seal's key is kept elsewhere).
    dump = tmp_path / "remiss.dump"
    subprocess.run(["pg_dump", *värd, "-Fc", "-f", str(dump), db["NAME"]], check=True)
    shutil.make_archive(str(tmp_path / "handlingar"), "gztar", arkiv)

    # Wiped: the files are gone; the restore goes into an empty database of its own.
    shutil.rmtree(arkiv)
    återställd = tmp_path / "återställd"
    _psql("-c", f'CREATE DATABASE "{övningsdatabas}"')
    subprocess.run(["pg_restore", *värd, "--no-owner", "-d", övningsdatabas, str(dump)], check=True)
    shutil.unpack_archive(tmp_path / "handlingar.tar.gz", återställd)

    url = databas_url().rsplit("/", 1)[0] + f"/{övningsdatabas}"
    katalog = django_settings.REMISS_SIGILL_CERT.parent
    miljö = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(återställd),
        "REMISS_SIGILL_CERT": str(katalog / "sigill.pem"),
        "REMISS_SIGILL_NYCKEL": str(katalog / "sigill-nyckel.pem"),
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            env=miljö,
            cwd=django_settings.BASE_DIR,
            capture_output=True,
            text=True,
        )

    kontroll = manage("kontrollera_arkiv")
    assert kontroll.returncode == 0, kontroll.stdout + kontroll.stderr
    assert "Arkivet är helt: inga fel." in kontroll.stdout
    verifiering = manage("verify_pdf", str(återställd / dokument.fil.name))
    assert verifiering.returncode == 0, verifiering.stdout + verifiering.stderr
    assert dokument.benämning in verifiering.stdout
