import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from yttranden.formatering import sanera
from yttranden.models.delar import Sektion

# Stockholms stads standardmall (DESIGN.md): eight sections, with the fixed wording the seeds
# show. {nämnd}, {nämnd_gemen}, {remiss_titel}, {remiss_dnr}, {svarsdatum}, {remissdatum} and
# {avsändare} are filled in from the remissinstans when an utlåtande is started.
STANDARDMALL_NAMN = "Stockholms stads standardmall"
STANDARDMALL = [
    (
        "Förvaltningens förslag till beslut",
        "<ol><li><p>{nämnd} godkänner förvaltningens tjänsteutlåtande och överlämnar det till "
        "kommunstyrelsen som svar på remissen.</p></li><li><p>Beslutet justeras omedelbart.</p>"
        "</li></ol>",
    ),
    ("Sammanfattning", ""),
    (
        "Bakgrund",
        "<p>Kommunstyrelsen har remitterat ärendet {remiss_titel} till {nämnd_gemen} för "
        "yttrande senast {svarsdatum}.</p>",
    ),
    ("Ärendet", ""),
    ("Ärendets beredning", ""),
    ("Förvaltningens synpunkter och förslag", ""),
    (
        "Konsekvenser för barns rättigheter samt jämställdhetsanalys",
        "<p>Då ärendet är på remiss från kommunstyrelsen gör förvaltningen ingen egen analys av "
        "ärendets konsekvenser för barns rättigheter eller jämställdhet.</p>",
    ),
    (
        "Förslag till beslut",
        "<p>Förvaltningen föreslår att {nämnd_gemen} godkänner förvaltningens tjänsteutlåtande "
        "och överlämnar det till kommunstyrelsen som svar på remissen. Med hänsyn till "
        "remisstiden ska ärendet justeras omedelbart.</p>",
    ),
]

_PLATSHÅLLARE = re.compile(r"\{(\w+)\}")
PLATSHÅLLARE = [
    "nämnd", "nämnd_gemen", "remiss_titel", "remiss_dnr", "svarsdatum", "remissdatum", "avsändare",
]  # fmt: skip


def fyll_i(text, värden):
    """Replace the known {placeholders}; anything else in braces is left as written."""
    return _PLATSHÅLLARE.sub(lambda m: str(värden.get(m.group(1), m.group(0))), text)


class MallQuerySet(models.QuerySet):
    def för_nämnd(self, nämnd):
        """The förvaltning's own mall if it keeps one, otherwise the standard mall."""
        return self.filter(nämnd=nämnd).first() or self.standard()

    def standard(self):
        mall, skapad = self.get_or_create(nämnd=None, defaults={"namn": STANDARDMALL_NAMN})
        if skapad:
            mall.avsnitt.bulk_create(
                Mallavsnitt(mall=mall, ordning=nr, rubrik=rubrik, förifylld_text=text)
                for nr, (rubrik, text) in enumerate(STANDARDMALL, start=1)
            )
        return mall


class Mall(models.Model):
    """The sections a new tjänsteutlåtande starts with. One standard mall for every förvaltning
    that keeps none of its own (nämnd empty), and at most one per nämnd."""

    namn = models.CharField(_("namn"), max_length=200)
    nämnd = models.OneToOneField(
        "nämnder.Nämnd",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="utlåtandemall",
        verbose_name=_("nämnd"),
        help_text=_("Lämna tomt för standardmallen som gäller alla förvaltningar utan egen mall."),
    )

    objects = MallQuerySet.as_manager()

    class Meta:
        verbose_name = _("mall för tjänsteutlåtande")
        verbose_name_plural = _("mallar för tjänsteutlåtanden")
        ordering = ["nämnd__namn"]
        constraints = [
            models.UniqueConstraint(
                Coalesce("nämnd", 0),
                name="en_standardmall",
                violation_error_message=_("Det finns redan en standardmall."),
            )
        ]

    def __str__(self):
        return self.namn

    def kopiera_avsnitt_från(self, annan):
        """Start this mall with a copy of ``annan``'s sections (a förvaltning's own mall
        usually begins as the standard mall and is then changed)."""
        self.avsnitt.bulk_create(
            Mallavsnitt(
                mall=self,
                ordning=avsnitt.ordning,
                rubrik=avsnitt.rubrik,
                förifylld_text=avsnitt.förifylld_text,
                obligatoriskt=avsnitt.obligatoriskt,
            )
            for avsnitt in annan.avsnitt.all()
        )

    def fyll(self, utlåtande):
        """Give a new utlåtande this mall's sections, the placeholders filled in from its
        remissinstans."""
        instans = utlåtande.instans
        nämnd, remiss = instans.nämnd, instans.remiss
        värden = {
            "nämnd": nämnd.namn,
            "nämnd_gemen": nämnd.namn[:1].lower() + nämnd.namn[1:],
            "remiss_titel": remiss.titel,
            "remiss_dnr": remiss.diarienummer,
            "svarsdatum": f"{instans.svarsdatum:%Y-%m-%d}",
            "remissdatum": f"{remiss.remissdatum:%Y-%m-%d}",
            "avsändare": remiss.avsändare,
        }
        Sektion.objects.bulk_create(
            Sektion(
                utlåtande=utlåtande,
                ordning=avsnitt.ordning,
                rubrik=avsnitt.rubrik,
                html=sanera(fyll_i(avsnitt.förifylld_text, värden)),
                obligatorisk=avsnitt.obligatoriskt,
            )
            for avsnitt in self.avsnitt.all()
        )


class Mallavsnitt(models.Model):
    mall = models.ForeignKey(
        Mall, on_delete=models.CASCADE, related_name="avsnitt", verbose_name=_("mall")
    )
    ordning = models.PositiveSmallIntegerField(_("ordning"), default=1)
    rubrik = models.CharField(_("rubrik"), max_length=200)
    förifylld_text = models.TextField(
        _("förifylld text"),
        blank=True,
        help_text=_(
            "HTML. Platshållare: {nämnd}, {nämnd_gemen}, {remiss_titel}, {remiss_dnr}, "
            "{svarsdatum}, {remissdatum}, {avsändare}."
        ),
    )
    obligatoriskt = models.BooleanField(
        _("obligatoriskt"),
        default=True,
        help_text=_(
            "Ett tomt obligatoriskt avsnitt hindrar att utlåtandet skickas till granskning."
        ),
    )

    class Meta:
        verbose_name = _("avsnitt i mall")
        verbose_name_plural = _("avsnitt i mall")
        ordering = ["ordning", "pk"]

    def __str__(self):
        return self.rubrik

    def save(self, *args, **kwargs):
        self.förifylld_text = sanera(self.förifylld_text)
        super().save(*args, **kwargs)

    def clean(self):
        okända = sorted(set(_PLATSHÅLLARE.findall(self.förifylld_text or "")) - set(PLATSHÅLLARE))
        if okända:
            raise ValidationError(
                {
                    "förifylld_text": _("Okänd platshållare %(okända)s. Använd %(kända)s.")
                    % {
                        "okända": ", ".join(f"{{{o}}}" for o in okända),
                        "kända": ", ".join(f"{{{k}}}" for k in PLATSHÅLLARE),
                    }
                }
            )
