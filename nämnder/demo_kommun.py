"""Stockholms stad as the demo's kommun: its name, logo, date style, parties and the
diarienummer patterns its diarier use. Used by ``manage.py seed_demo``; running it twice
changes nothing."""

from pathlib import Path

from nämnder.models import Kommun, Nämnd, Parti

LOGOTYP = Path(__file__).parent / "demodata" / "stockholms-stad.svg"

# In the order the city's protokoll name them.
PARTIER = [
    ("M", "Moderaterna"),
    ("S", "Socialdemokraterna"),
    ("L", "Liberalerna"),
    ("C", "Centerpartiet"),
    ("KD", "Kristdemokraterna"),
    ("V", "Vänsterpartiet"),
    ("MP", "Miljöpartiet"),
    ("SD", "Sverigedemokraterna"),
]

# Kommunstyrelsen's diarium writes "KS 2023/740"; its texts also cite "2019/656" without the
# prefix, and the diarium before 2016 wrote "320-845/2015".
DIARIEMÖNSTER = {"KS": "{prefix} {år}/{löpnr}\n{år}/{löpnr}\n{nr}-{löpnr}/{år}"}


def skapa_kommun():
    kommun = Kommun.objects.order_by("pk").first() or Kommun()
    kommun.namn = "Stockholms stad"
    kommun.datumstil = Kommun.Datumstil.ISO
    kommun.sätt_logotyp(LOGOTYP.read_bytes())
    kommun.save()
    for ordning, (förkortning, namn) in enumerate(PARTIER, start=1):
        Parti.objects.update_or_create(
            förkortning=förkortning, defaults={"namn": namn, "ordning": ordning, "aktivt": True}
        )
    for prefix, mönster in DIARIEMÖNSTER.items():
        Nämnd.objects.filter(diarieprefix=prefix).update(diarienummermönster=mönster)
    return kommun
