import logging

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class RemissConfig(AppConfig):
    name = "remiss"
    verbose_name = _("Remisser")

    def ready(self):
        # The kinds of work this app puts in the outbox register themselves on import.
        from remiss import uppdrag  # noqa: F401

        if settings.CELERY_TASK_ALWAYS_EAGER:
            logger.warning(
                "Ingen meddelandekö (CELERY_BROKER_URL/REDIS_URL) är konfigurerad: bakgrundsjobb "
                "körs i webbprocessen. Det duger för en demo, inte för drift."
            )
