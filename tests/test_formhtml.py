"""The widgets written in Python (remiss/formhtml.py) give exactly the HTML Django's own
templates give, character for character, and the field groups keep Designsystemet's markup:
label tied to the input, description and errors tied to it by id, required marked."""

import datetime

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from remiss.formrenderer import I_PYTHON, FormRenderer

FARLIGT = "<script>alert(\"x\")</script> & 'citat'"


class AllaSorter(forms.Form):
    text = forms.CharField(label=_("Titel"), max_length=10, help_text="Högst <10> tecken")
    sök = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    epost = forms.EmailField(required=False)
    adress = forms.URLField(required=False, assume_scheme="https")
    tal = forms.IntegerField(required=False, min_value=1)
    decimal = forms.DecimalField(required=False)
    lösen = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    dold = forms.CharField(required=False, widget=forms.HiddenInput)
    datum = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tid = forms.DateTimeField(required=False)
    klockan = forms.TimeField(required=False)
    telefon = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "tel"}))
    kryss = forms.BooleanField(required=False)
    av = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={"disabled": False}))
    val = forms.ChoiceField(choices=[("", "Alla"), ("a", "A & B"), ("<b>", FARLIGT)])
    grupper = forms.ChoiceField(
        required=False,
        choices=[("", "Ingen"), ("Nämnder", [("1", "UN"), ("2", "SOD")]), ("x", "Annan")],
    )
    flera = forms.MultipleChoiceField(required=False, choices=[("1", "Ett"), ("2", "Två")])
    lång = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


VÄRDEN = [
    {},
    {
        "text": FARLIGT,
        "sök": "a\"b'c",
        "epost": "fel",
        "adress": "https://example.se/?a=1&b=2",
        "tal": "0",
        "decimal": "1.5",
        "lösen": "hemligt<",
        "dold": FARLIGT,
        "datum": "2026-11-30",
        "tid": "2026-11-30 10:00",
        "klockan": "10:00",
        "telefon": "08-123",
        "kryss": "on",
        "val": "<b>",
        "grupper": "2",
        "flera": ["1", "2"],
        "lång": "</textarea><b>fet</b>\nrad två",
    },
]


@pytest.mark.parametrize("data", VÄRDEN)
def test_every_widget_written_in_python_is_djangos_own_html(data):
    form = AllaSorter(data or None, initial={"datum": datetime.date(2026, 1, 2), "tal": 3})
    django_själv = TemplatesSetting()
    i_python = 0
    for fält in form:
        widget = fält.field.widget
        attrs = fält.build_widget_attrs({"id": fält.auto_id, "class": "ds-input"})
        context = widget.get_context(fält.html_name, fält.value(), attrs)
        mall = widget.template_name
        if mall not in I_PYTHON:
            continue
        i_python += 1
        assert str(I_PYTHON[mall](context)) == django_själv.render(mall, context), fält.name
    assert i_python == len(form.fields)  # every kind the project uses, and compared


def test_a_field_group_ties_label_description_and_errors_to_the_input():
    form = AllaSorter({"text": "för lång text här", "val": ""}, renderer=FormRenderer())
    html = form["text"].as_field_group()
    assert '<div class="ds-field" data-invalid>' in html
    assert '<label class="ds-label" for="id_text">Titel' in html
    assert '<span class="obligatorisk">(obligatoriskt)</span>' in html
    assert 'id="id_text_helptext">Högst &lt;10&gt; tecken</p>' in html
    assert 'id="id_text_fel"><p>Säkerställ att detta värde har som mest 10 tecken' in html
    assert 'aria-describedby="id_text_fel id_text_helptext"' in html
    valfritt = form["sök"].as_field_group()
    assert "obligatoriskt" not in valfritt and "data-invalid" not in valfritt


def test_the_form_starts_with_an_error_summary_and_ends_with_its_hidden_fields():
    form = AllaSorter({"text": "", "dold": FARLIGT}, renderer=FormRenderer())
    html = str(form)
    assert html.startswith('<div class="ds-error-summary" role="alert"')
    assert '<a class="ds-link" href="#id_text">Titel: Detta fält måste fyllas i.</a>' in html
    assert html.rstrip().endswith(
        '<input type="hidden" name="dold" value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
        ' &amp; &#x27;citat&#x27;" id="id_dold">'
    )
    assert "<script>" not in html
    utan_fel = str(AllaSorter(renderer=FormRenderer()))
    assert "ds-error-summary" not in utan_fel and utan_fel.count('class="ds-field"') == 17


def test_a_radio_list_is_still_rendered_from_its_template_as_a_fieldset():
    class Radio(forms.Form):
        svar = forms.ChoiceField(
            label="Svar", choices=[("j", "Ja"), ("n", "Nej")], widget=forms.RadioSelect
        )

    html = Radio(renderer=FormRenderer())["svar"].as_field_group()
    assert '<fieldset class="ds-fieldset"><legend class="ds-label">Svar' in html
    assert 'type="radio" name="svar" value="j"' in html
