"""The kommun's formats in document templates: one way to write a date, one letterhead logo.

    {% load kommun %}
    {% dokumentdatum dokument.datum %}   → "2023-10-26" or "26 oktober 2023"
    {% kommunlogotyp %}                  → the logo, or nothing when none is uploaded

Both use the ``kommun`` in the context (the renderer or the context processor puts it there)
and otherwise read it once per render.
"""

from django import template

from nämnder.models import Kommun

register = template.Library()


def kommun_i(context):
    kommun = context.get("kommun")
    if kommun is None:
        if "kommun" not in context.render_context:
            context.render_context["kommun"] = Kommun.aktuell()
        kommun = context.render_context["kommun"]
    return kommun


@register.simple_tag(takes_context=True)
def dokumentdatum(context, värde):
    return kommun_i(context).datum(värde)


@register.inclusion_tag("nämnder/_logotyp.html", takes_context=True)
def kommunlogotyp(context):
    return {"kommun": kommun_i(context)}
