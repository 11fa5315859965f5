"""Remiss: the project configuration, and the app for remisser, remissinstanser and KS tracking."""

from remiss.celery import app as celery_app

__all__ = ["celery_app"]
