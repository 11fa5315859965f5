"""The remiss app's work in the outbox (remiss/utkorg.py): the e-mails that tell people about a
remiss, and the deadline reminders. Each row is one message to one address, so a refused
recipient does not hold up the others and a retry never repeats a message the server has
accepted.

The rows are written by the model methods (``Remiss.skicka``, ``Remissinstans.tilldela``,
``Anstånd.bevilja``/``avslå``) and the reminder sweep (remiss/paminnelser.py) in the transaction
of the change; the functions below do the work in a worker and raise on failure (the outbox
decides whether to try again).
"""

import logging
import smtplib

from django.utils.translation import gettext as _

from nämnder.models import Nämnd
from nämnder.permissions import nämnder_för, personer_med_roll
from nämnder.roller import Roll
from remiss import paminnelser, utkorg
from remiss.emails import extern as emails_extern
from remiss.emails import instans as emails
from remiss.emails import paminnelser as påminnelsebrev
from remiss.models import Anstånd, Påminnelse, Remissinstans, Svarslänk, Utkorgspost
from remiss.utkorg import HoppasÖver, uppdrag

logger = logging.getLogger(__name__)


def adresser(personer, reserv=""):
    adresser = list(dict.fromkeys(p.email for p in personer if p.email))
    return adresser or ([reserv] if reserv else [])


def lägg_brev(namn, till, *, gäller, beskrivning, **argument):
    """One outbox row per address, in the current transaction."""
    return utkorg.lägg_många(
        [
            utkorg.Utkorgspost(
                uppdrag=namn,
                argument={**argument, "adress": adress},
                gäller=utkorg.Utkorgspost.nyckel_för(gäller),
                beskrivning=f"{beskrivning} → {adress}"[:300],
            )
            for adress in till
        ]
    )


# --- written by the model methods ---------------------------------------------------------


def remiss_inkommen(instanser):
    """Tell the registrators of each recipient nämnd that a remiss has arrived; with no
    registrator who has an address, the förvaltning's registry mailbox is told. (External
    organisations' contact people get their personal link instead: ``svarslänk``.)"""
    poster = []
    for instans in instanser:
        if instans.nämnd_id is None:
            continue
        registratorer = personer_med_roll(instans.nämnd, Roll.REGISTRATOR).order_by("pk")
        till = adresser(registratorer, reserv=instans.nämnd.epost)
        if not till:
            logger.warning("Ingen att underrätta om remissinstans %s (%s).", instans.pk, instans)
        poster += [
            utkorg.Utkorgspost(
                uppdrag="epost.remiss_inkommen",
                argument={"instans": instans.pk, "adress": adress},
                gäller=utkorg.Utkorgspost.nyckel_för(instans),
                beskrivning=f"{_('Ny remiss')} {instans.remiss.diarienummer} → {adress}"[:300],
            )
            for adress in till
        ]
    return utkorg.lägg_många(poster)


def handläggare_tilldelad(instans, handläggare):
    if not handläggare.email:
        return []
    return lägg_brev(
        "epost.handlaggare_tilldelad",
        [handläggare.email],
        gäller=instans,
        beskrivning=_("Tilldelad %(dnr)s") % {"dnr": instans.remiss.diarienummer},
        instans=instans.pk,
        handlaggare=handläggare.pk,
    )


def anståndsbeslut(anstånd):
    """Tell the nämnd's registrators and whoever asked; for an external organisation, its
    active contact people (the one who asked among them)."""
    instans = anstånd.instans
    if instans.är_extern:
        kontakter = instans.organisation.kontaktpersoner.filter(aktiv=True).order_by("pk")
        till = list(dict.fromkeys(k.epost for k in kontakter if k.epost))
    else:
        registratorer = personer_med_roll(instans.nämnd, Roll.REGISTRATOR).order_by("pk")
        till = adresser([*registratorer, anstånd.begärt_av], reserv=instans.nämnd.epost)
    return lägg_brev(
        "epost.anstandsbeslut",
        till,
        gäller=anstånd.instans,
        beskrivning=_("Beslut om anstånd %(dnr)s") % {"dnr": anstånd.instans.remiss.diarienummer},
        anstand=anstånd.pk,
    )


