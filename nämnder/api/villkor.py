"""ETags on what a client reads, and ``If-Match`` on what it changes: a change made from a stale
copy is refused with 412 instead of silently overwriting someone else's (a lost update), and a
change without ``If-Match`` with 428."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from nämnder.api.fel import TYPER, Problem


def etag(data):
    """A strong ETag of a representation: the hash of its canonical JSON."""
    text = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def med_etag(svar):
    svar["ETag"] = etag(svar.data)
    return svar


def kräv_if_match(request, nuvarande):
    """Raise 428 without ``If-Match``, 412 when it does not name the current representation."""
    begärt = request.headers.get("If-Match")
    if not begärt:
        raise Problem(
            428,
            _("Skicka If-Match med den ETag du senast läste, så skrivs ingen annans ändring över."),
            TYPER["förhandsvillkor"],
        )
    taggar = {t.strip().removeprefix("W/") for t in begärt.split(",")}
    if "*" not in taggar and etag(nuvarande) not in taggar:
        raise Problem(
            412,
            _("Resursen har ändrats sedan du läste den. Läs den igen och gör om ändringen."),
            TYPER["förhandsvillkor"],
        )
