"""Importing a nämnd's sammanträdesplan from a CSV file: the form, the parser and the page.

The file is what a nämndsekreterare exports from Excel: a heading row (Datum; Tid; Plats, in any
order and case, Tid and Plats optional), one meeting a row, separated by semicolons (Swedish
Excel) or commas, in UTF-8 or Windows-1252. Every line is checked before anything is saved; a
single bad line rejects the whole file, with every problem named by its line number. A date
already in the plan is updated rather than duplicated, so importing the same file twice is safe.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from nämnder.models import Nämnd, Sammanträde
from nämnder.permissions import hämta_för_användare

MAX_STORLEK = 256 * 1024
MAX_RADER = 500
KOLUMNER = {"datum": "datum", "tid": "tid", "klockslag": "tid", "plats": "plats", "lokal": "plats"}
TID = re.compile(r"^(\d{1,2})[:.](\d{2})$")
PLATS_MAX = Sammanträde._meta.get_field("plats").max_length


@dataclass
class Rad:
    nummer: int
    datum: datetime.date
    tid: datetime.time | None
    plats: str


def _avkoda(innehåll):
    # Excel writes "CSV UTF-8" with a byte order mark, and plain "CSV" in Windows-1252.
    try:
        return innehåll.decode("utf-8-sig")
    except UnicodeDecodeError:
        return innehåll.decode("cp1252", errors="replace")


def _dialekt(text):
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=";,\t")
    except csv.Error:
        return csv.excel  # one column: no separator to find


def _rubriker(rad):
    namn = [cell.strip().lower() for cell in rad]
    fel = [
        _("Rad 1: okänd kolumn ”%(namn)s”. Kolumnerna heter Datum, Tid och Plats.") % {"namn": n}
        for n in namn
        if n and n not in KOLUMNER
    ]
    if "datum" not in namn:
        fel.append(
            _("Rad 1: kolumnen Datum saknas. Första raden ska vara rubrikerna Datum;Tid;Plats.")
        )
    return [KOLUMNER.get(n) for n in namn], fel


def _datum(värde, nummer):
    try:
        return datetime.date.fromisoformat(värde), None
    except ValueError:
        return None, _(
            "Rad %(rad)s: ”%(värde)s” är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, "
            "till exempel 2025-03-19."
        ) % {"rad": nummer, "värde": värde}


def _tid(värde, nummer):
    if not värde:
        return None, None
    träff = TID.match(värde)
    try:
        return datetime.time(int(träff[1]), int(träff[2])), None
    except (TypeError, ValueError):
        return None, _(
            "Rad %(rad)s: ”%(värde)s” är ingen tid. Skriv tiden som TT:MM, till exempel 17:30."
        ) % {"rad": nummer, "värde": värde}


def _rad(fält, nummer, sedda):
    datum, fel_datum = _datum(fält.get("datum", ""), nummer)
    tid, fel_tid = _tid(fält.get("tid", ""), nummer)
    plats = fält.get("plats", "")
    fel = [f for f in (fel_datum, fel_tid) if f]
    if len(plats) > PLATS_MAX:
        fel.append(
            _("Rad %(rad)s: platsen är längre än %(max)s tecken.")
            % {"rad": nummer, "max": PLATS_MAX}
        )
    if datum in sedda:
        fel.append(
            _("Rad %(rad)s: datumet %(datum)s finns redan på rad %(första)s.")
            % {"rad": nummer, "datum": datum.isoformat(), "första": sedda[datum]}
        )
    elif datum:
        sedda[datum] = nummer
    return (None if fel else Rad(nummer, datum, tid, plats)), fel


def läs(innehåll):
    """The meetings in a CSV file, or a ValidationError listing every bad line."""
    text = _avkoda(innehåll)
    läsare = csv.reader(io.StringIO(text), _dialekt(text))
    try:
        rubrikrad = next(läsare, None)
        if rubrikrad is None:
            raise ValidationError(_("Filen är tom."))
        kolumner, fel = _rubriker(rubrikrad)
        rader, sedda = [], {}
        for radnummer, celler in enumerate(läsare, start=2):
            if not any(cell.strip() for cell in celler):
                continue
            if len(celler) > len(kolumner):
                fel.append(
                    _("Rad %(rad)s: fler värden än det finns kolumner.") % {"rad": radnummer}
                )
                continue
            fält = {k: c.strip() for k, c in zip(kolumner, celler, strict=False) if k}
            rad, radfel = _rad(fält, radnummer, sedda)
            fel += radfel
            rader += [rad] if rad else []
    except csv.Error as fel_i_filen:
        raise ValidationError(
            _("Rad %(rad)s: filen går inte att läsa som CSV (%(fel)s).")
            % {"rad": läsare.line_num, "fel": fel_i_filen}
        ) from None
    if fel:
        raise ValidationError(fel)
    if not rader:
        raise ValidationError(_("Filen innehåller inga sammanträden."))
    if len(rader) > MAX_RADER:
        raise ValidationError(_("Filen har fler än %(max)s sammanträden.") % {"max": MAX_RADER})
    return rader


@transaction.atomic
def importera(nämnd, rader):
    """Save the plan: new dates are added, dates already planned get the file's time and place.
    Returns (added, updated). All or nothing."""
    befintliga = {
        m.datum: m
        for m in nämnd.sammanträden.select_for_update().filter(datum__in=[r.datum for r in rader])
    }
    nya = [
        Sammanträde(nämnd=nämnd, datum=r.datum, tid=r.tid, plats=r.plats)
        for r in rader
        if r.datum not in befintliga
    ]
    ändrade = []
    for rad in rader:
        if rad.datum in befintliga:
            möte = befintliga[rad.datum]
            möte.tid, möte.plats = rad.tid, rad.plats
            ändrade.append(möte)
    Sammanträde.objects.bulk_create(nya)
    Sammanträde.objects.bulk_update(ändrade, ["tid", "plats"])
    return len(nya), len(ändrade)


class SammanträdesplanForm(forms.Form):
    fil = forms.FileField(
        label=gettext_lazy("CSV-fil med sammanträdesplanen"),
        help_text=gettext_lazy(
            "Första raden: Datum;Tid;Plats. Sedan ett sammanträde per rad, till exempel "
            "2025-03-19;17:30;Stadshuset. Tid och Plats får lämnas tomma."
        ),
        error_messages={"required": gettext_lazy("Välj en CSV-fil att importera.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        if fil.size > MAX_STORLEK:
            raise ValidationError(_("Filen är för stor; en sammanträdesplan är högst 256 kB."))
        return läs(fil.read())


@login_required
@require_http_methods(["GET", "POST"])
def importera_plan(request, pk):
    nämnd = hämta_för_användare(request.user, Nämnd.objects.all(), åtgärd="planera", pk=pk)
    bunden = request.method == "POST"
    form = SammanträdesplanForm(request.POST, request.FILES) if bunden else SammanträdesplanForm()
    if bunden and form.is_valid():
        nya, ändrade = importera(nämnd, form.cleaned_data["fil"])
        text = ngettext(
            "%(antal)s sammanträde är importerat",
            "%(antal)s sammanträden är importerade",
            nya + ändrade,
        ) % {"antal": nya + ändrade}
        messages.success(
            request,
            _("%(text)s (%(nya)s nya, %(ändrade)s ändrade).")
            % {"text": text, "nya": nya, "ändrade": ändrade},
        )
        return redirect("nämnder:detalj", pk=nämnd.pk)
    status = 400 if bunden else 200
    return render(
        request, "nämnder/sammantradesplan.html", {"nämnd": nämnd, "form": form}, status=status
    )
