"""What guards the personal links (remiss/models/svarslank.py) outside the model: the limit on
guessing, and the log filter that keeps a link's secret out of every log.

Guessing: each refused link counts against the visitor's address in the cache (Redis in
production, shared by every web process) for REMISS_SVARSLANK_SPARR_MINUTER; at
REMISS_SVARSLANK_FORSOK refusals that address gets 429 for any link, valid or not, until the
window has passed. With 256 random bits and a signature in each link, the limit is there to
make guessing visibly pointless and cheap to refuse, not because a guess could succeed.

Nothing here imports models: the log filter is loaded with the settings.
"""

import logging
import re

from django.conf import settings
from django.core.cache import cache

# /svar/<secret>/ as it may appear in a logged path or request line; the secret is the one
# long path segment under /svar/ (the link's own pages have short, fixed names).
_HEMLIGHET = re.compile(r"(/svar/)[A-Za-z0-9_\-.:%]{20,}")
DOLD = r"\1[dold]"


def dölj(text):
    return _HEMLIGHET.sub(DOLD, text) if isinstance(text, str) else text


class DöljSvarslänkar(logging.Filter):
    """Rewrites a log record so that no personal link's secret is in its message or args."""

    def filter(self, record):
        record.msg = dölj(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(dölj(a) for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: dölj(v) for k, v in record.args.items()}
        return True


def _nyckel(adress):
    return f"svarslank:fel:{adress}"


def adress(request):
    return request.META.get("REMOTE_ADDR", "") or "okänd"


def spärrad(request):
    return (cache.get(_nyckel(adress(request))) or 0) >= settings.REMISS_SVARSLANK_FORSOK


def räkna_fel(request):
    nyckel, tid = _nyckel(adress(request)), settings.REMISS_SVARSLANK_SPARR_MINUTER * 60
    if not cache.add(nyckel, 1, tid):
        try:
            cache.incr(nyckel)
        except ValueError:  # expired between add and incr
            cache.add(nyckel, 1, tid)
