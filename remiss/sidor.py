"""Long lists: pages whose last one costs what the first one does, and the distinct values of
a column for a filter without reading every row."""

import dataclasses

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connection
from django.utils.functional import cached_property


class Sidvisare(Paginator):
    """Django's Paginator, but a page in the back half of the list is read from the end: the
    query runs in reversed order with a small OFFSET and the rows are turned back. With an
    index matching the order, the first and the last page are both a short index range however
    long the history grows; only pages in the middle still skip rows. The list's ordering must
    be total (end in the pk), or reading it backwards would not give the same rows.

    ``räkna``: the queryset to count, when the list itself is a ``values()`` of columns from
    related tables: Django counts such a list with every join its columns need, where the
    plain queryset is counted in its own index (README "Antalet räknas exakt, i indexet").
    ``hämta(start, slut, bakifrån)``: the rows of a page, when they are read some other way
    than by slicing ``object_list`` (a compiled query, the overview's); the count is then set."""

    def __init__(self, object_list, per_page, *args, räkna=None, hämta=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.räkna, self.hämta = räkna, hämta

    @cached_property
    def count(self):
        return self.räkna.count() if self.räkna is not None else super().count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom <= self.count - top:
            return self._get_page(self._rader(bottom, top, bakifrån=False), number, self)
        bakifrån = self._rader(self.count - top, self.count - bottom, bakifrån=True)
        return self._get_page(list(bakifrån)[::-1], number, self)

    def _rader(self, start, slut, bakifrån):
        if self.hämta is not None:
            return self.hämta(start, slut, bakifrån)
        rader = self.object_list.reverse() if bakifrån else self.object_list
        return rader[start:slut]


@dataclasses.dataclass(frozen=True)
class Rader:
    """A queryset's rows as compiled SQL (for ``olika_värden_och``), to be kept and run again."""

    modell: type
    sql: str
    parametrar: tuple

    @classmethod
    def av(cls, rader):
        try:
            sql, parametrar = rader.order_by().query.sql_with_params()
        except EmptyResultSet:
            tabell = connection.ops.quote_name(rader.model._meta.db_table)
            sql, parametrar = f"SELECT * FROM {tabell} WHERE 1 = 0", ()
        return cls(rader.model, sql, tuple(parametrar))


def olika_värden_och(rader, fält, **enstaka):
    """The distinct non-empty values of ``fält`` among ``rader`` (a queryset, or its ``Rader``),
    sorted, and in the same round trip each of ``enstaka`` (name: the SQL and parameters of a
    query of one value, see ``antal`` and ``ytterst``): a list page's filter choices and its
    count are one query. ``(values, {name: value})``.

    The values come from a loose index scan: a recursive query asks the index on ``fält`` for
    the first value, then for the first value after it, and so on, so the cost follows the
    number of distinct values (a dozen rotlar), not the number of rows (every remiss ever
    sent). The filters of ``rader`` (who may see what) apply at each step: ``rader`` is
    compiled once, as the query's ``"rader"``, which PostgreSQL writes into each step (NOT
    MATERIALIZED) as if the filter were repeated there, so every step still reads the index."""
    if not isinstance(rader, Rader):
        rader = Rader.av(rader)
    kolumn = connection.ops.quote_name(rader.modell._meta.get_field(fält).column)
    rader_sql, parametrar = rader.sql, rader.parametrar
    parametrar = [*parametrar, ""]
    # The recursion ends in a row whose value is NULL: there is always one, with the rest.
    början = (
        f'WITH RECURSIVE "rader" AS NOT MATERIALIZED ({rader_sql}), "olika"("värde") AS ('
        f'SELECT (SELECT {kolumn} FROM "rader" WHERE {kolumn} <> %s ORDER BY {kolumn} LIMIT 1) '
        f'UNION ALL SELECT (SELECT {kolumn} FROM "rader" WHERE {kolumn} > "olika"."värde" '
        f'ORDER BY {kolumn} LIMIT 1) FROM "olika" WHERE "olika"."värde" IS NOT NULL)'
    )
    kolumner = "".join(f", ({sql})" for sql, _parametrar in enstaka.values())
    for _sql, egna in enstaka.values():
        parametrar.extend(egna)
    with connection.cursor() as markör:
        markör.execute(f'{början} SELECT "värde"{kolumner} FROM "olika"', parametrar)
        resultat = markör.fetchall()
    värden = [rad[0] for rad in resultat if rad[0] is not None]
    return värden, dict(zip(enstaka, resultat[-1][1:], strict=True))


def ytterst(kolumn, sista=False):
    """The smallest (or, ``sista``, the largest) value of the column ``kolumn`` among the rows
    given to ``olika_värden_och``, as one value for it: read from the column's index."""
    namn = connection.ops.quote_name(kolumn)
    return f'SELECT {namn} FROM "rader" ORDER BY {namn}{" DESC" if sista else ""} LIMIT 1', ()


def antal(rader):
    """``rader``'s count as one value for ``olika_värden_och``."""
    try:
        sql, parametrar = rader.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return "SELECT 0", ()
    return f'SELECT count(*) FROM ({sql}) AS "räknade"', parametrar
