"""Calendar feeds (iCalendar, RFC 5545) of deadlines and the meetings that must decide them.

Two feeds: a person's own deadlines (the instanser they handle, those of the nämnder where they
register, and, in KS, the remisser they coordinate), and one nämnd's deadlines and meetings.
Each event's UID is stable, so a deadline moved by an anstånd moves in the subscriber's calendar
instead of appearing twice. Both feeds are built in a fixed number of queries.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from nämnder.kalender import bedöm_instanser
from nämnder.models import Nämnd
from nämnder.permissions import nämnder_för
from nämnder.roller import Roll
from remiss.models import Remiss, Remissinstans

# A sammanträdesplan gives a start time only; two hours is a fair length in a calendar.
MÖTESLÄNGD = datetime.timedelta(hours=2)
# How far back a nämnd's feed shows meetings (a calendar keeps recent history visible).
HISTORIK = datetime.timedelta(days=60)


def _värd():
    return urlsplit(settings.SITE_URL).hostname or "remiss.invalid"


def _länk(namn, pk):
    return settings.SITE_URL + reverse(namn, args=[pk])


def _kalender(namn):
    kalender = Calendar()
    kalender.add("prodid", "-//Remiss//Remisshantering//SV")
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", "PUBLISH")
    kalender.add("x-wr-calname", namn)
    kalender.add("x-wr-timezone", settings.TIME_ZONE)
    # How often subscribers should fetch again (Outlook, Apple; Google decides for itself).
    kalender.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    kalender.add("x-published-ttl", "PT1H")
    return kalender


def _heldag(händelse, dag):
    händelse.add("dtstart", dag)
    händelse.add("dtend", dag + datetime.timedelta(days=1))
    # A deadline is a reminder, not a meeting: it does not make the person busy.
    händelse.add("transp", "TRANSPARENT")


def _händelse(uid, sammanfattning, beskrivning, url):
    händelse = Event()
    händelse.add("uid", f"{uid}@{_värd()}")
    händelse.add("dtstamp", timezone.now())
    händelse.add("summary", sammanfattning)
    händelse.add("description", beskrivning)
    händelse.add("url", url)
    return händelse


def _svarsdatum(instans):
    remiss = instans.remiss
    beskrivning = "\n".join(
        [
            f"{remiss.diarienummer} {remiss.titel}",
            _("Remissinstans: %(nämnd)s") % {"nämnd": instans.nämnd},
            _("Status: %(status)s") % {"status": instans.get_status_display()},
        ]
    )
    händelse = _händelse(
        f"remissinstans-{instans.pk}-svarsdatum",
        _("Svar senast: %(dnr)s %(titel)s (%(nämnd)s)")
        % {"dnr": remiss.diarienummer, "titel": remiss.titel, "nämnd": instans.nämnd.kortnamn},
        beskrivning,
        _länk("instanser:detalj", instans.pk),
    )
    _heldag(händelse, instans.svarsdatum)
    händelse.add("categories", [_("Svarsdatum")])
    return händelse


def _remissens_svarsdatum(remiss):
    händelse = _händelse(
        f"remiss-{remiss.pk}-svarsdatum",
        _("Sista svarsdatum: %(dnr)s %(titel)s")
        % {"dnr": remiss.diarienummer, "titel": remiss.titel},
        _("Sista dag för remissinstansernas svar till kommunstyrelsen."),
        _länk("remisser:detalj", remiss.pk),
    )
    _heldag(händelse, remiss.sista_svarsdatum)
    händelse.add("categories", [_("Svarsdatum")])
    return händelse


def _sammanträde(möte, ärenden=()):
    rader = [_("Sammanträde i %(nämnd)s.") % {"nämnd": möte.nämnd}]
    if ärenden:
        rader.append(_("Remisser som behöver beslutas senast här:"))
        rader += [f"– {i.remiss.diarienummer} {i.remiss.titel}" for i in ärenden]
    händelse = _händelse(
        f"sammantrade-{möte.pk}",
        _("Sammanträde: %(nämnd)s") % {"nämnd": möte.nämnd},
        "\n".join(rader),
        settings.SITE_URL + reverse("nämnder:detalj", args=[möte.nämnd_id]),
    )
    if möte.tid:
        start = timezone.make_aware(datetime.datetime.combine(möte.datum, möte.tid))
        händelse.add("dtstart", start)
        händelse.add("dtend", start + MÖTESLÄNGD)
    else:
        _heldag(händelse, möte.datum)
        händelse["transp"] = "OPAQUE"
    if möte.plats:
        händelse.add("location", möte.plats)
    händelse.add("categories", [_("Sammanträde")])
    return händelse


def _öppna_instanser():
    return (
        Remissinstans.objects.öppna()
        .filter(remiss__status=Remiss.Status.UTSKICKAD)
        .select_related("remiss", "nämnd")
        .order_by("svarsdatum", "pk")
    )


def _planerade_möten(instanser):
    """The meeting at which each instans must be decided: the last before its deadline."""
    per_pk = {instans.pk: instans for instans in instanser}
    per_möte = {}
    for pk, bedömning in bedöm_instanser(instanser).items():
        if bedömning.sista_möte is not None:
            per_möte.setdefault(bedömning.sista_möte, []).append(per_pk[pk])
    return per_möte


def _avsluta(kalender):
    kalender.add_missing_timezones()
    return kalender.to_ical()


def mina_svarsdatum(användare):
    """The person's own deadlines and the meetings that must decide them."""
    registrerar = nämnder_för(användare, Roll.REGISTRATOR)
    instanser = list(
        _öppna_instanser()
        .filter(Q(handläggare=användare) | Q(medhandläggare=användare) | Q(nämnd__in=registrerar))
        .distinct()
    )
    samordnar = nämnder_för(användare, Roll.REMISSAMORDNARE, Roll.REGISTRATOR)
    remisser = Remiss.objects.öppna().filter(
        nämnd__in=samordnar, nämnd__typ=Nämnd.Typ.KOMMUNSTYRELSE
    )
    kalender = _kalender(_("Remiss – mina svarsdatum"))
    for instans in instanser:
        kalender.add_component(_svarsdatum(instans))
    for remiss in remisser:
        kalender.add_component(_remissens_svarsdatum(remiss))
    for möte, ärenden in _planerade_möten(instanser).items():
        kalender.add_component(_sammanträde(möte, ärenden))
    return _avsluta(kalender)


def nämndens(nämnd):
    """A nämnd's open deadlines and its whole sammanträdesplan from a while back."""
    instanser = list(_öppna_instanser().filter(nämnd=nämnd))
    planerade = _planerade_möten(instanser)
    kalender = _kalender(_("Remiss – %(nämnd)s") % {"nämnd": nämnd})
    for instans in instanser:
        kalender.add_component(_svarsdatum(instans))
    möten = nämnd.sammanträden.filter(datum__gte=timezone.localdate() - HISTORIK)
    for möte in möten.select_related("nämnd"):
        kalender.add_component(_sammanträde(möte, planerade.get(möte, ())))
    return _avsluta(kalender)
