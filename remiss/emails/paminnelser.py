"""Reminder e-mails: one function per message, three templates each
(``emails/paminnelse-<namn>-subject.txt``, ``-body.txt`` and ``-body.html``), in Swedish.

Each message carries a Message-ID made from its reminder's key, so that in the one case where a
reminder can go out twice (see remiss/utkorg.py) a mail system that recognises the
same Message-ID can drop the copy.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from remiss.emails.instans import absolut_länk, bygg_meddelande


def dagar_text(dagar_kvar):
    """ "7 dagar kvar", "svarsdatum i dag", "1 dag försenad" …"""
    if dagar_kvar > 0:
        return ngettext("%(n)s dag kvar", "%(n)s dagar kvar", dagar_kvar) % {"n": dagar_kvar}
    if dagar_kvar == 0:
        return _("svarsdatum i dag")
    sena = -dagar_kvar
    return ngettext("%(n)s dag försenad", "%(n)s dagar försenad", sena) % {"n": sena}


def _meddelande(namn, context, påminnelse):
    domän = urlsplit(settings.SITE_URL).hostname or "remiss.invalid"
    rubriker = {
        "Message-ID": f"<paminnelse-{påminnelse.pk}@{domän}>",
        # Tells out-of-office responders not to answer a machine (RFC 3834).
        "Auto-Submitted": "auto-generated",
    }
    return bygg_meddelande(namn, context, [påminnelse.epost], rubriker=rubriker)


def _roll(påminnelse, instans):
    if påminnelse.mottagare_id == instans.handläggare_id:
        return _("handläggare för ärendet")
    if instans.medhandläggare.filter(pk=påminnelse.mottagare_id).exists():
        return _("medhandläggare för ärendet")
    return _("registrator i %(nämnd)s") % {"nämnd": instans.nämnd}


def _instans_context(påminnelse):
    instans = påminnelse.instans
    dagar_kvar = (instans.svarsdatum - timezone.localdate()).days
    return {
        "påminnelse": påminnelse,
        "mottagare": påminnelse.mottagare,
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "dagar_kvar": dagar_kvar,
        "dagar_text": dagar_text(dagar_kvar),
        "försenad": dagar_kvar < 0,
        "roll": _roll(påminnelse, instans),
        "länk": absolut_länk("instanser:detalj", instans.pk),
    }


def frist(påminnelse):
    """Remind the people on an instans that its deadline is near, today or passed."""
    return _meddelande("paminnelse-frist", _instans_context(påminnelse), påminnelse).send()


def extern_frist(påminnelse, länk, hemlighet):
    """Remind an external organisation's contact person, with a fresh personal link."""
    instans = påminnelse.instans
    dagar_kvar = (instans.svarsdatum - timezone.localdate()).days
    context = {
        "påminnelse": påminnelse,
        "kontakt": påminnelse.kontaktperson,
        "instans": instans,
        "remiss": instans.remiss,
        "organisation": instans.organisation,
        "dagar_kvar": dagar_kvar,
        "dagar_text": dagar_text(dagar_kvar),
        "försenad": dagar_kvar < 0,
        "giltig_till": länk.sista_dag,
        "länk": absolut_länk("svar:öppna", hemlighet),
    }
    return _meddelande("paminnelse-extern", context, påminnelse).send()


def otilldelad(påminnelse):
    """Tell a nämnd's registrator that an instans has waited days without a handläggare."""
    context = _instans_context(påminnelse)
    context["dagar_sedan"] = (
        timezone.localdate() - timezone.localdate(context["instans"].mottagen)
    ).days
    return _meddelande("paminnelse-otilldelad", context, påminnelse).send()


def sammanställning(påminnelse, försenade, i_riskzon):
    """KS's daily digest of late and at-risk instanser, instead of one mail each."""
    idag = påminnelse.datum  # the day the digest is for
    risk = settings.REMISS_PAMINNELSER_RISK_DAGAR
    rader = [
        {"instans": i, "dagar_text": dagar_text((i.svarsdatum - idag).days)}
        for i in [*försenade, *i_riskzon]
    ]
    context = {
        "påminnelse": påminnelse,
        "mottagare": påminnelse.mottagare,
        "idag": idag,
        "försenade": rader[: len(försenade)],
        "i_riskzon": rader[len(försenade) :],
        "grupper": [
            (_("Försenade"), rader[: len(försenade)]),
            (
                _("I riskzonen – svar inom %(n)s dagar men ännu inte attesterat") % {"n": risk},
                rader[len(försenade) :],
            ),
        ],
        "länk": absolut_länk("remisser:översikt"),
        "risk_dagar": risk,
    }
    return _meddelande("paminnelse-sammanstallning", context, påminnelse).send()
