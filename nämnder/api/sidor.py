"""Cursor pages: the next page starts after the last row seen, so a page costs an index range
however deep it is, and rows added meanwhile neither repeat nor vanish."""

from rest_framework.pagination import CursorPagination


class Markörsidor(CursorPagination):
    ordering = "-id"  # the primary key: unique and indexed, a position is one comparison
    page_size = 50
    page_size_query_param = "antal"
    max_page_size = 200
    cursor_query_param = "markor"
    invalid_cursor_message = "Markören är ogiltig."
