"""Local passwords: kept for the demo and for a break-glass administrator. With
REMISS_LOSENORD_INLOGGNING off, only a superuser may still log in with a password."""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class LösenordsForm(AuthenticationForm):
    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not settings.REMISS_LOSENORD_INLOGGNING and not user.is_superuser:
            raise ValidationError(
                _("Inloggning med lösenord är avstängd. Logga in med kommunens konto."),
                code="losenord_avstangt",
            )
