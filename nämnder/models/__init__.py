from nämnder.models.anvandare import Användare
from nämnder.models.inloggning import ExternIdentitet, Gruppkoppling, Rollhändelse
from nämnder.models.kommun import Kommun, Parti
from nämnder.models.namnd import (
    Avdelning,
    Nämnd,
    NämndGroupObjectPermission,
    NämndUserObjectPermission,
)
from nämnder.models.sammantrade import Sammanträde

__all__ = [
    "Användare",
    "Avdelning",
    "ExternIdentitet",
    "Gruppkoppling",
    "Kommun",
    "Nämnd",
    "NämndGroupObjectPermission",
    "NämndUserObjectPermission",
    "Parti",
    "Rollhändelse",
    "Sammanträde",
]
