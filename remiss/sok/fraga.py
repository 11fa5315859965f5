"""From what someone typed to a ranked, permission-filtered queryset of Sökposter.

On PostgreSQL: the query is read as web search syntax (``websearch_to_tsquery``, which accepts
any input), widened with words from the index that look like the typed ones (misspellings,
parts of compounds: "samverkan" finds "samverkansöverenskommelse"), and matched against the
stored vectors; a query with digits is also looked for inside diarienummer ("2023/74"). Ranked
by ts_rank plus trigram similarity to diarienummer and title; snippets by ts_headline.

On SQLite (the demo): every word must occur in the diarienummer, title, headings or text
(``icontains``), newest first, snippets cut in Python.
"""

import dataclasses
import functools
import operator
import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.functions import Concat

from remiss.models import Sökpost
from remiss.sok import text
from remiss.sok.index import KONFIGURATION, på_postgresql

MAX_TECKEN = 200
# Enough to find a compound from one part and a misspelled word, few enough that the widened
# query stays small.
MAX_TERMER = 5
MAX_LIKNANDE = 6
# D, C, B, A: a hit in the title or diarienummer weighs ten times one in the body text.
VIKTER = [0.05, 0.1, 0.4, 1.0]
_TERM = re.compile(r"[^\W\d_]{4,60}")
# Quotes, "or" and a leading minus mean the person wrote web search syntax: do not widen it.
_SYNTAX = re.compile(r'"|(^|\s)-\w|\bor\b', re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class Urval:
    fråga: str
    år: int | None = None
    nämnd_id: int | None = None
    typ: str = ""
    status: str = ""
    sortera: str = "relevans"


def normalisera(fråga):
    return text.ren(fråga)[:MAX_TECKEN]


def liknande_ord(termer):
    """``{term: [similar words in the index]}``, in one query on the trigram index."""
    if not termer:
        return {}
    sql = (
        "SELECT t.term, s.ord FROM unnest(%s::text[]) AS t(term) CROSS JOIN LATERAL ("
        ' SELECT ord FROM "remiss_sökord" WHERE t.term <%% ord'
        " ORDER BY word_similarity(t.term, ord) DESC, length(ord), ord LIMIT %s) AS s"
    )
    liknande = {term: [] for term in termer}
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(termer), MAX_LIKNANDE])
        for term, ord in cursor.fetchall():
            if ord != term:
                liknande[term].append(ord)
    return liknande


def tsquery(fråga):
    """The exact web-search query, widened with similar words unless the person used syntax."""
    exakt = SearchQuery(fråga, config=KONFIGURATION, search_type="websearch")
    if _SYNTAX.search(fråga):
        return exakt
    termer = list(dict.fromkeys(t.lower() for t in _TERM.findall(fråga)))[:MAX_TERMER]
    liknande = liknande_ord(termer)
    if not any(liknande.values()):
        return exakt

    def någon_av(term):
        return functools.reduce(
            operator.or_,
            (SearchQuery(o, config=KONFIGURATION) for o in [term, *liknande[term]]),
        )

    return exakt | functools.reduce(operator.and_, (någon_av(t) for t in termer))


def _dnr_del(fråga):
    """A query with a digit may be (part of) a diarienummer: "2023/74", "KS 2023/740"."""
    return fråga if any(c.isdigit() for c in fråga) and len(fråga) <= 40 else None


def _filtrera(poster, urval):
    if urval.år:
        poster = poster.filter(år=urval.år)
    if urval.nämnd_id:
        poster = poster.filter(nämnd_id=urval.nämnd_id)
    if urval.typ:
        poster = poster.filter(typ=urval.typ)
    if urval.status:
        poster = poster.filter(status=urval.status)
    return poster


def sök(user, urval):
    """The posts matching ``urval`` that ``user`` may see, each with ``utdrag`` (a snippet with
    hit markers, see text.markera), best first or newest first."""
    fråga = normalisera(urval.fråga)
    poster = _filtrera(Sökpost.objects.synliga_för(user), urval).select_related("nämnd")
    if not fråga:
        return poster.none()
    poster = _postgresql(poster, fråga) if på_postgresql() else _enkel(poster, fråga)
    if urval.sortera == "datum":
        return poster.order_by("-datum", "-pk")
    return poster.order_by(*(["-rank"] if på_postgresql() else []), "-datum", "-pk")


def _postgresql(poster, fråga):
    q = tsquery(fråga)
    träff = Q(vektor=q)
    if dnr := _dnr_del(fråga):
        träff |= Q(diarienummer__icontains=dnr)
    likhet = TrigramWordSimilarity(Value(fråga), Concat("diarienummer", Value(" "), "titel"))
    return (
        poster.filter(träff)
        .annotate(
            rank=SearchRank(F("vektor"), q, weights=VIKTER) + likhet,
            utdrag=SearchHeadline(
                "text",
                q,
                config=KONFIGURATION,
                start_sel=text.START,
                stop_sel=text.SLUT,
                max_fragments=2,
                min_words=12,
                max_words=30,
                fragment_delimiter=" … ",
            ),
        )
        .defer("text", "rubriker", "vektor")
    )


def _enkel(poster, fråga):
    ord = fråga.split()
    for o in ord:
        poster = poster.filter(
            Q(diarienummer__icontains=o)
            | Q(titel__icontains=o)
            | Q(rubriker__icontains=o)
            | Q(text__icontains=o)
        )
    return _MedUtdrag(poster, ord)


class _MedUtdrag:
    """Wraps the SQLite queryset so each post gets a Python-cut snippet when a page is read."""

    def __init__(self, poster, ord):
        self.poster, self.ord = poster, ord

    def order_by(self, *ordning):
        return _MedUtdrag(self.poster.order_by(*ordning), self.ord)

    def count(self):
        return self.poster.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, bit):
        rader = self.poster[bit]
        for post in rader:
            post.utdrag = text.utdrag_kring(post.text, self.ord)
        return rader
