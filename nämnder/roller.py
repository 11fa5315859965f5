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


def ge_roll(användare, nämnd, roll, *, av, källa):
    """Give ``användare`` the role ``roll`` in ``nämnd`` and write it to the history.

    ``av`` is the person who did it (None when no person did: a role from the kommun's groups),
    ``källa`` where it came from ("administrationen", "IdP-grupp …"). Returns whether anything
    changed: giving a role already held writes nothing. A KS-only role in another nämnd is a
    ValidationError."""
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from nämnder.models import Behörighetshändelse, NämndUserObjectPermission

    roll = Roll(roll)
    if roll.endast_ks and not nämnd.är_kommunstyrelsen:
        raise ValidationError(
            _("Rollen %(roll)s finns bara i kommunstyrelsen."), params={"roll": roll.label}
        )
    with transaction.atomic():
        _lås_person(användare)
        _rad, skapad = NämndUserObjectPermission.objects.get_or_create(
            user=användare, content_object=nämnd, permission=_behörighet(roll)
        )
        if skapad:
            Behörighetshändelse.objects.create(
                typ=Behörighetshändelse.Typ.ROLL_GIVEN,
                användare=användare,
                nämnd=nämnd,
                roll=roll.value,
                källa=källa,
                utförd_av=av,
                text=f"{roll.label}, {nämnd}",
            )
    _glöm_roller(användare)
    return skapad


def ta_roll(användare, nämnd, roll, *, av, källa):
    """Take the role ``roll`` in ``nämnd`` from ``användare`` and write it to the history;
    returns whether anything changed (a role not held directly writes nothing). A role held
    through a group is the group's, and stays."""
    from django.db import transaction

    from nämnder.models import Behörighetshändelse, NämndUserObjectPermission

    roll = Roll(roll)
    with transaction.atomic():
        _lås_person(användare)
        borttagna, _per_modell = NämndUserObjectPermission.objects.filter(
            user=användare, content_object=nämnd, permission=_behörighet(roll)
        ).delete()
        if borttagna:
            Behörighetshändelse.objects.create(
                typ=Behörighetshändelse.Typ.ROLL_TAGEN,
                användare=användare,
                nämnd=nämnd,
                roll=roll.value,
                källa=källa,
                utförd_av=av,
                text=f"{roll.label}, {nämnd}",
            )
    _glöm_roller(användare)
    return bool(borttagna)


def _behörighet(roll):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="nämnder", codename=roll.value)


def _lås_person(användare):
    """Two grants of the same role at once (two IdP logins) must not both write history."""
    type(användare).objects.select_for_update().filter(pk=användare.pk).first()


def _glöm_roller(användare):
    """Roles read earlier in this request are stale now."""
    for nyckel in ("_roller_per_nämnd", "_alla_roller"):
        användare.__dict__.pop(nyckel, None)
    for nyckel in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        användare.__dict__.pop(nyckel, None)
