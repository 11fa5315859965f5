"""Text in and out of the index: plain text from sanitised HTML, safe highlighted snippets."""

import html
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# ts_headline marks a hit with these. They come from Unicode's private use area, and are removed
# from every text before it is indexed, so that a document can never forge a highlight.
START, SLUT = "\ue000", "\ue001"
_TAGG = re.compile(r"<[^>]*>")
# White space, the markers and control characters (NUL cannot be stored in PostgreSQL text; the
# others only disturb the snippets), all replaced by one space in a single pass.
_SKRÄP = re.compile(f"[\\s\\x00-\\x1f\\x7f{START}{SLUT}]+")


def ren(text):
    """``text`` without highlight markers, control characters or runs of white space."""
    return _SKRÄP.sub(" ", text or "").strip()


def från_html(markup):
    """The words of sanitised HTML as plain text. Every tag becomes a space, so that words in
    neighbouring paragraphs or list items never run together."""
    return ren(html.unescape(_TAGG.sub(" ", markup or "")))


def markera(utdrag):
    """A snippet as safe HTML: everything escaped, then the hit markers turned into <mark>."""
    säker = escape(utdrag or "")
    return mark_safe(säker.replace(START, "<mark>").replace(SLUT, "</mark>"))  # noqa: S308


def utdrag_kring(text, ord, bredd=220):
    """A snippet of ``text`` around the first of ``ord`` found, hits marked as ts_headline
    does, cut between words. Used where PostgreSQL's ts_headline is not available (SQLite)."""
    gemen = text.lower()
    träffar = [(gemen.find(o.lower()), o) for o in ord if o and o.lower() in gemen]
    if not träffar:
        return _mellan_ord(text, 0, bredd, 0)
    först = min(träffar)[0]
    bit = _mellan_ord(text, max(0, först - bredd // 3), bredd, först)
    mönster = re.compile("|".join(re.escape(o) for _i, o in träffar), re.IGNORECASE)
    return mönster.sub(lambda m: f"{START}{m.group(0)}{SLUT}", bit)


def _mellan_ord(text, början, bredd, träff):
    """About ``bredd`` characters of ``text`` from ``början``, moved to start and end between
    words (the start no later than ``träff``), with "…" where text was left out."""
    if början and not text[början - 1].isspace():
        mellanrum = text.find(" ", början, träff)
        början = mellanrum + 1 if mellanrum != -1 else början
    slut = början + bredd
    if slut < len(text) and not text[slut].isspace():
        mellanrum = text.rfind(" ", max(början, träff) + 1, slut)
        slut = mellanrum if mellanrum != -1 else slut
    bit = text[början:slut].strip()
    return ("…" if början else "") + bit + ("…" if slut < len(text) else "")
