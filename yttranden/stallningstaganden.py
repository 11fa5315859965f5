"""The stances an external answer gives per förslag (the förslag and the delivered stances are
remiss's): which förslag the answer form asks about, which are missing on submitting, and
writing the delivered stances when the answer reaches KS."""


def förslag_för(remiss):
    """The remiss's förslag, in order (none: the answer is free text only)."""
    return []


def saknade(svar):
    """Errors by field for förslag the submitted answer gives no stance on."""
    return {}


def lämna(svar):
    """Write the submitted answer's stances as the instans's delivered ones."""


def som_rader(svar):
    """``[(förslag, ståndpunkt's label, kommentar), …]`` for showing an answer's stances."""
    return []
