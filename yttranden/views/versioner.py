from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from yttranden.forms.utlatande import JämförForm
from yttranden.jamforelse import jämför
from yttranden.views._hamta import hämta_utlåtande


@login_required
def versioner(request, pk):
    """Every saved version (who, when, which sections), and a comparison of any two."""
    utlåtande = hämta_utlåtande(request.user, pk)
    lista = list(utlåtande.versioner.defer("innehåll").select_related("sparad_av"))
    nummer = [v.nummer for v in lista]
    data = request.GET if "från" in request.GET else None
    if data is None and len(nummer) > 1:
        data = {"från": nummer[1], "till": nummer[0]}
    form = JämförForm(data, nummer=nummer)
    jämförelse = None
    if data is not None and form.is_valid():
        från = get_object_or_404(utlåtande.versioner, nummer=form.cleaned_data["från"])
        till = get_object_or_404(utlåtande.versioner, nummer=form.cleaned_data["till"])
        jämförelse = {"från": från, "till": till, "avsnitt": jämför(från.innehåll, till.innehåll)}
    context = {
        "utlåtande": utlåtande,
        "remiss": utlåtande.instans.remiss,
        "versioner": lista,
        "form": form,
        "jämförelse": jämförelse,
        "avvisade": utlåtande.avvisade_sparningar.select_related("sparad_av"),
    }
    return render(request, "yttranden/versioner.html", context)
