"""E-mail about decisions and answers; built like remiss/emails/instans.py."""

from remiss.emails.instans import absolut_länk, bygg_meddelande


def svar_inkommet(svar, adress, rubriker=None):
    """Tell one of KS's remissamordnare and registrators that a nämnd, or an external
    organisation through its personal link, has sent its answer."""
    instans = svar.instans
    extern = instans.är_extern
    context = {
        "svar": svar,
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "avsändare": instans.mottagare_namn,
        "extern": extern,
        "skickat": svar.inskickat if extern else svar.skickat,
        # KS reads an external answer and its PDF on the instans's page.
        "länk": absolut_länk("instanser:detalj", instans.pk)
        if extern
        else absolut_länk("beslut:sammanställning", instans.remiss_id),
    }
    return bygg_meddelande("svar-inkommet", context, [adress], rubriker=rubriker).send()
