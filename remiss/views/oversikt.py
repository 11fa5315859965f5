"""Kommunstyrelsen's live picture: every remiss with its svarsläge, and one remiss's matrix of
remissinstanser. Both run a fixed number of queries whatever the number of rows."""

import datetime
import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from nämnder import atkomst
from nämnder.kalender import bedöm_remiss
from nämnder.kompilerade import kompilerad
from nämnder.models import Användare
from nämnder.models.valetiketter import etikett
from nämnder.permissions import alla_roller, får, hämta_för_användare
from nämnder.roller import KS_ROLLER, Roll
from remiss import historik, radminne, utkorg
from remiss.atkomst import följda_remisser, handlingar_för, instanser_för
from remiss.forms.oversikt import ÖversiktFilter
from remiss.models import Handling, Remiss, Remissinstans, Utkorgspost
from remiss.models.remiss import försenade_per_remiss, ordning
from remiss.sidor import Rader, Sidvisare, antal, olika_värden_och, ytterst
from remiss.templatetags.remisstaggar import dag

PER_SIDA = 50
# What an overview row shows (_rad) and nothing else, read as plain values: no timestamps to
# parse, no nämnd and no model instance to build.
RADENS_FÄLT = [
    "pk",
    "diarienummer",
    "titel",
    "avsändare",
    "status",
    "remissdatum",
    "sista_svarsdatum",
    "antal_instanser",
    "antal_besvarade",
    "antal_avstår",
]
# What a matrix row shows (_matrisrad).
MATRISRADENS_FÄLT = [
    "pk",
    "diarienummer",
    "status",
    "svarsdatum",
    "besvarad",
    "nämnd__namn",
    "organisation__namn",
    "handläggare__first_name",
    "handläggare__last_name",
    "handläggare__username",
    "avdelning__namn",
]


def _filtrera(remisser, status, avsändare=None, från=None, till=None, idag=None):
    """The remisser the overview's filter keeps; ``idag`` for "med försenade svar", the year as
    the dates ``från`` (1 January) and ``till`` (1 January the year after)."""
    if status == "oppna":
        remisser = remisser.öppna()
    elif status == "avslutade":
        remisser = remisser.filter(status=Remiss.Status.AVSLUTAD)
    elif status == "utkast":
        remisser = remisser.filter(status=Remiss.Status.UTKAST)
    elif status == "forsenade":
        # Closed remisser too: an instans that never answered stays late in the history.
        försenade = Remissinstans.objects.försenade(idag).filter(remiss=OuterRef("pk"))
        remisser = remisser.filter(Exists(försenade))
    if avsändare:
        remisser = remisser.filter(avsändare=avsändare)
    if från:
        remisser = remisser.filter(remissdatum__gte=från, remissdatum__lt=till)
    return remisser


def _urvalet(val, idag):
    """The filter's values as ``_filtrera`` takes them: only those in use, so that each is a
    parameter of the compiled query (nämnder/kompilerade.py)."""
    värden = {}
    if val["status"] == "forsenade":
        värden["idag"] = idag
    if val["avsandare"]:
        värden["avsändare"] = val["avsandare"]
    if val["ar"]:
        värden["från"] = datetime.date(val["ar"], 1, 1)
        värden["till"] = datetime.date(val["ar"] + 1, 1, 1)
    return värden


def _roller(user):
    """The person's roles as the access policy's filters see them, if they may follow up
    remisser (KS's roles), and whether they are remissamordnare anywhere (drafts only for them,
    as remiss/atkomst.py declares)."""
    roller = {roll for _nämnd, roll in alla_roller(user)}
    if not roller & KS_ROLLER:
        raise PermissionDenied
    return atkomst.roller(user), Roll.REMISSAMORDNARE in roller


@functools.lru_cache(maxsize=256)
def _räkningens_sql(roller, status, värden):
    """The SQL of the remisser ``roller`` may follow up and of the count of those the filter
    keeps, for olika_värden_och: compiled once per set of roles and filter. The values are part
    of the key, so the SQL is exactly what the querysets compile to."""
    remisser = följda_remisser(roller)
    return Rader.av(remisser), antal(_filtrera(remisser, status, **dict(värden)))


