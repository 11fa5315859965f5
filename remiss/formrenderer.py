"""Forms render with Designsystemet's field markup everywhere, so views and templates just write
``{{ form }}`` and still get labels, descriptions and error messages tied to their inputs."""

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting

from remiss import formhtml

UTAN_INPUT_KLASS = {"file", "hidden"}


class DesignsystemetBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        input_type = getattr(widget, "input_type", None)
        if input_type not in UTAN_INPUT_KLASS:
            attrs.setdefault("class", "ds-input")
        if self.errors:
            fel_id = f"{self.auto_id}_fel"
            beskrivning = attrs.get("aria-describedby", "")
            attrs["aria-describedby"] = f"{fel_id} {beskrivning}".strip()
        return attrs

    @property
    def aria_describedby(self):
        """Django's, without its ``<id>_error``: the error messages' element is ``<id>_fel``
        here (remiss/formhtml.py), named first by build_widget_attrs."""
        ids = super().aria_describedby
        return ids and " ".join(i for i in ids.split() if i != f"{self.auto_id}_error")


_WIDGETS = "django/forms/widgets/"
# Django's widget templates whose markup remiss/formhtml.py writes in Python; every input type
# is input.html included by a template of its own name.
I_PYTHON = {
    **{
        f"{_WIDGETS}{namn}.html": formhtml.inmatning
        for namn in (
            "input", "text", "search", "email", "url", "number", "password", "hidden",
            "date", "datetime", "time", "tel", "color", "checkbox",
        )
    },
    f"{_WIDGETS}select.html": formhtml.select,
    f"{_WIDGETS}textarea.html": formhtml.textarea,
    "forms/field.html": formhtml.fältgrupp,
}  # fmt: skip


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
    bound_field_class = DesignsystemetBoundField

    def render(self, template_name, context, request=None):
        if template_name == self.form_template_name:
            return formhtml.formulär(context, self)
        if skriv := I_PYTHON.get(template_name):
            return skriv(context)
        return super().render(template_name, context, request)
