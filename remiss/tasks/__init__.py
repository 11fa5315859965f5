"""The remiss app's background work, one module per noun.

Celery's ``autodiscover_tasks()`` imports ``remiss.tasks``; importing the modules here is what
registers their tasks."""

from remiss.tasks import paminnelser, utkorg

__all__ = ["paminnelser", "utkorg"]
