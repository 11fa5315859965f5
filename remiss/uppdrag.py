"""The remiss app's work in the outbox (remiss/utkorg.py): the e-mails that tell people about a
remiss. Each row is one message to one address, so a refused recipient does not hold up the
others and a retry never repeats a message the server has accepted.

The rows are written by the model methods (``Remiss.skicka``, ``Remissinstans.tilldela``,
``Anstånd.bevilja``/``avslå``) in the transaction of the change; the functions below do the
work in a worker and raise on failure (the outbox decides whether to try again).
"""

import logging

from django.utils.translation import gettext as _

from nämnder.permissions import personer_med_roll
from nämnder.roller import Roll
from remiss import utkorg
from remiss.emails import extern as emails_extern
from remiss.emails import instans as emails
from remiss.models import Anstånd, Remissinstans, Svarslänk, Utkorgspost
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
    registratorer = personer_med_roll(anstånd.instans.nämnd, Roll.REGISTRATOR).order_by("pk")
    till = adresser([*registratorer, anstånd.begärt_av], reserv=anstånd.instans.nämnd.epost)
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
        Anstånd.objects.select_related("instans__remiss", "instans__nämnd", "begärt_av")
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
