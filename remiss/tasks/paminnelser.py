"""The reminder sweep beat runs (remiss/paminnelser.py decides; each mail is an outbox row,
sent by remiss/uppdrag.py through the outbox's one mechanism, remiss/utkorg.py)."""

import logging

from celery import shared_task

from remiss import paminnelser

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def svep():
    """Decide every reminder that is due and put its mail in the outbox (beat, every few
    minutes)."""
    resultat = paminnelser.svep()
    if resultat.nya or resultat.hoppade:
        logger.info(
            "Påminnelser: %s nya, %s utan e-postadress.", len(resultat.nya), resultat.hoppade
        )
