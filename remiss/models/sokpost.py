"""The search index: one Sökpost per searchable document (a remiss, a remissinstans, a
tjänsteutlåtande, a beslut, a särskilt uttalande or reservation), written by
``remiss.sok.index`` from the model methods that change a document.

The index lives in the remiss app because every document hangs off a remiss and remiss may not
import yttranden; each kind of document describes itself to the index (``remiss.sok.typer``).

Who may find a post is stored with it as access tokens (``åtkomst``), so that search filters in
SQL, through the same index as the words, and another förvaltning's drafts never reach a count
or a snippet. The tokens are the access policy's (nämnder/atkomst.py): a post lists those the
object's declared rules give it, a person holds one for each role (``nycklar_för``), and the
person finds the post exactly when they may see the object's page.
"""

import functools

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import connection, models
from django.db.models import BooleanField, F, Func, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from nämnder.atkomst import nycklar_för
from nämnder.models.valetiketter import Valetiketter


class _HarNågon(Func):
    """``string_to_array(åtkomst, ' ') && ARRAY[…]``: the expression the GIN index is built on."""

    output_field = BooleanField()

    def __init__(self, nycklar):
        self.nycklar = list(nycklar)
        super().__init__(F("åtkomst"))

    def as_sql(self, compiler, connection, **extra):
        fält, parametrar = compiler.compile(self.source_expressions[0])
        return f"(string_to_array({fält}, ' ') && %s::text[])", [*parametrar, self.nycklar]


class SökpostQuerySet(models.QuerySet):
    def synliga_för(self, user):
        nycklar = nycklar_för(user)
        if not nycklar:
            return self.none()
        if connection.vendor == "postgresql":
            return self.filter(_HarNågon(nycklar))
        villkor = Q()
        for n in nycklar:
            villkor |= Q(åtkomst__contains=f" {n} ")
        return self.filter(villkor)

    def år_för(self, user):
        """The years (newest first) in which ``user`` may find something, in one query: the
        search page's year filter must not offer the years of other nämnders' work. Every year
        from the index's first to its latest (two look-ups in the index on ``år``), kept when an
        EXISTS finds a post the person may see: one look-up per year, not one per post. For the
        whole index (``Sökpost.objects``): its SQL is kept per set of access tokens."""
        nycklar = nycklar_för(user)
        if not nycklar:
            return []
        if connection.vendor != "postgresql":
            synliga = self.synliga_för(user)
            år = self.values_list("år", flat=True).distinct().order_by("-år")
            return [a for a in år if synliga.filter(år=a).exists()]
        sql, parametrar = _årens_sql(tuple(nycklar))
        with connection.cursor() as markör:
            markör.execute(sql, parametrar)
            return [a for (a,) in markör.fetchall()]


@functools.lru_cache(maxsize=256)
def _årens_sql(nycklar):
    """``år_för``'s SQL for the access tokens ``nycklar``: built and compiled once for each set
    (the same for everyone with the same roles), as the query itself takes a fraction of a
    millisecond."""
    finns = Sökpost.objects.filter(_HarNågon(nycklar), år=RawSQL('"kandidat"."år"', ())).values(
        "pk"
    )[:1]
    sql, parametrar = finns.query.sql_with_params()
    tabell = connection.ops.quote_name(Sökpost._meta.db_table)
    # A LATERAL with LIMIT 1, not an EXISTS: the planner may turn an EXISTS into a hash join
    # that reads every visible post (it takes generate_series for 1,000 years), 30 ms where the
    # look-up per year takes a fraction of one.
    return (
        f'SELECT "kandidat"."år" FROM generate_series((SELECT max("år") FROM {tabell}), '
        f'(SELECT min("år") FROM {tabell}), -1) AS "kandidat"("år") '
        f'CROSS JOIN LATERAL ({sql}) AS "finns"',
        tuple(parametrar),
    )


class Sökpost(Valetiketter, models.Model):
    class Typ(models.TextChoices):
        REMISS = "remiss", _("Remiss")
        REMISSINSTANS = "remissinstans", _("Remissinstans")
        TJÄNSTEUTLÅTANDE = "tjansteutlatande", _("Tjänsteutlåtande")
        BESLUT = "beslut", _("Beslut")
        SÄRSKILT_UTTALANDE = "sarskilt_uttalande", _("Särskilt uttalande")
        RESERVATION = "reservation", _("Reservation")

    innehållstyp = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    objekt_id = models.PositiveBigIntegerField()
    objekt = GenericForeignKey("innehållstyp", "objekt_id")
    typ = models.CharField(_("typ"), max_length=30, choices=Typ.choices)

    nämnd = models.ForeignKey(
        "nämnder.Nämnd", on_delete=models.CASCADE, related_name="+", verbose_name=_("nämnd")
    )
    remiss = models.ForeignKey(
        "remiss.Remiss", on_delete=models.CASCADE, related_name="+", verbose_name=_("remiss")
    )
    # " n5 ks1 ": the tokens that may find the post, each between spaces (see the module).
    åtkomst = models.TextField(_("åtkomst"), default="", editable=False)

    år = models.PositiveSmallIntegerField(_("år"), help_text=_("Remissens år."))
    datum = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=60)
    diarienummer = models.CharField(_("diarienummer"), max_length=200)
    titel = models.CharField(_("titel"), max_length=500)
    rubriker = models.TextField(_("rubriker"), blank=True)
    text = models.TextField(_("text"), blank=True)
    url = models.CharField(max_length=300)
    # Written from the columns above by remiss.sok.index (PostgreSQL only; NULL on SQLite).
    # ``vektor`` has everything and is what matches; ``vektor_kort`` has only the diarienummer,
    # title and headings, small enough to stay in the row, so that a query matching tens of
    # thousands of documents can pick its best candidates without reading every full vector.
    vektor = SearchVectorField(null=True, editable=False)
    vektor_kort = SearchVectorField(null=True, editable=False)
    indexerad = models.DateTimeField(auto_now=True)

    objects = SökpostQuerySet.as_manager()

    class Meta:
        verbose_name = _("sökpost")
        verbose_name_plural = _("sökposter")
        constraints = [
            models.UniqueConstraint("innehållstyp", "objekt_id", name="en_sökpost_per_objekt")
        ]
        # The GIN indexes (full text and trigram) are made by the migration, PostgreSQL only.
        indexes = [models.Index(fields=["datum"]), models.Index(fields=["år"])]

    def __str__(self):
        return f"{self.get_typ_display()}: {self.titel}"


class Sökord(models.Model):
    """Every word the index has seen, for finding misspelled words and parts of compounds: a
    trigram index over a few thousand words answers in a millisecond, where one over every
    document's text would be large and slow."""

    ord = models.CharField(max_length=60, primary_key=True)

    class Meta:
        verbose_name = _("sökord")
        verbose_name_plural = _("sökord")

    def __str__(self):
        return self.ord
