from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from nämnder.permissions import alla_roller
from remiss.views.instanslistor import till_startsidan


@login_required
def start(request):
    """Each person's start page: one panel per nämnd, one block per role held there."""
    per_nämnd = [
        (nämnd, [roll for _, roll in par])
        for nämnd, par in groupby(alla_roller(request.user), key=lambda p: p[0])
    ]
    till_startsidan(request.user, per_nämnd)
    return render(request, "start/index.html", {"per_nämnd": per_nämnd})
