"""From what someone typed to a page of ranked, permission-filtered Sökposter (``sök``).

On PostgreSQL: the query is read as web search syntax (``websearch_to_tsquery``, which accepts
any input), widened with words from the index that look like the typed ones (misspellings,
parts of compounds: "samverkan" finds "samverkansöverenskommelse"), and matched against the
stored vectors, together with the person's access tokens in the same GIN index; a query with
digits is also looked for inside diarienummer ("2023/74"). Ranked by ts_rank plus trigram
similarity to diarienummer and title (see _ordnade); snippets by ts_headline. A fixed number of
queries whatever the number of matches: similar words, the planner's estimate of the matches
(which decides how they are read, see _genom_gin), a count, the page.

On SQLite (the demo): every word must occur in the diarienummer, title, headings or text
(``icontains``), newest first, snippets cut in Python.
"""

import dataclasses
import functools
import json
import operator
import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchQueryField,
    SearchRank,
    TrigramWordSimilarity,
)
from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import F, Func, IntegerField, Q, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Concat, Greatest, Substr
from django.db.models.sql import Query
from django.utils.hashable import make_hashable

from nämnder.sqlbland import Bland
from remiss.models import Sökpost
from remiss.sok import text
from remiss.sok.index import KONFIGURATION, på_postgresql

MAX_TECKEN = 200
# Matches are counted up to this many ("fler än 1 000 träffar"): a longer list is not read
# anyway, and counting further would read every match's row.
MAX_RÄKNA = 1_000
# A phrase cannot be answered from the index alone: GIN holds no word positions, so each
# candidate's whole vector is read to check the order of its words. A phrase is counted to this
# many ("fler än 100"), and the matches read for the count are the candidates: one pass.
MAX_RÄKNA_FRAS = 100
# Relevance on the whole text (each candidate's full vector read) for this many candidates,
# the best by the short vector (see _räkna_och_välj).
KANDIDATER = 100
# The snippet is made from this many characters of the text, starting this many before the
# first hit: room for a fragment of up to 30 words around it (about 200 characters) and a
# second from the hits after it. ts_headline's cost grows with the text it is given: 600
# characters instead of 1,000 took 1.3 ms off a page of 20 at 100,000 utlåtanden.
UTDRAGSFÖNSTER = 600
FÖRE_TRÄFF = 200
# Enough to find a compound from one part and a misspelled word, few enough that the widened
# query stays small.
MAX_TERMER = 8
MAX_LIKNANDE = 6
# D, C, B, A: a hit in the title or diarienummer weighs ten times one in the body text.
VIKTER = [0.05, 0.1, 0.4, 1.0]
# Walking the date index newest first tests each row it passes on the row's vector; reading the
# matches out of the GIN index visits each match's row. G, what a row walked past costs against
# a match from GIN, measured on the benchmarks' two corpora: 0.83 at 540 bytes a row in the heap
# (the load benchmark's remisser and instanser: 1.9 µs a row walked, 2.3 µs a match) and 1.5 at
# 4,300 (100,000 utlåtanden, each vector in its row since migration 0018: 2.0 µs and 1.3 µs).
# Before 0018 such a vector was in TOAST and a row walked past cost 13 µs. A phrase is tested on
# the whole vector either way.
GÅNG_FAST = 0.73
GÅNG_PER_BYTE = 0.00018
GÅNG_MOT_GIN_FRAS = 1
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
        return _Kompilerad(exakt)
    liknande = liknande_ord([o for o in ord if len(o) >= MIN_LIKNANDE])
    if not any(liknande.values()):
        return _Kompilerad(exakt)

    def någon_av(o):
        return functools.reduce(
            operator.or_,
            (SearchQuery(v, config=KONFIGURATION) for v in [o, *liknande.get(o, [])]),
        )

    vidgad = functools.reduce(operator.or_ if eller else operator.and_, map(någon_av, ord))
    for o in uteslutna:
        vidgad &= ~SearchQuery(o, config=KONFIGURATION)
    return _Kompilerad(exakt | vidgad)


