from nämnder.models.anvandare import Användare
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
    "Nämnd",
    "NämndGroupObjectPermission",
    "NämndUserObjectPermission",
    "Sammanträde",
]
