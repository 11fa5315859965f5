"""A nämnd's lists of its remissinstanser: the registrator's inbox, "Våra remisser", and the
blocks on the start page. Each runs a fixed number of queries whatever the number of rows."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Count, ExpressionWrapper, F
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nämnder.models import Användare
from nämnder.models.valetiketter import etikett
from nämnder.roller import Roll
from remiss import radminne
from remiss.atkomst import instanser_att, nämnder_att
from remiss.models import Remissinstans
from remiss.models.instans import handläggs_av
from remiss.sidor import Sidvisare
from remiss.templatetags.remisstaggar import dag

PER_SIDA = 50
S = Remissinstans.Status
NYA_PÅ_STARTSIDAN = 5

INKORG_URVAL = {
    "nya": (_("Nya"), lambda qs, user: qs.filter(status=S.MOTTAGEN)),
    "oppna": (_("Öppna"), lambda qs, user: qs.öppna()),
    "alla": (_("Alla"), lambda qs, user: qs),
}
LISTA_URVAL = {
    "oppna": (_("Öppna"), lambda qs, user: qs.öppna()),
    "forsenade": (_("Försenade"), lambda qs, user: qs.försenade()),
    "mina": (_("Mina"), lambda qs, user: qs.öppna().filter(är_min=True)),
    "alla": (_("Alla"), lambda qs, user: qs),
}


def _urval(request, alternativ, standard):
    """The chosen filter (an unknown one falls back to the default) and links to all of them."""
    valt = request.GET.get("visa", standard)
    valt = valt if valt in alternativ else standard
    länkar = [(nyckel, text, nyckel == valt) for nyckel, (text, _filter) in alternativ.items()]
    return valt, länkar


# What a row of the inbox and of "Våra remisser" shows, read as plain values (no model
# instances), and rendered once through the row cache (remiss/radminne.py).
RADENS_FÄLT = [
    "pk",
    "remiss__diarienummer",
    "remiss__titel",
    "nämnd__namn",
    "diarienummer",
    "status",
    "svarsdatum",
    "mottagen",
    "handläggare__first_name",
    "handläggare__last_name",
    "handläggare__username",
]


def _sida(request, instanser, radmall, flera_nämnder, *extra):
    """The page of ``instanser`` asked for, and its rows' HTML from the row cache."""
    sida = Sidvisare(instanser.values(*RADENS_FÄLT, *extra), PER_SIDA, räkna=instanser)
    sida = sida.get_page(request.GET.get("sida"))
    idag = timezone.localdate()
    värden = [_rad(instans, idag, flera_nämnder) for instans in sida.object_list]
    return sida, radminne.rader(radmall, värden)


def _rad(instans, idag, flera_nämnder):
    """All that a row shows (its cache key), from the values of one instans (RADENS_FÄLT)."""
    status, handläggare = instans["status"], None
    if instans["handläggare__username"] is not None:
        handläggare = Användare.visningsnamn(
            instans["handläggare__first_name"],
            instans["handläggare__last_name"],
            instans["handläggare__username"],
        )
    return {
        "instans": {
            "pk": instans["pk"],
            "remiss": {
                "diarienummer": instans["remiss__diarienummer"],
                "titel": instans["remiss__titel"],
            },
            "nämnd": instans["nämnd__namn"] if flera_nämnder else None,
            "diarienummer": instans["diarienummer"],
            "status": status,
            "get_status_display": etikett(Remissinstans, "status", status),
            "försenad": Remissinstans.är_försenad(status, instans["svarsdatum"], idag),
            "klar": status in Remissinstans.KLARA,
            "svarsdatum": instans["svarsdatum"],
            "mottagen": dag(instans["mottagen"]),
            "idag": idag,
            "handläggare": handläggare,
            "är_min": bool(instans.get("är_min")),
        },
        "flera_nämnder": flera_nämnder,
    }


def _mina(user):
    """True on the rows ``user`` handles, as handläggare or medhandläggare."""
    return ExpressionWrapper(handläggs_av(user), output_field=BooleanField())


@login_required
def inkorg(request):
    # Derived from the access policy (remiss/atkomst.py): what the person may register.
    nämnder = nämnder_att(request.user, "registrera")
    if not nämnder:
        raise PermissionDenied
    valt, länkar = _urval(request, INKORG_URVAL, "oppna")
    instanser = instanser_att(request.user, "registrera").order_by("-mottagen", "-pk")
    instanser = INKORG_URVAL[valt][1](instanser, request.user)
    sida, rader = _sida(request, instanser, "remiss/_inkorgsrad.html", len(nämnder) > 1)
    context = {
        "sida": sida,
        "rader": rader,
        "urval": länkar,
        "valt": valt,
        "flera_nämnder": len(nämnder) > 1,
    }
    return render(request, "remiss/inkorg.html", context)


@login_required
def lista(request):
    """ "Våra remisser": every instans of the nämnder the person works in, most urgent first."""
    # Derived from the access policy: the cases the person takes part in preparing.
    nämnder = nämnder_att(request.user, "bereda")
    valt, länkar = _urval(request, LISTA_URVAL, "oppna")
    instanser = (
        instanser_att(request.user, "bereda")
        .annotate(är_min=_mina(request.user))
        .order_by("svarsdatum", "remiss__diarienummer", "nämnd__namn")
    )
    instanser = LISTA_URVAL[valt][1](instanser, request.user)
    radmall, flera = "remiss/_listrad.html", len(nämnder) > 1
    sida, rader = _sida(request, instanser, radmall, flera, "är_min")
    context = {
        "sida": sida,
        "rader": rader,
        "urval": länkar,
        "valt": valt,
        "flera_nämnder": len(nämnder) > 1,
    }
    return render(request, "remiss/lista.html", context)


def till_startsidan(user, per_nämnd):
    """Give each nämnd on the start page its registrator's newest incoming remisser and the
    person's own open cases: two queries at most, whatever the number of nämnder or rows. The
    rows are what the access policy lets the person register and prepare."""
    registrerar = [nämnd for nämnd, roller in per_nämnd if Roll.REGISTRATOR in roller]
    handlägger = [nämnd for nämnd, roller in per_nämnd if Roll.HANDLÄGGARE in roller]
    if registrerar:
        nya = (
            instanser_att(user, "registrera")
            .filter(nämnd__in=registrerar, status=S.MOTTAGEN)
            .select_related("remiss")
            .annotate(
                nr=Window(RowNumber(), partition_by=F("nämnd_id"), order_by=F("mottagen").desc()),
                antal=Window(Count("pk"), partition_by=F("nämnd_id")),
            )
            .filter(nr__lte=NYA_PÅ_STARTSIDAN)
            .order_by("-mottagen", "-pk")
        )
        per_id = _per_nämnd(nya)
        for nämnd in registrerar:
            nämnd.nya_instanser = per_id.get(nämnd.pk, [])
            nämnd.antal_nya = nämnd.nya_instanser[0].antal if nämnd.nya_instanser else 0
    if handlägger:
        mina = (
            instanser_att(user, "bereda")
            .öppna()
            .filter(nämnd__in=handlägger)
            .annotate(är_min=_mina(user))
            .filter(är_min=True)
            .select_related("remiss")
            .order_by("svarsdatum", "pk")
        )
        per_id = _per_nämnd(mina)
        for nämnd in handlägger:
            nämnd.mina_instanser = per_id.get(nämnd.pk, [])


def _per_nämnd(instanser):
    per_id = {}
    for instans in instanser:
        per_id.setdefault(instans.nämnd_id, []).append(instans)
    return per_id
