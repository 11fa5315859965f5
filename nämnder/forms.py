from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nämnder.models import Sammanträde


class SammanträdeForm(forms.ModelForm):
    class Meta:
        model = Sammanträde
        fields = ["datum", "tid", "plats"]
        widgets = {
            "datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tid": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {"datum": _("Skriv datumet som ÅÅÅÅ-MM-DD.")}

    def __init__(self, *args, nämnd, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.nämnd = nämnd

    def validate_unique(self):
        # The nämnd is not a form field, but "one meeting per nämnd and day" must still be checked.
        exclude = self._get_validation_exclusions() - {"nämnd"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as fel:
            self._update_errors(fel)
