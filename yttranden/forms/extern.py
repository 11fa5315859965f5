"""The form an external contact person answers through (yttranden/views/extern.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from remiss.forms.instans import AnståndForm
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


class ExterntAnståndForm(AnståndForm):
    """An external organisation's request for a later svarsdatum, from its answer page; the
    same form as a nämnd's registrator's, worded for the organisation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["begärt_datum"].error_messages["required"] = _("Ange det svarsdatum ni begär.")
        self.fields["motivering"].error_messages["required"] = _("Skriv varför ni behöver anstånd.")
        self.fields["motivering"].help_text = _(
            "Till exempel att styrelsen eller rådet sammanträder först efter svarsdatumet."
        )
