"""The meeting-calendar check: can a nämnd decide its answer before a deadline?

A remiss is answered by the nämnd at a meeting, so the deadline is only real if the nämnd meets
before it, with time to prepare the tjänsteutlåtande first (REMISS_BEREDNINGSTID_DAGAR, usually
two weeks). Public holidays and July (when nämnder rarely meet and förvaltningar are on
holiday) shorten a remisstid further. Holidays come from the maintained ``holidays`` package.
"""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nämnder.kompilerade import kompilerad
from nämnder.models import Sammanträde

# How far past the deadline to look for the meeting an anstånd could aim at.
SÖK_EFTER_SVARSDATUM = datetime.timedelta(days=180)
# The answer is sent once the minutes of that item are approved; a week is a usual margin.
JUSTERINGSMARGINAL = datetime.timedelta(days=7)
# Holidays and July are counted over at most this much of a remisstid: a mistyped year
# (9999-12-31) must give a warning, not eight thousand years of holidays or an OverflowError.
LÄNGST_BEDÖMD = datetime.timedelta(days=3 * 366)
MÖTESKODER = {"inget_mote", "kort_beredning"}


@dataclass(frozen=True)
class Varning:
    kod: str
    text: str


@dataclass
class Mötesbedömning:
    """What the nämnd's sammanträdesplan says about a remisstid from ``från`` to ``svarsdatum``."""

    nämnd: object
    från: datetime.date
    svarsdatum: datetime.date
    sista_möte: Sammanträde | None = None
    nästa_möte: Sammanträde | None = None
    helgdagar: list = field(default_factory=list)
    varningar: list = field(default_factory=list)

    @property
    def mötesvarningar(self):
        """What concerns this nämnd's own plan (the rest is the same for every recipient)."""
        return [v for v in self.varningar if v.kod in MÖTESKODER]

    @property
    def tidsvarningar(self):
        return [v for v in self.varningar if v.kod not in MÖTESKODER]

    @property
    def beredningsdagar(self):
        return (self.sista_möte.datum - self.från).days if self.sista_möte else None

    @property
    def föreslaget_svarsdatum(self):
        """The deadline to ask for in an anstånd: a week after the next meeting."""
        if (
            self.nästa_möte is None
            or self.nästa_möte.datum > datetime.date.max - JUSTERINGSMARGINAL
        ):
            return None
        return self.nästa_möte.datum + JUSTERINGSMARGINAL

    @property
    def anståndsmotivering(self):
        if self.nästa_möte is None:
            return ""
        return _(
            "%(nämnd)s sammanträder inte i tid före svarsdatum %(svarsdatum)s. Nästa möjliga "
            "sammanträde är %(möte)s; vi begär anstånd till %(nytt)s så att nämnden hinner "
            "besluta och protokollet justeras."
        ) % {
            "nämnd": self.nämnd,
            "svarsdatum": _datum(self.svarsdatum),
            "möte": _datum(self.nästa_möte.datum),
            "nytt": _datum(self.föreslaget_svarsdatum),
        }

    @property
    def kan_begära_anstånd(self):
        return bool(self.mötesvarningar and self.nästa_möte)


def _datum(dag):
    return date_format(dag, "j F Y")


@lru_cache(maxsize=32)
def _helgdagar_år(år):
    # De facto holidays (julafton, midsommarafton, nyårsafton) are days off like the public ones.
    return holidays.country_holidays(
        "SE", years=år, language="sv", categories=("public", "de_facto")
    )


def helgdagar(från, till):
    """The Swedish holidays that fall on a weekday from ``från`` to ``till``, both included."""
    dagar = []
    for år in range(från.year, till.year + 1):
        for dag, namn in sorted(_helgdagar_år(år).items()):
            if från <= dag <= till and dag.weekday() < 5:
                dagar.append((dag, namn))
    return dagar


def är_ledig(dag):
    return dag.weekday() >= 5 or dag in _helgdagar_år(dag.year)


def _juli_dagar(från, till):
    dagar = 0
    for år in range(från.year, till.year + 1):
        början = max(från, datetime.date(år, 7, 1))
        slut = min(till, datetime.date(år, 7, 31))
        dagar += max(0, (slut - början).days + 1)
    return dagar


def _mötesvarningar(b, möten, beredning):
    före = [m for m in möten if b.från <= m.datum <= b.svarsdatum]
    i_tid = [m for m in före if m.datum >= b.från + beredning]
    b.sista_möte = (i_tid or före or [None])[-1]
    efter = [m for m in möten if m.datum > b.svarsdatum and m.datum >= b.från + beredning]
    b.nästa_möte = efter[0] if efter else None
    nästa = (
        _("Nästa sammanträde är %(datum)s.") % {"datum": _datum(b.nästa_möte.datum)}
        if b.nästa_möte
        else _("Inga senare sammanträden är inlagda.")
    )
    if not före:
        text = _("%(nämnd)s har inget sammanträde före svarsdatum %(svarsdatum)s.") % {
            "nämnd": b.nämnd,
            "svarsdatum": _datum(b.svarsdatum),
        }
        b.varningar.append(Varning("inget_mote", f"{text} {nästa}"))
    elif not i_tid:
        text = ngettext(
            "Sista sammanträdet före svarsdatum, %(datum)s, ger bara %(dagar)s dags beredning; "
            "nämnden behöver normalt %(behov)s dagar.",
            "Sista sammanträdet före svarsdatum, %(datum)s, ger bara %(dagar)s dagars beredning; "
            "nämnden behöver normalt %(behov)s dagar.",
            b.beredningsdagar,
        ) % {
            "datum": _datum(b.sista_möte.datum),
            "dagar": b.beredningsdagar,
            "behov": beredning.days,
        }
        b.varningar.append(Varning("kort_beredning", f"{text} {nästa}"))


