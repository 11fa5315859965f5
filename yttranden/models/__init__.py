"""Tjänsteutlåtanden: content, saved versions, review, attest and history."""

from yttranden.models.beslut import Beslut, Svar, Uttalande, Ärende
from yttranden.models.delar import Bilaga, Sektion
from yttranden.models.externt_svar import ExterntSvar, Krock
from yttranden.models.granskning import Attest, Kommentar
from yttranden.models.historik import Utlåtandehändelse
from yttranden.models.mall import Mall, Mallavsnitt
from yttranden.models.pdfdokument import Pdfdokument
from yttranden.models.redigering import Sparkrock
from yttranden.models.utlatande import Tjänsteutlåtande
from yttranden.models.versioner import AvvisadSparning, Version

__all__ = [
    "Attest",
    "Beslut",
    "AvvisadSparning",
    "Bilaga",
    "ExterntSvar",
    "Krock",
    "Utlåtandehändelse",
    "Kommentar",
    "Mall",
    "Mallavsnitt",
    "Pdfdokument",
    "Sektion",
    "Sparkrock",
    "Svar",
    "Tjänsteutlåtande",
    "Uttalande",
    "Version",
    "Ärende",
]
