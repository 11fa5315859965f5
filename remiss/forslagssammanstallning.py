"""KS's compilation by proposal: for each förslag of a remiss, how many remissinstanser took
each stance, who they are and every comment; and the förslag × instans matrix, with the late and
missing answers shown as such. What the page, the XLSX and the DOCX all show, read in a fixed
number of queries (förslag, instanser, stances) whatever the number of answers."""

import dataclasses

from django.utils.translation import gettext_lazy as _

from remiss.models import Förslag, Ställningstagande, Ståndpunkt

# How an instans without stances is shown, in the order of Remissinstans.Status.
LÄGEN = {
    "svarat": _("Svarat"),
    "avstar": _("Avstår från att svara"),
    "forsenad": _("Försenad"),
    "vantar": _("Inget svar än"),
    "utan": _("Svarat utan ställningstaganden"),
}


@dataclasses.dataclass
class Förslagsrad:
    förslag: Förslag
    antal: dict  # {Ståndpunkt: count}, every stance, zeros included
    vilka: dict  # {Ståndpunkt: [instans name, …]}
    kommentarer: list  # [(instans name, Ståndpunkt label, comment), …] with a comment
    saknas: list  # [(instans name, läge label), …] the instanser without a stance on it


@dataclasses.dataclass
class Matrisrad:
    instans: object
    namn: str
    läge: str  # a key of LÄGEN
    celler: list  # one Ställningstagande or None per förslag, in förslag order
    svarsnummer: int = 0

    @property
    def läge_text(self):
        return str(LÄGEN[self.läge])


def namn(instans):
    """The nämnd's or the external organisation's name."""
    return instans.mottagare_namn


def _läge(instans, har_svar):
    if har_svar:
        return "svarat"
    if instans.status == instans.Status.AVSTÅR:
        return "avstar"
    if instans.status == instans.Status.BESVARAD:
        return "utan"
    return "forsenad" if instans.försenad else "vantar"


def sammanställ(remiss):
    """``{"förslag": [Förslagsrad], "matris": [Matrisrad], "ståndpunkter": [(value, label)],
    "antal_svar": n}`` for ``remiss``."""
    förslag = list(Förslag.objects.filter(remiss=remiss).order_by("nummer"))
    instanser = list(
        remiss.instanser.select_related("nämnd", "organisation").order_by(
            "nämnd__namn",
            "organisation__namn",  # the nämnder first, then the organisations
        )
    )
    per_instans = {}
    for s in Ställningstagande.objects.gällande().filter(förslag__remiss=remiss):
        per_instans.setdefault(s.instans_id, {})[s.förslag_id] = s
    matris = []
    for instans in instanser:
        egna = per_instans.get(instans.pk, {})
        rad = Matrisrad(instans, namn(instans), _läge(instans, bool(egna)), [])
        rad.celler = [egna.get(f.pk) for f in förslag]
        rad.svarsnummer = max((s.svarsnummer for s in egna.values()), default=0)
        matris.append(rad)
    return {
        "förslag": [_förslagsrad(f, i, matris) for i, f in enumerate(förslag)],
        "matris": matris,
        "ståndpunkter": [(värde, str(label)) for värde, label in Ståndpunkt.choices],
        "antal_svar": sum(1 for rad in matris if rad.läge == "svarat"),
    }


def _förslagsrad(förslag, plats, matris):
    rad = Förslagsrad(förslag, dict.fromkeys(Ståndpunkt, 0), {s: [] for s in Ståndpunkt}, [], [])
    for instansrad in matris:
        s = instansrad.celler[plats]
        if s is None:
            rad.saknas.append((instansrad.namn, instansrad.läge_text))
            continue
        ståndpunkt = Ståndpunkt(s.ståndpunkt)
        rad.antal[ståndpunkt] += 1
        rad.vilka[ståndpunkt].append(instansrad.namn)
        if s.kommentar:
            rad.kommentarer.append((instansrad.namn, str(ståndpunkt.label), s.kommentar))
    return rad


def sammanfattning(förslagsrad):
    """One sentence per stance taken: "Tillstyrker (3): Utbildningsnämnden, …"."""
    return [
        f"{ståndpunkt.label} ({len(vilka)}): {', '.join(vilka)}"
        for ståndpunkt, vilka in förslagsrad.vilka.items()
        if vilka
    ]
