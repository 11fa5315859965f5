from django.urls import path, re_path

from remiss.views import export, forslag, oversikt

app_name = "remisser"

urlpatterns = [
    path("", oversikt.översikt, name="översikt"),
    path("<int:pk>/", oversikt.detalj, name="detalj"),
    re_path(r"^(?P<pk>[0-9]+)/export\.(?P<format>csv|xlsx)$", export.export, name="export"),
    path("<int:pk>/forslag/", forslag.per_förslag, name="per_förslag"),
    re_path(
        r"^(?P<pk>[0-9]+)/forslag\.(?P<format>xlsx|docx)$",
        forslag.export,
        name="per_förslag_export",
    ),
]
