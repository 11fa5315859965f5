"""The search index: one Sökpost per searchable document (a remiss, a remissinstans, a
tjänsteutlåtande, later a beslut or särskilt uttalande), written by ``remiss.sok.index`` from
the model methods that change a document.

The index lives in the remiss app because every document hangs off a remiss and remiss may not
import yttranden; each kind of document describes itself to the index (``remiss.sok.typer``).

Who may find a post is stored with it, so that search filters in SQL and another förvaltning's
drafts never reach a count or a snippet. The rules mirror the documents' own ``synlig_för``:

- anyone with a role in the owning ``nämnd`` (or, with ``kräver_roll``, only that role there);
- ``öppen_för_ks``: KS's roles (remissamordnare, läsare) in ``ks_nämnd``, the sending nämnd;
- ``öppen_för_mottagare``: members of the remiss's recipient nämnder.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nämnder.permissions import alla_roller
from nämnder.roller import KS_ROLLER


class SökpostQuerySet(models.QuerySet):
    def synliga_för(self, user):
        """The posts ``user`` may find, decided in SQL from the roles read once per request."""
        from remiss.models.instans import Remissinstans

        per_roll = {}
        for nämnd, roll in alla_roller(user):
            per_roll.setdefault(roll, set()).add(nämnd.pk)
        if not per_roll:
            return self.none()
        mina = set().union(*per_roll.values())
        villkor = Q(kräver_roll="", nämnd__in=mina)
        for roll, nämnder in per_roll.items():
            villkor |= Q(kräver_roll=roll, nämnd__in=nämnder)
        if ks := set().union(*(per_roll.get(roll, set()) for roll in KS_ROLLER)):
            villkor |= Q(öppen_för_ks=True, ks_nämnd__in=ks)
        mottagna = Remissinstans.objects.filter(nämnd__in=mina).values("remiss_id")
        villkor |= Q(öppen_för_mottagare=True, remiss__in=mottagna)
        return self.filter(villkor)


class Sökpost(models.Model):
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
    ks_nämnd = models.ForeignKey(
        "nämnder.Nämnd", on_delete=models.CASCADE, related_name="+", verbose_name=_("avsändare")
    )
    remiss = models.ForeignKey(
        "remiss.Remiss", on_delete=models.CASCADE, related_name="+", verbose_name=_("remiss")
    )
    kräver_roll = models.CharField(max_length=30, blank=True)
    öppen_för_ks = models.BooleanField(default=False)
    öppen_för_mottagare = models.BooleanField(default=False)

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
