"""The receipt an external contact person gets for a submitted answer, with the sealed PDF."""

from remiss.emails.instans import bygg_meddelande


def kvitto(svar, dokument, adress, rubriker=None):
    instans = svar.instans
    context = {
        "svar": svar,
        "instans": instans,
        "remiss": instans.remiss,
        "organisation": instans.organisation,
    }
    meddelande = bygg_meddelande("externt-kvitto", context, [adress], rubriker=rubriker)
    with dokument.fil.open("rb") as fil:
        meddelande.attach(dokument.filnamn, fil.read(), "application/pdf")
    return meddelande.send()
