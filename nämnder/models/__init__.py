from nämnder.models.användare import Användare
from nämnder.models.kommun import Kommun, Parti
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
    "Kommun",
    "Nämnd",
    "NämndGroupObjectPermission",
    "NämndUserObjectPermission",
    "Parti",
    "Sammanträde",
]