class _Kompilerad(SearchQuery):
    """A query compiled to SQL once (a widened one is a tree of a few dozen SearchQuery nodes).

    The search uses its query in four of its queries (the match, the rank on the short and on
    the whole vector, where the snippet starts) and Django resolves, copies and compiles the
    whole tree each time: 3 ms a page in the profile at 100,000 utlåtanden. The SQL of a
    tsquery names no column, so it is the same wherever it is used."""

    def __init__(self, träd):
        Expression.__init__(self, output_field=SearchQueryField())
        self.source_expressions, self.extra = [], {}  # as a Func without arguments
        query = Query(Sökpost)
        kompilator = query.get_compiler(connection=connection)
        self.sql, self.parametrar = kompilator.compile(träd.resolve_expression(query))

    def __str__(self):
        return self.sql

    @functools.cached_property
    def identity(self):
        # What Django hashes and compares an expression by (the ORDER BY of the rank hashes
        # it): its SQL, not the tree it was built from, whose identity is computed node by node
        # through each constructor's signature (10 ms a page in the profile).
        return (_Kompilerad, self.sql, make_hashable(self.parametrar))

    def resolve_expression(self, *args, **kwargs):
        return self

    def get_source_expressions(self):
        return []

    def as_sql(self, compiler, connection, **extra):
        return self.sql, list(self.parametrar)


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
    if not på_postgresql():
        # With the text: each hit's snippet is cut from it in Python.
        matchande = _för_sidan(_enkel(poster, fråga), "text").order_by("-datum", "-pk")
        sida = Paginator(matchande, per_sida).get_page(sidnummer)
        sida.object_list = list(sida.object_list)
        for post in sida.object_list:
            post.utdrag = text.utdrag_kring(post.text, fråga.split())
        return Resultat(sida=sida, antal=sida.paginator.count, fler=False, bästa=None)
    with transaction.atomic():
        matchande, q = _matchande(poster, fråga)
        fras = bool(_FRAS.search(fråga))
        gräns = MAX_RÄKNA_FRAS if fras else MAX_RÄKNA
        # One pass over the matches gives the count and the candidates (_räkna_och_välj). For
        # a word in most documents the date index is walked until the limit; the matches of a
        # rarer one are read from the GIN index and sorted (see _genom_gin).
        träffar = _träffar(matchande, q, gräns)
        _genom_gin(träffar, gräns, fras)
        antal, kandidater = _räkna_och_välj(träffar, gräns, urval.sortera)
        antal, fler = min(antal, gräns), antal > gräns
        ordnade, bästa = _ordnade(kandidater, q, fråga, urval.sortera)
        visas = min(antal, bästa or antal)
        sida = Paginator(_Räknad(ordnade, visas), per_sida).get_page(sidnummer)
        sida.object_list = list(sida.object_list)
    return Resultat(
        sida=sida, antal=antal, fler=fler, bästa=bästa if bästa and antal > bästa else None
    )


def _genom_gin(träffar, gräns, fras):
    """Whether the matches are to be read from the GIN index and sorted by date, rather than
    found by walking the date index newest first until ``gräns`` of them. Sets the planner's
    settings for the rest of the search's transaction, the way chosen among them.

    The walk passes about ``gräns × rows / matches`` rows and reads each one's whole vector;
    the GIN index gives the matches themselves. PostgreSQL's planner weighs the two without
    knowing what testing a row costs, and it assumes the matches are spread evenly over the
    dates: a word that is rare and whose documents are old ("trafikstrategi": 4 % of the
    documents, none of the newest) made it walk 19,000 rows, 250 ms while each row's vector was
    in TOAST, where reading its 7,300 matches took 17 ms. The number of matches is the
    planner's own estimate (its statistics of the vectors' words, before the query runs); the
    walk is taken only when ``G × gräns × rows < matches²``, for a word in a large share of the
    documents, where ``G`` is what a row walked past costs against a match read from GIN, by
    the heap's bytes a row: about 1.5 when the rows hold whole tjänsteutlåtandens vectors,
    below 1 when they are short (GÅNG_FAST …).

    The settings: no sequential scan (a common word matches most rows, and the planner, not
    knowing that testing a row means reading its large vector, would rather read them all than
    use an index); no index scan when the matches are read from GIN; a plan made for these
    words (psycopg prepares a query run five times, and a prepared statement's generic plan,
    made once for any words and any reader, would keep the first way it took); and no JIT
    compilation (the walk is costed as if it read the whole table, its LIMIT stops it after
    about 1,400 rows, so past 100,000 posts PostgreSQL compiled each search's expressions:
    20 ms for a query that runs in 5). All in one SELECT of set_config (SET LOCAL each)."""
    sql, parametrar = träffar
    with connection.cursor() as cursor:
        # With the words in the statement, not as parameters: a prepared EXPLAIN could give the
        # generic plan's estimate, made for any words.
        cursor.execute(f"EXPLAIN (FORMAT JSON) {connection.ops.compose_sql(sql, parametrar)}")
        plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        väntade = _före_gränsen(plan[0]["Plan"])
        if fras:
            gång = f"{GÅNG_MOT_GIN_FRAS}"
        else:
            per_rad = "pg_relation_size(oid) / greatest(reltuples, 1)"
            gång = f"({GÅNG_FAST} + {GÅNG_PER_BYTE} * {per_rad})"
        cursor.execute(
            "SELECT set_config('enable_seqscan', 'off', true),"
            " set_config('plan_cache_mode', 'force_custom_plan', true),"
            " set_config('jit', 'off', true),"
            f" set_config('enable_indexscan', CASE WHEN %s * %s < {gång} * %s"
            " * greatest(reltuples, 1) THEN 'off' ELSE 'on' END, true) = 'off'"
            " FROM pg_class WHERE oid = %s::regclass",
            [väntade, väntade, gräns, Sökpost._meta.db_table],
        )
        return cursor.fetchone()[-1]


