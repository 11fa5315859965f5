from remiss.models.anstand import Anstånd
from remiss.models.handelse import Remisshändelse
from remiss.models.handling import Handling
from remiss.models.instans import Remissinstans
from remiss.models.kalendernyckel import Kalendernyckel
from remiss.models.organisation import Kontaktperson, Organisation
from remiss.models.paminnelse import Påminnelse
from remiss.models.remiss import Remiss
from remiss.models.sokpost import Sökord, Sökpost
from remiss.models.svarslank import Svarslänk
from remiss.models.utkorg import Utkorgspost
from remiss.models.webbkrok import Webbkrok, Webbkrokshändelse, Webbkroksleverans

__all__ = [
    "Anstånd",
    "Handling",
    "Remisshändelse",
    "Kalendernyckel",
    "Kontaktperson",
    "Organisation",
    "Påminnelse",
    "Remiss",
    "Remissinstans",
    "Sökord",
    "Sökpost",
    "Svarslänk",
    "Utkorgspost",
    "Webbkrok",
    "Webbkrokshändelse",
    "Webbkroksleverans",
]
