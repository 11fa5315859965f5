"""The remissamordnare's block on the start page: open remisser and what waits for KS. A fixed
number of queries whatever the number of remisser."""

from django import template
from django.db.models import Count, Q

from remiss.models import Anstånd, Remiss
from remiss.models.remiss import med_försenade

register = template.Library()
VISAS = 8


@register.inclusion_tag("remiss/ks/_start.html")
def samordnarens_läge(ks):
    remisser = Remiss.objects.filter(nämnd=ks)
    antal = remisser.aggregate(
        öppna=Count("pk", filter=Q(status=Remiss.Status.UTSKICKAD)),
        utkast=Count("pk", filter=Q(status=Remiss.Status.UTKAST)),
        alla=Count("pk"),
    )
    öppna = med_försenade(remisser.öppna().order_by("sista_svarsdatum", "pk")[:VISAS])
    anstånd = Anstånd.objects.filter(
        status=Anstånd.Status.BEGÄRT, instans__remiss__nämnd=ks
    ).count()
    return {"antal": antal, "öppna": öppna, "anstånd": anstånd, "visas": VISAS}
