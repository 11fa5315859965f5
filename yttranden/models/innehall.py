"""The content half of Tjänsteutlåtande: the content as plain data, its SHA-256 (what the
attest freezes), the freeze itself, and the mapping to the document the preview, the PDF and
Word show (``yttranden.dokument``). Tjänsteutlåtande inherits it; its states and transitions stay
in utlatande.py, editing in redigering.py and filling from a mall in ``Mall.fyll()``."""

import hashlib
import json

from django.utils.translation import gettext as _g

from nämnder.models import Kommun
from yttranden import dokument
from yttranden.models.granskning import Attest


class Innehåll:
    """A mixin: the fields are the model's."""

    def save(self, *args, **kwargs):
        # An attested utlåtande is frozen: only ``återöppna`` may mark it as replaced.
        if self.pk and not getattr(self, "_får_ändra_låst", False):
            i_databasen = type(self).objects.filter(pk=self.pk).values_list("status", flat=True)
            if i_databasen and i_databasen[0] in self.LÅSTA:
                self.kräv_redigerbart(från_databasen=True)
        super().save(*args, **kwargs)

    def innehåll(self, sektioner=None, bilagor=None):
        """The content as plain data: what a version stores and the attest's checksum covers."""
        sektioner = self.sektioner.all() if sektioner is None else sektioner
        bilagor = self.bilagor.all() if bilagor is None else bilagor
        return {
            "sektioner": [{"id": s.pk, "rubrik": s.rubrik, "html": s.html} for s in sektioner],
            "bilagor": [b.titel for b in bilagor],
        }

    def kontrollsumma(self):
        """SHA-256 of a canonical serialisation of headings, texts and bilagor, in order.

        A bilaga's file, the subtitle and the handläggare shown count only when they are set,
        so a sum taken before they existed still matches the same content."""
        innehåll = self.innehåll()
        kanoniskt = {
            "sektioner": [[s["rubrik"], s["html"]] for s in innehåll["sektioner"]],
            "bilagor": [
                [b.titel, b.kontrollsumma] if b.kontrollsumma else b.titel
                for b in self.bilagor.select_related("handling")
            ],
        }
        if self.underrubrik:
            kanoniskt["underrubrik"] = self.underrubrik
        if self.handläggare_i_dokumentet:
            kanoniskt["handläggare"] = self.handläggare_i_dokumentet
        data = json.dumps(kanoniskt, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def som_dokument(self):
        """The document as the preview and the PDF show it (yttranden.dokument)."""
        instans, nämnd = self.instans, self.nämnd
        remiss = instans.remiss
        return dokument.Tjänsteutlåtandedokument(
            brevhuvud=dokument.Brevhuvud(
                förvaltning=nämnd.förvaltning,
                avdelning=instans.avdelning.namn if instans.avdelning_id else "",
                besöksadress=nämnd.besöksadress,
                box=nämnd.box,
                postadress=nämnd.postadress,
                växel=nämnd.växel,
                epost=nämnd.epost,
                webbplats=nämnd.webbplats,
            ),
            diarienummer=instans.diarienummer,
            datum=self.datum,
            handläggare=self.visade_handläggare(),
            till_nämnd=nämnd.namn,
            sammanträdesdatum=self.sammanträde.datum if self.sammanträde_id else None,
            titel=remiss.titel,
            remiss_diarienummer=remiss.diarienummer,
            underrubrik=self.underrubrik or self.standardunderrubrik(),
            sektioner=[
                dokument.Sektion(rubrik=s.rubrik, html=s.säker_html) for s in self.sektioner.all()
            ],
            undertecknare=[
                dokument.Person(namn=str(p), befattning=p.befattning, förvaltning=nämnd.förvaltning)
                for p in (self.attestant, self.granskare)
                if p is not None
            ],
            bilagor=[b.titel for b in self.bilagor.all()],
            # Like the seeds: the document's "Attesterat av" lists the attest; the
            # avdelningschef's approval is recorded too but signed for by the signature.
            attester=[
                dokument.Attest(
                    namn=a.namn, befattning=a.befattning, datum=a.datum, inloggning=a.inloggning
                )
                for a in self.attester.gällande().filter(typ=Attest.Typ.ATTEST)
            ],
            version=self.version,
            utkast=self.status != self.S.ATTESTERAD,
            kommun=self._kommunformat(),
        )

    def _kommunformat(self):
        kommun = Kommun.för_nämnd(self.nämnd)
        return dokument.Kommunformat(
            namn=kommun.namn, datumstil=kommun.datumstil, logotyp_url=kommun.logotyp_url
        )

    def standardunderrubrik(self):
        """The seeds' line under the title: "Remiss från kommunstyrelsen, KS 2023/740"."""
        return _g("Remiss från kommunstyrelsen, %(dnr)s") % {
            "dnr": self.instans.remiss.diarienummer
        }

    def visade_handläggare(self):
        """Who the document names as handläggare: as set for this document, or else the
        instans's handläggare and medhandläggare with the phone numbers in their profiles."""
        if self.handläggare_i_dokumentet:
            return [
                dokument.Person(namn=p.get("namn", ""), telefon=p.get("telefon", ""))
                for p in self.handläggare_i_dokumentet
            ]
        instans = self.instans
        personer = [instans.handläggare, *instans.medhandläggare.all()]
        return [
            dokument.Person(namn=str(p), befattning=p.befattning, telefon=p.telefon)
            for p in personer
            if p is not None
        ]
