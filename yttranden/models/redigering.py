"""Editing a tjänsteutlåtande: saving headings and texts as numbered versions, refusing a save
based on an older version (keeping the refused text), importing a whole document, adding and
removing bilagor, and what must hold before anything is changed. Tjänsteutlåtande inherits it;
its states and transitions stay in utlatande.py."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from remiss.sok.index import indexera
from yttranden.formatering import sanera, är_tom
from yttranden.models.delar import Bilaga, Sektion
from yttranden.models.versioner import AvvisadSparning, Version


class Sparkrock(Exception):
    """A save based on an older version than the current one. Nothing was overwritten."""

    def __init__(self, aktuell, avvisad):
        self.aktuell, self.avvisad = aktuell, avvisad
        super().__init__(
            _g(
                "Någon annan har sparat utlåtandet (version %(nr)s, %(vem)s) medan du skrev. "
                "Din text sparades inte över deras, men den är kvar: kopiera det du vill "
                "behålla och ladda sedan om sidan."
            )
            % {"nr": aktuell.nummer, "vem": aktuell.sparad_av}
        )


class Redigering:
    """The editing half of Tjänsteutlåtande (a mixin: the fields are the model's)."""

    def kräv_redigerbart(self, från_databasen=False):
        status = self.status
        if från_databasen and self.pk:
            status = type(self).objects.filter(pk=self.pk).values_list("status", flat=True)[0]
        if status in self.LÅSTA:
            raise ValidationError(
                _(
                    "Tjänsteutlåtandet är attesterat och kan inte ändras. Direktören kan återöppna "
                    "det som en ny version."
                ),
                code="låst",
            )
        if status != self.S.UTKAST:
            raise ValidationError(
                _(
                    "Tjänsteutlåtandet är skickat till granskning och kan inte ändras förrän det "
                    "har återremitterats."
                ),
                code="under_granskning",
            )

    def lägg_till_bilaga(self, titel, handling=None, fil=None, av=None):
        """A numbered bilaga: a title, one of the remiss's handlingar, or an uploaded file
        (already checked with ``remiss.uploads.kontrollera``)."""
        from remiss import uploads

        self.kräv_redigerbart(från_databasen=True)
        if handling is not None and handling.remiss_id != self.instans.remiss_id:
            raise ValidationError(_("Handlingen hör till en annan remiss."), code="annan_remiss")
        ordning = (self.bilagor.aggregate(m=Max("ordning"))["m"] or 0) + 1
        bilaga = Bilaga(utlåtande=self, ordning=ordning, titel=titel, handling=handling)
        if fil is not None:
            bilaga.filnamn = PurePath(fil.name).name
            bilaga.innehållstyp = uploads.kontrollera(fil)
            bilaga.storlek = fil.size
            bilaga.sha256 = uploads.sha256(fil)
            bilaga.uppladdad_av = av
            bilaga.fil.save(bilaga.filnamn, fil, save=False)
        bilaga.save()
        return bilaga

    def ta_bort_bilaga(self, bilaga_pk):
        bilaga = self.bilagor.filter(pk=bilaga_pk).first()
        if bilaga is not None:
            bilaga.delete()

    def obligatoriska_tomma(self):
        return [s.rubrik for s in self.sektioner.all() if s.obligatorisk and är_tom(s.html)]

    def _ny_version(self, av, ändrade):
        self.versionsnummer += 1
        type(self).objects.filter(pk=self.pk).update(versionsnummer=self.versionsnummer)
        version = Version.objects.create(
            utlåtande=self,
            nummer=self.versionsnummer,
            sparad_av=av,
            innehåll=self.innehåll(),
            ändrade_avsnitt=ändrade,
        )
        indexera(self)  # every saved text is searchable, in the same transaction
        return version

    def spara(self, texter, grundad_på, av):
        """Save new headings and texts, ``texter = {sektion_pk: (rubrik, html)}``.

        Returns the new Version, or None when nothing changed. A save based on an older
        version than the current one raises Sparkrock; the refused text is kept."""
        try:
            return self._spara(texter, grundad_på, av)
        except Sparkrock as krock:
            krock.avvisad = AvvisadSparning.objects.create(
                utlåtande=self,
                sparad_av=av,
                grundad_på=grundad_på,
                innehåll={
                    "sektioner": [
                        {"id": pk, "rubrik": rubrik, "html": sanera(html)}
                        for pk, (rubrik, html) in texter.items()
                    ]
                },
            )
            raise

    @transaction.atomic
    def _spara(self, texter, grundad_på, av):
        låst = self._lås()
        låst.kräv_redigerbart()
        if grundad_på != låst.versionsnummer:
            raise Sparkrock(låst.versioner.get(nummer=låst.versionsnummer), None)
        sektioner = list(låst.sektioner.all())
        ändrade = []
        for sektion in sektioner:
            if sektion.pk not in texter:
                continue
            rubrik, html = texter[sektion.pk]
            rubrik, html = (rubrik or "").strip() or sektion.rubrik, sanera(html)
            if (rubrik, html) != (sektion.rubrik, sektion.html):
                sektion.rubrik, sektion.html = rubrik, html
                ändrade.append(sektion)
        if not ändrade:
            return None
        Sektion.objects.bulk_update(ändrade, ["rubrik", "html"])
        låst._prefetched_objects_cache = {"sektioner": sektioner}
        version = låst._ny_version(av, ändrade=[s.rubrik for s in ändrade])
        self.versionsnummer = låst.versionsnummer
        return version

    @transaction.atomic
    def importera(self, sektioner, av, bilagor=()):
        """Replace the whole text with a document written elsewhere (in Word, or before the
        system existed): ``sektioner = [(rubrik, html), …]``. Kept as one new version."""
        låst = self._lås()
        låst.kräv_redigerbart()
        låst.sektioner.all().delete()
        låst.bilagor.all().delete()
        Sektion.objects.bulk_create(
            Sektion(utlåtande=låst, ordning=nr, rubrik=rubrik, html=sanera(html))
            for nr, (rubrik, html) in enumerate(sektioner, start=1)
        )
        Bilaga.objects.bulk_create(
            Bilaga(utlåtande=låst, ordning=nr, titel=titel)
            for nr, titel in enumerate(bilagor, start=1)
        )
        version = låst._ny_version(av, ändrade=[rubrik for rubrik, _ in sektioner])
        self.refresh_from_db()
        return version