def svarslänk(länk, slump):
    """E-mail a contact person their personal link. The row carries the link's random part
    only until the message is sent (the link itself needs SECRET_KEY: remiss/models/svarslank.py);
    the description names the person, never the link."""
    kontakt = länk.kontaktperson
    return lägg_brev(
        "epost.svarslank",
        [kontakt.epost],
        gäller=länk.instans,
        beskrivning=_("Personlig länk %(dnr)s till %(namn)s")
        % {"dnr": länk.instans.remiss.diarienummer, "namn": kontakt.namn},
        lank=länk.pk,
        slump=slump,
    )


# --- done by a worker ---------------------------------------------------------------------


@uppdrag("epost.remiss_inkommen")
def _remiss_inkommen(post):
    instans = (
        Remissinstans.objects.select_related("remiss__kontaktperson", "nämnd")
        .filter(pk=post.argument["instans"])
        .first()
    )
    if instans is None:
        raise HoppasÖver(_("Remissinstansen finns inte längre."))
    emails.remiss_inkommen(instans, post.argument["adress"], emails.rubriker(post))


@uppdrag("epost.handlaggare_tilldelad")
def _handläggare_tilldelad(post):
    instans = (
        Remissinstans.objects.select_related("remiss", "nämnd", "handläggare", "avdelning")
        .filter(pk=post.argument["instans"], handläggare_id=post.argument["handlaggare"])
        .first()
    )
    if instans is None:
        # Reassigned before this ran: the newer assignment's own row tells the new person.
        raise HoppasÖver(_("Ärendet har fått en annan handläggare."))
    cc = adresser(instans.medhandläggare.exclude(pk=instans.handläggare_id))
    emails.handläggare_tilldelad(instans, post.argument["adress"], cc, emails.rubriker(post))


@uppdrag("epost.anstandsbeslut")
def _anståndsbeslut(post):
    anstånd = (
        Anstånd.objects.select_related(
            "instans__remiss", "instans__nämnd", "instans__organisation", "begärt_av"
        )
        .exclude(status=Anstånd.Status.BEGÄRT)
        .filter(pk=post.argument["anstand"])
        .first()
    )
    if anstånd is None:
        raise HoppasÖver(_("Anståndet finns inte längre."))
    emails.anståndsbeslut(anstånd, post.argument["adress"], emails.rubriker(post))


@uppdrag("epost.svarslank")
def _svarslänk(post):
    from remiss.models.svarslank import hemlighet

    länk = (
        Svarslänk.objects.select_related(
            "instans__remiss__kontaktperson", "instans__organisation", "kontaktperson"
        )
        .filter(pk=post.argument["lank"], återkallad__isnull=True)
        .first()
    )
    if länk is None:
        raise HoppasÖver(_("Länken har återkallats eller ersatts av en nyare."))
    if not post.argument.get("slump"):
        raise HoppasÖver(_("Länken är redan skickad."))
    emails_extern.svarslänk(
        länk, hemlighet(post.argument["slump"]), post.argument["adress"], emails.rubriker(post)
    )
    # Sent: the row no longer needs the link's random part.
    argument = {k: v for k, v in post.argument.items() if k != "slump"}
    Utkorgspost.objects.filter(pk=post.pk).update(argument=argument)


# --- deadline reminders (decided by remiss/paminnelser.py) ---------------------------------

P = Påminnelse


def _varför_inte(påminnelse):
    """Why this reminder should no longer be sent, or "" when it should."""
    if påminnelse.kontaktperson_id:
        kontakt = påminnelse.kontaktperson
        if not kontakt.aktiv or kontakt.organisation_id != påminnelse.instans.organisation_id:
            return P.Orsak.INAKTIV
        if not kontakt.epost.strip():
            return P.Orsak.INGEN_EPOST
    elif not påminnelse.mottagare.is_active:
        return P.Orsak.INAKTIV
    elif not påminnelse.mottagare.email.strip():
        return P.Orsak.INGEN_EPOST
    instans = påminnelse.instans
    if instans is None:
        return ""
    if instans.status in instans.KLARA or instans.remiss.status != instans.remiss.Status.UTSKICKAD:
        return P.Orsak.AVSLUTAD
    if instans.svarsdatum != påminnelse.datum:
        return P.Orsak.NYTT_SVARSDATUM
    if påminnelse.typ == P.Typ.OTILLDELAD and instans.handläggare_id:
        return P.Orsak.TILLDELAD
    return ""


