"""The seed tjänsteutlåtanden as documents, from the texts kept in the repo
(``yttranden/demotexter``): what the demo attests, rendered without a database, so the PDF
tests can hold each one to the original's page count."""

import datetime

from yttranden.demotexter import sodermalm, utbildningsnamnden
from yttranden.dokument import Attest, Brevhuvud, Person, Sektion, Tjänsteutlåtandedokument

d = datetime.date

# The originals' page counts: "Sida 1 (4)" in Södermalm's scan; utbildningsnämndens has four
# pages too (its text breaks after page 3 in the middle of a paragraph, and the attest table
# closes page 4).
ORIGINALETS_SIDOR = {"UN": 4, "SÖD": 4}


def _dokument(modul, **fält):
    return Tjänsteutlåtandedokument(
        sektioner=[Sektion(rubrik, html) for rubrik, html in modul.SEKTIONER],
        bilagor=list(modul.BILAGOR),
        utkast=False,
        **fält,
    )


def utbildningsnämnden():
    return _dokument(
        utbildningsnamnden,
        brevhuvud=Brevhuvud(
            förvaltning="Utbildningsförvaltningen",
            avdelning="Avdelningen för ekonomi och styrning",
            besöksadress="Hantverkargatan 2F",
            box="Box 22049",
            postadress="104 22 Stockholm",
            växel="08 508 33 000",
            epost="registrator.utbildning@edu.stockholm.se",
            webbplats="start.stockholm",
        ),
        diarienummer="UN 2023/1872",
        datum=d(2023, 10, 5),
        handläggare=[Person("Joakim Länninge", telefon="08-50833750")],
        till_nämnd="Utbildningsnämnden",
        sammanträdesdatum=d(2023, 10, 26),
        titel="Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
        "Stockholm",
        remiss_diarienummer="KS 2023/740",
        undertecknare=[
            Person("Lena Holmdahl", "Utbildningsdirektör", förvaltning="Utbildningsförvaltningen"),
            Person("Ulrika Klemets", "Avdelningschef", förvaltning="Utbildningsförvaltningen"),
        ],
        attester=[Attest("Lena Holmdahl", "Utbildningsdirektör", d(2023, 10, 17))],
    )


def södermalm():
    förvaltning = "Södermalms stadsdelsförvaltning"
    return _dokument(
        sodermalm,
        brevhuvud=Brevhuvud(
            förvaltning=förvaltning,
            avdelning="Stadsdelsdirektörens stab och kansli",
            besöksadress="Virkesvägen 3",
            box="Box 90185",
            postadress="120 22 Stockholm",
            växel="08-508 12 000",
            epost="soder@stockholm.se",
            webbplats="start.stockholm",
        ),
        diarienummer="SÖD 2023/713",
        datum=d(2023, 9, 29),
        handläggare=[Person("Josefin Lokvist", telefon="08-50812197")],
        till_nämnd="Södermalms stadsdelsnämnd",
        sammanträdesdatum=d(2023, 10, 19),
        titel="Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
        "Stockholm",
        remiss_diarienummer="KS 2023/740",
        undertecknare=[
            Person("Alexandra Wynn", "Stadsdelsdirektör", förvaltning=förvaltning),
            Person("Maria Klemets Hellberg", "Avdelningschef", förvaltning=förvaltning),
        ],
        attester=[Attest("Alexandra Wynn", "Stadsdelsdirektör", d(2023, 10, 2))],
    )


DOKUMENT = {"UN": utbildningsnämnden, "SÖD": södermalm}
