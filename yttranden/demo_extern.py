"""The demo's external remissinstanser: organisations in KS's register, asked beside the nämnder
on the remiss out now; Polismyndigheten has answered through its contact's personal link, and a
fresh link for Funktionshindersrådet's contact is returned so the visitor can try it.

The trygghetsprogram (KS 2023/739, with förslag: remiss/demo_forslag.py) also went to
Polismyndigheten and Pensionärsrådet: the police answered with a stance on every förslag, so the
by-proposal view shows an external answer beside the nämnder's; the pensioners' council did not
answer, so it shows there as late."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from nämnder import historikskydd
from remiss.demo_forslag import FOKUSOMRÅDEN
from remiss.emails.instans import absolut_länk
from remiss.models import (
    Kontaktperson,
    Organisation,
    Remiss,
    Remisshändelse,
    Remissinstans,
    Ställningstagande,
    Ståndpunkt,
    Svarslänk,
)
from remiss.models.svarslank import hemlighet
from yttranden import stallningstaganden
from yttranden.models import ExterntSvar

ORGANISATIONER = [
    ("Funktionshindersrådet", "802400-8883", "Sara Ek", "sara.ek@funktionshindersradet.example"),
    ("Pensionärsrådet", "802011-1111", "Bo Ahl", "bo.ahl@pensionarsradet.example"),
    ("Polismyndigheten", "202100-0076", "Per Blå", "per.bla@polisen.example"),
    ("Hyresgästföreningen region Stockholm", "802008-1819", "Lina Ros", "lina.ros@hgf.example"),
]

POLISENS_SVAR = (
    "<p>Polismyndigheten, Polisregion Stockholm, välkomnar riktlinjerna och delar bedömningen "
    "att det förebyggande arbetet måste börja tidigt och ske i samverkan.</p>"
    "<ul><li>Samverkansöverenskommelsen mellan staden och lokalpolisområdena bör nämnas "
    "uttryckligen.</li><li>Informationsutbytet kring enskilda bör beskrivas med stöd i "
    "gällande sekretessregler.</li></ul>"
)


TRYGGHETSPROGRAMMET = "KS 2023/739"
POLISENS_TRYGGHETSSVAR = (
    "<p>Polismyndigheten, Polisregion Stockholm, ser programmet som en bra grund för den "
    "samverkan som överenskommelsen med staden beskriver.</p>"
    "<p>Lägesbilderna bör tas fram gemensamt och följas upp lokalt i varje "
    "lokalpolisområde.</p>"
)
S = Ståndpunkt
# Polismyndigheten's stance and comment on each fokusområde, in order.
POLISENS_STÅNDPUNKTER = [
    (S.TILLSTYRKER, "Tidiga insatser i samverkan med skolan och socialtjänsten är avgörande."),
    (
        S.TILLSTYRKER_MED_ÄNDRINGAR,
        "Platssamverkan bör utgå från gemensamma lägesbilder, inte bara stadens.",
    ),
    (S.TILLSTYRKER, ""),
    (
        S.TILLSTYRKER_MED_ÄNDRINGAR,
        "Programmet bör hänvisa till de lokala medborgarlöftena och polisens avhopparverksamhet.",
    ),
]
assert len(POLISENS_STÅNDPUNKTER) == len(FOKUSOMRÅDEN)


def skapa_organisationer():
    organisationer = {}
    for namn, nummer, kontakt, epost in ORGANISATIONER:
        org, _skapad = Organisation.objects.get_or_create(
            organisationsnummer=nummer, defaults={"namn": namn}
        )
        Kontaktperson.objects.get_or_create(
            organisation=org, epost=epost, defaults={"namn": kontakt}
        )
        organisationer[namn] = org
    return organisationer


def skapa_externa(personer):
    """Add the organisations to the remiss out now; return a demo link to try, or None."""
    organisationer = skapa_organisationer()
    remiss = Remiss.objects.filter(status=Remiss.Status.UTSKICKAD, titel__contains="extremism")
    remiss = remiss.order_by("-remissdatum").first()
    if remiss is None:
        return None
    samordnare = personer["ks.remissamordnare"]
    for org in organisationer.values():
        if not remiss.instanser.filter(organisation=org).exists():
            remiss.lägg_till_organisation(org, av=samordnare)
    polisen = remiss.instanser.get(organisation=organisationer["Polismyndigheten"])
    if not ExterntSvar.objects.filter(instans=polisen).exists():
        ExterntSvar.skicka_in(
            polisen, polisen.organisation.kontaktpersoner.get(), POLISENS_SVAR, {}, 0
        )
    _trygghetsprogrammet(organisationer, samordnare)
    rådet = remiss.instanser.get(organisation=organisationer["Funktionshindersrådet"])
    _länk, slump = Svarslänk.utfärda(rådet, rådet.organisation.kontaktpersoner.get(), av=samordnare)
    return _("%(org)s svarar på %(dnr)s med länken %(url)s") % {
        "org": rådet.organisation.namn,
        "dnr": remiss.diarienummer,
        "url": absolut_länk("svar:öppna", hemlighet(slump)),
    }


def _trygghetsprogrammet(organisationer, samordnare):
    """Polismyndigheten and Pensionärsrådet on the trygghetsprogram; the police answered with a
    stance per förslag two days before the deadline (its history dated then too)."""
    remiss = Remiss.objects.filter(
        diarienummer=TRYGGHETSPROGRAMMET, status=Remiss.Status.UTSKICKAD
    ).first()
    if remiss is None or not remiss.förslag.exists():
        return
    if remiss.instanser.filter(organisation__isnull=False).exists():
        return  # there already: the demo is seeded
    skickad = remiss.utskickad or timezone.now()
    före = Remisshändelse.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    for namn in ("Polismyndigheten", "Pensionärsrådet"):
        remiss.lägg_till_organisation(organisationer[namn], av=samordnare)
    _daterat(före, skickad + datetime.timedelta(days=1))
    polisen = remiss.instanser.get(organisation=organisationer["Polismyndigheten"])
    förslag = list(remiss.förslag.order_by("nummer"))
    ställning = stallningstaganden.som_json(
        {f.pk: (str(s), k) for f, (s, k) in zip(förslag, POLISENS_STÅNDPUNKTER, strict=True)}
    )
    före = Remisshändelse.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    kontakt = polisen.organisation.kontaktpersoner.get()
    svar = ExterntSvar.skicka_in(polisen, kontakt, POLISENS_TRYGGHETSSVAR, ställning, 0)
    inkom = timezone.make_aware(
        datetime.datetime.combine(
            remiss.sista_svarsdatum - datetime.timedelta(days=2), datetime.time(14)
        )
    )
    _daterat(före, inkom)
    ExterntSvar.objects.filter(pk=svar.pk).update(inskickat=inkom, ändrad=inkom)
    Ställningstagande.objects.filter(instans=polisen).update(lämnad=inkom)
    Remissinstans.objects.filter(pk=polisen.pk).update(
        besvarad=inkom, mottagen=skickad + datetime.timedelta(days=1)
    )
    Remissinstans.objects.filter(
        remiss=remiss, organisation=organisationer["Pensionärsrådet"]
    ).update(mottagen=skickad + datetime.timedelta(days=1))


def _daterat(före, tid):
    """The history rows written since row ``före`` happened at ``tid``."""
    if not isinstance(tid, datetime.datetime):
        tid = timezone.make_aware(datetime.datetime.combine(tid, datetime.time(10)))
    with historikskydd.dateras_om():
        Remisshändelse.objects.filter(pk__gt=före).update(tidpunkt=tid)
