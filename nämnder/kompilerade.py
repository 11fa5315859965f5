"""Querysets built and compiled to SQL once per process and shape, then run with new values.

On a page, building a queryset (its filters, the access policy's Q, select_related, the
annotations) and compiling it to SQL costs more than PostgreSQL takes to run it: the instans
page's queries took 10 ms to compile and 9 ms to run. ``Kompilerad`` builds the queryset once
for each shape, with stand-in values for what varies between calls, finds the stand-ins among
the compiled parameters, and from then on runs the same SQL with the real values through
Django's own iteration (model instances, select_related, annotations, values(), prefetches).

A builder is a function ``bygg(*form, **värden)`` returning a queryset. ``form`` is what
decides the SQL itself (the person's roles, a flag; hashable, part of the cache key); ``värden``
are what only fills the parameters (pks, today's date, a string, a list of pks as one array
parameter through nämnder/sqlbland.py) and must go into filters as they are. What that means
is checked, not trusted: each shape is compiled twice with two sets of stand-ins, and the two
must be the same SQL with the stand-ins in the same places and every other parameter equal. A
value the builder changed (a day added to a date, a string put in a LIKE pattern) or one that
changes the SQL (a list's length, as ``pk__in`` makes it) is refused with an error, never baked
in; so is a date or time among the fixed parameters (``timezone.localdate()`` called inside the
builder would otherwise be tomorrow's stale "today").

PostgreSQL only: elsewhere (SQLite in the demo) each call builds and runs the queryset as
usual, since other backends turn a date into text before it is a parameter.
"""

import copy
import datetime
import functools

from django.core.exceptions import EmptyResultSet
from django.db import connections

# Stand-ins no real value is: far below any pk, long before any remiss, text from the Private
# Use Area. Integers stay inside a 32-bit integer column's range (Django answers an exact
# lookup outside it with an empty result, no parameter at all).
_HELTAL = -2_000_000_000
_FÖRSTA_DAG = datetime.date(1001, 1, 1)


def _ersättare(namn_nr, värde, omgång):
    if isinstance(värde, bool) or värde is None:
        raise TypeError("ett sant/falskt värde eller None avgör frågans form: ange det i form")
    if isinstance(värde, list):
        # One array parameter (nämnder/sqlbland.py); pk__in would make one per value.
        if värde and all(isinstance(v, str) for v in värde):
            return [f"\ue000{omgång}:{namn_nr}\ue000", f"\ue001{omgång}"]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in värde):
            raise TypeError("bara en lista av heltal eller av text kan förkompileras")
        return [_HELTAL - 1000 * omgång - namn_nr, _HELTAL - 1000 * omgång - 999]
    if isinstance(värde, int):
        return _HELTAL - 1000 * omgång - namn_nr
    if isinstance(värde, str):
        return f"\ue000{omgång}:{namn_nr}\ue000"
    if isinstance(värde, datetime.datetime):
        return datetime.datetime(1001 + omgång, 1, 1 + namn_nr, tzinfo=datetime.UTC)
    if isinstance(värde, datetime.date):
        return _FÖRSTA_DAG.replace(year=1001 + omgång) + datetime.timedelta(days=namn_nr)
    raise TypeError(f"ett värde av typen {type(värde).__name__} kan inte förkompileras")


def _som_nyckel(värde):
    """A parameter as a key to look a stand-in up by (a list, unhashable, as a tuple)."""
    return (list, tuple(värde)) if isinstance(värde, list) else (type(värde), värde)


class FelaktigByggare(Exception):
    """The builder used a value in a way that the compiled SQL cannot be reused for."""


