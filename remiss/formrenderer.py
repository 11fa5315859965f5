"""Forms render with Designsystemet's field markup everywhere, so views and templates just write
``{{ form }}`` and still get labels, descriptions and error messages tied to their inputs."""

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting

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


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
    bound_field_class = DesignsystemetBoundField
