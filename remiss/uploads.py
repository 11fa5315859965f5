"""What a handling may be: PDF, DOCX, XLSX or ODT, recognised by its content, not its name.

A file's name and the browser's content type are whatever the sender says; the first bytes and,
for the zip-based formats, the zip's table of contents are what the file is. A file passes only
when its content is the format its name claims, so a renamed program or web page is refused.
"""

import hashlib
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

FILTYPER = {".pdf": PDF, ".docx": DOCX, ".xlsx": XLSX, ".odt": ODT}
BESKRIVNING = {PDF: "PDF", DOCX: "Word (DOCX)", XLSX: "Excel (XLSX)", ODT: "OpenDocument (ODT)"}
# The part each Office Open XML format must contain beside [Content_Types].xml.
OOXML_HUVUDDEL = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml"}
ACCEPT = ",".join([*FILTYPER, *FILTYPER.values()])


def största_storlek():
    return settings.REMISS_MAX_UPLOAD_MB * 1024 * 1024


def _är_pdf(fil):
    fil.seek(0)
    return fil.read(5) == b"%PDF-"


def _zip(fil):
    fil.seek(0)
    if not zipfile.is_zipfile(fil):
        return None
    fil.seek(0)
    try:
        return zipfile.ZipFile(fil)
    except (zipfile.BadZipFile, OSError):
        return None


def _är_ooxml(fil, typ):
    arkiv = _zip(fil)
    if arkiv is None:
        return False
    namn = set(arkiv.namelist())
    return "[Content_Types].xml" in namn and OOXML_HUVUDDEL[typ] in namn


def _är_odt(fil):
    # OpenDocument puts an uncompressed "mimetype" entry first; a text document also has content.
    arkiv = _zip(fil)
    if arkiv is None or "content.xml" not in arkiv.namelist():
        return False
    try:
        info = arkiv.getinfo("mimetype")
    except KeyError:
        return False
    if info.file_size > 100:
        return False
    return arkiv.read(info).strip() == ODT.encode()


def innehållet_stämmer(fil, typ):
    if typ == PDF:
        return _är_pdf(fil)
    if typ in OOXML_HUVUDDEL:
        return _är_ooxml(fil, typ)
    return _är_odt(fil)


def kontrollera(fil):
    """Return the content type of an uploaded file, or raise ValidationError saying why not."""
    namn = PurePath(fil.name).name
    typ = FILTYPER.get(PurePath(namn).suffix.lower())
    if typ is None:
        raise ValidationError(
            _("%(namn)s: bara PDF, Word (DOCX), Excel (XLSX) och OpenDocument (ODT) kan bifogas."),
            params={"namn": namn},
            code="filtyp",
        )
    if fil.size == 0:
        raise ValidationError(_("%(namn)s är tom."), params={"namn": namn}, code="tom")
    if fil.size > största_storlek():
        raise ValidationError(
            _("%(namn)s är %(storlek)s; en handling får vara högst %(max)s."),
            params={
                "namn": namn,
                "storlek": filesizeformat(fil.size),
                "max": filesizeformat(största_storlek()),
            },
            code="för_stor",
        )
    if not innehållet_stämmer(fil, typ):
        raise ValidationError(
            _(
                "%(namn)s heter som en %(typ)s-fil men innehållet är något annat. Spara filen "
                "som %(typ)s i programmet den kommer från och försök igen."
            ),
            params={"namn": namn, "typ": BESKRIVNING[typ]},
            code="fel_innehåll",
        )
    fil.seek(0)
    return typ


def sha256(fil):
    summa = hashlib.sha256()
    fil.seek(0)
    for bit in fil.chunks():
        summa.update(bit)
    fil.seek(0)
    return summa.hexdigest()
