from django import forms
from django.utils.translation import gettext_lazy as _

from nämnder.models import Parti
from yttranden.models import Tjänsteutlåtande, Uttalande


class ÄrendeForm(forms.Form):
    utlåtande = forms.ModelChoiceField(
        label=_("Attesterat tjänsteutlåtande"), queryset=Tjänsteutlåtande.objects.none()
    )
    nummer = forms.IntegerField(label=_("Ärendenummer"), min_value=1, max_value=999)

    def __init__(self, *args, utlåtanden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["utlåtande"].queryset = utlåtanden
        self.fields["utlåtande"].label_from_instance = lambda u: (
            f"{u.instans.remiss.diarienummer} {u.instans.remiss.titel} ({u.instans.diarienummer})"
        )


class BeslutForm(forms.Form):
    text = forms.CharField(
        label=_("Nämndens beslut"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Förvaltningens förslag är ifyllt. Ändra om nämnden beslutade annorlunda."),
    )
    paragraf = forms.IntegerField(
        label=_("Paragraf (§) i protokollet"),
        min_value=1,
        max_value=9999,
        required=False,
        help_text=_("Nästa lediga paragraf i nämndens protokoll i år är ifylld."),
    )
    justeras_omedelbart = forms.BooleanField(
        label=_("Beslutet justeras omedelbart"), required=False
    )
    justeringsdatum = forms.DateField(
        label=_("Justeringsdatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("När protokollet justeras, om beslutet inte justeras omedelbart."),
    )


class UttalandeForm(forms.Form):
    typ = forms.ChoiceField(
        label=_("Typ"),
        choices=Uttalande.Typ.choices,
        widget=forms.RadioSelect,
        initial=Uttalande.Typ.SÄRSKILT_UTTALANDE,
    )
    partier = forms.MultipleChoiceField(label=_("Partier"), widget=forms.CheckboxSelectMultiple)
    ledamöter = forms.CharField(
        label=_("Ledamöter"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("En rad per ledamot, till exempel Pernilla Enebrink m.fl. (L)."),
    )
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The kommun's parties, edited in the admin (nämnder.Parti).
        self.fields["partier"].choices = [(p.förkortning, str(p)) for p in Parti.objects.aktiva()]


class RättelseForm(forms.Form):
    rättelse = forms.CharField(
        label=_("Vad har rättats?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Rättelsen skickas som ett nytt, numrerat svar. Det tidigare svaret finns kvar."
        ),
    )
