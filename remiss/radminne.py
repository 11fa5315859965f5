"""Rows of the long lists rendered once, then taken from the cache.

A list page shows up to fifty rows, and rendering them is most of the page's own work (README
"Sidornas mallar"). A row's HTML depends only on what it shows, so it is kept under a key made
of exactly that: the row template is given a dict of values, never the object, so it cannot show
anything the key does not hold, and a changed value is a new key (nothing to invalidate, nothing
stale). The key also holds the row template's source, the language, the time zone (a date and
time are shown in it) and the URL prefix. A cache
that does not answer (Redis down) costs the rendering and nothing else.
"""

import functools
import hashlib
import logging

from django.core.cache import cache
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Rows no one asks for again leave the cache after a day (Redis evicts sooner when full).
LIVSTID = 24 * 3600


@functools.cache
def _mallversion(mallnamn):
    # Per process: a deploy with a changed row template starts new processes and new keys.
    källa = get_template(mallnamn).template.source
    return hashlib.sha256(källa.encode()).hexdigest()[:12]


def _prefix(mallnamn):
    """What every key of ``mallnamn``'s rows begins with: the template and its source, the
    language, the time zone and the URL prefix of this request."""
    return ":".join(
        (
            "rad",
            mallnamn,
            _mallversion(mallnamn),
            get_language() or "",
            timezone.get_current_timezone_name(),
            get_script_prefix(),
        )
    )


def _nyckel(mallnamn, värden, prefix=None):
    innehåll = repr(sorted(värden.items())).encode()
    return f"{prefix or _prefix(mallnamn)}:{hashlib.sha256(innehåll).hexdigest()}"


def rader(mallnamn, alla_värden):
    """The HTML of each row, in order; ``alla_värden`` are the dicts the row template is given
    (plain values: strings, numbers, dates, booleans)."""
    return flera((mallnamn, alla_värden))[0]


def flera(*listor):
    """``rader`` for several lists of a page, ``(mallnamn, alla_värden)`` each, in one round
    trip to the cache: a list of HTML rows per list."""
    nycklar = []
    for mallnamn, alla_värden in listor:
        prefix = _prefix(mallnamn)
        nycklar.append([_nyckel(mallnamn, värden, prefix) for värden in alla_värden])
    alla_nycklar = [nyckel for listans in nycklar for nyckel in listans]
    try:
        kända = cache.get_many(alla_nycklar) if alla_nycklar else {}
    except RedisError as fel:
        logger.warning("Radcachen svarar inte, raderna renderas: %s", fel)
        kända = None
    nya, resultat = {}, []
    for (mallnamn, alla_värden), listans in zip(listor, nycklar, strict=True):
        mall, html = get_template(mallnamn), []
        for nyckel, värden in zip(listans, alla_värden, strict=True):
            rad = kända.get(nyckel) if kända is not None else None
            if rad is None:
                rad = nya[nyckel] = mall.render(värden)
            html.append(mark_safe(rad))  # rendered by the template, which escaped it
        resultat.append(html)
    if nya and kända is not None:
        try:
            cache.set_many(nya, LIVSTID)
        except RedisError as fel:
            logger.warning("Radcachen svarar inte, raderna sparas inte: %s", fel)
    return resultat
