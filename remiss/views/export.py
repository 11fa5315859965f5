"""CSV and XLSX of a remiss's matrix, for kommunstyrelsen only."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header

from nämnder.permissions import alla_roller, hämta_för_användare, roller
from nämnder.roller import Roll
from remiss.export import som_csv, som_xlsx
from remiss.models import Remiss

FORMAT = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def export(request, pk, format):
    alla_roller(request.user)  # read every role once; the gateway reuses them
    remiss = hämta_för_användare(
        request.user, Remiss.objects.all(), Roll.REMISSAMORDNARE, Roll.LÄSARE, pk=pk
    )
    if remiss.är_utkast and Roll.REMISSAMORDNARE not in roller(request.user, remiss.nämnd):
        raise Http404
    instanser = remiss.instanser.select_related("nämnd", "handläggare", "avdelning").order_by(
        "nämnd__namn"
    )
    innehåll = som_csv(instanser) if format == "csv" else som_xlsx(remiss, instanser)
    filnamn = f"{remiss.diarienummer.replace(' ', '-').replace('/', '-')}-remissinstanser.{format}"
    svar = HttpResponse(innehåll, content_type=FORMAT[format])
    svar["Content-Disposition"] = content_disposition_header(True, filnamn)
    return svar
