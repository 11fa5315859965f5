"""The utbildningsnämnden seed (tests/fixtures/seeds/utbildningsnamnden_KS_2023-740.txt) as a
document.

The seed is the text of a real tjänsteutlåtande as extracted from its PDF: the page-1 address
footer sits in the middle of the text and one paragraph is split by a page break. This module
turns it back into a ``Tjänsteutlåtandedokument`` so the PDF tests render the very text of the
original and can compare the page count with it (4 pages).
"""

import datetime
import html
import re
from pathlib import Path

from yttranden.dokument import (
    Attest,
    Brevhuvud,
    Person,
    Sektion,
    Tjänsteutlåtandedokument,
)

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
UN_SEED = SEEDS / "utbildningsnamnden_KS_2023-740.txt"

# The seed has no header text (it was in the page margin); these stand in for it.
DIARIENUMMER = "UN 2023/1872"
DATUM = datetime.date(2023, 10, 5)

RUBRIKER = (
    "Förvaltningens förslag till beslut",
    "Sammanfattning",
    "Bakgrund/Ärendet",
    "Ärendets beredning",
    "Förvaltningens synpunkter och förslag",
    "Konsekvenser för barns rättigheter samt jämställdhetsanalys",
    "Förslag till beslut",
)

BREVHUVUD = Brevhuvud(
    förvaltning="Utbildningsförvaltningen",
    avdelning="Avdelningen för ekonomi och styrning",
    besöksadress="Hantverkargatan 2F",
    box="Box 22049",
    postadress="104 22 Stockholm",
    växel="08 508 33 000",
    epost="registrator.utbildning@edu.stockholm.se",
    webbplats="start.stockholm",
)


def _stycken(text):
    return [stycke.strip() for stycke in re.split(r"\n\s*\n", text) if stycke.strip()]


def _utan_adressfot(text):
    """Drop the page-1 footer block (from the förvaltning's name to its web address)."""
    return re.sub(
        r"\nUtbildningsförvaltningen\nAvdelningen.*?<https://start\.stockholm/>\n",
        "",
        text,
        flags=re.S,
    )


def _laga_sidbrytningar(stycken):
    """Join a paragraph the page break cut in two (it ends without a full stop)."""
    lagade = []
    for stycke in stycken:
        if lagade and lagade[-1][-1] not in ".:!?" and stycke[0].islower():
            lagade[-1] = f"{lagade[-1]} {stycke}"
        else:
            lagade.append(stycke)
    return lagade


def _inline(text):
    return re.sub(r"\*(.+?)\*", r"<em>\1</em>", html.escape(text, quote=False))


def _som_html(stycke):
    rader = stycke.splitlines()
    if all(re.match(r"\d+\. ", rad) for rad in rader):
        punkter = "".join(f"<li>{_inline(rad.split('. ', 1)[1])}</li>" for rad in rader)
        return f"<ol>{punkter}</ol>"
    if all(rad.startswith("- ") for rad in rader):
        punkter = "".join(f"<li>{_inline(rad[2:])}</li>" for rad in rader)
        return f"<ul>{punkter}</ul>"
    return f"<p>{_inline(' '.join(rader))}</p>"


def _sektioner(stycken):
    sektioner, rubrik, delar = [], None, []
    for stycke in stycken:
        första, _, resten = stycke.partition("\n")
        if första in RUBRIKER:
            if rubrik:
                sektioner.append(Sektion(rubrik, "".join(delar)))
            rubrik, delar = första, ([_som_html(resten)] if resten else [])
        elif rubrik:
            delar.append(_som_html(stycke))
    sektioner.append(Sektion(rubrik, "".join(delar)))
    return sektioner


def utbildningsnämndens_utlåtande(*, utkast=False, version=1):
    text = _utan_adressfot(UN_SEED.read_text(encoding="utf-8"))
    huvud, _, kropp = text.partition("Förvaltningens förslag till beslut")
    kropp, _, slut = ("Förvaltningens förslag till beslut" + kropp).partition("\nLena Holmdahl\n")
    stycken = _laga_sidbrytningar(_stycken(kropp))
    huvudstycken = _stycken(huvud)
    return Tjänsteutlåtandedokument(
        brevhuvud=BREVHUVUD,
        diarienummer=DIARIENUMMER,
        datum=DATUM,
        handläggare=[Person("Joakim Länninge", telefon="08-50833750")],
        till_nämnd="Utbildningsnämnden",
        sammanträdesdatum=datetime.date(2023, 10, 26),
        titel=huvudstycken[2],
        remiss_diarienummer="KS 2023/740",
        sektioner=_sektioner(stycken),
        undertecknare=[
            Person("Lena Holmdahl", "Utbildningsdirektör", förvaltning="Utbildningsförvaltningen"),
            Person("Ulrika Klemets", "Avdelningschef", förvaltning="Utbildningsförvaltningen"),
        ],
        bilagor=re.findall(r"^\d+\. (.+)$", slut.split("Bilagor", 1)[1], flags=re.M),
        attester=[]
        if utkast
        else [Attest("Lena Holmdahl", "Utbildningsdirektör", datetime.date(2023, 10, 17))],
        version=version,
        utkast=utkast,
    )
