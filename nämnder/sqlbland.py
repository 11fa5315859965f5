"""``fält = ANY(%s)``: a list of values as one array parameter.

``filter(pk__in=pks)`` gives a placeholder and a compiled parameter for each value: compiling a
list of 50 remisser's late instanser took longer than running it, and a query of a new length
each time is never the same statement, so the server cannot prepare it once. With one array
parameter the SQL is the same whatever the length (and nämnder/kompilerade.py can reuse it).
"""

from django.db.models import BooleanField, F, Func


class Bland(Func):
    """``Bland("remiss", pks)``: the rows whose ``remiss`` is one of ``pks``."""

    output_field = BooleanField()

    def __init__(self, fält, värden):
        super().__init__(F(fält) if isinstance(fält, str) else fält)
        self.värden = list(värden)

    def as_sql(self, compiler, connection, **extra):
        kolumn, parametrar = compiler.compile(self.source_expressions[0])
        return f"{kolumn} = ANY(%s)", [*parametrar, self.värden]

    def as_sqlite(self, compiler, connection, **extra):
        kolumn, parametrar = compiler.compile(self.source_expressions[0])
        if not self.värden:
            return "1 = 0", parametrar
        platser = ", ".join(["%s"] * len(self.värden))
        return f"{kolumn} IN ({platser})", [*parametrar, *self.värden]
