"""Remiss: the project configuration and the remisser app (remisser, remissinstanser, KS tracking)."""

from remiss.celery import app as celery_app

__all__ = ["celery_app"]