def _filtret_och_antalet(roller, val, idag):
    """(the senders, the years, the count of the remisser ``val`` keeps), in one query."""
    värden = tuple(sorted(_urvalet(val, idag).items()))
    rader, räkning = _räkningens_sql(roller, val["status"], värden)
    avsändare, enstaka = olika_värden_och(
        rader,
        "avsändare",
        första=ytterst("remissdatum"),
        sista=ytterst("remissdatum", sista=True),
        antal=räkning,
    )
    år = []
    if enstaka["första"] is not None:
        # Read raw: a date on PostgreSQL, its ISO text on SQLite; the field reads either.
        datum = Remiss._meta.get_field("remissdatum").to_python
        år = list(range(datum(enstaka["sista"]).year, datum(enstaka["första"]).year - 1, -1))
    return avsändare, år, enstaka["antal"]


def _filter_och_sidvisare(request, roller, är_samordnare, idag):
    """The overview's filter form (its senders and years those of the remisser the person may
    see) and a paginator of the filtered remisser with their count, in one query.

    The count needs the filter's values and the filter's choices need the query, so the values
    asked for are applied first; a sender or year that is not among the choices (an old
    bookmark) is then ignored, as the form ignores any invalid choice, and counted again."""
    begärt = request.GET

    def formulär(avsändare, år):
        return ÖversiktFilter(begärt, avsändare=avsändare, år=år, visa_utkast=är_samordnare)

    önskat = formulär([begärt.get("avsandare", "")], _ett_år(begärt.get("ar", ""))).värden()
    avsändare, år, antal = _filtret_och_antalet(roller, önskat, idag)
    filter = formulär(avsändare, år)
    val = filter.värden()
    if val != önskat:
        antal = _filtret_och_antalet(roller, val, idag)[2]
    sortera = val["sortera"] or "-remissdatum"
    urval = _urvalet(val, idag)

    def hämta(start, slut, bakifrån):
        return _sidan(roller, val["status"], sortera, bakifrån, start, slut, **urval)

    sidvisare = Sidvisare([], PER_SIDA, hämta=hämta)
    sidvisare.count = antal  # Paginator.count is a cached_property
    return filter, sidvisare


def _ett_år(text):
    """The year asked for as the only choice of the first pass, if it can be a date's year at
    all (an old bookmark, a typed address: ?ar=-5 or ?ar=99999999999 is simply no filter)."""
    return [text] if text.isascii() and text.isdigit() and 1 <= int(text) < 9999 else []


@kompilerad
def _sidan(roller, status, sortera, bakifrån, start, slut, **urval):
    """One page of the overview's rows (RADENS_FÄLT), read from the end when ``bakifrån``
    (remiss/sidor.py, Sidvisare)."""
    rader = (
        _filtrera(följda_remisser(roller), status, **urval)
        .order_by(*ordning(sortera))
        .values(*RADENS_FÄLT)
    )
    return (rader.reverse() if bakifrån else rader)[start:slut]


def _rad(remiss, idag, försenade):
    """All that a row of the overview shows (its cache key, see remiss/radminne.py), from the
    values of one remiss (RADENS_FÄLT) and its late instanser (``försenade``, by pk)."""
    status = remiss["status"]
    return {
        "remiss": {
            "pk": remiss["pk"],
            "diarienummer": remiss["diarienummer"],
            "titel": remiss["titel"],
            "avsändare": remiss["avsändare"],
            "status": status,
            "status_text": etikett(Remiss, "status", status),
            "är_utkast": status == Remiss.Status.UTKAST,
            "remissdatum": remiss["remissdatum"],
            "sista_svarsdatum": remiss["sista_svarsdatum"],
            "idag": idag,
            "antal_instanser": remiss["antal_instanser"],
            "antal_besvarade": remiss["antal_besvarade"],
            "antal_avstår": remiss["antal_avstår"],
            "antal_försenade": försenade.get(remiss["pk"], 0),
        }
    }


def _matrisrad(instans, remiss, idag):
    """All that a row of the matrix shows (its cache key, see remiss/radminne.py), from the
    values of one instans (MATRISRADENS_FÄLT)."""
    handläggare = Användare.visningsnamn(
        instans["handläggare__first_name"],
        instans["handläggare__last_name"],
        instans["handläggare__username"],
    )
    status = instans["status"]
    return {
        "instans": {
            "pk": instans["pk"],
            "mottagare_namn": instans["nämnd__namn"] or instans["organisation__namn"] or "",
            "extern": instans["organisation__namn"] is not None,
            "diarienummer": instans["diarienummer"],
            "status": status,
            "get_status_display": etikett(Remissinstans, "status", status),
            "försenad": Remissinstans.är_försenad(status, instans["svarsdatum"], idag),
            "handläggare": handläggare,
            "avdelning": instans["avdelning__namn"] or "",
            "svarsdatum": instans["svarsdatum"],
            "anstånd": instans["svarsdatum"] != remiss.sista_svarsdatum,
            "besvarad": dag(instans["besvarad"]),
        }
    }


