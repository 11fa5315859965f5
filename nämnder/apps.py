from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NämnderConfig(AppConfig):
    name = "nämnder"
    verbose_name = _("Nämnder och behörigheter")
