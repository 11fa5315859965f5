"""Kommunstyrelsen's live picture: every remiss with its svarsläge, and one remiss's matrix of
remissinstanser. Both run a fixed number of queries whatever the number of rows."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, CharField, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Cast, Concat, ExtractYear, NullIf, StrIndex, Substr
from django.http import Http404
from django.shortcuts import render

from nämnder.permissions import alla_roller, hämta_för_användare, roller
from nämnder.roller import KS_ROLLER, Roll
from remiss.forms.oversikt import ÖversiktFilter
from remiss.models import Remiss, Utkorgspost

PER_SIDA = 50


def _dnr_ordning():
    """Sort "KS 2023/740" by prefix, year and serial number, so that /1000 comes after /999.
    A diarienummer in another pattern (nämnder.diarienummer: "KS-2014/742.912", "2019/656")
    is not taken apart, only sorted by its text after the others."""
    vanligt = Q(diarienummer__regex=r"^[^ /]+ [0-9]{4}/[0-9]{1,7}$")
    mellanslag = StrIndex("diarienummer", Value(" "))
    snedstreck = StrIndex("diarienummer", Value("/"))
    return [
        Case(When(vanligt, then=Value(0)), default=Value(1)),
        Case(When(vanligt, then=Substr("diarienummer", 1, mellanslag - 1)), default="diarienummer"),
        Case(When(vanligt, then=Substr("diarienummer", mellanslag + 1, 4)), default=Value("")),
        Case(
            When(vanligt, then=Cast(Substr("diarienummer", snedstreck + 1), IntegerField())),
            default=Value(0),
        ),
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
    """KS's remisser the person may follow: drafts only where they are remissamordnare."""
    per_roll = {}
    for nämnd, roll in alla_roller(user):
        per_roll.setdefault(roll, []).append(nämnd.pk)
    läser = {pk for roll in KS_ROLLER for pk in per_roll.get(roll, [])}
    if not läser:
        raise PermissionDenied
    samordnar = per_roll.get(Roll.REMISSAMORDNARE, [])
    remisser = Remiss.objects.filter(nämnd__in=läser).exclude(
        Q(status=Remiss.Status.UTKAST) & ~Q(nämnd__in=samordnar)
    )
    return remisser, bool(samordnar)


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
    alla_roller(request.user)  # read every role once; the gateway and the menu reuse them
    remiss = hämta_för_användare(
        request.user,
        Remiss.objects.med_svarsläge().select_related("nämnd", "kontaktperson"),
        pk=pk,
    )
    ks_roller = roller(request.user, remiss.nämnd) & KS_ROLLER
    if remiss.är_utkast and Roll.REMISSAMORDNARE not in ks_roller:
        raise Http404
    context = {
        "remiss": remiss,
        "handlingar": remiss.handlingar.all(),
        "är_ks": bool(ks_roller),
        "är_samordnare": Roll.REMISSAMORDNARE in ks_roller,
    }
    instanser = remiss.instanser.select_related("nämnd", "handläggare", "avdelning")
    if ks_roller:
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
        mina = {nämnd.pk for nämnd, _roll in alla_roller(request.user)}
        context["egna"] = instanser.filter(nämnd_id__in=mina)
    return render(request, "remiss/detalj.html", context)
