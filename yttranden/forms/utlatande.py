from pathlib import PurePath

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from nämnder.permissions import personer_med_roll
from nämnder.roller import Roll
from remiss import uploads
from remiss.models import Handling
from yttranden.formatering import REDIGERARENS_TILLÄGG, sanera
from yttranden.models import Tjänsteutlåtande


class TextForm(forms.Form):
    """Every section's heading and text, and the version the person started from."""

    grundad_på = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, sektioner, **kwargs):
        super().__init__(*args, **kwargs)
        self.sektioner = list(sektioner)
        for sektion in self.sektioner:
            self.fields[f"rubrik_{sektion.pk}"] = forms.CharField(
                label=_("Rubrik"), max_length=200, initial=sektion.rubrik
            )
            self.fields[f"text_{sektion.pk}"] = ProseEditorFormField(
                label=sektion.rubrik,
                required=False,
                initial=sektion.html,
                config={"extensions": REDIGERARENS_TILLÄGG},
                sanitize=sanera,
            )

    def avsnitt(self):
        """(sektion, heading field, text field) for the template, in document order."""
        return [(s, self[f"rubrik_{s.pk}"], self[f"text_{s.pk}"]) for s in self.sektioner]

    def texter(self):
        return {
            s.pk: (self.cleaned_data[f"rubrik_{s.pk}"], self.cleaned_data[f"text_{s.pk}"])
            for s in self.sektioner
        }


