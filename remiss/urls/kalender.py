from django.urls import path, re_path

from remiss.views import kalender

app_name = "kalender"

urlpatterns = [
    path("", kalender.kalender, name="kalender"),
    path("ny-adress/", kalender.ny_adress, name="ny_adress"),
    re_path(r"^flode/(?P<nyckel>[A-Za-z0-9_-]{20,64})\.ics$", kalender.flöde, name="flöde"),
]
