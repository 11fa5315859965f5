from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YttrandenConfig(AppConfig):
    name = "yttranden"
    verbose_name = _("Tjänsteutlåtanden och yttranden")

    def ready(self):
        # These register themselves on import: who may see and do what (yttranden.atkomst),
        # what a tjänsteutlåtande puts in the search index (remiss.sok), the work this app puts
        # in the outbox (remiss.utkorg), what its webhook events say (remiss.webbkrokar), what
        # it adds to remiss's pages (remiss.sidtillagg), and the seal's system check (a bad
        # certificate stops `manage.py check`).
        from yttranden import atkomst, sidtillagg, sok, uppdrag, webbkrokar  # noqa: F401
        from yttranden.pdf import kontroller  # noqa: F401
