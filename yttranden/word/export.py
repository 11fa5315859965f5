"""The utlåtande, a beslut (as its protokollsutdrag) and KS's sammanställning as Word files.

The same content as the PDFs, from the same data: the utlåtande from
``Tjänsteutlåtande.som_dokument()``, the beslut from the ärende's rows, the sammanställning from
``yttranden.sammanstallning.sammanställ``. Headings are Word's own heading styles, so the
navigation pane and a table of contents see them; body text keeps paragraphs, lists, bold and
italics. A Word file is a working copy: the archived original stays the sealed PDF.
"""

import io
from html import escape

from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from yttranden.beslutstext import stycken, utan_justeringspunkt
from yttranden.word.html_till_docx import skriv_html

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _nytt(titel, författare):
    dok = Document()
    stil = dok.styles["Normal"]
    stil.font.name = "Calibri"
    stil.font.size = Pt(12)
    dok.core_properties.title = titel
    dok.core_properties.author = författare
    dok.core_properties.language = "sv-SE"
    dok.core_properties.created = timezone.now()
    return dok


def _sidhuvud(dok, vänster, höger):
    huvud = dok.sections[0].header.paragraphs[0]
    huvud.text = f"{vänster}\t\t{höger}"


def _rader(dok, *rader, stil=None):
    for rad in rader:
        if rad:
            stycke = dok.add_paragraph(rad, style=stil)
            stycke.paragraph_format.space_after = Pt(0)


def _som_bytes(dok):
    buffert = io.BytesIO()
    dok.save(buffert)
    return buffert.getvalue()


def _text_med_punkter(dok, text):
    for typ, innehåll in stycken(text):
        if typ == "stycke":
            dok.add_paragraph(innehåll)
        else:
            punkter = "".join(f"<li>{escape(punkt)}</li>" for _nummer, punkt in innehåll)
            skriv_html(dok, f'<ol start="{innehåll[0][0]}">{punkter}</ol>')


