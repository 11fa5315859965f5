"""A value from the code written into the SQL itself, not sent as a parameter.

The project's queries are prepared (README "Förberedda frågor"), and PostgreSQL may then run a
generic plan made without the parameters' values. A partial index (the open remissinstanser,
the outbox's unfinished rows) is usable only where the planner can prove the query's condition
implies the index's: ``status <> ALL ('{besvarad,avstar}')`` can be checked against the index,
``status <> ALL ($3)`` cannot, and the generic plan reads the whole history instead. The
statuses in such a condition are constants of the code, so they are written as literals.
"""

import re

from django.db.models import Value

_TILLÅTEN = re.compile(r"[A-Za-z0-9_]+")


class Konstant(Value):
    """A status or another identifier-like code constant as an SQL literal: ``filter(status=
    Konstant("vantar"))``, ``exclude(status__in=konstanter(KLARA))``. Anything else (user input,
    text with quotes) is refused."""

    def __init__(self, value, output_field=None):
        if not isinstance(value, str) or not _TILLÅTEN.fullmatch(value):
            raise ValueError(f"Inte en konstant som kan skrivas i SQL: {value!r}")
        super().__init__(str(value), output_field)

    def as_sql(self, compiler, connection):
        return f"'{self.value}'", []


def konstanter(värden):
    return [Konstant(str(värde)) for värde in värden]
