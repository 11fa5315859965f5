"""CSV and XLSX of a remiss's matrix, for kommunstyrelsen only."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from nämnder.permissions import hämta_för_användare
from remiss.export import som_csv, som_xlsx
from remiss.models import Remiss

FORMAT = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def export(request, pk, format):
    remiss = hämta_för_användare(request.user, Remiss.objects.all(), åtgärd="följa_upp", pk=pk)
    instanser = remiss.instanser.select_related("nämnd", "handläggare", "avdelning").order_by(
        "nämnd__namn"
    )
    innehåll = som_csv(instanser) if format == "csv" else som_xlsx(remiss, instanser)
    filnamn = f"{remiss.diarienummer.replace(' ', '-').replace('/', '-')}-remissinstanser.{format}"
    svar = HttpResponse(innehåll, content_type=FORMAT[format])
    svar["Content-Disposition"] = content_disposition_header(True, filnamn)
    return svar
