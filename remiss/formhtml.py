"""The form markup every page has, written in Python rather than rendered from templates.

Django renders each field through templates: the field group, then the widget, which includes
its attributes and, for a select, one template per option. On the search page, the instans
page and the editor that was a third of the page's rendering (a select of 40 nämnder is 40
template renders). These functions write the same HTML: the widgets exactly as Django's own
templates do (tests/test_formhtml.py renders both and compares them character by character;
Django strips a rendered template, but not an included one such as each option),
the field group and form as Designsystemet's markup below. A widget with a template of its own
(a radio list, the project's checkboxes) is still rendered from its template.
"""

from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe


def _attribut(attrs):
    """django/forms/widgets/attrs.html: True is a bare attribute, False none."""
    delar = []
    for namn, värde in attrs.items():
        if värde is True:
            delar.append(f" {conditional_escape(namn)}")
        elif värde is not False:
            delar.append(f' {conditional_escape(namn)}="{conditional_escape(värde)}"')
    return mark_safe("".join(delar))


def inmatning(context):
    """django/forms/widgets/input.html (text, search, e-mail, number, date, hidden …)."""
    widget = context["widget"]
    värde = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        värde,
        _attribut(widget["attrs"]),
    )


def _option(option):
    # An f-string of escaped parts rather than format_html: a select of 40 nämnder is 40 of these.
    värde, etikett = conditional_escape(option["value"]), conditional_escape(option["label"])
    return f'<option value="{värde}"{_attribut(option["attrs"])}>{etikett}</option>\n'


def select(context):
    """django/forms/widgets/select.html with select_option.html for each option."""
    widget = context["widget"]
    delar = [format_html('<select name="{}"{}>', widget["name"], _attribut(widget["attrs"]))]
    for gruppnamn, alternativ, _index in widget["optgroups"]:
        if gruppnamn:
            delar.append(format_html('\n  <optgroup label="{}">', gruppnamn))
        delar.extend("\n  " + _option(option) for option in alternativ)
        if gruppnamn:
            delar.append(mark_safe("\n  </optgroup>"))
    delar.append(mark_safe("\n</select>"))
    return mark_safe("".join(delar))


def textarea(context):
    """django/forms/widgets/textarea.html."""
    widget = context["widget"]
    return format_html(
        '<textarea name="{}"{}>\n{}</textarea>',
        widget["name"],
        _attribut(widget["attrs"]),
        widget["value"] or "",
    )


def fältgrupp(context):
    """A field with its label, description and error messages (Designsystemet's ds-field):
    the description and the errors are tied to the input by id (aria-describedby, set by
    remiss.formrenderer.DesignsystemetBoundField)."""
    fält = context["field"]
    obligatoriskt = (
        mark_safe(' <span class="obligatorisk">(obligatoriskt)</span>')
        if fält.field.required
        else ""
    )
    beskrivning = ""
    if fält.help_text:
        beskrivning = format_html(
            '<p class="ds-paragraph" data-field="description" id="{}_helptext">{}</p>',
            fält.auto_id,
            fält.help_text,
        )
    if fält.use_fieldset:
        innehåll = format_html(
            '<fieldset class="ds-fieldset"><legend class="ds-label">{}{}</legend>{}{}</fieldset>',
            fält.label,
            obligatoriskt,
            beskrivning,
            fält,
        )
    else:
        innehåll = format_html(
            '<label class="ds-label" for="{}">{}{}</label>{}{}',
            fält.id_for_label,
            fält.label,
            obligatoriskt,
            beskrivning,
            fält,
        )
    fel = ""
    if fält.errors:
        fel = format_html(
            '<div class="ds-validation-message" data-field="validation" id="{}_fel">{}</div>',
            fält.auto_id,
            format_html_join("", "<p>{}</p>", ((e,) for e in fält.errors)),
        )
    ogiltigt = mark_safe(" data-invalid") if fält.errors else ""
    return format_html('<div class="ds-field"{}>{}{}</div>', ogiltigt, innehåll, fel)


def formulär(context, renderer):
    """Every visible field as a field group, then the hidden ones; a summary of the errors
    first (forms/_error_summary.html, a template: it is shown only when something is wrong)."""
    form = context["form"]
    delar = []
    if form.errors:
        delar.append(mark_safe(renderer.render("forms/_error_summary.html", {"form": form})))
    delar.extend(fält.as_field_group() for fält, _fel in context["fields"])
    delar.extend(conditional_escape(fält) for fält in context["hidden_fields"])
    return mark_safe("".join(delar))
