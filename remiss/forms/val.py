"""A select for the list pages' filters, written in Python."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class Val(forms.Select):
    """A select whose options are written in Python, not one template each: the search page
    shows every nämnd and status on every search, and that was a third of its rendering; KS
    overview's filters offer every avsändare and year."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        alternativ = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (o["value"], mark_safe(" selected") if o["selected"] else "", o["label"])
                for _namn, grupp, _index in widget["optgroups"]
                for o in grupp
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), alternativ
        )
