import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "remiss.settings")

app = Celery("remiss")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The reminder tasks live in their own module beside each app's tasks.py.
app.autodiscover_tasks(related_name="tasks_paminnelser")