@login_required
def översikt(request):
    roller, är_samordnare = _roller(request.user)
    idag = timezone.localdate()
    filter, sidvisare = _filter_och_sidvisare(request, roller, är_samordnare, idag)
    sida = sidvisare.get_page(request.GET.get("sida"))
    sida.object_list = list(sida.object_list)
    utskickade = [r["pk"] for r in sida.object_list if r["status"] != Remiss.Status.UTKAST]
    försenade = försenade_per_remiss(utskickade, idag)
    värden = [_rad(remiss, idag, försenade) for remiss in sida.object_list]
    rader = radminne.rader("remiss/_oversiktsrad.html", värden)
    frågesträng = request.GET.copy()
    frågesträng.pop("sida", None)
    context = {
        "filter": filter,
        "sida": sida,
        "rader": rader,
        "frågesträng": frågesträng.urlencode(),
        "är_samordnare": är_samordnare,
    }
    return render(request, "remiss/oversikt.html", context)


@login_required
def detalj(request, pk):
    """KS sees the matrix of every remissinstans; a recipient nämnd sees the remiss itself,
    its handlingar and its own instans (other nämnder's progress is KS's to follow)."""
    idag = timezone.localdate()
    remiss = hämta_för_användare(request.user, _remissen, pk=pk, idag=idag)
    är_ks = får(request.user, remiss, "följa_upp")
    roller = atkomst.roller(request.user)
    context = {
        "remiss": remiss,
        "handlingar": _handlingarna(roller, remiss=remiss.pk),
        # Read only when there are any: a remiss without förslag costs no query for them.
        "förslag": remiss.förslag.all() if remiss.har_förslag else [],
        "är_ks": är_ks,
        "är_samordnare": får(request.user, remiss, "samordna"),
    }
    if context["är_samordnare"] and remiss.är_utkast:
        mottagare = list(remiss.mottagare.all())
        externa = list(remiss.externa_mottagare.all())
        context["mötesbedömning"] = {
            "mottagare": mottagare,
            "bedömningar": bedöm_remiss(remiss, mottagare),
            "externa": externa,
            "antal_alla": len(mottagare) + len(externa),
        }
    if är_ks:
        matris = [_matrisrad(instans, remiss, idag) for instans in _matrisen(roller, remiss=pk)]
        context["matrisrader"], context["historikrader"] = radminne.flera(
            ("remiss/_matrisrad.html", matris),
            (historik.MALL, historik.remissens(remiss.pk)),
        )
        # Told to KS where it sent the remiss: a notice the mail server refused for good.
        nycklar = [Utkorgspost.nyckel_för_pk(Remissinstans, rad["instans"]["pk"]) for rad in matris]
        context["misslyckad_epost"] = utkorg.misslyckad_epost(
            nycklar,
            {"epost.remiss_inkommen": _("E-post till registratorn kunde inte skickas")},
        )
    else:
        context["egna"] = instanser_för(request.user, remiss.instanser.all()).select_related(
            "nämnd", "organisation", "handläggare", "avdelning"
        )
    return render(request, "remiss/detalj.html", context)


# The page's queries, compiled once per process and set of roles (nämnder/kompilerade.py).
@kompilerad
def _remissen(pk, idag):
    return (
        Remiss.objects.select_related("nämnd", "kontaktperson")
        .med_har_förslag()
        .med_antal_försenade(idag)
        .filter(pk=pk)
    )


@kompilerad
def _handlingarna(roller, remiss):
    return handlingar_för(roller, Handling.objects.filter(remiss_id=remiss))


@kompilerad
def _matrisen(roller, remiss):
    # Nämnder first by name, then the external organisations by name.
    return (
        instanser_för(roller, Remissinstans.objects.filter(remiss_id=remiss))
        .values(*MATRISRADENS_FÄLT)
        .order_by("nämnd__namn", "organisation__namn")
    )
