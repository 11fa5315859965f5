"""The demo: every app's demo data, in dependency order. It lives in yttranden, the app on top,
because it needs all three (remiss never imports yttranden)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from nämnder import demo as nämnder_demo
from nämnder import demo_kommun
from remiss import demo as remiss_demo
from remiss import utkorg
from yttranden import demo as yttranden_demo
from yttranden import demo_beslut, demo_extern
from yttranden.models import Tjänsteutlåtande


class Command(BaseCommand):
    help = (
        "Lägger in Stockholms stads nämnder, demoanvändare och demoärenden. Kan köras flera gånger."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        början = timezone.now()
        nämnder = nämnder_demo.skapa_nämnder()
        kommun = demo_kommun.skapa_kommun()
        personer = nämnder_demo.skapa_användare(nämnder)
        nämnder_demo.skapa_sammanträden(nämnder)
        remisser = remiss_demo.skapa_remisser(nämnder, personer)
        yttranden_demo.skapa_utlåtanden(nämnder, personer)
        beslut = demo_beslut.skapa_beslut(nämnder, personer)
        extern_länk = demo_extern.skapa_externa(personer)
        # The demo's history happened long ago: nobody is e-mailed about it now (its PDFs are
        # still made).
        utkorg.hoppa_över_epost(sedan=början, orsak="Demodata: historiken e-postas inte.")
        utlåtanden = Tjänsteutlåtande.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata klar för {kommun}: {len(nämnder)} nämnder, "
                f"{len(personer)} demoanvändare "
                f"(lösenord: {nämnder_demo.DEMO_LÖSENORD}), {remisser} remisser, "
                f"{utlåtanden} tjänsteutlåtanden, {beslut} beslut."
            )
        )
        if extern_länk:
            # A personal link for the demo visitor (the demo's e-mail does not leave the machine).
            self.stdout.write(f"Prova en extern remissinstans: {extern_länk}")
