from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from yttranden.atkomst import utlåtanden_för
from yttranden.models import Tjänsteutlåtande


def _lista(request, utlåtanden, rubrik, tomt):
    """A person's own list, narrowed by the access policy too: someone still named as
    granskare after losing the role no longer sees the utlåtande listed."""
    utlåtanden = utlåtanden_för(request.user, utlåtanden)
    context = {"utlåtanden": utlåtanden.med_ärende(), "rubrik": rubrik, "tomt": tomt}
    return render(request, "yttranden/lista.html", context)


@login_required
def att_granska(request):
    """What waits for this avdelningschef's review. Only utlåtanden assigned to them are
    listed, so no per-row permission check is needed."""
    return _lista(
        request,
        Tjänsteutlåtande.objects.att_granska(request.user),
        _("Att granska"),
        _("Inga tjänsteutlåtanden väntar på din granskning."),
    )


@login_required
def att_attestera(request):
    return _lista(
        request,
        Tjänsteutlåtande.objects.att_attestera(request.user),
        _("Att attestera"),
        _("Inga tjänsteutlåtanden väntar på din attest."),
    )


@login_required
def mina_utkast(request):
    return _lista(
        request,
        Tjänsteutlåtande.objects.mina_utkast(request.user),
        _("Mina utkast"),
        _("Du har inga tjänsteutlåtanden under arbete."),
    )