def utlåtande(dokument):
    """A ``Tjänsteutlåtandedokument`` (yttranden.dokument) as DOCX bytes."""
    b = dokument.brevhuvud
    dok = _nytt(dokument.titel, b.förvaltning)
    _sidhuvud(
        dok,
        b.förvaltning,
        f"Tjänsteutlåtande · Dnr {dokument.diarienummer} · {dokument.datum:%Y-%m-%d}",
    )
    if dokument.utkast:
        dok.add_paragraph().add_run(
            f"UTKAST – ej attesterat, version {dokument.version}"
        ).bold = True
    _rader(dok, b.förvaltning, b.avdelning)
    _rader(dok, "Tjänsteutlåtande", f"Dnr {dokument.diarienummer}", f"{dokument.datum:%Y-%m-%d}")
    dok.add_paragraph()
    _rader(dok, "Handläggare")
    for person in dokument.handläggare:
        _rader(dok, person.namn, f"Telefon: {person.telefon}" if person.telefon else "")
    dok.add_paragraph()
    möte = f"{dokument.sammanträdesdatum:%Y-%m-%d}" if dokument.sammanträdesdatum else ""
    _rader(dok, "Till", dokument.till_nämnd, möte)
    dok.add_heading(dokument.titel, level=1)
    dok.add_paragraph(
        dokument.underrubrik or f"Remiss från kommunstyrelsen, {dokument.remiss_diarienummer}"
    )
    for sektion in dokument.sektioner:
        dok.add_heading(sektion.rubrik, level=2)
        skriv_html(dok, sektion.html)
    _ställningstaganden(dok, dokument.ställningstaganden)
    if dokument.undertecknare:
        # Side by side as in the originals; a table, so reading the file back in leaves the
        # signatories out of the last section's text.
        dok.add_paragraph()
        personer = dokument.undertecknare
        tabell = dok.add_table(rows=(len(personer) + 1) // 2, cols=2)
        for nr, person in enumerate(personer):
            cell = tabell.rows[nr // 2].cells[nr % 2]
            rader = [r for r in (person.namn, person.befattning, person.förvaltning) if r]
            cell.text = "\n".join(rader)
    if dokument.bilagor:
        dok.add_heading("Bilaga" if len(dokument.bilagor) == 1 else "Bilagor", level=2)
        skriv_html(
            dok, "<ol>" + "".join(f"<li>{escape(b)}</li>" for b in dokument.bilagor) + "</ol>"
        )
    if dokument.attester:
        dok.add_heading("Attesterat av", level=2)
        dok.add_paragraph("Detta dokument har godkänts digitalt av följande personer:")
        tabell = dok.add_table(rows=1, cols=2)
        tabell.rows[0].cells[0].text, tabell.rows[0].cells[1].text = "Namn", "Datum"
        for attest in dokument.attester:
            celler = tabell.add_row().cells
            namn = f"{attest.namn}, {attest.befattning}" if attest.befattning else attest.namn
            celler[0].text, celler[1].text = namn, f"{attest.datum:%Y-%m-%d}"
    return _som_bytes(dok)


STÄLLNINGSTAGANDEN = "Ställningstaganden till remissens förslag"


def _ställningstaganden(dok, rader):
    """The answer's stance on each of the remiss's förslag, as the table the PDF has
    (templates/yttranden/_stallningstaganden.html); nothing for a remiss without förslag."""
    if not rader:
        return
    dok.add_heading(STÄLLNINGSTAGANDEN, level=2)
    tabell = dok.add_table(rows=1, cols=3)
    tabell.style = "Table Grid"
    for cell, text in zip(
        tabell.rows[0].cells, ("Förslag", "Ställningstagande", "Kommentar"), strict=True
    ):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for rad in rader:
        celler = tabell.add_row().cells
        celler[0].text = f"{rad.nummer}. {rad.förslag}"
        celler[1].text = rad.ståndpunkt or "Inte valt"
        celler[2].text = rad.kommentar or "–"


def beslut(ärende):
    """The beslut on ``ärende`` as its protokollsutdrag: the same elements in the same order
    as the PDF (yttranden/dokument/_protokollsutdrag.html)."""
    beslutet = ärende.beslut
    möte, nämnd, instans = ärende.sammanträde, ärende.nämnd, ärende.utlåtande.instans
    dok = _nytt(f"Protokollsutdrag: {instans.remiss.titel}", nämnd.namn)
    _sidhuvud(dok, nämnd.namn.upper(), f"Protokollsutdrag · Sammanträde {möte.datum:%Y-%m-%d}")
    dok.add_heading("Utdrag ur protokoll", level=1)
    plats = f", {möte.plats}" if möte.plats else ""
    tid = f" kl. {möte.tid:%H.%M}" if möte.tid else ""
    paragraf = f"§ {beslutet.paragraf} · " if beslutet.paragraf else ""
    dnr = f" · Dnr {instans.diarienummer}" if instans.diarienummer else ""
    _rader(
        dok,
        nämnd.namn,
        f"Sammanträde {möte.datum:%Y-%m-%d}{tid}{plats}",
        f"{paragraf}Ärende {ärende.nummer}{dnr}",
    )
    dok.add_heading(instans.remiss.titel, level=2)
    dok.add_paragraph(f"Svar på remiss från kommunstyrelsen, {instans.remiss.diarienummer}")
    dok.add_heading("Beslut", level=2)
    for rad in utan_justeringspunkt(beslutet.text).split("\n"):
        if rad.strip():
            dok.add_paragraph(rad.strip())
    for uttalande in beslutet.uttalanden.all():
        dok.add_heading(f"{uttalande.get_typ_display()} ({', '.join(uttalande.partier)})", level=2)
        _rader(dok, *uttalande.ledamotsrader)
        _text_med_punkter(dok, uttalande.text)
    dok.add_heading("Justering", level=2)
    if beslutet.justeras_omedelbart:
        dok.add_paragraph("Beslutet justeras omedelbart.")
    else:
        dok.add_paragraph(f"Protokollet justeras {beslutet.justeringsdatum:%Y-%m-%d}.")
    dok.add_heading("Rätt utdraget intygar", level=2)
    sekreterare = beslutet.registrerat_av
    _rader(dok, str(sekreterare), sekreterare.befattning or "Nämndsekreterare")
    return _som_bytes(dok)


def sammanställning(remiss, sammanställd):
    """KS's sammanställning (``sammanställ(remiss)``) as DOCX bytes: one heading per
    remissinstans, with its beslut, summary and uttalanden once the answer is sent."""
    dok = _nytt(f"Sammanställning av remissvar: {remiss.titel}", remiss.nämnd.förvaltning)
    _sidhuvud(
        dok, remiss.nämnd.förvaltning, f"Sammanställning av remissvar · {remiss.diarienummer}"
    )
    dok.add_heading(remiss.titel, level=1)
    dok.add_paragraph(f"Remiss från kommunstyrelsen, {remiss.diarienummer}.")
    antal = sammanställd["antal"]
    dok.add_paragraph(
        f"{antal['besvarade']} av {antal['alla']} remissinstanser har svarat, "
        f"{antal['avstar']} avstår, {antal['forsenade']} är försenade."
    )
    for rad in sammanställd["rader"]:
        instans = rad["instans"]
        dok.add_heading(instans.nämnd.namn, level=2)
        läge = instans.get_status_display()
        dok.add_paragraph(
            f"{läge} · svarsdatum {instans.svarsdatum:%Y-%m-%d}"
        ).alignment = WD_ALIGN_PARAGRAPH.LEFT
        if instans.status == instans.Status.AVSTÅR:
            dok.add_paragraph(f"Nämnden avstår från att svara: {instans.avstår_motivering}")
            continue
        if not rad.get("utlåtande"):
            continue
        if rad["beslut"]:
            dok.add_heading("Nämndens beslut", level=3)
            for rad_ in rad["beslut"].text.split("\n"):
                if rad_.strip():
                    dok.add_paragraph(rad_.strip())
        elif rad["förslag"]:
            dok.add_heading("Förvaltningens förslag till beslut", level=3)
            skriv_html(dok, rad["förslag"].säker_html)
        if rad["sammanfattning"]:
            dok.add_heading("Sammanfattning", level=3)
            skriv_html(dok, rad["sammanfattning"].säker_html)
        for uttalande in rad["uttalanden"]:
            dok.add_heading(
                f"{uttalande.get_typ_display()} ({', '.join(uttalande.partier)})", level=3
            )
            _rader(dok, *uttalande.ledamotsrader)
            _text_med_punkter(dok, uttalande.text)
    return _som_bytes(dok)
