"""The form an external contact person answers through (yttranden/views/extern.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from yttranden.formatering import REDIGERARENS_TILLÄGG, sanera


class ExterntSvarForm(forms.Form):
    grundad_på = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    text = ProseEditorFormField(
        label=_("Organisationens svar"),
        required=False,
        config={"extensions": REDIGERARENS_TILLÄGG},
        sanitize=sanera,
        help_text=_("Rubriker, listor, fetstil, kursiv och länkar behålls; annat tas bort."),
    )
    rattelse = forms.CharField(
        label=_("Vad som rättats"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Behövs när svaret redan är inskickat: rättelsen blir ett nytt, numrerat svar."
        ),
    )

    def __init__(self, *args, förslag=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.förslag = list(förslag)

    def ställningstaganden(self):
        return {}