class UppgifterForm(forms.ModelForm):
    handläggare_i_dokumentet = forms.CharField(
        label=_("Handläggare i dokumentet"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "En rad per handläggare: namn, komma, telefonnummer – till exempel ”Fabian Lind, "
            "08-508 31 945”. Ändrar bara dokumentet, inte personernas profiler. Tomt: "
            "ärendets handläggare med telefonnummer från deras profiler."
        ),
    )

    class Meta:
        model = Tjänsteutlåtande
        fields = ["datum", "sammanträde", "underrubrik", "granskare", "attestant"]
        widgets = {"datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "sammanträde": _("Nämndens sammanträde där ärendet ska behandlas."),
            "granskare": _("Får utlåtandet för granskning och undertecknar det."),
            "attestant": _("Attesterar utlåtandet och undertecknar det."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nämnd = self.instance.nämnd
        self.fields["sammanträde"].queryset = nämnd.sammanträden.kommande(
            min(self.instance.datum, timezone.localdate())
        )
        self.fields["granskare"].queryset = personer_med_roll(nämnd, Roll.AVDELNINGSCHEF)
        self.fields["attestant"].queryset = personer_med_roll(nämnd, Roll.DIREKTÖR)
        self.fields["granskare"].label_from_instance = lambda p: p.namn_och_befattning
        self.fields["attestant"].label_from_instance = lambda p: p.namn_och_befattning
        self.fields["underrubrik"].widget.attrs["placeholder"] = self.instance.standardunderrubrik()
        self.initial["handläggare_i_dokumentet"] = "\n".join(
            ", ".join(del_ for del_ in (p.get("namn"), p.get("telefon")) if del_)
            for p in self.instance.handläggare_i_dokumentet
        )

    def clean_underrubrik(self):
        return " ".join(self.cleaned_data["underrubrik"].split())

    def clean_handläggare_i_dokumentet(self):
        personer = []
        for rad in self.cleaned_data["handläggare_i_dokumentet"].splitlines():
            if not rad.strip():
                continue
            namn, _komma, telefon = rad.partition(",")
            namn, telefon = " ".join(namn.split()), " ".join(telefon.split())
            if not namn:
                raise forms.ValidationError(
                    _("Raden ”%(rad)s” saknar namn. Skriv namn, komma, telefonnummer."),
                    params={"rad": rad.strip()},
                )
            personer.append({"namn": namn, "telefon": telefon})
        return personer

    def save(self, commit=True):
        self.instance.handläggare_i_dokumentet = self.cleaned_data["handläggare_i_dokumentet"]
        return super().save(commit=commit)


class BilagaForm(forms.Form):
    """A numbered bilaga: a title, and optionally one of the remiss's own handlingar or a file
    uploaded here (checked by its content, like the remiss's handlingar)."""

    titel = forms.CharField(
        label=_("Ny bilaga"),
        max_length=400,
        required=False,
        help_text=_(
            "Till exempel: Prioriterade samverkansområden. Tom: handlingens eller filens namn."
        ),
    )
    handling = forms.ModelChoiceField(
        label=_("Remissens handling"),
        queryset=Handling.objects.none(),
        required=False,
        empty_label=_("Ingen – bara titeln, eller en egen fil"),
    )
    fil = forms.FileField(
        label=_("Eller en egen fil"),
        required=False,
        help_text=_("PDF, Word (DOCX), Excel (XLSX) eller OpenDocument (ODT)."),
        widget=forms.ClearableFileInput(attrs={"accept": uploads.ACCEPT}),
    )

    def __init__(self, *args, utlåtande=None, **kwargs):
        super().__init__(*args, **kwargs)
        if utlåtande is not None:
            self.fields["handling"].queryset = utlåtande.instans.remiss.handlingar.all()

    def clean_fil(self):
        fil = self.cleaned_data.get("fil")
        if fil:
            uploads.kontrollera(fil)
        return fil

    def clean(self):
        data = super().clean()
        titel = " ".join((data.get("titel") or "").split())
        handling, fil = data.get("handling"), data.get("fil")
        if handling and fil:
            raise forms.ValidationError(
                _("Välj antingen en av remissens handlingar eller en egen fil, inte båda.")
            )
        if not titel and handling:
            titel = PurePath(handling.filnamn).stem
        if not titel and fil:
            titel = PurePath(fil.name).stem
        if not titel and "fil" not in self.errors:
            self.add_error("titel", _("Skriv bilagans titel."))
        data["titel"] = titel
        return data


class WordForm(forms.Form):
    """A draft written in Word, read into the sections by their headings. Prefixed: the
    editing page also has the bilaga form's file field."""

    prefix = "word"

    grundad_på = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    fil = forms.FileField(
        label=_("Word-dokument (DOCX)"),
        help_text=_(
            "Texten under varje rubrik hamnar i avsnittet med samma rubrik. Det du redan har "
            "skrivit i de avsnitten ersätts; tidigare versioner finns kvar under Versioner."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": f".docx,{uploads.DOCX}"}),
        error_messages={
            "required": _("Välj ett Word-dokument (DOCX)."),
            "empty": _("Filen är tom. Spara dokumentet i Word och försök igen."),
        },
    )

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        if PurePath(fil.name).suffix.lower() != ".docx":
            raise forms.ValidationError(
                _(
                    "%(namn)s är inte ett Word-dokument (DOCX). Spara det som .docx i Word och "
                    "försök igen."
                ),
                params={"namn": PurePath(fil.name).name},
            )
        uploads.kontrollera(fil)
        return fil


class KommentarForm(forms.Form):
    sektion = forms.TypedChoiceField(label=_("Gäller"), coerce=int, empty_value=None)
    text = forms.CharField(
        label=_("Kommentar"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv en kommentar.")},
    )

    def __init__(self, *args, utlåtande, **kwargs):
        super().__init__(*args, **kwargs)
        self.utlåtande = utlåtande
        self.fields["sektion"].choices = [("", _("Hela utlåtandet"))] + [
            (s.pk, s.rubrik) for s in utlåtande.sektioner.all()
        ]
        self.fields["sektion"].required = False

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Skriv en kommentar."))
        return text

    def vald_sektion(self):
        pk = self.cleaned_data.get("sektion")
        return self.utlåtande.sektioner.get(pk=pk) if pk else None


class MotiveringForm(forms.Form):
    motivering = forms.CharField(
        label=_("Skäl"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Skriv ett skäl.")},
    )

    def __init__(self, *args, etikett=None, **kwargs):
        super().__init__(*args, **kwargs)
        if etikett:
            self.fields["motivering"].label = etikett

    def clean_motivering(self):
        motivering = self.cleaned_data["motivering"].strip()
        if not motivering:
            raise forms.ValidationError(_("Skriv ett skäl."))
        return motivering


class JämförForm(forms.Form):
    från = forms.TypedChoiceField(label=_("Jämför textversion"), coerce=int)
    till = forms.TypedChoiceField(label=_("med textversion"), coerce=int)

    def __init__(self, *args, nummer, **kwargs):
        super().__init__(*args, **kwargs)
        val = [(n, str(n)) for n in nummer]
        self.fields["från"].choices = val
        self.fields["till"].choices = val
