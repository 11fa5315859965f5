from django.urls import path, re_path

from remiss.views import export, översikt

app_name = "remisser"

urlpatterns = [
    path("", översikt.översikt, name="översikt"),
    path("<int:pk>/", översikt.detalj, name="detalj"),
    re_path(r"^(?P<pk>[0-9]+)/export\.(?P<format>csv|xlsx)$", export.export, name="export"),
]
