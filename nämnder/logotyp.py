"""The kommun's logo: an uploaded PNG or SVG, recognised by its content, never by its name.

A PNG must carry the PNG signature and decode as an image. An SVG must be well-formed XML whose
root is an ``svg`` element and which holds nothing that could act: no DOCTYPE or entities (no
entity expansion), no scripts, event handlers, foreign objects or references outside the file.
The logo is drawn in the browser and in every PDF, so what could act in one could act in both.
"""

import io
import re
import xml.etree.ElementTree as ET

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PNG = "image/png"
SVG = "image/svg+xml"
MAX_BYTE = 512 * 1024
_PNG_SIGNATUR = b"\x89PNG\r\n\x1a\n"
_SVG_NS = "{http://www.w3.org/2000/svg}"
_FÖRBJUDNA_ELEMENT = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video"}
_LÄNKATTRIBUT = re.compile(r"(^|})href$")
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)


def _fel(meddelande):
    return ValidationError(meddelande, code="ogiltig_logotyp")


def _kontrollera_png(innehåll):
    from PIL import Image

    try:
        with Image.open(io.BytesIO(innehåll)) as bild:
            bild.verify()
    except Exception as undantag:  # Pillow raises many kinds for a damaged file
        raise _fel(_("Filen ser ut som en PNG-bild men går inte att läsa.")) from undantag


def _kontrollera_svg(innehåll):
    if re.search(rb"<!(DOCTYPE|ENTITY)", innehåll, re.IGNORECASE):
        raise _fel(_("SVG-filen får inte innehålla DOCTYPE eller entiteter."))
    try:
        rot = ET.fromstring(innehåll)
    except ET.ParseError as undantag:
        raise _fel(_("SVG-filen är inte giltig XML.")) from undantag
    if rot.tag not in (f"{_SVG_NS}svg", "svg"):
        raise _fel(_("Filen är ingen SVG-bild."))
    for element in rot.iter():
        namn = str(element.tag).rsplit("}", 1)[-1].lower()
        if namn in _FÖRBJUDNA_ELEMENT:
            raise _fel(_("SVG-filen får inte innehålla skript eller inbäddat innehåll."))
        for attribut, värde in element.attrib.items():
            if attribut.rsplit("}", 1)[-1].lower().startswith("on"):
                raise _fel(_("SVG-filen får inte innehålla skript eller inbäddat innehåll."))
            if _LÄNKATTRIBUT.search(attribut) and not värde.strip().startswith("#"):
                raise _fel(_("SVG-filen får inte hämta något utanför sig själv."))
            if _hämtar_utifrån(värde):
                raise _fel(_("SVG-filen får inte hämta något utanför sig själv."))
        if _hämtar_utifrån(element.text or ""):
            raise _fel(_("SVG-filen får inte hämta något utanför sig själv."))


def _hämtar_utifrån(text):
    """A CSS url() to anything but a fragment of the file itself, or an @import."""
    if "@import" in text.lower():
        return True
    return any(not mål.startswith("#") for mål in _URL.findall(text))


def känn_igen(innehåll):
    """The logo's media type (PNG or SVG), from its bytes; ValidationError in Swedish if it is
    neither, too large or unsafe."""
    if not innehåll:
        raise _fel(_("Filen är tom."))
    if len(innehåll) > MAX_BYTE:
        raise _fel(_("Logotypen får vara högst 512 kB."))
    if innehåll.startswith(_PNG_SIGNATUR):
        _kontrollera_png(innehåll)
        return PNG
    början = innehåll[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if början.startswith(b"<"):
        _kontrollera_svg(innehåll)
        return SVG
    raise _fel(_("Logotypen ska vara en PNG- eller SVG-bild."))
