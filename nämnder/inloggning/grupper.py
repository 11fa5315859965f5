"""What an identity provider says about a person becomes a person in Remiss with exactly the
roles their groups give: created at the first login, updated and re-synchronised at every
login, each role given or taken written to the history."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nämnder.models import ExternIdentitet, Gruppkoppling, NämndUserObjectPermission
from nämnder.roller import Roll, ge_roll, ta_roll


@dataclass(frozen=True)
class Intyg:
    """A verified statement from an IdP about one person (after the signature, audience,
    lifetime and replay checks of its protocol)."""

    metod: str  # "OIDC" or "SAML"
    utfärdare: str
    subjekt: str
    användarnamn: str = ""
    förnamn: str = ""
    efternamn: str = ""
    epost: str = ""
    befattning: str = ""
    grupper: frozenset = field(default_factory=frozenset)
    tid: datetime | None = None  # when the person authenticated at the IdP
    nivå: str = ""  # the assurance level the IdP reports (OIDC acr, SAML AuthnContext)

    @property
    def källa(self):
        return _("Grupper från %(metod)s-inloggning (%(utfärdare)s)") % {
            "metod": self.metod,
            "utfärdare": self.utfärdare,
        }


class Nekad(Exception):
    """The login is refused; the message is Swedish and shown to the person."""


def roller_från_grupper(grupper):
    """The (nämnd, roll) pairs the groups give, as a set."""
    kopplingar = Gruppkoppling.objects.filter(grupp__in=list(grupper), nämnd__aktiv=True)
    return {(k.nämnd, Roll(k.roll)) for k in kopplingar.select_related("nämnd")}


def nuvarande_roller(användare):
    rader = NämndUserObjectPermission.objects.filter(
        user=användare, permission__codename__in=Roll.values
    ).select_related("content_object", "permission")
    return {(rad.content_object, Roll(rad.permission.codename)) for rad in rader}


@transaction.atomic
def person_från_intyg(intyg):
    """The person the IdP vouches for, with their roles set from their groups; None when the
    groups give no role (then nobody is created, and a known person loses every role)."""
    identitet = (
        ExternIdentitet.objects.select_for_update()
        .select_related("användare")
        .filter(utfärdare=intyg.utfärdare, subjekt=intyg.subjekt)
        .first()
    )
    önskade = roller_från_grupper(intyg.grupper)
    if identitet is None and not önskade:
        return None
    if identitet is None:
        identitet = ExternIdentitet.objects.create(
            användare=_ny_person(intyg), utfärdare=intyg.utfärdare, subjekt=intyg.subjekt
        )
    användare = identitet.användare
    if not användare.is_active:
        raise Nekad(_("Ditt konto i Remiss är avstängt. Kontakta Remiss förvaltare."))
    _uppdatera_person(användare, intyg)
    synka_roller(användare, önskade, källa=intyg.källa)
    identitet.senast_inloggad = timezone.now()
    identitet.save(update_fields=["senast_inloggad"])
    return användare if önskade else None


def synka_roller(användare, önskade, *, källa):
    """Give the roles in ``önskade`` that the person lacks and take the ones they hold but
    should not; returns the number of changes."""
    nuvarande = nuvarande_roller(användare)
    ändringar = 0
    for nämnd, roll in önskade - nuvarande:
        ändringar += ge_roll(användare, nämnd, roll, av=None, källa=källa)
    for nämnd, roll in nuvarande - önskade:
        ändringar += ta_roll(användare, nämnd, roll, av=None, källa=källa)
    return ändringar


def _ny_person(intyg):
    modell = get_user_model()
    önskat = (intyg.användarnamn or intyg.epost or intyg.subjekt)[:140]
    användarnamn, n = önskat, 1
    while modell.objects.filter(username=användarnamn).exists():
        n += 1
        användarnamn = f"{önskat}-{n}"
    person = modell(username=användarnamn)
    person.set_unusable_password()  # this person logs in only through the IdP
    _fyll_i(person, intyg)
    person.save()
    return person


def _fyll_i(person, intyg):
    person.first_name = intyg.förnamn[:150]
    person.last_name = intyg.efternamn[:150]
    person.email = intyg.epost[:254]
    person.befattning = intyg.befattning[:120]


def _uppdatera_person(person, intyg):
    före = (person.first_name, person.last_name, person.email, person.befattning)
    _fyll_i(person, intyg)
    if (person.first_name, person.last_name, person.email, person.befattning) != före:
        person.save(update_fields=["first_name", "last_name", "email", "befattning"])