class _Mall:
    """One shape: the template queryset, its compiler (after as_sql, so it knows its select
    list and how to build objects), the SQL, and where each value goes among its parameters."""

    def __init__(self, bygg, form, värden):
        namn = sorted(värden)
        kompilerade = []
        for omgång in (0, 1):
            ersättare = {n: _ersättare(nr, värden[n], omgång) for nr, n in enumerate(namn)}
            queryset = bygg(*form, **ersättare)
            if queryset._known_related_objects:
                raise FelaktigByggare("bygg frågan från modellens manager, inte en relation")
            kompilator = queryset.query.get_compiler(using=queryset.db)
            try:
                sql, parametrar = kompilator.as_sql()
            except EmptyResultSet:  # a filter that can match nothing, whatever the values
                sql, parametrar = "", []
            kompilerade.append((queryset, kompilator, sql, list(parametrar), ersättare))
        (self.queryset, self.kompilator, self.sql, self.parametrar, första) = kompilerade[0]
        _qs, _k, andra_sql, andra_parametrar, andra = kompilerade[1]
        if andra_sql != self.sql or len(andra_parametrar) != len(self.parametrar):
            raise FelaktigByggare("ett värde ändrar frågans SQL: ange det i form")
        plats_för = {_som_nyckel(v): n for n, v in första.items()}
        self.platser = []
        for plats, (a, b) in enumerate(zip(self.parametrar, andra_parametrar, strict=True)):
            n = plats_för.get(_som_nyckel(a))
            if n is not None and b == andra[n] and type(b) is type(andra[n]):
                self.platser.append((plats, n))
            elif a != b:
                raise FelaktigByggare(f"parameter {plats} beror på ett värde som ändrats: {a!r}")
            elif isinstance(a, datetime.date):
                raise FelaktigByggare(f"datumet {a} är inbyggt i frågan: ange det som värde")
        saknas = set(namn) - {n for _plats, n in self.platser}
        if saknas and self.sql:
            raise FelaktigByggare(f"värdena {sorted(saknas)} används inte som parametrar")

    def kör(self, värden):
        if not self.sql:
            return []
        parametrar = list(self.parametrar)
        for plats, namn in self.platser:
            parametrar[plats] = värden[namn]
        kompilator = copy.copy(self.kompilator)
        # A connection belongs to its thread: this one's, not the one that built the shape.
        kompilator.connection = connections[self.kompilator.using]
        kompilator.as_sql = lambda *args, **kwargs: (self.sql, parametrar)
        queryset = self.queryset._chain()
        # Only this evaluation sees the compiler: the queryset is never handed out (a clone of
        # its query would keep it and ignore any further filter).
        queryset.query.get_compiler = lambda *args, **kwargs: kompilator
        return list(queryset)


class Kompilerad:
    """``Kompilerad(bygg)(*form, **värden)``: the list ``bygg(*form, **värden)`` evaluates to,
    from SQL compiled once per process for each ``form`` (see the module docstring). At most
    ``storlek`` shapes are kept, the least recently used dropped first."""

    def __init__(self, bygg, storlek=512):
        self.bygg, self.storlek = bygg, storlek
        self._mallar = {}
        functools.update_wrapper(self, bygg)

    def __call__(self, *form, using="default", **värden):
        if connections[using].vendor != "postgresql":
            return list(self.bygg(*form, **värden))
        nyckel = (using, form, tuple(sorted((n, type(v)) for n, v in värden.items())))
        mall = self._mallar.pop(nyckel, None) or _Mall(self.bygg, form, värden)
        self._mallar[nyckel] = mall  # last: the most recently used
        while len(self._mallar) > self.storlek:
            try:
                self._mallar.pop(next(iter(self._mallar)), None)
            except (RuntimeError, StopIteration):  # another thread changed it meanwhile
                break
        return mall.kör(värden)

    def första(self, *form, **värden):
        """The first object or row, or None."""
        rader = self(*form, **värden)
        return rader[0] if rader else None


def kompilerad(bygg=None, *, storlek=512):
    """Decorator form of ``Kompilerad``."""
    if bygg is None:
        return functools.partial(kompilerad, storlek=storlek)
    return Kompilerad(bygg, storlek)
