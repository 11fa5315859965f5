"""Logos for the kommun tests: made here, so nothing is read from outside the repository."""

import io

from PIL import Image

EXEMPELBY_FÄRG = (180, 30, 60)
EXEMPELBY_STORLEK = (240, 60)

SVG_LOGOTYP = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" width="100" height="40">'
    b'<rect width="100" height="40" fill="#0b3a6e"/></svg>'
)


def png_logotyp(färg=EXEMPELBY_FÄRG, storlek=EXEMPELBY_STORLEK):
    """A small, real PNG: one colour, so a test can find it again in a PDF."""
    utdata = io.BytesIO()
    Image.new("RGB", storlek, färg).save(utdata, format="PNG")
    return utdata.getvalue()
