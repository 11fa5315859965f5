"""Long lists: pages whose last one costs what the first one does, and the distinct values of
a column for a filter without reading every row."""

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


def olika_värden(rader, fält):
    """The distinct non-empty values of ``fält`` among ``rader`` (a queryset), sorted.

    A loose index scan: a recursive query asks the index on ``fält`` for the first value, then
    for the first value after it, and so on, so the cost follows the number of distinct values
    (a dozen rotlar), not the number of rows (every remiss ever sent). The filters of ``rader``
    (who may see what) apply at each step."""
    if rader.query.is_empty():
        return []
    första = rader.exclude(**{fält: ""}).order_by(fält).values(fält)[:1]
    efter = RawSQL('"olika"."värde"', ())
    nästa = rader.filter(**{f"{fält}__gt": efter}).order_by(fält).values(fält)[:1]
    första_sql, första_param = första.query.sql_with_params()
    nästa_sql, nästa_param = nästa.query.sql_with_params()
    sql = (
        f'WITH RECURSIVE "olika"("värde") AS (SELECT ({första_sql}) UNION ALL '
        f'SELECT ({nästa_sql}) FROM "olika" WHERE "olika"."värde" IS NOT NULL) '
        'SELECT "värde" FROM "olika" WHERE "värde" IS NOT NULL'
    )
    with connection.cursor() as markör:
        markör.execute(sql, (*första_param, *nästa_param))
        return [värde for (värde,) in markör.fetchall()]
