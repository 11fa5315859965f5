from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SammanträdeQuerySet(models.QuerySet):
    def kommande(self, från):
        return self.filter(datum__gte=från)


class Sammanträde(models.Model):
    """A meeting of a nämnd. Its agenda (ärenden) is built by the beslut issue."""

    nämnd = models.ForeignKey(
        "nämnder.Nämnd",
        on_delete=models.CASCADE,
        related_name="sammanträden",
        verbose_name=_("nämnd"),
    )
    datum = models.DateField(_("datum"))
    tid = models.TimeField(_("tid"), null=True, blank=True)
    plats = models.CharField(_("plats"), max_length=200, blank=True)

    objects = SammanträdeQuerySet.as_manager()

    class Meta:
        verbose_name = _("sammanträde")
        verbose_name_plural = _("sammanträden")
        ordering = ["datum"]
        constraints = [
            models.UniqueConstraint(
                "nämnd",
                "datum",
                name="ett_sammanträde_per_nämnd_och_dag",
                violation_error_message=_("Nämnden har redan ett sammanträde den dagen."),
            )
        ]

    def __str__(self):
        return f"{self.nämnd} {self.datum:%Y-%m-%d}"

    def har_ägt_rum(self, nu=None):
        """Whether the meeting has taken place: its day has come and, when it has a starting
        time, that time has passed. A beslut can be recorded only after that."""
        nu = timezone.localtime(nu)
        if self.datum != nu.date():
            return self.datum < nu.date()
        return self.tid is None or self.tid <= nu.time()
