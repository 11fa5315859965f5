from django.contrib import admin
from django.urls import include, path, re_path

from nämnder.api.vyer import IngenAdress
from nämnder.inloggning.views import logga_ut
from nämnder.views import Inloggning, admininloggning
from remiss.views.favicon import favicon
from remiss.views.start import start

# Django's own "Bad Request (400)" is English: every refused request gets a Swedish answer.
handler400 = "remiss.views.fel.felaktig_begäran"

# The REST API (README "API"): each app's endpoints, the schema and its documentation; any
# other address under /api/v1/ is a problem too, not the site's HTML page.
api = [
    path("", include("nämnder.api.urls")),
    path("", include("remiss.api.urls")),
    path("", include("yttranden.api.urls")),
    re_path(r"^.*$", IngenAdress.as_view(), name="ingen_adress"),
]

urlpatterns = [
    path("", start, name="start"),
    path("favicon.ico", favicon, name="favicon"),
    path("logga-in/", Inloggning.as_view(), name="login"),
    path("logga-in/", include("nämnder.inloggning.urls")),
    path("logga-ut/", logga_ut, name="logout"),
    path("namnder/", include("nämnder.urls")),
    path("remisser/", include("remiss.urls.remisser")),
    path("remisser/", include("remiss.urls.ks")),
    path("instanser/", include("remiss.urls.instanser")),
    path("organisationer/", include("remiss.urls.organisationer")),
    path("utlatanden/", include("yttranden.urls.utlatanden")),
    path("sok/", include("remiss.urls.sok")),
    path("beslut/", include("yttranden.urls.beslut")),
    path("kalender/", include("remiss.urls.kalender")),
    path("svar/", include("yttranden.urls.extern")),  # external contacts' personal links
    path("", include("yttranden.urls.pdf")),  # /pdf/… and /verifiera/
    path("api/v1/", include((api, "api"))),
    path("admin/login/", admininloggning, name="admininloggning"),
    path("admin/", admin.site.urls),
]
