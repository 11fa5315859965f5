"""The e-mails Remiss sends: one function per message, three templates each
(``emails/<namn>-subject.txt``, ``-body.txt`` and ``-body.html``), always in Swedish."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolut_länk(namn, *args):
    return settings.SITE_URL + reverse(namn, args=args)


def bygg_meddelande(namn, context, till, cc=(), rubriker=None):
    """The message ``namn`` rendered from its three templates; every e-mail is built here."""
    with translation.override("sv"):
        # A subject is one line whatever the template's line breaks.
        ämne = " ".join(render_to_string(f"emails/{namn}-subject.txt", context).split())
        text = render_to_string(f"emails/{namn}-body.txt", context)
        html = render_to_string(f"emails/{namn}-body.html", context)
    meddelande = EmailMultiAlternatives(
        ämne, text, to=list(till), cc=list(cc), headers=rubriker or {}
    )
    meddelande.attach_alternative(html, "text/html")
    return meddelande


def rubriker(post):
    """Headers of a message sent from the outbox: its Message-ID is the row's, so that in the
    one case where it can go out twice (remiss/utkorg.py) a mail system can drop the copy."""
    domän = urlsplit(settings.SITE_URL).hostname or "remiss.invalid"
    return {
        "Message-ID": f"<utkorg-{post.pk}@{domän}>",
        # Tells out-of-office responders not to answer a machine (RFC 3834).
        "Auto-Submitted": "auto-generated",
    }


def remiss_inkommen(instans, adress, rubriker=None):
    """Tell a recipient nämnd's registrators that KS has sent it a remiss."""
    context = {
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "länk": absolut_länk("instanser:detalj", instans.pk),
    }
    return bygg_meddelande("remiss-inkommen", context, [adress], rubriker=rubriker).send()


def handläggare_tilldelad(instans, adress, cc=(), rubriker=None):
    """Tell a handläggare that they have been given a remiss to handle."""
    context = {
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "handläggare": instans.handläggare,
        "länk": absolut_länk("instanser:detalj", instans.pk),
    }
    meddelande = bygg_meddelande("handlaggare-tilldelad", context, [adress], cc, rubriker)
    return meddelande.send()


def anståndsbeslut(anstånd, adress, rubriker=None):
    """Tell the nämnd (its registrators and whoever asked) what KS decided on an anstånd."""
    instans = anstånd.instans
    context = {
        "anstånd": anstånd,
        "beviljat": anstånd.status == anstånd.Status.BEVILJAT,
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "avsändare": instans.mottagare_namn,
        "extern": instans.är_extern,
        # A contact person has no account: they answer through the personal link they hold,
        # which follows the new svarsdatum (remiss/models/svarslank.py).
        "länk": "" if instans.är_extern else absolut_länk("instanser:detalj", instans.pk),
    }
    return bygg_meddelande("anstand-beslut", context, [adress], rubriker=rubriker).send()
