from nämnder.models.användare import Användare
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
    "Nämnd",
    "NämndGroupObjectPermission",
    "NämndUserObjectPermission",
    "Sammanträde",
]
