from nämnder.models.användare import Användare
from nämnder.models.inloggning import ExternIdentitet, Gruppkoppling, Rollhändelse
from nämnder.models.nämnd import (
    Avdelning,
    Nämnd,
    NämndGroupObjectPermission,
    NämndUserObjectPermission,
)
from nämnder.models.sammanträde import Sammanträde

__all__ = [
    "Användare",
    "Avdelning",
    "ExternIdentitet",
    "Gruppkoppling",
    "Nämnd",
    "NämndGroupObjectPermission",
    "NämndUserObjectPermission",
    "Rollhändelse",
    "Sammanträde",
]
