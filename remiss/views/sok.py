"""Search: one box in the header, one results page. Everyone signed in may search; what each
person finds is decided in SQL by Sökpost.objects.synliga_för (remiss.models.sokpost)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from nämnder.permissions import alla_roller
from remiss.models import Sökpost
from remiss.sok import fraga
from remiss.sok.formular import SökForm
from remiss.sok.text import markera

PER_SIDA = 20


@login_required
def sök(request):
    alla_roller(request.user)  # read every role once; the search and the menu reuse them
    form = SökForm(request.GET or None, år=Sökpost.objects.år_för(request.user))
    resultat = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        resultat = fraga.sök(request.user, form.urval(), request.GET.get("sida"), PER_SIDA)
        for post in resultat.sida:
            post.utdrag_html = markera(post.utdrag)
    frågesträng = request.GET.copy()
    frågesträng.pop("sida", None)
    context = {
        "form": form,
        "resultat": resultat,
        "sida": resultat.sida if resultat else None,
        "fråga": form.cleaned_data["q"] if form.is_bound and form.is_valid() else "",
        "frågesträng": frågesträng.urlencode(),
    }
    return render(request, "sok/resultat.html", context)
