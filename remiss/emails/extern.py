"""The e-mails to external organisations' contact people: the personal link to answer a remiss.
The receipt with the answer as a PDF is yttranden's (it renders the PDF)."""

from remiss.emails.instans import absolut_länk, bygg_meddelande


def svarslänk(länk, hemlighet, adress, rubriker=None):
    """Send ``länk``'s contact person the remiss and their personal link to answer it."""
    instans = länk.instans
    context = {
        "instans": instans,
        "remiss": instans.remiss,
        "organisation": instans.organisation,
        "kontakt": länk.kontaktperson,
        "giltig_till": länk.sista_dag,
        "länk": absolut_länk("svar:öppna", hemlighet),
    }
    return bygg_meddelande("svarslank", context, [adress], rubriker=rubriker).send()
