"""The e-mails Remiss sends: one function per message, three templates each
(``emails/<namn>-subject.txt``, ``-body.txt`` and ``-body.html``), always in Swedish."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
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


def skicka_var_för_sig(namn, context, adresser):
    """One message per address, over one connection: no one sees who else was told."""
    meddelanden = [bygg_meddelande(namn, context, [adress]) for adress in adresser]
    return get_connection().send_messages(meddelanden) or 0


def remiss_inkommen(instans, adresser):
    """Tell a recipient nämnd's registrators that KS has sent it a remiss."""
    context = {
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "länk": absolut_länk("instanser:detalj", instans.pk),
    }
    return skicka_var_för_sig("remiss-inkommen", context, adresser)


def handläggare_tilldelad(instans, cc=()):
    """Tell a handläggare that they have been given a remiss to handle."""
    context = {
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "handläggare": instans.handläggare,
        "länk": absolut_länk("instanser:detalj", instans.pk),
    }
    meddelande = bygg_meddelande("handlaggare-tilldelad", context, [instans.handläggare.email], cc)
    return meddelande.send()


def anståndsbeslut(anstånd, adresser):
    """Tell the nämnd (its registrators and whoever asked) what KS decided on an anstånd."""
    instans = anstånd.instans
    context = {
        "anstånd": anstånd,
        "beviljat": anstånd.status == anstånd.Status.BEVILJAT,
        "instans": instans,
        "remiss": instans.remiss,
        "nämnd": instans.nämnd,
        "länk": absolut_länk("instanser:detalj", instans.pk),
    }
    return skicka_var_för_sig("anstand-beslut", context, adresser)
