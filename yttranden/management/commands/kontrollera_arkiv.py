from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from yttranden import arkiv


class Command(BaseCommand):
    help = (
        "Kontrollerar arkivet: varje lagrad fil har sin rad och varje rad sin fil med rätt "
        "SHA-256, och varje attesterat tjänsteutlåtande har sin PDF. Med --laga rättas det som "
        "går (se yttranden/arkiv.py). Avslutas med felkod om något är fel och inte lagat."
    )

    def add_arguments(self, parser):
        parser.add_argument("--laga", action="store_true", help="Rätta det som går att rätta.")

    def handle(self, *args, laga=False, **options):
        fynd = arkiv.kontrollera()
        for namn in fynd.filer_utan_rad:
            self.stdout.write(f"Fil utan rad: {namn}")
        for _rad, beskrivning in fynd.rader_utan_fil:
            self.stdout.write(f"Rad utan fil: {beskrivning}")
        for _rad, beskrivning in fynd.fel_kontrollsumma:
            self.stdout.write(f"Fel SHA-256: {beskrivning}")
        for utlåtande in fynd.utlåtanden_utan_pdf:
            self.stdout.write(f"Attesterat utan PDF: {utlåtande}")
        if fynd.rent:
            self.stdout.write(self.style.SUCCESS("Arkivet är helt: inga fel."))
            return
        if not laga:
            raise CommandError(
                "Arkivet har fel (se ovan). Kör med --laga för att rätta det som går."
            )
        with transaction.atomic():
            kvar = arkiv.laga(fynd)
        for rad in kvar:
            self.stdout.write(f"Kan inte lagas: {rad}")
        self.stdout.write(
            self.style.SUCCESS("Lagat: filer utan rad ligger i karantan/, PDF:er görs om.")
        )
        if kvar:
            raise CommandError("Något kunde inte lagas (se ovan).")
