"""The API validates input twice, as the web does once: a serializer for the shape (types, the
schema's promise), then the web's own form for the meaning (a diarienummer in the nämnd's
pattern, a handläggare of that nämnd), so an API client is told exactly what a person would be,
in the same Swedish."""

from rest_framework.exceptions import ValidationError


def indata(serializer_klass, request, **kwargs):
    serializer = serializer_klass(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def formulär(form, namn=None):
    """``form`` cleaned, or a 400 problem with its errors under the API's field names
    (``namn`` maps the form's names to the API's where they differ)."""
    if form.is_valid():
        return form.cleaned_data
    namn = namn or {}
    fel = {}
    for fält, lista in form.errors.items():
        nyckel = "non_field_errors" if fält == "__all__" else namn.get(fält, fält)
        fel.setdefault(nyckel, []).extend(lista)
    raise ValidationError(fel)
