"""From what someone typed to a page of ranked, permission-filtered Sökposter (``sök``).

On PostgreSQL: the query is read as web search syntax (``websearch_to_tsquery``, which accepts
any input), widened with words from the index that look like the typed ones (misspellings,
parts of compounds: "samverkan" finds "samverkansöverenskommelse"), and matched against the
stored vectors, together with the person's access tokens in the same GIN index; a query with
digits is also looked for inside diarienummer ("2023/74"). Ranked by ts_rank plus trigram
similarity to diarienummer and title (see _ordnade); snippets by ts_headline. A fixed number of
queries whatever the number of matches: similar words, a count, the page.

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
from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat

from remiss.models import Sökpost
from remiss.sok import text
from remiss.sok.index import KONFIGURATION, på_postgresql

MAX_TECKEN = 200
# Matches are counted up to this many ("more than 10 000"); a longer list is not read anyway.
MAX_RÄKNA = 10_000
# A phrase cannot be answered from the index alone: GIN holds no word positions, so every
# candidate's whole vector is read to check the order of its words. A phrase query is counted
# to this many ("more than 1 000") so that the count does not read ten thousand vectors.
MAX_RÄKNA_FRAS = 1_000
# Relevance is computed in full for this many candidates (see _ordnade).
KANDIDATER = 200
# Enough to find a compound from one part and a misspelled word, few enough that the widened
# query stays small.
MAX_TERMER = 8
MAX_LIKNANDE = 6
# D, C, B, A: a hit in the title or diarienummer weighs ten times one in the body text.
VIKTER = [0.05, 0.1, 0.4, 1.0]
# Shorter words are matched as typed; widening them would find too much.
MIN_LIKNANDE = 4
_ORD = re.compile(r"[^\W\d_]{1,60}")
# Web-search syntax (see websearch_to_tsquery): "a phrase", -excluded, either or other.
_FRAS = re.compile(r'"[^"]*"?')
_UTESLUTEN = re.compile(r"(?:^|(?<=\s))-([^\W\d_]+)")
_ELLER = re.compile(r"\bor\b", re.IGNORECASE)


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
    # A stop word ("till", "eller") is not searched for at all, so it is not widened either.
    sql = (
        "SELECT t.term, s.ord FROM unnest(%s::text[]) AS t(term) CROSS JOIN LATERAL ("
        ' SELECT ord FROM "remiss_sökord" WHERE t.term <%% ord'
        " ORDER BY word_similarity(t.term, ord) DESC, length(ord), ord LIMIT %s) AS s"
        f" WHERE numnode(plainto_tsquery('{KONFIGURATION}', t.term)) > 0"
    )
    liknande = {term: [] for term in termer}
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(termer), MAX_LIKNANDE])
        for term, ord in cursor.fetchall():
            if ord != term:
                liknande[term].append(ord)
    return liknande


def _delar(fråga):
    """The words to widen (outside quoted phrases and not excluded with a minus), the excluded
    words, and whether the person asked for either word ("or") rather than all of them."""
    utan_fraser = _FRAS.sub(" ", fråga)
    uteslutna = [o.lower() for o in _UTESLUTEN.findall(utan_fraser)]
    kvar = _UTESLUTEN.sub(" ", utan_fraser)
    ord = [o.lower() for o in _ORD.findall(kvar) if o.lower() != "or"]
    return list(dict.fromkeys(ord)), uteslutna, bool(_ELLER.search(kvar))


def tsquery(fråga):
    """The web-search query as typed, or the same query with each word widened to similar words
    in the index (misspellings, compounds it is part of)."""
    exakt = SearchQuery(fråga, config=KONFIGURATION, search_type="websearch")
    ord, uteslutna, eller = _delar(fråga)
    if not ord or len(ord) > MAX_TERMER:
        return exakt
    liknande = liknande_ord([o for o in ord if len(o) >= MIN_LIKNANDE])
    if not any(liknande.values()):
        return exakt

    def någon_av(o):
        return functools.reduce(
            operator.or_,
            (SearchQuery(v, config=KONFIGURATION) for v in [o, *liknande.get(o, [])]),
        )

    vidgad = functools.reduce(operator.or_ if eller else operator.and_, map(någon_av, ord))
    for o in uteslutna:
        vidgad &= ~SearchQuery(o, config=KONFIGURATION)
    return exakt | vidgad


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


@dataclasses.dataclass
class Resultat:
    sida: Page  # evaluated; each post has ``utdrag`` (see text.markera)
    antal: int  # every match, counted up to MAX_RÄKNA (MAX_RÄKNA_FRAS for a phrase)
    fler: bool  # more than that matched
    bästa: int | None  # sorted by relevance among this many best candidates (None: all)


def sök(user, urval, sidnummer=1, per_sida=20):
    """One page of the posts matching ``urval`` that ``user`` may see, best or newest first."""
    fråga = normalisera(urval.fråga)
    if not fråga:
        return Resultat(Paginator([], per_sida).get_page(1), antal=0, fler=False, bästa=None)
    poster = _filtrera(Sökpost.objects.synliga_för(user), urval)
    with transaction.atomic():
        if på_postgresql():
            # A common word matches most rows, and the planner, not knowing that testing a row
            # means reading its large vector, would rather read them all than use the index.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
            matchande, q = _matchande(poster, fråga)
        else:
            matchande, q = _enkel(poster, fråga), None
        gräns = MAX_RÄKNA_FRAS if _FRAS.search(fråga) and på_postgresql() else MAX_RÄKNA
        antal = matchande.values("pk")[: gräns + 1].count()
        if på_postgresql():
            ordnade, bästa = _ordnade(matchande, q, fråga, urval.sortera, antal, gräns)
        else:
            ordnade, bästa = matchande.select_related("nämnd").order_by("-datum", "-pk"), None
        visas = min(antal, gräns, bästa or gräns)
        sida = Paginator(_Räknad(ordnade, visas), per_sida).get_page(sidnummer)
        sida.object_list = list(sida.object_list)
    if not på_postgresql():
        for post in sida.object_list:
            post.utdrag = text.utdrag_kring(post.text, fråga.split())
    return Resultat(
        sida=sida,
        antal=min(antal, gräns),
        fler=antal > gräns,
        bästa=bästa if bästa and antal > bästa else None,
    )


class _Räknad:
    """A queryset whose length is already known, so the paginator does not count again."""

    def __init__(self, poster, antal):
        self.poster, self.antal = poster, antal

    def count(self):
        return self.antal

    def __getitem__(self, bit):
        return self.poster[bit]


def _matchande(poster, fråga):
    q = tsquery(fråga)
    träff = Q(vektor=q)
    if dnr := _dnr_del(fråga):
        träff |= Q(diarienummer__icontains=dnr)
    return poster.filter(träff), q


def _ordnade(matchande, q, fråga, sortera, antal, gräns=MAX_RÄKNA):
    """(the matches in page order with their snippets, size of the relevance window or None).

    Ranking reads each match's full vector, tens of thousands for a common word. So the best
    KANDIDATER are picked first, by the short vector (hits in diarienummer, title, headings)
    among up to ``gräns`` matches (MAX_RÄKNA, or MAX_RÄKNA_FRAS for a phrase), else as the
    newest (a word in most documents: newest first is what is wanted then, and the date index
    finds them at once), and only they are ranked on everything."""
    if sortera == "datum":
        ordnade, bästa = matchande.order_by("-datum", "-pk"), None
    else:
        if antal > gräns:
            kandidater = matchande.order_by("-datum", "-pk")
        else:
            kandidater = matchande.annotate(
                kort=SearchRank(F("vektor_kort"), q, weights=VIKTER)
            ).order_by("-kort", "-datum", "-pk")
        likhet = TrigramWordSimilarity(Value(fråga), Concat("diarienummer", Value(" "), "titel"))
        ordnade = (
            Sökpost.objects.filter(pk__in=kandidater.values("pk")[:KANDIDATER])
            .annotate(rank=SearchRank(F("vektor"), q, weights=VIKTER) + likhet)
            .order_by("-rank", "-datum", "-pk")
        )
        bästa = KANDIDATER
    utdrag = SearchHeadline(
        "text",
        q,
        config=KONFIGURATION,
        start_sel=text.START,
        stop_sel=text.SLUT,
        max_fragments=2,
        min_words=12,
        max_words=30,
        fragment_delimiter=" … ",
    )
    ordnade = (
        ordnade.annotate(utdrag=utdrag)
        .select_related("nämnd")
        .defer("text", "rubriker", "vektor", "vektor_kort", "åtkomst")
    )
    return ordnade, bästa


def _enkel(poster, fråga):
    """SQLite: every word somewhere in the post."""
    for o in fråga.split():
        poster = poster.filter(
            Q(diarienummer__icontains=o)
            | Q(titel__icontains=o)
            | Q(rubriker__icontains=o)
            | Q(text__icontains=o)
        )
    return poster
