"""Long lists: pages whose last one costs what the first one does, and the distinct values of
a column for a filter without reading every row."""

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connection
from django.db.models.expressions import RawSQL


class Sidvisare(Paginator):
    """Django's Paginator, but a page in the back half of the list is read from the end: the
    query runs in reversed order with a small OFFSET and the rows are turned back. With an
    index matching the order, the first and the last page are both a short index range however
    long the history grows; only pages in the middle still skip rows. The list's ordering must
    be total (end in the pk), or reading it backwards would not give the same rows."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom <= self.count - top:
            return self._get_page(self.object_list[bottom:top], number, self)
        bakifrån = self.object_list.reverse()[self.count - top : self.count - bottom]
        return self._get_page(list(bakifrån)[::-1], number, self)


def olika_värden_och(rader, fält, **enstaka):
    """The distinct non-empty values of ``fält`` among ``rader`` (a queryset), sorted, and in
    the same round trip each of ``enstaka`` (name: the SQL and parameters of a query of one
    value, see ``antal`` and ``ett_värde``): a list page's filter choices and its count are one
    query. ``(values, {name: value})``.

    The values come from a loose index scan: a recursive query asks the index on ``fält`` for
    the first value, then for the first value after it, and so on, so the cost follows the
    number of distinct values (a dozen rotlar), not the number of rows (every remiss ever
    sent). The filters of ``rader`` (who may see what) apply at each step."""
    if rader.query.is_empty():
        början, parametrar = 'WITH "olika"("värde") AS (SELECT NULL)', []
    else:
        första_värdet = rader.exclude(**{fält: ""}).order_by(fält).values(fält)[:1]
        efter = RawSQL('"olika"."värde"', ())
        nästa = rader.filter(**{f"{fält}__gt": efter}).order_by(fält).values(fält)[:1]
        första_sql, första_param = första_värdet.query.sql_with_params()
        nästa_sql, nästa_param = nästa.query.sql_with_params()
        början = (
            f'WITH RECURSIVE "olika"("värde") AS (SELECT ({första_sql}) UNION ALL '
            f'SELECT ({nästa_sql}) FROM "olika" WHERE "olika"."värde" IS NOT NULL)'
        )
        parametrar = [*första_param, *nästa_param]
    kolumner = "".join(f", ({sql})" for sql, _parametrar in enstaka.values())
    for _sql, egna in enstaka.values():
        parametrar.extend(egna)
    with connection.cursor() as markör:
        # The recursion ends in a row whose value is NULL: there is always one, with the rest.
        markör.execute(f'{början} SELECT "värde"{kolumner} FROM "olika"', parametrar)
        resultat = markör.fetchall()
    värden = [rad[0] for rad in resultat if rad[0] is not None]
    return värden, dict(zip(enstaka, resultat[-1][1:], strict=True))


def antal(rader):
    """``rader``'s count as one value for ``olika_värden_och``."""
    try:
        sql, parametrar = rader.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return "SELECT 0", ()
    return f'SELECT count(*) FROM ({sql}) AS "räknade"', parametrar


def ett_värde(rad):
    """A queryset of one column and at most one row (``qs.values(x)[:1]``) as one value for
    ``olika_värden_och``; NULL when there is no row. Give it a value the database computes in
    the form wanted (a year, not a date): the raw query skips the ORM's conversions."""
    try:
        return rad.query.sql_with_params()
    except EmptyResultSet:
        return "SELECT NULL", ()
