"""KS's register of external organisations, under /organisationer/ (namespace
"organisationer"), and KS's actions on an organisation's remiss and links."""

from django.urls import path

from remiss.views import organisationer

app_name = "organisationer"

urlpatterns = [
    path("", organisationer.lista, name="lista"),
    path("ny/", organisationer.ny, name="ny"),
    path("<int:pk>/", organisationer.ändra, name="ändra"),
    path("remiss/<int:pk>/lagg-till/", organisationer.lägg_till, name="lägg_till"),
    path(
        "instans/<int:pk>/kontakt/<int:kontakt_pk>/ny-lank/",
        organisationer.ny_länk,
        name="ny_länk",
    ),
    path(
        "instans/<int:pk>/lank/<int:länk_pk>/aterkalla/",
        organisationer.återkalla,
        name="återkalla",
    ),
]
