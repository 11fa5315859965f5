"""Says whether a PDF is an unaltered document issued by Remiss (see yttranden/pdf/verifiering)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from yttranden.pdf.sigill import SigillFel, ladda_sigill
from yttranden.pdf.verifiering import verifiera


def lagrad_handling():
    """The lookup of stored documents by SHA-256 (yttranden.models.Pdfdokument)."""
    from yttranden.models import Pdfdokument

    return Pdfdokument.med_sha256


class Command(BaseCommand):
    help = "Kontrollerar att en PDF är en oförändrad handling utfärdad av Remiss."

    def add_arguments(self, parser):
        parser.add_argument("fil", type=Path, help="PDF-filen som ska kontrolleras")

    def handle(self, *args, fil, **options):
        try:
            data = fil.read_bytes()
        except OSError as fel:
            raise CommandError(f"Kan inte läsa {fil}: {fel.strerror}.") from None
        try:
            sigill = ladda_sigill()
        except SigillFel as fel:
            raise CommandError(str(fel)) from None
        resultat = verifiera(data, uppslagning=lagrad_handling(), sigill=sigill)
        self.stdout.write("\n".join(resultat.rader()))
        if resultat.lagrad is not None:
            self.stdout.write(f"Handling: {resultat.lagrad.benämning}")
        if not resultat.giltig:
            raise CommandError("Handlingen är inte giltig.", returncode=1)
