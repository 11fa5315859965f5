"""`manage.py check` (and every start-up) says at once when the PDF seal cannot be used, rather
than a worker failing mid-task on the first attested utlåtande."""

from django.conf import settings
from django.core import checks

from yttranden.pdf.sigill import SigillFel, läs_sigill

STANDARD_CERT = settings.VAR_DIR / "sigill" / "sigill.pem"
STANDARD_NYCKEL = settings.VAR_DIR / "sigill" / "sigill-nyckel.pem"


def _ej_konfigurerat():
    """Nothing configured and nothing made yet: the demo and a fresh checkout start without a
    seal (the PDF task then fails visibly); a configured path that is wrong is an error."""
    return (
        settings.REMISS_SIGILL_CERT == STANDARD_CERT
        and settings.REMISS_SIGILL_NYCKEL == STANDARD_NYCKEL
        and not STANDARD_CERT.exists()
        and not STANDARD_NYCKEL.exists()
    )


@checks.register()
def kontrollera_sigill(app_configs=None, **kwargs):
    if _ej_konfigurerat():
        return []
    try:
        läs_sigill(
            settings.REMISS_SIGILL_CERT,
            settings.REMISS_SIGILL_NYCKEL,
            settings.REMISS_SIGILL_LOSENORD,
        )
    except SigillFel as fel:
        return [
            checks.Error(
                str(fel),
                hint="Se README, avsnittet Signerade PDF:er.",
                id="yttranden.E001",
            )
        ]
    return []
