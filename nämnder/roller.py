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


def _har_roll(användare, nämnd, roll):
    from nämnder.models import NämndUserObjectPermission

    return NämndUserObjectPermission.objects.filter(
        user=användare, content_object=nämnd, permission__codename=Roll(roll).value
    ).exists()


def ge_roll(användare, nämnd, roll, *, av, källa):
    """Give a person a role in a nämnd and write it to the history. ``av`` is the person who
    gave it (None when a source such as the IdP's groups did); returns whether anything
    changed."""
    from nämnder.models import Rollhändelse

    if _har_roll(användare, nämnd, roll):
        return False
    nämnd.tilldela_roll(användare, roll)
    Rollhändelse.objects.create(
        användare=användare,
        nämnd=nämnd,
        roll=Roll(roll).value,
        typ=Rollhändelse.Typ.GIVEN,
        utförd_av=av,
        källa=källa,
    )
    _glöm_cachade_roller(användare)
    return True


def ta_roll(användare, nämnd, roll, *, av, källa):
    """Take a role from a person and write it to the history; returns whether anything
    changed."""
    from nämnder.models import Rollhändelse

    if not _har_roll(användare, nämnd, roll):
        return False
    nämnd.återkalla_roll(användare, roll)
    Rollhändelse.objects.create(
        användare=användare,
        nämnd=nämnd,
        roll=Roll(roll).value,
        typ=Rollhändelse.Typ.TAGEN,
        utförd_av=av,
        källa=källa,
    )
    _glöm_cachade_roller(användare)
    return True


def _glöm_cachade_roller(användare):
    for nyckel in ("_roller_per_nämnd", "_alla_roller", "_perm_cache", "_user_perm_cache"):
        användare.__dict__.pop(nyckel, None)
