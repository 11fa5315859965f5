from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from nämnder.permissions import personer_med_roll
from nämnder.roller import Roll
from yttranden.formatering import REDIGERARENS_TILLÄGG, sanera
from yttranden.models import Bilaga, Tjänsteutlåtande


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
    class Meta:
        model = Tjänsteutlåtande
        fields = ["datum", "sammanträde", "granskare", "attestant"]
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


class BilagaForm(forms.ModelForm):
    class Meta:
        model = Bilaga
        fields = ["titel"]
        labels = {"titel": _("Ny bilaga")}
        help_texts = {"titel": _("Till exempel: Prioriterade samverkansområden.")}

    def clean_titel(self):
        titel = " ".join(self.cleaned_data["titel"].split())
        if not titel:
            raise forms.ValidationError(_("Skriv bilagans titel."))
        return titel


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
    från = forms.TypedChoiceField(label=_("Jämför version"), coerce=int)
    till = forms.TypedChoiceField(label=_("med version"), coerce=int)

    def __init__(self, *args, nummer, **kwargs):
        super().__init__(*args, **kwargs)
        val = [(n, str(n)) for n in nummer]
        self.fields["från"].choices = val
        self.fields["till"].choices = val
