from nämnder.models.anvandare import Användare
from nämnder.models.apiklient import ApiKlient, Idempotensnyckel
from nämnder.models.historik import Admininloggning, Historikrad
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
    "Admininloggning",
    "ApiKlient",
    "Användare",
    "Avdelning",
    "ExternIdentitet",
    "Gruppkoppling",
    "Historikrad",
    "Idempotensnyckel",
    "Kommun",
    "Nämnd",
    "NämndGroupObjectPermission",
    "NämndUserObjectPermission",
    "Parti",
    "Rollhändelse",
    "Sammanträde",
]
