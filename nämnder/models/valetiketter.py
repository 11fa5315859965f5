"""Choice labels from a table per field and language instead of rebuilt for every call.

Django's ``get_FOO_display()`` builds a dict of all of a field's choices each time it is called,
and hashing the lazily translated labels translates every one of them: a matrix whose history
shows 50 events translated over a thousand labels (12 % of the page's time in the profile,
README "Sidornas mallar"). The labels are the same for every row, so they are made once per
field and language.
"""

import functools

from django.utils.translation import get_language


@functools.cache
def _etiketter(fält, språk):
    # ``språk`` is part of the key only: ``str()`` translates into the active language.
    return {värde: str(etikett) for värde, etikett in fält.flatchoices}


def etikett(modell, fältnamn, värde):
    """The label of ``värde`` in ``modell``'s field ``fältnamn``, as ``get_FOO_display()`` gives
    it, for a row read as values (``.values()``) rather than as a model instance."""
    try:
        return _etiketter(modell._meta.get_field(fältnamn), get_language())[värde]
    except (KeyError, TypeError):  # a value outside the choices, as Django: the value itself
        return värde


class Valetiketter:
    """Put before ``models.Model`` in the bases of a model whose ``get_FOO_display()`` is called
    per row; the text is the same as Django's."""

    def _get_FIELD_display(self, field):
        värde = getattr(self, field.attname)
        try:
            return _etiketter(field, get_language())[värde]
        except (KeyError, TypeError):  # a value outside the choices, or one not hashable
            return super()._get_FIELD_display(field)
