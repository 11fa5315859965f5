"""The kommun's formats in document templates: one way to write a date, one letterhead logo.

    {% load kommun %}
    {% dokumentdatum dokument.datum %}   → "2023-10-26" or "26 oktober 2023"
    {% kommunlogotyp %}                  → the logo, or nothing when none is uploaded

Both use the ``kommun`` in the context: the context processor puts it there for a page
(nämnder.context_processors.kommun, read once, when used), the PDF's renderer for a document.
"""

from django import template

register = template.Library()


def kommun_i(context):
    try:
        return context["kommun"]
    except KeyError:
        raise template.TemplateSyntaxError(
            "Mallen behöver kommun i sitt sammanhang (sidans kontextprocessor eller PDF:ens "
            "renderare lägger den där)."
        ) from None


@register.simple_tag(takes_context=True)
def dokumentdatum(context, värde):
    return kommun_i(context).datum(värde)


@register.inclusion_tag("nämnder/_logotyp.html", takes_context=True)
def kommunlogotyp(context):
    return {"kommun": kommun_i(context)}
