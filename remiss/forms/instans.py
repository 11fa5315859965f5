"""The forms a nämnd's registrator uses on an incoming remissinstans."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from nämnder.diarienummer import Diarienummer
from nämnder.permissions import personer_med_roll
from nämnder.roller import Roll
from remiss.models import Remissinstans


class RegistreraForm(forms.Form):
    diarienummer = forms.CharField(
        label=_("Nämndens diarienummer"),
        max_length=40,
        error_messages={"required": _("Skriv nämndens diarienummer.")},
    )

    def __init__(self, *args, instans, **kwargs):
        super().__init__(*args, **kwargs)
        self.instans = instans
        self.fields["diarienummer"].help_text = _(
            "Skriv det som i nämndens diarium, till exempel %(exempel)s."
        ) % {"exempel": instans.nämnd.diarienummerexempel}
        self.fields["diarienummer"].initial = instans.diarienummer

    def clean_diarienummer(self):
        dnr = Diarienummer.tolka(self.cleaned_data["diarienummer"], self.instans.nämnd)
        upptaget = Remissinstans.objects.filter(diarienummer=str(dnr)).exclude(pk=self.instans.pk)
        if upptaget.exists():
            raise ValidationError(
                _("Diarienumret %(dnr)s används redan för ett annat ärende."),
                params={"dnr": str(dnr)},
                code="upptaget",
            )
        return str(dnr)


class _DeladeVal(ModelChoiceIterator):
    """A field's choices from ``field.delade`` when the form gave it one: a queryset shared
    with another field, whose rows Django reads the first time it is iterated and then keeps
    (the handläggare and medhandläggare fields offer the same people, read once for both)."""

    def __iter__(self):
        delade = getattr(self.field, "delade", None)
        if delade is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in delade:
            yield self.choice(obj)

    def __len__(self):
        delade = getattr(self.field, "delade", None)
        if delade is None:
            return super().__len__()
        return len(delade) + (1 if self.field.empty_label is not None else 0)

    def __bool__(self):
        delade = getattr(self.field, "delade", None)
        if delade is None:
            return super().__bool__()
        return self.field.empty_label is not None or bool(delade)


class PersonVal(forms.ModelChoiceField):
    iterator = _DeladeVal

    def label_from_instance(self, obj):
        return obj.namn_och_befattning


class PersonerVal(forms.ModelMultipleChoiceField):
    iterator = _DeladeVal

    def label_from_instance(self, obj):
        return obj.namn_och_befattning


class Kryssrutor(forms.CheckboxSelectMultiple):
    template_name = "remiss/widgets/kryssrutor.html"
    option_template_name = "remiss/widgets/kryssruta.html"


class TilldelaForm(forms.Form):
    """Only the nämnd's own handläggare and the förvaltning's own avdelningar are offered,
    and only they are accepted: the querysets are the validation."""

    handläggare = PersonVal(
        label=_("Handläggare"),
        queryset=None,
        empty_label=_("Välj handläggare"),
        error_messages={
            "required": _("Välj en handläggare."),
            "invalid_choice": _("Personen är inte handläggare i nämnden."),
        },
    )
    medhandläggare = PersonerVal(
        label=_("Medhandläggare"),
        queryset=None,
        required=False,
        widget=Kryssrutor,
        help_text=_("Fler handläggare som delar ärendet (frivilligt)."),
        error_messages={
            "invalid_choice": _("En av de valda medhandläggarna är inte handläggare i nämnden.")
        },
    )
    avdelning = forms.ModelChoiceField(
        label=_("Avdelning"),
        queryset=None,
        required=False,
        empty_label=_("Ingen särskild avdelning"),
        error_messages={"invalid_choice": _("Avdelningen hör inte till nämndens förvaltning.")},
    )

    def __init__(self, *args, instans, **kwargs):
        super().__init__(*args, **kwargs)
        self.instans = instans
        handläggare = personer_med_roll(instans.nämnd, Roll.HANDLÄGGARE).order_by(
            "last_name", "first_name"
        )
        for namn in ("handläggare", "medhandläggare"):
            # The field's own copy of the queryset validates what is sent; the shared one
            # (evaluated once, then cached by Django) is what is shown.
            self.fields[namn].queryset = handläggare
            self.fields[namn].delade = handläggare
        self.fields["avdelning"].queryset = instans.nämnd.avdelningar.all()
        if instans.handläggare_id:
            self.fields["handläggare"].initial = instans.handläggare_id
            self.fields["avdelning"].initial = instans.avdelning_id

    def clean(self):
        data = super().clean()
        huvud, övriga = data.get("handläggare"), data.get("medhandläggare")
        if huvud and övriga:
            data["medhandläggare"] = [p for p in övriga if p != huvud]
        return data


class AvståForm(forms.Form):
    prefix = "avsta"  # the instans page holds two "motivering" fields; ids must stay unique
    motivering = forms.CharField(
        label=_("Varför avstår nämnden?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Motiveringen visas för kommunstyrelsen."),
        error_messages={"required": _("Skriv varför nämnden avstår från att svara.")},
    )


class AnståndForm(forms.Form):
    prefix = "anstand"
    begärt_datum = forms.DateField(
        label=_("Nytt svarsdatum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Skriv datumet som ÅÅÅÅ-MM-DD."),
        error_messages={
            "required": _("Ange det svarsdatum nämnden begär."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD."),
        },
    )
    motivering = forms.CharField(
        label=_("Motivering"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Till exempel att nämnden sammanträder först efter svarsdatumet."),
        error_messages={"required": _("Skriv varför nämnden behöver anstånd.")},
    )

    def __init__(self, *args, instans, **kwargs):
        super().__init__(*args, **kwargs)
        self.instans = instans

    def clean_begärt_datum(self):
        datum = self.cleaned_data["begärt_datum"]
        if datum <= self.instans.svarsdatum:
            raise ValidationError(
                _("Det nya svarsdatumet måste vara senare än det nuvarande, %(datum)s."),
                params={"datum": f"{self.instans.svarsdatum:%Y-%m-%d}"},
                code="för_tidigt",
            )
        return datum
