from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YttrandenConfig(AppConfig):
    name = "yttranden"
    verbose_name = _("Tjänsteutlåtanden och yttranden")
