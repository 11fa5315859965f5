"""E-mail about decisions and answers; built like remiss/emails/instans.py."""

from remiss.emails.instans import absolut_länk, skicka_var_för_sig


def svar_inkommet(svar, adresser):
    """Tell KS's remissamordnare and registrators that a nämnd has sent its answer."""
    instans = svar.instans
    context = {
        "svar": svar,
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "länk": absolut_länk("beslut:sammanställning", instans.remiss_id),
    }
    return skicka_var_för_sig("svar-inkommet", context, adresser)
