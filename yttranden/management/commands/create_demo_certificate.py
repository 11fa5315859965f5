"""Creates a self-signed organisation seal so the demo and the tests can sign PDFs."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from yttranden.pdf import democertifikat


class Command(BaseCommand):
    help = (
        "Skapar ett självsignerat demo-CA och ett sigillcertifikat (e-stämpel) med nyckel där "
        "REMISS_SIGILL_CERT och REMISS_SIGILL_NYCKEL pekar. Bara för demo och test."
    )
    # The system checks would complain about the very certificate this command creates.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--organisation", default="Remiss demokommun")
        parser.add_argument(
            "--om-saknas", action="store_true", help="Gör inget om certifikatet redan finns."
        )
        parser.add_argument("--skriv-over", action="store_true", help="Ersätt befintliga filer.")

    def handle(self, *args, organisation, om_saknas, skriv_over, **options):
        cert = Path(settings.REMISS_SIGILL_CERT)
        nyckel = Path(settings.REMISS_SIGILL_NYCKEL)
        ca = cert.with_name("demo-ca.pem")
        if cert.exists() or nyckel.exists():
            if om_saknas:
                return
            if not skriv_over:
                raise CommandError(f"{cert} eller {nyckel} finns redan; ange --skriv-over.")
        skapat = democertifikat.skapa(organisation, lösenord=settings.REMISS_SIGILL_LOSENORD)
        for sökväg in (cert, nyckel, ca):
            sökväg.parent.mkdir(parents=True, exist_ok=True)
        ca.write_bytes(skapat.ca_pem)
        cert.write_bytes(skapat.certifikat_pem)
        # The key is the seal: readable by this user only.
        fd = os.open(nyckel, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fil:
            fil.write(skapat.nyckel_pem)
        os.chmod(nyckel, 0o600)
        self.stdout.write(f"Democertifikat skapat: {cert}, nyckel {nyckel}, demo-CA {ca}.")
