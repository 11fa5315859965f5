from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from nämnder.views import Inloggning, admininloggning
from remiss.views.start import start

urlpatterns = [
    path("", start, name="start"),
    path("logga-in/", Inloggning.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("namnder/", include("nämnder.urls")),
    path("remisser/", include("remiss.urls_remisser")),
    path("remisser/", include("remiss.urls_ks")),
    path("instanser/", include("remiss.urls_instanser")),
    path("utlatanden/", include("yttranden.urls")),
    path("sok/", include("remiss.urls_sok")),
    path("beslut/", include("yttranden.urls_beslut")),
    path("kalender/", include("remiss.urls_kalender")),
    path("", include("yttranden.urls_pdf")),  # /pdf/… and /verifiera/
    path("admin/login/", admininloggning, name="admininloggning"),
    path("admin/", admin.site.urls),
]
