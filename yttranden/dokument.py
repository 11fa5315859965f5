"""What a tjänsteutlåtande document shows, independent of where it comes from.

The model builds one of these (``Tjänsteutlåtande.som_dokument()``); the preview page and the
PDF render the same template from it, so the browser and the archived PDF never differ.
"""

import datetime
from dataclasses import dataclass, field

from nämnder.models.kommun import skriv_datum


@dataclass(frozen=True)
class Kommunformat:
    """The kommun's formats the document is written in (nämnder.Kommun): its date style and
    the logo on the letterhead. The default writes ISO dates and shows no logo."""

    namn: str = ""
    datumstil: str = "iso"
    logotyp_url: str = ""

    @property
    def har_logotyp(self):
        return bool(self.logotyp_url)

    def datum(self, värde):
        return skriv_datum(värde, self.datumstil)


@dataclass(frozen=True)
class Person:
    namn: str
    befattning: str = ""
    telefon: str = ""
    förvaltning: str = ""


@dataclass(frozen=True)
class Sektion:
    rubrik: str
    html: str  # already sanitised with nh3; rendered with |safe


@dataclass(frozen=True)
class Attest:
    namn: str
    befattning: str
    datum: datetime.date
    inloggning: str = ""  # how the person had logged in: "OIDC 2026-11-29 14:05, nivå …"


@dataclass(frozen=True)
class Ställningstagande:
    """The utlåtande's stance on one of the remiss's förslag (yttranden/stallningstaganden.py)."""

    nummer: int
    förslag: str
    ståndpunkt: str  # the label, "" while not chosen
    kommentar: str = ""


@dataclass(frozen=True)
class Brevhuvud:
    förvaltning: str
    avdelning: str = ""
    besöksadress: str = ""
    box: str = ""
    postadress: str = ""
    växel: str = ""
    epost: str = ""
    webbplats: str = ""


@dataclass(frozen=True)
class Tjänsteutlåtandedokument:
    brevhuvud: Brevhuvud
    diarienummer: str  # the nämnd's, e.g. "UN 2023/1234"
    datum: datetime.date
    handläggare: list[Person]
    till_nämnd: str  # "Utbildningsnämnden"
    sammanträdesdatum: datetime.date | None
    titel: str
    remiss_diarienummer: str  # "KS 2023/740"
    sektioner: list[Sektion]
    undertecknare: list[Person]
    bilagor: list[str] = field(default_factory=list)
    attester: list[Attest] = field(default_factory=list)
    version: int = 1
    utkast: bool = True  # an unattested document is marked as a draft
    # The line under the title; empty: "Remiss från kommunstyrelsen, <remiss_diarienummer>".
    underrubrik: str = ""
    kommun: Kommunformat = field(default_factory=Kommunformat)
    # One row per förslag of the remiss; empty for a remiss without förslag.
    ställningstaganden: list[Ställningstagande] = field(default_factory=list)
