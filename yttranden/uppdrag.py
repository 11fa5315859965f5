"""The yttranden app's work in the outbox (remiss/utkorg.py): the e-mails about review, attest
and answers, and the sealed PDFs (yttranden/pdfuppdrag.py). Registered by name on import
(``YttrandenConfig.ready``), so that rows written here are done by remiss's one mechanism without
remiss knowing this app.

Each e-mail row is one message to one person, written by the model method in the transaction
of the change it tells about.
"""

from django.utils.translation import gettext as _

from nämnder.permissions import personer_med_roll
from nämnder.roller import Roll
from remiss.emails import instans as remiss_emails
from remiss.uppdrag import adresser, lägg_brev
from remiss.utkorg import HoppasÖver, uppdrag
from yttranden import pdfuppdrag  # noqa: F401 (registers pdf.skapa)
from yttranden.emails import beslut as emails_beslut
from yttranden.emails import extern as emails_extern
from yttranden.emails import utlatande as emails
from yttranden.models import ExterntSvar, Pdfdokument, Svar, Utlåtandehändelse

# The message about a history event, for each kind of event and person: (template, to whom).
MEDDELANDEN = {
    "att_granska": emails.utlåtande_att_granska,
    "aterremitterat": emails.utlåtande_återremitterat,
    "godkant": emails.utlåtande_godkänt,
    "att_attestera": emails.utlåtande_att_attestera,
}


def mottagare(händelse):
    """Who is told what, for each kind of history event: (meddelande, person)."""
    utlåtande = händelse.utlåtande
    instans = utlåtande.instans
    handläggare = [p for p in [instans.handläggare, *instans.medhandläggare.all()] if p]
    T = Utlåtandehändelse.Typ
    if händelse.typ == T.SKICKAT and utlåtande.granskare:
        return [("att_granska", utlåtande.granskare)]
    if händelse.typ == T.ÅTERREMITTERAT:
        return [("aterremitterat", p) for p in handläggare]
    if händelse.typ == T.GODKÄNT:
        attestant = [utlåtande.attestant] if utlåtande.attestant else []
        return [("godkant", p) for p in handläggare] + [("att_attestera", p) for p in attestant]
    return []


def meddela(händelse):
    """Put the e-mails about ``händelse`` in the outbox (called in its transaction)."""
    poster = []
    for meddelande, person in mottagare(händelse):
        if not person.email or not person.is_active:
            continue
        poster += lägg_brev(
            "epost.utlatande",
            [person.email],
            gäller=händelse.utlåtande,
            beskrivning=f"{händelse.get_typ_display()} ({meddelande})",
            handelse=händelse.pk,
            meddelande=meddelande,
            mottagare=person.pk,
        )
    return poster


def svar_inkommet(svar):
    """Tell KS's remissamordnare and registrators that an answer has arrived: a nämnd's ``Svar``
    or an external organisation's submitted ``ExterntSvar`` (the same message and path)."""
    ks = svar.instans.remiss.nämnd
    till = adresser(personer_med_roll(ks, Roll.REMISSAMORDNARE, Roll.REGISTRATOR).order_by("pk"))
    nyckel = "externt_svar" if isinstance(svar, ExterntSvar) else "svar"
    return lägg_brev(
        "epost.svar_inkommet",
        till,
        gäller=svar.instans,
        beskrivning=_("Svar från %(nämnd)s på %(dnr)s")
        % {"nämnd": svar.instans.mottagare_namn, "dnr": svar.instans.remiss.diarienummer},
        **{nyckel: svar.pk},
    )


@uppdrag("epost.utlatande")
def _utlåtande(post):
    händelse = (
        Utlåtandehändelse.objects.select_related(
            "utlåtande__instans__remiss", "utlåtande__granskare", "utlåtande__attestant"
        )
        .filter(pk=post.argument["handelse"])
        .first()
    )
    if händelse is None:
        raise HoppasÖver(_("Händelsen finns inte längre."))
    önskad = (post.argument["meddelande"], post.argument["mottagare"])
    person = next((p for m, p in mottagare(händelse) if (m, p.pk) == önskad), None)
    if person is None or not person.is_active:
        raise HoppasÖver(_("Personen ska inte längre få meddelandet."))
    MEDDELANDEN[post.argument["meddelande"]](
        person, händelse.utlåtande, händelse, post.argument["adress"], remiss_emails.rubriker(post)
    )


@uppdrag("epost.svar_inkommet")
def _svar_inkommet(post):
    if "externt_svar" in post.argument:
        svar = (
            ExterntSvar.objects.select_related(
                "instans__remiss__nämnd", "instans__organisation", "inskickat_av"
            )
            .filter(pk=post.argument["externt_svar"], status=ExterntSvar.Status.INSKICKAT)
            .first()
        )
    else:
        svar = (
            Svar.objects.select_related("instans__remiss__nämnd", "instans__nämnd")
            .filter(pk=post.argument["svar"])
            .first()
        )
    if svar is None:
        raise HoppasÖver(_("Svaret finns inte längre."))
    emails_beslut.svar_inkommet(svar, post.argument["adress"], remiss_emails.rubriker(post))


@uppdrag("epost.externt_kvitto")
def _externt_kvitto(post):
    svar = (
        ExterntSvar.objects.select_related(
            "instans__remiss", "instans__organisation", "inskickat_av"
        )
        .filter(pk=post.argument["svar"], status=ExterntSvar.Status.INSKICKAT)
        .first()
    )
    dokument = Pdfdokument.objects.klara().filter(pk=post.argument["dokument"]).first()
    if svar is None or dokument is None:
        raise HoppasÖver(_("Svaret eller dess PDF finns inte längre."))
    emails_extern.kvitto(svar, dokument, post.argument["adress"], remiss_emails.rubriker(post))
