"""Kommunstyrelsen's live picture: every remiss with its svarsläge, and one remiss's matrix of
remissinstanser. Both run a fixed number of queries whatever the number of rows."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import CharField, F, FloatField, IntegerField, Value
from django.db.models.functions import Cast, Concat, ExtractYear, NullIf, StrIndex, Substr
from django.shortcuts import render

from nämnder.permissions import alla_roller, får, hämta_för_användare
from nämnder.roller import KS_ROLLER, Roll
from remiss.atkomst import följda_remisser, handlingar_för, instanser_för
from remiss.forms.oversikt import ÖversiktFilter
from remiss.models import Remiss, Utkorgspost

PER_SIDA = 50


def _dnr_ordning():
    """Sort "KS 2023/740" by prefix, year and serial number, so that /1000 comes after /999."""
    mellanslag = StrIndex("diarienummer", Value(" "))
    snedstreck = StrIndex("diarienummer", Value("/"))
    return [
        Substr("diarienummer", 1, mellanslag - 1),
        Substr("diarienummer", mellanslag + 1, 4),
        Cast(Substr("diarienummer", snedstreck + 1), IntegerField()),
    ]


def _ordning(nyckel):
    fallande = nyckel.startswith("-")
    uttryck = {
        "remissdatum": [F("remissdatum")],
        "svarsdatum": [F("sista_svarsdatum")],
        "dnr": _dnr_ordning(),
        "svarslage": [
            Cast(F("antal_besvarade") + F("antal_avstår"), FloatField())
            / NullIf(F("antal_instanser"), 0)
        ],
    }[nyckel.lstrip("-")]
    riktning = [u.desc(nulls_last=True) if fallande else u.asc(nulls_last=True) for u in uttryck]
    return [*riktning, "-pk" if fallande else "pk"]


def _filtrera(remisser, val):
    status = val["status"]
    if status == "oppna":
        remisser = remisser.öppna()
    elif status == "avslutade":
        remisser = remisser.filter(status=Remiss.Status.AVSLUTAD)
    elif status == "utkast":
        remisser = remisser.filter(status=Remiss.Status.UTKAST)
    elif status == "forsenade":
        remisser = remisser.filter(antal_försenade__gt=0)
    if val["avsandare"]:
        remisser = remisser.filter(avsändare=val["avsandare"])
    if val["ar"]:
        remisser = remisser.filter(remissdatum__year=val["ar"])
    return remisser.order_by(*_ordning(val["sortera"] or "-remissdatum"))


def _synliga_remisser(user):
    """The remisser the person may follow up (KS's roles; drafts only for the remissamordnare,
    as remiss/atkomst.py declares), and whether they are remissamordnare anywhere."""
    roller = {roll for _nämnd, roll in alla_roller(user)}
    if not roller & KS_ROLLER:
        raise PermissionDenied
    return följda_remisser(user), Roll.REMISSAMORDNARE in roller


@login_required
def översikt(request):
    remisser, är_samordnare = _synliga_remisser(request.user)
    val = remisser.values_list("avsändare", ExtractYear("remissdatum")).distinct().order_by()
    filter = ÖversiktFilter(
        request.GET,
        avsändare=sorted({avsändare for avsändare, _ in val if avsändare}),
        år=sorted({år for _, år in val}, reverse=True),
        visa_utkast=är_samordnare,
    )
    urval = _filtrera(remisser.med_svarsläge().select_related("nämnd"), filter.värden())
    sida = Paginator(urval, PER_SIDA).get_page(request.GET.get("sida"))
    frågesträng = request.GET.copy()
    frågesträng.pop("sida", None)
    context = {
        "filter": filter,
        "sida": sida,
        "frågesträng": frågesträng.urlencode(),
        "är_samordnare": är_samordnare,
    }
    return render(request, "remiss/oversikt.html", context)


@login_required
def detalj(request, pk):
    """KS sees the matrix of every remissinstans; a recipient nämnd sees the remiss itself,
    its handlingar and its own instans (other nämnder's progress is KS's to follow)."""
    remiss = hämta_för_användare(
        request.user,
        Remiss.objects.med_svarsläge().select_related("nämnd", "kontaktperson"),
        pk=pk,
    )
    är_ks = får(request.user, remiss, "följa_upp")
    context = {
        "remiss": remiss,
        "handlingar": handlingar_för(request.user, remiss.handlingar.all()),
        "är_ks": är_ks,
        "är_samordnare": får(request.user, remiss, "samordna"),
    }
    instanser = instanser_för(request.user, remiss.instanser.all()).select_related(
        "nämnd", "handläggare", "avdelning"
    )
    if är_ks:
        context["instanser"] = instanser.order_by("nämnd__namn")
        context["händelser"] = remiss.händelser.select_related("utförd_av", "instans__nämnd")
        # Told to KS where it sent the remiss: a notice the mail server refused for good.
        nycklar = remiss.instanser.annotate(
            nyckel=Concat(Value("remiss.remissinstans:"), Cast("pk", CharField()))
        ).values("nyckel")
        context["misslyckad_epost"] = Utkorgspost.objects.misslyckade().filter(
            uppdrag="epost.remiss_inkommen", gäller__in=nycklar
        )
    else:
        context["egna"] = instanser
    return render(request, "remiss/detalj.html", context)
