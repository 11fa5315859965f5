"""Page through long lists whose last pages cost what the first ones do."""

from django.core.paginator import Paginator


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
