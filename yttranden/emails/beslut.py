"""E-mail about decisions and answers; built like remiss/emails/instans.py."""

from remiss.emails.instans import absolut_länk, bygg_meddelande


def svar_inkommet(svar, adress, rubriker=None):
    """Tell one of KS's remissamordnare and registrators that a nämnd has sent its answer."""
    instans = svar.instans
    context = {
        "svar": svar,
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "länk": absolut_länk("beslut:sammanställning", instans.remiss_id),
    }
    return bygg_meddelande("svar-inkommet", context, [adress], rubriker=rubriker).send()
