from remiss.models.anstånd import Anstånd
from remiss.models.handelse import Händelse
from remiss.models.handling import Handling
from remiss.models.instans import Remissinstans
from remiss.models.kalendernyckel import Kalendernyckel
from remiss.models.paminnelse import Påminnelse
from remiss.models.remiss import Remiss
from remiss.models.sokpost import Sökord, Sökpost
from remiss.models.utkorg import Utkorgspost

__all__ = [
    "Anstånd",
    "Handling",
    "Händelse",
    "Kalendernyckel",
    "Påminnelse",
    "Remiss",
    "Remissinstans",
    "Sökord",
    "Sökpost",
    "Utkorgspost",
]
