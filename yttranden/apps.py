from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YttrandenConfig(AppConfig):
    name = "yttranden"
    verbose_name = _("Tjänsteutlåtanden och yttranden")

    def ready(self):
        # Both register themselves on import: what a tjänsteutlåtande puts in the search index
        # (remiss.sok), and the seal's system check (a bad certificate stops `manage.py check`).
        from yttranden import sok  # noqa: F401
        from yttranden.pdf import kontroller  # noqa: F401
