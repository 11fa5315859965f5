"""The search form (GET): the query, filters and sort order."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nämnder.kompilerade import kompilerad
from nämnder.models import Nämnd
from remiss.models import Sökpost
from remiss.sok import typer
from remiss.sok.fraga import MAX_TECKEN, Urval
from remiss.sok.text import ren

SORTERINGAR = [("relevans", _("Bäst träff först")), ("datum", _("Nyast först"))]


class SökForm(forms.Form):
    q = forms.CharField(
        label=_("Sök"),
        required=False,
        max_length=MAX_TECKEN,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_(
            "Diarienummer (hela eller en del, till exempel 2023/74) eller ord. "
            "Använd ”citattecken” för en fras och minus före ett ord som inte ska finnas med."
        ),
        error_messages={
            "max_length": _(
                "Sökfrågan får vara högst %(limit_value)d tecken lång (den är %(show_value)d). "
                "Korta den och sök igen."
            )
        },
    )
    ar = forms.TypedChoiceField(
        label=_("År"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    # The nämnder's names and pks as choices, not a ModelChoiceField: a Nämnd object built and
    # iterated for each option on every search page.
    namnd = forms.TypedChoiceField(label=_("Nämnd"), required=False, coerce=int, empty_value=None)
    typ = forms.ChoiceField(
        label=_("Typ"),
        required=False,
        choices=[("", _("Alla")), *Sökpost.Typ.choices],
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    sortera = forms.ChoiceField(label=_("Sortera"), required=False, choices=SORTERINGAR)

    def __init__(self, *args, år=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ar"].choices = [("", _("Alla"))] + [(str(a), str(a)) for a in år]
        self.fields["namnd"].choices = [("", _("Alla")), *((str(pk), n) for pk, n in _nämnder())]
        statusar = sorted({s for typ in typer.alla() for s in typ.statusar()})
        self.fields["status"].choices = [("", _("Alla"))] + [(s, s) for s in statusar]

    def clean_q(self):
        return ren(self.cleaned_data["q"])

    def urval(self):
        data = self.cleaned_data
        return Urval(
            fråga=data["q"],
            år=data.get("ar"),
            nämnd_id=data.get("namnd"),
            typ=data.get("typ") or "",
            status=data.get("status") or "",
            sortera=data.get("sortera") or "relevans",
        )


@kompilerad
def _nämnder():
    return Nämnd.objects.order_by("namn", "pk").values_list("pk", "namn")
