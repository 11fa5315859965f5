"""KS's compilation by proposal (remiss/forslagssammanstallning.py) as XLSX and DOCX.

The XLSX has three sheets: the counts per förslag and stance, the förslag × instans matrix and
every comment. The DOCX is what an official pastes into their own tjänsteutlåtande: per förslag
a heading, who took which stance, the comments, and who has not answered."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from remiss.export import _ofarlig
from remiss.forslagssammanstallning import sammanfattning

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _blad(bok, titel, rubriker, rader, bredder):
    blad = bok.create_sheet(titel)
    blad.append(rubriker)
    for cell in blad[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for rad in rader:
        blad.append([_ofarlig(v) for v in rad])
    for nr, bredd in enumerate(bredder, start=1):
        blad.column_dimensions[get_column_letter(nr)].width = bredd
    blad.freeze_panes = "B2"
    return blad


def som_xlsx(remiss, sammanställd):
    bok = Workbook()
    bok.remove(bok.active)
    ståndpunkter = [label for _v, label in sammanställd["ståndpunkter"]]
    _blad(
        bok,
        _("Per förslag"),
        [_("Förslag"), *ståndpunkter, _("Inget ställningstagande")],
        ([str(r.förslag), *r.antal.values(), len(r.saknas)] for r in sammanställd["förslag"]),
        [50, *[16] * len(ståndpunkter), 16],
    )
    förslag = [r.förslag for r in sammanställd["förslag"]]
    _blad(
        bok,
        _("Matris"),
        [_("Remissinstans"), _("Läge"), *map(str, förslag)],
        (
            [
                rad.namn,
                rad.läge_text,
                *[s.get_ståndpunkt_display() if s else "–" for s in rad.celler],
            ]
            for rad in sammanställd["matris"]
        ),
        [40, 22, *[24] * len(förslag)],
    )
    _blad(
        bok,
        _("Kommentarer"),
        [_("Förslag"), _("Remissinstans"), _("Ställningstagande"), _("Kommentar")],
        (
            [str(r.förslag), vem, ståndpunkt, kommentar]
            for r in sammanställd["förslag"]
            for vem, ståndpunkt, kommentar in r.kommentarer
        ),
        [40, 36, 24, 80],
    )
    bok.properties.title = f"{remiss.diarienummer} {remiss.titel}"[:255]
    ut = io.BytesIO()
    bok.save(ut)
    return ut.getvalue()


def som_docx(remiss, sammanställd):
    dok = Document()
    dok.styles["Normal"].font.name = "Calibri"
    dok.styles["Normal"].font.size = Pt(12)
    dok.core_properties.title = _("Remissvaren per förslag: %(titel)s") % {"titel": remiss.titel}
    dok.core_properties.language = "sv-SE"
    dok.core_properties.created = timezone.now()
    dok.add_heading(_("Remissvaren per förslag"), level=1)
    dok.add_paragraph(
        _("%(titel)s. Remiss från kommunstyrelsen, %(dnr)s. %(svar)s av %(alla)s har svarat.")
        % {
            "titel": remiss.titel,
            "dnr": remiss.diarienummer,
            "svar": sammanställd["antal_svar"],
            "alla": len(sammanställd["matris"]),
        }
    )
    for rad in sammanställd["förslag"]:
        dok.add_heading(_("Förslag %(förslag)s") % {"förslag": rad.förslag}, level=2)
        tabell = dok.add_table(rows=1, cols=3)
        tabell.style = "Table Grid"
        for cell, text in zip(
            tabell.rows[0].cells,
            [_("Ställningstagande"), _("Antal"), _("Remissinstanser")],
            strict=True,
        ):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for ståndpunkt, vilka in rad.vilka.items():
            celler = tabell.add_row().cells
            celler[0].text, celler[1].text = str(ståndpunkt.label), str(len(vilka))
            celler[2].text = ", ".join(vilka) or "–"
        for mening in sammanfattning(rad):
            dok.add_paragraph(mening, style="List Bullet")
        if rad.kommentarer:
            dok.add_heading(_("Kommentarer"), level=3)
            for vem, ståndpunkt, kommentar in rad.kommentarer:
                stycke = dok.add_paragraph()
                stycke.add_run(f"{vem} ({ståndpunkt.lower()}): ").bold = True
                stycke.add_run(kommentar)
        if rad.saknas:
            dok.add_heading(_("Utan ställningstagande"), level=3)
            for vem, läge in rad.saknas:
                dok.add_paragraph(f"{vem}: {läge.lower()}", style="List Bullet")
    ut = io.BytesIO()
    dok.save(ut)
    return ut.getvalue()
