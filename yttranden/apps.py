from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YttrandenConfig(AppConfig):
    name = "yttranden"
    verbose_name = _("Tjänsteutlåtanden och yttranden")

    def ready(self):
        # Registers the seal's system check (a bad certificate stops `manage.py check`).
        from yttranden.pdf import kontroller  # noqa: F401

        # Tells the search index (remiss.sok) what a tjänsteutlåtande puts there.
        from yttranden import sok  # noqa: F401
