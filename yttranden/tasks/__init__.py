"""The yttranden app's background work, one module per noun.

Celery's ``autodiscover_tasks()`` imports ``yttranden.tasks``; importing the modules here is what
registers their tasks."""

from yttranden.tasks import beslut, pdf, utlatande

__all__ = ["beslut", "pdf", "utlatande"]
