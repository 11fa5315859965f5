"""The filters and sort order of KS's overview of all remisser (a GET form)."""

from django import forms
from django.utils.translation import gettext_lazy as _

STATUSAR = [
    ("", _("Alla")),
    ("oppna", _("Öppna")),
    ("forsenade", _("Med försenade svar")),
    ("avslutade", _("Avslutade")),
]
UTKAST = ("utkast", _("Utkast"))
SORTERINGAR = [
    ("-remissdatum", _("Remissdatum, nyast först")),
    ("remissdatum", _("Remissdatum, äldst först")),
    ("svarsdatum", _("Sista svarsdatum, närmast först")),
    ("-svarsdatum", _("Sista svarsdatum, senast först")),
    ("dnr", _("Diarienummer, stigande")),
    ("-dnr", _("Diarienummer, fallande")),
    ("svarslage", _("Svarsläge, minst besvarade först")),
    ("-svarslage", _("Svarsläge, mest besvarade först")),
]


class ÖversiktFilter(forms.Form):
    status = forms.ChoiceField(label=_("Visa"), required=False, choices=STATUSAR)
    avsandare = forms.ChoiceField(label=_("Rotel eller avsändare"), required=False)
    ar = forms.TypedChoiceField(
        label=_("År"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    sortera = forms.ChoiceField(
        label=_("Sortera efter"),
        required=False,
        choices=SORTERINGAR,
    )

    def __init__(self, *args, avsändare=(), år=(), visa_utkast=False, **kwargs):
        super().__init__(*args, **kwargs)
        if visa_utkast:
            self.fields["status"].choices = [*STATUSAR, UTKAST]
        self.fields["avsandare"].choices = [("", _("Alla"))] + [(a, a) for a in avsändare]
        self.fields["ar"].choices = [("", _("Alla"))] + [(str(a), str(a)) for a in år]

    def värden(self):
        """The valid choices; an invalid one (an old bookmark, say) is simply ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {namn: data.get(namn) or None for namn in self.fields}
