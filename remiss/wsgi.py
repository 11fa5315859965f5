"""The WSGI application the web server serves (``gunicorn remiss.wsgi``: the Dockerfile's
command and the load benchmark's).

Before the first request, the project's views are imported (the URL patterns read) and then
everything loaded so far is moved out of the garbage collector's sight (``gc.freeze``): about
275,000 objects that live as long as the process. Left in place, every full collection walks
them all, which took some 220 ms on the benchmark machine and came once every few dozen page
views: the request it fell on, and those queued behind it, waited (issue 17). What a request
leaves behind is still collected as before."""

import gc
import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.urls import reverse

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "remiss.settings")

application = get_wsgi_application()
reverse(settings.LOGIN_URL)  # reads every URL pattern: imports each view, form and model module
gc.collect()
gc.freeze()
