from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render

from nämnder.permissions import alla_roller
from nämnder.roller import Roll
from remiss import sidtillagg
from remiss.atkomst import följda_remisser
from remiss.models import Anstånd, Remiss
from remiss.models.remiss import med_försenade
from remiss.views.instanslistor import till_startsidan

VISAS = 8  # open remisser in the remissamordnare's block


def _samordnarens_läge(user, ks):
    """The remissamordnare's block: open remisser and what waits for KS. At most four queries
    whatever the number of remisser."""
    remisser = följda_remisser(user).filter(nämnd=ks)
    # The open ones and the drafts counted (an index range each); of the closed ones, the whole
    # history, only whether there is any at all (the empty block's text): neither query grows
    # with the years.
    antal = remisser.filter(status__in=[Remiss.Status.UTSKICKAD, Remiss.Status.UTKAST]).aggregate(
        öppna=Count("pk", filter=Q(status=Remiss.Status.UTSKICKAD)),
        utkast=Count("pk", filter=Q(status=Remiss.Status.UTKAST)),
    )
    antal["finns"] = bool(antal["öppna"] or antal["utkast"]) or remisser.exists()
    öppna = med_försenade(remisser.öppna().order_by("sista_svarsdatum", "pk")[:VISAS])
    anstånd = Anstånd.objects.filter(
        status=Anstånd.Status.BEGÄRT, instans__remiss__nämnd=ks
    ).count()
    return {"antal": antal, "öppna": öppna, "anstånd": anstånd, "visas": VISAS}


@login_required
def start(request):
    """Each person's start page: one panel per nämnd, one block per role held there. What each
    block lists is read here (and, for yttranden's roles, through remiss.sidtillagg), in a fixed
    number of queries; the templates only render it."""
    per_nämnd = [
        (nämnd, [roll for _, roll in par])
        for nämnd, par in groupby(alla_roller(request.user), key=lambda p: p[0])
    ]
    till_startsidan(request.user, per_nämnd)
    block = sidtillagg.för_startsidan(request.user, per_nämnd)
    for nämnd, roller in per_nämnd:
        if Roll.REMISSAMORDNARE in roller:
            block[nämnd.pk]["samordning"] = _samordnarens_läge(request.user, nämnd)
    context = {"per_nämnd": [(nämnd, roller, block[nämnd.pk]) for nämnd, roller in per_nämnd]}
    return render(request, "start/index.html", context)
