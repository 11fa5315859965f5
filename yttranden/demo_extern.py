"""The demo's external remissinstanser: organisations in KS's register, asked beside the nämnder
on the remiss out now; Polismyndigheten has answered through its contact's personal link, and a
fresh link for Funktionshindersrådet's contact is returned so the visitor can try it."""

from django.utils.translation import gettext as _

from remiss.emails.instans import absolut_länk
from remiss.models import Kontaktperson, Organisation, Remiss, Svarslänk
from remiss.models.svarslank import hemlighet
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
    rådet = remiss.instanser.get(organisation=organisationer["Funktionshindersrådet"])
    _länk, slump = Svarslänk.utfärda(rådet, rådet.organisation.kontaktpersoner.get(), av=samordnare)
    return _("%(org)s svarar på %(dnr)s med länken %(url)s") % {
        "org": rådet.organisation.namn,
        "dnr": remiss.diarienummer,
        "url": absolut_länk("svar:öppna", hemlighet(slump)),
    }