def _tidsvarningar(b):
    till = b.svarsdatum
    if (till - b.från) > LÄNGST_BEDÖMD:
        till = b.från + LÄNGST_BEDÖMD
        text = _("Svarsdatum %(datum)s ligger mer än tre år fram. Kontrollera årtalet.")
        b.varningar.append(Varning("långt_fram", text % {"datum": _datum(b.svarsdatum)}))
    b.helgdagar = helgdagar(b.från, till)
    if b.helgdagar:
        namn = ", ".join(f"{namn.lower()} {_datum(dag)}" for dag, namn in b.helgdagar)
        b.varningar.append(Varning("helgdagar", _("Remisstiden omfattar helgdagar: %s.") % namn))
    juli = _juli_dagar(b.från, till)
    if juli:
        text = ngettext(
            "Remisstiden går över %(dagar)s dag i juli, då nämnderna sällan sammanträder.",
            "Remisstiden går över %(dagar)s dagar i juli, då nämnderna sällan sammanträder.",
            juli,
        ) % {"dagar": juli}
        b.varningar.append(Varning("juli", text))
    if är_ledig(b.svarsdatum):
        text = _("Svarsdatum %(datum)s är en helgdag.") % {"datum": _datum(b.svarsdatum)}
        b.varningar.append(Varning("ledig_dag", text))


def bedöm(nämnd, svarsdatum, från=None, sammanträden=None):
    """Check one nämnd's plan against a remisstid. ``sammanträden``: its meetings in date
    order, when the caller has already fetched them (see ``bedöm_nämnder``)."""
    från = från or timezone.localdate()
    if sammanträden is None:
        sammanträden = _nämndens_möten(nämnd=nämnd.pk, från=från, till=_sista_mötesdag(svarsdatum))
    beredning = datetime.timedelta(days=settings.REMISS_BEREDNINGSTID_DAGAR)
    bedömning = Mötesbedömning(nämnd=nämnd, från=från, svarsdatum=svarsdatum)
    _mötesvarningar(bedömning, sammanträden, beredning)
    _tidsvarningar(bedömning)
    return bedömning


def _sista_mötesdag(svarsdatum):
    return min(svarsdatum, datetime.date.max - SÖK_EFTER_SVARSDATUM) + SÖK_EFTER_SVARSDATUM


def _möten(nämnd_pks, från, svarsdatum):
    return (
        Sammanträde.objects.filter(
            nämnd__in=nämnd_pks, datum__gte=från, datum__lte=_sista_mötesdag(svarsdatum)
        )
        .select_related("nämnd")
        .order_by("datum")
    )


@kompilerad  # once per process (nämnder/kompilerade.py): the instans page asks on every view
def _nämndens_möten(nämnd, från, till):
    return (
        Sammanträde.objects.filter(nämnd_id=nämnd, datum__gte=från, datum__lte=till)
        .select_related("nämnd")
        .order_by("datum")
    )


def bedöm_nämnder(nämnder, svarsdatum, från=None):
    """``{nämnd pk: Mötesbedömning}`` for many nämnder in one query, e.g. a remiss's recipients."""
    från = från or timezone.localdate()
    nämnder = list(nämnder)
    per_nämnd = {nämnd.pk: [] for nämnd in nämnder}
    for möte in _möten(list(per_nämnd), från, svarsdatum):
        per_nämnd[möte.nämnd_id].append(möte)
    return {n.pk: bedöm(n, svarsdatum, från, sammanträden=per_nämnd[n.pk]) for n in nämnder}


def bedöm_instanser(instanser, från=None):
    """``{instans pk: Mötesbedömning}`` for remissinstanser (each with its own deadline) in one
    query; the instanser need their nämnd loaded."""
    från = från or timezone.localdate()
    instanser = list(instanser)
    if not instanser:
        return {}
    senast = max(i.svarsdatum for i in instanser)
    per_nämnd = {}
    for möte in _möten({i.nämnd_id for i in instanser}, från, senast):
        per_nämnd.setdefault(möte.nämnd_id, []).append(möte)
    return {
        i.pk: bedöm(i.nämnd, i.svarsdatum, från, sammanträden=per_nämnd.get(i.nämnd_id, []))
        for i in instanser
    }


def bedöm_remiss(remiss, nämnder=None):
    """[(nämnd, Mötesbedömning)] for a remiss's recipients (or ``nämnder``), counted from its
    sending date (or today, if that has passed) to its deadline: two queries at most."""
    nämnder = list(remiss.mottagare.all() if nämnder is None else nämnder)
    if not nämnder or not remiss.sista_svarsdatum:
        return []
    från = max(remiss.remissdatum or timezone.localdate(), timezone.localdate())
    per_nämnd = bedöm_nämnder(nämnder, remiss.sista_svarsdatum, från)
    return [(nämnd, per_nämnd[nämnd.pk]) for nämnd in nämnder]
