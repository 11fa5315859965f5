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
an external organisation's FRIST its active contact people (``kontaktperson`` instead of a user:
they have no account, and each reminder carries a fresh personal link, issued when the mail is
sent, remiss/uppdrag.py); of an OTILLDELAD the registrators. Each reminder is decided once per
instans, kind, offset and deadline, for the people on the case at that moment (someone
assigned later is told by the assignment notice and gets the next reminder): the database
returns only instanser with no such claim yet, so a sweep with nothing to do reads almost
nothing.

Each reminder is a row with a unique key (instans, person, kind, offset, deadline); the rows are
inserted with ON CONFLICT DO NOTHING, so two sweeps at once insert each reminder once, and each
sweep puts in the outbox only the rows it inserted itself (found by its ``omgång``): one
``Utkorgspost`` per reminder mail, in the same transaction (remiss/utkorg.py sends it, with its
one claim, lease, retry rule and SMTP classifier; remiss/uppdrag.py is the mail's work). A
person without an e-mail address gets a row marked skipped, which the admin lists.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from nämnder.models import Nämnd
from nämnder.permissions import personer_per_nämnd
from nämnder.roller import Roll
from remiss import utkorg
from remiss.models import Kontaktperson, Påminnelse, Remiss, Remissinstans, Utkorgspost

P = Påminnelse


@dataclass
class Svepresultat:
    nya: list = field(default_factory=list)  # keys of the reminders this sweep put in the outbox
    hoppade: int = 0  # decided but skipped (no e-mail address)

    @property
    def köade(self):
        return self.nya


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


def _obeslutad(typ, dagar):
    """No reminder of this kind, offset and deadline has been decided for the instans yet."""
    return ~Exists(
        P.objects.filter(instans=OuterRef("pk"), typ=typ, dagar=dagar, datum=OuterRef("svarsdatum"))
    )


def _frister(idag):
    """(instans pk, user pks, contact pks, offset, deadline) for every instans whose current
    reminder is due today and not yet decided, with the people it goes to: a nämnd's people, or
    an external organisation's contact people. Only those rows leave the database, so a sweep
    with nothing new to do reads next to nothing."""
    horisont = idag + datetime.timedelta(days=max(_offsets()))
    kandidater = (
        _öppna_instanser()
        .filter(svarsdatum__lte=horisont)
        .annotate(aktuell=_aktuell_offset("", idag))
        .filter(_obeslutad(P.Typ.FRIST, OuterRef("aktuell")))
    )
    rader = list(
        kandidater.annotate(ankom=TruncDate("mottagen")).values_list(
            "pk", "nämnd_id", "organisation_id", "handläggare_id", "svarsdatum", "ankom", "aktuell"
        )
    )
    kontakter = {}
    if organisationer := {rad[2] for rad in rader if rad[2] is not None}:
        for org_pk, kontakt_pk in Kontaktperson.objects.filter(
            aktiv=True, organisation__in=organisationer
        ).values_list("organisation_id", "pk"):
            kontakter.setdefault(org_pk, set()).add(kontakt_pk)
    medhandläggare = {}
    genom = Remissinstans.medhandläggare.through.objects.filter(remissinstans__in=kandidater)
    for instans_pk, user_pk in genom.values_list("remissinstans_id", "användare_id"):
        medhandläggare.setdefault(instans_pk, set()).add(user_pk)
    registratorer = personer_per_nämnd(Roll.REGISTRATOR)
    for pk, nämnd_pk, org_pk, handläggare_pk, svarsdatum, ankom, aktuell in rader:
        if ankom >= svarsdatum - datetime.timedelta(days=aktuell):
            continue  # it arrived on or after this reminder's day: the next one will come
        if org_pk is not None:
            yield pk, set(), kontakter.get(org_pk, set()), aktuell, svarsdatum
            continue
        personer = {handläggare_pk} | medhandläggare.get(pk, set())
        personer |= registratorer.get(nämnd_pk, set())
        personer.discard(None)
        yield pk, personer, set(), aktuell, svarsdatum


def _otilldelade(nu):
    dagar = settings.REMISS_PAMINNELSER_OTILLDELAD_DAGAR
    kandidater = _öppna_instanser().filter(
        _obeslutad(P.Typ.OTILLDELAD, dagar),
        handläggare__isnull=True,
        status=Remissinstans.Status.MOTTAGEN,
        mottagen__lte=nu - datetime.timedelta(days=dagar),
    )
    registratorer = personer_per_nämnd(Roll.REGISTRATOR)
    for pk, nämnd_pk, svarsdatum in kandidater.values_list("pk", "nämnd_id", "svarsdatum"):
        yield pk, registratorer.get(nämnd_pk, set()), set(), dagar, svarsdatum


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
    yield None, personer - fått, set(), 0, idag


def _påminnelser(nu):
    """(typ, instans, user, kontaktperson, dagar, datum, e-post) of every reminder due now and
    not yet decided; one of user and kontaktperson is None."""
    idag = timezone.localdate(nu)
    nycklar, externa = [], []
    for typ, källa in (
        (P.Typ.FRIST, _frister(idag)),
        (P.Typ.OTILLDELAD, _otilldelade(nu)),
        (P.Typ.SAMMANSTÄLLNING, _sammanställningar(nu)),
    ):
        for i, personer, kontakter, d, datum in källa:
            nycklar += [(typ, i, user, None, d, datum) for user in personer]
            externa += [(typ, i, None, kontakt, d, datum) for kontakt in kontakter]
    adresser = _adresser({nyckel[2] for nyckel in nycklar})
    kontaktadresser = dict(
        Kontaktperson.objects.filter(pk__in={n[3] for n in externa}).values_list("pk", "epost")
    )
    return [(*n, adresser[n[2]]) for n in nycklar if n[2] in adresser] + [
        (*n, (kontaktadresser[n[3]] or "").strip()) for n in externa if n[3] in kontaktadresser
    ]


def _status(epost):
    # Someone without an address gets a claim marked skipped, which the admin lists.
    return (P.Status.VÄNTAR, "") if epost else (P.Status.HOPPADES_ÖVER, P.Orsak.INGEN_EPOST)


def _gör_anspråk(rader, omgång, nu):
    """Insert one claim row per reminder; a key that exists already is left alone."""
    if connection.vendor == "postgresql":
        return _gör_anspråk_postgresql(rader, omgång, nu)
    P.objects.bulk_create(
        [
            P(
                typ=typ,
                instans_id=instans,
                mottagare_id=user,
                kontaktperson_id=kontakt,
                dagar=dagar,
                datum=datum,
                epost=epost,
                status=_status(epost)[0],
                orsak=_status(epost)[1],
                omgång=omgång,
            )
            for typ, instans, user, kontakt, dagar, datum, epost in rader
        ],
        ignore_conflicts=True,
    )


MÅNGA = 5_000


def _gör_anspråk_postgresql(rader, omgång, nu):
    # The same INSERT … ON CONFLICT DO NOTHING that bulk_create(ignore_conflicts=True) runs, fed
    # by unnest() over one array per column: building tens of thousands of model instances for
    # bulk_create costs seconds, the arrays next to nothing.
    if not rader:
        return
    kolumn = {f.name: connection.ops.quote_name(f.column) for f in P._meta.concrete_fields}
    namn = ["typ", "instans", "mottagare", "kontaktperson", "dagar", "datum", "epost"]
    namn += ["status", "orsak"]
    typer = ["text", "bigint", "bigint", "bigint", "smallint", "date", "text", "text", "text"]
    fast = ["fel", "omgång", "skapad"]
    kolumner = ", ".join(kolumn[n] for n in namn + fast)
    arrayer = ", ".join(f"%s::{typ}[]" for typ in typer)
    sql = (
        f"INSERT INTO {connection.ops.quote_name(P._meta.db_table)} ({kolumner}) "
        f"SELECT u.*, '', %s, %s FROM unnest({arrayer}) AS u "
        "ON CONFLICT DO NOTHING"
    )
    status = [_status(rad[6]) for rad in rader]
    värden = [list(kol) for kol in zip(*rader, strict=True)]
    värden += [[s for s, _ in status], [o for _, o in status]]
    with connection.cursor() as markör:
        markör.execute(sql, [omgång, nu, *värden])
        if len(rader) >= MÅNGA:
            # Fresh statistics at once, so the next sweep's anti-join is planned for the table
            # as it is now (autovacuum would get there, but only after a while).
            markör.execute(f"ANALYZE {connection.ops.quote_name(P._meta.db_table)}")


def _adresser(user_pks):
    """``{pk: e-mail address or ""}`` of the active people among ``user_pks``; people who have
    left are not reminded at all, people without an address are shown as skipped."""
    rader = get_user_model().objects.filter(pk__in=user_pks, is_active=True)
    return {pk: (epost or "").strip() for pk, epost in rader.values_list("pk", "email")}


def _till_utkorgen(omgång):
    """One outbox row per reminder this sweep inserted and is to send, in this transaction,
    due at once (whatever moment the sweep decided for); returns (reminder keys, outbox keys)."""
    egna = P.objects.filter(omgång=omgång, status=P.Status.VÄNTAR)
    if connection.vendor != "postgresql":
        poster = utkorg.lägg_många(
            [post(pk) for pk in egna.values_list("pk", flat=True)],
            publicera=False,
        )
        return [p.argument["paminnelse"] for p in poster], [p.pk for p in poster]
    # INSERT … SELECT: tens of thousands of rows after a long stop cost one statement.
    post = Utkorgspost._meta
    kolumn = {f.name: connection.ops.quote_name(f.column) for f in post.concrete_fields}
    namn = ["uppdrag", "argument", "nyckel", "gäller", "beskrivning", "status", "försök"]
    namn += ["nästa_försök", "fel", "skapad"]
    etikett = P._meta.label_lower
    sql = (
        f"INSERT INTO {connection.ops.quote_name(post.db_table)} "
        f"({', '.join(kolumn[n] for n in namn)}) "
        "SELECT %s, jsonb_build_object('paminnelse', p.id), %s || p.id, %s || p.id, "
        "%s || p.id, %s, 0, %s, '', %s "
        f"FROM {connection.ops.quote_name(P._meta.db_table)} p "
        f"WHERE p.{connection.ops.quote_name(P._meta.get_field('omgång').column)} = %s "
        "AND p.status = %s ORDER BY p.id "
        f"RETURNING {kolumn['id']}, ({kolumn['argument']}->>'paminnelse')::bigint"
    )
    parametrar = [UPPDRAG, f"{etikett}:", f"{etikett}:", _("Påminnelse") + " "]
    nu = timezone.now()
    parametrar += [Utkorgspost.S.VÄNTAR, nu, nu, omgång, P.Status.VÄNTAR]
    with connection.cursor() as markör:
        markör.execute(sql, parametrar)
        rader = markör.fetchall()
    return [p for _post_pk, p in rader], [post_pk for post_pk, _p in rader]


UPPDRAG = "epost.paminnelse"


def nyckel(pk):
    return f"{P._meta.label_lower}:{pk}"


def post(pk):
    """The outbox row that sends reminder ``pk`` (unsaved)."""
    nyckel_ = nyckel(pk)
    return Utkorgspost(
        uppdrag=UPPDRAG,
        argument={"paminnelse": pk},
        nyckel=nyckel_,
        gäller=nyckel_,
        beskrivning=f"{_('Påminnelse')} {pk}",
    )


def svep(nu=None):
    """Decide every reminder due at ``nu`` and put its mail in the outbox, in one transaction;
    the outbox publishes them once it commits."""
    nu = nu or timezone.now()
    omgång = uuid.uuid4()
    resultat = Svepresultat()
    with transaction.atomic():
        _gör_anspråk(_påminnelser(nu), omgång, nu)
        # Only the rows this sweep inserted carry its omgång; a conflicting row kept its own.
        resultat.nya, poster = _till_utkorgen(omgång)
        resultat.hoppade = P.objects.filter(omgång=omgång, status=P.Status.HOPPADES_ÖVER).count()
        utkorg.publicera_efter_commit(poster)
    return resultat
