"""The reminder sweep: who is due a reminder now, claimed by inserting one row per reminder.

Beat runs ``svep`` every few minutes. It decides in a fixed number of queries, whatever the
number of instanser, and a reminder is due when:

- FRIST: the instans is open and its deadline is within the largest offset. Its *current*
  offset is the smallest of REMISS_PAMINNELSER_DAGAR not below the days left; that reminder is
  due once its day has come, if the instans had arrived before that day (a remiss sent with five
  days left gets the two-day reminder, not a late "seven days left"). A sweep that did not run
  for a while therefore sends the current reminder, not every one it missed. The deadline is
  part of the key, so an anstånd starts the schedule again; answered or declined instanser are
  not open and get nothing.
- OTILLDELAD: still no handläggare REMISS_PAMINNELSER_OTILLDELAD_DAGAR days after arrival.
- SAMMANSTÄLLNING: one digest a weekday to each KS registrator and remissamordnare, when some
  remiss of theirs has late or at-risk instanser.

Recipients of a FRIST are the handläggare, the medhandläggare and the nämnd's registrators; of
an OTILLDELAD the registrators. Each reminder is a row with a unique key; the rows are inserted
with ``ignore_conflicts``, so two sweeps at once insert each reminder once, and each sweep queues
only the rows it inserted itself (found by its ``omgång``). A person without an e-mail address
gets a row marked skipped, which the admin lists.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from celery import current_app
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone

from nämnder.models import Nämnd
from nämnder.permissions import personer_per_nämnd
from nämnder.roller import Roll
from remiss.models import Påminnelse, Remiss, Remissinstans

P = Påminnelse


@dataclass
class Svepresultat:
    nya: list = field(default_factory=list)  # keys of the rows this sweep claimed and queued
    hoppade: int = 0  # claimed but skipped (no e-mail address)
    återtagna: list = field(default_factory=list)  # lost work queued again

    @property
    def köade(self):
        return self.nya + self.återtagna


def _offsets():
    return sorted(set(settings.REMISS_PAMINNELSER_DAGAR))


def _aktuell_offset(prefix, idag):
    """SQL for the current offset: the smallest offset d with deadline <= today + d."""
    return Case(
        *[
            When(**{f"{prefix}svarsdatum__lte": idag + datetime.timedelta(days=d)}, then=Value(d))
            for d in _offsets()
        ],
        default=None,
        output_field=IntegerField(),
    )


def _öppna_instanser():
    return Remissinstans.objects.öppna().filter(remiss__status=Remiss.Status.UTSKICKAD)


def _frist_kandidater(idag):
    horisont = idag + datetime.timedelta(days=max(_offsets()))
    return _öppna_instanser().filter(svarsdatum__lte=horisont)


def _frister(idag):
    """(instans pk, nämnd pk, user pks, offset, deadline) for every instans whose current
    reminder is due today, with the people it goes to."""
    kandidater = _frist_kandidater(idag)
    rader = kandidater.annotate(aktuell=_aktuell_offset("", idag)).values_list(
        "pk", "nämnd_id", "handläggare_id", "svarsdatum", "mottagen", "aktuell"
    )
    medhandläggare = {}
    genom = Remissinstans.medhandläggare.through.objects.filter(remissinstans__in=kandidater)
    for instans_pk, user_pk in genom.values_list("remissinstans_id", "användare_id"):
        medhandläggare.setdefault(instans_pk, set()).add(user_pk)
    registratorer = personer_per_nämnd(Roll.REGISTRATOR)
    for pk, nämnd_pk, handläggare_pk, svarsdatum, mottagen, aktuell in rader:
        dag = svarsdatum - datetime.timedelta(days=aktuell)
        if timezone.localdate(mottagen) >= dag:
            continue
        personer = {handläggare_pk} | medhandläggare.get(pk, set())
        personer |= registratorer.get(nämnd_pk, set())
        personer.discard(None)
        yield pk, personer, aktuell, svarsdatum


def _befintliga_frister(idag):
    """(instans, mottagare) of the claims already made for each candidate's current offset."""
    return set(
        P.objects.filter(
            typ=P.Typ.FRIST,
            instans__in=_frist_kandidater(idag),
            datum=F("instans__svarsdatum"),
        )
        .annotate(aktuell=_aktuell_offset("instans__", idag))
        .filter(dagar=F("aktuell"))
        .values_list("instans_id", "mottagare_id")
    )


def _otilldelade(nu):
    dagar = settings.REMISS_PAMINNELSER_OTILLDELAD_DAGAR
    kandidater = _öppna_instanser().filter(
        handläggare__isnull=True,
        status=Remissinstans.Status.MOTTAGEN,
        mottagen__lte=nu - datetime.timedelta(days=dagar),
    )
    befintliga = set(
        P.objects.filter(
            typ=P.Typ.OTILLDELAD, instans__in=kandidater, datum=F("instans__svarsdatum")
        ).values_list("instans_id", "mottagare_id")
    )
    registratorer = personer_per_nämnd(Roll.REGISTRATOR)
    for pk, nämnd_pk, svarsdatum in kandidater.values_list("pk", "nämnd_id", "svarsdatum"):
        personer = {p for p in registratorer.get(nämnd_pk, ()) if (pk, p) not in befintliga}
        yield pk, personer, dagar, svarsdatum


