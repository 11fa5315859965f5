import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "remiss.settings")

app = Celery("remiss")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Finds each app's tasks package; its __init__ imports the modules that define the tasks.
app.autodiscover_tasks()
