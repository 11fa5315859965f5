"""The matrix of a remiss's remissinstanser as CSV and XLSX, for KS to open in Excel."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# A cell starting with one of these is read as a formula by Excel; names typed into the system
# must never run as one.
FORMELTECKEN = ("=", "+", "-", "@", "\t", "\r")


def rubriker():
    return [
        _("Nämnd"),
        _("Nämndens diarienummer"),
        _("Status"),
        _("Försenad"),
        _("Handläggare"),
        _("Avdelning"),
        _("Svarsdatum"),
        _("Besvarad"),
    ]


def rader(instanser):
    """One row per instans: text, and dates as dates (XLSX keeps them, CSV writes ISO)."""
    for instans in instanser:
        yield [
            instans.nämnd.namn,
            instans.diarienummer,
            instans.get_status_display(),
            _("Ja") if instans.försenad else _("Nej"),
            str(instans.handläggare) if instans.handläggare else "",
            instans.avdelning.namn if instans.avdelning else "",
            instans.svarsdatum,
            timezone.localdate(instans.besvarad) if instans.besvarad else None,
        ]


def _ofarlig(värde):
    if isinstance(värde, str) and värde.startswith(FORMELTECKEN):
        return "'" + värde
    return värde


def som_csv(instanser):
    """UTF-8 with a byte order mark and semicolons: what Swedish Excel opens correctly."""
    ut = io.StringIO()
    skrivare = csv.writer(ut, delimiter=";", lineterminator="\r\n")
    skrivare.writerow(rubriker())
    for rad in rader(instanser):
        skrivare.writerow(
            [
                "" if v is None else v.isoformat() if hasattr(v, "isoformat") else _ofarlig(v)
                for v in rad
            ]
        )
    return "\ufeff".encode() + ut.getvalue().encode()


def som_xlsx(remiss, instanser):
    bok = Workbook()
    blad = bok.active
    blad.title = _("Remissinstanser")
    blad.append(rubriker())
    for cell in blad[1]:
        cell.font = Font(bold=True)
    for rad in rader(instanser):
        blad.append([_ofarlig(v) for v in rad])
    for nr, bredd in enumerate([40, 22, 18, 10, 28, 36, 12, 12], start=1):
        blad.column_dimensions[get_column_letter(nr)].width = bredd
    for kolumn in ("G", "H"):
        for cell in blad[kolumn][1:]:
            cell.number_format = "yyyy-mm-dd"
    blad.freeze_panes = "A2"
    blad.auto_filter.ref = blad.dimensions
    bok.properties.title = f"{remiss.diarienummer} {remiss.titel}"[:255]
    ut = io.BytesIO()
    bok.save(ut)
    return ut.getvalue()
