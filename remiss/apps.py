import logging

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class RemissConfig(AppConfig):
    name = "remiss"
    verbose_name = _("Remisser")

    def ready(self):
        from nämnder import atkomst as _nämnder  # noqa: F401 (registers Nämnd, Sammanträde)

        # The kinds of work this app puts in the outbox register themselves on import.
        from remiss import (
            atkomst,  # noqa: F401 (registers the remiss app's access rules)
            uppdrag,  # noqa: F401
            webbkrokar,  # noqa: F401 (registers webhook delivery in the outbox)
        )

        if settings.CELERY_TASK_ALWAYS_EAGER:
            logger.warning(
                "Ingen meddelandekö (CELERY_BROKER_URL/REDIS_URL) är konfigurerad: bakgrundsjobb "
                "körs i webbprocessen. Det duger för en demo, inte för drift."
            )
