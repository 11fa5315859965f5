"""API clients: another way in that ends in the same access policy.

A client (the utbildningsförvaltning's diarium, say) has its own service user, which cannot log
in to the web (no usable password, no identity at the IdP). The client's scope of (nämnd, roll)
pairs *is* that user's roles, given and taken through ``ge_roll``/``ta_roll`` with the source
"API-klient", so every policy function, list and gateway answers an API request exactly as it
would a person with those roles, and every history row an API action writes names the client.

The token is shown once, when it is made; only its SHA-256 is stored (a token carries 256 random
bits, so a plain hash is as strong as a slow one and costs nothing per request).
"""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nämnder.roller import Roll, ge_roll, ta_roll

PREFIX = "remiss_"
KÄLLA = "API-klient"
# How stale ``senast_använd`` may be before a request writes it again: one write a minute per
# client, not one per request.
SENAST_ANVÄND_NOGGRANNHET = timezone.timedelta(minutes=1)


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _ny_token():
    """``remiss_<8 characters shown in the admin>_<the secret>``."""
    synlig = secrets.token_hex(4)
    return synlig, f"{PREFIX}{synlig}_{secrets.token_urlsafe(32)}"


class ApiKlient(models.Model):
    namn = models.CharField(
        _("namn"),
        max_length=120,
        unique=True,
        help_text=_("Systemet som använder API:t, till exempel Diariet UBF."),
        error_messages={"unique": _("Det finns redan en API-klient med det namnet.")},
    )
    användare = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_klient",
        editable=False,
        verbose_name=_("tjänsteanvändare"),
    )
    token_prefix = models.CharField(_("tokenprefix"), max_length=20, editable=False)
    token_hash = models.CharField(_("tokenens SHA-256"), max_length=64, unique=True, editable=False)
    aktiv = models.BooleanField(
        _("aktiv"), default=True, help_text=_("En inaktiv klient får svaret 401 på varje anrop.")
    )
    giltig_till = models.DateTimeField(
        _("giltig till"),
        null=True,
        blank=True,
        help_text=_("Efter denna tidpunkt slutar token att fungera. Tomt: utan slutdatum."),
    )
    senast_använd = models.DateTimeField(_("senast använd"), null=True, editable=False)
    skapad = models.DateTimeField(_("skapad"), auto_now_add=True)
    roterad = models.DateTimeField(_("token bytt"), null=True, editable=False)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("skapad av"),
    )

    class Meta:
        verbose_name = _("API-klient")
        verbose_name_plural = _("API-klienter")
        ordering = ["namn"]

    def __str__(self):
        return self.namn

    def save(self, *args, **kwargs):
        # Keep the service user's name in step with the client's: the histories show it.
        if self.användare_id and self.användare.first_name != self.namn[:150]:
            self.användare.first_name = self.namn[:150]
            self.användare.save(update_fields=["first_name"])
        super().save(*args, **kwargs)

    @classmethod
    @transaction.atomic
    def skapa(cls, namn, *, av, omfång=(), giltig_till=None):
        """A new client with its service user and scope; returns ``(klient, token)``, the
        only time the token is seen."""
        klient = cls(namn=namn, giltig_till=giltig_till, skapad_av=av)
        klient.användare = cls._tjänsteanvändare(namn)
        token = klient._sätt_token()
        klient.full_clean(exclude=["användare"])
        klient.save()
        klient.sätt_omfång(omfång, av=av)
        return klient, token

    @staticmethod
    def _tjänsteanvändare(namn):
        from nämnder.models import Användare

        användare = Användare(
            username=f"api-{secrets.token_hex(6)}",
            first_name=namn[:150],
            last_name=str(_("(API-klient)")),
            befattning=str(_("API-klient")),
        )
        användare.set_unusable_password()  # cannot log in to the web
        användare.save()
        return användare

    def _sätt_token(self):
        synlig, token = _ny_token()
        self.token_prefix, self.token_hash = f"{PREFIX}{synlig}", _hash(token)
        return token

    @transaction.atomic
    def rotera(self):
        """A new token; the old one stops working at once. Returns the new one."""
        token = self._sätt_token()
        self.roterad = timezone.now()
        self.save(update_fields=["token_prefix", "token_hash", "roterad"])
        return token

    def omfång(self):
        """The scope as ``{(nämnd, roll), …}``: the service user's roles."""
        from nämnder.permissions import alla_roller

        return set(alla_roller(self.användare))

    @transaction.atomic
    def sätt_omfång(self, par, *, av):
        """Make the scope exactly ``par`` (pairs of nämnd and roll), giving and taking the
        service user's roles through the role history."""
        önskat = {(nämnd, Roll(roll)) for nämnd, roll in par}
        for nämnd, roll in önskat:
            if roll.endast_ks and not nämnd.är_kommunstyrelsen:
                raise ValidationError(
                    _("Rollen %(roll)s finns bara i kommunstyrelsen."), params={"roll": roll.label}
                )
        nu = self.omfång()
        for nämnd, roll in nu - önskat:
            ta_roll(self.användare, nämnd, roll, av=av, källa=KÄLLA)
        for nämnd, roll in önskat - nu:
            ge_roll(self.användare, nämnd, roll, av=av, källa=KÄLLA)

    def gäller(self, nu=None):
        return self.aktiv and (
            self.giltig_till is None or self.giltig_till > (nu or timezone.now())
        )

    @classmethod
    def för_token(cls, token):
        """The client whose token this is, if it may be used now; None otherwise."""
        if not token or not token.startswith(PREFIX):
            return None
        klient = cls.objects.select_related("användare").filter(token_hash=_hash(token)).first()
        if klient is None or not klient.gäller() or not klient.användare.is_active:
            return None
        return klient

    def notera_användning(self):
        """Record the time of use, at most once a minute (a conditional UPDATE)."""
        nu = timezone.now()
        if self.senast_använd and nu - self.senast_använd < SENAST_ANVÄND_NOGGRANNHET:
            return
        type(self).objects.filter(pk=self.pk).filter(
            models.Q(senast_använd__isnull=True)
            | models.Q(senast_använd__lt=nu - SENAST_ANVÄND_NOGGRANNHET)
        ).update(senast_använd=nu)
        self.senast_använd = nu


class Idempotensnyckel(models.Model):
    """A POST's Idempotency-Key, per client, with the request's fingerprint and the response
    it got: the same key again replays the response; with another request it is refused."""

    klient = models.ForeignKey(ApiKlient, on_delete=models.CASCADE, related_name="+")
    nyckel = models.CharField(max_length=255)
    fingeravtryck = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(null=True)
    svar = models.JSONField(null=True)
    plats = models.CharField(max_length=500, blank=True)
    skapad = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("idempotensnyckel")
        verbose_name_plural = _("idempotensnycklar")
        constraints = [
            models.UniqueConstraint(fields=["klient", "nyckel"], name="idempotensnyckel_unik")
        ]

    def __str__(self):
        return self.nyckel
