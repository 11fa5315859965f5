"""The archive's integrity: every stored file (the handlingar of a remiss, the sealed PDFs) has
its row and every row its file, with the SHA-256 the row records; and every attested
tjänsteutlåtande has its PDF. ``manage.py kontrollera_arkiv`` reports; with ``--laga`` it
repairs what can be repaired:

- a file no row knows is moved to ``MEDIA_ROOT/karantan/`` (never deleted: it may be the only
  copy of something a restore lost the row of);
- a sealed PDF whose file is missing or altered is made again from the same frozen content (the
  attest's content hash is unchanged; the new file gets a new seal and its own SHA-256); an
  altered file goes to the quarantine too;
- an attested utlåtande whose PDF row is gone gets its row back, and the PDF is made again;
- a handling whose file is missing or altered cannot be made again: restore it from the backup.

It lives in yttranden because it knows both apps' files; remiss never imports it.
"""

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from remiss.models import Handling
from yttranden.models import Pdfdokument, Tjänsteutlåtande

KATALOGER = ("pdf", "remisser")  # where Pdfdokument and Handling store their files


@dataclass
class Fynd:
    filer_utan_rad: list = field(default_factory=list)  # relative paths
    rader_utan_fil: list = field(default_factory=list)  # (row, description)
    fel_kontrollsumma: list = field(default_factory=list)  # (row, description)
    utlåtanden_utan_pdf: list = field(default_factory=list)  # Tjänsteutlåtande

    @property
    def rent(self):
        return not (
            self.filer_utan_rad
            or self.rader_utan_fil
            or self.fel_kontrollsumma
            or self.utlåtanden_utan_pdf
        )


def _sha256(sökväg):
    summa = hashlib.sha256()
    with open(sökväg, "rb") as fil:
        for bit in iter(lambda: fil.read(1 << 20), b""):
            summa.update(bit)
    return summa.hexdigest()


def _rader():
    """(row, stored name, expected SHA-256, description) for every row that has a file."""
    for handling in Handling.objects.select_related("remiss").order_by("pk"):
        yield (
            handling,
            handling.fil.name,
            handling.sha256,
            (f"handling {handling.filnamn} ({handling.remiss.diarienummer})"),
        )
    for dokument in Pdfdokument.objects.klara().order_by("pk"):
        yield dokument, dokument.fil.name, dokument.sha256, f"PDF {dokument.benämning}"


def kontrollera(rot=None):
    rot = Path(rot or settings.MEDIA_ROOT)
    fynd = Fynd()
    kända = set()
    for rad, namn, sha256, beskrivning in _rader():
        kända.add(namn)
        sökväg = rot / namn
        if not namn or not sökväg.is_file():
            fynd.rader_utan_fil.append((rad, beskrivning))
        elif _sha256(sökväg) != sha256:
            fynd.fel_kontrollsumma.append((rad, beskrivning))
    for katalog in KATALOGER:
        for sökväg in sorted((rot / katalog).rglob("*")):
            namn = sökväg.relative_to(rot).as_posix()
            if sökväg.is_file() and namn not in kända:
                fynd.filer_utan_rad.append(namn)
    attesterade = Tjänsteutlåtande.objects.filter(status=Tjänsteutlåtande.Status.ATTESTERAD)
    fynd.utlåtanden_utan_pdf = list(
        attesterade.exclude(pdfdokument__typ=Pdfdokument.Typ.TJÄNSTEUTLÅTANDE).order_by("pk")
    )
    return fynd


def _i_karantän(rot, namn):
    mål = rot / "karantan" / namn
    mål.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(rot / namn, mål)


def laga(fynd, rot=None):
    """Repair what ``fynd`` found that can be repaired; returns what could not be, in Swedish."""
    rot = Path(rot or settings.MEDIA_ROOT)
    kvar = []
    for namn in fynd.filer_utan_rad:
        _i_karantän(rot, namn)
    for rad, beskrivning in [*fynd.rader_utan_fil, *fynd.fel_kontrollsumma]:
        if isinstance(rad, Pdfdokument):
            if (rot / rad.fil.name).is_file():
                _i_karantän(rot, rad.fil.name)  # the altered copy, kept for whoever asks why
            rad.gör_om_förlorad()
        else:
            kvar.append(f"{beskrivning}: återställ filen från säkerhetskopian")
    for utlåtande in fynd.utlåtanden_utan_pdf:
        Pdfdokument.för_utlåtande(utlåtande)
    return kvar
