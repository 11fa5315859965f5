"""The list endpoints' query parameters: each a plain filter on a list the policy already
narrowed, validated by a form so a bad value is a 400 problem in Swedish, not an empty list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from remiss.models import Remiss, Remissinstans

DATUM_FEL = {"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")}


class RemissFilter(forms.Form):
    status = forms.ChoiceField(choices=Remiss.Status.choices, required=False)
    diarienummer = forms.CharField(max_length=40, required=False)
    mottagare = forms.IntegerField(required=False, min_value=1)
    svarsdatum_fran = forms.DateField(required=False, error_messages=DATUM_FEL)
    svarsdatum_till = forms.DateField(required=False, error_messages=DATUM_FEL)

    def filtrera(self, remisser):
        d = self.cleaned_data
        if d["status"]:
            remisser = remisser.filter(status=d["status"])
        if d["diarienummer"]:
            remisser = remisser.filter(diarienummer=d["diarienummer"].strip())
        if d["mottagare"]:
            remisser = remisser.filter(instanser__nämnd_id=d["mottagare"])
        if d["svarsdatum_fran"]:
            remisser = remisser.filter(sista_svarsdatum__gte=d["svarsdatum_fran"])
        if d["svarsdatum_till"]:
            remisser = remisser.filter(sista_svarsdatum__lte=d["svarsdatum_till"])
        return remisser


class InstansFilter(forms.Form):
    status = forms.ChoiceField(choices=Remissinstans.Status.choices, required=False)
    namnd = forms.IntegerField(required=False, min_value=1)
    remiss = forms.IntegerField(required=False, min_value=1)
    forsenad = forms.NullBooleanField(required=False)

    def filtrera(self, instanser):
        d = self.cleaned_data
        if d["status"]:
            instanser = instanser.filter(status=d["status"])
        if d["namnd"]:
            instanser = instanser.filter(nämnd_id=d["namnd"])
        if d["remiss"]:
            instanser = instanser.filter(remiss_id=d["remiss"])
        if d["forsenad"] is True:
            instanser = instanser.försenade()
        return instanser