def _före_gränsen(plan):
    """The planner's estimate of the rows under a plan's LIMIT: all the matches."""
    if plan["Node Type"] == "Limit":
        plan = plan["Plans"][0]
    return float(plan["Plan Rows"])


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


class _FörstaTräff(Func):
    """Where in the text (1-based) one of the tsquery's words first occurs, or 1.

    A Swedish stem is the start of each of its words ("samverk" of "samverkan", "ung" of
    "unga"), so the first place a lexeme of the query occurs in the lowercased text is where
    the first hit is: ``strpos``, no parsing (the text lowercased once: OFFSET 0 keeps
    PostgreSQL from doing it again for each word). A hit only in the title leaves the window at
    the start of the text, where ts_headline would have started too."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra):
        text_sql, text_parametrar = compiler.compile(self.source_expressions[0])
        q_sql, q_parametrar = compiler.compile(self.source_expressions[1])
        sql = (
            f"COALESCE((SELECT min(nullif(strpos(t.gemen, m[1]), 0)) "
            f"FROM (SELECT lower({text_sql}) AS gemen OFFSET 0) AS t, "
            f"regexp_matches(querytree({q_sql})::text, '''([^'']+)''', 'g') AS m), 1)"
        )
        return sql, [*text_parametrar, *q_parametrar]


def _träffar(matchande, q, gräns):
    """The SQL and parameters of the matches newest first, up to ``gräns`` + 1, with their rank
    on the short vector: compiled once, for the planner's estimate and for the count."""
    return (
        matchande.annotate(kort=SearchRank(F("vektor_kort"), q, weights=VIKTER))
        .order_by("-datum", "-pk")
        .values_list("pk", "datum", "kort")[: gräns + 1]
        .query.sql_with_params()
    )


def _räkna_och_välj(träffar, gräns, sortera):
    """(the number of matches, counted up to ``gräns`` + 1; the candidates' pks).

    The one pass over the matches (``träffar``, the SQL of _träffar): each one's date and rank
    on its short vector (in the row), newest first up to the limit, is both the count and the
    candidates, chosen in the same statement so that only the candidates come back (up to 1,001
    rows were read into Python before). Sorted by date, the candidates are the newest
    ``gräns``. By relevance, the best KANDIDATER by the short vector (hits in diarienummer,
    title, headings); when there were more matches than ``gräns``, the newest KANDIDATER stand
    in for them (a word in most documents: newest first is what is wanted then, and the date
    index finds them at once)."""
    sql, parametrar = träffar
    efter_datum = sortera == "datum"
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH t (pk, datum, kort) AS ({sql}), antal AS (SELECT count(*) AS n FROM t) "
            "SELECT antal.n, ARRAY(SELECT pk FROM t ORDER BY CASE WHEN antal.n > %s OR %s"
            " THEN 0 ELSE coalesce(kort, 0) END DESC, datum DESC, pk DESC LIMIT %s) FROM antal",
            [*parametrar, gräns, efter_datum, gräns if efter_datum else KANDIDATER],
        )
        return cursor.fetchone()


def _ordnade(kandidater, q, fråga, sortera):
    """(the candidates in page order, with their snippets; size of the relevance window or
    None). Relevance on the whole text reads each candidate's full vector, so it is computed for
    the candidates only, and the snippet (ts_headline, which reads the whole text) for the
    page's rows only: PostgreSQL puts an expensive expression of the select list after the
    ORDER BY … LIMIT."""
    if sortera == "datum":
        ordnade = Sökpost.objects.filter(Bland("pk", kandidater))
        ordnade, bästa = ordnade.order_by("-datum", "-pk"), None
    else:
        likhet = TrigramWordSimilarity(Value(fråga), Concat("diarienummer", Value(" "), "titel"))
        ordnade = (
            Sökpost.objects.filter(Bland("pk", kandidater))
            .annotate(rank=SearchRank(F("vektor"), q, weights=VIKTER) + likhet)
            .order_by("-rank", "-datum", "-pk")
        )
        bästa = KANDIDATER
    # ts_headline parses and stems all of the text it is given; it is given a window of it,
    # from a little before the first place one of the query's words occurs.
    början = Greatest(Value(1), _FörstaTräff(F("text"), q) - Value(FÖRE_TRÄFF))
    utdrag = SearchHeadline(
        Substr("text", början, Value(UTDRAGSFÖNSTER)),
        q,
        config=KONFIGURATION,
        start_sel=text.START,
        stop_sel=text.SLUT,
        max_fragments=2,
        min_words=12,
        max_words=30,
        fragment_delimiter=" … ",
    )
    return _för_sidan(ordnade.annotate(utdrag=utdrag)), bästa


def _för_sidan(poster, *och):
    """What a hit shows (the page's template, the API's SökträffUt), and the fields ``och``:
    the nämnd by its name alone, none of the vectors."""
    return poster.annotate(nämnd_namn=F("nämnd__namn")).only(
        "typ", "titel", "url", "diarienummer", "status", "datum", "remiss", *och
    )


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