def _sammanställning(påminnelse):
    ks = nämnder_för(
        påminnelse.mottagare,
        Roll.REGISTRATOR,
        Roll.REMISSAMORDNARE,
        queryset=Nämnd.objects.filter(typ=Nämnd.Typ.KOMMUNSTYRELSE),
    )
    instanser = list(
        paminnelser.sammanställning_gäller(påminnelse.datum)
        .filter(remiss__nämnd__in=ks)
        .select_related("remiss", "nämnd")
        .order_by("svarsdatum", "remiss__diarienummer", "nämnd__namn")
    )
    if not instanser:
        return False
    försenade = [i for i in instanser if i.svarsdatum < påminnelse.datum]
    i_riskzon = [i for i in instanser if i.svarsdatum >= påminnelse.datum]
    return påminnelsebrev.sammanställning(påminnelse, försenade, i_riskzon)


def _skicka(påminnelse):
    if påminnelse.kontaktperson_id:
        return _extern_frist(påminnelse)
    påminnelse.epost = påminnelse.mottagare.email.strip()
    if påminnelse.typ == P.Typ.SAMMANSTÄLLNING:
        return _sammanställning(påminnelse)
    if påminnelse.typ == P.Typ.OTILLDELAD:
        return påminnelsebrev.otilldelad(påminnelse)
    return påminnelsebrev.frist(påminnelse)


def _extern_frist(påminnelse):
    """An external contact's reminder, with a fresh personal link (they have no account, and
    the links already sent cannot be rebuilt from their stored hashes). Should sending fail
    and be tried again, the next try makes another link; one that never reached anyone is a
    secret nobody holds, and it expires with the others."""
    from remiss.models.svarslank import hemlighet

    påminnelse.epost = påminnelse.kontaktperson.epost.strip()
    länk, slump = Svarslänk.för_påminnelse(påminnelse.instans, påminnelse.kontaktperson)
    return påminnelsebrev.extern_frist(påminnelse, länk, hemlighet(slump))


def _påminnelse_misslyckades(post, fel, text):
    """The outbox gave up on it: the reminder row says so too (the admin lists it)."""
    orsak = P.Orsak.AVVISAD if isinstance(fel, smtplib.SMTPException) else ""
    påminnelse = P.objects.filter(pk=post.argument["paminnelse"]).first()
    if påminnelse is not None:
        påminnelse.misslyckas(text, orsak)


@uppdrag("epost.paminnelse", misslyckades=_påminnelse_misslyckades)
def _påminnelse(post):
    påminnelse = (
        P.objects.select_related(
            "mottagare",
            "kontaktperson",
            "instans__remiss__kontaktperson",
            "instans__nämnd",
            "instans__organisation",
            "instans__handläggare",
        )
        .filter(pk=post.argument["paminnelse"])
        .first()
    )
    if påminnelse is None:
        raise HoppasÖver(_("Påminnelsen finns inte längre."))
    if påminnelse.status == P.Status.MISSLYCKAD:
        # Someone asked the outbox to try again (the admin's action on Utkorgen).
        P._övergå(påminnelse.pk, P.Status.MISSLYCKAD, P.Status.VÄNTAR, orsak="", fel="")
    elif påminnelse.status != P.Status.VÄNTAR:
        # Sent already (the worker died after the server's "250 OK", before the outbox row was
        # marked klar), or skipped: nothing more to do.
        return
    if orsak := _varför_inte(påminnelse):
        påminnelse.hoppa_över(orsak)
        raise HoppasÖver(P.Orsak(orsak).label)
    if _skicka(påminnelse) is False:
        påminnelse.hoppa_över(P.Orsak.INGET_ATT_RAPPORTERA)
        raise HoppasÖver(P.Orsak.INGET_ATT_RAPPORTERA.label)
    påminnelse.markera_skickad()
