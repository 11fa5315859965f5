import calendar
import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from nämnder.demo import (
    DEMO_ANVÄNDARE,
    DEMO_LÖSENORD,
    DEMO_SAMMANTRÄDESNÄMNDER,
    NÄMNDER,
    STOCKHOLM_VÄXEL,
    STOCKHOLM_WEBB,
)
from nämnder.models import Avdelning, Nämnd, Sammanträde


def tredje_torsdagen(år, månad):
    torsdagar = [
        vecka[calendar.THURSDAY]
        for vecka in calendar.monthcalendar(år, månad)
        if vecka[calendar.THURSDAY]
    ]
    return datetime.date(år, månad, torsdagar[2])


class Command(BaseCommand):
    help = "Lägger in Stockholms stads nämnder och demoanvändare. Kan köras flera gånger."

    @transaction.atomic
    def handle(self, *args, **options):
        nämnder = self.nämnder()
        antal_personer = self.användare(nämnder)
        self.sammanträden(nämnder)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata klar: {len(nämnder)} nämnder, {antal_personer} demoanvändare "
                f"(lösenord: {DEMO_LÖSENORD})."
            )
        )

    def nämnder(self):
        nämnder = {}
        for namn, kortnamn, prefix, typ, förvaltning, avdelningar, brevhuvud, aktiv in NÄMNDER:
            fält = {
                "namn": namn,
                "kortnamn": kortnamn,
                "typ": typ,
                "aktiv": aktiv,
                "förvaltning": förvaltning,
                "postort": "Stockholm",
                "växel": STOCKHOLM_VÄXEL,
                "webbplats": STOCKHOLM_WEBB,
                **brevhuvud,
            }
            nämnd, _ = Nämnd.objects.update_or_create(diarieprefix=prefix, defaults=fält)
            for avdelning in avdelningar:
                Avdelning.objects.get_or_create(nämnd=nämnd, namn=avdelning)
            nämnder[prefix] = nämnd
        return nämnder

    def användare(self, nämnder):
        User = get_user_model()
        for namn, förnamn, efternamn, befattning, telefon, prefix, roller in DEMO_ANVÄNDARE:
            person, skapad = User.objects.update_or_create(
                username=namn,
                defaults={
                    "first_name": förnamn,
                    "last_name": efternamn,
                    "befattning": befattning,
                    "telefon": telefon,
                    "email": f"{namn}@demo.remiss.invalid",
                    "is_active": True,
                },
            )
            if skapad or not person.check_password(DEMO_LÖSENORD):
                person.set_password(DEMO_LÖSENORD)
                person.save(update_fields=["password"])
            for roll in roller:
                nämnder[prefix].tilldela_roll(person, roll)
        return len(DEMO_ANVÄNDARE)

    def sammanträden(self, nämnder):
        i_år = timezone.localdate().year
        for prefix in DEMO_SAMMANTRÄDESNÄMNDER:
            for år in (i_år, i_år + 1):
                for månad in range(1, 13):
                    if månad == 7:
                        continue
                    Sammanträde.objects.get_or_create(
                        nämnd=nämnder[prefix],
                        datum=tredje_torsdagen(år, månad),
                        defaults={"tid": datetime.time(17, 30), "plats": "Stadshuset"},
                    )
