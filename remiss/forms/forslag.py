"""Forms for a remiss's förslag and for the stances on them.

- ``FörslagFormSet``: KS's remissamordnare lists, edits, reorders (the "Ordning" number) and
  removes the förslag of a draft remiss, on the remiss's register and edit pages.
- ``StällningstagandenForm``: one stance and one comment per förslag, for any answer (a nämnd's
  tjänsteutlåtande, an external organisation's answer page). Render it with the partial
  ``templates/remiss/_stallningstaganden_form.html`` (``{% include … with form=… %}``) and read
  the result with ``värden()``: ``{förslag_pk: (ståndpunkt, kommentar)}``, the shape
  ``Ställningstagande.lämna`` takes.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from remiss.models import Förslag, Remiss, Ståndpunkt
from remiss.models.forslag import saknade

LÄNGSTA_KOMMENTAR = 20_000


class FörslagForm(forms.ModelForm):
    ordning = forms.IntegerField(
        label=_("Ordning"),
        required=False,
        min_value=1,
        max_value=999,
        error_messages={"invalid": _("Skriv ordningen som ett heltal.")},
        widget=forms.NumberInput(attrs={"class": "ds-input ordning"}),
    )

    class Meta:
        model = Förslag
        fields = ["rubrik", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        labels = {"rubrik": _("Förslag"), "text": _("Beskrivning (valfri)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rubrik"].required = False  # an empty extra row is simply not saved
        if self.instance.pk:
            self.fields["ordning"].initial = self.instance.nummer

    def clean(self):
        cleaned = super().clean()
        rubrik = (cleaned.get("rubrik") or "").strip()
        if not rubrik and (cleaned.get("text") or "").strip():
            self.add_error("rubrik", _("Skriv förslaget, eller töm beskrivningen."))
        if not rubrik and self.instance.pk and not cleaned.get("DELETE"):
            self.add_error("rubrik", _("Skriv förslaget, eller kryssa i Ta bort."))
        cleaned["rubrik"] = rubrik
        return cleaned


class BasFörslagFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Ta bort")

    def giltig(self):
        """Valid, or not sent at all (then ``spara`` leaves the förslag as they are)."""
        return not self.is_bound or self.is_valid()

    def spara(self, remiss, av):
        """Save the förslag in the order of their "Ordning" numbers (ties and blanks keep the
        order on the page) and record it; only when something changed."""
        if not self.is_bound or not self.has_changed():
            return
        behållna, borttagna = [], []
        for plats, form in enumerate(self.forms):
            if self.can_delete and self._should_delete_form(form):
                borttagna.append(form.instance)
            elif form.cleaned_data.get("rubrik"):
                ordning = form.cleaned_data.get("ordning") or 1000 + plats
                behållna.append((ordning, plats, form.save(commit=False)))
        rader = [förslag for _o, _p, förslag in sorted(behållna, key=lambda r: r[:2])]
        Förslag.spara_för(remiss, rader, borttagna, av)


FörslagFormSet = inlineformset_factory(
    Remiss,
    Förslag,
    form=FörslagForm,
    formset=BasFörslagFormSet,
    extra=3,
    can_delete=True,
    max_num=50,
    validate_max=True,
)


class StällningstagandenForm(forms.Form):
    """One stance (radio buttons) and one comment per förslag.

    ``initial`` is ``{förslag_pk: (ståndpunkt, kommentar)}``. With ``kräv_alla`` every förslag
    must have a stance (when an answer is submitted); without it a draft may be saved with some
    left open."""

    def __init__(self, *args, förslag, initial=None, kräv_alla=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.förslag, self.kräv_alla = list(förslag), kräv_alla
        initial = initial or {}
        for f in self.förslag:
            ståndpunkt, kommentar = initial.get(f.pk) or ("", "")
            self.fields[f"standpunkt_{f.pk}"] = forms.ChoiceField(
                label=_("Ställningstagande"),
                choices=Ståndpunkt.choices,
                required=False,
                initial=ståndpunkt,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Välj ett av ställningstagandena.")},
            )
            self.fields[f"kommentar_{f.pk}"] = forms.CharField(
                label=_("Kommentar"),
                required=False,
                initial=kommentar,
                max_length=LÄNGSTA_KOMMENTAR,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def rader(self):
        """(förslag, stance field, comment field) per förslag, for the partial."""
        return [(f, self[f"standpunkt_{f.pk}"], self[f"kommentar_{f.pk}"]) for f in self.förslag]

    def clean(self):
        cleaned = super().clean()
        if self.kräv_alla:
            värden = self._värden(cleaned)
            for f in self.förslag:
                for text in saknade([f], värden):
                    self.add_error(f"standpunkt_{f.pk}", ValidationError(text, code="saknas"))
        return cleaned

    def _värden(self, cleaned):
        return {
            f.pk: (
                cleaned.get(f"standpunkt_{f.pk}") or "",
                (cleaned.get(f"kommentar_{f.pk}") or "").strip(),
            )
            for f in self.förslag
        }

    def värden(self):
        """``{förslag_pk: (ståndpunkt, kommentar)}`` from a valid form ("" for no stance)."""
        return self._värden(self.cleaned_data)
