"""KS's register of external organisations and their contact people."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from remiss.models import Kontaktperson, Organisation
from remiss.models.organisation import normalisera_organisationsnummer


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["namn", "organisationsnummer", "aktiv"]
        error_messages = {
            "namn": {"required": _("Skriv organisationens namn.")},
            "organisationsnummer": {"required": _("Skriv organisationsnumret, NNNNNN-NNNN.")},
        }

    def clean_organisationsnummer(self):
        return normalisera_organisationsnummer(self.cleaned_data["organisationsnummer"])


class KontaktpersonForm(forms.ModelForm):
    class Meta:
        model = Kontaktperson
        fields = ["namn", "epost", "aktiv"]
        error_messages = {
            "namn": {"required": _("Skriv kontaktpersonens namn.")},
            "epost": {
                "required": _("Skriv kontaktpersonens e-postadress."),
                "invalid": _("Skriv en giltig e-postadress, till exempel namn@exempel.se."),
            },
        }


KontaktpersonFormSet = inlineformset_factory(
    Organisation,
    Kontaktperson,
    form=KontaktpersonForm,
    extra=1,
    can_delete=False,
)


class LäggTillOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        error_messages={"required": _("Välj en organisation.")},
    )

    def __init__(self, *args, remiss, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.aktiva().exclude(
            pk__in=remiss.instanser.filter(organisation__isnull=False).values("organisation")
        )
