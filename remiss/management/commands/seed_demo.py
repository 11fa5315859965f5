from django.core.management.base import BaseCommand
from django.db import transaction

from nämnder import demo as nämnder_demo


class Command(BaseCommand):
    help = (
        "Lägger in Stockholms stads nämnder, demoanvändare och demoärenden. Kan köras flera gånger."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        nämnder = nämnder_demo.skapa_nämnder()
        personer = nämnder_demo.skapa_användare(nämnder)
        nämnder_demo.skapa_sammanträden(nämnder)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata klar: {len(nämnder)} nämnder, {len(personer)} demoanvändare "
                f"(lösenord: {nämnder_demo.DEMO_LÖSENORD})."
            )
        )
