"""Kommunstyrelsen's own tjänsteutlåtande on a remiss, pre-filled from the compilation of the
answers by förslag.

KS's preparation is a remissinstans of its own remiss with ``eget`` set (remiss/models/
instans.py): no recipient, so the matrix, counters and reminders never see it, but its
tjänsteutlåtande is an ordinary one in kommunstyrelsen – its handläggare writes, its
avdelningschef reviews, its direktör attests – through the same states, versions and history.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from remiss.forslagssammanstallning import sammanfattning, sammanställ
from remiss.models import Remiss, Remissinstans
from yttranden.beslutstext import sektion
from yttranden.models import Sektion, Tjänsteutlåtande

BEREDNING = "ärendets beredning"


def eget_utlåtande(remiss):
    """KS's own current utlåtande on ``remiss``, or None."""
    return (
        Tjänsteutlåtande.objects.gällande()
        .filter(instans__remiss=remiss, instans__eget=True)
        .select_related("instans")
        .first()
    )


@transaction.atomic
def påbörja(remiss, handläggare, av):
    """Start KS's own utlåtande (or return the one already started), assigned to
    ``handläggare``, with the answers per förslag in "Ärendets beredning"."""
    låst = Remiss.objects.select_for_update().get(pk=remiss.pk)
    if befintligt := eget_utlåtande(låst):
        return befintligt
    if låst.status != Remiss.Status.UTSKICKAD:
        raise ValidationError(
            _("Kommunstyrelsens tjänsteutlåtande påbörjas när remissen är skickad och öppen."),
            code="inte_utskickad",
        )
    instans = Remissinstans.med_eget.filter(remiss=låst, eget=True).first()
    if instans is None:
        instans = Remissinstans.med_eget.create(
            remiss=låst, nämnd=låst.nämnd, eget=True, svarsdatum=låst.sista_svarsdatum
        )
    instans.tilldela(handläggare, av=av)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=av)
    _förifyll(utlåtande, låst, av)
    return utlåtande


def _förifyll(utlåtande, remiss, av):
    sektioner = list(utlåtande.sektioner.all())
    mål = sektion(sektioner, BEREDNING)
    if mål is None:
        mål = Sektion.objects.create(
            utlåtande=utlåtande,
            ordning=len(sektioner) + 1,
            rubrik=_("Ärendets beredning"),
            obligatorisk=False,
        )
        sektioner.append(mål)
    html = (mål.html or "") + remissvar_som_html(remiss)
    utlåtande.spara({mål.pk: (mål.rubrik, html)}, utlåtande.versionsnummer, av=av)


def remissvar_som_html(remiss):
    """The summary per förslag (who tillstyrker, who avstyrker …) as the editor's HTML."""
    sammanställd = sammanställ(remiss)
    delar = [
        "<p>"
        + escape(
            _(
                "Remissen har skickats till %(alla)s remissinstanser. %(svar)s har svarat med "
                "ställningstaganden till remissens förslag:"
            )
            % {"alla": len(sammanställd["matris"]), "svar": sammanställd["antal_svar"]}
        )
        + "</p>"
    ]
    for rad in sammanställd["förslag"]:
        delar.append(f"<h3>{escape(_('Förslag %(f)s') % {'f': rad.förslag})}</h3>")
        meningar = sammanfattning(rad) or [_("Ingen remissinstans har tagit ställning.")]
        delar.append("<ul>" + "".join(f"<li><p>{escape(m)}</p></li>" for m in meningar) + "</ul>")
        if rad.saknas:
            saknas = ", ".join(f"{vem} ({läge.lower()})" for vem, läge in rad.saknas)
            text = _("Utan ställningstagande: %(vilka)s.") % {"vilka": saknas}
            delar.append(f"<p><em>{escape(text)}</em></p>")
    return "".join(delar)
