from nämnder.models.användare import Användare
from nämnder.models.historik import Behörighetshändelse, Historikrad
from nämnder.models.nämnd import (
    Avdelning,
    Nämnd,
    NämndGroupObjectPermission,
    NämndUserObjectPermission,
)
from nämnder.models.sammanträde import Sammanträde

__all__ = [
    "Användare",
    "Behörighetshändelse",
    "Historikrad",
    "Avdelning",
    "Nämnd",
    "NämndGroupObjectPermission",
    "NämndUserObjectPermission",
    "Sammanträde",
]
