"""The roles a person can hold in a nämnd. Each role is a django-guardian object permission on
the Nämnd, so a role always belongs to one nämnd (a handläggare in utbildningsförvaltningen is
not a handläggare in Södermalm)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Roll(models.TextChoices):
    HANDLÄGGARE = "handlaggare", _("Handläggare")
    AVDELNINGSCHEF = "avdelningschef", _("Avdelningschef")
    DIREKTÖR = "direktor", _("Direktör")
    REGISTRATOR = "registrator", _("Registrator")
    NÄMNDSEKRETERARE = "namndsekreterare", _("Nämndsekreterare")
    REMISSAMORDNARE = "remissamordnare", _("Remissamordnare (KS)")
    LÄSARE = "lasare", _("Läsare (KS)")

    @property
    def perm(self):
        """The permission string guardian checks, e.g. ``nämnder.handlaggare``."""
        return f"nämnder.{self.value}"

    @property
    def endast_ks(self):
        return self in KS_ROLLER


KS_ROLLER = frozenset({Roll.REMISSAMORDNARE, Roll.LÄSARE})

# Model permissions are created by migrations, which need plain strings, not lazy labels.
ROLL_PERMISSIONS = [
    ("handlaggare", "Handläggare"),
    ("avdelningschef", "Avdelningschef"),
    ("direktor", "Direktör"),
    ("registrator", "Registrator"),
    ("namndsekreterare", "Nämndsekreterare"),
    ("remissamordnare", "Remissamordnare (KS)"),
    ("lasare", "Läsare (KS)"),
]