def sammanställning_gäller(idag):
    """Open instanser of KS's remisser that are late, or due soon and not yet attested."""
    risk = idag + datetime.timedelta(days=settings.REMISS_PAMINNELSER_RISK_DAGAR)
    tidiga = [
        Remissinstans.Status.MOTTAGEN,
        Remissinstans.Status.TILLDELAD,
        Remissinstans.Status.UNDER_BEREDNING,
    ]
    return _öppna_instanser().filter(
        Q(svarsdatum__lt=idag) | Q(svarsdatum__lte=risk, status__in=tidiga)
    )


def _sammanställningar(nu):
    idag = timezone.localdate(nu)
    lokal = timezone.localtime(nu)
    if idag.weekday() >= 5 or lokal.hour < settings.REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN:
        return
    ks = Nämnd.objects.filter(typ=Nämnd.Typ.KOMMUNSTYRELSE)
    per_nämnd = personer_per_nämnd(Roll.REGISTRATOR, Roll.REMISSAMORDNARE, nämnder=ks)
    personer = set().union(*per_nämnd.values()) if per_nämnd else set()
    if not personer or not sammanställning_gäller(idag).filter(remiss__nämnd__in=ks).exists():
        return
    fått = set(
        P.objects.filter(typ=P.Typ.SAMMANSTÄLLNING, datum=idag).values_list(
            "mottagare_id", flat=True
        )
    )
    yield None, personer - fått, 0, idag


def _påminnelser(nu, omgång):
    """Unsaved claim rows for every reminder due now that has not been claimed yet."""
    idag = timezone.localdate(nu)
    befintliga = _befintliga_frister(idag)
    nycklar = [
        (P.Typ.FRIST, instans, user, dagar, datum)
        for instans, personer, dagar, datum in _frister(idag)
        for user in personer
        if (instans, user) not in befintliga
    ]
    for typ, källa in (
        (P.Typ.OTILLDELAD, _otilldelade(nu)),
        (P.Typ.SAMMANSTÄLLNING, _sammanställningar(nu)),
    ):
        nycklar += [
            (typ, i, user, d, datum) for i, personer, d, datum in källa for user in personer
        ]
    adresser = _adresser({nyckel[2] for nyckel in nycklar})
    return [
        P(
            typ=typ,
            instans_id=instans,
            mottagare_id=user,
            dagar=dagar,
            datum=datum,
            omgång=omgång,
            planerad=nu,
            epost=adresser[user],
            status=P.Status.VÄNTAR if adresser[user] else P.Status.HOPPADES_ÖVER,
            orsak="" if adresser[user] else P.Orsak.INGEN_EPOST,
        )
        for typ, instans, user, dagar, datum in nycklar
        if user in adresser
    ]


def _adresser(user_pks):
    """``{pk: e-mail address or ""}`` of the active people among ``user_pks``; people who have
    left are not reminded at all, people without an address are shown as skipped."""
    rader = get_user_model().objects.filter(pk__in=user_pks, is_active=True)
    return {pk: (epost or "").strip() for pk, epost in rader.values_list("pk", "email")}


def köa(pks):
    """Queue one e-mail task per reminder, over one broker connection."""
    from remiss.tasks_paminnelser import skicka_påminnelse

    kö = {"queue": settings.REMISS_PAMINNELSER_KO} if settings.REMISS_PAMINNELSER_KO else {}
    with current_app.producer_or_acquire() as producer:
        for pk in pks:
            skicka_påminnelse.apply_async((pk,), producer=producer, **kö)


def svep(nu=None):
    """Claim every reminder due at ``nu`` and queue them once this transaction commits."""
    nu = nu or timezone.now()
    omgång = uuid.uuid4()
    resultat = Svepresultat()
    with transaction.atomic():
        rader = _påminnelser(nu, omgång)
        P.objects.bulk_create(rader, ignore_conflicts=True)
        # Only the rows this sweep inserted carry its omgång; a conflicting row kept its own.
        egna = P.objects.filter(omgång=omgång)
        resultat.nya = list(egna.filter(status=P.Status.VÄNTAR).values_list("pk", flat=True))
        resultat.hoppade = egna.filter(status=P.Status.HOPPADES_ÖVER).count()
        resultat.återtagna = P.återta_hängande(
            nu, settings.REMISS_PAMINNELSER_LASTID, settings.REMISS_PAMINNELSER_KOMARGINAL
        )
        köade = resultat.köade
        if köade:
            transaction.on_commit(lambda: köa(köade))
    return resultat
